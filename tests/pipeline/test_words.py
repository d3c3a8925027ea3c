"""Counts and sizes read as a person writes them."""

from __future__ import annotations

from tui.pipeline.options import MB
from tui.pipeline.words import megabytes, plural


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "article") == "1 article"
    assert plural(0, "article") == "0 articles"
    assert plural(2, "entry", "entries") == "2 entries"
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(12345, "letter") == "12,345 letters"


def test_a_size_reads_as_the_reader_gave_it() -> None:
    assert megabytes(int(0.01 * MB)) == "0.01 MB"
    assert megabytes(10 * MB) == "10 MB"
    assert megabytes(int(2.5 * MB)) == "2.5 MB"
    assert megabytes(round(0.005 * MB)) == "0.005 MB"
    assert megabytes(1500 * MB) == "1,500 MB"
    assert megabytes(round(123.4 * MB)) == "123 MB"
