"""Pages in a legacy code page that do not say which (or say UTF-8 wrongly): detection picks
among readings the detector finds about equally clean, and the right one must win.

The fixtures in tests/fixtures/codepages are written for this project, a few paragraphs
each in the shape of real pages, stored as UTF-8 and named `<language>.<code page>.html`;
each test encodes one to its code page and serves it from the test's HTTP server. Those
named `<language>-nolang` name no language, as many real pages do not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.pipeline.test_fetch import _fetch, codec_of, text_of
from tests.server import FixtureServer
from tui.pipeline.decode import decode_html
from tui.pipeline.readings import page_language
from tui.pipeline.stages import read_page

CODEPAGES = Path(__file__).parents[1] / "fixtures" / "codepages"
# Every fixture, by language: (its code page, its text).
PAGES = {
    path.name.split(".")[0]: (path.name.split(".")[1], path.read_text(encoding="utf-8"))
    for path in sorted(CODEPAGES.glob("*.html"))
}


def _bytes(language: str, *, lang_attribute: bool = True, lang: str | None = None) -> bytes:
    codec, text = PAGES[language]
    if not lang_attribute:
        text = re.sub(r' lang="[^"]*"', "", text)
    if lang is not None:
        text = text.replace("<html>", f'<html lang="{lang}">', 1)
    return text.encode(codec)


def _expected(language: str, *, lang_attribute: bool = True, lang: str | None = None) -> str:
    body = _bytes(language, lang_attribute=lang_attribute, lang=lang)
    return body.decode(PAGES[language][0])


def test_every_fixture_is_in_its_code_page_and_declares_no_legacy_charset() -> None:
    assert set(PAGES) == {
        *("fr", "en", "lt", "lv", "et", "pl", "cs", "hu", "ru", "el"),
        *("fr-nolang", "cs-nolang", "lt-nolang"),
    }
    for language, (codec, text) in PAGES.items():
        body = text.encode(codec)  # every character has a byte in its code page
        assert not body.isascii(), language
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        assert 'charset="utf-8"' in text if language == "fr" else "charset" not in text


@pytest.mark.parametrize("header", ["text/html", "text/html; charset=utf-8"])
async def test_a_french_page_in_latin1_that_says_utf8_reads_as_french(
    site: FixtureServer, header: str
) -> None:
    # <html lang="fr">, <meta charset="utf-8">, the bytes windows-1252: it came out as
    # Baltic cp1257 ("Genčve", "oł", "franēais").
    url = site.url("/hostile/" + site.host_page({"Content-Type": header}, _bytes("fr")))
    page = await _fetch(url)
    assert codec_of(page) == "cp1252"
    assert text_of(page) == _expected("fr")
    read = read_page(page)
    assert read.metadata.title == "Le tramway de Genève attendra l'été"
    body = "\n".join(block.text for block in read.blocks)
    assert "les nouvelles voies" in body and "où passeraient" in body
    assert "Les élus français et suisses, réunis à Genève" in body


async def test_an_english_page_in_windows_1252_without_a_charset_keeps_its_accents(
    site: FixtureServer,
) -> None:
    # It came out as cp1257: "naļve", "faēade", "Sćo Paulo".
    url = site.url("/hostile/" + site.host_page({"Content-Type": "text/html"}, _bytes("en")))
    page = await _fetch(url)
    assert codec_of(page) == "cp1252"
    assert text_of(page) == _expected("en")
    read = read_page(page)
    assert read.metadata.title == "Old market hall reopens in São Paulo"
    body = "\n".join(block.text for block in read.blocks)
    for words in ("naïve about costs", "Art Déco façade", "déjà vu", "Zürich", "mayor’s"):
        assert words in body


@pytest.mark.parametrize(
    ("language", "codec"),
    [
        ("lt", "cp1257"),
        ("lv", "cp1257"),
        ("et", "cp1257"),
        ("pl", "cp1250"),
        ("cs", "cp1250"),
        ("hu", "cp1250"),
        ("ru", "cp1251"),
        ("el", "cp1253"),
    ],
)
async def test_a_page_in_its_own_code_page_without_a_charset_reads_right(
    site: FixtureServer, language: str, codec: str
) -> None:
    # Baltic, Central European, Cyrillic and Greek pages must not be pulled to
    # windows-1252 by the same change: before it, Lithuanian, Latvian, Estonian and Czech
    # were (a tie with windows-1252 went to windows-1252).
    url = site.url("/hostile/" + site.host_page({"Content-Type": "text/html"}, _bytes(language)))
    page = await _fetch(url)
    assert codec_of(page) == codec
    assert text_of(page) == _expected(language)


@pytest.mark.parametrize(("language", "codec"), [(lang, PAGES[lang][0]) for lang in PAGES])
@pytest.mark.parametrize("label", [None, "utf-8"])
def test_decode_html_reads_each_code_page_by_its_letters(
    language: str, codec: str, label: str | None
) -> None:
    text, used = decode_html(_bytes(language), label)
    assert (used, text) == (codec, _expected(language))


@pytest.mark.parametrize("language", ["fr", "en", "lt", "lv", "pl", "cs", "hu", "ru", "el"])
def test_the_letters_alone_tell_the_code_page_when_the_page_names_no_language(
    language: str,
) -> None:
    # Without <html lang> the language is guessed from the letters; only a clearly better
    # fit moves away from what the detector chose. (An Estonian page with no lang
    # attribute still reads as windows-1252, as before: too few of its letters differ,
    # õ, ä, ö, ü being the same in both, to be sure.)
    body = _bytes(language, lang_attribute=False)
    assert decode_html(body, None) == (
        _expected(language, lang_attribute=False),
        PAGES[language][0],
    )


@pytest.mark.parametrize(
    ("language", "codec", "words"),
    [
        # Came out as cp1250 ("Café crčme: l’été ŕ Noël", "Genčve", "ministčre"): each
        # reading was judged by the language it fits best, and the cp1250 one fit Slovak
        # nearly as well as the windows-1252 one fit French.
        ("fr-nolang", "cp1252", ["Café crème: l’été à Noël — «déjà vu»", "ministère", "Genève"]),
        # Came out as windows-1252 ("Èeský prùmysl: £ódŸ a Kraków"), whose letters fit
        # Vietnamese, a language windows-1252 cannot write.
        ("cs-nolang", "cp1250", ["Český průmysl: Łódź a Kraków", "přesune do Polska"]),
        # Came out as windows-1252 ("Lietuvos ûkis", "pareiðkë"): û, ë fit French.
        ("lt-nolang", "cp1257", ["Lietuvos ūkis", "bankas pareiškė", "lėtai"]),
    ],
)
@pytest.mark.parametrize("lang", [None, "en"])
async def test_a_page_naming_no_language_but_english_reads_in_its_code_page(
    site: FixtureServer, language: str, codec: str, words: list[str], lang: str | None
) -> None:
    # No charset, and no lang attribute or an English one (a template's default): the
    # readings are judged by the one language both fit best, not each by its own.
    body = _bytes(language, lang=lang)
    url = site.url("/hostile/" + site.host_page({"Content-Type": "text/html"}, body))
    page = await _fetch(url)
    assert codec_of(page) == codec
    assert text_of(page) == _expected(language, lang=lang)
    read = read_page(page)
    text = "\n".join([read.metadata.title or "", *(block.text for block in read.blocks)])
    for phrase in words:
        assert phrase in text


def test_a_page_whose_only_other_bytes_are_no_break_spaces_is_windows_1252() -> None:
    # The detector offers only multi-byte readings of such a page (big5hkscs, cp932, cp949),
    # each turning " Click" into one CJK character or a private-use one: "蟖lick".
    paragraph = "<p>Sign up below.\xa0Click the button, then\xa0Choose a plan.</p>\n"
    page = f"<html><head><title>Offers</title></head><body>{paragraph * 12}</body></html>"
    text, codec = decode_html(page.encode("cp1252"), None)
    assert (text, codec) == (page, "cp1252")


def test_one_odd_symbol_used_throughout_does_not_change_the_code_page() -> None:
    # "ƒ/1.8" (an f-number) read as Macedonian "ѓ/1.8" fits a language better, but one
    # character is too little to call a page Cyrillic.
    lens = "<li>Lens ƒ/1.8 and ƒ/2.8 – both sharp</li>\n"
    page = f"<html><body><ul>{lens * 6}</ul><p>Our review of the new lenses.</p></body></html>"
    assert decode_html(page.encode("cp1252"), None) == (page, "cp1252")


@pytest.mark.parametrize(
    ("head", "language"),
    [
        (b'<html lang="fr-CH">', "fr"),
        (b"<html class=x xml:lang='lt' lang='lt'>", "lt"),
        (b'<html><head><meta property="og:locale" content="pl_PL">', "pl"),
        (b'<html><head><meta http-equiv="Content-Language" content="cs">', "cs"),
        (b'<html><head><meta content="hu" http-equiv="content-language">', "hu"),
        (b'<html lang=""><head><meta name="description" content="fr">', None),
        (b"<html><head><title>No language</title>", None),
    ],
)
def test_the_language_a_page_names(head: bytes, language: str | None) -> None:
    assert page_language(head + b"</head><body></body></html>") == language
