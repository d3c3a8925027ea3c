"""Site names and authors from page metadata, on the ScrapingHub pages (issue 16).

The 181 pages are split in two by a stable hash of their id (`half`, below), fixed before
any page was looked at for this work: the development half is what the metadata rules may
be tuned on; the held-out half is only ever scored. The publisher each page should be
named by was written down in `data/metadata_sites_{dev,heldout}.tsv` (for the held-out half
from the page's address alone, before the code was run on those pages).

Figures, each half apart:
- site right: the site name is the publisher's own (an alternative of the gold row; for a
  small site we do not know, "*": a name spelling the address's main label, or the host);
- repeated: the site name holds two names joined by a title separator ("X | X.com");
- author is the publisher or a section: an author that names the gold publisher (equal,
  or starting with its name: "CNN Business") or one of the sections the page declares.

    nice .venv/bin/python benchmarks/metadata.py            # both halves
    nice .venv/bin/python benchmarks/metadata.py --show dev # each development page's site

It prints figures; it never asserts them. Held-out pages are never listed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tui.pipeline.extract_meta import _meta, page_metadata  # noqa: E402
from tui.pipeline.extract_parse import parse  # noqa: E402

CORPUS = REPO.parent / "shared" / "eval" / "scrapinghub"
DATA = REPO / "benchmarks" / "data"
DEV, HELD_OUT = "dev", "held-out"
# Changing the salt would reshuffle the halves and spoil the held-out one: never change it.
_SPLIT_SALT = "briefing/metadata-split/2026-12-01"
_SEPARATOR = re.compile(r"\s(?:\||-|–|—|::|·|•|»)\s")
_SECTION_KEYS = ("article:section", "og:article:section", "section", "articlesection")


def half(page_id: str) -> str:
    digest = hashlib.sha256(f"{_SPLIT_SALT}:{page_id}".encode()).digest()
    return DEV if digest[0] < 128 else HELD_OUT


def key(text: str) -> str:
    """A name compared loosely: case, punctuation, spaces and a leading "the" ignored."""
    words = re.findall(r"\w+", text.casefold())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


def host_label(host: str) -> str:
    """The address's main label: "www.morebikes.co.uk" -> "morebikes"."""
    labels = [p for p in host.lower().removeprefix("www.").split(".") if p]
    labels = [p for p in labels[:-1] if p not in {"co", "com", "org", "net", "gov", "sc"}]
    return max(labels, key=len) if labels else host


@dataclass
class Gold:
    host: str
    names: list[str]


def gold(name: str) -> dict[str, Gold]:
    rows: dict[str, Gold] = {}
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        prefix, host, names = line.split("\t")
        rows[prefix] = Gold(host, names.split("|"))
    return rows


def site_right(site: str | None, truth: Gold) -> bool:
    if not site:
        return False
    if key(site) in {key(n) for n in truth.names if n != "*"}:
        return True
    if "*" in truth.names:
        host = truth.host.lower().removeprefix("www.")
        return site.lower() == host or host_label(truth.host) in key(site)
    return False


def bad_author(author: str, truth: Gold, sections: list[str]) -> bool:
    names = [key(n) for n in truth.names if n != "*"]
    if "*" in truth.names:
        names.append(host_label(truth.host))
    mine = key(author)
    if any(mine == n or (n and mine.startswith(n)) for n in names):
        return True
    return any(mine == key(s) for s in sections if s)


@dataclass
class Tally:
    """One extractor's figures on one half."""

    pages: int = 0
    right: int = 0
    repeated: int = 0
    authored: int = 0
    authors: int = 0

    def add(self, site: str | None, authors: list[str], row: Gold, sections: list[str]) -> bool:
        ok = site_right(site, row)
        self.pages += 1
        self.right += ok
        self.repeated += bool(site and _SEPARATOR.search(site))
        self.authored += any(bad_author(a, row, sections) for a in authors)
        self.authors += len(authors)
        return ok

    def line(self, label: str) -> str:
        return (
            f"{label:22} ({self.pages} pages): site right {self.right}/{self.pages} "
            f"({self.right / self.pages:.1%}); repeated names {self.repeated}; pages with the "
            f"publisher or a section as author {self.authored} ({self.authors} authors in all)"
        )


def peer(html: str, url: str | None) -> tuple[str | None, list[str]]:
    """trafilatura's site name and authors for the same page (the peer in the same run)."""
    import trafilatura

    found = trafilatura.extract_metadata(html, default_url=url)
    if found is None:
        return None, []
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    return found.sitename, authors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=[DEV], help="list each development page's result")
    args = parser.parse_args()
    if not (CORPUS / "ground-truth.json").is_file():
        sys.exit(f"needs the evaluation pages in {CORPUS}")
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    golds = {DEV: gold("metadata_sites_dev.tsv"), HELD_OUT: gold("metadata_sites_heldout.tsv")}
    for which in (DEV, HELD_OUT):
        rows = golds[which]
        ours, theirs = Tally(), Tally()
        for page_id in sorted(truth):
            if half(page_id) != which:
                continue
            row = next((g for p, g in rows.items() if page_id.startswith(p)), None)
            if row is None:
                sys.exit(f"no gold row for {page_id[:12]} in the {which} half")
            raw = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes())
            html = raw.decode("utf-8")
            url = truth[page_id].get("url")
            tree = parse(html)
            meta = page_metadata(tree, url)
            metas = _meta(tree)
            sections = [metas.get(k, "") for k in _SECTION_KEYS]
            ok = ours.add(meta.site, list(meta.authors), row, sections)
            theirs.add(*peer(html, url), row, sections)
            if args.show == which:
                host = urlsplit(url or "").hostname
                mark = "ok " if ok else "BAD"
                print(f"{mark} {page_id[:8]} {host}: {meta.site!r}  authors={meta.authors}")
        print(ours.line(f"briefing {which}"))
        print(theirs.line(f"trafilatura {which}"))


if __name__ == "__main__":
    main()
