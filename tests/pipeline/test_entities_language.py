"""Entities only for English pages: the language is read from the page's own text."""

from __future__ import annotations

from tui.pipeline.entities import entities_note, find_entities, page_language
from tui.pipeline.entities.language import stated_language
from tui.pipeline.export import article_to_dict
from tui.pipeline.model import Article, Block, BlockKind, FetchedPage
from tui.pipeline.stages import read_page

RUSSIAN = (
    "Что происходит сейчас на востоке страны? Какую помощь получат жители пострадавших "
    "сёл этой зимой, спросили журналисты у министра. Он ответил, что правительство "
    "выделит деньги на ремонт школ, больниц и дорог, а также направит туда новые бригады "
    "строителей до конца месяца."
)
GERMAN = (
    "Die Regierung will die neuen Regeln für den Wohnungsbau noch vor dem Sommer "
    "beschließen, sagte die Ministerin am Montag. Viele Gemeinden klagen seit Jahren über "
    "fehlende Flächen, hohe Kosten und lange Verfahren, bevor überhaupt gebaut werden darf."
)
ENGLISH = (
    "The regional council said on Tuesday it would reopen the ferry line between Lindholm "
    "and the mainland after a month of repairs. Maria Keller, who runs the operator, told "
    "reporters the first crossings would leave at dawn and that tickets would cost less."
)


def blocks(*texts: str) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, t) for t in texts]


def test_russian_page_has_no_entities_and_a_note_naming_its_language():
    page = blocks(RUSSIAN)
    assert find_entities(page) == []
    assert (
        entities_note(page)
        == "Entities and dates are found in English pages; this page is in Russian."
    )


def test_text_outweighs_a_declared_english_language():
    # Sites mislabel pages: a German page that says lang="en" is still German.
    assert page_language(blocks(GERMAN), "en")[0] == "de"
    assert find_entities(blocks(GERMAN), language="en") == []


def test_english_page_has_entities_and_no_note():
    page = blocks(ENGLISH)
    assert entities_note(page) is None
    assert "Maria Keller" in {e.name for e in find_entities(page)}


def test_too_little_text_keeps_the_declared_language():
    # A headline and a list of scores say nothing about their language.
    page = blocks("Lindholm 2 Norrvik 1 (Keller 64th min)", "Osterby 0 Vastra 0")
    assert page_language(page)[0] == "en"
    assert page_language(page, "ru") == ("ru", "Russian")


def test_export_carries_the_note_beside_empty_entities():
    article = Article(input="x", entities=[], entities_note="Entities are found in ...")
    out = article_to_dict(article, 0)
    assert out["entities"] == []
    assert out["entities_note"] == "Entities are found in ..."


def test_the_language_stated_is_the_texts_when_the_page_declares_another_or_none():
    assert stated_language(blocks(GERMAN), "en") == "de"
    assert stated_language(blocks(GERMAN), None) == "de"
    # The page's own label, region and all, when the text agrees or is too short to say.
    assert stated_language(blocks(ENGLISH), "en-GB") == "en-GB"
    assert stated_language(blocks("Kurz und knapp."), "en") == "en"
    assert stated_language(blocks("Too short."), None) is None


def test_a_read_page_states_the_language_its_text_is_in():
    html = f'<html lang="en"><body><article><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>'
    page = FetchedPage(
        input="https://example.org/a",
        url="https://example.org/a",
        body=html.encode(),
        charset="utf-8",
        fetched_at="2026-12-05T08:00:00Z",
    )
    assert read_page(page).metadata.language == "de"


def test_a_run_of_characters_no_language_writes_does_not_outvote_the_article() -> None:
    # Base64 left in a page's text: its letters, read as words, once made an English
    # article Swedish, and its entities and dates were lost.
    import base64

    blob = base64.b64encode(bytes(range(256)) * 400).decode()
    page = blocks(ENGLISH, blob, ENGLISH.replace("Tuesday", "Friday"))
    assert page_language(page)[0] == "en"
    assert entities_note(page) is None


CHINESE = (
    "北京市政府周一宣布，新的地铁线路将于明年三月开通。市长表示，这条线路将连接城市东部和"
    "西部的主要商业区，每天预计运送乘客五十万人次。"
)
ARABIC = (
    "أعلنت الحكومة يوم الاثنين أن خط المترو الجديد سيفتح في شهر مارس من العام المقبل، وقال "
    "الوزير إن الخط سيربط الأحياء الشرقية والغربية من المدينة."
)


def test_a_script_without_capitals_is_judged_by_the_model_not_taken_for_english() -> None:
    # No lower-case words to count: such a page kept its declared language, or English
    # where it declared none, and was parsed as English noise with no note.
    for text, name in ((CHINESE, "Chinese"), (ARABIC, "Arabic")):
        assert entities_note(blocks(text, text)) == (
            f"Entities and dates are found in English pages; this page is in {name}."
        )
    # A Chinese sentence is one run between spaces, however long: still words.
    assert page_language(blocks(CHINESE * 3))[0] == "zh"
