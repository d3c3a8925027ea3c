"""Which characters of outside text must never reach a terminal, and the one sanitiser.

Every string that comes from outside briefing — a URL or a line from a pipe, a host, a file
name, a page title, an entity, an error message that quotes a server — goes through
`for_terminal` before it is shown to a person: a widget, a toast, a border, a log line,
stderr. JSON output keeps the data but writes what a terminal would obey as `\\uXXXX`
escapes (`json_dumps`), so a script gets every character back while `cat out.json` or
`jq` on a terminal stays inert.

What counts as unsafe, and why:

- C0 and C1 controls and DEL: ESC starts CSI/OSC sequences (retitle the window, write the
  clipboard, `ESC c` resets the terminal); the 8-bit C1 forms (U+009B CSI, U+009D OSC) are
  obeyed by some terminals too. BEL rings; CR rewrites the line.
- Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the marks
  U+200E/200F and the Arabic letter mark U+061C: they reorder what the terminal shows, so
  text can read differently from what it is ("Trojan Source").
- Line and paragraph separators (U+2028/2029): some terminals and renderers break lines on
  them, and they are line ends in JavaScript, so JSON keeps them escaped as well.
- Lone surrogates (U+D800–DFFF): not characters at all. Python makes them from undecodable
  bytes (`surrogateescape`); written out they become raw invalid bytes or a crash.

Markup is a separate matter, handled where it is drawn: the app passes outside text to
Rich/Textual as `rich.text.Text` (or with `markup=False`), never as a markup string, so
"[bold]" from a page stays literal. This module does not escape `[`.

Kept tiny and import-free (no pipeline imports) so the app can use it before its first frame.
"""

from __future__ import annotations

import re
from typing import Any

# Characters a terminal obeys or that reorder what it shows (see the module docstring),
# beyond C0: DEL and C1, the bidi marks, embeddings, overrides and isolates, the line and
# paragraph separators, lone surrogates.
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
# All of them. Tab and newline are in it too; callers say whether they stay. The app's
# one-for-one replacement (`tui.app.text.safe`) relies on this being one character class.
UNSAFE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
# What json.dumps(ensure_ascii=False) leaves raw: it escapes C0 inside strings itself, and
# any raw C0 left in its output is its own indentation, which must stay.
_JSON_RAW = re.compile(f"[{_BEYOND_C0}]")
_SURROGATES = re.compile("[\ud800-\udfff]")

# Whitespace among the unsafe characters: shown as one space where it is not kept, so
# "a\nb" reads "a b", not "ab".
_SPACES = frozenset("\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029")
ELLIPSIS = "…"
# Suggested limits for one-line displays: an input (URL, path) on a stderr line, a toast or
# a list row; an error message. Enough to recognise them; a 5 MB line stays a line.
INPUT_CHARS = 200
MESSAGE_CHARS = 500


def strip_unsafe(text: str, keep: str = "\t\n") -> str:
    """`text` without unsafe characters; those in `keep` stay (no spacing, no limit)."""
    return UNSAFE.sub(lambda m: m.group() if m.group() in keep else "", text)


def for_terminal(text: object, limit: int | None = None, *, keep: str = "") -> str:
    """The one sanitiser for any outside string shown to a person.

    Unsafe characters go (whitespace among them becomes a space unless listed in `keep`,
    e.g. keep="\\n" for a multi-line pane); with `limit`, the result is at most `limit`
    characters, ending in "…" when it was cut. Never raises, whatever it is given: a
    non-string is shown through `str()`.
    """
    if not isinstance(text, str):
        try:
            text = str(text)
        except Exception:  # a hostile __str__ must not take the error line with it
            text = f"<{type(text).__name__}>"
    if limit is not None and len(text) > limit * 4 + 64:
        # Bound the work on a huge string (a 5 MB line): only its head can be shown.
        text = text[: limit * 4 + 64]
        cut = True
    else:
        cut = False

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        if "\ud800" <= char <= "\udfff":
            # A byte of a file name or line that is not UTF-8: a mark where it was, so
            # "caf\xe9" does not read as the "caf" the reader may also have.
            return "\ufffd"
        return " " if char in _SPACES else ""

    out = UNSAFE.sub(replace, text)
    if limit is not None and (cut or len(out) > limit):
        out = out[: max(0, limit - 1)].rstrip() + ELLIPSIS if limit > 0 else ""
    return out


def one_line(text: object, limit: int | None = None) -> str:
    """`for_terminal` for a single line: every run of whitespace one space, cut to
    `limit` (list rows, toasts, titles, stderr lines)."""
    bound = None if limit is None else limit * 4 + 64
    flat = " ".join(for_terminal(text, bound).split())
    return flat if limit is None else for_terminal(flat, limit)


def scrub_surrogates(text: str) -> str:
    """Lone surrogates as the bytes they stood for, decoded again with U+FFFD for bad bytes.

    `surrogateescape` (Python's choice for stdin and file names under a UTF-8 locale) turns
    each undecodable byte into U+DC80–DCFF; other lone surrogates are not characters either.
    """
    if not _SURROGATES.search(text):
        return text
    raw = text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "surrogatepass")
    return raw.decode("utf-8", "replace")


def _only_escapes(text: str) -> bool:
    return all("\udc80" <= c <= "\udcff" for c in _SURROGATES.findall(text))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_dumps(data: Any, *, indent: int | None = None) -> str:
    """JSON that keeps every character of the data but shows no terminal a raw control.

    `json.dumps(..., ensure_ascii=False)` escapes C0 controls but leaves DEL, C1 controls,
    bidi characters, U+2028/2029 and lone surrogates raw. Those characters can only occur
    inside JSON strings (the syntax is ASCII), so escaping them in the finished text gives
    valid JSON that decodes to exactly the same data. Everything else (accents, Cyrillic,
    CJK) stays readable as itself.
    """
    import json  # here, not above: the app's first frame needs this module but not json

    return _JSON_RAW.sub(_json_escape, json.dumps(data, ensure_ascii=False, indent=indent))
