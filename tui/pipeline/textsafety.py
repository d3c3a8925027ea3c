"""Which characters of page text must never reach a terminal.

One definition for every place page text is printed: the app's panes, Markdown on stdout,
error lines on stderr. Kept tiny and import-free so the app can use it before its first
frame without pulling in the pipeline.
"""

from __future__ import annotations

import re

# C0/C1 controls (ESC, BEL, CSI ...), DEL, and the bidi overrides and isolates that can
# reorder what a terminal shows (the "Trojan Source" trick). Tab and newline are listed
# too; callers decide whether they become spaces or stay.
UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_unsafe(text: str, keep: str = "\t\n") -> str:
    """`text` without unsafe characters; those in `keep` stay."""
    return UNSAFE.sub(lambda m: m.group() if m.group() in keep else "", text)
