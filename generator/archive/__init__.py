"""The stages over a whole folder of pages and what an archive keeps between builds: the pipeline
(read → reassemble → correct → extract, a page per task on every core), the page cache, the
editors' corrections, the id registry of every permalink issued, the article export and its
scoring against gold, and writing files whole. May import `text`, `read`, `reassemble`, `extract`."""
