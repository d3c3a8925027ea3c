"""Bytes from the terminal that are not UTF-8, read as Latin-1 instead of ending the app.

Textual's Linux/macOS driver decodes what the terminal sends as strict UTF-8: one other
byte (Alt+i from an xterm sending 8-bit Meta is 0xE9, and so is an "é" pasted from a
Latin-1 terminal) raised UnicodeDecodeError in its input thread, and the app ended with a
traceback and status 0 (review 16). Such a byte is read as the Latin-1 character it is
(each byte is one), so a Latin-1 paste reads right; a UTF-8 character split between two
reads is still put together, as the incremental decoder waits for its end.
"""

from __future__ import annotations

import codecs
from typing import Any

LATIN1_FALLBACK = "briefing-latin-1-fallback"


def _as_latin1(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error(LATIN1_FALLBACK, _as_latin1)


# What Textual's driver asks of the terminal in one read: a read shorter than this took
# all there was, and a character the terminal sent is never split across its writes.
FULL_READ = 4 * 1024


class _LenientDecoder(codecs.IncrementalDecoder):
    """UTF-8 with stray bytes read as Latin-1. A read that took all there was is decoded
    to its end: a lone 0xE9 (a UTF-8 lead byte) waited for bytes that never came, and
    showed only with the next key."""

    def __init__(self, errors: str = LATIN1_FALLBACK) -> None:
        super().__init__(LATIN1_FALLBACK)
        self._utf8 = codecs.getincrementaldecoder("utf-8")(LATIN1_FALLBACK)

    def decode(self, input: Any, final: bool = False) -> str:
        return self._utf8.decode(input, final or len(input) < FULL_READ)

    def reset(self) -> None:
        self._utf8.reset()


def lenient_decoder(encoding: str) -> Any:
    """`codecs.getincrementaldecoder`, whose UTF-8 decoder reads a stray byte as Latin-1
    (the driver asks for no other)."""
    if codecs.lookup(encoding).name != "utf-8":
        return codecs.getincrementaldecoder(encoding)
    return _LenientDecoder


def guard_input_bytes() -> None:
    """Have Textual's driver decode the terminal's bytes leniently. Its input thread takes
    the decoder from the name in its module when the app starts (as `paste.guard_pastes`
    relies on too), so replacing that name before `App.run` is enough."""
    from textual.drivers import linux_driver

    linux_driver.getincrementaldecoder = lenient_decoder
