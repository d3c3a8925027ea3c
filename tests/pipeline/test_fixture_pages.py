"""The fixture pages and demo articles are test data others rely on: check they still say
what expected.json claims, so an edit to a page cannot silently make another test vacuous."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from tui.demo import demo_paths

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
EXPECTED: dict[str, Any] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(name for name in EXPECTED if not name.startswith("_"))
ARTICLES = [name for name in NAMES if "error" not in EXPECTED[name]]


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tree(name: str) -> lxml.html.HtmlElement:
    # Decoded by us first, so the cp1252 page is read with its real codec and no guessing.
    encoding = EXPECTED[name].get("encoding", "utf-8")
    return lxml.html.document_fromstring((PAGES / name).read_bytes().decode(encoding))


def _blocks(tree: lxml.html.HtmlElement) -> list[str]:
    return [_space(e.text_content()) for e in tree.iter("p", "li", "h1", "h2", "blockquote")]


def test_every_page_on_disk_has_expectations() -> None:
    on_disk = sorted(p.name for p in PAGES.glob("*.html"))
    assert on_disk == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_expected_strings_occur_in_the_page(name: str) -> None:
    spec = EXPECTED[name]
    text = _space(_tree(name).text_content())
    for key in ("keep", "caption", "absent", "comments"):
        missing = [s for s in spec.get(key, []) if s not in text]
        assert not missing, f"{name}: {key} strings not in the page: {missing}"
    for entity in spec.get("entities", []):
        for form in [entity["name"], *entity["aliases"]]:
            assert form in text, f"{name}: entity form {form!r} not in the page"
    for entry in spec.get("timeline", []):
        assert entry["expression"] in text, f"{name}: {entry['expression']!r} not in the page"


@pytest.mark.parametrize("name", NAMES)
def test_boilerplate_lines_are_whole_blocks_inside_the_article(name: str) -> None:
    tree = _tree(name)
    article = tree.find(".//article")
    for line in EXPECTED[name].get("remove", []):
        blocks = _blocks(article)
        assert blocks.count(line["text"]) == line.get("count", 1), (name, line["text"])


@pytest.mark.parametrize("name", ARTICLES)
def test_article_pages_have_the_shape_of_a_real_news_page(name: str) -> None:
    spec = EXPECTED[name]
    tree = _tree(name)
    head = tree.find("head")
    assert tree.get("lang", "").split("-")[0] == spec["language"]
    assert _space(head.findtext("title")) == f"{spec['title']} | {spec['site']}"
    assert head.xpath("string(meta[@property='og:site_name']/@content)") == spec["site"]
    assert head.xpath("string(meta[@property='og:title']/@content)") == spec["title"]
    assert head.xpath("string(link[@rel='canonical']/@href)") == spec["canonical_url"]
    (published,) = head.xpath("meta[@property='article:published_time']/@content")
    assert datetime.fromisoformat(published) == datetime.fromisoformat(spec["published"])
    ld = json.loads(head.xpath("string(script[@type='application/ld+json'])"))
    news = next(n for n in ld.get("@graph", [ld]) if n["@type"] == "NewsArticle")
    assert news["headline"] == spec["title"]
    article = tree.find(".//article")
    for tag in ("h1", "h2", "time", "blockquote", "ul", "figure"):
        assert article.find(f".//{tag}") is not None, f"{name}: no <{tag}> in the article"
    assert len(article.findall(".//p")) >= 5


def test_the_site_footer_recurs_in_both_articles_of_the_site() -> None:
    line = "The Kyiv Ledger is an independent newsroom funded by its readers."
    for name in ("frontline.html", "frontline_followup.html"):
        assert _blocks(_tree(name)).count(line) == 1


def test_windows_1252_page_has_no_charset_and_is_not_utf8() -> None:
    raw = (PAGES / "cp1252.html").read_bytes()
    assert b"charset" not in raw.lower()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    # Bytes that differ between cp1252 and its look-alikes (cp1250 reads è as č).
    for needle in ("€", "è", "é", "ü", "œ", "ñ", "’"):
        assert needle in text


def test_markup_page_really_carries_control_characters() -> None:
    # Otherwise the "no control characters reach the terminal" checks would pass vacuously.
    text = _tree("markup.html").text_content()
    for char in EXPECTED["markup.html"]["forbidden_chars"]:
        assert char in text
    assert "[bold]Breaking[/bold]" in text


def test_section_front_has_a_grid_of_headlines_and_no_article() -> None:
    tree = _tree("no_article.html")
    assert tree.find(".//article") is None
    assert len(tree.xpath("//h3/a")) == 20


def test_demo_articles_ship_three_small_pages_from_different_sites() -> None:
    paths = demo_paths()
    assert [p.name[:3] for p in paths] == ["01-", "02-", "03-"]
    sites = set()
    for path in paths:
        raw = path.read_bytes()
        assert len(raw) < 40_000, path.name
        tree = lxml.html.document_fromstring(raw.decode("utf-8"))
        sites.add(tree.xpath("string(//meta[@property='og:site_name']/@content)"))
        published = tree.xpath("string(//meta[@property='article:published_time']/@content)")
        assert published.startswith("2024-"), path.name
        article = tree.find(".//article")
        words = len(" ".join(_blocks(article)).split())
        assert 400 <= words <= 800, (path.name, words)
    assert len(sites) == 3
