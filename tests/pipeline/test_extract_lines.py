"""Hand-wrapped lines: text broken with <br> every 60 to 80 characters is read as its
paragraphs, wherever it stands; poems, addresses, lists and one-sentence lines keep their
lines."""

from __future__ import annotations

import textwrap

import pytest

from tui.pipeline.extract import extract
from tui.pipeline.extract_blocks import number_blocks, page_pieces
from tui.pipeline.extract_lines import joined
from tui.pipeline.extract_parse import parse

FIRST = (
    "The harbour board met on Tuesday evening to hear the plan for a new ferry terminal "
    "at the north quay. Residents told members that the piling would go on for two years "
    "and that the road past the school could not take the lorries. The chair, Margaret "
    "Okafor, said the board would decide before the end of March, after a second hearing."
)
SECOND = (
    "Engineers said the old pier had been weakened by the storms of last winter and would "
    "need repairs whatever the board chose. The council has set aside four million pounds "
    "for the work, which is due to begin in the spring if the plan is approved in time."
)


def _wrapped(paragraph: str, width: int) -> list[str]:
    lines = textwrap.wrap(paragraph, width)
    # The short last line is what ends a paragraph parted by one <br> only.
    assert len(lines[-1]) < width - 10
    return lines


def _page(inner: str, box: str) -> str:
    if box == "body":
        return f"<html><body><h1>Ferry terminal</h1>\n{inner}\n</body></html>"
    return f"<html><body><h1>Ferry terminal</h1><{box}>{inner}</{box}></body></html>"


@pytest.mark.parametrize("box", ["body", "center", "font", "span", "p", "div", "blockquote"])
@pytest.mark.parametrize("width", [60, 72, 79])
@pytest.mark.parametrize("between", ["<br>\n", "<br>\n<br>\n"])
def test_a_hand_wrapped_article_is_read_as_its_paragraphs(
    box: str, width: int, between: str
) -> None:
    # Straight in <body>, <center> or <font> each short line was judged alone, and the
    # page said it had no article text; in a <div> every line was a paragraph.
    lines = "<br>\n".join(_wrapped(FIRST, width)) + between + "<br>\n".join(_wrapped(SECOND, width))
    texts = [b.text for b in extract(_page(lines, box)).blocks]
    assert texts[-2:] == [FIRST, SECOND]


DATE_ACROSS_LINES = [
    "Members of the harbour board voted to approve the ferry plan on",
    "Tuesday 4 March, after a second hearing at which residents spoke",
    "against the piling and the lorries for almost three hours, and",
    "the chair said that the work would start in the spring.",
]
# A word cut at its hyphen is joined without a space.
HYPHEN_AT_A_LINE_END = [
    "The ferry company said the new timetable would be a long-",
    "awaited change for the island, where the last boat leaves",
    "before six in the evening and the first one after eight in",
    "the morning, too late for anyone who works on the mainland.",
]


@pytest.mark.parametrize(
    ("lines", "box", "joined_text"),
    [
        (DATE_ACROSS_LINES, "div", " ".join(DATE_ACROSS_LINES)),
        (HYPHEN_AT_A_LINE_END, "body", "a long-awaited change for the island, where"),
    ],
    ids=["a date across a line", "a hyphen at a line's end"],
)
def test_the_lines_of_one_sentence_are_one_sentence_for_the_analysis(
    lines: list[str], box: str, joined_text: str
) -> None:
    texts = [b.text for b in extract(_page("<br>".join(lines), box)).blocks]
    assert joined_text in texts[-1]


def test_an_e_mail_quoted_line_by_line_keeps_one_quote_mark() -> None:
    lines = [f"> {line}" for line in _wrapped(FIRST, 72)]
    texts = [b.text for b in extract(_page("<br>".join(lines), "div")).blocks]
    assert texts[-1] == f"> {FIRST}"


# Our own lines in the shapes that use one <br> per line on purpose.
POEM = [
    "We came down to the harbour in the last of the light,",
    "and the water was",
    "the colour of old pewter, of the coins my grandfather kept",
    "in a tin by the door,",
    "and nobody spoke",
    "until the ferry turned its lamps on over the black and moving sea.",
]
ADDRESS = [
    "North Harbour Board",
    "The Old Customs House, 12 Quay Street",
    "Southport, Merseyside",
    "Telephone 01704 555 0100, weekdays from nine until five",
]
ONE_SENTENCE_EACH = [
    "The board will meet again on the second Tuesday of March in the town hall.",
    "Members of the public may speak for three minutes each if they register first.",
    "Written comments must reach the clerk by the end of February at the latest.",
    "The meeting will be streamed on the board's website and recorded for later.",
]
LABELS = [
    "Cost of the terminal: four million pounds, from the council's capital budget",
    "Length of the works: two years, with piling in the first six months",
    "Decision: before the end of March, after a second public hearing",
    "Contact: the clerk to the board, at the Old Customs House on Quay Street",
]


@pytest.mark.parametrize(
    "lines", [POEM, ADDRESS, ONE_SENTENCE_EACH, LABELS], ids=["poem", "address", "one", "labels"]
)
def test_lines_parted_on_purpose_keep_their_lines(lines: list[str]) -> None:
    html = (
        f"<html><body><div><h1>Ferry terminal</h1><p>{FIRST}</p><p>{SECOND}</p>"
        f"<div>{'<br>'.join(lines)}</div></div></body></html>"
    )
    texts = [b.text for b in extract(html).blocks]
    assert texts[-len(lines) :] == lines


def test_lines_of_text_written_without_spaces_are_not_judged_by_their_width() -> None:
    # No word boundaries: the next line's first "word" is the whole line, which says
    # nothing of where the line had to end.
    lines = [
        "港の委員会は火曜日の夜に会合を開き、",
        "新しいフェリーターミナルの計画について、",
        "住民の意見を聞いた。",
    ]
    tree = parse(f"<html><body><div>{'<br>'.join(lines)}</div></body></html>")
    number_blocks(tree)
    page = page_pieces(tree)
    assert [p.text for p in joined(page).pieces] == lines


def test_a_line_that_is_a_link_is_never_joined_to_the_text_around_it() -> None:
    lines = textwrap.wrap(FIRST, 70)
    lines[2] = f"<a href='/other'>{lines[2]}</a>"
    tree = parse(f"<html><body><div>{'<br>'.join(lines)}</div></body></html>")
    number_blocks(tree)
    texts = [p.text for p in joined(page_pieces(tree)).pieces]
    assert len(texts) == 3 and texts[1] == textwrap.wrap(FIRST, 70)[2]


def test_many_wrapped_lines_join_into_one_paragraph_each() -> None:
    # Thousands of lines in one element: each paragraph is built once, not copied per line.
    paragraph = "<br>".join(_wrapped(FIRST, 72))
    html = f"<html><body><div>{'<br><br>'.join([paragraph] * 2000)}</div></body></html>"
    tree = parse(html)
    number_blocks(tree)
    pieces = joined(page_pieces(tree)).pieces
    assert len(pieces) == 2000 and {p.text for p in pieces} == {FIRST}


def test_a_signature_and_a_list_after_wrapped_text_keep_their_lines() -> None:
    # In wrapped text a line joins the next only when the next word would not have fitted
    # on it: a signature's short lines and a list's items stay lines of their own.
    items = [
        "- the piling would go on for two years, six days a week, from seven",
        "- the lorries would use the road past the primary school at all hours",
        "- the new car park would take the last open space on the north quay",
    ]
    reply = "The board will answer each of them in writing."
    signature = ["Yours,", "Margaret Okafor", "Chair, North Harbour Board"]
    lines = [*_wrapped(FIRST, 72), "Residents raised three worries:", *items, reply, *signature]
    texts = [b.text for b in extract(_page("<br>".join(lines), "div")).blocks]
    assert texts[-9:] == [FIRST, "Residents raised three worries:", *items, reply, *signature]


WRAPPED_AT_72 = _wrapped(FIRST, 72)


@pytest.mark.parametrize(
    "lines",
    [
        # A heading over a quotation: the next line opens with a quotation mark.
        ["What the engineers said", "“The old pier has been weakened by the storms,” they wrote."],
        # Arabic has no capitals; its question mark ends a sentence.
        ["هل ستبدأ الأعمال في الربيع؟", "قال المجلس إن القرار سيصدر قبل نهاية الشهر."],
        # Addresses printed for copying.
        ["More information:", "https://harbour.example/plans", "https://harbour.example/ferry"],
    ],
    ids=["quotation", "arabic", "addresses"],
)
def test_lines_after_wrapped_text_that_do_not_go_on_in_lower_case_stay_apart(
    lines: list[str],
) -> None:
    html = _page("<br>".join([*WRAPPED_AT_72, *lines]), "div")
    assert [b.text for b in extract(html).blocks][-len(lines) :] == lines


@pytest.mark.parametrize("start", ["— in her words — ", "J. K. Okafor, who "])
def test_a_dash_or_an_initial_starting_a_line_does_not_cut_the_paragraph(start: str) -> None:
    paragraph = (
        "The chair of the harbour board said that the plan for the terminal was, "
        f"{start}the best the town had seen in forty years, and that the board would "
        "decide before the end of March, after a second public hearing at the hall."
    )
    lines = textwrap.wrap(paragraph, 72)
    assert any(line.startswith(start.strip()[:2]) for line in lines[1:])
    assert [b.text for b in extract(_page("<br>".join(lines), "div")).blocks][-1] == paragraph


def test_a_footer_after_wrapped_text_in_the_same_box_keeps_its_lines() -> None:
    # The footer's lines are judged alone, so they neither join nor stop the article's
    # paragraphs from joining.
    footer = ["posted by the editor", "filed under harbour news", "back to the top of the page"]
    text = "<br>".join(_wrapped(FIRST, 72)) + "<br><br>" + "<br>".join(_wrapped(SECOND, 72))
    html = _page(f"{text}<hr>{'<br>'.join(footer)}", "body")
    texts = [b.text for b in extract(html).blocks]
    assert FIRST in texts and SECOND in texts
    assert texts[-3:] == footer or not any("posted by" in t for t in texts)
