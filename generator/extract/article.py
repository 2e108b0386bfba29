"""One Article record per reassembled article: text, headline roles, credits, dates, entities."""
from __future__ import annotations

import hashlib

from ..read.page import Page
from ..reassemble import Layout, frame
from ..reassemble.paragraphs import paragraphs
from ..reassemble.stories import Draft
from ..text import credits, vocabulary
from ..text.chars import compact, simplified
from ..text.words import tag_joined, tfidf_keywords
from . import bodies, body_rules, dates, headline, ner, people, places, rosters, topics
from .model import Article

KEYWORDS = 12


def ranges(lines: list[int]) -> list[list[int]]:
    """[4, 5, 6, 9] -> [[4, 6], [9, 9]], keeping the reading order of the lines."""
    out: list[list[int]] = []
    for n in lines:
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return out


def article_id(body: str) -> str:
    """A short id from the article's own opening words: it stays when other pages are
    added or the parser shifts a boundary at the article's end."""
    opening = compact(body)[:60]
    return hashlib.blake2b(opening.encode("utf-8"), digest_size=5).hexdigest()


def draft_id(draft: Draft, page: Page) -> str:
    """The id the article of `draft` will have (before it is made unique over the archive)."""
    return _identity(paragraphs(draft, page), _units(draft, page))


def _units(draft: Draft, page: Page) -> list[str]:
    return [headline.unit_text([page.text(n) for n in unit]) for unit in draft.headline]


def _identity(paras, units: list[str]) -> str:
    """The id from the text without bylines, or from the headline where there is no text."""
    body = "".join(p.text for p in paras if p.role != "byline")
    return article_id(body or " ".join(units))


def _as_printed(credit: credits.Credit, text: str) -> None:
    """Names as the page prints them: credits are read in simplified characters (陈大文), one for
    one, from a page that may print traditional ones (陳大文)."""
    fields = ("reporters", "correspondents", "photographers")
    if all(name in text for field in fields for name in getattr(credit, field)):
        return  # (the common case, told without a pass over the text)
    folded = simplified(text)
    for field in fields:
        names = getattr(credit, field)
        names[:] = [text[at:at + len(n)] if (at := folded.find(n)) >= 0 else n for n in names]


def _printed(page: Page, lines: list[int]) -> str:
    """Lines of a paragraph joined as they wrap, each as printed with its spaces, and a space where
    one stood at a line's end or start ('（记者 阿依古丽 ' / '王磊）', '张伟' / ' 陈志刚')."""
    return "".join((" " if page.lines[n - 1][:1].isspace() else "") + page.running[n] +
                   (" " if page.lines[n - 1][-1:].isspace() else "") for n in lines).strip()


def extract(page: Page, layout: Layout) -> list[Article]:
    page_text = "\n".join(page.lines)
    texts = [_Text(page, draft) for draft in layout.articles]
    district, district_inferred = places.locate([t.body for t in texts] or [page_text], page.meta.district,
                                                page.meta.city, frame.label(page, layout.furniture))
    if page.meta.date:
        year, year_inferred = int(page.meta.date[:4]), False
    else:
        year, year_inferred = dates.page_year(page_text), True
    names = list(district.forms) if district else []
    # the model reads where a person's name may stand, and where a body's may end, the page's
    # articles in one pass each (apart: the model's tags in a batch depend a little on the others)
    located = people.located_names([(t.body, t.tokens) for t in texts])
    read = ner.entities_of([(t.for_model, bodies.windows(t.for_model, t.model_tokens)) for t in texts])
    for t, entities in zip(texts, read):
        t.entities = entities
    return [_article(page, draft, t, found, district or _own_district(page, draft, t), district_inferred, year,
                     year_inferred, names) for draft, t, found in zip(layout.articles, texts, located)]


def _own_district(page: Page, draft: Draft, text: _Text) -> places.District | None:
    """A story's own district on a page of none (a city paper's news page, its stories from all over
    the city): a district of the paper's city that the headline and text name as a page's stories
    name the page's (places.locate). Only where the paper's city is given: a story elsewhere, or in
    a paper of no city, has none."""
    if not page.meta.city:
        return None
    return places.locate([" ".join(_units(draft, page)) + text.body], None, page.meta.city)[0]


class _Text:
    """An article's paragraphs, its text without bylines, what the model reads of it, and jieba's
    words of both."""

    def __init__(self, page: Page, draft: Draft):
        self.paras = paragraphs(draft, page)
        texts = [p.text for p in self.paras if p.role != "byline"]
        self.body = "".join(texts)
        tagged: dict[str, list[tuple[str, str]]] = {}  # the paragraphs' words, cut once for both
        self.tokens = tag_joined(texts, tagged)
        # what the model reads: the paragraphs, a '。' between each two, the lead without its
        # dateline and credit ('新华社西安１月１日电（记者…）政协…' ran into '电政协')
        parts: list[str] = []
        for text in filter(None, [credits.without_dateline(texts[0]), *texts[1:]] if texts else []):
            parts += ["。", text] if parts else [text]
        self.for_model = "".join(parts)
        self.model_tokens = tag_joined(parts, tagged)
        self.entities: list = []  # what the model finds around the words that may end a body's name


def _article(page, draft: Draft, text: _Text, located, district, district_inferred, year, year_inferred,
             names) -> Article:
    paras, body, tokens = text.paras, text.body, text.tokens
    text_paras = [p for p in paras if p.role == "text"]
    # the lead is the paragraph its dateline or credit opens, where an editor's note or a column's
    # label stands before it (编者按：… / 本报讯（记者 朱琳）…); else the first
    at = next((k for k, p in enumerate(text_paras) if credits.is_lead(simplified(p.text))), 0)
    lead = text_paras[at].text if text_paras else (paras[0].text if paras else "")

    credit = credits.Credit()
    # a credit without brackets ends at a space, and two names may stand apart by one only
    # ('（记者冷彤　李丹）'): only the printed lines keep it (_printed)
    read = simplified(lead)  # what the rules read (a page may print traditional characters)
    printed_paras = [_printed(page, p.lines) for p in text_paras]  # (the lead's credit, and rosters)
    from_lead = (credits.from_lead(printed_paras[at]) if printed_paras else None) or credits.from_lead(read)
    if from_lead:
        credit.add(from_lead)
    for p in paras:
        if p.role == "byline":
            parsed = credits.parse(simplified(p.text))
            if parsed:
                credit.add(parsed)

    units = _units(draft, page)
    if units:
        kicker, title, subtitle = headline.roles(units, names, compact(lead))
        derived = False
    elif titled := credits.dispatch_title(lead):  # (a wire feature's: 新华社北京6月10日电　题：…)
        kicker, (title, subtitle), derived = None, titled, False
    else:
        kicker, subtitle = None, None
        printed = credits.bracketed_title(lead)  # (a brief's title, in brackets before its text)
        derived = printed is None
        title = headline.derive([p.text for p in text_paras] or [lead]) if derived else printed

    dateline = vocabulary.dateline(read)
    event = dates.event_date(credits.without_dateline(read), page.meta.date, dates.filed(dateline))
    event_date = dates.resolved(event, page.meta.date, year, read) if event else None

    _as_printed(credit, "".join(p.text for p in paras))
    credited = set(credit.reporters + credit.correspondents + credit.photographers)
    persons = people.persons(body, tokens, exclude=credited, located=located)
    # names printed as lists (apart by spaces, which running text closes up; or by 、), or marked
    roster = [n for printed in printed_paras for n in rosters.rostered(printed)] + rosters.listed(body, persons)
    if roster:
        persons = sorted(dict.fromkeys(persons + [n for n in roster if n not in credited]), key=body.find)
        persons = [n for n in persons if not any(o != n and o.startswith(n) for o in roster)]  # (奇英 of 奇英成)
    # The title often names in full what the text then says short (二七区委… → 区委…). Kickers and
    # subtitles are not read: they are slogans more often than names ('解难题办实事' is no 难题办).
    rules = body_rules.rules(text.for_model if derived else f"{title}。{text.for_model}", persons)  # (no dateline: 电国务院…)
    printed = " ".join([lead] + [p.text for p in paras if p.role == "byline"])  # its dateline and credits
    organizations = bodies.placed(bodies.organizations(text.for_model, text.model_tokens, text.entities, rules, printed,
                                                       "" if derived else title),
                                  district.name if district else None, district.city if district else page.meta.city, body)
    keywords = tfidf_keywords(tokens, KEYWORDS)
    found_places = places.named(body, tokens, organizations + rules)  # a place in any body's name is the body's

    ident = _identity(paras, units)  # made unique over the archive by the pipeline

    return Article(
        id=ident, source=page.name, kind=draft.kind, title=title, title_derived=derived,
        kicker=kicker, subtitle=subtitle,
        headline_lines=[r for unit in draft.headline for r in ranges(unit)],
        body_lines=ranges(draft.body),
        paragraphs=[{"text": p.text, "role": p.role, "lines": ranges(p.lines)} for p in paras],
        reporters=credit.reporters, correspondents=credit.correspondents, photographers=credit.photographers,
        event_date=event_date, event_date_text=event.text if event else None,
        year=year, date_inferred=year_inferred,
        publication_date=page.meta.date, newspaper=page.meta.newspaper, page_label=page.meta.page,
        district=district.name if district else None, district_full=district.full if district else None,
        city=(district.city or None) if district else None, district_inferred=district_inferred,
        persons=persons, person_roles=people.roles(body, persons, organizations), organizations=organizations,
        places=found_places, keywords=keywords,
        topics=topics.topics(compact(" ".join(filter(None, [kicker, title, subtitle]))), body, keywords,
                             names=persons + organizations + found_places, tokens=tokens),
    )
