"""Extract metadata from reassembled articles: credits, dates, places, people, topics.

`article.extract` turns a page's reassembled layout into Article records.
"""
