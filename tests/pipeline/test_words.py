"""Counts and sizes read as a person writes them."""

from __future__ import annotations

from tui.pipeline.options import MB
from tui.pipeline.words import authors_line, listing, megabytes, plural


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


def test_a_long_list_of_writers_is_named_in_part_and_the_rest_counted() -> None:
    names = [f"Writer {i}" for i in range(50)]
    assert authors_line(names) == "Writer 0, Writer 1, Writer 2 and 47 others"
    # One more than are named is named too: "and 1 other" would save nothing.
    assert authors_line(names[:4]) == "Writer 0, Writer 1, Writer 2, Writer 3"
    assert authors_line(names[:5]) == "Writer 0, Writer 1, Writer 2 and 2 others"
    assert authors_line([]) == ""


def test_things_said_in_a_row_are_joined_by_commas_and_a_last_and() -> None:
    assert listing(["a"]) == "a"
    assert listing(["a", "b"]) == "a and b"
    assert listing(["a", "b", "c"]) == "a, b and c"
