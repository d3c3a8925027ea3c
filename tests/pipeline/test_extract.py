"""Extraction: typed blocks and metadata from real-shaped pages, and the cuts made on markup."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tui.pipeline.clean import clean, clean_comments
from tui.pipeline.extract import Extracted, extract
from tui.pipeline.extract_choice import rules
from tui.pipeline.model import BlockKind, ErrorKind, PipelineError, RemovedBlock
from tui.pipeline.stages import date_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = FIXTURES / "pages"
OWN = FIXTURES / "extract"


def _expected() -> dict[str, dict]:
    path = PAGES / "expected.json"
    if not path.exists():
        return {}
    return {k: v for k, v in json.loads(path.read_text("utf-8")).items() if not k.startswith("_")}


EXPECTED = _expected()
ARTICLE_PAGES = sorted(name for name, exp in EXPECTED.items() if "error" not in exp)
ERROR_PAGES = sorted(name for name, exp in EXPECTED.items() if "error" in exp)


def _read_page(name: str) -> str:
    path = PAGES / name
    if not path.exists():
        pytest.skip(f"fixture page {name} is listed in expected.json but not written yet")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # The fetcher decodes by the page's declared charset; these fixtures declare cp1252.
        return raw.decode("cp1252")


def _run(name: str) -> tuple[Extracted, list, list[RemovedBlock]]:
    extracted = extract(_read_page(name), f"https://fixture.example/{name}")
    kept, removed = clean(extracted.blocks, extracted.metadata, extracted.removed)
    return extracted, kept, removed


def _own(name: str) -> Extracted:
    return extract((OWN / name).read_text("utf-8"), f"https://fixture.example/{name}")


# ------------------------------------------------------------- the shared fixture pages


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_metadata_matches_what_the_page_declares(name: str) -> None:
    extracted, _, _ = _run(name)
    exp = EXPECTED[name]
    meta = extracted.metadata
    for key in ("title", "site", "authors", "published", "language", "canonical_url"):
        if key in exp:
            assert getattr(meta, key) == exp[key], key


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_every_article_sentence_survives_extraction_and_cleaning(name: str) -> None:
    _, kept, _ = _run(name)
    text = "\n".join(b.text for b in kept)
    missing = [s for s in EXPECTED[name].get("keep", []) if s not in text]
    assert not missing


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_boilerplate_lines_are_removed_with_their_rule(name: str) -> None:
    _, kept, removed = _run(name)
    kept_texts = {b.text for b in kept}
    for item in EXPECTED[name].get("remove", []):
        if item["kind"] == "recurring":
            continue  # needs a second page of the site; see test_clean
        assert item["text"] not in kept_texts, item
        rules = [r.rule for r in removed if item["text"] in r.text]
        assert item["kind"] in rules, (item, rules)


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_captions_and_page_chrome_never_reach_the_text(name: str) -> None:
    _, kept, _ = _run(name)
    text = "\n".join(b.text for b in kept)
    exp = EXPECTED[name]
    for line in exp.get("caption", []) + exp.get("absent", []):
        assert line not in text, line
    for char in exp.get("forbidden_chars", []):
        assert char not in text, char


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_readers_comments_come_apart_from_the_article_and_only_real_ones(name: str) -> None:
    extracted, kept, removed = _run(name)
    comments = "\n".join(c.text for c in clean_comments(extracted.comments, extracted.metadata))
    article = "\n".join(b.text for b in kept) + "\n".join(r.text for r in removed)
    expected = EXPECTED[name].get("comments", [])
    assert [c for c in expected if c not in comments] == []
    assert [c for c in expected if c in article] == []
    assert [line for line in EXPECTED[name].get("absent", []) if line in comments] == []
    if not expected:
        # Its comment box holds only prompts ("Comments are closed", "log in to comment").
        assert comments == ""


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_blocks_are_non_empty_and_whitespace_normalised(name: str) -> None:
    extracted, _, _ = _run(name)
    assert extracted.blocks
    for block in extracted.blocks:
        assert block.text == block.text.strip()
        assert "  " not in block.text and "\n" not in block.text
    title = extracted.metadata.title
    assert title is None or extracted.blocks[0].text != title


@pytest.mark.parametrize("name", ERROR_PAGES)
def test_page_without_article_raises_no_article(name: str) -> None:
    with pytest.raises(PipelineError) as info:
        extract(_read_page(name), f"https://fixture.example/{name}")
    assert info.value.kind == ErrorKind(EXPECTED[name]["error"])


# ------------------------------------------------------------- our own pattern pages


def test_paragraph_that_is_only_a_link_is_cut_as_related_headline() -> None:
    extracted = _own("link_only.html")
    texts = [b.text for b in extracted.blocks]
    headline = "Ferry timetables cut as fuel prices climb for a third month"
    labelled = "Forecasters expect a busier storm season than last year [VIDEO]"
    assert headline not in texts and labelled not in texts
    assert [(r.rule, r.text) for r in extracted.removed if r.rule == "related-link"] == [
        ("related-link", headline),
        ("related-link", labelled),
    ]


def test_paragraph_with_a_link_inside_a_sentence_is_kept() -> None:
    extracted = _own("link_only.html")
    assert any(
        "a statement published on its website late on Wednesday" in b.text for b in extracted.blocks
    )


def test_bare_address_printed_as_its_own_link_is_kept() -> None:
    html = """<html><body><article>
    <p>The council published the full inspection report and the engineers' letters online.</p>
    <p><a href="https://council.example/report.pdf">https://council.example/report.pdf</a></p>
    <p>Residents can comment on the findings until the end of the month, the council said.</p>
    </article></body></html>"""
    extracted = extract(html)
    assert "https://council.example/report.pdf" in [b.text for b in extracted.blocks]
    assert extracted.removed == []


def test_control_characters_never_reach_block_text() -> None:
    html = (
        "<html><body><div><p>The feed carried a raw escape \x1b[31m and a bell \x07 that "
        "readers' terminals obeyed instead of showing, the vendor admitted on Tuesday.</p>"
        "</div></body></html>"
    )
    text = extract(html).blocks[0].text
    assert "\x1b" not in text and "\x07" not in text
    assert "[31m" in text


def test_joiners_that_spell_a_word_or_an_emoji_stay_and_zero_width_spaces_go() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u0634\u0648\u062f"  # "becomes": the non-joiner is spelling
    html = (
        f"<html><body><div><p>Readers answered with {family} and the word {persian} on "
        "Tuesday, and a page split Ukr\u200baine with a zero-width space the editors missed."
        "</p></div></body></html>"
    )
    text = extract(html).blocks[0].text
    assert family in text and persian in text  # the family fell apart into three faces
    assert "Ukraine" in text


def test_bidi_marks_and_overrides_are_dropped_from_block_text_and_the_title() -> None:
    # A content system wraps dates and names in direction controls; no screen shows them,
    # and left in they split "\u202dApril 5, 2024\u202c" into "April 5" and "2024".
    html = (
        "<html><head><title>Port talks\u200f set\u2066 for April\u2069</title></head><body>"
        "<div><p>The first round of talks will be held on \u202dApril 5, 2024\u202c in the "
        "capital, minister Margriet \u200eVandenberg and \u202bthe unions\u202a agreed\u061c "
        "on Monday after a strike that closed the harbour for nine days.</p></div></body></html>"
    )
    extracted = extract(html)
    assert extracted.blocks[0].text == (
        "The first round of talks will be held on April 5, 2024 in the capital, minister "
        "Margriet Vandenberg and the unions agreed on Monday after a strike that closed the "
        "harbour for nine days."
    )
    assert extracted.metadata.title == "Port talks set for April"


def test_embedded_social_post_is_kept_as_a_quote() -> None:
    # readability drops anything whose class says "tweet" unless we unmask it first.
    extracted = _own("embedded_post.html")
    quotes = [b.text for b in extracted.blocks if b.kind == BlockKind.QUOTE]
    assert any(q.startswith("Night buses carried 4,100 people last Friday alone.") for q in quotes)
    # The unmasked post must not pull readability's choice away from the story around it.
    paragraphs = [b.text for b in extracted.blocks if b.kind == BlockKind.PARAGRAPH]
    assert paragraphs[0].startswith("The mayor on Tuesday defended")
    assert paragraphs[-1].startswith("Unions representing hospital staff")


def test_hover_card_inside_a_sentence_is_cut_and_the_sentence_reads_whole() -> None:
    html = """<html><body><div class="story-body">
    <p>The bill was introduced by Senator <span class="rollover-people">
    <a class="rollover-people-link" href="/p/1">Ann Lee</a>
    <span class="rollover-people-block"><img src="lee.jpg"><a href="/p/1">Ann Lee</a>
    <a href="/x">Senate passes budget | Court ruling delayed | Storm hits coast</a></span></span>
    on Monday, and it passed the committee stage with support from both parties.</p>
    <p>A final vote is expected before the end of the session, according to aides.</p>
    </div></body></html>"""
    extracted = extract(html)
    assert extracted.blocks[0].text == (
        "The bill was introduced by Senator Ann Lee on Monday, and it passed the committee "
        "stage with support from both parties."
    )
    assert [r.rule for r in extracted.removed] == ["hover-card"]


def test_title_is_not_repeated_as_first_block() -> None:
    extracted = _own("link_only.html")
    assert extracted.metadata.title == "Harbour cranes return to work after the storm"
    assert extracted.blocks[0].text.startswith("Dock workers")
    assert ("title-repeat", extracted.metadata.title) in [
        (r.rule, r.text) for r in extracted.removed
    ]


def test_figures_share_bars_bylines_and_caption_boxes_are_cut_with_reasons() -> None:
    extracted = _own("marked_boxes.html")
    text = "\n".join(b.text for b in extracted.blocks)
    by_rule = {r.rule: r.text for r in extracted.removed}
    assert "Pupils walk into the rebuilt classrooms" in by_rule["figure"]
    captions = [r.text for r in extracted.removed if r.rule == "caption"]
    # "newsCaption" is the same word as "news-caption".
    assert captions == [
        "The old playground, now raised by half a metre.",
        "Builders replaced every floor on the ground level.",
    ]
    assert by_rule["share"] == "Facebook X Email"
    assert by_rule["byline"].startswith("By Alice Marsh")
    for cut in by_rule.values():
        assert cut not in text
    assert all(r.reason for r in extracted.removed)
    assert len(extracted.blocks) == 5
    assert all(b.kind == BlockKind.PARAGRAPH for b in extracted.blocks)


def test_json_ld_graph_gives_headline_authors_date_and_publisher() -> None:
    meta = _own("metadata_jsonld.html").metadata
    assert meta.title == "Rail strike halts commuter trains across the region"
    assert meta.site == "The Morning Signal"
    # The same person listed twice with different case is one author.
    assert meta.authors == ["Dana Whitfield", "Ravi Menon"]
    # The article's date wins over the generic WebPage node's.
    assert meta.published == "2024-03-14T06:30:00-04:00"
    assert meta.canonical_url == "https://news.example/transport/rail-strike-halts-trains"
    assert meta.language == "en"


def test_meta_tags_give_title_authors_date_language_and_host_as_site() -> None:
    meta = _own("meta_tags.html").metadata
    assert meta.title == "Library extends opening hours for exam season"
    assert meta.authors == ["Tomas Berg", "Lena Fischer"]
    assert meta.published == "2023-06-02T08:00:00+00:00"
    assert meta.language == "en"
    assert meta.canonical_url == "https://gazette.example/library-hours"
    assert meta.site == "gazette.example"


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-08-08T14:20:00Z", "2024-08-08T14:20:00+00:00"),
        ("2024-08-08T14:20:00+0300", "2024-08-08T14:20:00+03:00"),
        ("2024-08-08", "2024-08-08"),
        ("Mon, 18 Nov 2019 10:00:00 GMT", "2019-11-18T10:00:00+00:00"),
        ("November 18, 2019", "2019-11-18"),
        ("Nov. 18, 2019", "2019-11-18"),
        ("18 November 2019", "2019-11-18"),
        ("2019/11/18", "2019-11-18"),
    ],
)
def test_published_date_in_meta_is_normalised_to_iso(raw: str, iso: str) -> None:
    html = (
        f'<html><head><meta property="article:published_time" content="{raw}"></head>'
        "<body><div><p>The ferry service resumed on the northern route after repairs to the "
        "landing stage were finished two weeks ahead of schedule, the operator said.</p>"
        "</div></body></html>"
    )
    assert extract(html).metadata.published == iso


def test_title_suffix_with_site_name_is_stripped() -> None:
    meta = _own("link_only.html").metadata
    assert meta.site == "Coastline Courier"
    assert meta.title == "Harbour cranes return to work after the storm"


def test_headings_quotes_and_list_items_keep_their_kind() -> None:
    html = """<html><body><article>
    <p>The committee met for six hours on Tuesday and agreed a plan in three parts.</p>
    <h2>What was agreed</h2>
    <ul><li>a new inspection regime for older bridges across the county;</li>
    <li>more money for the maintenance teams that check them each winter.</li></ul>
    <blockquote><p>We should have done this ten years ago, and everyone knew it.</p>
    </blockquote>
    <p>The plan now goes to the full council, which is expected to approve it next month.</p>
    </article></body></html>"""
    kinds = [b.kind for b in extract(html).blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.QUOTE,
        BlockKind.PARAGRAPH,
    ]


def test_page_with_only_navigation_raises_no_article_in_words() -> None:
    with pytest.raises(PipelineError) as info:
        _own("nav_only.html")
    assert info.value.kind == ErrorKind.NO_ARTICLE
    assert "No article text" in info.value.message


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("javascript_wall.html", "asking to turn on JavaScript instead of the article"),
        ("consent_wall.html", "cookie-consent notice instead of the article"),
        ("robot_check.html", "not a robot instead of the article"),
    ],
)
def test_a_notice_in_place_of_the_article_is_no_article_and_says_what_it_is(
    name: str, words: str
) -> None:
    with pytest.raises(PipelineError) as info:
        _own(name)
    assert info.value.kind == ErrorKind.NO_ARTICLE
    assert words in info.value.message


def test_a_notice_kept_in_noscript_is_the_error_not_no_article() -> None:
    # A script-built shell whose <noscript> box holds only the JavaScript notice.
    notice = (
        "JavaScript is turned off in your browser. This site needs JavaScript: turn on "
        "JavaScript in your browser settings and reload the page to read it. If you use "
        "an add-on that blocks scripts, allow this site in it and refresh the page. Older "
        "browsers may not support JavaScript at all."
    )
    page = f"<html><body><div id='root'></div><noscript><p>{notice}</p></noscript></body></html>"
    with pytest.raises(PipelineError) as info:
        extract(page)
    assert "asking to turn on JavaScript instead of the article" in info.value.message


def test_a_notice_in_a_box_named_for_it_is_no_article() -> None:
    notice = (
        "<p>Press and hold the button below to confirm you are a person and not an automated "
        "program.</p><p>We have seen unusual traffic from your network and need to be sure "
        "before letting you read on. This takes a few seconds.</p>"
    )
    page = f"<html><body><div class='box'><div id='{{}}'>{notice}</div></div></body></html>"
    with pytest.raises(PipelineError) as info:
        extract(page.format("px-captcha"))
    assert "not a robot instead of the article" in info.value.message
    assert extract(page.format("content")).blocks  # unnamed, too thin in phrases: shown


def test_a_story_about_cookie_banners_is_read_as_an_article() -> None:
    texts = [b.text for b in _own("cookie_law_story.html").blocks]
    assert len(texts) == 5 and "Accept all" in texts[1]


def test_an_article_kept_in_noscript_is_read_when_the_layout_has_none() -> None:
    extracted = _own("article_in_noscript.html")
    texts = [b.text for b in extracted.blocks]
    assert texts[0].startswith("Swimmers can return to Thornmere reservoir")
    assert texts[-1].startswith('"We will keep testing every week,"')
    assert extracted.metadata.published is not None


def test_an_article_only_declared_in_json_ld_is_read_from_its_article_body() -> None:
    extracted = _own("article_in_jsonld.html")
    assert [b.text[:24] for b in extracted.blocks] == [
        "Night trains will run on",
        "The trains will leave th",
        "Tickets go on sale on Ma",
    ]
    assert extracted.metadata.authors == ["Lena Vogt"]


def test_a_declared_body_is_not_read_over_an_article_the_layout_shows() -> None:
    page = (
        (OWN / "article_in_jsonld.html")
        .read_text("utf-8")
        .replace(
            '<div id="root">Loading…</div>',
            "<article><p>"
            + "The layout's own article tells the story at length. " * 4
            + "</p></article>",
        )
    )
    assert extract(page).blocks[0].text.startswith("The layout's own article")


def test_a_wall_with_a_declared_body_behind_it_gives_the_declared_article() -> None:
    wall = (OWN / "consent_wall.html").read_text("utf-8")
    declared = (OWN / "article_in_jsonld.html").read_text("utf-8")
    script = declared[declared.index("<script") : declared.index("</script>") + 9]
    texts = [b.text for b in extract(wall.replace("</head>", script + "</head>")).blocks]
    assert texts[0].startswith("Night trains will run on the coast line")


def test_empty_page_raises_no_article() -> None:
    with pytest.raises(PipelineError) as info:
        extract("   ")
    assert info.value.kind == ErrorKind.NO_ARTICLE


def test_a_page_of_words_with_no_sentence_says_that_is_what_it_lacks() -> None:
    with pytest.raises(PipelineError) as info:
        extract("<html><body><p>" + "harbour " * 3000 + "</p></body></html>")
    assert info.value.kind == ErrorKind.NO_ARTICLE
    assert info.value.message.endswith("(21,000 letters of text, but not one sentence).")


_LINES = [
    f"The ferry to the {place} islands ran late on day {day} of the storm, the harbour "
    "master told us, and the crews slept aboard."
    for day, place in enumerate(("northern", "southern", "outer", "inner", "western"), 1)
]


@pytest.mark.parametrize("box", ["article", "main", "section", "center", "font", "body"])
@pytest.mark.parametrize("breaks", ["<br>", "<br><br>", "<br/>\n"])
def test_loose_lines_in_any_box_are_the_article_as_in_a_div(box: str, breaks: str) -> None:
    # Text straight inside <article> (or <body>, <center>) with line breaks and no <p>:
    # readability reads such text as paragraphs inside a <div> only, and with no paragraph
    # the article was lost.
    lines = breaks.join(_LINES)
    inner = f"<h1>Ferry news</h1>{lines}" if box == "body" else f"<{box}>{lines}</{box}>"
    html = f"<html><body>{inner}</body></html>"
    assert [b.text for b in extract(html).blocks][-len(_LINES) :] == _LINES


@pytest.mark.parametrize("box", ["body", "center", "span"])
def test_short_paragraphs_parted_by_line_breaks_are_the_article(box: str) -> None:
    # Each line a sentence shorter than a paragraph of running text (100 letters): none is
    # running text alone, and straight in <body> the page said it had no article text.
    lines = [line.split(",")[0] + "." for line in _LINES]
    inner = "<br>".join(lines)
    html = f"<html><body><h1>Ferry news</h1><{box}>{inner}</{box}></body></html>"
    if box == "body":
        html = f"<html><body><h1>Ferry news</h1>{inner}</body></html>"
    assert [b.text for b in extract(html).blocks][-len(lines) :] == lines


@pytest.mark.parametrize(
    "loose",
    [
        "Site by Example Web Design. Hosted by Example Hosting Ltd.",
        "<center><b>The Harbour Times</b><br>Your local paper since 1888</center>",
    ],
)
def test_loose_lines_beside_an_article_in_boxes_stay_out_of_it(loose: str) -> None:
    # readability favours <body> itself: read as a div on every page, one loose footer
    # line made the body a candidate and the whole page the article.
    paragraphs = "".join(f"<p>{line}</p>" for line in _LINES[:3])
    html = (
        "<html><body><div><a href='/a'>Home</a> <a href='/b'>News</a></div>"
        f"<div><div><div>{paragraphs}</div></div></div>{loose}</body></html>"
    )
    assert [b.text for b in extract(html).blocks] == _LINES[:3]


def test_a_message_kept_as_plain_text_is_read_as_its_paragraphs() -> None:
    # A mailing list's archive: the message in <pre>, wrapped at 72 with blank lines
    # between paragraphs, between the archive's links. It was one paragraph.
    text = "\n\n".join("\n".join(textwrap.wrap(line, 72)) for line in _LINES[:3])
    html = (
        "<html><body><h1>[harbour] Ferry timetable</h1><a href='/prev'>Previous message</a>"
        f"<hr><pre>{text}</pre><hr><a href='/next'>Next message</a></body></html>"
    )
    texts = [b.text for b in extract(html).blocks]
    assert _LINES[:3] == [t for t in texts if t.startswith("The ferry")]


def test_frameset_page_raises_no_article_rather_than_crashing() -> None:
    with pytest.raises(PipelineError) as info:
        extract('<html><frameset><frame src="a.html"></frameset></html>')
    assert info.value.kind == ErrorKind.NO_ARTICLE


def test_nul_byte_in_page_does_not_cut_the_text() -> None:
    sentence = (
        "The council met on Monday and agreed to repair the old bridge before the winter "
        "storms arrive in the valley."
    )
    html = f"<html><body><div><p>{sentence}\x00</p><p>{sentence}</p></div></body></html>"
    assert [b.text for b in extract(html).blocks] == [sentence, sentence]


def test_xml_declaration_in_decoded_text_is_accepted() -> None:
    html = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html><body><div>'
        "<p>The museum reopened its east wing on Saturday after a two-year restoration that "
        "uncovered painted ceilings hidden under layers of plaster since the last century.</p>"
        "</div></body></html>"
    )
    assert extract(html).blocks[0].text.startswith("The museum reopened")


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z"])
def test_placeholder_publication_dates_are_not_taken(placeholder: str) -> None:
    sentence = "The council met again to discuss the budget. "
    body = f"<p>{sentence * 6}</p>" * 5
    html = (
        "<html><head><script type='application/ld+json'>"
        f'{{"@type": "NewsArticle", "headline": "Budget", "datePublished": "{placeholder}"}}'
        "</script><meta property='article:published_time' content='2024-05-02T10:00:00Z'>"
        f"</head><body><article><h1>Budget</h1>{body}</article></body></html>"
    )
    assert extract(html).metadata.published == "2024-05-02T10:00:00+00:00"


# ------------------------------------------------------------- where the cuts stood

HARBOUR = """<html><head><title>Harbour wall repaired</title></head><body><article>
<h1>Harbour wall repaired</h1>
<figure><img src="a.jpg"><figcaption>The harbour wall at dawn. Photo: Staff</figcaption></figure>
<p>Workers finished repairing the harbour wall on Tuesday after three weeks of storms.</p>
<p><a href="/coast-road">Storm damage closes the coastal road for a week</a></p>
<p>The council said the repairs cost less than expected
<span class="image-caption">Crane on the quay</span> and came in early.</p>
<p>Fishing boats will return to the inner harbour next week, the harbour master said.</p>
<div class="share-bar">Share this on Facebook and Twitter</div>
</article></body></html>"""


def _placed(blocks: list, removed: list[RemovedBlock]) -> dict[str, tuple[str, str]]:
    """Each removed text with the starts of the kept blocks just before and after it."""
    out = {}
    for r in removed:
        assert r.position is not None and 0 <= r.position <= len(blocks), r
        before = blocks[r.position - 1].text[:20] if r.position else ""
        after = blocks[r.position].text[:20] if r.position < len(blocks) else ""
        out[r.text] = (before, after)
    return out


def test_each_markup_cut_stands_where_it_was_in_the_page() -> None:
    extracted = extract(HARBOUR, "https://fixture.example/harbour")
    assert [b.text[:20] for b in extracted.blocks] == [
        "Workers finished rep",
        "The council said the",
        "Fishing boats will r",
    ]
    assert _placed(extracted.blocks, extracted.removed) == {
        "Harbour wall repaired": ("", "Workers finished rep"),
        "The harbour wall at dawn. Photo: Staff": ("", "Workers finished rep"),
        "Storm damage closes the coastal road for a week": (
            "Workers finished rep",
            "The council said the",
        ),
        # Cut from inside a paragraph: the paragraph stays whole, the caption follows it.
        "Crane on the quay": ("The council said the", "Fishing boats will r"),
        "Share this on Facebook and Twitter": ("Fishing boats will r", ""),
    }
    # Listed in page order, whichever step made the cut.
    assert [r.rule for r in extracted.removed] == [
        "title-repeat",
        "figure",
        "related-link",
        "caption",
        "share",
    ]


def test_frontline_cuts_stand_between_the_paragraphs_they_interrupted() -> None:
    extracted, kept, removed = _run("frontline.html")
    placed = _placed(kept, removed)
    assert placed["JOIN OUR WHATSAPP CHANNEL"] == ("The gamble comes as ", "According to soldier")
    headline = next(r.text for r in removed if r.rule == "related-link")
    assert placed[headline] == ("Further south, Russi", "Maksym Dovhal, a spo")
    caption = next(r.text for r in removed if r.rule == "figure")
    assert placed[caption] == ("holding ground that ", "The largest prize wi")
    # Extraction's own positions were into its longer list; cleaning re-mapped them.
    raw = _placed(extracted.blocks, extracted.removed)
    assert raw[headline] == placed[headline]
    assert [r.position for r in removed] == sorted(r.position or 0 for r in removed)


def test_impossible_meta_date_is_not_a_publication_date() -> None:
    sentence = "The council met again to discuss the budget. "
    body = f"<p>{sentence * 6}</p>" * 5
    html = (
        "<html><head><meta property='article:published_time' content='2024-13-45'></head>"
        f"<body><article><h1>Budget</h1>{body}</article></body></html>"
    )
    published = extract(html).metadata.published
    assert published is None or not published.startswith("2024-13")


# ------------------------------------------------- the article's edges and gaps (issue 12)


def _split_article() -> Extracted:
    return _own("split_article.html")


def test_lede_in_a_box_above_the_one_readability_chose_is_kept() -> None:
    # readability scores the lede's box down for its class and keeps only the body below.
    blocks = [b.text for b in _split_article().blocks]
    assert blocks[0].startswith("Portmarrow (Harbour Gazette) The island ferry")


def test_paragraph_readability_dropped_between_two_kept_ones_is_kept() -> None:
    blocks = [b.text for b in _split_article().blocks]
    dropped = next(i for i, t in enumerate(blocks) if t.startswith("Passenger numbers rose"))
    assert blocks[dropped - 1].startswith("The company said")
    assert blocks[dropped + 1].startswith("Island councillors")


def test_no_text_of_the_articles_container_is_silently_lost() -> None:
    import lxml.html

    extracted = _split_article()
    shown = " ".join([b.text for b in extracted.blocks] + [r.text for r in extracted.removed])
    story = lxml.html.fromstring((OWN / "split_article.html").read_text("utf-8"))
    container = story.find_class("story")[0]
    for text in container.itertext():
        if text.strip():
            assert " ".join(text.split()) in shown, text
    # The sidebar and footer are not the article's and are not listed as if they were.
    assert "Lifeboat crew honoured" not in shown


def test_unclosed_boxes_nested_a_thousand_deep_lose_no_paragraph() -> None:
    def paragraph(i: int) -> str:
        return f"Paragraph {i} of the inquiry's report says the harbour wall failed in the storm."

    html = "<html><body>" + "".join(f"<div><p>{paragraph(i)}</p>" for i in range(1000))
    texts = {b.text for b in extract(html).blocks}
    assert all(paragraph(i) in texts for i in range(1000))


def test_a_page_nesting_too_deep_below_its_article_keeps_its_menu_and_sidebar_out() -> None:
    # Only what lies deep is flattened: the layout above keeps the shape that tells the
    # article from the menu and the sidebar (flattened whole, the menu led the text).
    story = "".join(
        f"<p>Paragraph {i}: the ferry company said the harbour wall would be repaired by "
        "the spring, and the council agreed to share the cost of the work.</p>"
        for i in range(6)
    )
    html = (
        "<html><body><nav class='site-menu'><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World</a></li></ul></nav>"
        f"<main><article><h1>Harbour wall to be repaired</h1>{story}</article></main>"
        "<aside class='sidebar'><h3>Most read</h3><ul><li><a href='/x'>Story one</a></li>"
        "</ul></aside>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>"
    )
    texts = [b.text for b in extract(html).blocks]
    assert texts[0].startswith("Paragraph 0:") and len(texts) == 6
    assert not any("Home" in t or "Most read" in t or "Story one" in t for t in texts)


ARTICLE_WITH_FORM = (
    "<html><body><div class='story'><p>{s}</p><p>{s}</p><form><input name='q'></form>"
    "{ref} and the vote was close.<p>{s}</p><p>{s}</p></div></body></html>"
)
SENTENCE = (
    "The harbour board met on Tuesday and agreed, after a long debate, to dredge the channel "
    "before the winter storms, at a cost shared with the ferry company."
)


@pytest.mark.parametrize("ref", ["&#x1b;", "&#xFFFE;", "&#xFFFF;", "&#xD800;"])
def test_forbidden_character_after_a_box_readability_drops_changes_nothing(ref: str) -> None:
    plain = extract(ARTICLE_WITH_FORM.format(s=SENTENCE, ref=""))
    hostile = extract(ARTICLE_WITH_FORM.format(s=SENTENCE, ref=ref))
    assert hostile.blocks == plain.blocks
    assert len(plain.blocks) == 5


def test_json_ld_nested_five_thousand_deep_leaves_the_article_whole() -> None:
    deep = "[" * 5000 + "]" * 5000
    html = (
        f"<html><head><script type='application/ld+json'>{deep}</script></head>"
        f"<body><article><p>{SENTENCE}</p><p>{SENTENCE}</p></article></body></html>"
    )
    assert len(extract(html).blocks) == 2


def test_page_past_the_element_cap_is_read_to_the_cap_and_says_where_it_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.pipeline import extract_parse

    monkeypatch.setattr(extract_parse, "MAX_ELEMENTS", 40)
    html = "<html><body><article>" + f"<p>{SENTENCE}</p>" * 100 + "</article></body></html>"
    extracted = extract(html)
    notice = extracted.removed[-1]
    assert notice.rule == "page-too-long"
    assert notice.position == len(extracted.blocks)
    assert "63 more elements" in notice.reason and "first 40" in notice.reason
    assert notice.text.startswith(SENTENCE[:40])
    assert len(extracted.blocks) == 37


def test_an_icon_sprite_ahead_of_the_article_leaves_it_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.pipeline import extract_parse

    monkeypatch.setattr(extract_parse, "MAX_ELEMENTS", 40)
    sprite = '<svg style="display:none">' + '<symbol><path d="M0 0"/></symbol>' * 100 + "</svg>"
    html = f"<html><body>{sprite}<article>" + f"<p>{SENTENCE}</p>" * 20 + "</article></body></html>"
    extracted = extract(html)
    assert len(extracted.blocks) == 20
    assert not [r for r in extracted.removed if r.rule == "page-too-long"]


HEADLINES = [
    "Lifeboat crew honoured for night rescue",
    "New bakery opens on the quay this week",
    "Storm warning issued for the weekend",
    "Council delays vote on harbour fees",
    "School choir wins regional contest",
    "Ferry timetable changes from Monday",
    "Fishermen protest new quota rules",
    "Library extends its opening hours",
]


@pytest.mark.parametrize(
    "item",
    [
        "<div class='card'><h3><a href='/n/{i}'>{h}</a></h3></div>",
        "<li><a href='/n/{i}'>{h}</a></li>",
    ],
)
def test_page_of_headline_links_alone_is_called_a_list_of_headlines(item: str) -> None:
    cards = "".join(item.format(i=i, h=h) for i, h in enumerate(HEADLINES))
    html = f"<html><body><main><h1>Latest</h1><ul>{cards}</ul></main></body></html>"
    with pytest.raises(PipelineError) as info:
        extract(html)
    assert info.value.message.startswith("This page is a list of headlines")


COUNCIL = [
    "The city council met on Tuesday to discuss the budget with the mayor, who said the plan "
    "would cut waste without closing a single branch library.",
    "Opposition members argued that the cuts would fall hardest on libraries and parks, and "
    "asked for a public hearing before any vote was taken.",
    "The finance director said parking revenue had fallen for a third year running, leaving "
    "a gap of four million dollars.",
    "Residents who spoke during the public comment period were divided on the plan.",
    "A final vote is expected next month after two more hearings, the clerk said.",
]


def test_an_article_swallowed_by_an_unclosed_link_is_read_as_the_article() -> None:
    # The photo credit's <a> is never closed: the parser puts every paragraph inside it,
    # and the article was "a list of headlines".
    paragraphs = "".join(f"<p>{t}</p>" for t in COUNCIL)
    html = (
        "<html><body><article><h1>Council budget divides members</h1>"
        f"<p>Photo: <a href='/pic'>Reuters<p>{paragraphs}</article></body></html>"
    )
    texts = [b.text for b in extract(html).blocks]
    assert texts[-len(COUNCIL) :] == COUNCIL


def test_headline_cards_each_a_link_round_a_heading_and_a_line_stay_headlines() -> None:
    cards = "".join(
        f"<a href='/n/{i}'><h3>{h}</h3><p>The full story of {h.lower()}.</p></a>"
        for i, h in enumerate(HEADLINES)
    )
    html = f"<html><body><main><h1>Latest</h1>{cards}</main></body></html>"
    with pytest.raises(PipelineError) as info:
        extract(html)
    assert info.value.message.startswith("This page is a list of headlines")


def test_readers_comments_under_the_article_are_not_article_text() -> None:
    comment = (
        "I have taken this ferry every winter for twenty years and the early crossing was "
        "always full, so this is welcome news for everyone on the island, {}."
    )
    comments = "".join(
        f"<li class='comment'><p>{comment.format(who)}</p></li>"
        for who in ("Ann", "Bill", "Cora", "Dev", "Eli", "Fay", "Gus", "Hal")
    )
    html = (
        (OWN / "split_article.html")
        .read_text("utf-8")
        .replace(
            '</div>\n  </div>\n  <div class="sidebar">',
            f"</div>\n  <section id='comments'><ol class='commentlist'>{comments}</ol></section>"
            '\n  </div>\n  <div class="sidebar">',
        )
    )
    assert "commentlist" in html
    texts = [b.text for b in extract(html).blocks]
    assert texts[-1].startswith("The winter timetable starts")
    assert not any("for twenty years" in t for t in texts)


def test_headline_and_byline_above_the_text_are_listed_with_the_cleaners_reasons() -> None:
    html = (
        "<html><head><title>Ferry adds winter crossings</title>"
        "<meta name='author' content='Ann Lee'></head><body><div class='story'>"
        "<h1>Ferry adds winter crossings</h1><p class='meta'>By Ann Lee 3 May 2024, 09:15</p>"
        f"<div class='story-text'><p>{SENTENCE}</p><p>{SENTENCE}</p><p>{SENTENCE}</p></div>"
        "</div></body></html>"
    )
    extracted = extract(html)
    assert [(r.rule, r.text) for r in extracted.removed] == [
        ("title-repeat", "Ferry adds winter crossings"),
        ("byline", "By Ann Lee 3 May 2024, 09:15"),
    ]
    assert all(r.position == 0 for r in extracted.removed)


def test_paragraphs_each_in_a_box_of_one_marked_class_are_the_article_not_captions() -> None:
    boxes = "".join(
        f"<div class='wp-caption'><img src='{i}.jpg'><p>{SENTENCE}</p></div>" for i in range(6)
    )
    html = f"<html><body><article><h1>Photo diary</h1>{boxes}</article></body></html>"
    extracted = extract(html)
    assert [b.text for b in extracted.blocks if b.kind == BlockKind.PARAGRAPH] == [SENTENCE] * 6
    assert not [r for r in extracted.removed if r.rule == "caption"]


def test_one_caption_box_among_paragraphs_is_still_cut() -> None:
    html = (
        f"<html><body><article><p>{SENTENCE}</p><p>{SENTENCE}</p>"
        "<div class='wp-caption'><img src='a.jpg'><p>The dredger at work in the channel.</p></div>"
        f"<p>{SENTENCE}</p></article></body></html>"
    )
    extracted = extract(html)
    assert [(r.rule, r.text) for r in extracted.removed] == [
        ("caption", "The dredger at work in the channel.")
    ]


def test_article_beside_the_header_readability_chose_is_found_by_a_second_look() -> None:
    # readability scores the header (a "page_title" box with the byline) above the
    # article's own box beside it; what it chose is no article. The running text in the
    # same wrapper is the article: it used to be lost, and the page called a list of
    # headlines for its sidebar.
    extracted = _own("header_beside_article.html")
    texts = [b.text for b in extracted.blocks]
    assert len(texts) == 3
    assert texts[0].startswith("Sunday's sermon asked the congregation")
    assert texts[2].startswith("Listen to the whole sermon")


def test_a_second_look_never_takes_running_text_from_elsewhere_on_the_page() -> None:
    # The same page with its article moved out of the header's wrapper, to the foot of
    # the page (where an author's bio or a notice would be): the page stays an error.
    html = (OWN / "header_beside_article.html").read_text("utf-8")
    start = html.index('<section class="col_9 listing">')
    end = html.index("</section>", html.index("</article>")) + len("</section>")
    moved = html[start:end]
    html = html[:start] + html[end:]
    html = html.replace("</body>", f"<div class='elsewhere'>{moved}</div></body>")
    with pytest.raises(PipelineError) as info:
        extract(html)
    assert info.value.message.startswith("This page is a list of headlines")


# ------------------------------------------------------------------- readers' comments


def test_comments_inside_the_article_box_leave_it_as_comments_not_as_removed_lines() -> None:
    extracted = _own("comment_thread.html")
    comments = [c.text for c in extracted.comments]
    assert "The 6.40 is always full by the time it reaches the second stop." in comments[2]
    assert comments[-1].startswith("We were told the same thing about a replacement boat")
    shown = [b.text for b in extracted.blocks] + [r.text for r in extracted.removed]
    assert not any("Fenella" in text or "three winters ago" in text for text in shown)
    assert "comments" not in {r.rule for r in extracted.removed}
    assert len(extracted.blocks) == 3


def test_the_comment_form_is_no_comment() -> None:
    comments = " ".join(c.text for c in _own("comment_thread.html").comments)
    for field in ("Your email address will not be published", "Name *", "Notify me"):
        assert field not in comments


def test_an_article_that_wears_a_comment_class_stays_the_article() -> None:
    # Some templates reuse a "comment" box for the whole post: more than half the text.
    paragraphs = "".join(
        f"<p>Paragraph {n} of the council's report says the bridge needs new bearings.</p>"
        for n in range(6)
    )
    html = f"<html><body><div class='comment-body'>{paragraphs}</div></body></html>"
    extracted = extract(html, "https://x.example/post")
    assert len(extracted.blocks) == 6
    assert extracted.comments == []


_STORY = "".join(
    f"<p>Paragraph {n} of the council's report says the bridge needs new bearings.</p>"
    for n in range(6)
)
_THREAD = (
    "<div class='comments'><div class='comment'><p>I drove over that bridge on Friday and "
    "it shook.</p></div></div>"
)


def test_the_headline_of_an_article_wearing_a_comment_class_is_no_comment() -> None:
    html = (
        "<html><head><title>Bridge needs bearings</title></head><body>"
        f"<div class='post comments-open'><h1>Bridge needs bearings</h1>{_STORY}</div>"
        "</body></html>"
    )
    extracted = extract(html, "https://x.example/post")
    assert [r.rule for r in extracted.removed] == ["title-repeat"]
    assert extracted.comments == []


def test_a_wrapper_with_a_comment_class_around_the_article_holds_no_comments() -> None:
    html = (
        "<html><body><div class='site has-comments'><article>"
        f"{_STORY}</article><div class='sidebar-note'><p>Sign up to our newsletter for "
        "the week's council news.</p></div></div></body></html>"
    )
    assert extract(html, "https://x.example/post").comments == []


def test_a_form_around_the_whole_page_hides_no_comment() -> None:
    # Some frameworks wrap the whole body in one form.
    body = f"<form id='aspnetForm'><article>{_STORY}</article>{_THREAD}</form>"
    html = f"<html><body>{body}</body></html>"
    comments = [c.text for c in extract(html, "https://x.example/post").comments]
    assert comments == ["I drove over that bridge on Friday and it shook."]


def test_a_comment_quoting_the_article_keeps_the_quote() -> None:
    quoted = "Paragraph 2 of the council's report says the bridge needs new bearings."
    html = (
        f"<html><body><article>{_STORY}</article><div class='comments'><div class='comment'>"
        f"<p>{quoted}</p><p>Nonsense, it is fine.</p></div></div></body></html>"
    )
    extracted = extract(html, "https://x.example/post")
    assert [c.text for c in extracted.comments] == [quoted, "Nonsense, it is fine."]
    assert sum(b.text == quoted for b in extracted.blocks) == 1


# ------------------------------------------------------------- authors from a printed byline


def _story(head: str, top: str, body: str) -> str:
    return (
        f"<html><head><title>Ferry adds winter crossings</title>{head}</head><body>"
        f"<header><h1>Ferry adds winter crossings</h1>{top}</header>"
        f"<div class='story-text'>{body}<p>{SENTENCE}</p><p>{SENTENCE}</p></div></body></html>"
    )


def test_byline_under_the_headline_names_the_authors_when_the_page_declares_none() -> None:
    html = _story("", "<div class='meta'>By Sam Writer and Ann Other</div>", f"<p>{SENTENCE}</p>")
    assert extract(html).metadata.authors == ["Sam Writer", "Ann Other"]


def test_byline_the_cleaner_cuts_from_the_text_names_the_author_not_the_agency() -> None:
    body = (
        "<p>By contrast, the old ferry ran only twice a day in winter, the board said.</p>"
        f"<p>By SAM WRITER, Reuters</p><p>{SENTENCE}</p>"
    )
    extracted = extract(_story("", "", body))
    assert extracted.metadata.authors == ["Sam Writer"]
    kept, removed = clean(extracted.blocks, extracted.metadata, extracted.removed)
    assert ("byline", "By SAM WRITER, Reuters") in [(r.rule, r.text) for r in removed]
    assert kept[0].text.startswith("By contrast")


def test_byline_box_with_name_and_role_names_the_author() -> None:
    html = _story("", "<p class='byline'>Sam Writer | Staff reporter</p>", f"<p>{SENTENCE}</p>")
    assert extract(html).metadata.authors == ["Sam Writer"]


def test_declared_authors_are_kept_over_a_printed_byline() -> None:
    html = _story("<meta name='author' content='Ann Lee'>", "<p>By Sam Writer</p>", "")
    assert extract(html).metadata.authors == ["Ann Lee"]


def test_a_date_line_over_the_articles_box_is_listed_as_its_cut_date_line() -> None:
    # Between the headline and the text, outside the text's box: the page's date, which
    # an undated page is read as of (`stages.date_lines`).
    top = "<p class='when'>Wednesday, November 07, 2012 | 10:00 AM</p><p>Labels: ferries</p>"
    extracted = extract(_story("", top, f"<p>{SENTENCE}</p>"))
    dated = [r for r in extracted.removed if r.reason == "date line above the article"]
    assert [(r.rule, r.text, r.position) for r in dated] == [
        ("byline", "Wednesday, November 07, 2012 | 10:00 AM", 0)
    ]
    kept, removed = clean(extracted.blocks, extracted.metadata, extracted.removed)
    assert "Wednesday, November 07, 2012 | 10:00 AM" in date_lines(removed)
    assert not any("2012" in b.text for b in kept)


@pytest.mark.parametrize(
    "top",
    [
        # A sentence with a year is a teaser, not a date line.
        "<p>The ferry first crossed in May 2009, and it has run every winter since.</p>",
        # A date line with no year dates nothing on its own.
        "<p>Posted on Wednesday at 10:00 AM</p>",
    ],
)
def test_lines_over_the_article_that_are_no_dated_date_line_are_not_taken(top: str) -> None:
    extracted = extract(_story("", top, f"<p>{SENTENCE}</p>"))
    assert not [r for r in extracted.removed if r.reason == "date line above the article"]


def test_the_sites_own_date_at_the_top_of_the_page_is_not_the_articles() -> None:
    # A site's header prints the day it is shown, above its menu, far from the article.
    menu = "".join(f"<li><a href='/{w}'>{w.title()}</a></li>" for w in ("news", "sport", "arts"))
    html = _story("", "", f"<p>{SENTENCE}</p>").replace(
        "<body>", f"<body><div class='site'><p>Monday, 3 December 2012</p><ul>{menu}</ul></div>"
    )
    extracted = extract(html)
    assert not [r for r in extracted.removed if "2012" in r.text]


def test_sentences_opening_with_by_give_no_author() -> None:
    body = (
        "<p>By Tuesday the rain had stopped and the crossings could start again.</p>"
        "<p>By contrast, the bridge stayed shut.</p>"
    )
    html = _story("", "<p>By Tuesday the rain had stopped.</p>", body)
    assert extract(html).metadata.authors == []


# ------------------------------------------------- the lede above the body (review 17)

# The rules that call a piece article text: a removed line never carries one of them.
_TEXT_RULES = frozenset(
    [v.id for v in rules().verdicts if v.cls == "good"] + [c.id for c in rules().context]
)


def test_lede_in_its_own_box_inside_a_marked_wrapper_is_kept() -> None:
    # The whole page wears a class the markup rules mark ("with-rail"), and readability
    # drops the lede's box for its class: the wrapper around readability's choice is the
    # article's own and bars nothing, so the lede joins the text.
    extracted = _own("lede_in_marked_wrapper.html")
    texts = [b.text for b in extracted.blocks]
    assert texts[0].startswith("Kelbridge (Estuary Courier) The estuary ferry")
    assert texts[1].startswith("Commuters who cross")
    assert not any(r.text.startswith("Kelbridge") for r in extracted.removed)


def test_dateline_lede_above_a_picture_and_a_follow_box_is_kept() -> None:
    # Between the lede and the body stands an inset: a picture with its credit and
    # caption, and a box of follow-us links whose last line is a link to another page.
    extracted = _own("dateline_lede_above_inset.html")
    texts = [b.text for b in extracted.blocks]
    assert texts[0].startswith("SKELLIG HARBOUR — Is the old lighthouse coming down?")
    assert texts[1].startswith("Anyone reading the harbour forums")
    removed = {r.text: r.rule for r in extracted.removed}
    assert removed["Our Reporters and Editors List"] == "headline-link"
    assert removed["The lighthouse at dusk. No demolition is planned."] == "caption"
    assert not any("Follow @" in t or "Enlarge" in t for t in texts)


def test_lede_inside_unclosed_blockquotes_is_kept() -> None:
    # Three <blockquote>s left open in the lede's box and again in the body's: the
    # wrappers around the same text are one level, so the lede is in reach of the body.
    extracted = _own("unclosed_blockquotes.html")
    texts = [b.text for b in extracted.blocks]
    assert texts[0].startswith("I'm putting this review here too")
    assert texts[1].startswith('"The Long Water" follows a ferryman')
    assert texts[2].startswith("The film opens at dawn")
    assert extracted.comments == []


def test_no_text_of_the_unclosed_blockquote_post_is_silently_lost() -> None:
    import lxml.html

    extracted = _own("unclosed_blockquotes.html")
    shown = " ".join([b.text for b in extracted.blocks] + [r.text for r in extracted.removed])
    story = lxml.html.fromstring((OWN / "unclosed_blockquotes.html").read_text("utf-8"))
    for text in story.find_class("piece")[0].itertext():
        if text.strip():
            assert " ".join(text.split()) in shown, text


@pytest.mark.parametrize("name", sorted(p.name for p in OWN.glob("*.html")))
def test_no_removed_line_is_called_article_text(name: str) -> None:
    # "running text" or "borders a paragraph of running text" as the reason a line was
    # cut makes no sense to a reader: what is judged text and left out says why.
    try:
        extracted = _own(name)
    except PipelineError:
        return
    called_text = [(r.rule, r.text) for r in extracted.removed if r.rule in _TEXT_RULES]
    assert called_text == []
