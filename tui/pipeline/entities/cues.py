"""Context cues: what the words around a name say it is, read off the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from tui.pipeline.entities.gazetteer import gazetteer_weight
from tui.pipeline.entities.mentions import Votes
from tui.pipeline.entities.vocab import (
    BODY_ROLES,
    BODY_ROLES_AFTER,
    CUE,
    EQUIPMENT_HEADS,
    FACILITY_NAME_WORDS,
    LABELS,
    LINE_KINDS,
    LINK_HEADS,
    LOCATIVE,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_NAME_WORDS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_HEADS,
    RESULT_VERBS,
    SCORE,
    SPEECH_VERBS,
    SPORT_ROLES,
    STRETCH_PREPOSITIONS,
    STRONG_CUE,
    TEAM_VERBS,
    VESSEL_NOUNS,
    T,
)  # fmt: skip
from tui.pipeline.model import EntityType
from tui.pipeline.nlp import span_root

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _anchor(span: Span) -> Token:
    """The token a name hangs from: its root, or for a conjunct ("Donetsk and Zaporizhzhia
    regions") the first item of the list, which shares its partner's head noun."""
    return _first_of_its_list(span_root(span))


# Where a Doc keeps, for each conjunct walked from, the first item of its list.
_FIRST_ITEMS_KEY = "briefing.first_items"


def _first_of_its_list(tok: Token) -> Token:
    """The first item of the list `tok` is a conjunct in (itself when it is none), each
    conjunct on the way remembered: in a list of thousands of names, each hanging on the
    one before, the chain is walked once, not once for each name."""
    known: dict[int, int] = tok.doc.user_data.setdefault(_FIRST_ITEMS_KEY, {})
    path: list[int] = []
    for _ in range(len(tok.doc)):  # (a parse is a tree; the bound guards a broken one)
        if tok.i in known or tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        path.append(tok.i)
        tok = tok.head
    if not path and tok.i not in known:
        return tok  # the very token asked about: no list
    first = known.get(tok.i, tok.i)
    known.update(dict.fromkeys(path, first))
    return tok.doc[first]


Reading = list[tuple[EntityType, float]]  # (type, share of the cue's weight) per vote


def _kind_noun_after(span: Span, anchor: Token) -> Reading:
    """ "Sudzha city", "Storm Shadow systems", "the Estlink 2 cable": the noun the name
    modifies. Only a proper noun borrows its head's kind: "Russian drones" are not a
    Russian drone."""
    head = anchor.head
    if anchor.dep_ not in {"compound", "nmod", "nn"} or anchor.pos_ != "PROPN":
        return []
    if head.i < span.end:
        return []
    # "the Nuseirat refugee camp": climb the chain of nouns to the last one.
    for _ in range(3):
        if head.dep_ != "compound" or head.head is head:
            break
        head = head.head
    lemma = head.lemma_.lower()
    if lemma in PLACE_HEADS or head.lower_ in PLACE_HEADS:
        return [(T.PLACE, 1.0)]
    if lemma in EQUIPMENT_HEADS:
        return [(T.EQUIPMENT, 1.0)]
    if head.lower_ in LINK_HEADS:
        return [(T.FACILITY, 1.0)]
    return []


# How many words before and after a name the pronoun cue reads (a sentence averages 25).
PRONOUN_REACH = 40


def _his_or_hers_after(span: Span, anchor: Token) -> Reading:
    """ "Once Trump released the transcript of his call", "the longer Trump survives, the
    more likely he'll": a name that is a clause's subject or owner, and the first name or
    pronoun after it in its sentence is "he", "his", "she" or "her", is a person's (no
    other name between, which the pronoun could be). spaCy calls many a lone surname an
    organisation."""
    if (
        anchor.dep_ not in {"nsubj", "nsubjpass", "poss"}
        or span[-1].tag_ in {"NNS", "NNPS"}  # "Catholics rose to her defence": one person
        or span.text.isupper()  # a dateline ("SYDNEY 1996-08-25") or a headline
        or (span.start > 0 and span.doc[span.start - 1].lower_ == "the")  # "the Spaniard"
    ):
        return []
    doc, sent = span.doc, span.sent
    # Within its sentence, and a clause or two of it: each name reads a bounded stretch,
    # so a sentence of a thousand names costs what a thousand sentences do.
    before = doc[max(sent.start, span.start - PRONOUN_REACH) : span.start]
    if any(_a_person_word(t) for t in before):
        return []  # "The President said he made decisions that would make America ...": his
    for token in doc[span.end : min(sent.end, span.end + PRONOUN_REACH)]:
        if token.pos_ == "PROPN" or (token.pos_ == "PRON" and token.lower_ in {"it", "its"}):
            return []
        if _a_person_word(token) and token.pos_ == "PRON":
            # "America is on the right track, he said": the speaker. "Congress gave him
            # the authority": "him" or "her", object of the name's own verb, is someone
            # else ("Hilton wears hers" is her own).
            speaks = token.dep_ == "nsubj" and token.head.lemma_ in SPEECH_VERBS
            objects = token.dep_ in {"dobj", "dative", "iobj"} and token.lower_ in {"him", "her"}
            other = objects and token.head == anchor.head
            return [] if speaks or other else [(T.PERSON, 1.0)]
    return []


def _a_person_word(token: Token) -> bool:
    """ "he", "her", ... in running text ("His Majesty" is a title), or a person's name."""
    return (token.lower_ in PERSON_PRONOUNS and token.is_lower) or token.ent_type_ == "PERSON"


def _sport_role_after(span: Span, anchor: Token) -> Reading:
    """ "Celtic striker X", "Arsenal's manager": a team. (A proper noun or an adjective:
    the model reads many team names as adjectives.)"""
    if (
        anchor.dep_ in {"compound", "nmod", "poss", "amod"}
        and anchor.head.i >= span.end
        and anchor.head.lower_ in SPORT_ROLES
    ):
        return [(T.ORGANIZATION, 1.0)]
    return []


def _played_for(span: Span, anchor: Token) -> Reading:
    """ "scored for X", "played against X": a team."""
    head = anchor.head
    if (
        anchor.dep_ == "pobj"
        and head.lower_ in {"for", "against"}
        and head.head.lemma_.lower() in TEAM_VERBS
    ):
        return [(T.ORGANIZATION, 1.0)]
    return []


def _kind_noun_of(span: Span, anchor: Token) -> Reading:
    """ "the city of X", "the region of X"."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_HEADS:
        return [(T.PLACE, 1.0)]
    return []


def _locative(span: Span, anchor: Token) -> Reading:
    """ "near X", "toward X": a place, as far as the preposition leans (see the lexicon)."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return [(T.PLACE, LOCATIVE[head.lower_])]
    return []


def _the_name_after_a_preposition(span: Span, anchor: Token) -> Reading:
    """ "along the Danube", "over the Alps": a one-word name after "the" is no person, and
    after a preposition of place it is a river, a sea, mountains or a region."""
    doc = span.doc
    if len(span) != 1 or span.start == 0 or doc[span.start - 1].lower_ != "the":
        return []
    if anchor.dep_ == "pobj" and anchor.head.lower_ in STRETCH_PREPOSITIONS:
        return [(T.PLACE, 1.0)]
    return []


def _list_partners(span: Span, anchor: Token) -> Reading:
    """ "Microsoft, Meta and Amazon": items of one list are mostly of one kind."""
    return [
        (LABELS[other.ent_type_][0], 1.0)
        for other in _conjuncts(span_root(span))
        if other.ent_type_ in LABELS and not (span.start <= other.i < span.end)
    ]


def _apposition_of(span: Span, anchor: Token) -> Reading:
    """ "the news site X": the name is in apposition to a body's noun; "a spokesman, X",
    "the mayor of Kharkiv, X": to a person's role (the parser may hang the name on the
    place the role is of)."""
    if anchor.dep_ != "appos":
        return []
    head = anchor.head
    if head.lemma_.lower() in ORG_HEADS:
        return [(T.ORGANIZATION, 1.0)]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.i < anchor.i:
        head = head.head.head
    if head.lemma_.lower() in PERSON_ROLES:
        return [(T.PERSON, 1.0)]
    return []


def _appositive_kind(child: Token) -> EntityType | None:
    lemma = child.lemma_.lower()
    if lemma in PLACE_HEADS:
        return T.PLACE
    if lemma in ORG_HEADS:
        return T.ORGANIZATION
    if lemma in PERSON_ROLES:
        return T.PERSON
    if lemma in VESSEL_NOUNS:
        return T.EQUIPMENT  # "Eagle Rock, a Cook Islands-flagged tanker"
    if lemma in LINK_HEADS or (
        lemma == "line" and any(c.lower_ in LINE_KINDS for c in child.children)
    ):
        return T.FACILITY  # "SuedLink, a 700-kilometre power line"
    return None


def _appositive(span: Span, anchor: Token) -> Reading:
    """ "Toretsk, a mining town"; "Maksym Dovhal, a spokesperson"; "X, an independent
    outlet": what the apposition after the name says it is."""
    kinds = (_appositive_kind(c) for c in anchor.children if c.dep_ == "appos")
    return [(kind, 1.0) for kind in kinds if kind is not None]


def _body_noun_before(span: Span, anchor: Token) -> Reading:
    """A body's noun just before the name ("outlet “X”", "the carmaker Ford"); titles are
    strong cues, below."""
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not (t.is_punct or t.is_quote)]
    if before:
        last = before[-1]
        if (
            last.lemma_.lower() in ORG_HEADS
            and last.pos_ == "NOUN"
            and last.lower_ not in PERSON_TITLES
        ):
            return [(T.ORGANIZATION, 1.0)]
    return []


def called_a_body(span: Span) -> bool:
    """Whether the words right around the name say it is a body: "the carmaker Ford", "the
    founder of Dell" (not a list it stands in, nor the model's label)."""
    return bool(
        _body_noun_before(span, span_root(span)) or _role_in_a_body_of(span, span_root(span))
    )


def _role_in_a_body_of(span: Span, anchor: Token) -> Reading:
    """ "The founder of Dell", "employees of Ford": the name is the body the role is in."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in BODY_ROLES:
        return [(T.ORGANIZATION, 1.0)]
    return []


def _body_role_after(span: Span, anchor: Token) -> Reading:
    """ "Alibaba shareholders", "T-Mobile CEO John Legere", "Ford employees": the name
    that qualifies a role only a body has is the body (`[entity_body_roles_after]`). Only
    a name set before the role without "'s": "Biden's chairman" may be his campaign's."""
    head = anchor.head
    role = (head.lower_ in BODY_ROLES_AFTER and head.is_lower) or head.text == "CEO"
    if anchor.dep_ in {"compound", "nmod", "nn"} and head.i >= span.end and role:
        return [(T.ORGANIZATION, 1.0)]
    return []


@dataclass(frozen=True)
class ContextCue:
    """A context that leans a name toward a type: `read` gives (type, share) votes, each
    worth `weight` times its share."""

    name: str
    weight: float
    read: Callable[[Span, Token], Reading]


# The cues in the order they vote (the order does not change the sums, only the reading).
CONTEXT_CUES: tuple[ContextCue, ...] = (
    ContextCue("kind-noun-after", CUE, _kind_noun_after),
    ContextCue("sport-role-after", CUE, _sport_role_after),
    ContextCue("played-for", CUE, _played_for),
    ContextCue("kind-noun-of", CUE, _kind_noun_of),
    # A light vote: people and firms follow some of these prepositions too.
    ContextCue("locative", 1.0, _locative),
    ContextCue("the-name-after-a-preposition", CUE, _the_name_after_a_preposition),
    # Half a model vote per list partner: a list can mix kinds.
    ContextCue("list-partners", 0.5, _list_partners),
    ContextCue("apposition-of", CUE, _apposition_of),
    ContextCue("appositive", CUE, _appositive),
    ContextCue("body-noun-before", CUE, _body_noun_before),
    ContextCue("role-in-a-body-of", CUE, _role_in_a_body_of),
    ContextCue("body-role-after", CUE, _body_role_after),
    ContextCue("his-or-hers-after", CUE, _his_or_hers_after),
)


def _context_cues(span: Span) -> Votes:
    """Votes from the words around a name, read off the dependency parse."""
    votes = Votes()
    anchor = _anchor(span)
    for cue in CONTEXT_CUES:
        for type_, share in cue.read(span, anchor):
            votes[type_] += cue.weight * share
    return votes


def _word_before(span: Span) -> list[Token]:
    """The word just before a name, quotes skipped, as its hyphenated parts
    ("Commander-in-chief" -> Commander, in, chief)."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and doc[k].is_quote:
        k -= 1
    if k < 0 or doc[k].is_punct:
        return []
    parts = [doc[k]]
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ + doc[k - 1].whitespace_:
        k -= 2
        parts.insert(0, doc[k])
    return parts


def _title_before(span: Span, parts: list[Token]) -> bool:
    """ "President X", "Commander-in-chief X"."""
    words = {t.lower_ for t in parts} | {t.lemma_.lower() for t in parts}
    return bool(words & PERSON_TITLES)


def _linked(span: Span, word: Token) -> bool:
    """Is the noun before the name the name's own ("the tanker X": compound or
    apposition), not the subject of a clause ("the ships Russia sent")?"""
    return span.start <= word.head.i < span.end or span_root(span).head.i == word.i


def _role_before_full_name(span: Span, parts: list[Token]) -> bool:
    """ "striker Tom Hale", "army chief Oleksandr Syrskyi": a role before a full name."""
    last = parts[-1]
    name_words = [t for t in span if not t.is_punct]
    return (
        _linked(span, last)
        and last.lemma_.lower() in PERSON_ROLES
        and last.pos_ == "NOUN"
        and len(name_words) >= 2
        and all(t.is_title or t.lower_ in NAME_PARTICLES for t in name_words)
        and not any(t.lower_ in ORG_NAME_WORDS | FACILITY_NAME_WORDS for t in name_words)
    )


def _vessel_before(span: Span, parts: list[Token]) -> bool:
    """ "the tanker Eagle Rock"."""
    last = parts[-1]
    return _linked(span, last) and last.is_lower and last.lemma_.lower() in VESSEL_NOUNS


@dataclass(frozen=True)
class StrongCue:
    """A context that settles what a name is, whatever the name looks like: `test` reads
    the name and the word before it (as its hyphenated parts)."""

    name: str
    type: EntityType
    test: Callable[[Span, list[Token]], bool]


def _region_code_after_a_town(span: Span) -> bool:
    """ "Mountain View, CA", "West Palm Beach, FL": two capitals after a town and a comma
    are its state's or province's code (not the initials of a name the text spells out,
    nor the body spaCy often calls them). Three are as often a body's ("London, SEU
    (2000)" in a list of sources), and a list goes on after one ("Pro Bowl, AFC and")."""
    doc, code = span.doc, span.text
    if len(span) != 1 or not (code.isalpha() and code.isupper() and len(code) == 2):
        return False
    if span.end < len(doc) and doc[span.end].lower_ in {"and", "or", "&"}:
        return False
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    town = doc[span.start - 2]
    in_place = town.ent_type_ in {"GPE", "LOC"} or gazetteer_weight(town.text) > 0
    return town.is_title and in_place


# Tried in order; the first that holds settles the type.
STRONG_CUES: tuple[StrongCue, ...] = (
    StrongCue("title-before", T.PERSON, _title_before),
    StrongCue("role-before-full-name", T.PERSON, _role_before_full_name),
    StrongCue("vessel-before", T.EQUIPMENT, _vessel_before),
)


def _strong_cue(span: Span) -> EntityType | None:
    """A context that settles what the name is, whatever the name looks like."""
    if _region_code_after_a_town(span):
        return T.PLACE  # after a comma, where no word before it is read
    parts = _word_before(span)
    if parts:
        for cue in STRONG_CUES:
            if cue.test(span, parts):
                return cue.type
    if _result_context(span) or _score_after(span):
        return T.ORGANIZATION  # "Celtic beat Rangers 3-1", "Hamburg 1 Schalke 2"
    return None


# A score as results tables write it: goals or runs ("2", "305"), runs for wickets ("236-4").
_TABLE_SCORE = re.compile(r"\d{1,3}(?:-\d{1,2})?")


def _result_context(span: Span) -> bool:
    """Is the name a side in a match result ("Celtic beat Rangers 3-1", "lost 1-0 to X")?"""
    anchor = _anchor(span)
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.lower_ in {"to", "against", "with"}:
        verb = verb.head  # "lost 2-1 to Rangers", "drew 1-1 with Hearts"
    elif anchor.dep_ not in {"nsubj", "dobj", "npadvmod", "nsubjpass"}:
        return False
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RESULT_VERBS:
        return False
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "beat back", "beat off": no match result
    # The score sits next to the verb or the name, and counts nothing: "beat X 3-1 on
    # Sunday", not "lost 2-3 brigades".
    doc = span.doc
    for start in (verb.i + 1, span.end):
        end = _score_end(doc, start) or _score_end(doc, start + 1)
        if end and (end >= len(doc) or doc[end].pos_ not in {"NOUN", "PROPN", "NUM"}):
            # Sets ("beat X 6-4, 7-6 (5)") are a match between players, not teams.
            return not _sets_from(doc, end)
    return False


def _sets_from(doc: Doc, end: int) -> bool:
    """Does another set's score or a tiebreak's follow a score ending at token `end`?"""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].like_num:
        return doc[end + 2].text == ")"  # "7-6 (5)"
    return end < len(doc) and doc[end].text == "," and bool(_score_end(doc, end + 1))


def _score_end(doc: Doc, i: int) -> int:
    """The index after a score ("3-1", or "3", "-", "1") starting at token i, else 0."""
    if i >= len(doc):
        return 0
    if SCORE.fullmatch(doc[i].text):
        return i + 1
    if (
        i + 2 < len(doc)
        and doc[i].text.isdigit()
        and len(doc[i].text) <= 2
        and doc[i + 1].text in {"-", "–"}
        and doc[i + 2].text.isdigit()
        and len(doc[i + 2].text) <= 2
    ):
        return i + 3
    return 0


def _score_after(span: Span) -> bool:
    """A side in a table of results: "Hamburg 1 Schalke 2", "Yorkshire 305-5", "NEW YORK
    72 54". The name is one word or a place's name (players in results tables have two
    names: "Tim Henman (Britain) 6-4", "D. Cox 95"), a score follows it, and its line holds
    more numbers than small words."""
    doc = span.doc
    if span.end >= len(doc) or not _TABLE_SCORE.fullmatch(doc[span.end].text):
        return False
    if any(t.is_lower for t in span) or (len(span) > 1 and not gazetteer_weight(span.text)):
        return False
    line = span.sent
    numbers = sum(t.like_num for t in line)
    small_words = sum(t.is_lower and t.is_alpha for t in line)
    return numbers >= 2 and small_words <= numbers


def _cues(span: Span) -> tuple[Votes, EntityType | None]:
    """Context votes for a name, and the type a strong context settles, if any."""
    votes = _context_cues(span)
    strong = _strong_cue(span)
    if strong is not None:
        votes[strong] += STRONG_CUE
    return votes, strong


_HANDFUL = 6
# Where a Doc keeps, for the first item of each list, the handful of items read from it.
_LIST_ITEMS_KEY = "briefing.list_items"


def _conjuncts(token: Token) -> list[Token]:
    """The other items of the list a token is in, up to a handful (or two)."""
    first = _first_of_its_list(token)
    lists: dict[int, list[int]] = token.doc.user_data.setdefault(_LIST_ITEMS_KEY, {})
    if first.i not in lists:
        lists[first.i] = [t.i for t in _list_items(first)]
    return [token.doc[i] for i in lists[first.i] if i != token.i]


def _list_items(first: Token) -> list[Token]:
    # Read once per list: the parser may hang thousands of items, or of other words, on
    # one token, and every item of the list asks.
    items = [first]
    for item in items:
        if len(items) > _HANDFUL:
            break
        items.extend(islice((c for c in item.children if c.dep_ == "conj"), _HANDFUL))
    return items
