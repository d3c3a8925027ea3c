"""An article in a reader's words (`tui/app/describe.py`), without the app."""

from __future__ import annotations

import pytest

from tui.app.describe import location
from tui.pipeline.model import Article, ArticleError, ErrorKind


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("/home/ana/saved/story.html", "story.html"),
        ("C:\\\\Users\\\\ana\\\\story.html", "story.html"),
        ("file:///home/ana/my%20story.html", "my story.html"),
        ("https://example.org/a/b", "https://example.org/a/b"),
        ("javascript:alert(1)/[b]x", "javascript:alert(1)/[b]x"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
    ],
)
def test_a_local_file_is_shown_by_its_name_and_anything_else_whole(given: str, shown: str) -> None:
    assert location(Article(input=given)) == shown


@pytest.mark.parametrize("given", ["[bold red]notaurl[/] x.html", "/no/such/folder/story.html"])
def test_an_input_that_is_no_address_nor_file_is_shown_whole(given: str) -> None:
    article = Article(input=given, error=ArticleError(ErrorKind.INVALID_INPUT, "no"))
    assert location(article) == given
