"""Build the entity stage's name lists from packages, at build time (never at run time).

    python -m tui.pipeline.entities.build_data                # each list whose package is installed
    python -m tui.pipeline.entities.build_data --companies    # needs: pip install pytickersymbols
    python -m tui.pipeline.entities.build_data --given-names  # needs: pip install faker

With no option it builds every list whose package it can import and fails only when it can
import none; an option names the lists to build and fails if their package is missing. The
packages are build-time tools, not the project's dependencies: install them in a throwaway
venv and run this module there with the repo on PYTHONPATH (it imports no spaCy), e.g.

    python3 -m venv /tmp/fakervenv && /tmp/fakervenv/bin/pip install faker
    PYTHONPATH=. /tmp/fakervenv/bin/python -m tui.pipeline.entities.build_data --given-names

Writes `data/entity_companies.txt`: the companies of the major stock indices (pytickersymbols:
DAX, FTSE 100, S&P 500, CAC 40, NIKKEI 225, ...), each as the press writes it: without its
legal form ("Shell plc" -> "Shell", "Lindsay Corporation" -> "Lindsay Corporation" and
"Lindsay").

Writes `data/entity_given_names.txt`: people's given names from Faker's (MIT) person
providers, every locale's `first_names*` and `first_romanized_names*` tables (but the bare
`en` locale's, `SKIPPED_LOCALES`), keeping only names written in Latin script ("Stéphane",
"Zoë", "Jean-Pierre"; not "Дмитрий" or "太郎"), as an English text writes them.

The files are committed; the running stage only reads them.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import pkgutil
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib import metadata

from tui.pipeline.entities.vocab import DATA

COMPANIES_FILE = DATA / "entity_companies.txt"
GIVEN_NAMES_FILE = DATA / "entity_given_names.txt"
# Legal forms and their punctuation that end a registered name but not the name in print.
_LEGAL_FORM = re.compile(
    r",?\s+(?:Inc|Corp|Corporation|Co|Company|plc|PLC|SE|AG|N\.?V|S\.?A|SpA|S\.p\.A|Ltd|"
    r"Limited|Holdings?|Group|ASA|AB|Oyj|KGaA|GmbH|LLC|L\.?P|Trust)\.?$"
)
# Shorter than this, a stripped name is a code or a word ("A10"), not a company's name.
MIN_NAME_LENGTH = 3


def press_names(name: str) -> set[str]:
    """The registered name and the forms without its trailing legal forms."""
    names = {name.strip()}
    current = name.strip()
    while True:
        shorter = _LEGAL_FORM.sub("", current).strip(" ,")
        if shorter == current:
            break
        current = shorter
        names.add(current)
    return {n.removeprefix("The ") for n in names if len(n) >= MIN_NAME_LENGTH}


def company_names(registered: Iterable[str]) -> list[str]:
    return sorted({n for name in registered for n in press_names(name)}, key=str.casefold)


def build_companies() -> None:
    from pytickersymbols import PyTickerSymbols

    stocks = PyTickerSymbols().get_all_stocks()
    names = company_names(stock["name"] for stock in stocks)
    version = metadata.version("pytickersymbols")
    header = [
        "# Companies of the major stock indices, as the press names them.",
        f"# Built by tui/pipeline/entities/build_data.py from pytickersymbols {version};",
        "# do not edit by hand. One name a line.",
    ]
    COMPANIES_FILE.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"wrote {COMPANIES_FILE} ({len(names)} names)")


# Faker's tables of given names: `first_names`, its `_male`, `_female`, `_nonbinary`, ...
# variants, and the romanised tables of the locales written in another script (ja_JP,
# zh_CN, zh_TW). Not `first_kana_names` (kana) nor `first_name_pairs` (tuples of the three).
GIVEN_NAME_TABLES = ("first_names", "first_romanized_names")
# Faker's bare `en` locale lists every name ever given, words among them ("General",
# "Major", "Sunday", "Texas", "Royal", "Storm"); the country locales (en_US, en_GB, ...) list
# the names people are given.
SKIPPED_LOCALES = frozenset({"en"})
# Fewer letters than this is an initial, not a name.
MIN_GIVEN_NAME_LETTERS = 2
# Marks inside a name that are no letters: "Jean-Pierre", "Ng'ang'a", "Sa’diya", "Ulug‘bek".
_NAME_MARKS = frozenset("-'’‘ʼ")


def _is_latin_letter(char: str) -> bool:
    # Unicode names the script of every letter; "LATIN CROSS" is a symbol, hence isalpha.
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN ")


def is_latin_name(name: str) -> bool:
    """Is this one name written in Latin script: letters of the Latin alphabet, accents
    allowed ("Stéphane", "Zoë"), a hyphen or apostrophe between them ("Jean-Pierre"); no
    space, digit, full stop ("Hans-H.") or letter of another script ("Дмитрий", "太郎")?"""
    name = unicodedata.normalize("NFC", name)
    if not name or not _is_latin_letter(name[0]) or not _is_latin_letter(name[-1]):
        return False
    letters = 0
    for char in name:
        if _is_latin_letter(char):
            letters += 1
        elif char not in _NAME_MARKS and not unicodedata.category(char).startswith("M"):
            return False  # combining marks pass: an accent NFC found no precomposed letter for
    return letters >= MIN_GIVEN_NAME_LETTERS


def written_name(raw: str) -> str:
    """The name as an English text writes it: trimmed, composed, and capitalised when the
    table shouts or whispers it ("CHIA-HAO" -> "Chia-Hao"); a mixed case such as "McKenzie"
    is how the name is spelled, so it stays."""
    name = unicodedata.normalize("NFC", raw.strip())
    if name.isupper() or name.islower():
        name = "-".join(part.capitalize() for part in name.split("-"))
    return name


def given_names(raw: Iterable[str]) -> list[str]:
    """The Latin-script names among `raw`, each once (case aside), sorted case-insensitively."""
    spellings: dict[str, str] = {}
    for entry in raw:
        name = written_name(entry)
        if not is_latin_name(name):
            continue
        key = name.casefold()
        # Of two spellings differing only in case ("McKenzie", "Mckenzie") keep the same one
        # every build, whatever order the tables come in.
        if key not in spellings or name < spellings[key]:
            spellings[key] = name
    return sorted(spellings.values(), key=str.casefold)


def _faker_given_names() -> dict[str, list[str]]:
    """Locale -> the entries of its person provider's given-name tables, as Faker has them."""
    # Imported by name: Faker is no dependency of the project, so its type checker never sees it.
    person = importlib.import_module("faker.providers.person")
    tables: dict[str, list[str]] = {}
    for module in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        if not module.ispkg or module.name in SKIPPED_LOCALES:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        entries: list[str] = []
        # The class's own tables only: an inherited one is its parent locale's (read there)
        # or the base provider's placeholder ("John", "Jane"). Tuples, lists and the
        # OrderedDicts of name -> weight all iterate over the names; some locales make
        # `first_names` a property or a method, which holds no names of its own.
        for attribute, value in vars(provider).items():
            if attribute.startswith(GIVEN_NAME_TABLES) and isinstance(value, tuple | list | dict):
                entries.extend(entry for entry in value if isinstance(entry, str))
        if entries:
            tables[module.name] = entries
    return tables


def build_given_names() -> None:
    tables = _faker_given_names()
    # A locale counts when it gives at least one Latin-script name: zh_TW's romanised names
    # do, ru_RU's Cyrillic ones do not.
    locales = [locale for locale, entries in tables.items() if given_names(entries)]
    names = given_names(entry for entries in tables.values() for entry in entries)
    version = metadata.version("faker")
    header = [
        "# People's given (first) names written in Latin script, from Faker's person providers.",
        f"# Built by tui/pipeline/entities/build_data.py from Faker {version} (MIT), "
        f"Latin-script locales: {len(locales)};",
        "# do not edit by hand. One name a line.",
    ]
    GIVEN_NAMES_FILE.write_text("\n".join([*header, *names]) + "\n", encoding="utf-8")
    print(f"wrote {GIVEN_NAMES_FILE} ({len(names)} names from {len(locales)} locales)")


# Option -> (the package it needs, its build).
BUILDS = {
    "companies": ("pytickersymbols", build_companies),
    "given_names": ("faker", build_given_names),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the entity stage's name lists.")
    parser.add_argument("--companies", action="store_true", help="build " + COMPANIES_FILE.name)
    parser.add_argument("--given-names", action="store_true", help="build " + GIVEN_NAMES_FILE.name)
    args = parser.parse_args(argv)
    chosen = [name for name in BUILDS if getattr(args, name)]
    installed = [name for name, (package, _) in BUILDS.items() if importlib.util.find_spec(package)]
    if chosen:
        missing = [BUILDS[name][0] for name in chosen if name not in installed]
        if missing:
            sys.exit(f"build_data: not installed: {', '.join(missing)}")
    elif installed:
        chosen = installed
    else:
        packages = ", ".join(package for package, _ in BUILDS.values())
        sys.exit(f"build_data: nothing to build; install one of: {packages}")
    for name in chosen:
        BUILDS[name][1]()


if __name__ == "__main__":
    main()
