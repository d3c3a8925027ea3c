from __future__ import annotations

import threading

import pytest

from tui.pipeline import nlp
from tui.pipeline.model import Block, BlockKind


def test_concurrent_first_calls_load_the_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    loads: list[str] = []
    started = threading.Barrier(4)
    real_load = spacy.load

    def counting_load(name: str) -> object:
        loads.append(name)
        return real_load(name)

    nlp._load.cache_clear()
    monkeypatch.setattr(spacy, "load", counting_load)

    def ask() -> None:
        started.wait()
        nlp.load()

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert loads == [nlp.MODEL_NAME]


def test_sentence_text_is_the_sentence_spacy_gives_each_span() -> None:
    text = (
        "  Olha Marchenko met John Smith in Kyiv on Monday.  The talks, held at the Energy "
        "Security Forum, ended late. Both said they would meet again in Paris next week.  "
    )
    doc = nlp.parse_blocks([Block(BlockKind.PARAGRAPH, text)])[0]
    spans = [doc[i : i + n] for i in range(len(doc)) for n in (1, 2) if i + n <= len(doc)]
    assert spans
    for span in spans:
        assert nlp.sentence_text(span) == span.sent.text.strip()


def test_sentence_of_and_span_root_are_what_spacy_gives_every_span() -> None:
    text = (
        "Olha Marchenko, who joined the ministry in January 2022, met John Smith in Kyiv on "
        "Monday at 10 a.m. The talks, held at the Energy Security Forum, ended late on "
        "Tuesday night. Both said they would meet again in Paris next week, or in May."
    )
    doc = nlp.parse_blocks([Block(BlockKind.PARAGRAPH, text)])[0]
    spans = [doc[i : i + n] for i in range(len(doc)) for n in (1, 2, 3, 6) if i + n <= len(doc)]
    for span in spans:
        assert nlp.sentence_of(span) == span.sent
        assert nlp.span_root(span) == span.root
        assert nlp.span_root(span) == span.root  # asked again, from what was kept
    for token in doc:
        assert nlp.token_sentence(token) == token.sent


def test_span_root_in_a_parse_thousands_of_words_deep_is_spacys() -> None:
    # A paragraph that is one list of dates: spaCy parses it as one sentence, each date
    # hanging on the one before, where its own `span.root` walks the whole chain per span.
    text = "January 1, " * 600
    doc = nlp.parse_blocks([Block(BlockKind.PARAGRAPH, text)])[0]
    spans = [doc[i : i + 2] for i in range(0, len(doc) - 2, 7)] + list(doc.ents)
    for span in spans:
        assert nlp.span_root(span) == span.root
        assert nlp.sentence_of(span) == span.sent


def test_a_sentence_is_read_whole_near_a_span_unless_far_longer_than_prose() -> None:
    short = "Prices rose on Monday. The board met in May, and again in June."
    doc = nlp.parse_blocks([Block(BlockKind.PARAGRAPH, short)])[0]
    for span in [doc[i : i + 1] for i in range(len(doc))]:
        assert nlp.sentence_near(span) == nlp.sentence_text(span)
    # One "sentence" of thousands of dates: read only so far either side of each.
    text = "The results came in " + "January 1, " * 2000 + "and no more"
    doc = nlp.parse_blocks([Block(BlockKind.PARAGRAPH, text)])[0]
    middle = doc.char_span(text.index("January", 11_000), text.index("January", 11_000) + 7)
    assert middle is not None
    assert nlp.sentence_text(middle).startswith("The results")  # one sentence, all of it
    near = nlp.sentence_near(middle)
    assert len(near) <= 2 * nlp.SENTENCE_REACH + len(middle.text)
    assert "results" not in near and near in text


def test_sentence_text_of_an_empty_doc_is_empty() -> None:
    doc = nlp.parse_blocks([Block(BlockKind.PARAGRAPH, "")])[0]
    assert nlp.sentence_text(doc[0:0]) == ""


def test_doc_text_is_the_text_spacy_gives_spaces_and_all() -> None:
    texts = ["  Prices rose on Monday.\u00a0 Then they fell.  ", "", "One word"]
    for doc in nlp.parse_blocks([Block(BlockKind.PARAGRAPH, t) for t in texts]):
        assert nlp.doc_text(doc) == doc.text
