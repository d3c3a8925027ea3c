"""Times that describe a thing instead of dating an event ("the 30-year bond", "a
16-year-old", "annual sales"): TIMEX3 DURATIONs and SETs kept beside the timeline, never in
it, and carried through the cache and the JSON export."""

from __future__ import annotations

import json

import pytest

from tests.server import FixtureServer
from tests.test_cli import briefing
from tui.pipeline import codec, nlp
from tui.pipeline.model import Block, BlockKind
from tui.pipeline.stages import AnalysisJob, analyse
from tui.pipeline.timeline import build_timeline, modifiers, time_modifiers
from tui.pipeline.timeline.vocab import RECURRENCE_WORDS, may_match

ANCHOR = "2024-05-01"


def _found(text: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The modifiers in `text` (words, TIMEX3 type, value) and the timeline's words."""
    blocks = [Block(BlockKind.PARAGRAPH, text)]
    docs = nlp.parse_blocks(blocks)
    timeline = build_timeline(blocks, ANCHOR, docs=docs)
    found = time_modifiers(docs, timeline)
    return [(m.expression, m.timex_type, m.value) for m in found], [e.expression for e in timeline]


def test_a_length_before_its_noun_and_an_age_are_durations_outside_the_timeline() -> None:
    found, timeline = _found(
        "The yield on the 30-year bond hit a 52-week high on Tuesday, and a 16-year-old "
        "was hurt in the crush."
    )
    assert found == [
        ("30-year", "DURATION", "P30Y"),
        ("52-week", "DURATION", "P52W"),
        ("16-year-old", "DURATION", "P16Y"),
    ]
    assert timeline == ["Tuesday"]


def test_a_length_in_seconds_before_its_noun_is_a_modifier_too() -> None:
    # "A 56-second first lap" was a timeline row, "lasting 56 seconds", dated nothing.
    found, timeline = _found("She ran a 56-second first lap and a 30-second final lap.")
    assert found == [("56-second", "DURATION", "PT56S"), ("30-second", "DURATION", "PT30S")]
    assert timeline == []
    # Not an ordinal ranking the trailer either.
    found, timeline = _found("The studio released a new 30-second trailer.")
    assert (found, timeline) == ([("30-second", "DURATION", "PT30S")], [])
    _, timeline = _found("The count stopped for 30 seconds on Tuesday.")
    assert sorted(timeline) == ["30 seconds", "Tuesday"]


def test_a_length_written_apart_counts_only_before_a_measure() -> None:
    found, _ = _found("The stock hit a five year low. He was 37 years old then.")
    assert found == [("five year", "DURATION", "P5Y"), ("37 years", "DURATION", "P37Y")]


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("Annual sales rose 5% to $2 billion.", "Annual", "P1Y"),
        ("The company pays its dividend quarterly.", "quarterly", "P3M"),
        ("Qantas plans daily flights between Sydney and Bombay.", "daily", "P1D"),
        ("Biogen said so in its Securities and Exchange Commission quarterly report.",
         "quarterly", "P3M"),
        ("Rents are reviewed yearly and paid monthly.", "yearly", "P1Y"),
        ("He demanded it at least once or twice a month.", "once or twice a month", "P1M"),
        ("The pill is taken three times a day.", "three times a day", "P1D"),
    ],
)  # fmt: skip
def test_a_word_of_recurrence_is_a_set(text: str, word: str, value: str) -> None:
    found, timeline = _found(text)
    assert (word, "SET", value) in found
    assert not any(e in word for e in timeline)


@pytest.mark.parametrize(
    "text",
    [
        "The China Daily reported the talks.",
        "The figures came from government sources, O Globo daily said.",
        "He wrote for the local weekly before the war.",
        "Israel won the Six-Day War.",
        "She has a 7 1/2 month old daughter.",
        "The twenty-five-year veterans met.",
        "Stitch about one-quarter of an inch below the hem.",
        "She hosts a bi-weekly chat for home stagers.",
    ],
)
def test_names_papers_fractions_and_compounds_are_no_modifiers(text: str) -> None:
    found, _ = _found(text)
    assert found == []


def test_a_hyphenated_length_before_any_noun_leaves_the_timeline_for_the_modifiers() -> None:
    found, timeline = _found("A 10-year program began in 1990; the 5-year mortality rate fell.")
    assert timeline == ["1990"]
    assert found == [("10-year", "DURATION", "P10Y"), ("5-year", "DURATION", "P5Y")]


def test_a_length_the_timeline_lists_is_not_listed_again() -> None:
    found, timeline = _found("The strike lasted two weeks; it was a 10-year.")
    assert timeline == ["two weeks", "10-year"]
    assert found == []


def test_a_hyphenated_length_before_a_noun_of_time_is_that_stretch_of_time() -> None:
    found, timeline = _found("The loan is repaid over a three-year period.")
    assert (timeline, found) == (["three-year"], [])


def test_modifiers_survive_the_cache_round_trip() -> None:
    blocks = [Block(BlockKind.PARAGRAPH, "The 30-year bond fell and annual sales rose.")]
    analysis = analyse(AnalysisJob(blocks, ANCHOR, None, "en"))
    assert [m.value for m in analysis.time_modifiers] == ["P30Y", "P1Y"]
    again = codec.analysis_result(codec.decode(codec.encode(analysis)))
    assert again == analysis


def test_the_json_export_lists_modifiers_and_the_markdown_leaves_them_out(
    site: FixtureServer,
) -> None:
    body = (
        b"<html><head><title>Bonds</title><meta name='date' content='2024-05-01'></head>"
        b"<body><article><h1>Bonds slide</h1><p>The yield on the 30-year bond rose on "
        b"Tuesday after the bank's annual report, traders said in New York.</p>"
        b"<p>Prices of the benchmark note fell for a third session as investors weighed "
        b"the report.</p></article></body></html>"
    )
    url = site.host_html(body)
    proc = briefing("-f", "json", "--no-cache", url)
    assert proc.returncode == 0, proc.stderr
    (article,) = json.loads(proc.stdout)["articles"]
    modifiers = [(m["expression"], m["timex_type"], m["timex_value"]) for m in
                 article["time_modifiers"]]  # fmt: skip
    assert modifiers == [("30-year", "DURATION", "P30Y"), ("annual", "SET", "P1Y")]
    assert [t["expression"] for t in article["timeline"]] == ["Tuesday"]
    markdown = briefing("-f", "markdown", "--no-cache", url).stdout
    assert "Tuesday" in markdown and "P30Y" not in markdown and "30 years" not in markdown


@pytest.mark.parametrize(
    ("text", "end", "rate"),
    [
        ("They work 40 hours a week.", "hours", True),
        ("Teachers meet online 24 hours a day, 365 days a year.", "days", True),
        ("Half an hour a day is enough.", "hour", True),
        ("Closed one or two days per week.", "days", True),
        ("Three hours each night, for ten weeks.", "hours", True),
        # A length that places a day, or no unit at all.
        ("It closed two days a week ago.", "days", False),
        ("It rained for two days, a week before the vote.", "days", False),
        ("A day a week later came the vote.", "day", False),
        ("Monday a week ago.", "Monday", False),
    ],
)
def test_a_count_of_units_said_per_unit_of_time_is_a_rate(text: str, end: str, rate: bool) -> None:
    from tui.pipeline.timeline.modifiers import says_how_much_per_unit

    stop = text.index(end) + len(end)
    assert says_how_much_per_unit(text[:stop], text, stop) is rate


def test_a_rate_is_a_length_beside_the_timeline_not_in_it() -> None:
    found, timeline = _found("Teachers meet online 24 hours a day, 365 days a year, for ten weeks.")
    assert timeline == ["for ten weeks"]
    assert found == [("24 hours", "DURATION", "PT24H"), ("365 days", "DURATION", "P365D")]


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("The crews sail for many weeks each year.", ("many weeks", "DURATION", "PXW")),
        ("Nurses sleep a couple of hours a night.", ("a couple of hours", "DURATION", "PT2H")),
        ("The plant runs about three hours a day.", ("about three hours", "DURATION", "PT3H")),
    ],
)
def test_a_rate_of_any_count_the_timeline_leaves_out_is_kept_beside_it(
    text: str, rate: tuple[str, str, str]
) -> None:
    found, timeline = _found(text)
    assert rate in found and timeline == []


# Texts each pattern with words it must hold (`modifiers._HOLDS_ONE_OF`) finds, in the
# cases a page writes them: the words are in every one, or the pattern is skipped there.
_HOLDING = {
    "_LENGTH": [
        "The 30-Year bond fell.", "A THREE-DAY weekend.", "A 16-year-old was hurt.",
        "He was 37 years old.", "A 24-HOUR strike.", "A 10-minute walk.", "A two-decade run.",
        "A 52-week high.", "A six-month low.",
    ],
    "_LENGTH_BEFORE_MEASURE": [
        "It hit a five year low.", "The 10 day average rose.", "A two week high.",
        "A six month low.", "The 24 hour volume.", "A 15 minute delay.", "A two decade high.",
    ],
    "_HOW_OFTEN": [
        "He calls twice a month.", "ONCE A WEEK it runs.", "Take it three times a day.",
        "Thrice per year.", "It beeps 5 Times an hour.", "Once or twice a fortnight.",
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text"), [(name, text) for name, texts in _HOLDING.items() for text in texts]
)
def test_a_text_a_pattern_matches_holds_one_of_the_words_it_must(name: str, text: str) -> None:
    rx = getattr(modifiers, name)
    assert rx.search(text), "the pattern should match the example"
    assert may_match(rx, modifiers._HOLDS_ONE_OF[rx], text, text.lower())


def test_every_pattern_with_words_it_must_hold_has_examples() -> None:
    assert {getattr(modifiers, name) for name in _HOLDING} == set(modifiers._HOLDS_ONE_OF)


def test_every_word_of_recurrence_holds_a_stem_a_text_is_looked_at_for() -> None:
    stems = modifiers._RECURRENCE_STEMS
    assert all(any(stem in word for stem in stems) for word in RECURRENCE_WORDS)
