"""What the keys do beyond moving and highlighting: open, copy, add, reload, export, the
list's width. Every one of them says what it did (or why it did nothing) in a toast, and
none writes a file or starts a browser on the event loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.keys import _character_to_key  # the name a terminal's key gets ("/": "slash")

from tui.app.describe import BRIEFING, NO_FAILURES, no_failure, without_text
from tui.app.highlights import Highlights
from tui.app.layout import Widths, pane_widths
from tui.app.text import one_line
from tui.pipeline.inputs import input_uri
from tui.pipeline.kinds import Stage
from tui.pipeline.words import listing, plural

if TYPE_CHECKING:
    import webbrowser

    from tui.pipeline.briefing import Briefing
    from tui.pipeline.model import Article

# How much of a path or address a toast quotes.
QUOTED = 200
# A copy larger than this (bytes of UTF-8) may not reach the clipboard: it goes through
# the terminal (OSC 52), and terminals cap it (tmux dropped a 2.6 MB one; review 15).
LARGE_COPY_BYTES = 100_000
# Past this, not sent at all: the terminals that take the most keep a few MB.
MAX_COPY_BYTES = 8_000_000

# The help, add and export screens are imported where they are opened: their module
# costs ~1.6 ms that nothing before the first frame needs.


class Actions(Highlights):
    """The keys' actions; the key map itself is in `main`."""

    _widths: Widths | None = None

    # The layout: panes sized to the terminal, the list as wide as the reader asked ----

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: this handler runs before Textual's own records it in
        # `self.size`, which sized the panes for the terminal before (text cut off).
        self.apply_layout(event.size.width)

    def apply_layout(self, width: int | None = None) -> None:
        """Size the panes for the terminal's width (a layout pass: only on a resize or
        when the reader moves the list's edge, never on a selection)."""
        widths = pane_widths(self.size.width if width is None else width, self.list_steps)
        if widths == self._widths:
            return
        self._widths = widths
        self.query_one("#sidebar").styles.width = widths.list
        self.query_one("#reader").styles.width = "1fr" if widths.narrow else widths.text
        self.query_one("#side").styles.width = "1fr"

    def action_list_width(self, delta: int) -> None:
        now = pane_widths(self.size.width, self.list_steps)
        then = pane_widths(self.size.width, self.list_steps + delta)
        if then.list == now.list:
            edge = "wide" if delta > 0 else "narrow"
            self.notify(f"The list is as {edge} as it goes at this terminal's width.")
            return
        self.list_steps += delta
        self.apply_layout()

    # Panes and views ---------------------------------------------------------------------

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from tui.app.screens import OnceCommandPalette

        # Textual's own, but closed once (`screens._ClosesOnce`).
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(OnceCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        from tui.app.screens import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _toggled(self, shown: bool, no_article: str) -> Article | None:
        """After a view of the text was switched: the chosen article, its text in sight,
        or None on the Briefing entry (saying `no_article` when the view was switched on)."""
        index = self.chosen()
        if index == BRIEFING or self.briefing is None:
            if shown:
                self.notify(no_article)
            return None
        self.show_text()
        return self.briefing.articles[index]

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        article = self._toggled(
            self.show_removed, "Select an article to see what its cleaner removed."
        )
        if article is None:
            return
        unread = without_text(article, "removed lines")
        if not self.show_removed:
            self.notify("Removed lines hidden.")
        elif unread is not None:
            self.notify(unread)
        elif article.removed:
            count = plural(len(article.removed), "removed line")
            self.notify(f"Showing the {count}, dimmed where each stood.")
        else:
            self.notify("The cleaner removed nothing from this article.")

    def action_toggle_comments(self) -> None:
        self.show_comments = not self.show_comments
        article = self._toggled(
            self.show_comments, "Select an article to read the comments under it."
        )
        if article is None:
            return
        count = plural(len(article.comments), "paragraph")
        unread = without_text(article, "readers' comments")
        if not self.show_comments:
            self.notify("Comments hidden.")
        elif unread is not None:
            self.notify(unread)
        elif article.comments:
            self.notify(f"Showing {count} of readers' comments, after the text.")
        else:
            self.notify("No readers' comments were found on this page.")

    # Outside the app: the browser and the clipboard --------------------------------------

    def _address(self, to: str) -> str | None:
        """The chosen article's address, or None (said in a toast when it has none)."""
        article = self.current()
        if article is None:
            return None
        url = article.url or input_uri(article.input)
        if url is None:
            self.notify(f"This input has no address to {to}.", severity="warning")
        return url

    def action_open(self) -> None:
        url = self._address("open")
        if url is not None:
            self._open_in_browser(url)

    @work(thread=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        # Finding the browser and a slow launcher: never on the UI (`tui.app.browser`).
        from tui.app import browser

        chosen = browser.chosen()
        if chosen is None:
            self.call_from_thread(self.notify, "No web browser found.", severity="warning")
        elif browser.needs_the_terminal(chosen) and self._driver and self._driver.can_suspend:
            self.call_from_thread(self._open_in_the_terminal, chosen, url)
        else:
            self.call_from_thread(self._say_opened, url, browser.open_detached(url))

    def _open_in_the_terminal(self, chosen: webbrowser.BaseBrowser, url: str) -> None:
        """A console browser gets the terminal, the app suspended until it ends. Ctrl+C
        meanwhile is the browser's alone (it ended the app with a traceback, review 16),
        and what was typed for it and not read is not the app's ("q" quit it)."""
        from tui.app.browser import the_terminal_lent

        with the_terminal_lent(), self.suspend():
            took = chosen.open(url)
        self._say_opened(url, took)

    def _say_opened(self, url: str, took: bool | None) -> None:
        shown = one_line(url, QUOTED)
        if took is False:  # it was found and ran: not "no browser"
            self.notify(f"The web browser could not open {shown}", severity="warning")
        else:
            self.notify(f"Opened {shown}" if took else f"Asked the web browser to open {shown}")

    def action_copy_url(self) -> None:
        url = self._address("copy")
        if url is not None:
            self.copy_to_clipboard(url)
            self.notify(f"Copied {one_line(url, QUOTED)}")

    def action_copy_paragraph(self) -> None:
        text = self.article_view.current_paragraph()
        if text is None:
            self.notify("There is no paragraph here to copy.", severity="warning")
            return
        self.copy_to_clipboard(text)
        self.notify(f"Copied the paragraph: “{one_line(text, 80)}”")

    def action_copy_markdown(self) -> None:
        if self.briefing is None:
            return
        index = self.chosen()
        if index == BRIEFING and not self.briefing.articles:
            self.notify("There is nothing to copy yet.", severity="warning")
            return
        # A snapshot taken here, as an export's is: the live briefing changes meanwhile.
        # (The session replaces an article's fields; it does not change them in place.)
        whole = index == BRIEFING
        self._copy_markdown(self.briefing.snapshot() if whole else self.briefing.articles[index])

    @work(thread=True, group="copy", exclusive=True, exit_on_error=False)
    def _copy_markdown(self, source: Briefing | Article) -> None:
        """Build the Markdown off the event loop: a briefing of 688 articles is 68 MB of
        it, and the keys froze for 9 s while it was built and sent."""
        from textual.worker import get_current_worker

        from tui.pipeline.briefing import Briefing
        from tui.pipeline.export import article_markdown, to_markdown

        if isinstance(source, Briefing):
            text, what = to_markdown(source), "the briefing"
        else:
            text, what = article_markdown(source), "the article"
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._send_copy, text, what)

    def _send_copy(self, text: str, what: str) -> None:
        lines = plural(len(text.splitlines()), "line")
        size = len(text.encode("utf-8"))
        if size > MAX_COPY_BYTES:
            # Sent through the terminal (base64 in one escape sequence), it held the
            # screen for seconds, for a copy no terminal keeps.
            self.notify(
                f"Did not copy {what}: as Markdown it is {size / 1_000_000:.1f} MB, too large"
                " for the terminal's clipboard; e exports it to a file.",
                severity="warning",
            )
            return
        self.copy_to_clipboard(text)
        if size <= LARGE_COPY_BYTES:
            self.notify(f"Copied {what} as Markdown ({lines}).")
            return
        # The copy travels through the terminal, which may drop it without a word.
        self.notify(
            f"Sent {what} as Markdown ({lines}, {size / 1_000_000:.1f} MB) to the terminal's"
            " clipboard; many terminals drop a copy this large: e exports it to a file.",
            severity="warning",
        )

    # Adding, reloading, exporting -----------------------------------------------------

    def action_add(self) -> None:
        from tui.app.screens import AddUrlScreen

        prompt = AddUrlScreen()

        def added(inputs: list[str] | None) -> None:
            self.answer_awaited = None
            if inputs:
                self.add_inputs(inputs)
            # "a…⏎q" in one burst: the "q" reached the box before the Enter closed it.
            for character in prompt.typed_after:
                key = "enter" if character == "\r" else _character_to_key(character)
                self.post_message(events.Key(key, character))

        self.answer_awaited = prompt
        self.push_screen(prompt, added)

    def add_inputs(self, inputs: list[str]) -> None:
        """Add what the reader typed or pasted, and say what became of it."""
        new = [a for a in (self.add_input(t, online=True) for t in inputs) if a is not None]
        already = len(inputs) - len(new)
        if self.briefing is None or self.session is None:
            return
        if not new and already:
            existing = self.briefing.find(inputs[0])
            self.notify(
                "Already in the briefing." if already == 1 else "All already in the briefing."
            )
            if existing is not None and already == 1:
                self.select(self.briefing.index(existing))
            return
        said = f"Added {plural(len(new), 'article')}"
        if already:
            said += f"; {plural(already, 'was', 'were')} already in the briefing"
        self.notify(said + ".")

    def action_reload(self) -> None:
        if self.session is None or self.briefing is None:
            return
        articles = self.briefing.articles
        index = self.chosen()
        if index != BRIEFING:
            article = articles[index]
            # The title before the reload: the article starts over without one.
            title = one_line(article.display_title, 80)
            if self.session.reload(article):
                self.notify(f"Reloading “{title}”, past the cache…")
            else:
                self.notify("This article is still being read.")
            return
        failed = [a for a in articles if a.stage is Stage.ERROR]
        if not failed:
            self.notify("No failed articles to retry (select an article to reload it).")
            return
        # A page a reopened briefing has not (evicted since, or never come) did not fail:
        # it is read with the failed ones, and said apart.
        said = {id(a): no_failure(a) for a in failed}
        started = [a for a in failed if self.session.reload(a)]
        retried = sum(said[id(a)] is None for a in started)
        words = [f"Retrying {plural(retried, 'failed article')}"] if retried or not started else []
        for kind in NO_FAILURES.values():
            if count := sum(said[id(a)] is kind for a in started):
                words.append(kind.again.format(articles=plural(count, "article")))
        told = listing(words)
        self.notify(f"{told[0].upper()}{told[1:]}…")

    def action_export(self) -> None:
        if self.briefing is None:
            return
        if not self.briefing.articles:
            self.notify("There is nothing to export yet.", severity="warning")
            return

        def chosen(fmt: str | None) -> None:
            if fmt is not None and self.briefing is not None:
                # Taken here, on the event loop: the file and the toast count the articles
                # still being read at one moment (tallied after the file was written, the
                # toast could be one off what the file said).
                self._export(self.briefing.snapshot(), fmt)

        from tui.app.screens import ExportScreen

        self.push_screen(ExportScreen(self.folder), chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, briefing: Briefing, fmt: str) -> None:
        """Write `briefing` (a snapshot: the live one changes meanwhile) and say so."""
        from tui.pipeline.export import write_briefing

        name = "Markdown" if fmt == "markdown" else "JSON"
        try:
            path = write_briefing(briefing, self.folder, fmt, analysis=self.options.analysis)
        except OSError as exc:
            message = f"Could not export to {one_line(str(self.folder), QUOTED)}: {_reason(exc)}"
            self.call_from_thread(self.notify, message, severity="error")
            return
        said = f"Exported the briefing as {name} to {one_line(str(path), QUOTED)}"
        pending = briefing.tally().pending  # the snapshot the file was written from
        if pending:
            said += f"; {plural(pending, 'article was', 'articles were')} still being read"
        self.call_from_thread(self.notify, said)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG of the screen into the export folder (made if missing), and say
        where."""
        folder = Path(path) if path else self.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            written = self.save_screenshot(filename, str(folder))
        except OSError as exc:
            where = one_line(str(folder), QUOTED)
            self.notify(
                f"Could not save the screenshot in {where}: {_reason(exc)}", severity="error"
            )
            return
        self.notify(f"Saved a screenshot to {one_line(written, QUOTED)}")


def _reason(exc: OSError) -> str:
    """Why a file could not be written, in words ("Permission denied", "Not a directory"),
    without the path the message around it already names."""
    if isinstance(exc, FileExistsError) and exc.strerror:  # the folder could not be made
        return "a file of that name is in the way"
    return one_line(exc.strerror or str(exc), QUOTED)
