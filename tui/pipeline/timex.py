"""TIMEX3-style values (what the timeline stores) in a reader's words.

Shared by the app's panes and the Markdown export; plain string work, no imports worth
waiting for.
"""

from __future__ import annotations

import re

_PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}
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
        elif value[11:] in _PARTS_OF_DAY:
            label += f", {_PARTS_OF_DAY[value[11:]]}"
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
