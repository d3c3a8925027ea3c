"""Counts in a reader's words: "1 article", "3 articles", "1,204 articles".

Shared by the app, the exports and the messages the pipeline writes, so that no screen or
file says "1 articles" and every number is written the same way.
"""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` and the word that goes with it: plural(1, "entry", "entries") -> "1 entry"."""
    word = one if count == 1 else (many if many is not None else one + "s")
    return f"{count:,} {word}"


# A size in MB is shown to three significant digits, as a reader writes it in --max-size:
# the bytes of 0.01 MB are a whole number, and 10485 / MB would read "0.00999928 MB".
_MB_DIGITS = 3


def listing(items: list[str]) -> str:
    """Things said in a row: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def megabytes(size: int) -> str:
    """A size in bytes in a reader's words: "10 MB", "0.01 MB", "0.005 MB", "1,500 MB"."""
    from tui.pipeline.options import MB

    value = size / MB
    if value >= 10**_MB_DIGITS:
        return f"{value:,.0f} MB"
    return f"{float(f'{value:.{_MB_DIGITS}g}'):g} MB"


# Writers a header names before it counts the rest: a paper signed by fifty would fill the
# line under the title (and a screen) with names. The JSON keeps every one.
AUTHORS_NAMED = 3


def authors_line(authors: list[str], named: int = AUTHORS_NAMED) -> str:
    """The writers as a header names them: "Ann Lee, Kit Doe", or past `named` + 1 of them
    "Ann Lee, Kit Doe, Sam Roe and 47 others" (never "and 1 other": that one is named)."""
    if len(authors) <= named + 1:
        return ", ".join(authors)
    return ", ".join(authors[:named]) + " and " + plural(len(authors) - named, "other")
