from __future__ import annotations

import pytest

from tui.pipeline.briefing import Briefing
from tui.pipeline.identity import input_key, same_title
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


STORY = "Text of the story."


def _read(
    briefing: Briefing, input: str, url: str, canonical: str | None = None, text: str = STORY
):
    article = briefing.add(input)
    article.url = url
    article.metadata.canonical_url = canonical
    article.blocks = [Block(BlockKind.PARAGRAPH, text)]
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
    first.blocks = [Block(BlockKind.PARAGRAPH, "Text of  the STORY.")]  # spacing, case
    original, changed = briefing.read(first)
    assert original is None and first.blocks
    assert second.duplicate_of == 0 and second.blocks == [] and second in changed


def test_stories_whose_pages_all_name_the_home_page_as_canonical_stay_apart() -> None:
    # A site template that gives every story the home page's canonical address.
    briefing = Briefing()
    home = "https://news.example/"
    first, (original, _) = _read(briefing, "https://news.example/a", "https://news.example/a",
                                 home, text="Storm closes the port.")  # fmt: skip
    second, (original, changed) = _read(briefing, "https://news.example/b",
                                        "https://news.example/b", home,
                                        text="Council passes the budget.")  # fmt: skip
    assert original is None and second.blocks and second.duplicate_of is None
    assert first.blocks and first.duplicate_of is None and first not in changed


def test_a_page_naming_another_sites_story_as_canonical_does_not_empty_it() -> None:
    briefing = Briefing()
    real, _ = _read(briefing, "https://wire.example/story", "https://wire.example/story",
                    text="The real story.")  # fmt: skip
    # Read later but listed first: it may not take the real story's place either.
    claimant = briefing.add("https://other.example/page")
    claimant.url = "https://other.example/page"
    claimant.metadata.canonical_url = "https://wire.example/story"
    claimant.blocks = [Block(BlockKind.PARAGRAPH, "Something else entirely.")]
    briefing.read(claimant)
    assert real.blocks and real.duplicate_of is None
    assert claimant.blocks and claimant.duplicate_of is None


def test_a_copy_with_a_block_more_and_its_canonical_page_are_one_article() -> None:
    briefing = Briefing()
    paragraphs = ["First paragraph.", "Second paragraph.", "Third paragraph."]
    original = briefing.add("https://news.example/story")
    original.url = "https://news.example/story"
    original.blocks = [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
    briefing.read(original)
    copy = briefing.add("https://news.example/amp/story")
    copy.url = "https://news.example/amp/story"
    copy.metadata.canonical_url = "https://news.example/story"
    copy.blocks = [Block(BlockKind.PARAGRAPH, p) for p in [*paragraphs, "Updated 3 minutes ago"]]
    found, _ = briefing.read(copy)
    assert found is original and copy.duplicate_of == 0 and copy.blocks == []


def test_two_stories_under_the_home_pages_canonical_sharing_background_stay_apart() -> None:
    # Both pages name the home page as canonical and carry the same five paragraphs of a
    # council report beside five of their own: the second story was emptied as a copy.
    briefing = Briefing()
    home = "https://news.example/"
    shared = [f"Background paragraph {n} of the council report." for n in range(5)]
    stories = []
    for slug, title in (("mill", "Fire guts the old mill"), ("vote", "School board vote")):
        article = briefing.add(f"https://news.example/{slug}")
        article.url = f"https://news.example/{slug}"
        article.metadata.canonical_url = home
        article.metadata.title = title
        own = [f"{title}: paragraph {n}." for n in range(5)]
        article.blocks = [Block(BlockKind.PARAGRAPH, p) for p in [*own, *shared]]
        briefing.read(article)
        stories.append(article)
    assert all(a.blocks and a.duplicate_of is None for a in stories)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Storm closes the port", "Storm closes the port - Daily Planet", True),
        ("Storm closes the port | Daily Planet", "Storm closes the port", True),
        ("Story 1", "Story 2", False),
        ("Fire guts the old mill", "School board vote", False),
        (None, "School board vote", True),
    ],
)
def test_a_copys_title_may_add_the_sites_name_but_two_stories_differ(
    a: str | None, b: str | None, same: bool
) -> None:
    assert same_title(a, b) is same
