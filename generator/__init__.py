"""Raw newspaper pages in, a static archive site out. One package a stage, in the order a page
goes through them:

    text        what every stage knows of the page's language: characters and widths, word
                cutting, the paper's vocabulary, credit and dateline forms
    read        a page file to a Page: decode, check, sidecar and archive metadata, its lines
                normalised and joined once
    reassemble  a Page to a Layout: which lines form each article, its headline, its fragments
    extract     a Layout to Article records: credits, dates, places, people, organisations, topics
    archive     the stages over a folder of pages: pipeline, page cache, corrections, id registry,
                export and scoring
    render      an article or a page to Markdown, and the record of what each page was made from
    index       the pages that list articles (district, date, topic, name, issue) and the ways in
    search      the exact character index the search page reads
    site        the docs folder and MkDocs: the build, its plugins, shards, the offline copy, link check

`cli` sits on top. A module imports only from its own package and the packages above it in this
list (tests/test_layout.py holds it), so a stage can be read, tested and changed without the later
ones.
"""
