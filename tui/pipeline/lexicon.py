"""Word lists shared by every stage, read once from `data/lexicon.toml`.

Words live in data, not in code, so a stage that needs "the month names" or "the weekday
words" reads the same list as every other stage, and a new word is added in one place.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline import tables


def _table() -> dict[str, Any]:
    return tables.load("lexicon.toml")


def mapping(section: str) -> dict[str, Any]:
    """A section whose words carry a value (month name -> number); raises KeyError if absent."""
    table = _table()[section]
    if not isinstance(table, dict):
        raise TypeError(f"lexicon section [{section}] is not a table of word = value")
    return dict(table)


def words(section: str) -> frozenset[str]:
    """The words of a section: its keys for a table, its items for a `words = [...]` list."""
    table = _table()[section]
    if isinstance(table, dict) and isinstance(table.get("words"), list):
        return frozenset(str(w) for w in table["words"])
    return frozenset(table)


def months() -> dict[str, int]:
    """Month names and abbreviations (lower case) -> 1..12."""
    return mapping("months")


def weekdays() -> dict[str, int]:
    """Weekday names and abbreviations (lower case) -> 0 (Monday) .. 6."""
    return mapping("weekdays")
