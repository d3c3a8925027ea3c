from __future__ import annotations

import pytest

from tui.pipeline.briefing import Briefing
from tui.pipeline.identity import input_key
from tui.pipeline.model import Block, BlockKind


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://News.Example/story/", "https://news.example/story"),
        ("HTTPS://news.example:443/story", "https://news.example/story"),
        ("http://news.example:80/a?x=1#comments", "http://news.example/a?x=1"),
    ],
)
def test_spellings_of_one_url_share_a_key(a: str, b: str) -> None:
    assert input_key(a) == input_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://news.example/a?x=1", "https://news.example/a?x=2"),
        ("https://news.example/Story", "https://news.example/story"),
        ("http://news.example:8080/a", "http://news.example/a"),
    ],
)
def test_different_pages_keep_different_keys(a: str, b: str) -> None:
    assert input_key(a) != input_key(b)


@pytest.mark.parametrize("odd", ["http://[x/", "http://h:1:1/", "not a url", "http://xn--/"])
def test_inputs_that_are_not_urls_never_raise(odd: str) -> None:
    assert isinstance(input_key(odd), str)


def test_a_relative_path_and_its_absolute_form_are_one_input(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert input_key("page.html") == input_key(str(tmp_path / "page.html"))


def _read(briefing: Briefing, input: str, url: str, canonical: str | None = None):
    article = briefing.add(input)
    article.url = url
    article.metadata.canonical_url = canonical
    article.blocks = [Block(BlockKind.PARAGRAPH, f"Text of {input}.")]
    return article, briefing.read(article)


def test_a_page_reached_by_two_urls_is_one_article_kept_at_the_earlier_input() -> None:
    briefing = Briefing()
    first = briefing.add("https://news.example/amp/story")
    second, (original, _) = _read(
        briefing, "https://news.example/story", "https://news.example/story"
    )
    assert original is None and second.blocks
    # The earlier input arrives last, and names the same canonical page: it is kept, and
    # the later input becomes the duplicate, whatever the order they were read in.
    first.url = "https://news.example/amp/story"
    first.metadata.canonical_url = "https://news.example/story"
    first.blocks = [Block(BlockKind.PARAGRAPH, "Text of the story.")]
    original, changed = briefing.read(first)
    assert original is None and first.blocks
    assert second.duplicate_of == 0 and second.blocks == [] and second in changed
