"""An MkDocs plugin (`valid-markup` in mkdocs.yml, registered in pyproject.toml): Material's markup
made valid HTML.

The Nu HTML Checker finds three errors in every page Material writes, none of them ours and none
in a template block a theme override can reach:
- its drawer and search toggles are checkboxes with `autocomplete="off"`, an attribute HTML allows
  on text-like inputs only;
- the table of contents' title is a label `for="__toc"`, a control that exists only on pages in the
  navigation (no article is);
- a navigation section's label carries `tabindex=""`, which is no number.
Each is mended where it stands in the rendered page; nothing else is touched. The plugin holds no
state across pages, so generator/parallel_mkdocs.py may run it in its workers (PAGE_LOCAL).
"""
from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')
_TOC_LABEL = ' for="__toc"'


def valid(html: str) -> str:
    html = _EMPTY_TABINDEX.sub("", _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, "")
    return html


class ValidMarkup(BasePlugin):
    PAGE_LOCAL = True

    def on_post_page(self, output: str, page, config) -> str:
        return valid(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:  # the 404 page
        return valid(output_content)
