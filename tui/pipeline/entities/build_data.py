"""Build the entity stage's company list from a package, at build time (never at run time).

    python -m tui.pipeline.entities.build_data      # needs: pip install pytickersymbols

Writes `data/entity_companies.txt`: the companies of the major stock indices (pytickersymbols:
DAX, FTSE 100, S&P 500, CAC 40, NIKKEI 225, ...), each as the press writes it: without its
legal form ("Shell plc" -> "Shell", "Lindsay Corporation" -> "Lindsay Corporation" and
"Lindsay"). The file is committed; the running stage only reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata

from tui.pipeline.entities.vocab import DATA

COMPANIES_FILE = DATA / "entity_companies.txt"
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


def main() -> None:
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


if __name__ == "__main__":
    main()
