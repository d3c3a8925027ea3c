"""Pages whose markup a browser forgives, read through the command line from a real
server: a body closed before the article, markup written out as text in a <title>, a
<noframes> box or an escaped <noscript> copy."""

from __future__ import annotations

import json
from typing import Any

from tests.server import FixtureServer
from tests.test_cli import briefing

_SENTENCE = (
    "The city council voted on Tuesday to approve the new budget for the harbour district, "
    "officials said in a statement released after the meeting."
)
_BODY = "".join(f"<p>{_SENTENCE}</p>" for _ in range(6))


def _read(site: FixtureServer, html: str) -> dict[str, Any]:
    url = site.host_html(html.encode())
    proc = briefing("-f", "json", "--no-analysis", "--no-cache", url)
    article: dict[str, Any] = json.loads(proc.stdout)["articles"][0]
    return article


def test_an_article_after_a_stray_end_of_body_is_read(site: FixtureServer) -> None:
    # libxml2 left it beside the body, where nothing looked: "no article text".
    article = _read(
        site,
        f"<html><head><title>Budget approved</title></head><body>\n</body>\n"
        f"<h1>Budget approved</h1>{_BODY}</html>",
    )
    assert article["status"] == "ok", article["error"]
    assert [b["text"] for b in article["blocks"]].count(_SENTENCE) == 6


def test_markup_a_title_holds_as_text_is_left_out_of_the_title(site: FixtureServer) -> None:
    article = _read(
        site,
        "<html><head><title>He May Be Late,<br/> But He's <i>Our</i> Mayor</title></head>"
        f"<body><article>{_BODY}</article></body></html>",
    )
    assert article["title"] == "He May Be Late, But He's Our Mayor"


def test_markup_shown_as_text_in_a_noframes_box_is_cut_as_page_code(
    site: FixtureServer,
) -> None:
    article = _read(
        site,
        "<html><head><title>Budget approved</title></head><body><article>"
        f"{_BODY}<iframe src='https://video.example/embed/1'></iframe><noframes>"
        '<a href="https://video.example/watch?v=1"><img src="https://video.example/1.jpg" '
        'alt="Video Preview Image"/></a></noframes></article></body></html>',
    )
    assert all("<a href" not in b["text"] for b in article["blocks"])
    assert "page-code" in {r["rule"] for r in article["removed"]}
