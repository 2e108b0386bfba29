"""An article or a raw page as the Markdown MkDocs renders (`markdown`, templates in
generator/templates/), and the record of what each rendered page was made from (`record`), so a
build renders only what changed. May import the stages up to `archive`."""
