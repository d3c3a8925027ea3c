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


# A French story for the labels below, written for these tests.
STORY = """<html><head><title>Le café de la gare rouvre ses portes</title></head><body>
<article><h1>Le café de la gare rouvre ses portes</h1>
<p>Fermé depuis l'incendie de février, le café de la gare a rouvert lundi. Les habitués
sont revenus dès sept heures, et la patronne a offert le premier café à chacun.</p>
<p>« Nous avons tout refait, du comptoir à la façade », a expliqué Hélène Marchand, qui tient
l'établissement depuis douze ans. Les travaux ont coûté près de 80 000 euros.</p>
<p>La mairie a prêté une salle pendant les travaux, pour que les joueurs de belote du mardi
ne perdent pas leurs habitudes. Ils y retrouveront leur table près de la fenêtre.</p>
</article></body></html>"""
ACCENTED = "Fermé depuis l'incendie de février, le café de la gare a rouvert lundi."


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "koi8-r", "utf-16"])
async def test_utf8_bytes_under_a_wrong_charset_header_are_read_as_utf8(
    site: FixtureServer, label: str
) -> None:
    # Servers default to a legacy charset for every page; read as labelled, each accent
    # came out "Ã©" (and under utf-16 the page was CJK-looking noise with no article).
    key = site.host_page({"Content-Type": f"text/html; charset={label}"}, STORY.encode())
    page = await _fetch(site.url(f"/hostile/{key}"))
    assert isinstance(page, FetchedPage)
    assert codec_of(page) == "utf-8" and text_of(page) == STORY
    read = read_page(page)
    assert read.metadata.title == "Le café de la gare rouvre ses portes"
    assert any(ACCENTED in " ".join(block.text.split()) for block in read.blocks)


@pytest.mark.parametrize(
    ("codec", "label", "read_as"),
    [("cp1252", "iso-8859-1", "cp1252"), ("cp1251", "windows-1251", "cp1251")],
)
def test_a_page_really_in_its_labelled_code_page_keeps_it(
    codec: str, label: str, read_as: str
) -> None:
    text = "<p>Café « déjà » — naïve</p>" if codec == "cp1252" else "<p>Київ — новини</p>"
    assert decode_html(text.encode(codec), label) == (text, read_as)


def test_utf16_named_by_the_header_is_still_read_when_the_bytes_are_utf16() -> None:
    # Mostly Cyrillic, so the markup sniffing alone does not call it UTF-16.
    body = "<p>Київ, Харків, Львів</p>".encode("utf-16-le")
    assert decode_html(body, "utf-16")[0] == "<p>Київ, Харків, Львів</p>"
    assert decode_html(body, "utf-16-le")[0] == "<p>Київ, Харків, Львів</p>"


def test_windows_quotes_turned_into_c1_controls_read_as_the_quotes() -> None:
    # A Windows-1252 page converted to UTF-8 as if latin-1: its ’ became U+0092, which the
    # text then dropped ("Davis\x92s" read "Daviss"). HTML reads &#146; as ’; so do we.
    body = "<p>Davis\x92s \x93first\x94 game \x96 a win\x85</p>".encode()
    assert decode_html(body, None) == ("<p>Davis’s “first” game – a win…</p>", "utf-8")
