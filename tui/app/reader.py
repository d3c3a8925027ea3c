"""The text pane: the clean text of the selected article, or the briefing overview, with
highlights for entity mentions, search hits and timeline sentences.

It reads the briefing from its own reactives (bound from the app with `data_bind`) and
never imports the app. Page text only ever enters it through `safe()`/`one_line()` and
`rich.text.Text`, never as markup.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from tui.app.describe import (
    BRIEFING,
    NO_FAILURES,
    NoFailure,
    feed_words,
    kept_copy,
    location,
    no_failure,
    site_of,
)
from tui.app.document import Document, Paragraph
from tui.app.pacing import PacedRebuilds
from tui.app.text import fold, one_line, safe
from tui.pipeline.kinds import BlockKind, Stage
from tui.pipeline.words import authors_line, plural

if TYPE_CHECKING:
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.model import Article, Block, Mention, RemovedBlock

OVERVIEW_HEADLINES = 20
# The overview, rebuilt while articles load, waits this many times its last rebuild's cost
# before the next (`throttle.CostGate`): its errors and sources grow with the briefing.
OVERVIEW_GAP = 9
# What the app is reading its inputs from, for the empty overview's words: arguments,
# nothing at all, or a pipe still open or closed.
ARGUMENTS, NOTHING, PIPE_OPEN, PIPE_CLOSED = "arguments", "nothing", "pipe", "pipe closed"
# How to feed briefing, shown while it has nothing to read: (command, what it does).
HOW_TO_FEED = (
    ("briefing https://example.org/news/story.html", "addresses as arguments"),
    ("briefing saved-page.html", "a saved web page"),
    ("cat urls.txt | briefing", "addresses on a pipe, one a line"),
    ("tail -f urls.txt | briefing", "keeps adding them as lines arrive"),
    ("briefing --demo", "three sample articles, offline"),
)
# A comment line of at most this many words that ends no sentence names who wrote the
# comment and when, not what they said.
WRITER_LINE_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "\u2019", ")")


def _names_the_writer(text: str) -> bool:
    line = text.rstrip()
    return len(line.split()) <= WRITER_LINE_WORDS and not line.endswith(_SENTENCE_ENDS)


# The highlight's label in the border: an entity's name or the search, cut to fit.
LABEL_CHARS = 40


@dataclass(frozen=True)
class _Signature:
    """What the pane shows; a redraw with an equal signature changes nothing."""

    selected: int
    blocks: int
    removed: int
    stage: Stage | None
    title: str | None
    error: str | None
    show_removed: bool
    comments: int = -1
    show_comments: bool = False
    input_state: str = ARGUMENTS
    kept: str | None = None  # why a reload failed (the earlier copy is shown)


class ArticleView(Document):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--mark",
        "article-view--current",
        "article-view--title",
        "article-view--meta",
        "article-view--error",
        "article-view--notice",
        "article-view--removed",
        "article-view--comment",
    }
    DEFAULT_CSS = """
    ArticleView { padding: 0 1; }
    ArticleView > .article-view--mark { background: $warning 40%; }
    ArticleView > .article-view--current { background: $accent; color: $text; text-style: bold; }
    ArticleView > .article-view--title { text-style: bold; color: $text-primary; }
    ArticleView > .article-view--meta { color: $text-muted; }
    ArticleView > .article-view--error { color: $text-error; text-style: bold; }
    ArticleView > .article-view--notice { color: $text-muted; }
    ArticleView > .article-view--removed { color: $text-muted; text-style: italic; }
    ArticleView > .article-view--comment { color: $text-secondary; }
    """

    briefing: reactive[Briefing | None] = reactive(None, init=False)
    selected: reactive[int] = reactive(BRIEFING, init=False)
    revision: reactive[int] = reactive(0, init=False)
    show_removed: reactive[bool] = reactive(False, init=False)
    show_comments: reactive[bool] = reactive(False, init=False)
    analysis: reactive[bool] = reactive(True, init=False)
    input_state: reactive[str] = reactive(ARGUMENTS, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._signature: _Signature | None = None
        self._restyled_from: _Signature | None = None  # what was shown before a new theme
        self._pending = False
        self.marks: list[Mention] = []
        self.marks_more = False  # `marks` are the first MAX_HITS of a search's hits
        self.current = 0
        self.mark_label = ""
        self.mark_where = ""
        # What the marks were found in: the query of a search in this article (None: an
        # entity's mentions, a sentence), and the article's blocks then. A reload or a cut
        # of a site's template changes the text under them, and old offsets name other words.
        self._marks_query: str | None = None
        self._marks_on: list[Block] | None = None
        self._queued: tuple[list[Mention], int] | None = None  # asked for during a rebuild
        # A search across the briefing: its label and (article index, hits) by article.
        self.briefing_hits: tuple[str, list[tuple[int, int, bool]]] | None = None
        self._paced = PacedRebuilds(self, OVERVIEW_GAP, self._schedule)

    def on_mount(self) -> None:
        self._rebuild()

    def _style(self, name: str) -> Style:
        # Whole styles: muted colours are blended with the background only this way.
        return self.get_component_rich_style(f"article-view--{name}")

    def restyle(self) -> None:
        # The paragraphs hold whole styles of the old theme: they are built again, the
        # article kept where it was read and with its highlights (a theme chosen from the
        # palette took them away and went back to the top).
        self._restyled_from = self._signature
        self._signature = None
        self._schedule()
        super().restyle()

    # Redraws ------------------------------------------------------------------------------

    def watch_selected(self) -> None:
        self.marks = []
        self._paced.gate.reset()  # the reader chose: shown at once
        self._schedule()

    def watch_revision(self) -> None:
        self._schedule()

    def watch_show_removed(self) -> None:
        self._paced.gate.reset()  # the reader asked: shown at once
        self._schedule()

    def watch_show_comments(self) -> None:
        self._paced.gate.reset()
        self._schedule()

    def watch_briefing(self) -> None:
        self._schedule()

    def watch_input_state(self) -> None:
        self._schedule()

    def _schedule(self) -> None:
        # `selected` and `revision` often change together: build once for both. The
        # overview, which grows with the briefing (a thousand articles, a thousand
        # paragraphs to wrap), is rebuilt at a pace its cost allows (see OVERVIEW_GAP).
        if self.selected == BRIEFING and self._paced.holds():
            return
        if not self._pending:
            self._pending = True
            self.call_later(self._rebuild)

    @property
    def busy(self) -> bool:
        return self._pending or self._paced.waiting

    @property
    def waiting_for(self) -> str | None:
        """What `busy` waits for, in words."""
        return self._paced.waiting_for(self._pending)

    def _article(self) -> Article | None:
        if self.briefing is None or self.selected == BRIEFING:
            return None
        return self.briefing.articles[self.selected]

    def _signature_now(self) -> _Signature:
        article = self._article()
        if article is None:
            # The overview is cheap to rebuild, and counts change with every article.
            return _Signature(
                self.selected,
                -1,
                -1,
                None,
                None,
                str(self.revision),
                False,
                input_state=self.input_state,
            )
        return _Signature(
            self.selected,
            id(article.blocks),
            id(article.removed),
            # Once the text is there, later stages do not change what this pane shows.
            None if article.blocks else article.stage,
            article.metadata.title,
            None if article.error is None else article.error.message,
            self.show_removed,
            id(article.comments),
            self.show_comments,
            kept=None if article.reload_error is None else article.reload_error.message,
        )

    def _rebuild(self) -> None:
        self._pending = False
        signature = self._signature_now()
        if signature == self._signature:
            self._paint_queued()
            return
        before, self._restyled_from = self._signature or self._restyled_from, None
        same_article = before is not None and before.selected == self.selected
        self._signature = signature
        article = self._article()
        # The overview is timed: it paces its own rebuilds (see OVERVIEW_GAP).
        overview = self.briefing is not None and article is None
        with self._paced.gate.timing() if overview else contextlib.nullcontext():
            self.set_paragraphs(self._paragraphs_now(article), keep_place=same_article)
        if not same_article:
            self.marks = []
            if self._queued is None:  # no highlight comes with the article: none is named
                self.mark_label = self.mark_where = ""
                self.border_subtitle = ""
        elif self._queued is None and self.marks and article and self._text_changed(article):
            self._marks_moved(article)  # (marks queued since were found in the new text)
        if self._queued is None and self.marks:
            self._paint(self.marks, self.current, scroll=False)
        self._paint_queued()

    def _text_changed(self, article: Article) -> bool:
        """Whether the article's text is other than the one the marks were found in (a
        new list of the same blocks is the same text)."""
        return article.blocks is not self._marks_on and article.blocks != self._marks_on

    def _marks_moved(self, article: Article) -> None:
        """The text changed under the marks: a search in it is made again, at the same hit
        by count; other marks are dropped (a walk's are found again when the article is
        analysed again: `Highlights.articles_finished`)."""
        if self._marks_query is None:
            self.marks, self._marks_on = [], None
            self.mark_label = self.mark_where = ""
            self.set_label("")
            return
        self.marks, self.marks_more = capped_hits(article, self._marks_query)
        self.current = min(self.current, max(len(self.marks) - 1, 0))
        self._marks_on = article.blocks
        if not self.marks:
            self._paint([], 0, scroll=False)

    def _paragraphs_now(self, article: Article | None) -> list[Paragraph]:
        if self.briefing is None and self.input_state in (NOTHING, PIPE_OPEN):
            # Nothing to start on: how to feed briefing, at once, not after the imports.
            return [Paragraph(Text("Briefing", self._style("title"))), *self._how_to_feed()]
        if self.briefing is None:
            return [Paragraph(Text("Starting…", style=self._style("notice")))]
        if article is None:
            return list(self._overview(self.briefing))
        return list(self._article_paragraphs(article))

    def _paint_queued(self) -> None:
        if self._queued is not None:
            (marks, current), self._queued = self._queued, None
            self._paint(marks, current)

    # What an article looks like ------------------------------------------------------

    def _header(self, article: Article) -> list[Paragraph]:
        """Title; site, authors and date; where it is from: each line only when it says
        something the one before did not (an input that is no address is its own title)."""
        meta = article.metadata
        title = one_line(article.display_title)
        lines = [Paragraph(Text(title, self._style("title")), gap=False)]
        details = [site_of(article)]
        if meta.authors:
            details.append(authors_line([one_line(a) for a in meta.authors]))
        # Imported here: the first frame shows no article (see `_rows_now` of the timeline
        # pane).
        from tui.pipeline.timex import read_as_of_label, timex_label

        if meta.published:
            details.append(timex_label(meta.published) or one_line(meta.published))
        elif article.read_as_of:
            details.append(read_as_of_label(article.read_as_of))
        shown = " · ".join(d for d in details if d)
        if shown:
            lines.append(Paragraph(Text(shown, self._style("meta")), gap=False))
        where = location(article)
        if where and where != title:
            lines.append(Paragraph(Text(where, self._style("meta")), gap=False))
        last = lines[-1]
        lines[-1] = Paragraph(last.text, last.key, last.first, last.rest, gap=True)
        return lines

    def _article_paragraphs(self, article: Article) -> Iterator[Paragraph]:
        yield from self._header(article)
        kept = kept_copy(article)
        if kept is not None:
            yield Paragraph(Text(kept, self._style("notice")))
        if article.duplicate_of is not None:
            same = f"This is the same article as {article.duplicate_of + 1} in the list."
            yield Paragraph(Text(same, self._style("notice")))
            return
        if article.items is not None:
            yield Paragraph(Text(feed_words(article), self._style("notice")))
            return
        unfailed = no_failure(article)
        if unfailed is not None:
            assert article.error is not None
            said = f"{safe(article.error.message)} {unfailed.press}"
            yield Paragraph(Text(said, self._style("notice")))
            return
        if article.error is not None:
            yield Paragraph(Text(self._error_words(article), self._style("error")))
            if not article.blocks:
                return
        if not article.blocks:
            yield Paragraph(Text(f"{article.stage.value.capitalize()}…", self._style("notice")))
            return
        from tui.pipeline.export import analysis_limit_note, page_cut_note

        if article.analysed_blocks is not None:
            yield Paragraph(Text(analysis_limit_note(article), self._style("notice")))
        yield from self._text_with_removed(article)
        cut = page_cut_note(article)
        if cut is not None:
            yield Paragraph(Text(cut, self._style("notice")))
        yield from self._comments(article)

    def _error_words(self, article: Article) -> str:
        assert article.error is not None
        if article.blocks:
            return safe(article.error.message)
        return f"Could not read this article: {safe(article.error.message)}"

    def _text_with_removed(self, article: Article) -> Iterator[Paragraph]:
        standing: dict[int, list[RemovedBlock]] = {}
        unplaced: list[RemovedBlock] = []
        last = len(article.blocks)
        for removed in article.removed:
            if removed.position is None:
                unplaced.append(removed)
            else:
                standing.setdefault(min(max(removed.position, 0), last), []).append(removed)
        show = self.show_removed
        if show:
            count = len(article.removed)
            heading = (
                f"Removed by the cleaner ({count}), dimmed where each stood"
                if count
                else "Nothing was removed from this article."
            )
            yield Paragraph(Text(heading, self._style("notice")))
        for i, block in enumerate(article.blocks):
            if show:
                yield from (self._removed_line(r) for r in standing.get(i, ()))
            yield self._block(i, block.kind, block.text)
        if show:
            yield from (self._removed_line(r) for r in standing.get(last, ()))
            if unplaced:
                heading = f"Removed, place in the page not known ({len(unplaced)})"
                yield Paragraph(Text(heading, self._style("notice")))
                yield from (self._removed_line(r) for r in unplaced)

    def _block(self, index: int, kind: BlockKind, raw: str) -> Paragraph:
        style = {BlockKind.HEADING: "bold", BlockKind.QUOTE: "italic"}.get(kind, "")
        text = Text(safe(raw), style=style)
        if kind is BlockKind.QUOTE:
            return Paragraph(text, key=index, first="  ", rest="  ")
        if kind is BlockKind.LIST_ITEM:
            return Paragraph(text, key=index, first="• ", rest="  ")
        return Paragraph(text, key=index)

    def _comments(self, article: Article) -> Iterator[Paragraph]:
        """The readers' comments after the text when asked for; else one line saying
        they are there (a page without any says nothing)."""
        count = len(article.comments)
        if not count:
            return
        if not self.show_comments:
            note = f"Readers' comments: {plural(count, 'paragraph')} (C shows them)"
            yield Paragraph(Text(note, self._style("notice")))
            return
        yield Paragraph(Text("Readers' comments (C hides them)", self._style("title")))
        said, who = self._style("comment"), self._style("meta")
        for i, comment in enumerate(article.comments):
            # Who wrote it and when ("Sam says:", "sam_w 11 Jul 2024 10.42") is dimmed, so
            # each comment's start stands out from the one before.
            style = who if _names_the_writer(comment.text) else said
            yield Paragraph(Text(safe(comment.text), style=style), key=("comment", i))

    def _removed_line(self, removed: RemovedBlock) -> Paragraph:
        text = Text()
        text.append(f"[{safe(removed.reason)}] ", style="bold")
        text.append(safe(removed.text))
        text.stylize(self._style("removed"))
        return Paragraph(text, key=("removed", id(removed)))

    # The overview ----------------------------------------------------------------------

    def _overview(self, briefing: Briefing) -> Iterator[Paragraph]:
        articles = [a for a in briefing.articles if a.duplicate_of is None]
        yield Paragraph(Text("Briefing", self._style("title")), gap=False)
        if self.briefing_hits is not None:
            yield from self._hits_by_article(briefing, *self.briefing_hits)
        tally = briefing.tally()
        summary = tally.words(" · ", read="done", pending="in progress")
        if self.input_state == PIPE_OPEN:
            summary += " · waiting for more on the pipe"
        if not articles:
            yield Paragraph(Text(""), gap=False)
            yield from self._how_to_feed()
            return
        yield Paragraph(Text(summary, self._style("meta")))
        sites: dict[str, int] = {}
        for article in articles:
            if article.error is None and article.blocks:
                site = site_of(article) or "unknown site"
                sites[site] = sites.get(site, 0) + 1
        if sites:
            yield Paragraph(Text("Sources", style="bold"), gap=False)
            yield Paragraph(Text(" · ".join(f"{name} ({n})" for name, n in sorted(sites.items()))))
        yield from self._overview_errors(briefing)
        # The list on the left shows every article; the overview stays short so redrawing
        # it while a hundred articles load costs little.
        read = [
            (i, a)
            for i, a in enumerate(briefing.articles, 1)
            if a.error is None and a.blocks and a.duplicate_of is None
        ]
        if read:
            yield Paragraph(Text("Headlines", style="bold"), gap=False)
            for number, article in read[:OVERVIEW_HEADLINES]:
                line = Text()
                line.append(f"{number}. ", style="bold")
                line.append(one_line(article.display_title))
                yield Paragraph(line, gap=False, opens=number - 1)
            if len(read) > OVERVIEW_HEADLINES:
                more = len(read) - OVERVIEW_HEADLINES
                yield Paragraph(Text(f"… and {more} more in the list on the left", "dim"))

    def _how_to_feed(self) -> Iterator[Paragraph]:
        """What to do when there is nothing to read: how to give briefing addresses, and
        whether it is waiting on a pipe."""
        if self.input_state == PIPE_OPEN:
            waiting = (
                "Waiting for addresses on the pipe (standard input): each line is read as "
                "it arrives. Meanwhile, press a to add one by hand."
            )
            yield Paragraph(Text(waiting, style="bold"))
            return
        if self.input_state == PIPE_CLOSED:
            closed = "The pipe closed without an address to read."
            yield Paragraph(Text(closed, style="bold"))
        yield Paragraph(
            Text("No articles yet. Press a to add an address, or start briefing with some:")
        )
        for command, what in HOW_TO_FEED:
            yield Paragraph(Text(command, style="bold"), gap=False, first="  ", rest="  ")
            yield Paragraph(Text(what, style=self._style("meta")), first="    ", rest="    ")
        yield Paragraph(Text("Press ? for every key.", style=self._style("meta")))

    def _hits_by_article(
        self, briefing: Briefing, label: str, found: list[tuple[int, int, bool]]
    ) -> Iterator[Paragraph]:
        total = sum(n for _, n, _ in found)
        if not found:
            yield Paragraph(Text(f"Search {label}: no matches in any article.", style="bold"))
            return
        more = any(cut for _, _, cut in found)
        head = (
            f"Search {label}: {_hits_said(total, more)} in {plural(len(found), 'article')}"
            " (n / N walk through them)"
        )
        yield Paragraph(Text(head, style="bold"), gap=False)
        for index, count, cut in found:
            line = Text()
            line.append(f"{index + 1}. ", style="bold")
            line.append(one_line(briefing.articles[index].display_title))
            line.append(f" — {_hits_said(count, cut)}", style="dim")
            yield Paragraph(line, gap=False, opens=index)
        yield Paragraph(Text(""), gap=False)

    def show_briefing_hits(self, hits: tuple[str, list[tuple[int, int, bool]]] | None) -> None:
        """List a search's hits by article in the overview (None: no search)."""
        self.briefing_hits = hits
        self._signature = None  # the overview changes though no article did
        self._paced.gate.reset()  # the reader searched: shown at once
        self._schedule()

    def _overview_errors(self, briefing: Briefing) -> Iterator[Paragraph]:
        # An article whose text was read and whose analysis failed is read (the counts
        # say so): listed under "Could not be read" it made "116 failed" sit over 119.
        unread: list[tuple[int, Article]] = []
        unanalysed: list[tuple[int, Article]] = []
        # Not failed (read before and evicted since, or never come): listed apart, each
        # kind under its own heading, by the titles they had, with how to have them.
        unfailed: dict[str, list[tuple[int, Article]]] = {}
        for number, article in enumerate(briefing.articles, 1):
            if no_failure(article) is not None:
                unfailed.setdefault(article.status, []).append((number, article))
            elif article.error is not None:
                (unanalysed if article.blocks else unread).append((number, article))
        for heading, listed in (
            ("Could not be read ({n})", unread),
            ("Read, but their entities and timeline could not be found ({n})", unanalysed),
        ):
            if listed:
                yield from self._failed(heading.format(n=len(listed)), listed)
        for status, said in NO_FAILURES.items():  # in the order the counts above say them
            if status in unfailed:
                yield from self._not_failed(said, unfailed[status])

    def _failed(self, heading: str, listed: list[tuple[int, Article]]) -> Iterator[Paragraph]:
        yield Paragraph(Text(heading, style="bold"), gap=False)
        for number, article in listed:
            assert article.error is not None
            line = Text(f"{number}. {location(article)}", style="bold red")
            yield Paragraph(line, gap=False, opens=number - 1)
            message = Text(one_line(article.error.message))
            yield Paragraph(message, gap=False, first="   ", rest="   ", opens=number - 1)
        yield Paragraph(Text(""), gap=False)

    def _not_failed(
        self, said: NoFailure, listed: list[tuple[int, Article]]
    ) -> Iterator[Paragraph]:
        # `r` here, on the Briefing, reads every one of them (and retries the failed).
        them = "it" if len(listed) == 1 else "them"
        yield Paragraph(Text(said.heading.format(n=len(listed), them=them), "bold"), gap=False)
        for number, article in listed:
            title, where = one_line(article.display_title), location(article)
            line = Text(f"{number}. ", style="bold").append(title)
            yield Paragraph(line, gap=False, opens=number - 1)
            if where != title:
                address = Text(where, self._style("meta"))
                yield Paragraph(address, gap=False, first="   ", rest="   ", opens=number - 1)
        yield Paragraph(Text(""), gap=False)

    # Highlights ------------------------------------------------------------------------

    def set_marks(
        self,
        marks: list[Mention],
        label: str,
        current: int = 0,
        where: str = "",
        *,
        more: bool = False,
    ) -> None:
        """Highlight `marks` and scroll to mark `current` (after a pending rebuild, if
        any). `label` (an entity's name, a query) is shown in the border: one line of text;
        `where`, a walk's " (article 2/5)", beside the counter, never shortened; `more`:
        the marks are the first `MAX_HITS` of more, and the counter says so ("1/10,000+")."""
        self.marks_more = more
        self.mark_label = one_line(label, LABEL_CHARS)
        self.mark_where = where
        self._marks_query = None
        if self._pending:
            self._queued = (marks, current)
        elif marks and (marks is self.marks or marks == self.marks):  # a walk's step
            self._move_to(current)
        else:
            self._paint(marks, current)

    def step(self, delta: int) -> bool:
        if not self.marks:
            return False
        self._move_to((self.current + delta) % len(self.marks))
        return True

    def _move_to(self, current: int) -> None:
        # Only the highlight left and the one reached change: with 30,000 hits, painting
        # them all took seconds a step.
        self.current = current
        self.move_highlight(self._place(current))
        self._shown(scroll=True)

    def clear_marks(self) -> None:
        self.mark_label = self.mark_where = ""
        self._paint([], 0)

    def _paint(self, marks: list[Mention], current: int, *, scroll: bool = True) -> None:
        """Highlight `marks`, mark `current` as the one the reader is at."""
        self.marks, self.current = marks, current
        article = self._article()
        self._marks_on = None if article is None else article.blocks
        by_paragraph: dict[int, list[tuple[int, int]]] = {}
        index_of = self.index_of
        for m in marks:
            index = index_of(m.block)
            if index is not None:
                by_paragraph.setdefault(index, []).append((m.start, m.end))
        place = self._place(current)
        self.set_highlights(by_paragraph, self._style("mark"), place, self._style("current"))
        self._shown(scroll)

    def _place(self, current: int) -> tuple[int, int, int] | None:
        """Where mark `current` is drawn: (paragraph index, start, end)."""
        if not self.marks:
            return None
        mark = self.marks[current]
        index = self.index_of(mark.block)
        return None if index is None else (index, mark.start, mark.end)

    def _shown(self, scroll: bool) -> None:
        """Say the highlight the reader is at in the border; bring it into view."""
        marks, current = self.marks, self.current
        # The label quotes the reader's query or an entity's name: text, never markup.
        if marks:
            total = f"{len(marks):,}+" if self.marks_more else f"{len(marks)}"
            self.set_label(self.mark_label, f"{self.mark_where} {current + 1}/{total}")
        else:
            self.set_label(self.mark_label, ": no matches" if self.mark_label else "")
        if marks and scroll:
            target = self.index_of(marks[current].block)
            if target is not None:
                self.scroll_to_paragraph(target, marks[current].start)

    def current_paragraph(self) -> str | None:
        """The paragraph the reader is at: the current highlight's, else the first one of
        the article's own (its text, comments or removed lines) from the top of the view;
        None where there is none. Headings, an error's words and the overview's lines are
        no paragraph of it: "Briefing" was copied from an empty briefing, the address from
        a failed article."""
        if self.marks:
            index = self.index_of(self.marks[self.current].block)
        else:
            top = self.visible_paragraph()
            keyed = (
                i
                for i in range(top or 0, len(self.paragraphs))
                if self.paragraphs[i].key is not None
            )
            index = None if top is None else next(keyed, None)
        if index is None:
            return None
        text = self.paragraphs[index].text.plain.strip()
        return text or None

    def search(self, query: str) -> None:
        article = self._article()
        if article is None or not query:
            self.mark_label, self.mark_where = f"“{one_line(query, LABEL_CHARS - 2)}”", ""
            self._paint([], 0)
            return
        hits, more = capped_hits(article, query)
        self.set_marks(hits, f"“{one_line(query, LABEL_CHARS - 2)}”", more=more)
        self._marks_query = query


# German writes "ss" for "ß" in capitals ("STRASSE" is "Straße"): a query with either
# finds both.
_SHARP_S = re.compile("ss|ß")


# Hits a search marks in one article. A browser's find stops counting too: a one-letter
# query in a page that is one 9 MB word found 9 million, and marking them held the app
# still for 26 s and took 3 GB.
MAX_HITS = 10_000


def _hits_said(count: int, more: bool) -> str:
    """'1 hit', '3,000 hits'; '10,000+ hits' where they are the first of more."""
    return f"{count:,}+ hits" if more else plural(count, "hit")


def capped_hits(article: Article, query: str) -> tuple[list[Mention], bool]:
    """The first `MAX_HITS` hits of `query` in the article, and whether there are more."""
    hits = find_hits(article, query, MAX_HITS + 1)
    return hits[:MAX_HITS], len(hits) > MAX_HITS


def find_hits(article: Article, query: str, limit: int | None = None) -> list[Mention]:
    """Every place `query` occurs in the article's text, both folded as a search compares
    them (`fold`: case, accents, ligatures, full-width letters; "ss" and "ß" alike); a
    space in it matches any run of white space (a no-break space, a line break, two
    spaces: pages hold all of them between words). A query of spaces alone finds nothing.
    With a `limit`, the first that many."""
    from tui.pipeline.model import Mention  # loaded by then; see tui.pipeline.kinds

    marks: list[Mention] = []
    words = fold(query)[0].split()
    if not words:
        return marks
    pattern = re.compile(r"\s+".join(_SHARP_S.sub("(?:ss|ß)", re.escape(w)) for w in words))
    for i, block in enumerate(article.blocks):
        folded, origin = fold(block.text)
        for hit in pattern.finditer(folded):
            start, end = hit.span()
            if origin is not None:
                # A hit ends where the next character it did not take begins, with the
                # marks dropped between ("o" and its dot); or inside a ligature, after it.
                start, end = origin[start], max(origin[end], origin[end - 1] + 1)
            marks.append(Mention(i, start, end))
            if len(marks) == limit:
                return marks
    return marks
