"""A page's reassembled layout to Article records (`article`, the records in `model`): headline
parts, credits, dates, district and places, people and their roles, organisations, topics.
May import `text`, `read`, `reassemble`."""
