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


def test_a_run_with_no_space_far_longer_than_a_word_is_read_in_whole_pieces() -> None:
    # spaCy alone peels each "(" off as a token of its own, in time that grows with the
    # square of the run's length (32,000 of them took over two minutes).
    run = "(" * (3 * nlp.LONG_RUN) + "!" * 10
    text = f"He didn't stop. {run} Then he went\n{run}\nhome."
    doc = nlp.parse_blocks([Block(BlockKind.PARAGRAPH, text)])[0]
    assert doc.text == text  # character for character, spaces and all
    pieces = [(t.text, t.whitespace_) for t in doc if t.text[0] in "(!"]
    whole = [("(" * nlp.LONG_RUN, "")] * 3
    assert pieces == [*whole, ("!" * 10, " "), *whole, ("!" * 10, "")]
    # The words beside the runs are spaCy's own, with the norms its special cases give.
    assert [(t.text, t.norm_) for t in doc[:4]] == [
        ("He", "he"),
        ("did", "do"),
        ("n't", "not"),
        ("stop", "stop"),
    ]
    assert [t.text for t in doc if t.text[0] not in "(!"][4:] == [
        ".",
        "Then",
        "he",
        "went",
        "\n",
        "\n",
        "home",
        ".",
    ]


def test_text_without_a_long_run_is_tokenized_as_spacy_does() -> None:
    link = "https://example.org/news/2019/05/06/" + "a-long-slug-" * 12 + "end.html"
    assert len(link) <= nlp.LONG_RUN
    texts = [
        f"Read it at {link}. He didn't go!!! (Really.)",
        "U.S. officials met on Monday, Jan. 5 \u2014 \u201cno deal\u201d \u2026",
        "Tabs\tand  two spaces\u00a0and\nlines",
    ]
    model = nlp.load()
    for text in texts:
        ours, spacys = model.tokenizer(text), model.tokenizer.tokenizer(text)
        assert [(t.text, t.norm_, t.whitespace_) for t in ours] == [
            (t.text, t.norm_, t.whitespace_) for t in spacys
        ]
