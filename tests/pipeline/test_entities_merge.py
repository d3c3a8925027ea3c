"""One real thing = one entity: short forms join their full name in the article and across
the briefing, whatever the number of articles open."""

from __future__ import annotations

import pytest

from tui.pipeline.entities import find_entities, merge_entities
from tui.pipeline.model import Block, BlockKind, Entity, EntityType, Mention

T = EntityType


def entity(name: str, type_: EntityType, count: int = 1) -> Entity:
    return Entity(name, type_, mentions=[Mention(0, 0, len(name))] * count)


def test_surname_an_article_calls_an_organisation_joins_the_person_in_another():
    briefing = [
        [entity("Donald Trump", T.PERSON, 2)],
        [entity("Trump", T.ORGANIZATION, 5)],
    ]
    [merged] = merge_entities(briefing)
    assert (merged.name, merged.type, merged.counts) == ("Donald Trump", T.PERSON, {0: 2, 1: 5})


@pytest.mark.parametrize("others", [0, 1, 3])
def test_surname_merge_does_not_depend_on_how_many_articles_are_open(others):
    filler = [[entity(f"Town{n}", T.PLACE)] for n in range(others)]
    briefing = [[entity("Trump", T.ORGANIZATION)], *filler, [entity("Donald Trump", T.PERSON)]]
    names = {e.name for e in merge_entities(briefing)}
    assert "Trump" not in names and "Donald Trump" in names


def test_a_full_name_some_articles_mistype_is_one_person_in_the_briefing():
    briefing = [
        [entity("Ingrid Okafor", T.PERSON, 5)],
        [entity("Ingrid Okafor", T.FACILITY, 2)],
        [entity("Ingrid Okafor", T.ORGANIZATION)],
        [entity("Ingrid Okafor", T.PERSON, 3)],
    ]
    [merged] = merge_entities(briefing)
    assert (merged.type, merged.counts) == (T.PERSON, {0: 5, 1: 2, 2: 1, 3: 3})


def test_a_name_of_several_words_takes_the_type_most_of_its_mentions_have():
    briefing = [[entity("Bank of Lisbon", T.ORGANIZATION, 4)], [entity("Bank of Lisbon", T.PLACE)]]
    [merged] = merge_entities(briefing)
    assert (merged.type, merged.count) == (T.ORGANIZATION, 5)


def test_one_word_named_as_two_kinds_of_thing_stays_two():
    briefing = [[entity("Jordan", T.PLACE, 3)], [entity("Jordan", T.PERSON, 2)]]
    assert sorted(e.type.value for e in merge_entities(briefing)) == ["person", "place"]


def test_one_word_typed_two_ways_across_articles_is_one_entity_of_the_type_most_say():
    briefing = [
        [entity("Chirper", T.ORGANIZATION, 4)],
        [entity("Chirper", T.PERSON, 1)],
        [entity("Chirper", T.PERSON, 2)],
        [entity("Chirper", T.ORGANIZATION, 2)],
    ]
    [merged] = merge_entities(briefing)
    assert (merged.type, merged.counts) == (T.ORGANIZATION, {0: 4, 1: 1, 2: 2, 3: 2})


def test_a_country_a_sports_article_calls_a_side_is_one_place_even_on_a_tie():
    briefing = [[entity("Portugal", T.ORGANIZATION, 2)], [entity("Portugal", T.PLACE, 2)]]
    [merged] = merge_entities(briefing)
    assert (merged.type, merged.count) == (T.PLACE, 4)


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("Barcelona", (T.PLACE, T.ORGANIZATION)),  # the city and the club
        ("Apple", (T.PERSON, T.ORGANIZATION)),  # a listed company and someone of its name
        ("Apple", (T.PLACE, T.ORGANIZATION)),
    ],
)
def test_one_word_its_lists_say_names_two_kinds_of_thing_stays_two(name, kinds):
    briefing = [[entity(name, kind, 2)] for kind in kinds]
    assert sorted(e.type.value for e in merge_entities(briefing)) == sorted(k.value for k in kinds)


def test_a_third_kind_does_not_carry_a_person_into_the_country_of_his_name():
    briefing = [
        [entity("Jordan", T.PLACE, 3)],
        [entity("Jordan", T.PERSON, 2)],
        [entity("Jordan", T.ORGANIZATION, 1)],
    ]
    merged = sorted((e.type.value, e.count) for e in merge_entities(briefing))
    assert merged == [("person", 2), ("place", 4)]


def test_an_initial_for_the_given_name_joins_the_one_person_across_articles():
    briefing = [
        [entity("Pieter de Bruin", T.PERSON, 2), entity("Marieke Aalders", T.PERSON)],
        [entity("P. de Bruin", T.PERSON), entity("M. Aalders", T.ORGANIZATION)],
    ]
    merged = {e.name: e for e in merge_entities(briefing)}
    assert set(merged) == {"Pieter de Bruin", "Marieke Aalders"}
    assert merged["Pieter de Bruin"].counts == {0: 2, 1: 1}
    assert merged["Marieke Aalders"].type is T.PERSON


def test_an_initial_two_people_fit_or_a_place_joins_no_one():
    briefing = [
        [entity("Jan Koval", T.PERSON), entity("Julia Koval", T.PERSON)],
        [entity("J. Koval", T.PERSON), entity("S. Marten", T.PLACE)],
        [entity("Stefan Marten", T.PERSON)],
    ]
    assert len(merge_entities(briefing)) == 5


def test_a_two_word_surname_joins_the_full_name_in_another_article():
    briefing = [[entity("Joel Lindqvist Berg", T.PERSON)], [entity("Lindqvist Berg", T.PERSON, 4)]]
    [merged] = merge_entities(briefing)
    assert (merged.name, merged.count) == ("Joel Lindqvist Berg", 5)


@pytest.mark.parametrize("kind", [T.ORGANIZATION, T.OTHER])
def test_a_company_named_at_the_end_of_a_name_called_a_person_stays_apart(kind):
    # "Lena Ortmann's Kestrel Launch" is no person's name (a possessive inside), so
    # "Kestrel Launch" is no tail of one, whatever the model typed either.
    briefing = [
        [entity("Lena Ortmann's Kestrel Launch", T.PERSON)],
        [entity("Kestrel Launch", kind, 3)],
    ]
    assert sorted(e.type.value for e in merge_entities(briefing)) == sorted(["person", kind.value])


def test_given_name_first_joins_the_full_name():
    [merged] = merge_entities([[entity("Xi Jinping", T.PERSON)], [entity("Xi", T.PERSON, 3)]])
    assert merged.count == 4


def test_surname_shared_by_two_people_joins_neither():
    briefing = [
        [entity("Anna Koval", T.PERSON)],
        [entity("Petro Koval", T.PERSON)],
        [entity("Koval", T.PERSON)],
    ]
    assert len(merge_entities(briefing)) == 3


def test_surname_with_weak_place_words_still_joins_the_person_in_the_article():
    from tui.pipeline import nlp

    text = [
        "Lawyers for Thomas Brandt, the founder of the leak site, filed an appeal on Monday.",
        "Prosecutors said Brandt had hidden files. A letter to Brandt from the court arrived "
        "late, and Brandt said he would fight the order.",
    ]
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in text]
    found = find_entities(blocks, nlp.parse_blocks(blocks))
    people = [e for e in found if "Brandt" in e.name]
    assert len(people) == 1
    assert people[0].type is T.PERSON and people[0].count == 4


def test_surname_the_text_calls_a_person_joins_a_full_name_the_model_called_a_body():
    from tui.pipeline.entities.grouping import _join_short_forms
    from tui.pipeline.entities.mentions import Votes, _Group, _Mention

    def group(text: str, type_: EntityType, n: int) -> _Group:
        mentions = [_Mention(0, 0, len(text), text, text, Votes({type_: 1.0})) for _ in range(n)]
        return _Group(text.lower(), mentions, Votes({type_: float(n)}))

    groups = {"mason rudolph": group("Mason Rudolph", T.ORGANIZATION, 1)}
    groups["rudolph"] = group("Rudolph", T.PERSON, 6)
    _join_short_forms(groups)
    assert list(groups) == ["mason rudolph"]
    assert len(groups["mason rudolph"].mentions) == 7


def test_a_lone_name_its_own_article_kept_apart_from_the_person_stays_apart():
    # The article named both "the carmaker Ford" and its chairman Bill Ford, and told them
    # apart: the briefing does not join them again, nor another article's lone "Ford".
    briefing = [
        [entity("Bill Ford", T.PERSON), entity("Ford", T.ORGANIZATION, 2)],
        [entity("Ford", T.ORGANIZATION, 3)],
    ]
    merged = {m.name: m for m in merge_entities(briefing)}
    assert merged["Ford"].type is T.ORGANIZATION and merged["Ford"].counts == {0: 2, 1: 3}
    assert merged["Bill Ford"].counts == {0: 1}
