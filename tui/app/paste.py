"""Escape sequences inside a bracketed paste, taken out before Textual's parser reads them.

Text copied from a terminal can carry its colours ("\\x1b[31m…\\x1b[0m"). Pasted with
bracketed paste on, Textual's parser (8.x) starts an escape sequence at that ESC, finds
none it knows, and hands what follows out as typed keys while the rest stays in the paste:
in the add prompt the pasted addresses came out of order, two were glued into one and one
was lost. Terminals such as Alacritty strip ESC from what they paste; this does the same
for those that do not. Outside a paste nothing is changed: there ESC is the Escape key and
the start of every key sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual._xterm_parser import XTermParser

if TYPE_CHECKING:
    from textual.message import Message

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
# Introducers of the string sequences (OSC, DCS, SOS, PM, APC), which run to BEL or ESC \.
_STRINGS = frozenset("]PX^_")
# C0 and C1 controls and DEL, which a terminal obeys.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# A sequence longer than this inside a paste is not waited out: what was held is dropped.
MAX_SEQUENCE = 4096


class PasteFilter:
    """Feeds of terminal input with every escape sequence inside a bracketed paste removed
    (its markers kept). Stateful: a sequence or a marker may be split between reads."""

    def __init__(self) -> None:
        self._in_paste = False
        self._start_matched = 0  # characters of PASTE_START seen so far, outside a paste
        self._held = ""  # an escape sequence inside a paste, not yet ended

    def feed(self, data: str) -> str:
        out: list[str] = []
        for character in data:
            if not self._in_paste:
                out.append(character)
                self._watch_for_start(character)
            elif self._held:
                self._hold(character, out)
            else:
                self._take(character, out)
        return "".join(out)

    def _take(self, character: str, out: list[str]) -> None:
        if character == ESC:
            self._held = ESC
        elif character in "\t\n\r" or not _CONTROL.match(character):
            out.append(character)
        # (Any other control goes: the input box drew a pasted "\x0e" or 8-bit CSI as it
        # came, and the terminal obeyed it, switching its character set or clearing.)

    def _watch_for_start(self, character: str) -> None:
        if PASTE_START[self._start_matched] == character:
            self._start_matched += 1
        else:
            self._start_matched = 1 if character == ESC else 0
        if self._start_matched == len(PASTE_START):
            self._in_paste, self._start_matched = True, 0

    def _hold(self, character: str, out: list[str]) -> None:
        held = self._held
        if held[1:2] in _STRINGS and held.endswith(ESC) and character != "\\":
            # A string sequence never ended (half a copied hyperlink): its last ESC starts
            # the next sequence, the paste's end marker among them.
            self._held = ESC
            self._hold(character, out)
            return
        if character == ESC and held[1:2] not in _STRINGS:
            # A sequence cut short by the next one's ESC is dropped, that ESC starting its
            # own. (Either way the end marker was swallowed, and no key reached the app.)
            self._held = ESC
            return
        held += character
        ended, again = _sequence_end(held)
        if not ended and len(held) <= MAX_SEQUENCE:
            self._held = held
            return
        self._held = ""
        if held == PASTE_END:
            out.append(held)
            self._in_paste = False
        elif again:
            # "ESC x" is no sequence: the ESC goes, the character is pasted text.
            self._take(again, out)


def _sequence_end(held: str) -> tuple[bool, str]:
    """Whether `held` (ESC and what came after it) is a whole sequence; and, when the
    character after ESC starts none, that character, to be read again as text."""
    if len(held) < 2:
        return False, ""
    kind, last = held[1], held[-1]
    if kind == "[":  # CSI: parameters and intermediates, then one final byte
        return len(held) > 2 and "@" <= last <= "~", ""
    if kind in _STRINGS:
        return last == "\a" or held.endswith(ESC + "\\"), ""
    return True, kind


class PasteSafeParser(XTermParser):
    """Textual's terminal parser, reading its input through a `PasteFilter`."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._paste_filter = PasteFilter()

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input, which the parser must see
            return super().feed(data)
        kept = self._paste_filter.feed(data)
        # Empty is the end of input to the parser: a read all held waits for the next.
        return super().feed(kept) if kept else ()


def guard_pastes() -> None:
    """Have Textual's Linux/macOS driver read the terminal through a `PasteFilter`. Its
    input thread builds its parser from the name in its module when the app starts, so
    replacing that name before `App.run` is enough."""
    from textual.drivers import linux_driver

    linux_driver.XTermParser = PasteSafeParser  # type: ignore[misc]
