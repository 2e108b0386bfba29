"""What every stage knows of the language of the page, and no stage owns: characters and their
printed widths (`chars`), the word cut (`words`), the paper's own words as data (`vocabulary`, from
data/vocabulary.yaml), and the forms of credits and datelines (`credits`). Imports nothing else of
the generator."""
