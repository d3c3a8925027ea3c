"""Small messages the panes and the pipeline send to the app.

The app routes them with `@on`; widgets never reach into each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual import events
    from textual.widget import Widget

    from tui.pipeline.model import Mention


@dataclass
class ArticleChanged(Message):
    """An article moved to another stage (or its text changed). `index` is into
    `Briefing.articles`. A burst of these for one article collapses to the latest."""

    index: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ArticleChanged) and message.index == self.index


@dataclass
class EntityChosen(Message):
    """The reader pressed enter on an entity. `article` is None in the briefing view."""

    name: str
    aliases: list[str]
    article: int | None


@dataclass
class ArticleOpened(Message):
    """The reader clicked an article's line in the Briefing's overview (a headline, a
    search's hits in it, its error): show article `index`."""

    index: int


@dataclass
class TimelineChosen(Message):
    """The reader pressed enter on a timeline entry: show its sentence in `article`."""

    article: int
    span: Mention  # the date expression within its block
    sentence: str


@dataclass
class Behind(Message):
    """Sent by the app to `widget` after the keys still on their way to it once it lost
    the focus. Posted to it, it takes their way back up to the app and arrives behind
    them: each of `keys` has then come back, or was kept on the way (a box keeps the
    letters typed into it)."""

    widget: Widget
    keys: list[events.Key]
