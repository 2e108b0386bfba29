"""An MkDocs plugin (`archive-markup` in mkdocs.yml, registered in pyproject.toml): Material's
markup made valid HTML, the JSON in pages written as UTF-8, and the offline copy's pages canonical
at their online address.

The Nu HTML Checker finds three errors in every page Material writes, none of them ours and none
in a template block a theme override can reach (and its `lang="zh"` is made the zh-CN the site's
JSON-LD and feeds say):
- its drawer and search toggles are checkboxes with `autocomplete="off"`, an attribute HTML allows
  on text-like inputs only;
- the table of contents' title is a label `for="__toc"`, a control that exists only on pages in the
  navigation (no article is);
- a navigation section's label carries `tabindex=""`, which is no number.
Each is mended where it stands in the rendered page; nothing else is touched.

Jinja's `tojson` (the JSON-LD, Material's configuration) writes each Chinese character as a
six-byte \\u escape by default; as UTF-8 it is three bytes, and the same JSON (still escaped for
HTML: < > & ' stay escaped), and without the spaces after its commas and colons.

The offline copy is built with file links (articles/x.html), from which MkDocs derives each page's
canonical address: one that exists nowhere online, where the page is articles/x/. Its home page's
link to the offline copy (inside the online site) leads to the online one.

The plugin holds no state across pages, so generator/site/parallel_mkdocs.py may run it in its workers
(PAGE_LOCAL).
"""
from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

from .offline import PUBLISHED

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')
_TOC_LABEL = ' for="__toc"'
OFFLINE_LINK = f'class="offline-copy" href="{PUBLISHED}"'  # the home page's link to the offline copy, inside the site
# Material's language `zh` writes lang="zh"; the site is in simplified Chinese as used in mainland
# China, which is what its JSON-LD, feeds and citations say (zh-CN): one tag everywhere.
_LANG = re.compile(r'<html lang="?zh"?(?=[\s>])')


def online(url: str) -> str:
    """A page's address online, from its address in the copy built with file links."""
    if url.endswith("index.html"):
        return url[:-len("index.html")]
    return url[:-len(".html")] + "/" if url.endswith(".html") else url


def valid(html: str) -> str:
    html = _LANG.sub('<html lang="zh-CN"', _EMPTY_TABINDEX.sub("", _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)), count=1)
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, "")
    return html


class ArchiveMarkup(BasePlugin):
    PAGE_LOCAL = True

    def on_env(self, env, config, files):
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
        return env

    def on_page_context(self, context, page, config, nav):
        if not config.use_directory_urls and page.canonical_url:
            page.canonical_url = online(page.canonical_url)
        return context

    def on_post_page(self, output: str, page, config) -> str:
        if not config.use_directory_urls and OFFLINE_LINK in output:  # the copy is not in the copy
            output = output.replace(OFFLINE_LINK, f'class=offline-copy href="{config.site_url}{PUBLISHED}"'
                                    if config.site_url else OFFLINE_LINK)
        return valid(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:  # the 404 page
        return valid(output_content)
