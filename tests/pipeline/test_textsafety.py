from __future__ import annotations

import json

import pytest

from tui.pipeline.textsafety import (
    UNSAFE,
    for_terminal,
    json_dumps,
    scrub_surrogates,
    strip_unsafe,
)

# Each one is obeyed by some terminal or reorders what it shows.
OBEYED = [
    "\x1b]0;pwned\x07",  # OSC: retitle the window
    "\x1b]52;c;aGk=\x07",  # OSC 52: write the clipboard
    "\x1bc",  # reset the terminal
    "\x9b31m",  # 8-bit CSI
    "\x9d0;t\x9c",  # 8-bit OSC ... ST
    "\x7f",
    "\r",
    "\u202e",  # right-to-left override
    "\u202a\u202b\u202c\u202d",
    "\u2066\u2067\u2068\u2069",  # isolates
    "\u200e\u200f",
    "\u061c",  # Arabic letter mark
    "\u2028\u2029",
    "\udc9b",  # a lone surrogate (an undecodable byte under surrogateescape)
]


@pytest.mark.parametrize("bad", OBEYED)
def test_for_terminal_leaves_nothing_a_terminal_obeys(bad: str) -> None:
    out = for_terminal(f"a{bad}b")
    assert not UNSAFE.search(out)
    assert out.startswith("a") and out.endswith("b")


def test_for_terminal_marks_an_undecodable_byte_where_it_was() -> None:
    # A folder named in Latin-1 ("caf\xe9") was shown as "caf", a name that may exist too.
    name = b"/tmp/caf\xe9/x".decode("utf-8", "surrogateescape")
    assert for_terminal(name) == "/tmp/caf\ufffd/x"


def test_for_terminal_turns_line_breaks_into_spaces_unless_kept() -> None:
    assert for_terminal("one\ntwo\tthree\u2028four") == "one two three four"
    assert for_terminal("one\ntwo", keep="\n") == "one\ntwo"


def test_for_terminal_keeps_ordinary_text_of_any_script() -> None:
    text = "Zaporizhzhia — Запоріжжя, 東京, مرحبا, café [bold]x[/bold]"
    assert for_terminal(text) == text


def test_for_terminal_cuts_to_the_limit_with_an_ellipsis() -> None:
    assert for_terminal("x" * 10, limit=10) == "x" * 10
    cut = for_terminal("y" * 11, limit=10)
    assert cut == "y" * 9 + "…" and len(cut) == 10


def test_for_terminal_on_a_huge_line_stays_small() -> None:
    huge = ("\x1b[2J" + "z" * 1000) * 5000  # ~5 MB with escapes all through it
    out = for_terminal(huge, limit=200)
    assert len(out) == 200 and "\x1b" not in out and out.endswith("…")


def test_for_terminal_never_raises_on_non_strings() -> None:
    class Hostile:
        def __str__(self) -> str:
            raise RuntimeError("no")

    assert for_terminal(Hostile()) == "<Hostile>"
    assert for_terminal(b"\x1b[31m") == "b'\\x1b[31m'"
    assert for_terminal(None) == "None"


def test_strip_unsafe_keeps_tab_and_newline_by_default() -> None:
    assert strip_unsafe("a\tb\nc\x1b[0m\u202e") == "a\tb\nc[0m"


def test_scrub_surrogates_turns_escaped_bytes_into_replacement_characters() -> None:
    escaped = b"caf\xe9 ok".decode("utf-8", "surrogateescape")
    assert scrub_surrogates(escaped) == "caf\ufffd ok"
    assert scrub_surrogates("lone \ud800 high") == "lone \ufffd\ufffd\ufffd high"
    assert scrub_surrogates("plain") == "plain"


def test_json_dumps_escapes_what_a_terminal_obeys_and_keeps_the_data() -> None:
    data = {"title": "A\x9b31m\u202eB\u2028C\x7f", "text": "Київ café\n\x1b[0m"}
    out = json_dumps(data)
    # Nothing a terminal would obey is left raw in the JSON text...
    assert not UNSAFE.search(out)
    assert "\\u009b" in out and "\\u202e" in out and "\\u2028" in out and "\\u007f" in out
    # ...readable text stays as itself, and the data round-trips unchanged.
    assert "Київ café" in out
    assert json.loads(out) == data


def test_json_dumps_writes_lone_surrogates_as_escapes_not_raw_bytes() -> None:
    data = {"input": b"http://x/\xff".decode("utf-8", "surrogateescape")}
    out = json_dumps(data)
    out.encode("utf-8")  # strict: would raise on a raw surrogate
    assert json.loads(out) == data


def test_json_dumps_keeps_the_indentation_newlines() -> None:
    out = json_dumps({"a": [1, 2]}, indent=2)
    assert out == '{\n  "a": [\n    1,\n    2\n  ]\n}'
