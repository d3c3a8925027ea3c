"""An article in a reader's words: where it is from, what stage it is at, why a pane is
empty. Shared by the list, the text pane and the side panes; every string that came from
outside passes through `one_line`/`safe` here before any widget sees it."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote, urlsplit

from rich.text import Text

from tui.app.text import one_line
from tui.pipeline.inputs import host_of
from tui.pipeline.kinds import ErrorKind, Stage, Status
from tui.pipeline.textsafety import INPUT_CHARS
from tui.pipeline.words import plural

if TYPE_CHECKING:
    from tui.pipeline.model import Article

BRIEFING = -1  # the `selected` value of the merged "Briefing" entry

STAGE_GLYPHS = {
    Stage.QUEUED: "·",
    Stage.FETCHING: "↓",
    Stage.EXTRACTING: "⋯",
    Stage.ANALYSING: "◔",
    Stage.DONE: "✓",
    Stage.ERROR: "✗",
}


# A site or host name in a row or a line of the overview.
SITE_CHARS = 60


class NoFailure(NamedTuple):
    """How the app says an article with an error that is no failure (`kinds.STATUS_OF_ERROR`):
    a briefing reopened offline from the history has no page for it, and `r` reads it. It
    has neither the failure's cross nor its red."""

    glyph: str
    said: str  # after the site in its row, and why its panes are empty
    heading: str  # over the overview's list of them; `{n}` and `{them}` filled in
    press: str  # after the error's words in the text pane
    again: str  # what `r` on the Briefing does to them; `{articles}` filled in


NO_LONGER_CACHED_GLYPH = "○"
NO_LONGER_CACHED = "no longer cached — press r to read it again"
NOT_READ_GLYPH = "◌"
NOT_READ = "not read — the briefing was closed before it came; press r to read it"

# In the order the counts say them ("1 not read, 2 no longer cached").
NO_FAILURES = {
    # Its page had not come when the briefing was closed: shown by its address.
    Status.NOT_READ: NoFailure(
        NOT_READ_GLYPH,
        NOT_READ,
        "Not read ({n}) — the briefing was closed first; press r to read {them}",
        "Press r to read it.",
        "reading {articles} the briefing had not read",
    ),
    # Read then, evicted from the cache since: shown by the title it had.
    Status.NO_LONGER_CACHED: NoFailure(
        NO_LONGER_CACHED_GLYPH,
        NO_LONGER_CACHED,
        "No longer cached ({n}) — press r to read {them} again",
        "Press r to read it again.",
        "reading {articles} no longer cached again",
    ),
}


def no_failure(article: Article) -> NoFailure | None:
    """How to say the article, when it has an error that is no failure (a briefing
    reopened offline from the history has no page for it); None otherwise."""
    return NO_FAILURES.get(article.status)


def glyph(article: Article) -> str:
    """The mark before an article's title: its stage's, or that it has no page and did
    not fail."""
    said = no_failure(article)
    return said.glyph if said is not None else STAGE_GLYPHS[article.stage]


def site_of(article: Article) -> str:
    """The site's name, its host, "local file", or "" when nothing is known yet (an input
    still queued, or one that is no address at all)."""
    if article.metadata.site:
        return _site_label(article.metadata.site)
    return _address_label(article.url or article.input)


# Every row of the list asks again at each draw, and parsing the address was most of a
# row's cost (a draw of a few hundred rows: 40 of its 154 ms, cProfile); both depend on a
# string alone.
@lru_cache(maxsize=4096)
def _site_label(site: str) -> str:
    return one_line(site, SITE_CHARS)


@lru_cache(maxsize=4096)
def _address_label(address: str) -> str:
    host = host_of(address)  # never raises, unlike urlsplit on "[x"
    if host:
        return one_line(host.removeprefix("www."), SITE_CHARS)
    return "local file" if address.startswith("file:") else ""


def location(article: Article) -> str:
    """The URL for web pages; just the file name for local files (paths are long and
    personal, and the name is what the reader chose), but the whole input when it could
    not be read (a path with no file, words that are no address: "x]" said nothing of
    "[b]x]"). Always safe to draw."""
    where = article.url or article.input
    if where.startswith("file:"):
        return one_line(unquote(urlsplit(where).path).rsplit("/", 1)[-1], INPUT_CHARS)
    failed = article.error is not None and article.error.kind is ErrorKind.INVALID_INPUT
    if "://" not in where and not _OTHER_SCHEME.match(where) and not failed:
        return one_line(where.replace("\\", "/").rsplit("/", 1)[-1], INPUT_CHARS)
    # An address, or an input that is none ("javascript:alert(1)/x" was shown as "x").
    return one_line(where, INPUT_CHARS)


# "mailto:", "javascript:" and the like; one letter and a colon is a Windows drive.
_OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")


def stage_line(article: Article) -> Text:
    """'site · stage' or the error in words, for list rows and the overview."""
    unfailed = no_failure(article)
    if unfailed is not None:
        site = site_of(article)
        return Text(f"{site} · {unfailed.said}" if site else unfailed.said, style="dim")
    if article.error is not None:
        return Text(f"error: {one_line(article.error.message)}", style="bold red")
    if article.duplicate_of is not None:
        said = f"same article as {article.duplicate_of + 1}"
        return Text(said + reload_failed(article), style="dim")
    site = site_of(article)
    stage = article.stage.value
    if reload_failed(article):
        stage = "reload failed"
    return Text(f"{site} · {stage}" if site else stage, style="dim")


def reload_failed(article: Article) -> str:
    """ " · reload failed" for a row, when the last reload failed and the copy read before
    is shown; "" otherwise."""
    failed = article.reload_error is not None and article.stage is Stage.DONE
    return " · reload failed" if failed else ""


def feed_words(article: Article) -> str:
    """What a feed's (or an OPML list's) entry is, for the text pane: it holds no text."""
    from tui.pipeline.feeds import no_longer_listed, not_read

    items = article.items or []
    if article.feed_kind == "opml":
        said = f"An OPML list of {plural(len(items), 'feed')}, listed under it on the left."
    else:
        kind = _FEED_KINDS.get(article.feed_kind or "", "")
        said = f"A feed ({kind}) of {plural(len(items), 'article')}, listed under it on the left."
    return " ".join(s for s in (said, no_longer_listed(article), not_read(article)) if s)


_FEED_KINDS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


def kept_copy(article: Article) -> str | None:
    """Why a reload failed and which copy the reader sees instead; None when it did not."""
    if article.reload_error is None:
        return None
    when = ""
    if article.fetched_at:
        try:
            fetched = datetime.fromisoformat(article.fetched_at).astimezone()
        except ValueError:
            pass
        else:
            when = f" (fetched {fetched.day} {fetched:%b %Y, %H:%M})"
    said = one_line(article.reload_error.message).rstrip(".")
    return f"Could not reload this page: {said}. Shown as read before{when}."


def without_text(article: Article, what: str) -> str | None:
    """Why there are no `what` of the article's text to show (its cleaner's removed lines,
    its readers' comments) when no text was read; None when it was. "The cleaner removed
    nothing" was said of a page that never came."""
    if article.blocks:
        return None
    return _no_page(article, what) or f"No {what} yet: the article is still being read."


def _no_page(article: Article, what: str) -> str | None:
    """Why the article has no `what` because it has no page of its own read, or None: the
    same article as another, a feed, not read, failed."""
    if article.duplicate_of is not None:
        return f"No {what}: this is the same article as {article.duplicate_of + 1}."
    if article.items is not None:
        return f"No {what}: this is a feed; each of its articles has its own."
    said = no_failure(article)
    if said is not None:
        return f"No {what}: {said.said}."
    if article.error is not None:
        if article.blocks:
            return f"No {what}: the analysis failed (see the text pane)."
        return f"No {what}: the article could not be read."
    return None


def unavailable(article: Article | None, what: str, analysis: bool) -> str:
    """Why a pane has nothing to show yet, in a reader's words."""
    if article is None:
        return f"No {what} yet."
    no_page = _no_page(article, what)
    if no_page is not None:
        return no_page
    if not analysis:
        return f"Analysis is off, so there are no {what}."
    if article.entities_note is not None:
        return article.entities_note
    if article.stage is not Stage.DONE:
        return f"The {what} appear once the text is analysed…"
    return f"No {what} for this article."
