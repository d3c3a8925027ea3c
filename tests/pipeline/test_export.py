from __future__ import annotations

import json

from tui.pipeline.briefing import Briefing
from tui.pipeline.export import to_json, to_jsonl_line, to_markdown
from tui.pipeline.model import (
    Article,
    ArticleError,
    Block,
    BlockKind,
    Entity,
    EntityType,
    ErrorKind,
    Granularity,
    Mention,
    Metadata,
    RemovedBlock,
    Stage,
    TimelineEntry,
)


def _article() -> Article:
    return Article(
        input="https://news.example/a",
        url="https://news.example/a",
        stage=Stage.DONE,
        metadata=Metadata(
            title="Strikes hit \x1b[31mgrid", site="Example News", authors=["A. Writer"]
        ),
        blocks=[
            Block(BlockKind.HEADING, "What happened"),
            Block(BlockKind.PARAGRAPH, "[click](javascript:alert(1)) *not bold* `code`"),
            Block(BlockKind.PARAGRAPH, "# not a heading, and \x07 no bell [bold]kept[/bold]"),
            Block(BlockKind.QUOTE, "We will rebuild."),
        ],
        removed=[
            RemovedBlock(
                BlockKind.PARAGRAPH, "JOIN US", "social media call to action", "social-cta", 2
            ),
            RemovedBlock(BlockKind.PARAGRAPH, "Ad", "advertisement label", "ad-label"),
        ],
        comments=[Block(BlockKind.PARAGRAPH, "Lena says: # the substation was hit \x1b[2J twice")],
        entities=[Entity("Kharkiv", EntityType.PLACE, [], [Mention(1, 0, 7)], "Kharkiv was hit.")],
        timeline=[
            TimelineEntry(
                "on Tuesday", "2024-08-06", Granularity.DAY, "It began on Tuesday.", 1, 10, 20
            )
        ],
    )


def test_json_has_the_documented_article_fields() -> None:
    briefing = Briefing(
        [_article(), Article(input="bad", error=ArticleError(ErrorKind.TIMEOUT, "slow"))]
    )
    data = json.loads(to_json(briefing))
    ok, bad = data["articles"]
    assert ok["status"] == "ok" and ok["error"] is None
    assert ok["blocks"][0] == {"kind": "heading", "text": "What happened"}
    assert ok["removed"][0]["reason"] == "social media call to action"
    # Stood before blocks[2]; the second one's place is unknown.
    assert [r["position"] for r in ok["removed"]] == [2, None]
    assert ok["entities"][0]["mentions"] == [{"block": 1, "start": 0, "end": 7}]
    assert ok["entities"][0]["count"] == 1
    assert ok["timeline"][0]["value"] == "2024-08-06"
    assert ok["comments"] == [
        {"kind": "paragraph", "text": "Lena says: # the substation was hit \x1b[2J twice"}
    ]
    assert bad["status"] == "error" and bad["error"] == {"kind": "timeout", "message": "slow"}
    assert bad["comments"] == []


def test_a_page_a_reopened_briefing_never_read_is_exported_as_not_read_not_failed() -> None:
    from tui.pipeline.history import UNREAD

    never = Article(input="https://news.example/slow", stage=Stage.ERROR, error=UNREAD)
    briefing = Briefing([_article(), never])
    # It was "status": "error" and "**Error (not_cached):**", counted "1 failed".
    article = json.loads(to_json(briefing))["articles"][1]
    assert article["status"] == "not_read"
    assert article["error"] == {"kind": "not_cached", "message": UNREAD.message}
    assert json.loads(to_jsonl_line(never, 1))["status"] == "not_read"
    markdown = to_markdown(briefing)
    assert "2 articles, 1 read, 0 failed, 1 not read." in markdown
    assert f"*Not read:* {UNREAD.message}\n\nInput: https://news.example/slow" in markdown
    assert "Error (" not in markdown


def test_a_page_that_came_and_held_no_article_is_said_with_the_address_it_was_read_at() -> None:
    no_article = ArticleError(ErrorKind.NO_ARTICLE, "A list of headlines, not an article.")
    moved = Article(
        input="https://news.example/r",
        url="https://news.example/front",
        stage=Stage.ERROR,
        error=no_article,
        fetched_at="2024-08-06T10:00:00+00:00",
    )
    never = Article(input="https://news.example/gone", stage=Stage.ERROR, error=no_article)
    markdown = to_markdown(Briefing([moved, never]))
    said = "<https://news.example/front> (from <https://news.example/r>)"
    assert f"**Error (no_article):** A list of headlines, not an article.\n\n{said}" in markdown
    assert "Input: https://news.example/gone" in markdown


def test_jsonl_is_one_line_per_article() -> None:
    line = to_jsonl_line(_article(), 3)
    data = json.loads(line)
    assert "\n" not in line and data["title"].startswith("Strikes")
    assert data["index"] == 3 and data["revision"] == 0


def test_markdown_never_carries_control_characters_or_structure_from_page_text() -> None:
    md = to_markdown(Briefing([_article()]))
    assert "\x1b" not in md and "\x07" not in md
    assert "\\# not a heading" in md
    assert r"\[bold\]kept\[/bold\]" in md  # escaped: a renderer shows it literally
    assert "### What happened" in md and "> We will rebuild." in md
    assert "Removed boilerplate (2)" in md
    # Readers' comments after the article, folded away, as plain text like the article's.
    assert "<summary>Readers' comments (1 paragraph)</summary>" in md
    assert "Lena says: # the substation was hit \\[2J twice" in md
    assert "**Places:** Kharkiv (1)" in md
    assert "**6 Aug 2024** — It began on Tuesday." in md  # a date a reader reads


def test_markdown_shows_a_character_reference_written_in_page_text_as_written() -> None:
    # A page about HTML that shows "&lt;b&gt;" as text: the Markdown rendered it "<b>".
    from markdown_it import MarkdownIt

    article = _article()
    said = "Write &lt;b&gt; or &#60;i&#62; for bold, and AT&T's & co as they are."
    article.blocks = [Block(BlockKind.PARAGRAPH, said)]
    html = MarkdownIt("commonmark").render(to_markdown(Briefing([article])))
    assert "Write &amp;lt;b&amp;gt; or &amp;#60;i&amp;#62; for bold" in html
    assert "AT&amp;T's &amp; co as they are." in html


def test_json_and_jsonl_escape_what_a_terminal_obeys_but_keep_the_text() -> None:
    article = _article()
    article.metadata.title = "Grid \u202edednuow\u202c hit \x9b2J"
    article.blocks.append(Block(BlockKind.PARAGRAPH, "Line\u2028break and \x1b]0;title\x07"))
    for text in (to_json(Briefing([article])), to_jsonl_line(article, 0)):
        # C1 CSI, bidi override, separators, ESC/BEL: none raw in the output...
        for raw in ("\x9b", "\u202e", "\u202c", "\u2028", "\x1b", "\x07"):
            assert raw not in text
        assert "\\u202e" in text and "\\u009b" in text
        # ...and a script that parses it gets every character back.
    data = json.loads(to_jsonl_line(article, 0))
    assert data["title"] == article.metadata.title
    assert data["blocks"][-1]["text"] == "Line\u2028break and \x1b]0;title\x07"


def test_markdown_lines_that_would_start_structure_read_as_written() -> None:
    article = _article()
    article.blocks = [Block(BlockKind.PARAGRAPH, t) for t in ("1. I disagree.", "2) No.", "---")]
    article.comments = [Block(BlockKind.PARAGRAPH, "~~~"), Block(BlockKind.PARAGRAPH, "```")]
    md = to_markdown(Briefing([article]))
    # CommonMark: a digit cannot be escaped, the dot or bracket after it can.
    assert "\n1\\. I disagree.\n" in md and "\n2\\) No.\n" in md
    assert "\n\\---\n" in md  # not a rule
    # Not fences that would swallow the rest of the export.
    assert "\n\\~\\~\\~\n" in md and "\n\\`\\`\\`\n" in md
    assert md.count("</details>") == 2


def test_markdown_says_where_a_page_too_long_to_read_whole_was_cut() -> None:
    article = _article()
    reason = "the page goes on for 900 more elements (40,000 characters of text)"
    article.removed.append(
        RemovedBlock(BlockKind.PARAGRAPH, "Next part…", reason, "page-too-long", 4)
    )
    briefing = Briefing()
    briefing.articles.append(article)
    md = to_markdown(briefing)
    note = f"*The page is cut here: {reason}.*"
    assert note in md
    # After the text, before the removed boilerplate folded away.
    assert md.index("We will rebuild.") < md.index(note) < md.index("Removed boilerplate")


def test_an_export_folder_not_made_yet_is_made_and_no_file_is_overwritten(tmp_path) -> None:
    from tui.pipeline.export import write_briefing

    briefing = Briefing()
    briefing.articles.append(_article())
    folder = tmp_path / "not" / "made yet"
    first = write_briefing(briefing, folder, "markdown")
    second = write_briefing(briefing, folder, "markdown")
    assert first.parent == folder and first != second
    assert "What happened" in first.read_text() and "What happened" in second.read_text()


def test_an_export_taken_while_articles_are_read_says_which_are_not_yet() -> None:
    fetching = Article(input="https://news.example/slow", stage=Stage.FETCHING)
    analysing = _article()
    analysing.stage, analysing.entities, analysing.timeline = Stage.ANALYSING, None, None
    reloading = _article()
    reloading.stage, reloading.reading_again = Stage.FETCHING, True
    briefing = Briefing([_article(), fetching, analysing, reloading])
    data = json.loads(to_json(briefing))
    assert [a["status"] for a in data["articles"]] == ["ok", "pending", "pending", "ok"]
    markdown = to_markdown(briefing)
    # It said "4 articles, 4 read, 0 failed." while two were not read yet.
    assert "4 articles, 2 read, 0 failed, 2 still being read." in markdown
    assert "*Still being read (fetching) when this was exported.*" in markdown
    assert "*Still being read (analysing) when this was exported.*" in markdown


def test_markdown_gives_the_address_asked_for_beside_the_one_it_led_to() -> None:
    moved = _article()
    moved.input, moved.url = "https://t.example/x1>y", "https://news.example/a"
    briefing = Briefing()
    briefing.articles = [_article(), moved]
    text = to_markdown(briefing)
    assert text.count("<https://news.example/a>\n") == 1  # not redirected: said once
    assert "<https://news.example/a> (from <https://t.example/x1%3Ey>)" in text


def test_an_export_the_disk_cannot_hold_leaves_no_cut_off_file(tmp_path) -> None:
    # A file-size limit (as a full disk does) stopped the write at 64 KB: the export
    # failed in words, but a file under the export's own name stayed, cut mid-sentence.
    import resource
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tests.pipeline.test_export import _article\n"
        "from tui.pipeline.briefing import Briefing\n"
        "from tui.pipeline.export import write_briefing\n"
        "from tui.pipeline.model import Block, BlockKind\n"
        "article = _article()\n"
        "article.blocks = [Block(BlockKind.PARAGRAPH, 'The harbour wall held. ' * 40)] * 400\n"
        "try:\n"
        "    write_briefing(Briefing([article]), Path(sys.argv[1]), sys.argv[2])\n"
        "except OSError as exc:\n"
        "    print('failed:', exc.strerror)\n"
    )

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))

    for fmt in ("markdown", "json"):
        folder = tmp_path / fmt
        done = subprocess.run(
            [sys.executable, "-c", script, str(folder), fmt],
            capture_output=True, text=True, preexec_fn=limit, timeout=120, check=True,
            cwd=Path(__file__).resolve().parents[2],
        )  # fmt: skip
        assert done.stdout.startswith("failed: File too large"), done.stderr
        assert list(folder.iterdir()) == []
