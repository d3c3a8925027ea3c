"""Bytes to text for Japanese pages that name no charset: ISO-2022-JP, whose bytes are all
ASCII, and EUC-JP, which detection calls EUC-JIS-2004.

The page is written for this test, news in the shape of a real page, and encoded here.
"""

from __future__ import annotations

import re

import pytest

from tests.pipeline.test_fetch import _fetch, codec_of, text_of
from tests.server import FixtureServer
from tui.pipeline.decode import decode_html
from tui.pipeline.model import FetchedPage
from tui.pipeline.stages import read_page

TITLE = "大阪の新しい地下鉄線、開業を来年春に延期"
PAGE = f"""<!DOCTYPE html>
<html lang="ja">
<head>
<title>{TITLE}</title>
<meta name="description" content="トンネル工事で地下水がわき出し、安全の確認に時間がかかっている。">
</head>
<body>
<header><nav>
<a href="/">トップ</a> | <a href="/kansai">関西</a> | <a href="/keizai">経済</a>
</nav></header>
<article>
<h1>{TITLE}</h1>
<p class="byline">大阪支局　2025年3月4日</p>
<p>大阪市交通局は4日、市の北部と南部を結ぶ新しい地下鉄線の開業を、予定していた今年秋から来年春に延期すると発表した。トンネル工事の途中で大量の地下水がわき出し、安全の確認に時間がかかっているという。</p>
<p>同局によると、工事の費用は当初の見込みより約120億円多い、およそ2400億円にふくらむ見通しだ。市議会では、費用の負担をめぐって議論が続いている。</p>
<p>沿線の商店街では、開業を見込んで店を改装した人も多い。ある商店主は「毎日、工事の音を聞きながら待ってきた。もう少しの辛抱だと思いたい」と話した。</p>
<p>交通局の担当者は記者会見で「利用者の皆さまにご迷惑をおかけして申し訳ない。安全を最優先に工事を進める」と述べた。新線は全長12キロで、9つの駅が設けられる予定だ。</p>
</article>
<footer><p>&copy; 関西日報　無断転載を禁じます</p></footer>
</body>
</html>
"""
SAID = "トンネル工事の途中で大量の地下水がわき出し"


def _page(lang: bool = True) -> str:
    return PAGE if lang else PAGE.replace(' lang="ja"', "")


@pytest.mark.parametrize("lang", [True, False], ids=["lang", "no-lang"])
@pytest.mark.parametrize(
    ("encoded", "read_as"),
    [
        # All ASCII: it decoded as UTF-8 into "$BBg:e(B..." and had not one sentence.
        ("iso2022_jp", "iso2022_jp"),
        # Detection names it EUC-JIS-2004, which was refused as "broken or unknown".
        ("euc_jp", "euc_jis_2004"),
        ("shift_jis", "cp932"),  # read right before; read the same
    ],
)
async def test_a_japanese_page_that_names_no_charset_is_read_in_its_own(
    site: FixtureServer, encoded: str, read_as: str, lang: bool
) -> None:
    body = _page(lang).encode(encoded)
    key = site.host_page({"Content-Type": "text/html"}, body)
    page = await _fetch(site.url(f"/hostile/{key}"))
    assert isinstance(page, FetchedPage)
    assert codec_of(page) == read_as and text_of(page) == _page(lang)
    read = read_page(page)
    assert read.metadata.title == TITLE
    assert any(SAID in block.text for block in read.blocks)


def test_iso2022_jp_with_half_width_katakana_is_read() -> None:
    # ESC ( I switches to half-width katakana, which plain ISO-2022-JP has no set for.
    body = "<p>速報：ｶﾅ表記の駅名</p>".encode("iso2022_jp_ext")
    assert body.isascii() and b"\x1b(I" in body
    assert decode_html(body, None) == ("<p>速報：ｶﾅ表記の駅名</p>", "iso2022_jp_ext")


def test_an_ascii_page_holding_a_terminal_reset_stays_ascii() -> None:
    # ESC ( B (back to ASCII) is also what a terminal's reset writes, in a pasted log.
    body = b"<pre>$ make\n\x1b(B\x1b[mdone</pre>"
    assert decode_html(body, None) == (body.decode(), "utf-8")


def test_an_euc_page_with_circled_numbers_keeps_them() -> None:
    # EUC-JIS-2004 has the circled numbers Japanese lists use; Python's euc_jp has not.
    text = re.sub(r"<p>同局", "<p>①同局", _page()).replace("<p>沿線", "<p>②沿線")
    body = text.encode("euc_jis_2004")
    assert decode_html(body, None) == (text, "euc_jis_2004")
