"""A notice standing in place of the article (consent, JavaScript, robot check, ad
blocker), told from a short news story about the same things."""

from __future__ import annotations

import pytest

from tui.pipeline.extract_walls import wall_notice
from tui.pipeline.model import Block, BlockKind


def _blocks(*texts: str) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, t) for t in texts]


@pytest.mark.parametrize(
    ("texts", "wall"),
    [
        (("This site needs JavaScript. Turn it on in your browser and reload.",), "javascript"),
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
                "Reference ID: 77be-01",
            ),
            "robot-check",
        ),
        (
            (
                "Our reporting is paid for by adverts. Pause your ad blocker, or add us to "
                "your allowlist.",
            ),
            "ad-blocker",
        ),
        # Notices come in the reader's language.
        (
            (
                "Wir und unsere Partner verwenden Cookies, um Inhalte zu personalisieren.",
                "Klicken Sie auf Alle akzeptieren oder Alle ablehnen.",
            ),
            "consent",
        ),
        (
            ("JavaScript est désactivé. Veuillez activer JavaScript dans votre navigateur.",),
            "javascript",
        ),
    ],
)
def test_a_short_notice_made_of_a_walls_phrases_is_that_wall(
    texts: tuple[str, ...], wall: str
) -> None:
    found = wall_notice(_blocks(*texts))
    assert found is not None and found.id == wall
    assert "instead of the article" in found.reason


@pytest.mark.parametrize(
    "story",
    [
        (
            "The regulator fined a retailer over banners that hid the reject all button.",
            "Shoppers had to accept all cookies or open the cookie settings, investigators found.",
            '"If you can accept cookies with one click, you must be able to refuse them," '
            "its head said.",
        ),
        (
            "Customers could not log in for hours after a captcha meant to stop automated "
            "requests failed.",
            "The security check showed a message about unusual traffic on Monday, the bank "
            "told customers.",
        ),
        (
            "Readers who pause their ad blocker will see fewer adverts, the publisher wrote.",
            "Its allow list lets some advertising through to support its journalism.",
        ),
        # No reporting verb, but it says when.
        (
            "Browsers will block cookies from other sites by default from March 2027.",
            "Sites that use cookies for adverts must then ask for your consent to track.",
        ),
    ],
)
def test_a_short_story_about_those_things_is_no_wall(story: tuple[str, ...]) -> None:
    # It says the phrases, but it reports: someone said or did something, at some time.
    assert wall_notice(_blocks(*story)) is None


def test_a_notice_that_says_when_its_policy_changed_is_still_a_notice() -> None:
    # Dates are no sign of news: a consent text gives its policy's date, a copyright year.
    found = wall_notice(
        _blocks(
            "We and our partners use cookies to store and access information on your device.",
            "Privacy policy last updated 3 March 2025. Accept all or Reject all.",
            "© 2026 The Valley Courier",
        )
    )
    assert found is not None and found.id == "consent"


def test_a_column_that_walks_through_the_buttons_is_no_wall() -> None:
    # No reporting verb and no date, but the banner's words are a few among many.
    column = _blocks(
        "Every morning the same ritual: a grey box slides up and asks whether I will accept "
        "all cookies or wade through the cookie settings to reject all of them.",
        "I used to click whatever made the box go away. Then I counted how many companies "
        "one small regional paper shares my reading habits with, and stopped clicking.",
        "Now I open the privacy settings every time. It takes a minute, sometimes two, and "
        "most days I lose my place in the story I came for.",
    )
    assert wall_notice(column) is None


def test_a_story_about_ad_blockers_is_not_called_a_javascript_notice() -> None:
    found = wall_notice(_blocks("Pause your ad blocker or add us to your allow list."))
    assert found is not None and found.id == "ad-blocker"


def test_a_how_to_that_names_a_setting_or_two_is_no_wall() -> None:
    how_to = _blocks(
        "Most browsers let you block cookies from other sites in a few clicks: open the "
        "browser settings and choose the privacy page.",
        "Firefox blocks many trackers already. You can make it stricter there too.",
        "If a site breaks, you can let it through again from the padlock by its address.",
    )
    assert wall_notice(how_to) is None


def test_a_notice_that_says_one_phrase_only_is_not_enough() -> None:
    assert wall_notice(_blocks("You can accept all of the terms at the meeting.")) is None


def test_a_long_text_is_never_a_wall() -> None:
    notice = "Turn on JavaScript in your browser settings, then reload the page. "
    assert wall_notice(_blocks(notice * 30)) is None


def test_headings_alone_are_not_read_as_a_notice() -> None:
    assert wall_notice([Block(BlockKind.HEADING, "Enable JavaScript and reload the page")]) is None


def test_a_box_named_for_a_notice_needs_only_one_of_its_phrases() -> None:
    # Written in ordinary sentences, a real consent text is thin in our phrases; its box's
    # name says what it is.
    text = _blocks(
        "This website and its trusted vendors would like to store small files on this "
        "device to show you relevant adverts and to measure how the pages are used.",
        "You can say yes to all of them, choose some, or change your mind later from the "
        "privacy settings at the foot of any page.",
    )
    assert wall_notice(text) is None
    found = wall_notice(text, "modal cookie-consent-modal")
    assert found is not None and found.id == "consent"
    # A box named so around a story that reports, or says none of the phrases: no wall.
    assert wall_notice(_blocks("The bakery sold out of cookies by noon."), "cookie-recipes") is None
    story = _blocks("Visitors can change their privacy settings, the museum said on its site.")
    assert wall_notice(story, "cookie-consent") is None


def test_a_mark_counts_only_as_a_whole_part_of_a_name() -> None:
    text = _blocks("Please complete the security check before you go on.")
    assert wall_notice(text, "px-captcha") is not None
    assert wall_notice(text, "challenger-cup-results") is None
