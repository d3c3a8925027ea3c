"""Writers a page names, read through the command line from a real server: a printed
byline when the page declares none, and a long list of declared authors."""

from __future__ import annotations

import json

from tests.server import FixtureServer
from tests.test_cli import briefing

_SENTENCE = (
    "The ferry will run four crossings a day through the winter, the harbour board said on "
    "Monday, after a season in which storms cancelled a third of the sailings."
)


def _page(head: str, byline: str) -> bytes:
    return (
        f"<html><head><title>Ferry adds winter crossings</title>{head}</head><body><article>"
        f"<h1>Ferry adds winter crossings</h1><p>{byline}</p>"
        f"<p>{_SENTENCE}</p><p>{_SENTENCE}</p><p>{_SENTENCE}</p></article></body></html>"
    ).encode()


def test_a_printed_byline_with_a_plural_role_names_both_writers_in_the_json(
    site: FixtureServer,
) -> None:
    url = site.host_html(_page("", "By Jane Roe and John Doe | Staff reporters"))
    proc = briefing("-f", "json", "--no-analysis", "--no-cache", url)
    assert proc.returncode == 0, proc.stderr
    (article,) = json.loads(proc.stdout)["articles"]
    assert article["authors"] == ["Jane Roe", "John Doe"]
    # The line is still cut from the text as the byline it is.
    cut = [(r["rule"], r["text"]) for r in article["removed"]]
    assert ("byline", "By Jane Roe and John Doe | Staff reporters") in cut
    assert all("Jane Roe" not in b["text"] for b in article["blocks"])


def test_fifty_declared_authors_are_all_in_the_json_and_counted_in_the_markdown(
    site: FixtureServer,
) -> None:
    names = [f"Writer {chr(65 + i // 26)}{chr(97 + i % 26)}son" for i in range(50)]
    ld = {"@type": "NewsArticle", "headline": "Ferry adds winter crossings", "author": names}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    url = site.host_html(_page(head, "Filed from the harbour office."))
    proc = briefing("-f", "json", "--no-analysis", "--no-cache", url)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][0]["authors"] == names
    markdown = briefing("-f", "markdown", "--no-analysis", "--no-cache", url).stdout
    assert f"{names[0]}, {names[1]}, {names[2]} and 47 others" in markdown
    assert names[3] not in markdown
