"""District and city of a page, from the gazetteer kept as data."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..text import HAN, compact

UNKNOWN_DISTRICT = re.compile(rf"(?<![{HAN}])[{HAN}]{{2,3}}[区县]|(?<=[，。、\s])[{HAN}]{{2,3}}[区县]")
NOT_DISTRICT = re.compile(r"^(?:全|该|本|各|城|辖|社|园|景|片|小|街|新|开发|示范|试验|实验|自贸|保税|综合|核心|重点|山|老|农|牧)|[社园景片小街校厂矿营]区$")


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


def district_label(district: str, city: str | None) -> str:
    """The district as the site names it. Cities share district names (高新区), so a name stands
    alone only where the gazetteer gives it to this city and no other."""
    if not city or district.startswith(city) or _cities_of(district) == {city}:
        return district
    return city + district


@cache
def _cities_of(name: str) -> set[str]:
    return {d.city for d in gazetteer().districts if d.name == name}


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
    if candidates:
        return max(candidates, key=score), True
    # Not in the gazetteer: the county or district the page names most, city unknown.
    names = Counter(m.group() for m in UNKNOWN_DISTRICT.finditer(text) if not NOT_DISTRICT.search(m.group()))
    if names:
        name = max(names, key=lambda n: (names[n], n))
        return District(name, name, city or ""), True
    return None, True
