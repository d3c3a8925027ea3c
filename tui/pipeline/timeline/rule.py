"""The shape of a date rule and what it may answer.

A `DateRule` has a name, a pattern matched against the whole (normalised) expression and
a `resolve` function. The first rule in `dates.DATE_RULES` whose pattern matches owns the
expression, and its `resolve` says one of three things, explicitly:

- a `Resolved` value: the expression is placed;
- `DECLINE`: the rule owns the expression but cannot place it (no value; no later rule
  is tried, since a later, looser rule would only guess);
- `PASS`: on a closer look it is not this rule's after all; the next rule tries.

Each rule is a plain function of (match, context, tense), tested on its own without spaCy
in `tests/pipeline/test_timeline_rules.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from tui.pipeline.timeline.values import Context, Resolved, Tense


class Verdict(Enum):
    DECLINE = "decline"
    PASS = "pass"


DECLINE = Verdict.DECLINE
PASS = Verdict.PASS
Outcome = Resolved | Verdict
Resolve = Callable[[re.Match[str], Context, Tense | None], Outcome]


@dataclass(frozen=True)
class DateRule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolve
    # What the rule covers, in a reader's words (for whoever adds the next rule).
    reason: str = ""

    def apply(self, text: str, ctx: Context, tense: Tense | None) -> Outcome | None:
        """This rule alone: None when its pattern does not match `text`."""
        m = self.pattern.fullmatch(text)
        if m is None:
            return None
        return self.resolve(m, ctx, tense)


def rule(name: str, pattern: str, resolve: Resolve, reason: str = "") -> DateRule:
    return DateRule(name, re.compile(pattern), resolve, reason)
