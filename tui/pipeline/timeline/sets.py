"""Recurring times ("every Tuesday", "each July", "on Sundays", "every two weeks"): TIMEX3
SETs. They date no single event, so they carry no range and sort after every dated entry;
the value is TIMEX3's ("XXXX-WXX-2", "XXXX-07", "P1Y", "P2W")."""

from __future__ import annotations

import re

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.values import GRAN_OF_UNIT, Resolved, duration_code
from tui.pipeline.timeline.vocab import (
    MONTH_RE,
    MONTHS,
    NUM_RE,
    UNITS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    month_key,
    normalise,
    number,
)

_EVERY = r"(?:every|each)"
_DAY_NAMES = "|".join(WEEKDAY_NAMES)
_WEEKDAY_SET = re.compile(
    rf"(?:{_EVERY} (?P<wd>{_DAY_NAMES})|(?:on )?(?P<wds>{_DAY_NAMES})s)"
    r"(?: (?P<part>morning|afternoon|evening|night)s?)?"
)
_MONTH_SET = re.compile(rf"{_EVERY} (?P<m>{MONTH_RE})")
_UNIT_SET = re.compile(rf"{_EVERY} (?:(?P<n>{NUM_RE}) )?(?P<u>day|week|month|quarter|year)s?")
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def resolve_set(text: str) -> Resolved | None:
    """The TIMEX3 SET an expression names, or None when it names no recurrence."""
    t = normalise(text)
    m = _WEEKDAY_SET.fullmatch(t)
    if m:
        wd = WEEKDAYS[m.group("wd") or m.group("wds")] + 1
        part = f"T{_PARTS[m.group('part')]}" if m.group("part") else ""
        return _set(f"XXXX-WXX-{wd}{part}", Granularity.DAY)
    m = _MONTH_SET.fullmatch(t)
    if m:
        return _set(f"XXXX-{MONTHS[month_key(m.group('m'))]:02d}", Granularity.MONTH)
    m = _UNIT_SET.fullmatch(t)
    if m:
        unit = UNITS[m.group("u")]
        n = number(m.group("n")) if m.group("n") else 1
        return _set(duration_code(unit, n or 1), GRAN_OF_UNIT[unit])
    return None


def _set(value: str, granularity: Granularity) -> Resolved:
    return Resolved(value, granularity, None, None, timex_type="SET")
