"""Finding spans without spaCy: the words that finish a date spaCy stopped short of."""

from __future__ import annotations

import re

import pytest

from tui.pipeline.timeline import spans
from tui.pipeline.timeline.spans import (
    finished_by_forms,
    in_a_url,
    is_a_count,
    is_a_model_number,
    is_a_share,
    is_an_early_number,
    is_numbered_thing,
    labelled_numbers,
    names_a_labelled_thing,
    period_named_after,
    widen,
    writes_day_first,
)
from tui.pipeline.timeline.vocab import may_match


def _widened(sentence: str, taken: str) -> str:
    start = sentence.index(taken)
    s, e = widen(sentence, start, start + len(taken))
    return sentence[s:e]


@pytest.mark.parametrize(
    ("sentence", "taken", "expected"),
    [
        ("The strike began in mid-May last year.", "mid-May", "mid-May last year"),
        ("The vote is set for June 5 this year.", "June 5", "June 5 this year"),
        ("The pier reopened in the 3rd of May, last year.", "3rd of May", "3rd of May, last year"),
        ("Work stopped in the winter of last year.", "the winter", "the winter of last year"),
        ("Profit fell from the 2022 period.", "2022", "the 2022 period"),
        # spaCy may take the year after "of" for a number.
        ("An audit in the spring of 2022 found it.", "the spring of", "the spring of 2022"),
        ("Built in the summer of 1998-99, it fell.", "the summer of", "the summer of 1998-99"),
        # A month counted from the date last named: the words that count it.
        ("The following June, France fell.", "June", "The following June"),
        ("It was sold by the previous June.", "June", "the previous June"),
        ("In that June he married.", "June", "that June"),
        ("That June he married.", "June", "That June"),
        # Nothing to finish: a weekday, a year alone, a month before other words.
        ("He left on Monday last year's winner said.", "Monday", "Monday"),
        ("Profit fell in 2022 period after period.", "2022", "2022"),
        ("Sales in May rose; last year they fell.", "May", "May"),
        # "That" as a conjunction is no part of the month.
        ("The firm said that June sales rose.", "June", "June"),
    ],
)
def test_a_date_is_widened_to_the_words_that_finish_it(
    sentence: str, taken: str, expected: str
) -> None:
    assert _widened(sentence, taken) == expected


@pytest.mark.parametrize(
    ("text", "after", "named"),
    [
        ("the month", " of Ramadan", True),
        ("the year", " of the dragon", True),
        ("The week", " of the vote", True),
        # The period itself: this month, this year.
        ("the month", ", the firm said", False),
        ("the year", ".", False),
        # Not a bare period.
        ("earlier in the month", " of May", False),
    ],
)
def test_a_bare_period_named_by_of_is_another_period(text: str, after: str, named: bool) -> None:
    assert period_named_after(text, after[:4]) is named


@pytest.mark.parametrize(
    ("texts", "day_first"),
    [
        (["Posted 31/12/2004.", "Reply 08/01/2005."], True),
        (["Posted 12/31/2004.", "Reply 08/01/2005."], False),
        # Neither shown: the US order. Both shown: the page is no guide, the US order.
        (["Reply 08/01/2005."], False),
        (["31/12/2004 and 12/31/2004"], False),
        # A path is no date.
        (["/archive/31/12/2004/"], False),
    ],
)
def test_a_page_writes_day_first_only_when_one_date_can_be_read_no_other_way(
    texts: list[str], day_first: bool
) -> None:
    assert writes_day_first(texts) is day_first


def test_a_span_ending_inside_a_web_address_is_in_it() -> None:
    text = "See http://example.com/2011/03/05/features/friday/ now, or www.example.org/monday."
    for word in ("2011/03/05", "friday", "monday"):
        start = text.index(word)
        assert in_a_url(text, start, start + len(word)) is True
    start = text.index("now")
    assert in_a_url(text, start, start + 3) is False


def test_a_span_that_takes_an_address_and_the_year_after_it_is_the_years() -> None:
    # spaCy may take "http://.../html/ - 1996" whole; the year is the listed source's.
    text = "http://example.com/docs/books/lang/html/ - 1996"
    assert in_a_url(text, 0, len(text)) is False
    assert in_a_url(text, 0, len("http://example.com/docs")) is True


@pytest.mark.parametrize(
    ("sentence", "taken", "expected"),
    [
        ("It was on Aug 3, 2023 at noon.", "3, 2023", "Aug 3, 2023"),
        # A day already whole takes nothing that crosses it: an issue's number is no day.
        ("Vol. IX, Bulletin No.1 January 6, 2004", "January 6, 2004", "January 6, 2004"),
        ("Issue 12 January 6, 2004", "12 January 6, 2004", "January 6, 2004"),
        ("Bulletin No. 1 January 6, 2004", "1 January 6, 2004", "January 6, 2004"),
    ],
)
def test_a_span_is_finished_by_a_form_we_know_but_not_crossed_by_one(
    sentence: str, taken: str, expected: str
) -> None:
    start = sentence.index(taken)
    s, e = finished_by_forms(sentence, start, start + len(taken))
    assert sentence[s:e] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The plant shut on Black Friday and reopened at 0800 GMT on Aug 3, 2023, after "
        "two and a half weeks.",
        "Profit for the full year and the first half of 1995 rose from 2010 to 2015.",
        "Trading resumes in a fortnight, on the first Monday of May; 23.SEP.96 is the date.",
        "It took two or three days, and 9am to 5 PM this time last year; 2023/24 was mild.",
    ],
)
def test_a_form_that_cannot_match_in_the_text_cannot_finish_a_span_in_it(text: str) -> None:
    """Only the forms that may match in the whole text are tried around each span."""
    low = text.lower()
    forms = spans._may_match_in(spans._OVER_OTHER_ENTITIES, text, low)
    assert len(forms) < len(spans._OVER_OTHER_ENTITIES)
    words = [m.span() for m in re.finditer(r"\S+", text)]
    for i, (start, _) in enumerate(words):
        for _, end in words[i : i + 4]:
            want = finished_by_forms(text, start, end)
            assert finished_by_forms(text, start, end, forms) == want


@pytest.mark.parametrize(
    ("text", "before", "numbered"),
    [
        ("1501", "programme numbered ", True),
        ("Flight 2012", "", True),
        ("2001", "booked Room ", True),
        ("1998", "see No. ", True),
        ("1998", "page #", True),
        # A bill's number: "H.R. 1119" was the year 1119 in a briefing paper.
        ("H.R. 1119", "ed in S. 317 and ", True),
        ("1742", "the bill, S. ", True),
        ("SB 1370", "and ", True),
        ("1370", "Senate Bill ", True),
        # A year after a word of time, or after a word that numbers nothing.
        ("2020", "the plan by ", False),
        ("May 2012", "began in ", False),
        ("2009", "the number of jobs fell in ", False),
        ("2012", "the sunny ", False),
        ("1999", "No ", False),  # "No 1999 model was sold": no number without its stop
        ("2020", "ahead of the U.S. ", False),  # the "S." of "U.S." is no bill's
    ],
)
def test_four_digits_a_word_makes_the_number_of_a_thing_are_no_year(
    text: str, before: str, numbered: bool
) -> None:
    assert is_numbered_thing(text, before) is numbered


@pytest.mark.parametrize(
    ("text", "after", "share"),
    [
        ("about a quarter", " of all households.", True),
        ("Three quarters", " of the members voted.", True),
        ("One quarter", " of the budget went to roads.", True),
        ("a quarter", " of a mile", True),
        # A quarter of a time, a quarter of the year, or no "of": no share of a thing.
        ("a quarter", " of an hour", False),
        ("a quarter", " of the year", False),
        ("the first quarter", " of the members", False),
        ("the quarter", " of the vote", False),
        ("a quarter", " earlier", False),
    ],
)
def test_a_quarter_of_a_thing_is_a_share_not_a_quarter_of_a_year(
    text: str, after: str, share: bool
) -> None:
    assert is_a_share(text, after) is share


# Texts each pattern that has words it must hold (`spans._HOLDS_ONE_OF`) finds, in the
# cases a page writes them: the words are in every one, or the pattern is skipped there.
_HOLDING = {
    "_HOLIDAYS": [
        "Stores open late on Black Friday.", "Crowds gathered on Guy Fawkes Night.",
        "Parties ran through New Year's Eve.", "Markets shut for Easter Monday.",
        "The parade is on Veterans Day.", "Flights were full over Christmas.",
        "The office shuts at Thanksgiving.", "Happy Veteran\u2019s Day!",
    ],
    "_HOLIDAY_WEEK": [
        "Closed over the Easter weekend.", "Christmas week is busy.",
        "Over the August bank holiday weekend.", "The early May bank holiday weekend.",
    ],
    "_AM_PM": ["Doors open at 9am.", "Trading ends at 4.30 PM.", "It starts at 7 a.m. sharp."],
    "_CLOCK_RUN": ["From 11 p.m. until 1:15.", "Plays 10PM to 12:45.", "Open 9am\u201311:30."],
    "_FORTNIGHT": ["Talks resume in a fortnight.", "Over the past FORTNIGHT prices fell."],
    "_SPLIT_YEAR": [
        "Results for 2023/24 were strong.", "The Winter of 2022-23 was mild.",
        "In the autumn of 2019\u201320 rain fell.",
    ],
    "_THIS_TIME": ["This time last year the plant was shut.", "By THIS TIME NEXT WEEK it ends."],
    "_YEAR_RUN": ["He served from 2010 to 2015.", "Between 1998 and 2003 it grew."],
    "_MONTH_RUN": ["Rain fell between March and June.", "It ran FROM May through July."],
    "_WEEKDAY_OF_MONTH": [
        f"The vote is on the first {day} {prep} May."
        for day in ("Monday", "TUESDAY", "wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        for prep in ("of", "in", "IN")
    ],
    "_NTH_PART_OF_YEAR": ["A weak first half hit profit.", "Third-Quarter sales rose."],
    "_FULL_YEAR": ["A strong full year result.", "FULL-YR profit doubled."],
    "_DOTTED_MONTH_DAY": ["PAY DATE 23.SEP.96 for the notes.", "Coupon dates 02.DEC.96-21.NOV.97."],
    "_COUNT_CHOICE_FORM": [
        "It takes two or three weeks.", "Wait an hour or two.", "Give it a minute or so.",
        "Allow one to three Years.", "Within a DAY or two it was over.",
        "A decade or two ago it was a farm.", "Two or three months later it reopened.",
    ],
    "_SEASON_YEAR": [
        "During the fall 2002 term we met.", "In SPRING 2013 it opens.",
        "The Winter of 2009 was cold.", "In autumn 1999 rain fell.",
    ],
    "_VAGUE_COUNT_OF_UNITS": [
        "Ruled for hundreds of years.", "For A Number Of Years it grew.",
        "Thousands of days passed.", "It took dozens of weeks.",
    ],
    "_SEASON_BEFORE_A_NOUN": ["Summer trade was slow; the winter budget and autumn sales too."],
    "_QUARTER_CODE": ["Q1 sales, the Q2 margin, Q3 2024 and Q4 FY2025 all rose."],
    "_COUNT_OF_UNITS": [
        "He was sidelined for another two weeks.", "Not more than 60 years ago.",
        "It lasted three days.", "Within 20 minutes it ended.", "For five hours and two decades.",
        "Over six months it grew.", "It wants four more years.",
    ],
    "_YEAR_PRIOR_TO": ["Prior to 2008 it was rare.", "It grew prior to 1996."],
    "_PART_OF_A_MONTH": [
        "Stocks at end-May fell.", "Due in mid-June.", "Early-March rains.", "By late-July.",
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text"), [(name, text) for name, texts in _HOLDING.items() for text in texts]
)
def test_a_text_a_pattern_matches_holds_one_of_the_words_it_must(name: str, text: str) -> None:
    rx = getattr(spans, name)
    assert rx.search(text), "the pattern should match the example"
    assert may_match(rx, spans._HOLDS_ONE_OF[rx], text, text.lower())


def test_every_pattern_with_words_it_must_hold_has_examples() -> None:
    assert {getattr(spans, name) for name in _HOLDING} == set(spans._HOLDS_ONE_OF)


# The same for the patterns led by figures (`spans._HOLDS_A_MATCH_OF`).
_HOLDING_A_MATCH = {
    "_WIRE_CLOCK": [
        "Trading opens at 0800 GMT.", "At 1430 local time.", "By 1400EDT.", "At 0900Z.",
        "At 1600 Moscow time.", "Since 2200 hours.", "Until 0600 HRS.", "At 0530hrs.",
    ],
    "_ZONED_CLOCK": [
        "At 9:30 Pacific time.", "At 16:00 EASTERN STANDARD TIME.", "16.02 BST", "20:14 CET",
    ],
    "_DOTTED_DAY": ["Filed on 31.12.2023 in Bern.", "Due 1.5.2024."],
    "_PLACED_24H_CLOCK": ["From 23:00 to 05:00, and at 9:15, until 19:30 or by 00:05."],
    "_CLOCK_RUN": ["From 11 p.m. until 1:15.", "Plays 10PM to 12:45.", "Open 9am\u201311:30."],
    "_NUMERIC_DAY": ["Due 12/31/2004.", "Seen 7/19/24.", "Paid 31-12-2004."],
    "_ISO_STAMP": ["At 2024-08-07 17:00 it closed.", "SAN DIEGO 1996-08-26", "2024-08-07T17:00:05"],
    "_DECADE": [
        "Fans of the 90s came.", "Music of the '80s.", "In the 2000\u2019s it grew.",
        "Fans of the 1990\u2032s came.",
    ],
    "_NAMED_DAY_WRITTEN": ["Life changed after 9/11.", "The 9/11 attacks."],
    "_WEEKDAY_NUMERIC_DAY": ["(Thurs 11/15 at 9:30am)", "Meet us Saturday, 11/17."],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text"),
    [(name, text) for name, texts in _HOLDING_A_MATCH.items() for text in texts],
)
def test_a_text_a_pattern_matches_holds_a_match_of_its_small_pattern(name: str, text: str) -> None:
    rx = getattr(spans, name)
    assert rx.search(text), "the pattern should match the example"
    assert spans._may_match_in([rx], text, text.lower()) == [rx]


def test_every_pattern_with_a_small_pattern_has_examples() -> None:
    assert {getattr(spans, n) for n in _HOLDING_A_MATCH} == set(spans._HOLDS_A_MATCH_OF)


def test_a_letter_that_matches_only_ignoring_case_is_still_found() -> None:
    """Ignoring case, a pattern's "i" matches a dotless "\u0131", whose lower case is no "i":
    the words the pattern must hold are not looked for in lower case in such a text."""
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    text = "Talks resume in a fortn\u0131ght, aides said."
    found = [text[s:e] for s, e in spans.candidate_spans(blank(text), text)]
    assert "in a fortn\u0131ght" in found


@pytest.mark.parametrize(
    ("text", "before", "after", "count"),
    [
        ("1850", "perature of ", " K was reached.", True),
        ("1850", "perature of ", "K.", True),
        ("1200", "reached ", " °C in tests", True),
        ("1500", "won the ", " m freestyle", True),
        ("2000", "plant of ", " MW, the", True),
        ("1660", "idia's GTX ", " Ti is cheap", True),
        ("5600", "ts, the RX ", " XT, sold", True),
        # A year: before a name that starts with a symbol's letter, before a symbol that is
        # also a name, or after a code with no model's suffix.
        ("2019", "nded in the ", " K League season", False),
        ("2012", "eered the ", " GB team home", False),
        ("2024", "nveiled at CES ", " the company", False),
        ("1998", "oined it in ", ", when", False),
    ],
)
def test_four_digits_of_a_unit_or_a_model_are_a_count_not_a_year(
    text: str, before: str, after: str, count: bool
) -> None:
    assert is_a_count(text, before, after) is count


@pytest.mark.parametrize(
    ("text", "before", "model"),
    [
        ("2060", "idia's RTX ", True),
        ("2080", "the GeForce RTX ", True),
        # Near enough to be a year told after a code, or an era, or no code.
        ("2030", "ed for EXPO ", False),
        ("2100", "scenario AD ", False),
        ("2060", "ll to zero by ", False),
    ],
)
def test_four_digits_after_a_code_far_ahead_of_the_story_are_a_model(
    text: str, before: str, model: bool
) -> None:
    assert is_a_model_number(text, before, 2019) is model


@pytest.mark.parametrize(
    ("text", "spans_in", "spans_out"),
    [
        # spaCy takes the opening bracket into "10pm (": the time ends before it.
        ("at 10pm (2200 GMT) on Thursday", ["10pm (", "2200 GMT"], ["10pm", "2200 GMT"]),
        # Our patterns ran a time on into the aside: each side is its own span.
        ("at 21:14 local time (00:14 GMT on Tuesday)",
         ["21:14 local time (00:14 GMT on Tuesday"], ["21:14 local time", "00:14 GMT on Tuesday"]),
        ("(it ended on Monday) and", ["Monday)"], ["Monday"]),
        # A bracket the span opens and closes stays in it.
        ("at 9 a.m. (local) on Monday", ["9 a.m. (local) on Monday"], ["9 a.m. (local) on Monday"]),
        # A bracket and nothing else is no span.
        ("on (Monday", ["("], []),
    ],
)  # fmt: skip
def test_a_span_never_crosses_a_bracket_it_does_not_close(
    text: str, spans_in: list[str], spans_out: list[str]
) -> None:
    found = [(text.index(s), text.index(s) + len(s)) for s in spans_in]
    assert [text[a:b] for a, b in spans._within_brackets(text, found)] == spans_out


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # spaCy calls "between 2 and 4 p.m." a number, and our patterns find "4 p.m.".
        ("closed between 2 and 4 p.m. on Sunday", "4 p.m. on Sunday",
         "between 2 and 4 p.m. on Sunday"),
        ("open from 7 until 10pm nightly", "10pm", "from 7 until 10pm"),
        # spaCy may take the run without its "between".
        ("queues peak between 3 and 5 p.m., staff said", "3 and 5 p.m.", "between 3 and 5 p.m."),
        ("open from 9:30-11 a.m. daily", "11 a.m.", "from 9:30-11 a.m."),
        # Two times, or a number that is no hour before the clock, stay out.
        ("shows at 2 and 4 p.m. daily", "4 p.m.", "4 p.m."),
        ("from 2024 to 4 p.m. today", "4 p.m. today", "4 p.m. today"),
        ("between 2 and 4 people by noon", "noon", "noon"),
    ],
)  # fmt: skip
def test_a_run_of_clock_hours_keeps_the_hour_it_opens_at(
    text: str, found: str, expected: str
) -> None:
    start = text.index(found)
    [(a, b)] = spans._with_opening_hours(text, [(start, start + len(found))])
    assert text[a:b] == expected


def test_the_c_ending_an_abbreviation_is_no_circa_before_an_early_number() -> None:
    # "123 F.T.C. 1427 (1997)": a page of a law report; its "C." read as circa made 1427 a year.
    assert is_an_early_number("1427", "See 123 F.T.C. ", " (19")
    assert not is_an_early_number("1420", "The abbey was built c. ", " by ")


def test_four_digits_the_article_gave_a_thing_are_that_thing_again_alone() -> None:
    # A year of the last two centuries is no label: "#2020" says nothing of "2020 was hard".
    labels = labelled_numbers(["The council passed Resolution 1441.", "Flight 2012 left."])
    assert labels == {"1441"}
    assert names_a_labelled_thing("1441", "in material breach of ", labels)
    assert not names_a_labelled_thing("1441", "the treaty signed in ", labels)
