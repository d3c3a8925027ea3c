"""Choosing the article: readability's vote, the verdict table, and how they combine."""

from __future__ import annotations

from pathlib import Path

import pytest
from readability import Document

from tui.pipeline.extract_blocks import Page, number_blocks, page_pieces
from tui.pipeline.extract_choice import (
    BAD,
    GOOD,
    _Readability,
    choose,
    classify,
    readability_vote,
    rules,
)
from tui.pipeline.extract_parse import parse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = sorted((FIXTURES / "pages").glob("*.html")) + sorted((FIXTURES / "extract").glob("*.html"))

LONG = (
    "The harbour board met on Tuesday and agreed, after a long debate, to dredge the "
    "channel before the winter storms, at a cost shared with the ferry company."
)


def _page(body: str) -> Page:
    tree = parse(f"<html><body>{body}</body></html>")
    number_blocks(tree)
    return page_pieces(tree)


def test_every_verdict_and_context_rule_has_an_id_a_reason_and_a_class() -> None:
    table = rules()
    ids = [v.id for v in table.verdicts] + [c.id for c in table.context]
    assert len(ids) == len(set(ids))
    for verdict in table.verdicts:
        assert verdict.reason and verdict.cls in ("good", "near", "short", "bad")
    for rule in table.context:
        assert rule.reason and rule.needs in ("both", "either")
    # The last verdict takes whatever the others left.
    last = table.verdicts[-1]
    assert last.min_letters == 0 and last.max_letters is None


class _Stock(_Readability):
    """Our readability with its own steps put back, to compare votes."""

    transform_misused_divs_into_paragraphs = Document.transform_misused_divs_into_paragraphs
    remove_unlikely_candidates = Document.remove_unlikely_candidates
    get_link_density = Document.get_link_density
    score_paragraphs = Document.score_paragraphs


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_readability_steps_asked_of_the_tree_vote_as_readabilitys_own(path: Path) -> None:
    html = path.read_bytes().decode("utf-8", errors="replace")
    tree = parse(html)
    number_blocks(tree)
    stock = _Stock(tree)
    stock.summary(html_partial=True)
    expected = stock.chosen if stock.found_candidate else set()
    assert readability_vote(tree) == (expected or set())


def test_short_heading_between_running_text_joins_it_but_a_widget_label_does_not() -> None:
    page = _page(f"<p>{LONG}</p><h3>What comes next</h3><p>{LONG}</p><p>1 / 8</p><p>{LONG}</p>")
    classes, why = classify(page.pieces, rules())
    assert classes == [GOOD, GOOD, GOOD, "short", GOOD]
    assert why[1][0] == "between-running-text"


def test_link_lists_and_bare_addresses_are_bad_whatever_their_neighbours() -> None:
    page = _page(
        f"<p>{LONG}</p><p><a href='/a'>Lifeboat crew honoured for rescue</a></p>"
        f"<p>https://example.org/news/story-123</p><p>{LONG}</p>"
    )
    classes, why = classify(page.pieces, rules())
    assert classes[1:3] == [BAD, BAD]
    assert [w[0] for w in why[1:3]] == ["headline-link", "bare-address"]


def test_a_short_link_is_told_as_a_tag_or_a_count_not_as_a_headline() -> None:
    page = _page(
        f"<p>{LONG}</p><p><a href='/c'>270 Comments</a> | <a href='/t'>No TrackBacks</a></p>"
        "<p><a href='/t/u'>Ukraine</a>, <a href='/t/r'>Russia</a>, <a href='/t/e'>Energy</a></p>"
        f"<p>{LONG}</p>"
    )
    classes, why = classify(page.pieces, rules())
    assert classes[1:3] == [BAD, BAD]
    assert [w[0] for w in why[1:3]] == ["link-label", "link-label"]


def test_without_a_vote_the_longest_run_of_running_text_is_chosen() -> None:
    page = _page(
        f"<div><p>{LONG}</p></div>"
        "<div><a href='/1'>One</a> <a href='/2'>Two</a> <a href='/3'>Three</a></div>"
        f"<div><p>{LONG}</p><p>{LONG} Again.</p></div>"
    )
    choice = choose(page, set())
    assert choice.kept == [False, False, True, True]


# The rules that call a piece article text; a piece left out never carries one of them.
_TEXT_RULES = frozenset(
    [v.id for v in rules().verdicts if v.cls == GOOD] + [c.id for c in rules().context]
)


def _vote_for_body(page: Page) -> set[int]:
    """readability's vote for the body's box: the paragraphs that start with "Body"."""
    owners = {p.owner for p in page.pieces if p.text.startswith("Body")}
    return owners | {page.around(sorted(owners))}


_BODY = "".join(f"<p>Body {n}. {LONG}</p>" for n in range(4))


def test_a_marked_box_around_the_voted_text_bars_nothing() -> None:
    # The page's wrapper wears a word the markup rules mark ("rail"); the lede beside the
    # voted body inside it is still the article's.
    page = _page(f"<div class='with-rail'><div><p>Lede. {LONG}</p></div><div>{_BODY}</div></div>")
    choice = choose(page, _vote_for_body(page))
    assert choice.kept == [True] * 5


def test_a_lede_past_an_inset_above_the_text_is_kept_but_not_teasers_past_one_below() -> None:
    inset = (
        "<div><div><h6>Photo: Dee Rowe</h6><p>The quay at dawn.</p></div>"
        "<div><p><a href='/follow'>Follow our reporters online</a></p></div></div>"
    )
    page = _page(
        f"<div><div><p>Lede. {LONG}</p></div>{inset}<div>{_BODY}</div>{inset}"
        f"<div><p>Teaser. {LONG}</p></div></div>"
    )
    choice = choose(page, _vote_for_body(page))
    texts = [p.text for p, k in zip(page.pieces, choice.kept, strict=True) if k]
    assert texts[0].startswith("Lede.")
    assert texts[-1].startswith("Body 3.")


def test_running_text_left_out_says_why_never_that_it_is_text() -> None:
    # A link line of its own between the lede and the body ends the text above it: the
    # lede is listed, with a reason a reader can follow.
    page = _page(
        f"<div><div><p>Lede. {LONG}</p></div>"
        "<p><a href='/elsewhere'>Ferry fares rise again this winter</a></p>"
        f"<div>{_BODY}</div></div>"
    )
    choice = choose(page, _vote_for_body(page))
    assert not choice.kept[0]
    rule, reason = choice.listed[0]
    assert rule == "apart-from-text"
    assert rule not in _TEXT_RULES and "running text" not in reason
    assert all(r not in _TEXT_RULES for r, _ in choice.listed.values())


def test_the_site_header_is_no_inset_to_step_over_to_a_notice_above_it() -> None:
    # A cookie notice reads as running text; the site's header between it and the article
    # meets the article only in the page's body, so the walk up ends at the header.
    page = _page(
        f"<div><p>We and our partners store cookies. {LONG}</p></div>"
        "<header><div><a href='/'>The Harbour Gazette Online</a></div></header>"
        f"<main><article><div>{_BODY}</div></article></main>"
    )
    choice = choose(page, _vote_for_body(page))
    assert choice.kept == [False, False] + [True] * 4
