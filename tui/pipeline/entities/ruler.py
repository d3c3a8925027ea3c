"""Our pattern table (`data/entity_patterns.jsonl`) as an EntityRuler in front of spaCy's
recogniser: equipment, facilities and armed groups the small model does not know.

The ruler's cost is in the Matcher, which starts every pattern at every token and evaluates
the Python predicates (IN, REGEX) of every first token before any cheap check. The table is
rewritten for it on loading, to the same matches:

- family patterns that differ only in the family's words ("Pantsir"/"Pantsirs" -> id
  Pantsir, "Patriot"/"Patriots" -> Patriot, ...) become one pattern whose first token is
  found by one dictionary lookup (a token extension, compared in C); the id is read back
  from the first word (`table_id`);
- a single token {"TEXT": {"REGEX": "^Family-[A-Za-z0-9]{1,6}s?$"}} (a model suffix:
  "Shahed-136") likewise becomes one pattern for all families;
- patterns that differ only in a last one-word kind ("... dam", "... airport") share one
  pattern with {"LOWER": {"IN": [...]}}, checked only where the rest already matched.

The word -> id lookups this needs are one read-only `RulerLookup`, built once from the
table (`ruler_lookup()`), never module state filled as a side effect.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from tui.pipeline.entities.vocab import DATA

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token

PATTERNS_FILE = DATA / "entity_patterns.jsonl"
RULER_NAME = "briefing_entity_patterns"
TABLE_ATTR = "briefing_table"  # one extension: the Matcher calls each one at every token
_FAMILY_CODE = "family"
_FAMILY_REGEX = re.compile(r"\^([A-Za-z0-9]+)-\[A-Za-z0-9\]\{1,6\}s\?\$")
_FAMILY_SUFFIX = re.compile(r"[A-Za-z0-9]{1,6}s?")

Pattern = dict[str, Any]


@cache
def load_patterns() -> tuple[Pattern, ...]:
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


@dataclass(frozen=True)
class RulerLookup:
    """What the rewritten table needs to find again: suffixed families, the ids of shared
    patterns by first word, the ids of exact phrases, and each word's pattern code."""

    families: dict[str, str]  # "Shahed" -> "Shahed": names whose suffixed forms we know
    shapes: tuple[dict[str, str], ...]  # per shared pattern: first word -> the table's id
    phrase_ids: dict[tuple[str, str], str]  # (label, words without spaces) -> id
    word_codes: dict[str, str]  # first word of a shared pattern -> that pattern's code

    def family_of(self, token: Token) -> str:
        """The family a suffixed name belongs to ("Shahed-136" -> "Shahed"), else ""."""
        family, dash, suffix = token.text.partition("-")
        if dash and family in self.families and _FAMILY_SUFFIX.fullmatch(suffix):
            return self.families[family]
        return ""

    def code(self, token: Token) -> str:
        """Which shared pattern may start at this token ("" for none: the Matcher needs a
        string)."""
        code = self.word_codes.get(token.text)
        if code:
            return code
        return _FAMILY_CODE if self.family_of(token) else ""

    def table_id(self, span: Span) -> str:
        """The table's id for a ruler match without one: a shared pattern's id from its
        first word; when a generic pattern ("Kh-" and a number) won the match over a phrase
        with an id ("Kh-101"), the phrase's id."""
        key = (span.label_, "".join(t.text for t in span))
        if key in self.phrase_ids:
            return self.phrase_ids[key]
        token = span[0]
        for shape in self.shapes:
            if token.text in shape:
                return shape[token.text]
        return self.family_of(token) if span.label_ == "EQUIPMENT" else ""


def _phrase_key(label: str, pattern: str | list[Pattern]) -> tuple[str, str] | None:
    """A phrase's key whether written as a string or as exact tokens: its words without
    spaces (the tokenizer splits "Kh-101" into three tokens that join back the same)."""
    if isinstance(pattern, str):
        return label, "".join(pattern.split())
    if all(set(t) == {"TEXT"} and isinstance(t["TEXT"], str) for t in pattern):
        return label, "".join(t["TEXT"] for t in pattern)
    return None


def _shared_patterns(
    shapes: dict[str, list[Pattern]], families: dict[str, str], out: list[Pattern]
) -> tuple[tuple[dict[str, str], ...], dict[str, str]]:
    """Collapse the patterns that differ only in their first word into one pattern a code;
    append them to `out`; return the first word -> id tables and each word's code."""
    # Which shared patterns each word may start, and its id (one id a word, or it stays
    # apart: a word that is also a suffixed family name likewise).
    ids: dict[str, set[str]] = defaultdict(set)
    for entries in shapes.values():
        for e in entries:
            for w in e["pattern"][0]["TEXT"]["IN"]:
                ids[w].add(e["id"])
    shape_words: list[dict[str, str]] = []
    member: dict[str, set[int]] = defaultdict(set)
    collapsed: list[tuple[int, list[Pattern]]] = []
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
    return tuple(shape_words), word_codes


def compile_table(table: Iterable[Pattern]) -> tuple[list[Pattern], RulerLookup]:
    """The table as the ruler's patterns, and the lookups those patterns read back."""
    out: list[Pattern] = []
    families: dict[str, str] = {}
    phrase_ids: dict[tuple[str, str], str] = {}
    merged: dict[str, Pattern] = {}  # same label, id and all tokens but a one-word last kind
    shapes: dict[str, list[Pattern]] = defaultdict(list)  # same label and all but the first
    for entry in table:
        pattern = entry["pattern"]
        key = _phrase_key(entry["label"], pattern)
        if entry.get("id") and key is not None:
            phrase_ids[key] = entry["id"]
        if isinstance(pattern, str):
            out.append(entry)
            continue
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
            mkey = json.dumps([entry["label"], entry.get("id"), pattern[:-1]], sort_keys=True)
            if mkey in merged:
                merged[mkey]["pattern"][-1]["LOWER"]["IN"].append(last["LOWER"])
            else:
                merged[mkey] = {
                    **entry,
                    "pattern": [*pattern[:-1], {"LOWER": {"IN": [last["LOWER"]]}}],
                }
                out.append(merged[mkey])
            continue
        out.append(entry)
    shape_words, word_codes = _shared_patterns(shapes, families, out)
    return out, RulerLookup(families, shape_words, phrase_ids, word_codes)


@cache
def ruler_lookup() -> RulerLookup:
    """The lookups of our table, built once (the table never changes while running)."""
    return compile_table(load_patterns())[1]


def table_id(span: Span) -> str:
    """The table's id for a ruler match (see `RulerLookup.table_id`)."""
    return ruler_lookup().table_id(span)


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
    patterns, _ = compile_table(table)
    if not Token.has_extension(TABLE_ATTR):
        Token.set_extension(TABLE_ATTR, getter=ruler_lookup().code)
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
