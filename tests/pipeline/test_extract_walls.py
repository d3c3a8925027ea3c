"""A notice standing in place of the article (consent, JavaScript, robot check), told from
a short article about the same things."""

from __future__ import annotations

import pytest

from tui.pipeline.extract_walls import wall_notice
from tui.pipeline.model import Block, BlockKind


def _blocks(*texts: str) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, t) for t in texts]


@pytest.mark.parametrize(
    ("texts", "wall"),
    [
        (
            (
                "To keep reading, turn on JavaScript in your browser settings.",
                "Then reload the page.",
            ),
            "javascript",
        ),
        (
            (
                "We and our partners use cookies to store and access information on your device.",
                "Choose Accept all or Reject all; you can change this in Privacy settings.",
            ),
            "consent",
        ),
        (
            (
                "Please complete the security check to show you are not a robot.",
                "We saw unusual traffic from your network.",
            ),
            "robot-check",
        ),
    ],
)
def test_a_short_notice_to_the_reader_made_of_a_walls_phrases_is_that_wall(
    texts: tuple[str, ...], wall: str
) -> None:
    found = wall_notice(_blocks(*texts))
    assert found is not None and found.id == wall
    assert "instead of the article" in found.reason


def test_a_story_about_cookie_banners_is_no_wall() -> None:
    # The words are there, but in few of its paragraphs, and it does not speak to "you".
    story = _blocks(
        "The regulator fined a retailer on Tuesday over banners that hid the reject all button.",
        "Shoppers had to click through two screens to refuse tracking, investigators found.",
        "The retailer said it would appeal and had changed the banner in March.",
        "Four other shops face similar cases, a spokeswoman said.",
    )
    assert wall_notice(story) is None


def test_a_notice_that_says_one_phrase_only_is_not_enough() -> None:
    assert wall_notice(_blocks("You can accept all of the terms at the meeting.")) is None


def test_a_long_text_is_never_a_wall() -> None:
    notice = "Turn on JavaScript in your browser settings, then reload the page. "
    assert wall_notice(_blocks(notice * 30)) is None


def test_headings_alone_are_not_read_as_a_notice() -> None:
    assert wall_notice([Block(BlockKind.HEADING, "Enable JavaScript and reload the page")]) is None
