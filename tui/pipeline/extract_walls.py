"""Pages that show a notice in place of their article: consent forms, JavaScript demands,
robot checks (`data/walls.toml`: each wall's phrases and the error a reader sees, how dense
in them a notice is, and the words that say a text reports news, which no notice does)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tui.pipeline import tables
from tui.pipeline.model import Block, BlockKind


@dataclass(frozen=True)
class Wall:
    id: str
    reason: str  # the error a reader sees, in full sentences
    phrases: re.Pattern[str]  # any one of its phrases, whole words, in lower case
    marks: re.Pattern[str]  # a class or id part that names such a box ("cookie-consent")


@dataclass(frozen=True)
class _Limits:
    max_words: int
    min_density: float  # the share of the text's words inside a wall's phrases
    min_phrases: int


def _any_of(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


@cache
def _walls() -> tuple[_Limits, re.Pattern[str], tuple[Wall, ...]]:
    raw = tables.load("walls.toml")
    walls = tuple(
        Wall(w["id"], w["reason"], _any_of(w["phrases"]), _name_part(w["marks"]))
        for w in raw["wall"]
    )
    news = _any_of(raw["news"]["words"])
    return _Limits(**raw["limits"]), news, walls


def _name_part(marks: list[str]) -> re.Pattern[str]:
    """A pattern for any of `marks` as a whole part of a class or id ("px-captcha")."""
    return re.compile(r"(?:^|[\s_-])(?:" + "|".join(re.escape(m) for m in marks) + r")(?=$|[\s_-])")


def wall_notice(blocks: Sequence[Block], box_names: str = "") -> Wall | None:
    """The wall the chosen text is, when it is a notice and no article; else None.
    `box_names`: the class and id names of the box the text is in and those around it, in
    lower case."""
    limits, news, walls = _walls()
    texts = [b.text.lower() for b in blocks if b.kind is not BlockKind.HEADING]
    words = sum(len(t.split()) for t in texts)
    if not texts or words > limits.max_words or any(map(news.search, texts)):
        return None
    for wall in walls:
        said = [m for t in texts for m in wall.phrases.findall(t)]
        density = sum(len(m.split()) for m in said) / max(1, words)
        if density >= limits.min_density and len(set(said)) >= limits.min_phrases:
            return wall
        if said and wall.marks.search(box_names):
            return wall
    return None


def is_wall_reason(message: str) -> bool:
    """Whether an error's message is a wall's (`Wall.reason`)."""
    return any(wall.reason == message for wall in _walls()[2])
