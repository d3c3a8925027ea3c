"""Metadata from hostile pages: bounded JSON-LD, addresses Python cannot split."""

from __future__ import annotations

import json

import pytest

from tui.pipeline.extract_meta import page_metadata
from tui.pipeline.extract_parse import parse


def _page(head: str) -> str:
    return f"<html><head>{head}</head><body><p>Text.</p></body></html>"


def _ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def test_json_ld_nested_past_the_decoders_limit_is_skipped_and_the_rest_is_read() -> None:
    deep = "[" * 5000 + "]" * 5000
    head = f'<script type="application/ld+json">{deep}</script>' + _ld(
        {"@type": "NewsArticle", "headline": "Bridge reopens after repairs"}
    )
    assert page_metadata(parse(_page(head)), None).title == "Bridge reopens after repairs"


def test_deeply_nested_graph_and_author_lists_are_walked_to_a_bound() -> None:
    graph: object = {"@type": "NewsArticle", "headline": "Too deep to be declared on purpose"}
    for _ in range(300):
        graph = {"@graph": [graph]}
    author: object = "Somebody"
    for _ in range(300):
        author = [author]
    head = _ld(graph) + _ld(
        {"@type": "NewsArticle", "headline": "Council votes on budget", "author": author}
    )
    meta = page_metadata(parse(_page(head)), None)
    assert meta.title == "Council votes on budget"
    assert meta.authors == []


def test_json_ld_type_that_is_not_a_string_is_ignored() -> None:
    head = _ld({"@type": [{"nested": ["list"]}, "NewsArticle"], "headline": "Typed headline"})
    assert page_metadata(parse(_page(head)), None).title == "Typed headline"


@pytest.mark.parametrize("address", ["http://[x/", "http://[::1/path"])
def test_canonical_address_python_cannot_split_gives_no_site_not_a_crash(address: str) -> None:
    head = f'<link rel="canonical" href="{address}">'
    meta = page_metadata(parse(_page(head)), address)
    assert meta.site is None
    assert meta.canonical_url == address
