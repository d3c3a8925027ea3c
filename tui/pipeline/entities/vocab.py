"""The words, labels and weights the entity rules read: word lists from the shared lexicon
(`data/lexicon.toml`, read once at import), spaCy's labels as votes, and the regexes of
names' shapes. Read-only tables; nothing here changes after import."""

from __future__ import annotations

import re
from pathlib import Path

from tui.pipeline import lexicon
from tui.pipeline.model import EntityType

T = EntityType

DATA = Path(__file__).resolve().parent.parent / "data"

# spaCy labels that are not things a reader looks up: they go to the timeline or nowhere.
NOT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# spaCy's label -> (our type, weight of one mention's vote). PRODUCT and WORK_OF_ART are
# where the small model puts names it does not understand, so they count for little.
LABELS: dict[str, tuple[EntityType, float]] = {
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
RULER_LABELS = frozenset({"EQUIPMENT", "FACILITY", "GROUP"})
# The weight of a label spaCy gives that is not in LABELS (a label of a newer model).
UNKNOWN_LABEL_WEIGHT = 0.5
# The small model calls most unknown single words PERSON; a real lone surname usually
# joins its full name, which carries the weight, so a one-word PERSON counts for less.
LONE_PERSON_WEIGHT = 0.6

CUE = 2.0  # one syntactic cue ("the city of X") is worth two model votes
# Contexts that say what a name is whatever the name looks like ("the tanker Eagle Rock",
# "BRUSSELS (Meridian) -"): they outweigh the model and silence the gazetteer's prior.
STRONG_CUE = 3.0
# Ties between equal votes go to the earlier type: the rarer, more specific kinds first.
TYPE_PRIORITY = (
    T.EQUIPMENT, T.FACILITY, T.PERSON, T.ORGANIZATION, T.PLACE, T.GROUP, T.EVENT, T.OTHER,
)  # fmt: skip

_w = lexicon.words
VESSEL_NOUNS = _w("entity_vessel_nouns")
LINK_HEADS = _w("entity_link_heads")
LINE_KINDS = _w("entity_line_kinds")
SPORT_ROLES = _w("entity_sport_roles")
RESULT_VERBS = _w("entity_result_verbs")
TEAM_VERBS = _w("entity_team_verbs")
NOT_IN_PERSON_NAMES = _w("entity_not_in_person_names")
NOT_SURNAMES = _w("entity_not_surnames")
PRODUCT_HEADS = _w("entity_product_heads")
NAME_PARTICLES = _w("entity_name_particles")
NAME_SUFFIXES = _w("entity_name_suffixes")
ELDER_SUFFIXES = _w("entity_elder_suffixes")
PLACE_HEADS = _w("entity_place_heads")
LOCATIVE: dict[str, float] = {
    k: float(v) for k, v in lexicon.mapping("entity_locative_prepositions").items()
}
EQUIPMENT_HEADS = _w("entity_equipment_heads")
MEDIA_HEADS = _w("entity_media_heads")
ORG_HEADS = MEDIA_HEADS | _w("entity_org_heads")
BODY_ROLES = _w("entity_body_roles")
PERSON_TITLES = _w("entity_person_titles")
PERSON_ROLES = PERSON_TITLES | _w("entity_person_roles")
ORG_NAME_WORDS = _w("entity_org_name_words")
FACILITY_NAME_WORDS = _w("entity_facility_name_words")
PLACE_NAME_WORDS = _w("entity_place_name_words")
LAW_NAME_WORDS = _w("entity_law_name_words")
EVENT_NAME_WORDS = _w("entity_event_name_words")
PLACE_SUFFIXES = _w("entity_place_suffixes")
DAY_MONTH_WORDS = frozenset(lexicon.months()) | frozenset(lexicon.weekdays())
TIME_ZONES = _w("entity_time_zones")
LEADING_JUNK = _w("entity_leading_junk")
CONTACT_VERBS = _w("entity_contact_verbs")
FUNCTION_WORDS = _w("entity_function_words")
SPEECH_VERBS = _w("entity_speech_verbs")
PERSON_PRONOUNS = _w("entity_person_pronouns")
PERSON_ERA_NOUNS = _w("entity_person_era_nouns")
BODY_ROLES_AFTER = _w("entity_body_roles_after")
STRETCH_PREPOSITIONS = _w("entity_stretch_prepositions")
PORTFOLIOS = _w("entity_portfolios")
INFLECTIONS: tuple[str, ...] = tuple(lexicon.mapping("entity_inflections")["endings"])
_DEMONYM_ENDINGS = lexicon.mapping("entity_demonym_endings")
DEMONYM_AFTER_FULL = frozenset(_DEMONYM_ENDINGS["after_full"])
DEMONYM_AFTER_PART = frozenset(_DEMONYM_ENDINGS["after_part"])
# (left label, right label) of touching names never joined; "*" stands for any label.
UNJOINED_LABELS = frozenset(
    (left, right) for left, right in map(str.split, lexicon.mapping("entity_unjoined_labels"))
)

# Penn tags never inside a name: finite verbs, pronouns, modals, wh-words.
NOT_IN_NAMES = frozenset({"VBD", "VBZ", "VBP", "PRP", "PRP$", "MD", "WP", "WDT"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s'"})
SCORE = re.compile(r"\d{1,2}\s?[-–]\s?\d{1,2}")
# A wire dateline: "BRUSSELS, March 3 (Meridian) -", "KYIV (Agency) —": the bracketed name
# is the agency that filed the story.
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{0,40}(?:,\s*[A-Z][\w.'’ -]{0,40}?)?,?\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?\((?P<agency>[A-Z][\w&.'’ -]{0,40}?)\)\s*[-–—]"
)
# The place of a dateline written in capitals, and the country or state after it:
# "BEIJING 1996-08-22", "WASHINGTON —", "DUISBURG, Germany, Sept 9 (Agency) -". The
# capitals stand first in their block and are followed by a date, an agency in brackets
# or a dash.
DATELINE_PLACE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?=(?:,\s*(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))?,?\s+"
    r"(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\(|[-–—]))"
)
# Credit lines: "(Reporting by Anna Berg and Tom Ross; Editing by Ian Hale)".
CREDIT = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]eported|[Ww]ritten|[Ee]dited)\s+by\s+"
    r"(?P<names>[A-Z][^;()\n]{1,160})"
)
# Photo credits: "(Photo by Dana Sultan/Steppe Images)", "Photo credit: Marco Bellini".
PHOTO_CREDIT = re.compile(
    r"\b(?:[Pp]hoto(?:graph)?s?|[Pp]ictures?|[Ii]mages?)(?:\s+[Cc]redits?)?\s*(?:by\s|:)\s*"
    r"(?P<names>[A-Z][^;()\n]{1,160})"
)
# A byline block: "By Tomas Reyes, Sports Correspondent" (a short block opening with "By").
BYLINE = re.compile(r"^\s*By\s+(?P<names>[A-Z][^\n]{1,120})$")
BYLINE_MAX_WORDS = 12  # a byline is a name and a title, never a sentence
CREDIT_NAME = re.compile(
    r"[A-Z][\w'’.-]+(?:\s+(?:(?:de|da|van|von|der|den|al|bin|le|la)\s+)?[A-Z][\w'’.-]+){1,3}"
)
# Market codes: a ticker with its exchange's suffix ("SHEL.L", "TTEF.PA", "AAPL.O"), and
# what stands after an exchange's name and a colon in brackets ("(NYSE: XOM)").
TICKER = re.compile(r"[A-Z][A-Z0-9]{1,5}\.[A-Z]{1,2}")
AFTER_EXCHANGE = re.compile(r"\(\s*[A-Za-z]{2,10}\s*:\s*$")
# What no name holds: markup and maths signs, an address, and brackets back to back inside
# a word ("MEDICARE)(HOUSE", a table's headings run together).
BAD_CHARS = re.compile(r"[+=@#<>|{}\[\]\\]|https?:|www\.|\)\(")
ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z&.]{0,9}[A-Z]s?)\s*\)")
WORD = re.compile(r"[\w'’&.-]+")
PLURAL_DESIGNATION = re.compile(r"[A-Z][\w/]*-?\d+[A-Z0-9]*s")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " "})
