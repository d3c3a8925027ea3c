"""Grouping: mentions fold into one group per real thing; repeated names are found again;
a surname or short form joins the one full name it belongs to."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from tui.pipeline.entities.acronyms import _Acronyms, _initials
from tui.pipeline.entities.cues import _cues, called_a_body
from tui.pipeline.entities.gazetteer import (
    company_weight,
    gazetteer_weight,
    is_given_name,
    opens_a_company_name,
    opens_on_a_place_or_time,
)
from tui.pipeline.entities.keys import _fold, _key, occurrences
from tui.pipeline.entities.mentions import _Group, _Mention, _shouting
from tui.pipeline.entities.vocab import (
    CUE,
    ELDER_SUFFIXES,
    FACILITY_NAME_WORDS,
    INFLECTIONS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_NAME_WORDS,
    T,
)  # fmt: skip
from tui.pipeline.entities.voting import _folded_words, _kind_of_name, _type_of, votes_it_brings
from tui.pipeline.model import Block
from tui.pipeline.nlp import sentence_text
from tui.pipeline.overlaps import Overlaps

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def _group(mentions: Iterable[_Mention], acronyms: _Acronyms) -> dict[str, _Group]:
    alias_keys = {a: _key(long, acronyms.expansions) for a, long in acronyms.aliases.items()}
    groups: dict[str, _Group] = {}
    # A pattern id ("Patriot") names every surface the same pattern matched ("Patriots").
    id_keys: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: (m.block, m.start)):
        if m.text in alias_keys:
            key = alias_keys[m.text]
        elif m.pattern_id:
            key = id_keys.setdefault(m.pattern_id, _key(m.pattern_id, acronyms.expansions))
        else:
            key = _key(m.text, acronyms.expansions)
        if not key:
            continue
        group = groups.setdefault(key, _Group(key))
        group.mentions.append(m)
        group.votes.add(m.votes)
        if m.pattern_id and not group.pattern_id:
            group.pattern_id = m.pattern_id
    for acronym, key in alias_keys.items():
        if key in groups:
            groups[key].long_form_of.add(acronym)
    return groups


def _propagate(
    groups: dict[str, _Group], blocks: Sequence[Block], docs: Sequence[Doc], acronyms: _Acronyms
) -> None:
    """Find the names spaCy saw once wherever else the article repeats them.

    The small model tags a name in one sentence and misses it in the next (and never tags
    "FT" after it was defined); a known name repeated verbatim is the same entity.
    """
    taken: dict[int, Overlaps] = defaultdict(Overlaps)
    for group in groups.values():
        for m in group.mentions:
            taken[m.block].add(m.start, m.end)
    forms: list[tuple[str, _Group]] = []
    surnames: dict[str, list[_Group]] = defaultdict(list)
    ends: dict[str, int] = defaultdict(int)  # names of any kind ending so
    for group in groups.values():
        for surface in {*group.surfaces(), *group.long_form_of}:
            forms.append((surface, group))
        longest = max(group.surfaces(), key=len).split()
        if len(longest) > 1:
            ends[_surname(longest)] += 1
            if _type_of(group)[0] is T.PERSON:
                surnames[_surname(longest)].append(group)
    # "Dovhal said": a surname alone is the person named in full, unless two names share
    # it (whatever the model typed the other: "Pieter de Vries" beside "Jan de Vries"), or
    # it is a company's name ("Ford" beside "Bill Ford", its chairman).
    initials: dict[str, str] = {}  # a surname form -> its person's first initial
    for surname, owners in surnames.items():
        if (
            len(owners) == 1
            and ends[surname] == 1
            and not company_weight(surname)
            and _key(surname, acronyms.expansions) not in groups
        ):
            forms.append((surname, owners[0]))
            initials[surname] = max(owners[0].surfaces(), key=len)[0]
    # Longest first, so "Kursk Nuclear Power Plant" is claimed before "Kursk".
    forms.sort(key=lambda f: -len(f[0]))
    nlp_vocab = docs[0].vocab if docs else None
    for surface, group in forms:
        if len(surface) < 2 or not any(c.isupper() for c in surface):
            continue
        lexeme = nlp_vocab[surface.lower()] if nlp_vocab is not None else None
        if lexeme is not None and lexeme.is_stop:
            continue
        for b, block in enumerate(blocks):
            for start, end in occurrences(surface, block.text):
                if taken[b].hit(start, end):
                    continue
                if surface in initials and _another_initial(block.text, start, initials[surface]):
                    continue  # "P. de Vries" is not Jan de Vries
                span = docs[b].char_span(start, end)
                if span is None or _shouting(span) or _inside_longer_name(span):
                    continue
                votes, strong = _cues(span)
                mention = _Mention(
                    block=b,
                    start=start,
                    end=end,
                    text=surface,
                    sentence=sentence_text(span),
                    votes=votes,
                    strong=strong,
                    place_cue=votes[T.PLACE],
                    called_a_body=called_a_body(span),
                )
                group.mentions.append(mention)
                group.votes.add(mention.votes)
                taken[b].add(start, end)


_INITIAL_BEFORE = re.compile(r"\b([A-Z])\.\s*$")


def _another_initial(text: str, start: int, initial: str) -> bool:
    """Whether the surname at `start` follows an initial other than its person's own."""
    m = _INITIAL_BEFORE.search(text, max(0, start - 4), start)
    return m is not None and m.group(1) != initial.upper()


def _inside_longer_name(span: Span) -> bool:
    """Is this occurrence only part of a longer capitalised name ("Kursk" in "Kursk Oblast")?"""
    doc = span.doc
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_title and nxt.pos_ == "PROPN":
            return True
    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start:
            return True
    return False


def _relatives(groups: dict[str, _Group]) -> None:
    """Two full names that share a last word next to a person are people too: spaCy
    typed "Petro Koval" FAC beside "Anna Koval"."""
    by_last: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        words = without_suffix(max(group.surfaces(), key=len).split())
        kind_words = ORG_NAME_WORDS | FACILITY_NAME_WORDS
        if (
            len(words) > 1
            and not group.pattern_id
            and not any(w.lower() in kind_words for w in words)
        ):
            by_last[_fold(words[-1])].append(group)
    for members in by_last.values():
        if len(members) < 2:
            continue
        if any(_type_of(g)[0] is T.PERSON for g in members):
            for g in members:
                g.votes[T.PERSON] += CUE


# The shortest stem a word's ending is taken off: "Ed", "Wes" and "James" keep theirs.
MIN_STEM = 4


def _written_in_lower_case(word: str, lower_words: set[str]) -> bool:
    """Does the article write this word, or another form of it, in lower case ("Questioning"
    beside "questioned", "Raising" beside "raise")?"""
    word = word.lower()
    if word in lower_words:
        return True
    ending = next((e for e in INFLECTIONS if word.endswith(e)), None)
    stem = word[: -len(ending)] if ending else word
    if len(stem) < MIN_STEM:
        return False
    forms = {f"{base}{e}" for base in (stem, f"{stem}e") for e in ("", *INFLECTIONS)}
    return not forms.isdisjoint(lower_words)


def _drop_sentence_openers(groups: dict[str, _Group], lower_words: set[str]) -> None:
    """ "Rare Hendrix song draft sells ...": a capitalised common word that opens a
    sentence or headline is no part of the name after it, when the article writes the word
    (in any of its forms) in lower case elsewhere and names the rest on its own or as the
    end of one longer name ("Jimi Hendrix")."""
    for key in list(groups):
        group = groups[key]
        first_words = {m.text.split(" ", 1)[0] for m in group.mentions}
        if len(first_words) != 1 or any(" " not in m.text for m in group.mentions):
            continue
        first = first_words.pop()
        if not _written_in_lower_case(first, lower_words) or not all(
            m.opens_sentence for m in group.mentions
        ):
            continue
        if first.lower() in NAME_PARTICLES:
            continue  # "Von der Leyen told": the particle is the surname's, not a common word
        rest = _fold(group.mentions[0].text.split(" ", 1)[1])
        # The rest alone, or the end of one longer name ("Hendrix" of Jimi Hendrix).
        # The rest alone if the article has it ("Hendrix"), else the one longer name it
        # ends ("Jimi Hendrix").
        owners = [groups[rest]] if rest in groups and groups[rest] is not group else []
        if not owners:
            owners = [
                g
                for g in groups.values()
                if g is not group and _fold(max(g.surfaces(), key=len)).endswith(f" {rest}")
            ]

        if len(owners) != 1:
            continue
        target = owners[0]
        for m in group.mentions:
            cut = len(first) + 1
            m.start, m.text = m.start + cut, m.text[cut:]
            target.mentions.append(m)
        target.votes.add(group.votes)
        del groups[key]


def _drop_capitalised_common_words(groups: dict[str, _Group], lower_words: set[str]) -> None:
    """'Escape was impossible, the guards said': a one-word name met only as the first word
    of its sentences, whose word the article also writes in lower case ("tried to escape"),
    is a common word its place capitalised. Run after the short forms joined their full
    names, so a surname that is also a word ("May" of Theresa May) has gone to its owner."""
    for key in list(groups):
        group = groups[key]
        if group.pattern_id or any(m.ruler_type or m.strong for m in group.mentions):
            continue  # our table or the words around it say what it is
        words = {m.text for m in group.mentions}
        word = words.pop() if len(words) == 1 else ""
        if (
            word.istitle()
            and " " not in word
            and word.lower() in lower_words
            and all(m.opens_sentence for m in group.mentions)
        ):
            del groups[key]


_WORD_PARTS = re.compile(r"[^\W\d_]+")


def _mark_common_word_names(groups: dict[str, _Group], prose: set[str]) -> None:
    """ "Quick Start Guide", "Ethnographic Shadowing", "Starry Night": a name of two or more
    words that the article also writes, each of them, in lower case is made of common words,
    as products, methods and titles are; a person's name seldom is. spaCy calls many such
    names people. Our table or a strong cue ("Mr Young") still says what a name is."""
    for group in groups.values():
        if group.pattern_id or any(m.ruler_type or m.strong for m in group.mentions):
            continue
        longest = max(group.surfaces(), key=len)
        parts = _WORD_PARTS.findall(longest)
        group.common_words = len(longest.split()) > 1 and all(p.lower() in prose for p in parts)


def _mark_given_names(groups: dict[str, _Group], prose: set[str]) -> None:
    """ "Antoine Lebouc", "Mason Rudolph": two or three words of a name that open on a
    person's given name (`data/entity_given_names.txt`) are a person's, though spaCy calls
    many such names organisations. Not when the article writes one of its words in lower
    case ("Grant", "Rose", "Will"; "Toon Boom Animation", "Crystal Items"); nor when the
    name opens on a country, a month or a large town ("Jordan Valley", "May Day", "Paris
    Newsroom") or is a company's ("Morgan Stanley", "Philip Morris"): other kinds of name
    open on those words too. Nor after "the": "the Johan Sverdrup field" is named after a
    man, and is none; nor is a shop's "Rosa's Kitchen". It settles only the one doubt
    spaCy has most, person or body: a name spaCy calls a place, a people or faith, a work
    or an event ("Harris County", "Roman Catholic") keeps its own votes."""
    for group in groups.values():
        longest = max(group.surfaces(), key=len)
        words = longest.split()
        group.given_name = (
            _shaped_like_a_persons_name(group)
            and not any(m.after_the for m in group.mentions)
            and not any(w.isupper() or w.endswith(("'s", "’s")) for w in words)
            and not any(w.lower() in prose for w in words)
            and len(words[0]) >= MIN_GIVEN_NAME
            and is_given_name(words[0])
            and all(kind in (T.PERSON, T.ORGANIZATION) for kind in group.votes)
            and _kind_of_name(_folded_words(words)) is None
            and not opens_on_a_place_or_time(words[0])
            and gazetteer_weight(words[0]) < LARGE_TOWN
            and not company_weight(longest)
            and not opens_a_company_name(longest)
            and not gazetteer_weight(longest)
        )


def without_suffix(words: list[str]) -> list[str]:
    """A person's name without the generational suffix after it, and the comma some write
    before one: "Martin Luther King Jr." and "Robert Kennedy, Jr." end on their surnames."""
    k = len(words)
    while k > 1 and words[k - 1].lower() in NAME_SUFFIXES:
        k -= 1
    if k == len(words):
        return words
    return [*words[: k - 1], words[k - 1].rstrip(",")]


def names_an_elder(words: list[str]) -> bool:
    """ "George Avery Sr.": a text writes it to tell him from a son of that name, so a lone
    "Avery" there may be either, and joins neither."""
    return words[-1].lower() in ELDER_SUFFIXES


def _surname(words: list[str]) -> str:
    """A person's last word with the name particles before it: "von der Leyen" of Ursula
    von der Leyen, "bin Salman"; the particles in any case ("Von der Leyen" opening a
    sentence); a suffix after it is not the surname ("King" of Martin Luther King Jr.)."""
    words = without_suffix(words)
    k = len(words) - 1
    while k > 1 and words[k - 1].lower() in NAME_PARTICLES:
        k -= 1
    return " ".join(words[k:])


def _short_form(surface: str) -> bool:
    """One word, or a surname behind its particles ("Von der Leyen", "bin Salman"): a form
    that may stand for a longer name."""
    words = surface.split()
    return all(w.lower() in NAME_PARTICLES for w in words[:-1])


# Shorter given names are as often an article or a particle ("El Mundo", "Le Monde").
MIN_GIVEN_NAME = 3
# A gazetteer weight this high is a large town's ("Paris", "Atlanta", "Sydney"): a name
# that opens on it is as often a team's, a newsroom's or a club's as a person's.
LARGE_TOWN = 2.0


# A lone name that shares a person's surname stays apart only when the text puts it in
# place ("in Lincoln", "near Lincoln": 0.75 and up) at least half as firmly as all else it
# says of it; "to Assange" (0.25) or "from Assange" (0.5) alone is no place.
PLACE_KEEPS_APART = 0.75


def _said_to_be_a_place(group: _Group) -> bool:
    """Does the text itself (not the model's label) put this lone name in place?"""
    place = sum(m.place_cue for m in group.mentions)
    others = sum(v for t, v in group.votes.items() if t is not T.PLACE)
    return place >= PLACE_KEEPS_APART and 2 * place > others


def _said_to_be_a_body(group: _Group) -> bool:
    """Does the text itself call this lone name a body ("the carmaker Ford", "the founder
    of Dell")? Then it is the company, not the person of that surname beside it."""
    return any(m.called_a_body for m in group.mentions)


def _shaped_like_a_persons_name(group: _Group) -> bool:
    """Two or three capitalised words, none a body's or a facility's kind word."""
    words = max(group.surfaces(), key=len).split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
        and not any(w.lower() in ORG_NAME_WORDS | FACILITY_NAME_WORDS for w in words)
    )


# What names a person in `person_form_owners`: a group's key, or an entity's cluster.
_Key = TypeVar("_Key", str, int)

# The most words a person's full name runs to ("Ursula von der Leyen").
MAX_PERSON_WORDS = 4


def _person_shaped(words: list[str]) -> bool:
    """Capitalised words and name particles only, no possessive, no body's or facility's
    kind word: "Joel Eriksson Ek", not "Jeff Bezos's Blue Origin" or "Port of Rotterdam"."""

    def name_word(w: str) -> bool:
        bare = w.replace("-", "").replace("'", "").replace("’", "")
        return w[:1].isupper() and bare.isalpha() and not w.endswith(("'s", "’s"))

    return (
        2 <= len(words) <= MAX_PERSON_WORDS
        and name_word(words[0])
        and all(name_word(w) or w in NAME_PARTICLES for w in words)
        and not any(w.lower() in ORG_NAME_WORDS | FACILITY_NAME_WORDS for w in words)
    )


def person_forms(name: str) -> tuple[list[str], str]:
    """The other ways a person's full name is written, folded: each tail of two words or
    more ("Eriksson Ek" of Joel Eriksson Ek, "von der Leyen"), and the first initial before
    the surname ("P. de Vries" of Pieter de Vries). None for a name not shaped like a
    person's. A lone surname is `_join_short_forms`' to join. The name without its suffix
    is not one of them: beside "Hank Avery Jr.", "Hank Avery" is most often his father."""
    words = without_suffix(name.split())
    if not _person_shaped(words):
        return [], ""
    tails = [_fold(" ".join(words[k:])) for k in range(1, len(words) - 1)]
    return tails, _fold(f"{words[0][0]}. {_surname(words)}")


def person_form_owners(
    people: Iterable[tuple[_Key, str]],
) -> tuple[dict[str, set[_Key]], dict[str, set[_Key]]]:
    """For people (each a key and a full name), who owns each tail of a name and each name
    with an initial (`person_forms`): (tails, initialled), each folded form -> its keys."""
    tails: dict[str, set[_Key]] = defaultdict(set)
    initialled: dict[str, set[_Key]] = defaultdict(set)
    for key, name in people:
        ends, initial = person_forms(name)
        for form in ends:
            tails[form].add(key)
        if initial:
            initialled[initial].add(key)
    return tails, initialled


def _join_person_forms(groups: dict[str, _Group]) -> None:
    """A name written with an initial for one person's given name in the article, or as a
    tail of the full name and not called a body or a place, joins that person ("P. de
    Vries" -> Pieter de Vries, "Eriksson Ek" -> Joel Eriksson Ek) when exactly one person's
    name is written so and the text does not put the name in place."""
    tails, initialled = person_form_owners(
        (key, max(group.surfaces(), key=len))
        for key, group in groups.items()
        if _type_of(group)[0] is T.PERSON and not group.pattern_id
    )
    for key in list(groups):
        group = groups[key]
        forms = {_fold(s) for s in group.surfaces()}
        if forms <= initialled.keys():
            owners = initialled
        elif forms <= tails.keys() and _type_of(group)[0] in (T.PERSON, T.OTHER):
            owners = tails
        else:
            continue
        targets = {k for f in forms for k in owners[f]} - {key}
        if len(targets) != 1 or group.pattern_id or _said_to_be_a_place(group):
            continue
        target = groups[targets.pop()]
        target.mentions.extend(group.mentions)
        target.votes[T.PERSON] += sum(group.votes.values())
        del groups[key]


def _one_of_several(group: _Group, kinds: list[T]) -> None:
    """ "Johnson" beside Calvin, Chris and Andre Johnson: a surname several people of the
    text share joins none of them, and is still a person, not the town a gazetteer knows
    by the name (unless the text itself says what it is: "in Johnson", a dateline)."""
    said = {m.strong for m in group.mentions} - {None, T.PERSON}
    if all(k is T.PERSON for k in kinds) and not (
        said or _said_to_be_a_place(group) or _said_to_be_a_body(group)
    ):
        group.votes[T.PERSON] += sum(group.votes.values())


def _join_short_forms(groups: dict[str, _Group]) -> None:
    """A surname alone joins its full name ("Lysak" -> Serhiy Lysak); likewise the last word
    of an organisation ("the Commission" -> European Commission) and an undefined acronym
    that spells a name's initials ("EU" -> European Union), when exactly one name fits."""
    _relatives(groups)
    typed = {key: _type_of(g) for key, g in groups.items()}
    full: dict[str, list[str]] = defaultdict(list)
    given: dict[str, list[str]] = defaultdict(list)  # a person's first word -> full names
    initials: dict[str, list[str]] = defaultdict(list)
    elders: set[str] = set()  # surnames of people named with "Sr."
    for key, group in groups.items():
        type_ = typed[key][0]
        longest = max(group.surfaces(), key=len)
        words = longest.split()
        if len(words) < 2:
            continue
        if type_ in (T.ORGANIZATION, T.PLACE):
            initials[_initials(words, True)].append(key)  # "UN", "US", "UAE"
        if type_ not in (T.PERSON, T.ORGANIZATION):
            continue
        last = _fold(without_suffix(words)[-1] if type_ is T.PERSON else words[-1])
        full[last].append(key)
        if type_ is T.PERSON and names_an_elder(words):
            elders.add(last)
        if type_ is T.PERSON and len(_surname(words).split()) > 1:
            full[_fold(_surname(words))].append(key)  # "von der Leyen" of Ursula von der Leyen
        if type_ is T.PERSON:
            given[_fold(words[0])].append(key)  # "Xi" of Xi Jinping, "Maria" of Maria Keller
        if type_ is T.ORGANIZATION and "of" in words[1:]:
            # "House of Representatives": the noun before "of" is the head ("the House").
            full[_fold(words[words.index("of", 1) - 1])].append(key)
    for key in list(groups):
        group = groups[key]
        surfaces = set(group.surfaces())
        if not all(_short_form(s) for s in surfaces) or group.pattern_id:
            continue
        type_, place = typed[key]
        if key in elders:
            continue
        candidates = [k for k in full.get(key, []) if k != key]
        if not candidates:
            candidates = [k for k in given.get(key, []) if k != key]
        by_initials = False
        if not candidates and all(s.isupper() for s in surfaces):
            letters = max(surfaces, key=len).replace(".", "")
            candidates = [k for k in initials.get(letters, []) if k != key]
            by_initials = True
        if len(candidates) > 1:
            _one_of_several(group, [typed[k][0] for k in candidates if k in typed])
            continue
        if not candidates:
            continue
        target = groups.get(candidates[0])
        if target is None:
            continue
        target_type = typed[candidates[0]][0]
        if target_type is T.PERSON:
            # spaCy often calls a lone surname ORG ("Stepko said"); only the text itself
            # calling it a place ("in Lincoln") keeps it apart. The gazetteer does not:
            # beside "Peter Lincoln", "Lincoln added" is the man, not the city.
            if _said_to_be_a_place(group) or _said_to_be_a_body(group):
                continue
            # The short form is the person: its mentions vote for the person, whatever
            # the model called them ("Assange" ORG twelve times beside "Julian Assange").
            target.mentions.extend(group.mentions)
            target.votes[T.PERSON] += sum(group.votes.values())
            del groups[key]
            continue
        elif by_initials:
            # spaCy types acronyms loosely ("EU" GPE, "UN" ORG); the letters decide,
            # unless the text puts them in place ("Mountain View, CA" beside "Casino
            # Amphitheatre").
            if target_type is not T.PLACE and any(m.strong is T.PLACE for m in group.mentions):
                continue
        elif type_ is T.PERSON and _shaped_like_a_persons_name(target):
            # "Rudolph" a person fourteen times, "Mason Rudolph" once an organisation: one
            # man, and the votes together say which kind.
            pass
        elif place >= 1.5 or type_ not in (target_type, T.OTHER):
            # "Ukraine" does not join "Armed Forces of Ukraine".
            continue
        target.mentions.extend(group.mentions)
        target.votes.add(votes_it_brings(group))
        del groups[key]


def _join_shorter_org_names(groups: dict[str, _Group]) -> None:
    """ "Central Command" joins "US Central Command" when it ends exactly one longer name."""
    orgs = {k: g for k, g in groups.items() if _type_of(g)[0] is T.ORGANIZATION}
    words_of = {k: _fold(max(g.surfaces(), key=len)).split() for k, g in orgs.items()}
    for key, words in sorted(words_of.items(), key=lambda kv: len(kv[1])):
        if len(words) < 2 or key not in groups:
            continue
        longer = [
            k
            for k, w in words_of.items()
            if k != key and k in groups and len(w) > len(words) and w[-len(words) :] == words
        ]
        if len(longer) == 1:
            target = groups[longer[0]]
            target.mentions.extend(groups[key].mentions)
            target.votes.add(groups[key].votes)
            del groups[key]
