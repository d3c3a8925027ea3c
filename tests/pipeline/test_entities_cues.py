"""Each named context cue, on its own: the words around a name and the type they say."""

from __future__ import annotations

import pytest

from tui.pipeline.entities.cues import CONTEXT_CUES, STRONG_CUES, _anchor, _word_before
from tui.pipeline.model import EntityType

T = EntityType

# (cue, sentence, the name in it, the type the cue must vote for)
CONTEXT_CASES = [
    ("kind-noun-after", "Shelling hit the Sudzha district overnight.", "Sudzha", T.PLACE),
    ("sport-role-after", "Celtic striker Tom Hale scored twice.", "Celtic", T.ORGANIZATION),
    ("played-for", "He scored for Dundee on Saturday.", "Dundee", T.ORGANIZATION),
    ("kind-noun-of", "Troops entered the city of Pokrovsk.", "Pokrovsk", T.PLACE),
    ("locative", "Fighting continued near Toretsk.", "Toretsk", T.PLACE),
    ("the-name-after-a-preposition", "Barges sailed along the Danube.", "Danube", T.PLACE),
    ("appositive", "Maria Keller, a spokesperson, declined to comment.", "Maria Keller", T.PERSON),
    ("apposition-of", "The outlet, Meridian Daily, said so.", "Meridian Daily", T.ORGANIZATION),
]


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman, Oleh Nikolenko, said the talks failed.",
        # The parser hangs the name on the place: it is still the mayor's.
        "The mayor of Kharkiv, Ihor Terekhov, said the city had been shelled.",
    ],
)
def test_a_name_in_apposition_to_a_persons_role_is_a_person(nlp, text):
    from tui.pipeline.entities import find_entities
    from tui.pipeline.model import Block, BlockKind

    found = {e.name: e.type for e in find_entities([Block(BlockKind.PARAGRAPH, text)])}
    name = text.split(", ")[1]
    assert found.get(name) == T.PERSON, found


@pytest.fixture(scope="module")
def nlp():
    from tui.pipeline import nlp as shared

    return shared.load()


def span_of(doc, name):
    start = doc.text.index(name)
    return doc.char_span(start, start + len(name))


def test_every_cue_has_a_case():
    assert {c[0] for c in CONTEXT_CASES} <= {cue.name for cue in CONTEXT_CUES}


@pytest.mark.parametrize(("cue_name", "text", "name", "type_"), CONTEXT_CASES)
def test_context_cue_votes_for_its_type(nlp, cue_name, text, name, type_):
    cue = next(c for c in CONTEXT_CUES if c.name == cue_name)
    span = span_of(nlp(text), name)
    assert type_ in {t for t, _ in cue.read(span, _anchor(span))}


def test_locative_cue_leans_as_far_as_its_preposition(nlp):
    cue = next(c for c in CONTEXT_CUES if c.name == "locative")
    near = span_of(nlp("Fighting continued near Toretsk."), "Toretsk")
    to = span_of(nlp("She sent a letter to Toretsk."), "Toretsk")
    assert cue.read(near, _anchor(near))[0][1] > cue.read(to, _anchor(to))[0][1]


@pytest.mark.parametrize(
    ("cue_name", "text", "name"),
    [
        ("title-before", "President Halyna Stepko spoke.", "Halyna Stepko"),
        ("vessel-before", "Boarding the tanker Eagle Rock took hours.", "Eagle Rock"),
    ],
)
def test_strong_cue_settles_the_type(nlp, cue_name, text, name):
    cue = next(c for c in STRONG_CUES if c.name == cue_name)
    span = span_of(nlp(text), name)
    assert cue.test(span, _word_before(span))


def _reference_conjuncts(token):
    """The other items of a token's list as read straight off the parse, every time."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    items = [first]
    for item in items:
        if len(items) > 6:
            break
        items.extend([c for c in item.children if c.dep_ == "conj"][:6])
    return [t.i for t in items if t.i != token.i]


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft, Meta, Amazon and Apple reported results on Thursday.",
        "Talks in Kyiv, Warsaw and Vilnius ended without a deal.",
        "Ministers from " + ", ".join(f"Land{i}" for i in range(40)) + " and Norland met.",
    ],
)
def test_the_partners_of_a_list_item_are_the_others_read_once_per_list(nlp, text):
    # Read once per list and kept with the Doc (a list of thousands is not read again for
    # each of its items): the same items as read off the parse each time, never the token
    # itself, never more than a handful or two.
    from tui.pipeline.entities.cues import _conjuncts

    doc = nlp(text)
    for token in doc:
        partners = [t.i for t in _conjuncts(token)]
        assert partners == _reference_conjuncts(token)
        assert token.i not in partners and len(partners) <= 12


def test_a_list_hung_on_its_first_item_is_read_a_handful_at_a_time_once():
    # The parser can hang every item of a long list on the first: each item asking for
    # its partners read all of them, so a list of thousands cost time quadratic in its
    # length. Hand-built: "Alpha, Item1, Item2, ... Item29 met."
    from tests.pipeline.token_trees import tree
    from tui.pipeline.entities.cues import _conjuncts

    specs = [("Alpha", "NNP", "nsubj", "PROPN", 31)]
    specs += [(f"Item{i}", "NNP", "conj", "PROPN", 0) for i in range(1, 31)]
    specs += [("met", "VBD", "ROOT", "VERB", None)]
    toks = tree(*specs)
    asked = [[t.i for t in _conjuncts(tok)] for tok in toks[:31]]
    assert asked[0] == [1, 2, 3, 4, 5, 6]
    assert asked[3] == [0, 1, 2, 4, 5, 6]
    assert asked[20] == [0, 1, 2, 3, 4, 5, 6]
    assert len(toks[0].doc.user_data["briefing.list_items"]) == 1


def test_a_later_item_of_a_list_hears_the_first_items_kind(nlp):
    # The partners were read from the list's first item, which leaves itself out: a later
    # item never heard the first one's kind.
    from tui.pipeline.entities.cues import _list_partners

    doc = nlp("Microsoft and Olaf Scholz spoke.")
    first, later = span_of(doc, "Microsoft"), span_of(doc, "Olaf Scholz")
    doc[first.start].ent_type_ = "ORG"
    assert (T.ORGANIZATION, 1.0) in _list_partners(later, _anchor(later))
