"""District and city of a page, from the gazetteer kept as data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..text import compact


@dataclass(frozen=True)
class District:
    name: str
    full: str
    city: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    districts: tuple[District, ...]
    cities: dict

    def city_forms(self, city: str) -> tuple[str, ...]:
        return (city, *self.cities.get(city, {}).get("aliases", []))


@cache
def gazetteer() -> Gazetteer:
    data = yaml.safe_load(resources.files("generator.data").joinpath("gazetteer.yaml").read_text(encoding="utf-8"))
    districts = tuple(District(d["name"], d["full"], d["city"], tuple(d.get("aliases", []))) for d in data["districts"])
    return Gazetteer(districts, data["cities"])


def locate(text: str, district: str | None = None, city: str | None = None) -> tuple[District | None, bool]:
    """The district a page is about and whether that was inferred (True) or given.

    Every district is scored by how often its printed forms occur, and an ambiguous short
    name (高新区) goes to the city the page names most, directly or through its districts.
    """
    gaz = gazetteer()
    text = compact(text)
    if district:
        named = [d for d in gaz.districts if district in d.forms and (not city or d.city == city)]
        if named:
            return named[0], False
        return District(district, district, city or ""), False

    def mentions(form: str) -> int:
        return text.count(form)

    city_weight = {c: sum(mentions(f) for f in gaz.city_forms(c)) for c in gaz.cities}
    for d in gaz.districts:  # districts that only one city has are evidence for that city
        if sum(1 for o in gaz.districts if d.name in o.forms) == 1:
            city_weight[d.city] += mentions(d.name)

    def score(d: District) -> tuple:
        own = max(mentions(f) for f in d.forms)
        return own, city_weight.get(d.city, 0), -len(d.name)

    candidates = [d for d in gaz.districts if (not city or d.city == city) and score(d)[0] > 0]
    if not candidates:
        return None, True
    return max(candidates, key=score), True
