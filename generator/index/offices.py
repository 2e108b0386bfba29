"""Who held which office when, as the articles themselves say it: a person's roles in an article
(高新区党工委书记、管委会主任), dated by the article. A person's page shows each role from the first
article that gives it to the last; an organisation's page, the people whose role is one of its
offices (the role begins with the organisation's name: 二七区委 → 二七区委副书记), with theirs.
Nothing is inferred beyond the articles' words and dates: a role is held "as reported", from the
first report to the last."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..extract.model import Article


@dataclass(frozen=True)
class Held:
    """A role (or an office of an organisation) and who held it, from the first article that says
    so to the last (oldest first, by date, then id)."""
    role: str
    person: str
    first: Article
    last: Article
    count: int


def _dated(article: Article) -> tuple:
    return (article.date or "", article.id)


def offices(articles: list[Article], organisations: set[str]) -> tuple[dict[str, list[Held]], dict[str, list[Held]]]:
    """(by person, by organisation): each a list of Held, in the order they were first reported.
    An organisation's office is a role that begins with one of `organisations` (the longest that
    fits), the rest of the role being its title."""
    spans: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for a in articles:
        for person, roles in a.person_roles.items():
            for role in roles:
                spans[(person, a.body_page(role))].append(a)  # 区委常委 in a 二七区 article is 二七区委常委
    longest = max(map(len, organisations), default=0)
    by_person: dict[str, list[Held]] = defaultdict(list)
    by_org: dict[str, list[Held]] = defaultdict(list)
    for (person, role), group in spans.items():
        group.sort(key=_dated)
        by_person[person].append(Held(role, person, group[0], group[-1], len(group)))
        org = next((role[:n] for n in range(min(len(role) - 1, longest), 1, -1) if role[:n] in organisations), None)
        if org:
            by_org[org].append(Held(role[len(org):].lstrip("、"), person, group[0], group[-1], len(group)))
    order = lambda held: (_dated(held.first), held.role, held.person)
    return ({p: sorted(h, key=order) for p, h in by_person.items()},
            {o: sorted(h, key=order) for o, h in by_org.items()})
