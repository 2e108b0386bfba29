"""The pages that list articles and the ways into them: home, district, date, topic, reporter,
person and organisation pages (`listings`), source page views, the issue view, feeds and data
downloads, charts, offices held, related articles, 历史上的今天. May import the stages up to
`render`."""
