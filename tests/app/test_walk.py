"""Highlights walked across articles (`tui/app/walk.py`): the order of the steps, without
the app."""

from __future__ import annotations

from tui.app.walk import Walk
from tui.pipeline.model import Mention


def _walk() -> Walk:
    # Two hits in article 0, one in article 2.
    stops = [(0, Mention(0, 0, 3)), (0, Mention(1, 4, 7)), (2, Mention(0, 9, 12))]
    return Walk("“war”", stops)


def test_the_first_step_forward_is_the_first_stop_and_back_is_the_last() -> None:
    index, _, current, label, where, _ = _walk().step(1)
    assert (index, current, label, where) == (0, 0, "“war”", " (article 1/2)")
    # N right after a new search: the last hit, not the one before it.
    index, marks, current, label, where, _ = _walk().step(-1)
    assert (index, len(marks), current, where) == (2, 1, 0, " (article 2/2)")


def test_steps_wrap_at_both_ends() -> None:
    walk = _walk()
    assert [walk.step(1)[0] for _ in range(4)] == [0, 0, 2, 0]
    assert [walk.step(-1)[0] for _ in range(2)] == [2, 0]


def _article(*texts: str):
    from tui.pipeline.kinds import BlockKind
    from tui.pipeline.model import Article, Block

    return Article(input="x", blocks=[Block(BlockKind.PARAGRAPH, t) for t in texts])


def test_a_space_in_a_search_matches_any_white_space_between_the_words() -> None:
    from tui.app.reader import find_hits

    texts = ("Air\u00a0defence units", "the air\n  defence line", "airdefence")
    article = _article(*texts)
    hits = find_hits(article, "air defence")
    assert [(h.block, texts[h.block][h.start : h.end]) for h in hits] == [
        (0, "Air\u00a0defence"),
        (1, "air\n  defence"),
    ]
    assert find_hits(article, "  AIR  defence ") == hits  # spaces around it are no part


def test_a_search_of_spaces_alone_finds_nothing() -> None:
    from tui.app.reader import find_hits

    assert find_hits(_article("two  spaces   and three"), "   ") == []


def test_a_search_meets_a_word_however_its_letters_are_written() -> None:
    # "οδος" missed "ΟΔΟΣ" (a final sigma), "istanbul" missed "İstanbul" (a dotted
    # capital), "strasse" missed "Straße".
    from tui.app.reader import find_hits

    article = _article("ΟΔΟΣ and οδος", "İstanbul, ISTANBUL", "Straße or STRASSE")
    for query, block, texts in (
        ("οδος", 0, ["ΟΔΟΣ", "οδος"]),
        ("istanbul", 1, ["İstanbul", "ISTANBUL"]),
        ("İSTANBUL", 1, ["İstanbul", "ISTANBUL"]),
        ("strasse", 2, ["Straße", "STRASSE"]),
        ("straße", 2, ["Straße", "STRASSE"]),
    ):
        hits = find_hits(article, query)
        text = article.blocks[block].text
        assert [text[h.start : h.end] for h in hits] == texts, query


def test_a_search_meets_a_word_however_its_characters_are_encoded() -> None:
    # A decomposed "ö" (an "o" and its mark), the "ﬁ" ligature, full-width letters, an
    # accent the reader did not type and a soft hyphen inside a word were all missed.
    from tui.app.reader import find_hits

    texts = (
        "Go\u0308teborg and Göteborg",
        "the \ufb01nance minister's ﬁnal word",
        "ＮＡＴＯ and NATO",
        "Kyïv, Zelenský, Kyiv",
        "informa\u00adtion",
    )
    article = _article(*texts)
    for query, block, found in (
        ("göteborg", 0, ["Go\u0308teborg", "Göteborg"]),
        ("Go\u0308teborg", 0, ["Go\u0308teborg", "Göteborg"]),
        ("goteborg", 0, ["Go\u0308teborg", "Göteborg"]),
        ("finance", 1, ["\ufb01nance"]),
        ("final", 1, ["ﬁnal"]),
        ("nato", 2, ["ＮＡＴＯ", "NATO"]),
        ("kyiv", 3, ["Kyïv", "Kyiv"]),
        ("zelensky", 3, ["Zelenský"]),
        ("information", 4, ["informa\u00adtion"]),
    ):
        hits = find_hits(article, query)
        assert {h.block for h in hits} == {block}, query
        assert [texts[block][h.start : h.end] for h in hits] == found, query


def test_a_hit_after_a_folded_character_is_placed_on_the_words_found() -> None:
    # Offsets are the page text's: after a ligature (two letters from one) and a dropped
    # mark the hit must still cover the word, and a hit inside a ligature covers it.
    from tui.app.reader import find_hits

    text = "\ufb01rst Mu\u0308nchen, then Berlin"
    hits = find_hits(_article(text), "berlin")
    assert [text[h.start : h.end] for h in hits] == ["Berlin"]
    assert [text[h.start : h.end] for h in find_hits(_article(text), "f")] == ["\ufb01"]


def test_hangul_is_searched_by_syllables_not_their_letters() -> None:
    from tui.app.reader import find_hits

    text = "한국 정부"
    assert [text[h.start : h.end] for h in find_hits(_article(text), "한국")] == ["한국"]
    assert find_hits(_article(text), "하") == []  # a letter of 한 is no syllable of it


def test_a_search_marks_at_most_max_hits_an_article_and_says_there_are_more(
    monkeypatch,
) -> None:
    # A one-letter query in a page that is one 9 MB word found 9 million hits; marking
    # them held the app still for 26 s.
    from tui.app import reader
    from tui.app.walk import search_walk
    from tui.pipeline.briefing import Briefing

    monkeypatch.setattr(reader, "MAX_HITS", 3)
    many, few = _article("x" * 50), _article("an x or two x")
    assert reader.capped_hits(many, "x") == (reader.find_hits(many, "x")[:3], True)
    assert reader.capped_hits(few, "x") == (reader.find_hits(few, "x"), False)
    exactly = _article("x x x")
    assert reader.capped_hits(exactly, "x")[1] is False  # three of three: no more
    walk = search_walk(Briefing(articles=[many, few]), "x", [0, 1])
    assert walk.by_article() == [(0, 3, True), (1, 2, False)]
    assert walk.step(1).more and not walk.step(3).more
