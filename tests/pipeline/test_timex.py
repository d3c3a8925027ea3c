from __future__ import annotations

from tui.pipeline.timex import timex_label


def test_timeline_values_read_as_dates() -> None:
    assert timex_label("2024-08-06") == "6 Aug 2024"
    assert timex_label("2024-W32") == "week 32, 2024"
    assert timex_label("2022-WI") == "winter 2022"
    assert timex_label("2024-Q3") == "Q3 2024"
    assert timex_label("2024-07-08/2024-08-08") == "8 Jul 2024 – 8 Aug 2024"
    assert timex_label("2024-03-22T16:40:00+02:00") == "22 Mar 2024, 16:40"
    assert timex_label("2024-03-21TNI") == "21 Mar 2024, night"
    assert timex_label("PAST_REF") is None


def test_impossible_month_gets_no_label() -> None:
    assert timex_label("2024-13-45") is None
