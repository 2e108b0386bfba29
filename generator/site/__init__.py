"""The site: the docs folder written by one writer (`build`), MkDocs run with its page loop on every
core (`parallel_mkdocs`) and the plugins it loads (`theme_markup`, `sitemaps`), shards and their
merge, the offline copy, the link check. May import every stage."""
