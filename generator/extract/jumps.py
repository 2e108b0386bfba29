"""A story continued on another page of the same issue: it ends '（下转第2版）', and the page it names
opens a piece '（上接第1版）…'. Each page is reassembled on its own, so the two stay two articles
(their ids, lines and page views are each page's); what joins them is a link both ways, and the
continuation's title: it has none printed, and its first sentence is the middle of the story."""
from __future__ import annotations

import re

from ..reassemble.evidence import bigrams
from ..text.vocabulary import CONTINUED_FROM, CONTINUED_ON, fold, number
from .model import Article

PAGE = re.compile(r"([A-Z]?)0*(\S+)")  # A05 as (A, 5), 第二版 as ('', 2)
CONTINUATION = "（续）"  # after the story's title, the continuation's


def _page(label: str | None) -> tuple[str, int] | None:
    match = PAGE.fullmatch(fold(label or "").strip())
    value = number(match.group(2)) if match else None
    return (match.group(1), value) if value is not None else None


def pairs(articles: list[Article]) -> list[tuple[Article, Article]]:
    """(story, its continuation) for each story that says where it goes on and whose issue has a
    piece there saying where it comes from: same paper, same day, the pages each names. Where two
    stories of a page go on on the same page, each takes the piece that shares the most of its words."""
    opening: dict[tuple, list[tuple[Article, tuple]]] = {}  # by paper, day and page: (piece, the page it comes from)
    for article in articles:
        came = CONTINUED_FROM.match(fold(article.paragraphs[0]["text"])) if article.paragraphs else None
        here = _page(article.page_label)
        if came and here and article.publication_date:
            opening.setdefault((article.newspaper, article.publication_date, here), []).append((article, _page(came.group(1))))
    out, taken = [], set()
    for article in articles:
        goes = CONTINUED_ON.search(fold(article.paragraphs[-1]["text"])) if article.paragraphs else None
        there, here = _page(goes.group(1)) if goes else None, _page(article.page_label)
        if not (there and here and article.publication_date):
            continue
        pieces = [p for p, source in opening.get((article.newspaper, article.publication_date, there), [])
                  if source == here and id(p) not in taken]
        if pieces:
            words = bigrams(article.text)
            piece = max(pieces, key=lambda p: len(words.keys() & bigrams(p.text).keys()))  # (the first of equals)
            taken.add(id(piece))
            out.append((article, piece))
    return out


def title_continuations(articles: list[Article]) -> None:
    """A continuation whose page prints no headline for it is titled by its story: 标题（续）."""
    for story, piece in pairs(articles):
        if piece.title_derived:
            piece.title = story.title + CONTINUATION
