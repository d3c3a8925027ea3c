"""Recognition: the mentions of an article's names, from spaCy's spans and from the names it
left untagged, each with its votes for a type."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.pipeline.entities.cues import _cues, _result_context, _score_after, called_a_body
from tui.pipeline.entities.gazetteer import _demonym, gazetteer_weight, is_given_name
from tui.pipeline.entities.joins import Name, names
from tui.pipeline.entities.keys import occurrences
from tui.pipeline.entities.mentions import Votes, _Mention, _namey, _shouting
from tui.pipeline.entities.ruler import table_id
from tui.pipeline.entities.vocab import (
    AFTER_EXCHANGE,
    BAD_CHARS,
    BYLINE,
    BYLINE_MAX_WORDS,
    CONTACT_VERBS,
    CREDIT,
    CREDIT_NAME,
    CUE,
    DATELINE,
    DATELINE_PLACE,
    DAY_MONTH_WORDS,
    EQUIPMENT_HEADS,
    EVENT_NAME_WORDS,
    FACILITY_NAME_WORDS,
    LABELS,
    LEADING_JUNK,
    LINK_HEADS,
    LONE_PERSON_WEIGHT,
    MEDIA_HEADS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_IN_NAMES,
    ORG_HEADS,
    ORG_NAME_WORDS,
    PERSON_ERA_NOUNS,
    PERSON_TITLES,
    PHOTO_CREDIT,
    PLACE_HEADS,
    PLACE_NAME_WORDS,
    PLACE_SUFFIXES,
    PORTFOLIOS,
    POSSESSIVE,
    RULER_LABELS,
    SCORE,
    SPEECH_VERBS,
    STRONG_CUE,
    TICKER,
    TIME_ZONES,
    UNKNOWN_LABEL_WEIGHT,
    T,
)  # fmt: skip
from tui.pipeline.model import EntityType
from tui.pipeline.nlp import sentence_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def _trim(span: Span) -> tuple[int, int, Votes] | None:
    """Token bounds of the name inside a span, and the cue any word cut from it gives."""
    doc = span.doc
    i, j = span.start, span.end
    cues = Votes()
    # "UK Home Secretary X": the portfolio before a title is the title's, not the name's.
    title_after = j < len(doc) and doc[j].lower_ in PERSON_TITLES
    if j - i > 1 and title_after and doc[j - 1].lower_ in PORTFOLIOS:
        j -= 1
    # A bracket the name does not close ends it: "Llansantffraid (Wales" is a name and the
    # start of its country's bracket.
    for k in range(i + 1, j):
        if doc[k].text == "(" and not any(t.text == ")" for t in doc[k:j]):
            j = k
            break

    def strip_edges() -> None:
        nonlocal i, j
        while i < j and (
            doc[i].is_punct
            or doc[i].is_quote
            or (doc[i].lower_ in LEADING_JUNK and (doc[i].is_lower or doc[i].is_sent_start))
            or (doc[i].is_lower and doc[i].is_stop)
        ):
            i += 1
        # A small lowercase word is never the end of a name ("Thibaut Courtois to"), nor
        # is an adverb ("Von der Leyen later flew").
        while j > i and (
            doc[j - 1].is_punct
            or doc[j - 1].lower_ in POSSESSIVE
            or (doc[j - 1].is_lower and (doc[j - 1].is_stop or doc[j - 1].tag_ == "RB"))
        ):
            j -= 1

    strip_edges()
    if span.label_ == "PERSON":
        # A hashtag is one word: in "#Browns Greedy Williams" the tag is the team's and the
        # name after it the player's. (A company's tag, "#Acme Inc.", is its name.)
        if j - i > 1 and _a_tag_mark_before(doc, i):
            i += 1
        # Nor does it open on a word in lower case, unless a particle ("de Gaulle"): in
        # "Dempsey picked up the phone and rang Taylor" spaCy took the verb for a name. (Only
        # before a name's words: a list's "a.", a time ("10am-2pm Sun") or a line of code is
        # no person's name with a word before it.)
        if (
            j - i in (2, 3, 4)
            and doc[i].is_lower
            and doc[i].is_alpha
            and doc[i].lower_ not in NAME_PARTICLES
            and all(t.is_title and t.is_alpha for t in doc[i + 1 : j])
        ):
            i += 1
        # "Follow Stephen on Twitter", "Call Raul Garcia": the verb a line opens on is
        # what to do to the person, not their given name. (Before a given name only: an
        # "Email Address" field is no person called Address.)
        if (
            j - i > 1
            and doc[i].lower_ in CONTACT_VERBS
            and (doc[i].is_sent_start or doc[i - 1].is_punct)
            and is_given_name(doc[i + 1].text)
        ):
            i += 1
        # Nor a count and what it counts: "Mekhi Robinson 1 goal" in a results box. (Not
        # in other names: "Fortune 500 companies".)
        k = j
        while k > i + 2 and doc[k - 1].is_lower and doc[k - 1].is_alpha:
            k -= 1
        if k < j and doc[k - 1].is_digit:
            j = k - 1
            strip_edges()
        # A person's name holds no numbers: "8 - Nathalie Tauziat", "J. Russell 63" are a
        # seed and a score read into the name.
        while i < j and (doc[i].like_num or doc[i].text in DASHES):
            i += 1
        while j > i and (doc[j - 1].like_num or doc[j - 1].text in DASHES):
            j -= 1  # "Nicolas Jarry 6-4": the set's score, dash and all
    # "Rangers 2-0": a score the model read into a team's name.
    if j - i >= 4 and doc[j - 1].like_num and doc[j - 2].text in {"-", "–"} and doc[j - 3].like_num:
        j -= 3
    elif j - i >= 2 and SCORE.fullmatch(doc[j - 1].text):
        j -= 1
    # A lowercase tail that ends in a kind noun is context, not name: "Sudzha city",
    # "Storm Shadow cruise missiles".
    k = j
    while k > i and not _namey(doc[k - 1]):
        k -= 1
    # "Xinhua news agency"; but "Defence ministry" is a body's whole name.
    kind = _kind_in(doc[k:j], body=not (k - i == 1 and doc[i].lower_ in PORTFOLIOS))
    if i < k < j and kind is not None:
        cues[kind] += CUE
        j = k
        strip_edges()
    # So is a lowercase kind noun before it: "the union Aslef", "the port city Odesa".
    k = i
    while k < j and doc[k].is_lower:
        k += 1
    kind = _kind_in(doc[i:k], body=True)
    if i < k < j and kind is not None:
        cues[kind] += CUE
        i = k
    if j - i > 1 and doc[j - 1].lower_ in PLACE_SUFFIXES:
        cues[T.PLACE] += CUE
        j -= 1
        strip_edges()
    if i >= j:
        return None
    return i, j, cues


def _kind_in(words: Span, body: bool) -> T | None:
    """The kind of thing a run of lowercase words around a name calls it, if any ("city",
    "cruise missiles", "bridge", and when `body`, "union", "news agency")."""
    said = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    for heads, kind in _KIND_HEADS:
        if said & heads and (body or kind is not T.ORGANIZATION):
            return kind
    return None


_KIND_HEADS = (
    (PLACE_HEADS, T.PLACE),
    (EQUIPMENT_HEADS, T.EQUIPMENT),
    (LINK_HEADS, T.FACILITY),
    (ORG_HEADS, T.ORGANIZATION),
)


# A quarter or half of a year as results write it: "Q3", "Q4 2019", "H1'20".
_PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12])(?:\s*'?\d{2}|\s+\d{4})?")


def _market_code(name: Span) -> bool:
    """Is the name a ticker ("SHEL.L", or "XOM" in "(NYSE: XOM)")? Codes are no entities."""
    if TICKER.fullmatch(name.text):
        return True
    # The words just before it, as text (the whole doc's text is rebuilt on every read).
    before = name.doc[max(0, name.start - 4) : name.start].text
    return bool(AFTER_EXCHANGE.search(before)) and name.text.isupper()


def _mention_from_span(block: int, span: Span, base: Votes) -> _Mention | None:
    trimmed = _trim(span)
    if trimmed is None:
        return None
    i, j, cues = trimmed
    doc = span.doc
    # spaCy sometimes cuts a name at a capitalised small word: "[Doctors Without] Borders".
    while i > 0:
        prev = doc[i - 1]
        if prev.is_title and prev.is_stop and i > 1 and doc[i - 2].is_title:
            if doc[i - 2].is_stop:
                break
            i -= 2
        elif doc[i].is_title and doc[i].is_stop and prev.is_title:
            i -= 1
        else:
            break
    name = doc[i:j]
    text = name.text
    if (
        not any(c.isalpha() for c in text)
        or not any(c.isupper() for c in text)
        or len(text) < 2
        or len(name) > 12
        or BAD_CHARS.search(text)
        or _market_code(name)
        # A unit ("kW", "mAh") opens small; a brand that does ("iPhone", "eBay") is longer.
        or (text[0].islower() and len(text) <= MAX_UNIT_LENGTH)
    ):
        return None
    # Dates and clocks that leak into names: "Thu 11", "BST", a quarter's code ("Q3").
    first = name[0].lower_.rstrip(".")
    if (
        (first in DAY_MONTH_WORDS and any(c.isdigit() for c in text))
        or (len(name) == 1 and text in TIME_ZONES)
        or _PERIOD_CODE.fullmatch(text)
    ):
        return None
    # Names hold no finite verbs or pronouns: "The Senate Passed Its Package" is a headline
    # in title case, not an organisation.
    if any(t.tag_ in NOT_IN_NAMES and t.lower_ not in NAME_PARTICLES for t in name):
        return None  # (the model reads "dos" of "Vinicius dos Santos" as a verb)
    # A lone adjective or common noun ("Eastern members", "Defence minister X") is a
    # description, not a name, unless spaCy or our table calls it a nationality or group.
    if (
        len(name) == 1
        and name[0].tag_ in {"JJ", "NN", "NNS"}
        and (name[0].is_title or name[0].is_lower)
        and not _demonym(name.text)
        and span.label_ not in {"NORP", *RULER_LABELS}
        and not _score_after(name)
    ):
        return None
    votes = Votes(base)
    votes.add(cues)
    context, strong = _cues(name)
    votes.add(context)
    return _Mention(
        block=block,
        start=name.start_char,
        end=name.end_char,
        text=text,
        sentence=sentence_text(name),
        votes=votes,
        pattern_id=(span.ent_id_ or table_id(span)) if span.label_ in RULER_LABELS else "",
        ruler_type=LABELS[span.label_][0] if span.label_ in RULER_LABELS else None,
        strong=strong,
        place_cue=context[T.PLACE] + cues[T.PLACE],
        called_a_body=called_a_body(name),
        opens_sentence=bool(name[0].is_sent_start),
        after_the=_after_the(name),
    )


def _after_the(name: Span) -> bool:
    """Does "the" stand just before the name, as before a team, a band or "the Pentagon"?
    Not when it is "the" of a noun after the name that says a person's time, people or
    doings: "the Obama administration", "the Bush 41 presidency", "the Romney plan", "the
    Nixon and Clinton impeachments" name a person."""
    doc = name.doc
    if name.start == 0 or doc[name.start - 1].lower_ != "the":
        return False
    return not (_told_apart_by_a_clause(name) or _a_persons_thing_after(name))


def _a_persons_thing_after(name: Span) -> bool:
    doc = name.doc
    after = name.end
    while after < len(doc) and (doc[after].like_num or doc[after].text == "-"):
        after += 1  # "the Bush 41 presidency", "the Bush-era"
    if after < len(doc) and doc[after].lower_ in PERSON_ERA_NOUNS:
        return True
    modifier = name[-1]
    while modifier.dep_ == "conj" and modifier.head.i < modifier.i:
        modifier = modifier.head
    noun = modifier.head
    return (
        modifier.dep_ in ("compound", "nmod", "amod")
        and noun.i >= name.end
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() in PERSON_ERA_NOUNS
    )


def _told_apart_by_a_clause(name: Span) -> bool:
    """'The Jesus they worshipped', 'the Charlotte that had come': a clause right after the
    name (no comma) picks one of its kind, and "the" is that clause's, which a person's name
    takes too."""
    doc = name.doc
    return (
        name.end < len(doc)
        and doc[name.end].text != ","
        and any(
            t.dep_ == "relcl" and t.head.i == name.end - 1 for t in doc[name.end : name.end + 8]
        )
    )


_QUOTED_NAME = re.compile(r"[“\"]([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})[,.]?[”\"]")


def _quoted_outlet_mentions(block: int, doc: Doc, text: str) -> list[_Mention]:
    """A quoted name right after a media noun ("the outlet “Quiet Harbour”") is the outlet,
    whether or not spaCy tagged it."""
    found = []
    for match in _QUOTED_NAME.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or span.start == 0 or any(t.ent_type_ for t in span):
            continue
        before = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
        if not before or before[-1].lemma_.lower() not in MEDIA_HEADS:
            continue
        votes = Votes({T.ORGANIZATION: CUE})
        found.append(_Mention.of(span, block, votes))
    return found


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+(?![\w'’])")


DASHES = frozenset({"-", "–", "—"})
MAX_UNIT_LENGTH = 3  # "kW", "mAh": the longest unit symbol that opens in lower case


def _part(ent: Span, start: int, end: int, labelled: bool = True) -> Span:
    """Tokens start..end of an entity's doc as a span with the entity's label (or none)."""
    from spacy.tokens import Span

    return Span(ent.doc, start, end, label=ent.label if labelled else 0)


def _role_inside(ent: Span) -> int | None:
    """The token of a title or a position code inside a person's span, before the name
    proper: "Browns DL Sheldon Richardson", "EU Commissioner Franz Fischler". A suffix
    alone is no name proper: the "King" of "Martin Luther King Jr." is his surname."""
    doc = ent.doc
    for k in range(ent.start, ent.end - 1):
        word = doc[k].text
        title = word[:1].isupper() and word.lower() in PERSON_TITLES
        code = word.isupper() and word.isalpha() and 2 <= len(word) <= 3 and k > ent.start
        after = doc[k + 1 : ent.end]
        if (
            (title or code)
            and all(t.text[:1].isupper() for t in after)
            and any(t.lower_ not in NAME_SUFFIXES for t in after)
        ):
            return k
    return None


# Words that end the name of a thing ("Club", "Church", "Bay", "Cup").
KIND_NAME_WORDS = ORG_NAME_WORDS | FACILITY_NAME_WORDS | PLACE_NAME_WORDS | EVENT_NAME_WORDS


def _owned_inside(ent: Span) -> int | None:
    """The possessive inside a person's or a body's span, between the owner's name and a
    capitalised name after it ("Jeff Bezos’s Blue Origin", "George’s UL", "The Verge’s
    Stadia"): a person's name has none, nor a body's but a shop's or a place's.
    The names of shops and places do, after one word ("Sam’s Club", "St. Mary’s Church"),
    and keep it: they end on a kind word."""
    doc = ent.doc
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].lower_ in POSSESSIVE and doc[k + 1].text[:1].isupper():
            named_thing = doc[ent.end - 1].lower_.strip(".") in KIND_NAME_WORDS
            return None if named_thing and k - ent.start == 1 else k
    return None


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _an_owner_named_alone(ent: Span, owner: Span, article: str) -> bool:
    """A body's name holds a possessive of its own more often than a person's does: "the
    Cambodian People's Party", "Royal Liverpool Children's Hospital", "Teachers' Society",
    "Founder’s Edition", "Moody's Investors Service". Only an owner the article writes
    alone, without the possessive (NASA, Apple, the FDA), owns what follows, and never a
    class of people (a plural, "s'")."""
    if owner[-1].tag_ in ("NNS", "NNPS") or ent.doc[owner.end].text in ("'", "’"):
        return False
    # Alone is without its possessive too: a body named so ("Moody's said") owns nothing.
    alone = sum(
        1
        for _, end in occurrences(owner.text, article)
        if not _POSSESSIVE_AFTER.match(article, end)
    )
    return alone > 0


def _two_names_at_a_comma(ent: Span, k: int) -> bool:
    """ "CBS All Access, Disney": a comma between two capitalised names parts them, unless
    what follows is a short tail of the name ("WeWork, Inc.", "Washington, D.C.")."""
    doc = ent.doc
    right = doc[k + 1 : ent.end]
    short_tail = len(right) == 1 and len(right.text.rstrip(".")) <= 4
    return doc[k - 1].text[:1].isupper() and right.text[:1].isupper() and not short_tail


def _score_between_sides(doc: Doc, k: int) -> bool:
    """Is token k a score between two capitalised names in a line of results (more
    numbers than small words: "Bahia 2 Atletico Paranaense 0")?"""
    token = doc[k]
    if not (token.text.isdigit() and len(token.text) <= 3):
        return False
    if not (doc[k - 1].text[:1].isupper() and doc[k + 1].text[:1].isupper()):
        return False
    line = token.sent
    numbers = sum(t.like_num for t in line)
    return numbers >= 2 and sum(t.is_lower and t.is_alpha for t in line) <= numbers


# How results lines write "defeated" between the two sides (in lower case: "Leon D.
# Epstein" is one name).
_DEFEATED = frozenset({"d.", "def."})


def _coordinated_parts(ent: Span, article: str) -> list[Span]:
    """A span the model drew over two names as its two names: after a title or position
    inside a person's span, at a comma, across a spaced dash, between the scores of a
    result, or at "and" ("Seat and Porsche") when the article writes either alone
    elsewhere; a name with "and" inside that the article never splits ("Bosnia and
    Herzegovina") stays whole."""
    if ent.label_ in RULER_LABELS:
        return [ent]
    doc = ent.doc
    if ent.label_ == "PERSON":
        role = _role_inside(ent)
        if role is not None:
            before = [_part(ent, ent.start, role, labelled=False)] if role > ent.start else []
            return [*before, _part(ent, role + 1, ent.end)]
    owned = _owned_inside(ent) if ent.label_ in ("PERSON", "ORG") else None
    if owned is not None:
        # "Jeff Bezos’s Blue Origin", "NASA’s Office of the Inspector General": what the
        # owner owns is a name of its own, which the model's label says nothing of; nor does
        # a body's label say what its owner is (the designer of "Urquiola’s Last Minute
        # Stool" is a person), which the owner's own mentions tell.
        owner = _part(ent, ent.start, owned, labelled=ent.label_ == "PERSON")
        thing = _part(ent, owned + 1, ent.end, labelled=False)
        if _named_apart(ent, (owner, thing), article) and (
            ent.label_ == "PERSON" or _an_owner_named_alone(ent, owner, article)
        ):
            return [owner, thing]
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].text == "," and _two_names_at_a_comma(ent, k):
            return [_part(ent, ent.start, k), _part(ent, k + 1, ent.end)]
        if _score_between_sides(doc, k):
            # "Bahia 2 Atletico Paranaense": two sides of a result, read as one name.
            return [_part(ent, ent.start, k), _part(ent, k + 1, ent.end)]
        if doc[k].text in _DEFEATED and doc[k - 1].text[:1].isupper():
            # "Palm Bay d. Rockledge": a result's two sides, which the model's label for
            # the whole (a person, often) says nothing of.
            return [
                _part(ent, ent.start, k, labelled=False),
                _part(ent, k + 1, ent.end, labelled=False),
            ]
        if doc[k].text in DASHES and doc[k].whitespace_ and doc[k - 1].whitespace_:
            # A dash between spaces is no part of a name: "Gloria Bistrita - Ilie Lazar".
            parts = (_part(ent, ent.start, k), _part(ent, k + 1, ent.end))
            return [p for p in parts if p.text[:1].isupper()]
    for k in range(ent.start + 1, ent.end - 1):
        token = ent.doc[k]
        if token.lower_ not in {"and", "&"} or (not token.is_lower and token.text != "&"):
            continue
        left, right = _part(ent, ent.start, k), _part(ent, k + 1, ent.end)
        if not (left[0].text[:1].isupper() and right[0].text[:1].isupper()):
            return [ent]
        return [left, right] if _named_apart(ent, (left, right), article) else [ent]
    return [ent]


def _named_apart(ent: Span, parts: tuple[Span, Span], article: str) -> bool:
    """Does the article write either part of a span alone, more often than the whole?
    ("Seat" beside "Seat and Porsche"; "Blue Origin" beside "Jeff Bezos’s Blue Origin".)
    One it never writes apart is one name: "Bosnia and Herzegovina", "The Innovator’s
    Dilemma"."""
    whole = sum(1 for _ in occurrences(ent.text, article))
    return any(sum(1 for _ in occurrences(p.text, article)) > whole for p in parts)


def lower_case_words(texts: Sequence[str]) -> set[str]:
    """Words the article writes in lower case somewhere."""
    return {w for text in texts for w in _LOWER_WORD.findall(text)}


# A word written in lower case in the running text: not a piece of an address ("sarah"
# of "sarah@example.org", "mannheim" of "mannheim.de/rules"). Stricter than `_LOWER_WORD`,
# for a rule that reads every word of a name as a common word.
_PROSE_WORD = re.compile(r"(?<![\w'’@./])[a-z]+(?![\w'’@/]|\.[a-z])")


def prose_words(texts: Sequence[str]) -> set[str]:
    """The words the article writes in lower case in its sentences."""
    return {w for text in texts for w in _PROSE_WORD.findall(text)}


def _spacy_mentions(docs: Sequence[Doc], texts: Sequence[str]) -> list[_Mention]:
    """Every mention in the article's blocks; `texts` are the blocks' texts (each doc's
    text, which spaCy rebuilds from its tokens on every read)."""
    # Words the article also writes in lower case are common words when capitalised at
    # the start of a sentence ("Union leader X said" beside "the union said").
    lower_words = lower_case_words(texts)
    article = "\n".join(texts)
    found = []
    for b, doc in enumerate(docs):
        in_block = _untagged_mentions(b, doc, lower_words)
        in_block.extend(_quoted_outlet_mentions(b, doc, texts[b]))
        in_block.extend(_institution_mentions(b, doc))
        for name in names(doc):
            joined = _joined_mention(b, name) if name.joined else None
            if joined is not None:
                # A name found untagged inside the joined one ("Leyen") is part of it.
                in_block = [m for m in in_block if m.end <= joined.start or joined.end <= m.start]
                in_block.append(joined)
                continue
            for ent in name.parts:
                in_block.extend(_ent_mentions(b, ent, article))
        found.extend(_apply_bylines(b, doc, texts[b], in_block))
    return found


def _ent_mentions(block: int, ent: Span, article: str) -> list[_Mention]:
    """The mentions one of spaCy's spans makes (more than one when it covers two names)."""
    if ent.label_ not in RULER_LABELS and _shouting(ent):
        return []
    type_, weight = _label_vote(ent)
    found = []
    for part in _coordinated_parts(ent, article):
        # A part cut off a person's name keeps no PERSON vote ("Browns" of "Browns DL
        # Sheldon Richardson"); the other parts keep the span's.
        base = Votes({type_: weight}) if part.label_ == ent.label_ else Votes()
        if type_ is T.PERSON and _a_tag_mark_before(part.doc, part.start):
            # "#SundaySupper", "#CookForJulia": a tag names a topic or an event; a person
            # the page names is written apart.
            base = Votes({T.OTHER: weight})
        mention = _mention_from_span(block, part, base)
        if mention is not None:
            found.append(mention)
    return found


def _a_tag_mark_before(doc: Doc, i: int) -> bool:
    """Does a "#" stand glued before token i (a hashtag's word)?"""
    return i > 0 and doc[i - 1].text == "#" and not doc[i - 1].whitespace_


def _label_vote(ent: Span) -> tuple[EntityType, float]:
    """The type spaCy's label votes for, and how much the vote weighs."""
    type_, weight = LABELS.get(ent.label_, (T.OTHER, UNKNOWN_LABEL_WEIGHT))
    if ent.label_ == "PERSON" and len(ent) == 1:
        weight = LONE_PERSON_WEIGHT
    return type_, weight


def _joined_mention(block: int, name: Name) -> _Mention | None:
    """The mention of one name the model split (`joins`), or None when the whole is no
    name (its parts are then read alone). It votes with every part's label and takes the
    heaviest part's label (a ruler's, when one matched) for the rules that read a label."""
    from spacy.tokens import Span

    base = Votes()
    for part in name.parts:
        type_, weight = _label_vote(part)
        base[type_] += weight
    label = max(name.parts, key=lambda p: _label_vote(p)[1]).label
    span = Span(name.parts[0].doc, name.start, name.end, label=label)
    if _shouting(span):
        return None
    return _mention_from_span(block, span, base)


def _byline_spans(text: str) -> list[tuple[int, int, EntityType, bool]]:
    """Names whose kind the story's furniture states, and whether they are furniture only:
    the place of a dateline in capitals ("BEIJING 1996-08-22": a place the story names),
    the agency in a wire dateline ("BRUSSELS, March 3 (Meridian) -") and the people in a
    credit line, photo credit or byline ("Reporting by Anna Berg; Editing by Ian Hale")."""
    spans = []
    place = DATELINE_PLACE.match(text)
    # Before a bare dash the capitals may be a topic ("SOCCER - ..."): the gazetteer must
    # know them as a place.
    if place and (
        not text[place.end() :].lstrip().startswith(("-", "–", "—"))
        or gazetteer_weight(place.group("place")) > 0
    ):
        spans.append((place.start("place"), place.end("place"), T.PLACE, False))
        region = place.group("region")
        if region and region.casefold().rstrip(".") not in DAY_MONTH_WORDS:
            spans.append((place.start("region"), place.end("region"), T.PLACE, False))
    match = DATELINE.match(text)
    if match:
        spans.append((match.start("agency"), match.end("agency"), T.ORGANIZATION, True))
    credits = [*CREDIT.finditer(text), *PHOTO_CREDIT.finditer(text)]
    if len(text.split()) <= BYLINE_MAX_WORDS:
        credits.extend(BYLINE.finditer(text))
    for credit in credits:
        for name in CREDIT_NAME.finditer(text, credit.start("names"), credit.end("names")):
            spans.append((name.start(), name.end(), T.PERSON, True))
    return spans


def _apply_bylines(block: int, doc: Doc, text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Mentions of a block with dateline places and agencies and credited people settled:
    a strong vote for the stated kind, whatever the model or the gazetteer make of the
    name; agencies and credited people are marked as furniture (counted as evidence, never
    listed as mentions)."""
    spans = _byline_spans(text)
    if not spans:
        return mentions
    for start, end, type_, furniture in spans:
        same = [m for m in mentions if (m.start, m.end) == (start, end)]
        mentions = [m for m in mentions if m in same or m.end <= start or end <= m.start]
        if not same:
            span = doc.char_span(start, end, alignment_mode="contract")
            mention = None if span is None else _mention_from_span(block, span, Votes())
            if mention is None or (mention.start, mention.end) != (start, end):
                continue
            mentions.append(mention)
            same = [mention]
        for m in same:
            m.strong = type_
            m.votes[type_] += STRONG_CUE
            m.furniture = furniture
    return mentions


# "AfD", "TenneT", "TransnetBW"; not units such as "kW" or "mAh".
_ODD_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")


def _untagged_mentions(block: int, doc: Doc, lower_words: set[str]) -> list[_Mention]:
    """Lone words spaCy left untagged that are names all the same: towns the gazetteer
    knows ("Toretsk fell."), nationalities ("Ukrainian troops ..."), names in mixed
    case ("AfD", "TenneT") and teams in a result ("Celtic beat ... 3-1"). The small model
    misses unfamiliar names in short sentences."""
    found = []
    strings = doc.vocab.strings
    wanted = {strings[tag] for tag in ("NNP", "NNPS", "JJ", "CD")}
    # Tags and entity types read as numbers for the whole text at once: a Token object for
    # every word costs more than the rest of this function.
    rows = doc.to_array(["TAG", "ENT_TYPE"]).tolist()
    candidates = [k for k, (tag, ent) in enumerate(rows) if tag in wanted and not ent]
    for token in (doc[k] for k in candidates):
        if token.is_stop or len(token.text) < 3 or token.is_punct:
            continue
        neighbours = [doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc)]
        if any(n.tag_ in {"NNP", "NNPS"} and not n.is_punct for n in neighbours):
            continue  # part of a longer name spaCy chose not to tag
        votes = Votes()
        span = doc[token.i : token.i + 1]
        if token.tag_ in {"NNP", "NNPS", "JJ"} and _demonym(token.text):
            votes[T.GROUP] += 1.0
        elif (
            token.tag_ == "NNP"
            and token.is_title
            # A town's name the article also writes as a word ("1 Green, 1 Red" beside
            # "green onions"; "Save" beside "save"): the word, which spaCy left untagged.
            and token.lower_ not in lower_words
            and gazetteer_weight(token.text) >= 1.5
        ):
            votes[T.PLACE] += 0.5  # the gazetteer's own vote comes once per entity, later
        elif token.tag_ in {"NNP", "NNPS", "CD"} and _ODD_CASE.fullmatch(token.text):
            votes[T.ORGANIZATION] += 0.5
        elif token.tag_ != "CD" and (
            (token.is_title and _result_context(span))
            or ((token.is_title or token.is_upper) and _score_after(span))
        ):
            pass  # the strong cue below carries the vote
        else:
            continue
        if _shouting(span):
            continue
        context, strong = _cues(span)
        votes.add(context)
        found.append(
            _Mention(
                block=block,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                sentence=sentence_text(span),
                votes=votes,
                strong=strong,
            )
        )
    return found


def _institution_mentions(block: int, doc: Doc) -> list[_Mention]:
    """An untagged capitalised name after "the" that says something is a body: "the
    General Staff said", "the Pentagon confirmed" (people are not "the X")."""
    found = []
    strings = doc.vocab.strings
    subjects = {strings["nsubj"], strings["nsubjpass"]}
    proper = {strings["NNP"], strings["NNPS"]}
    # Read dependency and tag as numbers for the whole text at once: building a Token for
    # every word costs more than the rest of this function.
    for k, (dep, tag) in enumerate(doc.to_array(["DEP", "TAG"]).tolist()):
        if dep not in subjects or tag not in proper:
            continue
        token = doc[k]
        if not token.is_title or token.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        i = token.i
        while i > 0 and doc[i - 1].tag_ in {"NNP", "NNPS"} and doc[i - 1].is_title:
            i -= 1
        if i == 0 or doc[i - 1].lower_ != "the":
            continue
        span = doc[i : token.i + 1]
        if any(t.ent_type_ for t in span) or _shouting(span):
            continue
        context, strong = _cues(span)
        votes = Votes({T.ORGANIZATION: CUE})
        votes.add(context)
        found.append(_Mention.of(span, block, votes, strong))
    return found
