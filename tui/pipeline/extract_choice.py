"""Which pieces of a page are the article: readability's vote and our own verdicts, merged.

readability-lxml scores the page's boxes and votes for one of them (with some siblings).
It is good at finding the article and poor at its edges: a lede in the box above, a
paragraph it dropped from the middle for its links, a page whose text is spread over
several boxes. Each piece also gets a verdict of its own from the table in
`data/extract_rules.toml` (length, link density, sentence ends; then its neighbours).
The choice keeps readability's pieces, fills the gaps between them with running text,
and extends the run of text above and below while the verdicts say it continues. When
readability finds nothing, the verdicts choose alone.

Pieces of the article's own container that are not kept come back with the reason of
their verdict, so the reader can see them; nothing inside the article is dropped silently.
One judged running text says why it was left out anyway (`[[left_out]]`), never that it
is text.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import lxml.html
from lxml import etree
from readability import Document
from readability.readability import REGEXES, Unparseable

from tui.pipeline import tables
from tui.pipeline.extract_blocks import NUMBER, URL_LIKE, Page, Piece, is_hidden
from tui.pipeline.model import BlockKind

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Verdict:
    id: str
    reason: str
    cls: str
    min_letters: int = 0
    max_letters: int | None = None
    min_link_density: float = 0.0
    max_link_density: float = 1.0
    sentence: bool | None = None
    kinds: frozenset[str] | None = None
    link_only: bool | None = None
    address: bool | None = None

    def holds(self, piece: Piece) -> bool:
        density = piece.link_density
        return (
            piece.letters >= self.min_letters
            and (self.max_letters is None or piece.letters <= self.max_letters)
            and self.min_link_density <= density <= self.max_link_density
            and (self.kinds is None or piece.kind.value in self.kinds)
            and (self.link_only is None or piece.link_only == self.link_only)
            and (self.address is None or bool(URL_LIKE.match(piece.text)) == self.address)
            and (self.sentence is None or piece.sentence == self.sentence)
        )


@dataclass(frozen=True)
class ContextRule:
    id: str
    reason: str
    applies_to: frozenset[str]
    needs: str  # "both": good on both sides; "either": good on at least one
    # Only pieces that are headings or end a sentence.
    headings_or_sentences: bool = False

    def may_apply(self, piece: Piece, cls: str) -> bool:
        if cls not in self.applies_to:
            return False
        return not self.headings_or_sentences or (piece.kind == BlockKind.HEADING or piece.sentence)


@dataclass(frozen=True)
class Rules:
    verdicts: tuple[Verdict, ...]
    context: tuple[ContextRule, ...]
    expand_gap: int
    expand_levels: int
    list_levels: int
    fill_between: bool
    second_look_levels: int
    # Why a piece judged running text was left out anyway, by cause ("apart", "outside").
    left_out: dict[str, LeftOut]


@dataclass(frozen=True)
class LeftOut:
    id: str
    reason: str


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = tables.load("extract_rules.toml")
    verdicts = tuple(
        Verdict(
            id=v["id"],
            reason=v["reason"],
            cls=v["class"],
            min_letters=v.get("min_letters", 0),
            max_letters=v.get("max_letters"),
            min_link_density=v.get("min_link_density", 0.0),
            max_link_density=v.get("max_link_density", 1.0),
            sentence=v.get("sentence"),
            kinds=frozenset(v["kinds"]) if "kinds" in v else None,
            link_only=v.get("link_only"),
            address=v.get("address"),
        )
        for v in raw["verdict"]
    )
    context = tuple(
        ContextRule(
            c["id"],
            c["reason"],
            frozenset(c["applies_to"]),
            c["needs"],
            c.get("headings_or_sentences", False),
        )
        for c in raw.get("context", [])
    )
    choice = raw["choice"]
    return Rules(
        verdicts,
        context,
        int(choice["expand_gap"]),
        int(choice["expand_levels"]),
        int(choice["list_levels"]),
        bool(choice["fill_between"]),
        int(choice["second_look_levels"]),
        {c["cause"]: LeftOut(c["id"], c["reason"]) for c in raw["left_out"]},
    )


def verdict_ids() -> frozenset[str]:
    """The rule ids a left-out piece of the article's container can carry from the choice."""
    table = rules()
    return (
        frozenset(v.id for v in table.verdicts)
        | {c.id for c in table.context}
        | {c.id for c in table.left_out.values()}
    )


# ---------------------------------------------------------------------- readability vote


class _Readability(Document):  # readability ships no types
    """readability-lxml on an already parsed tree, without its whole-page sanitiser, noting
    which numbered block elements its article holds.

    The stock `_parse` runs lxml's Cleaner and rewrites every link to an absolute URL:
    more than half of the extraction time, for nothing the text needs. This keeps the
    parts that change which text is found (hidden elements, scripts, styles, comments).
    """

    chosen: set[int] | None = None
    found_candidate = False
    # Boxes around the whole page read as divs too (`readability_vote`).
    page_boxes: tuple[str, ...] = ()

    def _parse(self, input: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
        # A fresh copy each time: readability retries on the untouched page when its
        # first, ruthless pass finds too little.
        doc = copy.deepcopy(input)
        for el in doc.xpath("//*[@hidden] | //*[@style]"):
            if is_hidden(el) and el.getparent() is not None:
                el.drop_tree()
        etree.strip_elements(
            doc,
            "script",
            "style",
            "link",
            # Never article text, and every element readability does not have to score
            # is time saved (metadata was read from the head before this copy).
            "head",
            "svg",
            "noscript",
            "template",
            "select",
            "button",
            "nav",
            etree.Comment,
            etree.ProcessingInstruction,
            with_tail=False,
        )
        self.encoding = "utf-8"
        self._link_lengths: dict[lxml.html.HtmlElement, int] = {}
        return doc

    def remove_unlikely_candidates(self) -> None:
        # readability's own step; elements without class or id (most) are passed over
        # before any string is built for its regular expressions.
        for elem in self.html.findall(".//*"):
            if elem.get("class") or elem.get("id"):
                _remove_if_unlikely(elem)

    def get_link_density(self, elem: lxml.html.HtmlElement) -> float:
        """readability's link density, each link measured once per pass (the stock one
        measures every link again for each box around it) by the same text measure."""
        links = 0
        for a in elem.findall(".//a"):
            if a not in self._link_lengths:
                self._link_lengths[a] = _text_length(a)
            links += self._link_lengths[a]
        return links / max(_text_length(elem), 1)

    def score_paragraphs(self) -> dict[Any, Any]:
        """readability's scoring, each paragraph's text measured once by the same measure
        (the stock loop cleans every paragraph's text with three substitutions, and the
        cells of a layout table hold each other's text many times over)."""
        candidates: dict[Any, Any] = {}
        ordered = []
        for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
            parent = elem.getparent()
            if parent is None:
                continue
            grand_parent = parent.getparent()
            text = elem.text_content() or ""
            length = _clean_length(text)
            if length < self.min_text_length:
                continue
            for node in (parent, grand_parent):
                if node is not None and node not in candidates:
                    candidates[node] = self.score_node(node)
                    ordered.append(node)
            # Commas as readability counts them: the pieces its text splits into.
            score = 1 + (text.count(",") + 1) + min(length / 100, 3)
            candidates[parent]["content_score"] += score
            if grand_parent is not None:
                candidates[grand_parent]["content_score"] += score / 2.0
        for elem in ordered:
            candidates[elem]["content_score"] *= 1 - self.get_link_density(elem)
        return candidates

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability's own step, with its test "does this div hold block elements?" asked
        of the tree instead of a regular expression over each div's serialised children
        (the same answer, a sixth of readability's time saved)."""
        for elem in self.tags(self.html, "div"):
            if not _holds_blocks(elem, with_self=False):
                elem.tag = "p"
        # HTML5's boxes for an article hold loose text as a div does; readability reads
        # it in a div only, so "<article>text<br>text</article>" had no paragraph to
        # score and the whole article was lost.
        for elem in self.tags(self.html, "div", *_DIV_LIKE, *self.page_boxes):
            _wrap_loose_text(elem)

    def select_best_candidate(self, candidates: dict[Any, Any]) -> dict[str, Any] | None:
        best: dict[str, Any] | None = super().select_best_candidate(candidates)
        self.found_candidate = best is not None
        return best

    def get_clean_html(self) -> str:
        # Called once per pass with the finished article; the last pass is the answer.
        self.chosen = {int(n) for el in self.html.iter() if (n := el.get(NUMBER)) is not None}
        html: str = etree.tostring(self.html, encoding="unicode", method="html")
        return html


# readability's test for a div that is really a paragraph: no descendant whose tag starts
# like these (its regular expression matches "<p" in "<param" too, and so does this).
_DIV_TO_P_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_DIV_LIKE = ("article", "main", "section")
# An old page's <body> and <center> may hold its article as loose lines too; read as a
# div only on a second vote, when the first found no article: a loose footer line would
# otherwise make the body itself a candidate, and readability favours the body.
PAGE_BOXES = ("body", "center")
_INLINE_TAGS = frozenset(
    {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"}
)


def _holds_blocks(el: lxml.html.HtmlElement, with_self: bool) -> bool:
    for node in el.iter() if with_self else el.iterdescendants():
        tag = node.tag
        if isinstance(tag, str) and tag.startswith(_DIV_TO_P_PREFIXES):
            return True
    return False


def _wrap_loose_text(elem: lxml.html.HtmlElement) -> None:
    """readability's second step for a div: loose text and runs of inline children become
    paragraphs of their own; line breaks between them go."""
    paragraph = None
    children = list(elem)
    if elem.text and elem.text.strip():
        paragraph = lxml.html.Element("p")
        paragraph.text, elem.text = elem.text, None
        elem.insert(0, paragraph)
    for child in children:
        if child.tag == "br" or child.tag not in _INLINE_TAGS or _holds_blocks(child, True):
            paragraph = None
            continue
        if paragraph is None:
            paragraph = lxml.html.Element("p")
            child.addprevious(paragraph)
        paragraph.append(child)
    # Next to each child, not at an index: lxml finds an index by walking the children,
    # and a body of 20,000 loose lines took seconds.
    for child in list(elem):
        if child.tail and child.tail.strip():
            p = lxml.html.Element("p")
            p.text, child.tail = child.tail, None
            child.addnext(p)
        if child.tag == "br":
            child.drop_tree()


# readability measures text by the length of its `clean(text)`: every run of whitespace
# that holds a newline, or is 255 characters or longer, becomes one character; in other
# runs each tab becomes a space and each stretch of two or more spaces and tabs that
# starts with a space becomes one; the ends are stripped. Split and join gives the same
# length wherever a run is one character in the end, so only the other runs (tabs or
# other odd spaces inside a line, shorter than 255) are counted one by one.
_ODD_SPACE = re.compile(r"[^\S \n]")  # whitespace other than space and newline
_RUN = re.compile(r"\s+")
_SPACES_AND_TABS = re.compile(r"[ \t]+")
# The run length from which readability makes any whitespace one space.
_LONG_RUN = 255


def _text_length(el: lxml.html.HtmlElement) -> int:
    return _clean_length(el.text_content() or "")


def _clean_length(text: str) -> int:
    """The length of readability's `clean(text)`, computed without its substitutions."""
    length = len(" ".join(text.split()))
    if _ODD_SPACE.search(text) is None:
        return length
    for line in text.split("\n"):
        # Whitespace at a line's ends belongs to a run holding a newline (or the text's
        # end): one character, or none, either way.
        inner = line.strip()
        if _ODD_SPACE.search(inner) is None:
            continue
        for run in _RUN.findall(inner):
            if run.strip(" ") and len(run) < _LONG_RUN:
                length += _run_length(run) - 1
    return length


def _run_length(run: str) -> int:
    """What readability's `clean` leaves of a run of whitespace without a newline."""
    stretches = _SPACES_AND_TABS.findall(run)
    kept = len(run) - sum(len(s) for s in stretches)  # no-break and other odd spaces
    for stretch in stretches:
        after_tabs = stretch.lstrip("\t")
        kept += len(stretch) - len(after_tabs) + (1 if after_tabs else 0)
    return kept


def _remove_if_unlikely(elem: lxml.html.HtmlElement) -> None:
    """readability's test for a box that is unlikely to be the article, and its removal."""
    names = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
    if (
        REGEXES["unlikelyCandidatesRe"].search(names)
        and not REGEXES["okMaybeItsACandidateRe"].search(names)
        and elem.tag not in ("html", "body")
        and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
        and not elem.xpath(
            "descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"
        )
    ):
        elem.drop_tree()


def readability_vote(tree: lxml.html.HtmlElement, page_boxes: bool = False) -> set[int]:
    """The numbers of the block elements readability keeps as the article; empty when it
    finds no article-like box (it then falls back to the whole page, which is no vote).
    With `page_boxes`, loose text straight in <body> or <center> is read as paragraphs."""
    reader = _Readability(tree)
    if page_boxes:
        reader.page_boxes = PAGE_BOXES
    try:
        reader.summary(html_partial=True)
    except (Unparseable, AssertionError, ValueError, TypeError, RecursionError, etree.LxmlError):
        # readability gives up on some layouts (framesets, pages without a body) by raising
        # whatever its internals hit; the verdicts still judge the page.
        return set()
    if not reader.found_candidate or reader.chosen is None:
        return set()
    return reader.chosen


# ------------------------------------------------------------------------------ choosing


@dataclass
class Choice:
    kept: list[bool]
    # Pieces of the article's container that are not kept: index -> (rule id, reason).
    listed: dict[int, tuple[str, str]] = field(default_factory=dict)
    container: int = -1  # number of the block element holding all kept pieces


def _verdicts(pieces: list[Piece], table: Rules) -> list[Verdict]:
    fallback = table.verdicts[-1]
    return [next((v for v in table.verdicts if v.holds(p)), fallback) for p in pieces]


def _neighbours(classes: list[str]) -> tuple[list[str | None], list[str | None]]:
    """For each piece, the class of the nearest good-or-bad piece before and after it."""
    before: list[str | None] = []
    last: str | None = None
    for c in classes:
        before.append(last)
        if c in (GOOD, BAD):
            last = c
    after: list[str | None] = [None] * len(classes)
    last = None
    for i in range(len(classes) - 1, -1, -1):
        after[i] = last
        if classes[i] in (GOOD, BAD):
            last = classes[i]
    return before, after


def classify(pieces: list[Piece], table: Rules) -> tuple[list[str], list[tuple[str, str]]]:
    """Each piece's class after its neighbours had their say, and the rule that set it."""
    verdicts = _verdicts(pieces, table)
    classes = [v.cls for v in verdicts]
    why = [(v.id, v.reason) for v in verdicts]
    for rule in table.context:
        before, after = _neighbours(classes)
        updated = list(classes)
        for i, c in enumerate(classes):
            if not rule.may_apply(pieces[i], c):
                continue
            sides = (before[i] == GOOD, after[i] == GOOD)
            if all(sides) if rule.needs == "both" else any(sides):
                updated[i] = GOOD
                why[i] = (rule.id, rule.reason)
        classes = updated
    return classes, why


def _expand(keep: set[int], reach: _Reach, start: int, step: int) -> None:
    """Add good pieces from `start` outwards while no more than `expand_gap` others
    intervene, never leaving the part of the page around the chosen text (`near`). With
    `insets`, an inset right beside the text (`_past_inset`) counts as one piece that is
    not good, whatever it holds: the lede in its own box above it still joins the text."""
    classes, i, missed = reach.addable, start, 0
    while 0 <= i < len(classes) and missed <= reach.gap and reach.near[i]:
        if classes[i] == GOOD:
            keep.add(i)
            missed = 0
            i += step
            continue
        beyond = _past_inset(reach, i, step) if reach.insets and missed == 0 else None
        if beyond is not None:
            missed, i = 1, beyond
            continue
        if classes[i] == BAD:
            break
        missed += 1
        i += step


@dataclass
class _Reach:
    """What the expansion around readability's choice walks over."""

    page: Page
    addable: list[str]
    near: list[bool]
    anchor: int  # the block element holding readability's chosen pieces
    gap: int
    insets: bool  # whether an inset beside the text is stepped over
    # Pieces whose own verdict calls them running text (not their neighbours).
    running: list[bool] = field(default_factory=list)


def _past_inset(reach: _Reach, i: int, step: int) -> int | None:
    """Where the walk goes on past the inset that piece `i` opens, or None.

    An inset is a box beside the chosen text holding each of its lines in a box of its own
    and nothing good (a picture with its caption, a follow-us box). It is stepped over only
    when a paragraph of running text lies right past it: a lede set above it, not the header
    with the headline, the date and the share buttons of a page."""
    inset = _inset(reach.page, reach.page.pieces[i].owner, reach.anchor)
    span = _span(reach.page, i, step, inset) if inset != -1 else []
    if not span or any(reach.addable[j] == GOOD for j in span):
        return None
    beyond = span[-1] + step
    if 0 <= beyond < len(reach.running) and reach.running[beyond] and reach.near[beyond]:
        return beyond
    return None


def _inset(page: Page, owner: int, anchor: int) -> int:
    """The box beside the chosen text that holds the block element `owner` inside a box
    of its own (a picture, a follow-us box): -1 when `owner` is itself a line of the
    column the text is in, or holds the text, or when the two meet only in the page's
    body (the site's header and a cookie notice are no inset of the article)."""
    side = _beside(page, owner, anchor)
    if side in (-1, owner) or page.tags.get(page.parents.get(side, -1)) in ("body", "html"):
        return -1
    return side


def _beside(page: Page, owner: int, anchor: int) -> int:
    """The outermost box holding `owner` but not `anchor` (-1 when `owner` holds it)."""
    common = page.around([owner, anchor])
    if common in (owner, -1):
        return -1
    box = owner
    while (parent := page.parents.get(box, -1)) not in (common, -1):
        box = parent
    return box


def _span(page: Page, start: int, step: int, box: int) -> list[int]:
    """The pieces from `start` onwards (by `step`) that box `box` holds."""
    span, i = [], start
    while 0 <= i < len(page.pieces) and page.holds(box, page.pieces[i].owner):
        span.append(i)
        i += step
    return span


def _best_run(classes: list[str], pieces: list[Piece], gap: int) -> set[int]:
    """Without a vote: the run of good pieces (gaps of at most `gap`) with most letters."""
    best: set[int] = set()
    best_letters = 0
    run: set[int] = set()
    letters = missed = 0
    for i, c in enumerate(classes):
        if c == GOOD:
            run.add(i)
            letters += pieces[i].letters
            missed = 0
        elif c == BAD or missed >= gap:
            run, letters, missed = set(), 0, 0
        else:
            missed += 1
        if letters > best_letters:
            best, best_letters = set(run), letters
    return best


def choose(page: Page, voted: set[int]) -> Choice:
    table = rules()
    pieces = page.pieces
    classes, why = classify(pieces, table)
    chosen = [i for i, p in enumerate(pieces) if p.owner in voted]
    anchor = page.around([pieces[i].owner for i in chosen])
    # What our verdicts may add: never a box the markup rules mark (comments, a share bar,
    # a caption box). Those are cut only from inside readability's own choice, and only
    # when they are not most of it (the article wearing an unlucky class name). A marked
    # box around readability's choice is that article's own wrapper, and bars nothing.
    barred = [_barred(page, p, anchor) for p in pieces]
    addable = [BAD if b else c for b, c in zip(barred, classes, strict=True)]
    wrapper, above = -1, [False] * len(pieces)  # where the text was looked for above it
    if chosen:
        keep = set(chosen)
        lo, hi = chosen[0], chosen[-1]
        if table.fill_between:
            keep.update(i for i in range(lo, hi) if addable[i] == GOOD)
        gap = table.expand_gap
        # Above the text (the lede, the standfirst) the wrapper is counted in boxes that
        # add text and a box with nothing good in it is stepped over; below it, where a
        # bio, a footer or teasers follow, in plain levels, and any bad line ends the text.
        wrapper = page.widen(anchor, table.expand_levels)
        above = _inside(page, wrapper)
        running = [a == GOOD and why[i][0] in _running_ids(table) for i, a in enumerate(addable)]
        _expand(keep, _Reach(page, addable, above, anchor, gap, True, running), lo - 1, -1)
        below = _inside(page, page.up(anchor, table.expand_levels))
        _expand(keep, _Reach(page, addable, below, anchor, gap, False), hi + 1, 1)
    else:
        keep = _best_run(addable, pieces, table.expand_gap)
    kept = [i in keep for i in range(len(pieces))]
    container = page.around([pieces[i].owner for i in keep])
    choice = Choice(kept, container=container)
    if keep:
        first, last = min(keep), max(keep)
        listed = [i for i in range(first, last + 1) if not kept[i]]
        listed += _container_edges(page, container, table.list_levels, first, last)
        # Running text above the article, in the wrapper it was looked for in, that was not
        # reached is listed too: nothing judged article-like there goes silently.
        # (Not when that wrapper is the page's body, which holds the site's chrome too.)
        if wrapper != -1 and page.tags.get(wrapper) not in ("body", "html", ""):
            listed += [i for i in range(first) if above[i] and classes[i] == GOOD]
        for i in sorted(set(listed)):
            choice.listed[i] = _left_out(page, i, classes[i], why[i], barred[i], above)
    return choice


def _running_ids(table: Rules) -> frozenset[str]:
    """The verdicts that call a piece running text on its own."""
    return frozenset(v.id for v in table.verdicts if v.cls == GOOD)


def _barred(page: Page, piece: Piece, anchor: int) -> bool:
    """Whether a markup rule bars the piece from being added to the chosen text."""
    if piece.mark is None:
        return False
    mark = page.marks[piece.mark]
    return not (anchor != -1 and mark.is_block and page.holds(mark.element, anchor))


def _left_out(
    page: Page, i: int, cls: str, why: tuple[str, str], barred: bool, above: list[bool]
) -> tuple[str, str]:
    """The rule and reason a reader sees for a piece of the article's box left out of it.

    A piece judged running text says why it was left out anyway, never that it is text."""
    if cls != GOOD:
        return why
    piece = page.pieces[i]
    if barred and piece.mark is not None:
        mark = page.marks[piece.mark]
        return mark.rule, mark.reason
    outside = rules().left_out["apart" if above[i] or not any(above) else "outside"]
    return outside.id, outside.reason


def _inside(page: Page, number: int) -> list[bool]:
    """For each piece, whether the block element `number` holds it."""
    return [page.holds(number, piece.owner) for piece in page.pieces]


def _container_edges(page: Page, container: int, levels: int, first: int, last: int) -> list[int]:
    """Pieces of the article's box below its last kept piece (a closing line, tags), and
    of the box `levels` around it above its first (a headline, byline or standfirst sits
    just outside the body's own box; a sidebar comes after it). Not the page's body,
    which holds the site's chrome too."""
    edges = []
    for box, zone in (
        (page.widen(container, levels), range(first)),
        (container, range(last + 1, len(page.pieces))),
    ):
        if container == -1 or page.tags.get(box) in ("body", "html", ""):
            continue
        edges += [i for i in zone if page.holds(box, page.pieces[i].owner)]
    return edges
