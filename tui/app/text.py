"""Turning page text into something safe to paint.

Page text is data, never markup: everything shown goes through `safe()` and is wrapped in
`rich.text.Text`, so "[bold]" on a page stays literal and no escape sequence from a page
ever reaches the terminal.
"""

from __future__ import annotations

import re
import unicodedata

from tui.pipeline.textsafety import UNSAFE


def safe(text: str) -> str:
    """`text` with every control character removed (tabs and newlines become spaces).

    Replacement is one character for one character so offsets into the text (entity
    mentions, timeline spans, search hits) stay valid on the cleaned string.
    """
    return UNSAFE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\t\n\r\v\f":
        return " "
    # Keep the length: offsets computed on the page text must still land on the same words.
    return "\ufffd" if unicodedata.category(char) == "Cc" else " "


def fold(text: str) -> str:
    """Lower case, one character for one: offsets found in the folded text are offsets in
    `text` (plain `lower()` turns "İ" into two characters and shifts every hit after it)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def one_line(text: str, width: int | None = None) -> str:
    """Collapse whitespace for list rows; cut to `width` characters with an ellipsis."""
    flat = " ".join(safe(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(0, width - 1)] + "…"
    return flat


_SEASONS = {"WI": "winter", "SP": "spring", "SU": "summer", "FA": "autumn"}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_TIMEX = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|(?P<s>WI|SP|SU|FA)|Q(?P<q>\d)))?$"
)


def timex_label(value: str) -> str | None:
    """A TIMEX3-style value in a reader's words ("22 Mar 2024", "week 32, 2024", "winter
    2022"); ranges "a/b" become "a – b". None when the value is not a calendar date."""
    if "/" in value:
        parts = [timex_label(part) for part in value.split("/", 1)]
        return None if None in parts else " – ".join(p for p in parts if p)
    match = _TIMEX.match(value[:10] if "T" in value else value)
    if match is None:
        return None
    year, month, day = match["y"], match["m"], match["d"]
    if month and not 1 <= int(month) <= 12:
        return None  # not a calendar date: show the raw value rather than guess
    if day:
        label = f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
        if "T" in value and len(value) >= 16:
            label += f", {value[11:16]}"
        return label
    if month:
        return f"{_MONTHS[int(month) - 1]} {year}"
    if match["w"]:
        return f"week {int(match['w'])}, {year}"
    if match["s"]:
        return f"{_SEASONS[match['s']]} {year}"
    if match["q"]:
        return f"Q{match['q']} {year}"
    return year
