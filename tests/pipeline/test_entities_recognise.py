"""Recognition: where a name starts and ends, and what the page's layout says it is."""

from __future__ import annotations

import pytest

from tui.pipeline.entities import find_entities
from tui.pipeline.model import Block, BlockKind, Entity, EntityType

T = EntityType


@pytest.fixture(scope="module")
def nlp():
    from tui.pipeline import nlp as shared

    return shared.load()


def run(nlp, *paragraphs: str) -> dict[str, Entity]:
    blocks = [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
    return {e.name: e for e in find_entities(blocks, [nlp(b.text) for b in blocks])}


def test_dateline_in_capitals_names_a_place(nlp):
    found = run(nlp, "GLASGOW 2024-03-02", "The council met on Friday to approve the budget.")
    assert found["GLASGOW"].type is T.PLACE


def test_topic_slug_in_capitals_is_no_dateline(nlp):
    found = run(nlp, "ROWING - Crews from eleven clubs raced on the river on Sunday.")
    assert "ROWING" not in found


def test_two_names_joined_by_and_split_when_the_article_names_one_alone(nlp):
    found = run(
        nlp,
        "Only Seat and Porsche had fewer registrations in May than a year before.",
        "Seat blamed a shortage of parts.",
    )
    assert "Seat and Porsche" not in found
    assert found["Seat"].count == 2


def test_a_country_with_and_in_its_name_stays_whole(nlp):
    found = run(nlp, "Bosnia and Herzegovina joined the talks in Sarajevo on Monday.")
    assert "Bosnia and Herzegovina" in found


def test_a_spaced_dash_separates_a_team_from_its_scorer(nlp):
    found = run(nlp, "Gloria Bistrita - Ilie Lazar (32nd), Eugen Voica (84th)")
    assert not any(" - " in name for name in found)


def test_a_persons_name_holds_no_seed_or_score(nlp):
    found = run(nlp, "4 - Kimiko Date (Japan) beat Yone Kamio (Japan) 6-2 7-5")
    assert not any(c.isdigit() for name in found for c in name)


def test_a_count_and_what_it_counts_are_no_part_of_the_name_before_them(nlp):
    # A results box: spaCy reads "R. Kowalczyk 1 goal" as one person's name.
    found = run(nlp, "Eastfield (4-0): R. Kowalczyk 1 goal. T. Lindgren 1 goal. M. Okafor 1 goal.")
    assert {"R. Kowalczyk", "T. Lindgren", "M. Okafor"} <= set(found)
    assert not any(name.endswith("goal") for name in found)


def test_the_two_sides_of_a_result_with_d_between_them_are_two_names(nlp):
    # spaCy reads "Palm Bay d. Rockledge" as one person; "d." is "defeated".
    found = run(nlp, "Palm Bay d. Rockledge 70-44", "Palm Bay (1-0): Tolivert 25 points.")
    assert not any(" d. " in name for name in found)
    assert "Rockledge" in found and found["Rockledge"].type is not T.PERSON
    # A middle initial is no result.
    assert "Leon D. Epstein" in run(nlp, "The prize honours Leon D. Epstein, who taught here.")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Follow Stephen Lawson on Twitter.", "Stephen Lawson"),
        ("Call Raul Garcia at 555-1212.", "Raul Garcia"),
        ("Email Robyn for details.", "Robyn"),
        ("Mark Twain wrote it.", "Mark Twain"),
    ],
)
def test_what_a_line_tells_the_reader_to_do_is_no_part_of_the_name(nlp, line, name):
    assert name in run(nlp, line)


def test_a_hashtag_is_no_person(nlp):
    found = run(nlp, "This week's #SundaySupper is all about honoring Julia Child.")
    assert found["SundaySupper"].type is not T.PERSON
    assert found["Julia Child"].type is T.PERSON


def test_headings_run_together_bracket_to_bracket_are_no_name(nlp):
    assert not run(nlp, "Voters in (MEDICARE)(HOUSE INCUMBENT) seats said so.")


def test_a_bodys_possessive_before_a_name_it_writes_apart_parts_owner_and_thing(nlp):
    # spaCy reads "The Verge’s Stadia" as one body; the page writes both alone too.
    found = run(
        nlp,
        "Stadia launches today.",
        "According to The Verge’s Stadia review, the streaming platform does not run its"
        " games at the resolution promised.",
        "The Verge tested it for a week, and Stadia costs $129.",
    )
    assert "Stadia" in found and not any("’s" in name for name in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Cambodian People's Party won again. The Party said so.",
        "The Teachers' Society met. Teachers came from every school.",
        "Moody's Investors Service cut the rating. Moody's said the outlook was stable.",
    ],
)
def test_a_possessive_that_is_part_of_a_bodys_name_stays_in_it(nlp, text):
    found = run(nlp, text)
    assert any("'" in name for name in found), found


def test_a_social_network_named_alone_is_an_organisation(nlp):
    found = run(nlp, "Same goes for Twitter.", "They have a page on Facebook and Twitter.")
    assert found["Twitter"].type is T.ORGANIZATION


def test_a_quarters_code_is_no_name(nlp):
    found = run(nlp, "Q4 sales were strong, and Q3 2019 was weak at Harbour Tools.")
    assert not any(name.startswith("Q") for name in found)


def test_capitalised_headline_word_is_no_part_of_the_name_after_it(nlp):
    found = run(
        nlp,
        "Rare Hendrix song draft sells for a fortune.",
        "A rare early draft of a song by guitar legend Jimi Hendrix was sold on Thursday.",
        "Hendrix wrote it on hotel paper in London.",
    )
    assert "Rare Hendrix" not in found
    assert found["Jimi Hendrix"].count == 3


def test_a_place_followed_by_a_score_in_a_results_line_is_a_team(nlp):
    found = run(nlp, "Lindholm 2 Hamburg 1", "Norrvik 0 Osterby 3")
    assert found["Hamburg"].type is T.ORGANIZATION


def test_a_player_followed_by_his_score_stays_a_person(nlp):
    found = run(nlp, "At Leeds: Durham 326 (D. Cox 95 not out, J. Hale 63)")
    assert all(e.type is not T.ORGANIZATION for n, e in found.items() if "Cox" in n)


def test_two_clubs_of_a_result_read_as_one_name_are_split(nlp):
    found = run(nlp, "Bahia 2 Atletico Paranaense 0")
    assert {"Bahia", "Atletico Paranaense"} <= set(found)
    assert found["Bahia"].type is T.ORGANIZATION


def test_a_tennis_player_with_a_set_score_stays_a_person(nlp):
    found = run(nlp, "Marcelo Rios (Chile) beat Kenneth Carlsen (Denmark) 6-3 6-2")
    assert found["Kenneth Carlsen"].type is T.PERSON


def test_a_player_with_his_round_scores_is_no_team(nlp):
    found = run(nlp, "Tiger Woods (U.S.) 68 70 71")
    assert found["Tiger Woods"].type is T.PERSON


def test_the_country_after_a_dateline_place_is_a_place(nlp):
    found = run(nlp, "YORK, England 2024-08-22", "The race was run in heavy rain.")
    assert found["England"].type is T.PLACE


def test_a_position_code_inside_a_persons_span_cuts_off_the_team(nlp):
    found = run(nlp, "Browns DL Sheldon Richardson was fined on Monday, the league said.")
    assert "Sheldon Richardson" in found
    assert found["Sheldon Richardson"].type is T.PERSON
    assert not any("DL" in name for name in found)


def test_a_portfolio_before_a_title_is_no_part_of_the_countrys_name(nlp):
    found = run(nlp, "A proposal by EU Farm Commissioner Franz Fischler was rejected.")
    assert "EU Farm" not in found
    assert "EU" in found


def test_a_comma_parts_two_names_but_not_a_legal_form(nlp):
    found = run(nlp, "Subscribers of CBS All Access, Disney and Netflix complained.")
    assert {"CBS All Access", "Disney"} <= set(found)
    found = run(nlp, "WeWork, Inc. said it would cut jobs next year.")
    assert not {"WeWork", "Inc."} <= set(found)


def test_a_listed_name_drops_a_capitalised_the_but_keeps_a_one_word_names():
    from tui.pipeline.entities.article import _shown

    assert _shown("The United States") == "United States"
    assert _shown("The Hague") == "The Hague"


def test_a_unit_is_no_name(nlp):
    found = run(nlp, "The motors make 300 kW together, and Audi said the car charges at 150 kW.")
    assert "kW" not in found


def test_a_kind_noun_after_a_name_is_context_but_a_portfolios_ministry_is_a_name(nlp):
    found = run(nlp, "The official Xinhua news agency said talks would resume.")
    assert "Xinhua" in found and found["Xinhua"].type is T.ORGANIZATION
    found = run(nlp, "Defence ministry officials said the first summonses would go out soon.")
    assert "Defence ministry" in found


@pytest.mark.parametrize(
    ("sentence", "tagged", "kind"),
    [
        ("Workers marched, and the union Tarvik said more would follow.", "union Tarvik",
         T.ORGANIZATION),
        ("Ships left the port city Ostrel on Friday.", "port city Ostrel", T.PLACE),
    ],
)  # fmt: skip
def test_a_lower_case_kind_noun_the_model_took_into_a_name_is_context(nlp, sentence, tagged, kind):
    # spaCy tags such spans whole for some names ("the union Aslef"); the name is the rest.
    from tui.pipeline.entities.recognise import _trim

    doc = nlp(sentence)
    start = sentence.index(tagged)
    span = doc.char_span(start, start + len(tagged), label="ORG")
    trimmed = _trim(span)
    assert trimmed is not None
    i, j, cues = trimmed
    assert doc[i:j].text == tagged.split()[-1]
    assert max(cues, key=cues.__getitem__) is kind


def test_a_name_cut_at_a_lower_case_particle_goes_on_through_the_capitalised_words(nlp):
    # spaCy: "Ursula von der" PERSON, "Leyen" GPE.
    found = run(nlp, "Commission President Ursula von der Leyen said on Monday the bloc would act.")
    assert "Leyen" not in found
    assert found["Ursula von der Leyen"].type is T.PERSON


def test_a_particle_takes_in_the_span_that_starts_after_it(nlp):
    # spaCy: "Charles de" ORG, "Gaulle airport" our table's FACILITY.
    found = run(nlp, "Flights from Charles de Gaulle airport were cancelled.")
    assert set(found) == {"Charles de Gaulle airport"}
    assert found["Charles de Gaulle airport"].type is T.FACILITY


def test_a_particle_between_two_spans_joins_them_even_read_as_a_verb(nlp):
    # spaCy: "Vinicius" PERSON, "dos" VBZ, "Santos" PERSON.
    found = run(nlp, "The Brazilian forward Vinicius dos Santos scored twice.")
    assert "Santos" not in found
    assert found["Vinicius dos Santos"].type is T.PERSON


def test_two_touching_spans_of_one_compound_are_one_name(nlp):
    # spaCy: "Lockheed" ORG, "Martin" PRODUCT; "Lockheed" is a compound of "Martin".
    found = run(
        nlp,
        "Shares of Lockheed Martin rose 3% after the Pentagon award.",
        "A Lockheed Martin spokesman declined to comment.",
    )
    assert "Martin" not in found and "Lockheed" not in found
    assert found["Lockheed Martin"].type is T.ORGANIZATION
    assert found["Lockheed Martin"].count == 2


def test_a_town_and_its_country_side_by_side_stay_two_places(nlp):
    # The parse makes "Paris" a compound of "France" all the same.
    found = run(nlp, "Apple iPhone sales fell in Paris France last year.")
    assert {"Paris", "France"} <= set(found)
    assert "Paris France" not in found


def test_a_country_naming_an_advisers_brief_is_not_joined_to_the_office(nlp):
    # The parse holds "White House" and "Ukraine" in one compound before "adviser".
    found = run(
        nlp,
        "The hearing was told by former White House Ukraine adviser Tom Reyes that the "
        "call was unusual.",
    )
    assert "White House Ukraine" not in found
    assert {"White House", "Ukraine", "Tom Reyes"} <= set(found)


def test_names_touching_in_a_title_case_headline_are_not_joined(nlp):
    from spacy.tokens import Span

    from tui.pipeline.entities.joins import names

    # Every word of a title-case headline is a compound of the next: "Airbus" of "Rivalry".
    doc = nlp("Boeing Airbus Rivalry Heats Up At Paris Air Show")
    assert doc[1].dep_ == "compound" and doc[1].head.i == 2
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 2, 3, label="ORG")]
    assert not any(name.joined for name in names(doc))


def test_an_adverb_is_no_end_of_a_name(nlp):
    found = run(nlp, "Von der Leyen later flew to Kyiv.")
    assert "Von der Leyen" in found


def test_a_surnames_particles_opening_a_sentence_are_part_of_the_name(nlp):
    # The model tags only "Berg"; the reader saw "Berg" as the short form.
    found = run(
        nlp,
        "The coach, Eelco van den Berg, said the team was ready.",
        "Van den Berg spoke to reporters on Monday.",
    )
    assert found["Eelco van den Berg"].aliases == ["Van den Berg"]
    assert found["Eelco van den Berg"].count == 2


@pytest.mark.parametrize(
    ("text", "owner", "owned"),
    [
        # spaCy's PERSON spans run on over the possessive: "Martin Keller’s Plan".
        ("The board rejected Martin Keller’s Plan on Monday.", "Martin Keller", "Plan"),
        ("Michael’s UL policy lapsed in 2004.", "Michael", "UL"),
    ],
)
def test_a_persons_span_ends_at_the_possessive(nlp, text, owner, owned):
    # The text names the owner alone too: the two are names apart.
    found = run(nlp, text, f"{owner} said nothing more.")
    assert found[owner].type is T.PERSON and found[owner].count == 2
    assert not any("’s" in name for name in found)
    assert owned not in found or found[owned].type is not T.PERSON


def test_a_shops_name_keeps_its_possessive_when_tagged_a_person(nlp):
    from spacy.tokens import Span

    from tui.pipeline.entities.recognise import _owned_inside

    doc = nlp("Shoppers queued at Sam’s Club while Lena Ruiz’s Harbor Freight stayed shut.")
    shop = Span(doc, 3, 6, label="PERSON")  # Sam ’s Club
    owned = Span(doc, 7, 12, label="PERSON")  # Lena Ruiz ’s Harbor Freight
    assert shop.text == "Sam’s Club" and owned.text == "Lena Ruiz’s Harbor Freight"
    assert _owned_inside(shop) is None  # one word, then a kind word: a shop's name
    assert _owned_inside(owned) == 9  # a full name owns what follows


def test_a_possessive_name_the_text_never_writes_apart_stays_one_name(nlp):
    # A title or a shop's name ("The Innovator’s Dilemma") the model calls a person: cut at
    # the possessive, its pieces were names of nothing.
    from spacy.tokens import Span

    from tui.pipeline.entities.recognise import _coordinated_parts

    text = "Critics mocked Martin Keller’s Budget Plan."
    doc = nlp(text)
    whole = Span(doc, 2, 7, label="PERSON")
    assert whole.text == "Martin Keller’s Budget Plan"
    assert [p.text for p in _coordinated_parts(whole, text)] == [whole.text]
    named = f"{text} Martin Keller wrote it alone."
    parts = _coordinated_parts(whole, named)
    assert [p.text for p in parts] == ["Martin Keller", "Budget Plan"]
