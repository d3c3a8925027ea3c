"""The terminal's bytes as the app reads them: UTF-8, and a stray byte as Latin-1."""

from __future__ import annotations

from tui.app.input_bytes import FULL_READ, lenient_decoder


def test_a_byte_that_is_not_utf8_reads_as_its_latin1_character_at_once() -> None:
    decode = lenient_decoder("utf-8")().decode
    # 0xE9 alone is a UTF-8 lead byte: it waited for bytes that never came.
    assert decode(b"caf\xe9") == "café"
    assert decode(b"\xff\xfe") == "ÿþ"


def test_a_utf8_character_split_across_a_full_read_is_put_together() -> None:
    decode = lenient_decoder("utf-8")().decode
    first = decode(b"x" * (FULL_READ - 1) + b"\xc3")
    assert first == "x" * (FULL_READ - 1) and decode(b"\xa9 ok") == "é ok"
    assert decode("Zaporizhzhia — ü".encode()) == "Zaporizhzhia — ü"
