"""The article's metadata (title, site, authors, date, canonical URL, language) from a page.

What the publisher declared for machines (JSON-LD, Open Graph and other <meta> tags) is
preferred over what is guessed from the layout. JSON-LD is untrusted input like the rest of
the page: it is parsed and walked with bounds, so a hostile nesting cannot exhaust the stack.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from tui.pipeline import lexicon, tables
from tui.pipeline.entities.gazetteer import gazetteer_weight
from tui.pipeline.extract_text import MARKUP_TAG, norm
from tui.pipeline.model import EARLIEST_PUBLISHED_YEAR, Metadata
from tui.pipeline.timex import MONTH_NAMES

# A JSON-LD object as json.loads gives it.
_Json = dict[str, Any]

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenews",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "webpage",
}


# JSON-LD on real pages nests a few levels (an article in a @graph, an author in a list);
# objects deeper than this are not metadata anyone declared on purpose.
_LD_MAX_DEPTH = 8
# Objects read from one page at most: enough for any real @graph, bounded for a hostile one.
_LD_MAX_OBJECTS = 500


def _ld_parse(raw: str) -> object:
    """The JSON value of one script, or None when it is not JSON we can read."""
    for text in (raw, re.sub(r"[\x00-\x1f]", " ", raw)):
        try:
            return json.loads(text)
        except RecursionError:
            return None  # nested past the decoder's own limit: never real metadata
        except ValueError:
            # Publishers often leave raw newlines or tabs inside strings; the second try
            # without control characters recovers most of them.
            continue
    return None


def _json_ld_objects(tree: lxml.html.HtmlElement) -> list[_Json]:
    """Every JSON-LD object on the page, flattened out of lists and @graph (bounded walk)."""
    found: list[_Json] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        stack: list[tuple[object, int]] = [(_ld_parse(raw), 0)]
        while stack and len(found) < _LD_MAX_OBJECTS:
            node, depth = stack.pop()
            if depth > _LD_MAX_DEPTH:
                continue
            if isinstance(node, list):
                stack.extend((item, depth + 1) for item in reversed(node))
            elif isinstance(node, dict):
                found.append(node)
                if "@graph" in node:
                    stack.append((node["@graph"], depth + 1))
    return found


def _ld_persons(value: object, depth: int = 0) -> list[str]:
    """Names of the JSON-LD objects in `value` typed as a Person, bounded."""
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) and "person" in _types(value) else []
    if isinstance(value, list) and depth < _LD_MAX_DEPTH:
        return [n for item in value for n in _ld_persons(item, depth + 1)]
    return []


def _types(obj: _Json) -> set[str]:
    value = obj.get("@type", [])
    values = value if isinstance(value, list) else [value]
    # Only strings: str() of a hostile nested list would recurse without bound.
    return {v.lower() for v in values if isinstance(v, str)}


def _article_ld(objects: list[_Json]) -> _Json | None:
    # A real article type beats the generic WebPage some sites also declare.
    ranked = sorted(
        (o for o in objects if _types(o) & _ARTICLE_TYPES),
        key=lambda o: "webpage" in _types(o),
    )
    return ranked[0] if ranked else None


def declared_article_body(tree: lxml.html.HtmlElement) -> str | None:
    """The article's text as the publisher declared it in JSON-LD (`articleBody`), the
    longest one given, for a page whose layout shows no article (built by a script)."""
    bodies = [
        o["articleBody"]
        for o in _json_ld_objects(tree)
        if _types(o) & _ARTICLE_TYPES and isinstance(o.get("articleBody"), str)
    ]
    return max(bodies, key=len) if bodies else None


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """First non-empty content of each <meta> by its property/name/itemprop, lower-cased."""
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                metas.setdefault(key.strip().lower(), content.strip())
    return metas


def _ld_names(value: object, depth: int = 0) -> list[str]:
    """Names out of a JSON-LD person/organisation value (string, dict or list), bounded."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        return []
    if isinstance(value, list) and depth < _LD_MAX_DEPTH:
        return [n for item in value for n in _ld_names(item, depth + 1)]
    return []


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|:)\s+")
# A headline runs to a line or two; a template that pours the page's text into <title> (or
# og:title) would fill the whole overview and the Markdown's heading with it.
_TITLE_MAX = 300


def _short_title(title: str) -> str:
    """A title no longer than `_TITLE_MAX`, cut at a space with an ellipsis."""
    if len(title) <= _TITLE_MAX:
        return title
    cut = title[:_TITLE_MAX]
    return cut[: cut.rfind(" ")].rstrip() + "…" if " " in cut else cut + "…"


# A headline's <h1> and its <title> are often typed apart: "Tomorrow’s" in one, "Tomorrow's"
# (or "&#039;") in the other; compared as they read, the h1 was not found in the title and
# the title kept two parts of site name ("... | Wired Science | Wired.com").
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                             "„": '"', "‟": '"', "–": "-", "—": "-"})  # fmt: skip


def _headline_in_title(title: str, site: str | None, h1s: list[str]) -> str | None:
    """The first <h1> the title holds, as the page types it; not a banner the title ends on
    after a separator that names the site ("September 2018 open thread - The GiveWell Blog",
    "... – Tcritic - The T-Shirt Blog" on tcritic.com), which a blog's first <h1> repeats.
    A headline after a site's or section's name ("Opinion | Republicans Are ...") stays."""
    folded = title.translate(_TYPOGRAPHY)
    for h1 in h1s:
        typed = h1.translate(_TYPOGRAPHY)
        at = folded.find(typed) if len(h1) >= 15 else -1
        if at < 0:
            continue
        ends_after_a_separator = folded.endswith(typed) and bool(
            _TITLE_SEPARATORS.search(folded[:at] + " ")
        )
        if not (ends_after_a_separator and _names_the_site(h1, site)):
            return h1
    return None


def _names_the_site(text: str, site: str | None) -> bool:
    """Whether `text` holds the site's name, or the name its address is made of
    ("tcritic.com": "Tcritic")."""
    if not site:
        return False
    name = site.lower()
    labels = _labels(site) if _DOMAIN_NAME.match(site) else []
    key = re.sub(r"\W+", "", labels[-1] if labels else name)  # "co", "com" and "www" left out
    return bool(key) and key in re.sub(r"\W+", "", text.lower())


def _strip_site_suffix(title: str, site: str | None, h1s: list[str]) -> str:
    title = norm(title)
    headline = _headline_in_title(title, site, h1s)
    if headline:
        return headline
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        site_key = re.sub(r"\W+", "", site.lower())
        # Drop leading/trailing parts that are the site's name ("Title | Site", "Site - Title"),
        # cutting the title's own text: a headline with a dash of its own in it ("Study
        # Shows - A Mix of ... | Site") keeps that dash and what follows it.
        seps = list(_TITLE_SEPARATORS.finditer(title))
        start, end = 0, len(title)
        while len(parts) > 1 and re.sub(r"\W+", "", parts[-1].lower()) in (site_key, ""):
            parts.pop()
            end = seps.pop().start()
        while len(parts) > 1 and re.sub(r"\W+", "", parts[0].lower()) == site_key:
            parts.pop(0)
            start = seps.pop(0).end()
        if (start, end) != (0, len(title)):
            return title[start:end].strip()
    # Without a known site name, a short last part after " | " is the usual site suffix.
    separators = _TITLE_SEPARATORS.findall(title)
    last = parts[-1]
    if (
        separators
        and separators[-1].strip() in {"|", "-", "–", "—", "::", "·", "•", "»"}
        and len(last.split()) <= 4
        and len(" ".join(parts[:-1]).split()) >= 3
    ):
        return title[: title.rfind(separators[-1])].strip()
    return title


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # "http://[x/" and other addresses a page can declare
        return None
    return host.removeprefix("www.") if host else None


def _section_words(path: str) -> list[str]:
    """The words of an address's folders, not of its last part (the article's own slug):
    "/article/us-global-markets/asian-shares-soft" -> article, us, global, markets."""
    folders = [p for p in path.lower().split("/") if p][:-1]
    return [w for folder in folders for w in re.split(r"[\W_]+", folder) if w]


def _path(url: str | None) -> str:
    try:
        return urlsplit(url).path if url else ""
    except ValueError:
        return ""


# Labels under a country's top-level domain that say what kind of site it is, not which
# ("bbc.co.uk", "gov.br"): never the site's own label.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
# A name written as an address ("Express.co.uk", "NJ.com") is compared by its labels.
_DOMAIN_NAME = re.compile(r"^(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)+)/?$", re.I)
# A word this long found inside the host's label ties a name to it ("post" in "ctpost");
# shorter ones ("us", "new") turn up inside unrelated labels by chance.
_MIN_SHARED_WORD = 4


def _labels(host: str) -> list[str]:
    """The host's own labels, letters only: "www.pv-magazine.co.uk" -> ["pvmagazine"]."""
    parts = [re.sub(r"[\W_]", "", p) for p in host.lower().split(".")]
    return [p for p in parts[:-1] if p and p != "www" and p not in _SECOND_LEVEL]


def _words(name: str) -> list[str]:
    words = re.findall(r"[^\W_]+", name.casefold())
    return words[1:] if len(words) > 1 and words[0] == "the" else words


# Words of a name tried when spelling a host's label from them (a name is a few words).
_MAX_SPELL_WORDS = 12


def _spells(label: str, words: list[str]) -> bool:
    """Whether `label` is the start of some of `words`, in order: "nbcdfw" from "NBC 5
    Dallas-Fort Worth", "latimes" from "Los Angeles Times", "wsj", "thehill"."""
    words = words[:_MAX_SPELL_WORDS]
    reachable = {0}  # how much of the label the words so far can spell
    for word in words:
        after = set(reachable)
        for done in reachable:
            k = 1
            while done + k <= len(label) and k <= len(word) and label[done + k - 1] == word[k - 1]:
                after.add(done + k)
                k += 1
        reachable = after
    return len(label) in reachable


def _names_host(name: str, host: str) -> bool:
    """Whether `name` is a name of the site at `host`: "The Detroit News" of
    detroitnews.com, "WSJ" of wsj.com, "Express.co.uk" of express.co.uk; not "U.S.", a
    section's label, of reuters.com."""
    labels = _labels(host)
    domain = _DOMAIN_NAME.match(name.strip())
    if domain:
        return bool(set(_labels(domain.group(1))) & set(labels))
    words = _words(name)
    joined = "".join(words)
    for label in labels:
        if len(label) >= 2 and _spells(label, words):
            return True
        if len(joined) >= _MIN_SHARED_WORD and joined in label:
            return True
        if any(len(w) >= _MIN_SHARED_WORD and w in label for w in words):
            return True
    return False


def _reads_as_name(name: str) -> bool:
    # "detroitnews", "livescience.com": a slug or an address, kept only when nothing the
    # publisher wrote as a name ("The Detroit News") ties to the host.
    return not _DOMAIN_NAME.match(name.strip()) and name != name.lower()


def _name_parts(name: str) -> list[str]:
    """A declared name split where a title separator joins a second name or a tagline to
    it ("The Jerusalem Post | JPost.com", "LinkNaija | Nigeria's popular news platform")."""
    return [p for p in (norm(x) for x in _TITLE_SEPARATORS.split(norm(name))) if p]


def _site_candidates(
    metas: dict[str, str], ld: _Json | None, objects: list[_Json]
) -> list[tuple[str, bool]]:
    """Every name the page gives its publisher, most trusted first, each with whether it
    is written as a name: what the site calls itself (og:site_name, the web app's name),
    then the article's declared publisher, any organisation the page describes, and last
    its social account (a handle, never written as a name)."""
    found: list[str] = []
    for key in ("og:site_name", "application-name"):
        if metas.get(key):
            found.append(metas[key])
    if ld:
        found += _ld_names(ld.get("publisher"))
    for obj in objects:
        if _types(obj) & {"organization", "newsmediaorganization"}:
            found += _ld_names(obj)[:1]
    named = [
        (part, _reads_as_name(part))
        for name in found
        if isinstance(name, str)
        for part in _name_parts(name)
    ]
    handle = metas.get("twitter:site", "").strip()
    if re.fullmatch(r"@\w{2,}", handle):
        named.append((handle[1:], False))
    return named


# A name tied to no host of the page is trusted only this short: a brand ("The Morning
# Signal" on a host named otherwise) is a few words, a tagline ("Expert how-to for English
# Riders") a phrase.
_MAX_UNTIED_NAME_WORDS = 4


def _site(
    candidates: list[tuple[str, bool]], hosts: list[str], paths: list[str], fallback: str | None
) -> tuple[str | None, list[str]]:
    """The site's name, and every declared name that is the publisher's own.

    In order: a name written as one and tied to a host of the page (its own, its
    canonical); a short written name tied to none, unless it is a section of the page
    (a segment of its address: "U.S." of /us-markets/); a slug or handle tied to a host;
    the host itself. So a section label or a wire's name ("Associated Press") declared
    by a newspaper's page does not stand for the newspaper."""
    if not hosts:
        return (candidates[0][0] if candidates else None), [c for c, _ in candidates[:1]]
    tied = [(c, named) for c, named in candidates if any(_names_host(c, h) for h in hosts)]
    sections = {piece for path in paths for piece in _section_words(path)}
    untied = [
        c
        for c, named in candidates
        if named
        and (c, named) not in tied
        and len(_words(c)) <= _MAX_UNTIED_NAME_WORDS
        and "".join(_words(c)) not in sections
    ]
    ranked = [c for c, named in tied if named] + untied + [c for c, named in tied if not named]
    return (ranked[0] if ranked else fallback), [c for c, _ in tied]


# Where pages declare the section an article belongs to (a section is never its author).
_SECTION_KEYS = ("article:section", "og:article:section", "section", "articlesection")

# "By", "Written by", "Analysis by", "Von", "Par": what opens a credit before the names.
# Only "by" comes after a word: "von" after a name is the name's own ("Ursula von der
# Leyen" was read as "der Leyen"), as is "von der" at the start ("Von der Leyen").
_BY = re.compile(r"^\s*(?:(?:[^\W\d_]+\s+)?by|von(?!\s+(?:der|den|dem)\b)|par)\s*[:\-]?\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*", re.I)


def _is_publisher_or_section(author: str, publisher: list[str], sections: list[str]) -> bool:
    """An author that is the site itself or one of its sections ("CNN Business" on CNN,
    "Cleveland.com", "Sky" on Sky News, "investing"): a credit line, not a writer."""
    words = _words(author)
    if not words:
        return False
    for name in publisher:
        theirs = _words(name)
        if theirs and (words[: len(theirs)] == theirs or theirs[: len(words)] == words):
            return True
    return any(words == _words(s) for s in sections)


# A word of a person's name: letters (of any script), with the dots, apostrophes and
# hyphens names carry ("J.", "O'Brien", "Smith-Jones"); no digits, brackets or markup.
_NAME_WORD = re.compile(r"(?:[^\W\d_]|[.'’‘-])*[^\W\d_](?:[^\W\d_]|[.'’‘-])*")
# A name is a few words; anything longer is a sentence or an organisation blurb.
_DECLARED_NAME_MAX_WORDS = 5
# "Jane Roe. Harbour Media International": a full stop after a word ends the name; what
# follows is another credit. Not after an initial ("J. Roe") or a title ("Dr. Roe").
_NAME_THEN_SENTENCE = re.compile(
    r"(?<=[^\W\d_]{2})(?<!\b(?:Dr|Mr|Ms|St|Jr|Sr|Lt|Mt|Ft))(?<!\b(?:Mrs|Rev|Sen|Rep|Gov|Gen|Col|Sgt))"
    r"(?<!\b(?:Prof|Capt))\.\s+(?=[^\W\d_])"
)
# "Jane Roe (Reuters)": what the brackets add is no part of the name.
_BRACKETED_TAIL = re.compile(r"\s*\([^()]*\)$")


# A link's label where a writer's name should be: a rel="author" link reading "View
# Profile" or "About Us" points at the writer without naming them.
_LINK_LABEL = re.compile(
    r"(?:(?:view|see|visit|read|my|our|full|author'?s?)\s+)+(?:\w+\s+)?"
    r"(?:profile|bio|biography|posts|articles|stories|page)|(?:about|contact)(?:\s+(?:us|me|the\s+authors?))?"
    r"|(?:the\s+)?authors?|profile|bio|biography|home|more",
    re.I,
)


def _looks_like_name(part: str, capitalised: bool) -> bool:
    """Whether one declared author reads as a person's or a desk's name: a few words of
    letters, at least two of them; in a field that writes names with capitals (as
    `capitalised` says), none of its words in lower case but a particle ("de", "van"), so
    the rest of a sentence ("John Doe goes on", "on forever") and a role ("staff
    reporter") are not taken for names."""
    words = part.split()
    if not 0 < len(words) <= _DECLARED_NAME_MAX_WORDS:
        return False
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if sum(c.isalpha() for c in part) < 2 or _role().fullmatch(part):
        return False
    if _LINK_LABEL.fullmatch(part) or _ends_on_a_role(part):
        return False
    if all(_bare_letters(w) in _POST_NOMINALS for w in words):
        return False  # "MBA" after "Michael Lombardi,"
    # "Harbour Media International", "Acme Holdings": an organisation, not a writer.
    if any(w.casefold() in _ORGANISATION_WORDS for w in words):
        return False
    return not capitalised or all(not w[0].islower() or w in _NAME_PARTICLES for w in words)


_POST_NOMINALS = lexicon.words("author_post_nominals")
_GENERATIONS = lexicon.words("author_generations")


def _bare_letters(word: str) -> str:
    return word.replace(".", "").casefold()


@lru_cache(maxsize=1)
def _role_ending() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s)(?:{_role().pattern})$", re.I)


def _ends_on_a_role(part: str) -> bool:
    """A role of two words or more at the end of a declared author ("AP National Political
    Writer", "Times Staff Writer"): the desk's credit, not a writer's name. One word alone
    may be a surname ("Sam Writer")."""
    found = _role_ending().search(part)
    return found is not None and " " in found.group().strip()


def _clean_author_names(raw: Iterable[str]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for item in raw:
        if not isinstance(item, str):
            continue
        # JSON-LD carries its text as the page wrote it, character references and all.
        item = norm(html.unescape(item))
        # Profile links are not names.
        if not item or item.startswith(("http://", "https://", "/")):
            continue
        item = _BY.sub("", item)
        capitalised = any(w[0].isupper() for w in item.split())
        named = -1  # where this item's last name went in `names`
        for part in _AUTHOR_SPLIT.split(_NAME_THEN_SENTENCE.sub(", ", item)):
            part = _BRACKETED_TAIL.sub("", part).strip(" .,:")
            if named >= 0 and _bare_letters(part) in _GENERATIONS:
                # "Martin Cole, Jr.": the generation is the name's, no second writer.
                dot = "." if _bare_letters(part) in {"jr", "sr"} else ""
                names[named] = f"{names[named]} {part}{dot}"
                seen.add(names[named].casefold())
                continue
            if not _looks_like_name(part, capitalised):
                continue
            if _in_capitals(part):
                part = _from_capitals(part)
            key = part.casefold()
            if key not in seen:
                seen.add(key)
                names.append(part)
                named = len(names) - 1
    return names


# ---------------------------------------------------------------- printed bylines
# A page that declares no author often prints one: "By Sam Writer", "By SAM WRITER and ANN
# OTHER, Reuters", "Sam Writer | Staff reporter". The line is read by general signals (an
# opening "By", two to four capitalised name words, names joined by "and" or commas, an
# agency, role or date after them), never by site. A line that fails any of them gives no
# author: a missing author costs less than one made up from "By Tuesday the rain stopped".

_BYLINE_OPENING = re.compile(r"^\s*(?:written by|words by|reporting by|story by|by)\s*:?\s+", re.I)
# A byline is a short line; a longer one starting "By" is a sentence of the article.
_BYLINE_MAX_WORDS = 20
# A person in a byline has a first and a last name at least; one word ("By Reuters", "By
# Design", "by Rahul" under a teaser) is an organisation or too little to trust.
_NAME_MIN_WORDS = 2
_NAME_MAX_WORDS = 4
# Lower-case words inside a name: "Ursula von der Leyen", "Rafael de la Cruz".
_NAME_PARTICLES = frozenset(
    {"de", "der", "den", "van", "von", "da", "das", "do", "dos", "di", "du", "del", "della"}
    | {"la", "le", "al", "el", "bin", "ibn", "ten", "ter", "y"}
)
# Words of a date: a day, a month, a part of the day, a holiday.
_DATE_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "jan", "feb", "mar", "apr"}
    | {"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "yesterday"}
    | {"tonight", "tomorrow", "morning", "afternoon", "evening", "night", "noon"}
    | {"midnight", "dawn", "dusk", "late", "early", "mid", "end", "next", "last"}
    | {"updated", "published", "posted"}
    # "By Christmas Eve": a holiday is a date too.
    | {"christmas", "easter", "eve", "thanksgiving", "halloween", "ramadan", "eid"}
    | {"passover", "hanukkah", "diwali", "holiday", "holidays", "weekend"}
)
# Words of a news agency's or wire's name.
_AGENCY_WORDS = frozenset(
    {"reuters", "ap", "afp", "associated", "press", "agence", "france-presse", "upi"}
    | {"bloomberg", "dpa", "efe", "ansa", "xinhua", "tass", "ria", "cnn", "bbc", "pa"}
    | {"wire", "wires", "service", "services", "agencies", "agency"}
)
# Capitalised words that are never a word of a person's name in a byline, each group with why.
_NOT_NAME_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        # "By Tuesday the rain had stopped"; "By Mike Writer Monday, Nov. 18": a date
        # word opens a sentence or ends the name. (A writer named April or June is lost.)
        "a day or month",
        _DATE_WORDS,
    ),
    (
        # "By Air And Sea", "By JANE ROE AND JOHN DOE": a capitalised "And" joins names
        # (or words of a title); it is never a word of one.
        "a word that joins",
        frozenset({"and", "or", "with", "nor"}),
    ),
    (
        # "By SAM WRITER, Reuters", "By Ann Other Associated Press": credited, not a person.
        "an agency or wire",
        _AGENCY_WORDS,
    ),
    (
        # "By Daily Planet Staff", "By Special Correspondent": a publication or its desk.
        # ("Writer" is a surname too: "By Staff Writer" fails on "Staff".)
        "a word of a publication's or desk's name",
        frozenset(
            {"news", "times", "post", "daily", "journal", "herald", "tribune", "gazette"}
            | {"magazine", "media", "staff", "desk", "team", "bureau", "editors", "editorial"}
            | {"network", "online", "weekly", "correspondent", "correspondents", "reporter"}
            | {"reporters", "editor", "editors", "contributor", "contributors", "special"}
            | {"senior", "chief", "guest", "web", "online", "digital", "admin", "administrator"}
        ),
    ),
    (
        # "By The Way ...", "By Contrast, ...", "By All Accounts": a sentence's opening.
        "a word that opens a sentence after By",
        frozenset(
            {"the", "this", "that", "these", "those", "then", "now", "contrast", "far"}
            | {"comparison", "default", "design", "way", "law", "all", "some", "most", "many"}
            | {"our", "my", "his", "her", "their", "its", "a", "an", "one", "two", "using"}
        ),
    ),
)
_CREDIT_OR_SENTENCE = frozenset().union(*(words for _, words in _NOT_NAME_WORDS))
# Words of an organisation's name, as the entity recogniser reads them ("Acme Widgets
# Corporation", "Harbour Holdings Ltd", "Ministry of Ports"): a name beside one is the
# organisation's, a press release's sender, not a writer. Less the words above, which may
# follow a writer as a credit ("SAM WRITER Associated Press"), and words that are people's
# names too ("By Ann Cross", "By Kit Steel", "By Asa Roe").
_ALSO_PEOPLES_NAMES = frozenset({"asa", "court", "cross", "ledger", "red", "steel"})
_ORGANISATION_WORDS = (
    lexicon.words("entity_org_name_words") - _CREDIT_OR_SENTENCE - _ALSO_PEOPLES_NAMES
)
_NOT_NAME = _CREDIT_OR_SENTENCE | _ORGANISATION_WORDS
# Lower-case words that may follow the names ("..., staff reporter", "... for The Planet",
# "... Monday, Nov. 18, 4:05 pm"): anything else there makes the line a sentence.
_BYLINE_TAIL_WORDS = frozenset(
    {"and", "for", "in", "at", "on", "of", "from", "with", "via", "the", "special", "to"}
    | {"staff", "senior", "chief", "contributing", "reporter", "writer", "correspondent"}
    | {"editor", "contributor", "columnist", "am", "pm", "a.m", "p.m", "ago", "hour", "hours"}
    | {"min", "mins", "minute", "minutes", "day", "days", "updated", "published", "posted"}
)
# What ends the names: a separator before an agency, a role or a date.
_BYLINE_SEPARATORS = frozenset({",", "|", "-", "–", "—", "/", "(", "•", "·", ";", ":"})
_BYLINE_TOKEN = re.compile(r"[,|&;:/()–—•·]|[^\s,|&;:/()–—•·]+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){1,3}")
# "By HARBOUR BAKERY'S KITCHEN": a possessive belongs to a sender's or a column's name; a
# writer signs without one.
_POSSESSIVE = re.compile(r"['’][sS]$")


def _name_style(word: str) -> str | None:
    """How a word of a name is written: "initial" (J.), "caps" (WRITER), "title"
    (Writer, LaMotte, O'Neil), or None when it cannot be part of a name."""
    if not word[0].isupper():
        return None
    if _INITIALS.fullmatch(word):
        return "initial"
    letters = re.sub(r"[-'’.]", "", word)
    if not letters.isalpha() or word.casefold().strip(".") in _NOT_NAME:
        return None
    if _POSSESSIVE.search(word):
        return None
    return "caps" if letters.isupper() and len(letters) > 1 else "title"


def _name_at(tokens: list[str], start: int) -> tuple[str, int] | None:
    """A person's name written from `tokens[start]` and where it ends, or None: two to four
    capitalised words, all written alike (a switch from "SAM WRITER" to "Associated"
    ends it), with initials and particles between."""
    words: list[str] = []
    style = None
    end = start
    # Room for a particle or two beside the name's own words (counted below).
    while end < len(tokens) and len(words) < _NAME_MAX_WORDS + 2:
        word = tokens[end]
        if words and word in _NAME_PARTICLES:
            words.append(word)
            end += 1
            continue
        kind = _name_style(word)
        if kind is None or (kind != "initial" and style not in (None, kind)):
            break
        style = style if kind == "initial" else kind
        words.append(word)
        end += 1
    while words and words[-1] in _NAME_PARTICLES:
        words.pop()
        end -= 1
    proper = [w for w in words if w not in _NAME_PARTICLES]
    if style is None or not _NAME_MIN_WORDS <= len(proper) <= _NAME_MAX_WORDS:
        return None
    if end < len(tokens) and tokens[end].casefold().strip(".") in _ORGANISATION_WORDS:
        return None  # "Acme Widgets Holdings": the words begin an organisation's name
    return " ".join(words), end


# ------------------------------------------------------------ names in capitals
# A template that prints names in capitals ("By SAM WRITER", an author field "ANN ROE")
# shows its style, not the names' spelling: they are shown as names are written. A word
# whose letters alone do not say how to write it leaves the whole name as given: capitals
# read as a template's, a wrong guess ("Jk Rowling", "Bbc News") as ours.

# A name's part after which a second capital follows, as a name in capitals hides it:
# MCDONALD is McDonald. ("Mac" is not among them: Macy, Machado, Mackenzie and Macdonald
# are written with one capital as often.)
_SECOND_CAPITAL = re.compile(r"\b(Mc)([^\W\d_])")
# A capital after one letter and an apostrophe (O'NEIL, D'ARCY, N'DIAYE); after more
# (SA'ID, a possessive 'S) the letters go on in lower case.
_CAPITAL_AFTER_APOSTROPHE = re.compile(r"\b([^\W\d_]['’])([^\W\d_])")
# Words of a name written otherwise than with one capital.
_NAME_SUFFIXES = {"jr": "Jr", "sr": "Sr", "ii": "II", "iii": "III", "iv": "IV"}
# Particles written in lower case when two come together ("VON DER LEYEN", "DE LA CRUZ");
# alone, English writes a capital as often ("De Niro", "Van Dyke", "Di Maria"), and the
# words that are also names ("Al", "Le", "Do") or an initial ("Y") keep theirs.
_PAIRED_PARTICLES = _NAME_PARTICLES - {"al", "el", "le", "do", "y", "ten"}
_VOWEL = re.compile(r"[aeiouy]", re.I)


# Words no person's name has, months and weekdays aside ("JUNE ROE" is a name).
_NO_PERSONS_WORDS = _NOT_NAME - _DATE_WORDS


def _casable(word: str) -> bool:
    """Whether a word of a name in capitals can be written from its letters: not initials
    run together ("JK", "DJ") nor an acronym ("BBC"), which have no vowel, nor a word no
    person's name has ("NEWS", "AP", "CORPORATION"); a month is one ("JUNE ROE")."""
    key = word.casefold().strip(".")
    if key in _NAME_SUFFIXES or _INITIALS.fullmatch(word) or word.islower():
        return True
    if word.isascii() and not _VOWEL.search(word):
        return False
    return key not in _NO_PERSONS_WORDS


def _word_from_capitals(word: str) -> str:
    """O'HARA is O'Hara, SMITH-JONES Smith-Jones, MCDONALD McDonald, JR. Jr., J.D. J.D."""
    if _INITIALS.fullmatch(word):
        return word
    suffix = _NAME_SUFFIXES.get(word.casefold().strip("."))
    if suffix:
        return suffix + ("." if word.endswith(".") else "")
    cased = "-".join(piece.capitalize() for piece in word.lower().split("-"))
    cased = _CAPITAL_AFTER_APOSTROPHE.sub(lambda m: m.group(1) + m.group(2).upper(), cased)
    return _SECOND_CAPITAL.sub(lambda m: m.group(1) + m.group(2).upper(), cased)


def _in_capitals(name: str) -> bool:
    """Whether a name is written in capitals: two words or more, none of them in lower case
    but a particle ("INES de la CRUZ"). "DJ Shadow" is written so on purpose."""
    words = [w for w in name.split() if w not in _NAME_PARTICLES]
    return (
        len(words) >= _NAME_MIN_WORDS
        and all(w == w.upper() for w in words)
        and any(sum(c.isalpha() for c in w) > 1 for w in words)
    )


def _from_capitals(name: str) -> str:
    """A name written in capitals as a name is written ("ANN O'HARA" is Ann O'Hara,
    "JOHN MCDONALD-SMITH" John McDonald-Smith, "URSULA VON DER LEYEN" Ursula von der
    Leyen), or as given when a word of it cannot be written from its letters."""
    words = name.split()
    if not all(_casable(w) for w in words):
        return name
    paired = [w.casefold() in _PAIRED_PARTICLES for w in words]
    cased = []
    for at, word in enumerate(words):
        beside = (at > 0 and paired[at - 1]) or (at + 1 < len(words) and paired[at + 1])
        if word.islower() or (0 < at < len(words) - 1 and paired[at] and beside):
            cased.append(word.lower())
        else:
            cased.append(_word_from_capitals(word))
    return " ".join(cased)


def _names_from(tokens: list[str], alone: bool = False) -> tuple[list[str], int]:
    """The names joined at the start of `tokens` ("A and B", "A, B and C", "A, B, and C"),
    and where they end. A comma alone does not join: "Sam Writer, New York" is one
    writer and a place, so names after commas count only when "and" closes the list, or
    when the names are `alone` in their part of the line and fill it ("Ann Roe, Kit Doe"
    before "| Reuters")."""
    found = _name_at(tokens, 0)
    if found is None:
        return [], 0
    chain = [found]  # each name with where it ends
    closed = 0  # the last of them that "and" joined: the list ends there
    while True:
        at = _past_a_place(tokens, chain[-1][1])
        joiner = tokens[at].casefold() if at < len(tokens) else ""
        if joiner == "," and at + 1 < len(tokens) and tokens[at + 1].casefold() in ("and", "&"):
            at, joiner = at + 1, "and"
        found = _name_at(tokens, at + 1) if joiner in (",", "and", "&") else None
        if found is None or (joiner == "," and _is_place(found[0])):
            break
        chain.append(found)
        if joiner != ",":
            closed = len(chain) - 1
    if alone and chain[-1][1] == len(tokens):
        closed = len(chain) - 1
    names = [name for name, _ in chain[: closed + 1]]
    return names, chain[closed][1]


# How strongly the gazetteer must say "place" for a name after a writer's comma to be the
# dateline: a country, a state or a town's own name (1.5 and up), not one of the other
# spellings it keeps (1.0), among which are people's names ("Robert Williams").
_DATELINE_MIN_WEIGHT = 1.5


def _is_place(name: str) -> bool:
    """Whether a name after a writer's comma is where they wrote from ("By Sam Writer, New
    Haven | Reuters"), not a second writer ("By Ann Roe, Kit Doe | Reuters")."""
    return gazetteer_weight(name) >= _DATELINE_MIN_WEIGHT


def _past_a_place(tokens: list[str], at: int) -> int:
    """Where the next writer's joiner is, past where the last one was ("By Ann Roe in Kyiv
    and Kit Doe in Moscow": past "in Kyiv"; "By Ann Roe, New Haven, and Kit Doe": past ",
    New Haven"). Only a place followed by a joiner: one at the end is the byline's tail,
    read as such."""
    if at + 1 >= len(tokens) or tokens[at].casefold() not in ("in", ","):
        return at
    end = at + 1
    while end < len(tokens) and tokens[end][:1].isupper():
        end += 1
    if end == at + 1 or (tokens[at] == "," and not _is_place(" ".join(tokens[at + 1 : end]))):
        return at
    joined = end < len(tokens) and tokens[end].casefold() in (",", "and", "&")
    return end if joined else at


def _plain_words(tokens: list[str]) -> bool:
    """Whether every lower-case word among `tokens` may stand beside a byline's names."""
    words = (t.strip(".") for t in tokens)
    return all(
        w in _BYLINE_TAIL_WORDS for w in words if w.replace(".", "").isalpha() and w.islower()
    )


def _reads_as_byline_tail(tokens: list[str]) -> bool:
    """Whether what follows the names is an agency, a role, a place or a date, not the
    rest of a sentence ("By Sunset Boulevard, the crowd had gone")."""
    if not tokens:
        return True
    first = tokens[0]
    if not (
        first in _BYLINE_SEPARATORS
        or first[0].isdigit()
        or first.casefold().strip(".") in _NOT_NAME | _BYLINE_TAIL_WORDS
    ):
        return False
    return _plain_words(tokens)


@lru_cache(maxsize=1)
def _role() -> re.Pattern[str]:
    # The cleaner's table says what a writer's role reads like; both read the same words.
    return re.compile(tables.load("clean_rules.toml")["vars"]["role"], re.I)


@lru_cache(maxsize=1)
def _time_fragment() -> re.Pattern[str]:
    """A date, a time of day or a reading time as a byline gives it ("March 3, 2022",
    "Updated 2 hours ago", "09:15 am EDT", "5 min read"), in the cleaner's own words."""
    variables = tables.load("clean_rules.toml")["vars"]
    date = (
        r"(?:(?:last )?(?:published|updated|posted)\s*:?\s*)?"
        rf"(?=.*\d)(?:[,.:/]|\s|\d{{1,4}}(?:st|nd|rd|th)?\b|{variables['dateword']}\b)+"
    )
    return re.compile(f"{variables['reading_time']}|{date}", re.I)


def _is_role(part: str, site: str | None) -> bool:
    return bool(_role().fullmatch(part))


def _is_outlet(part: str, site: str | None) -> bool:
    """An agency ("Reuters", "AP", "Associated Press") or the page's own site."""
    words = part.split()
    if words and all(w[0].isupper() and w.casefold() in _AGENCY_WORDS for w in words):
        return True
    return bool(site) and _words(part) == _words(site or "")


def _is_time(part: str, site: str | None) -> bool:
    return bool(_time_fragment().fullmatch(part))


# What a part of a byline after the names may be, each recognised by its own test: "By Ann
# Roe and Kit Doe | Staff reporters", "By Ann Roe, Kit Doe | Reuters", "By Ann Roe · 5 min
# read", "March 3, 2022 | By Ann Roe". A part none of them knows is judged by its words.
_BYLINE_PARTS: tuple[tuple[str, Callable[[str, str | None], bool]], ...] = (
    ("role", _is_role),
    ("outlet", _is_outlet),
    ("time", _is_time),
)
# What always parts a byline's pieces; a comma (or a colon, a semicolon, a bracket) parts
# them only before a piece `_BYLINE_PARTS` knows ("By Ann Roe, Staff reporter"), since
# it also joins names ("Ann Roe, Kit Doe and Sam Writer") and a name to a place.
_PART_SEPARATORS = frozenset({"|", "·", "•", "—", "–", "-", "/"})
_SOFT_SEPARATORS = frozenset({",", ":", ";", "("})


def _part_kind(tokens: list[str], site: str | None) -> str | None:
    part = " ".join(tokens).strip(" .()")
    return next((kind for kind, test in _BYLINE_PARTS if part and test(part, site)), None)


def _split_parts(tokens: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in _PART_SEPARATORS:
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def _known_tail(tokens: list[str], site: str | None) -> tuple[list[str], list[str]]:
    """`tokens` parted at the first soft separator after which every comma-parted piece
    is known ("Ann Roe, Staff reporters" -> "Ann Roe" and ["role"]), with the kinds."""
    for at, token in enumerate(tokens):
        if token not in _SOFT_SEPARATORS or at == 0:
            continue
        pieces: list[list[str]] = [[]]
        for t in tokens[at + 1 :]:
            if t == ",":
                pieces.append([])
            else:
                pieces[-1].append(t)
        kinds = [_part_kind(p, site) for p in pieces]
        if all(kinds):
            return tokens[:at], [k for k in kinds if k]
    return tokens, []


def _byline_names(line: str, site: str | None = None) -> list[str]:
    """The people a printed byline names, or [] when the line is not one."""
    line = norm(line)
    if not line or len(line.split()) > _BYLINE_MAX_WORDS:
        return []
    parts = _split_parts(_BYLINE_TOKEN.findall(line))
    # A date or an outlet may come first: "March 3, 2022 | By Ann Roe".
    while parts and _part_kind(parts[0], site):
        parts.pop(0)
    if not parts:
        return []
    text = " ".join(parts[0])
    opening = _BYLINE_OPENING.match(text)
    words = _BYLINE_TOKEN.findall(text[opening.end() :] if opening else text)
    head, kinds = _known_tail(words, site)
    later = [(part, _part_kind(part, site)) for part in parts[1:]]
    kinds += [kind for _, kind in later if kind]
    names, end = _names_from(head, alone=bool(kinds))
    if not names:
        return []
    rest = head[end:]
    if opening:
        # Every part no table knows must read as a place, a desk or a date does.
        unknown_ok = all(kind or _plain_words(part) for part, kind in later)
        return names if _reads_as_byline_tail(rest) and unknown_ok else []
    # No "By": only a role right after the names ("Sam Writer | Staff reporter") says that
    # they are the writers' and not a heading's or a caption's; the rest must be known.
    if rest or not kinds or kinds[0] != "role" or not all(kind for _, kind in later):
        return []
    return names


def byline_authors(lines: Iterable[str], site: str | None = None) -> list[str]:
    """The writers the first printed byline among `lines` names, without the site: for a
    page whose metadata declares no author."""
    for line in lines:
        names = [
            n
            for n in _byline_names(line, site)
            if not _is_publisher_or_section(n, [site] if site else [], [])
        ]
        if names:
            return _clean_author_names(names)
    return []


_DATE_FORMATS = (
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y %H:%M",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y %H:%M",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
)


def _parse_common_date(value: str) -> datetime | None:
    """The non-ISO shapes publishers put in date meta tags (RFC 2822, "May 3, 2024")."""
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = re.sub(r"\s+", " ", value.replace(".", " ").strip()) if "." in value else value
    for text in (value, cleaned):
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
    return None


def _to_iso(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    candidate = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = None
    if parsed is None:
        match = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
        if match:
            try:  # "2024-13-45" looks like a date and is not one
                return date.fromisoformat(match.group(1)).isoformat()
            except ValueError:
                return None
        parsed = _parse_common_date(value)
        if parsed is None:
            return None
    if ":" not in value and parsed.hour == parsed.minute == parsed.second == 0:
        return parsed.date().isoformat()
    return parsed.isoformat()


_DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "parsely-page-pub-date",
)


# Where a <time> says what date it is: microformats' classes ("dtreviewed", "updated",
# "dtstart"), schema.org's itemprop ("dateModified", "startDate").
_DATE_KIND_ATTRS = ("class", "itemprop", "id")
_OTHER_DATE = re.compile(r"review|updat|modif|dtstart|dtend|start ?date|end ?date|expir", re.I)


def _plausible_date(iso: str) -> bool:
    # CMSs fill empty date fields with placeholders (0001-01-01, the 1970 epoch); taken at
    # face value they would anchor a whole timeline two thousand years ago.
    year = int(iso[:4])
    return EARLIEST_PUBLISHED_YEAR <= year <= datetime.now().year + 1


# An address that carries a day: "/2019/11/05/slug", "/20191105/", "2019-11-05" (a month
# alone, "/2012/08/slug", dates no day: the day written in the page is better).
_DATED_ADDRESS = re.compile(
    r"/(?:19|20)\d\d/[01]?\d/[0-3]?\d/|/(?:19|20)\d\d[01]\d[0-3]\d(?!\d)|(?:19|20)\d\d-[01]\d-[0-3]\d"
)


def _headline_address(tree: lxml.html.HtmlElement) -> str | None:
    """Where the headline links to: a blog's headline is a link to the post's own page
    ("/archives/2012/08/09/slug.html"), the only place a saved copy still has its address."""
    h1 = next(tree.iter("h1"), None)
    link = next(h1.iter("a"), None) if h1 is not None else None
    href = (link.get("href") or "").strip() if link is not None else ""
    return href if href.startswith(("http://", "https://")) else None


def _published(
    tree: lxml.html.HtmlElement,
    metas: dict[str, str],
    ld: _Json | None,
    url: str | None,
    canonical: str | None = None,
) -> str | None:
    candidates: list[str] = []
    if ld and isinstance(ld.get("datePublished"), str):
        candidates.append(ld["datePublished"])
    candidates += [metas[k] for k in _DATE_META_KEYS if k in metas]
    for el in tree.iter("time"):
        if el.get("datetime"):
            # The first one, unless it says it is another date (a review's, an update's,
            # an event's) and not also the publication's ("pubdate"): then htmldate, which
            # weighs every date on the page, chooses.
            kind = " ".join(el.get(a, "") for a in _DATE_KIND_ATTRS)
            if el.get("pubdate") is not None or not _OTHER_DATE.search(kind):
                candidates.append(el.get("datetime", ""))
            break
    for raw in candidates:
        iso = _to_iso(raw)
        if iso and _plausible_date(iso):
            return iso
    try:
        from htmldate import find_date

        # The page's address counts after its header and JSON data: a blog's
        # "/2019/11/05/slug" dates a post whose template has no date tag. Of the address
        # fetched and the canonical one, the one with a day in it: htmldate reads the
        # canonical only when given no address, and an address with no day (a shortened
        # link, a local copy) sent it on to a teaser's or a comment's date.
        addresses = (url, canonical, _headline_address(tree))
        dated = next((u for u in addresses if u and _DATED_ADDRESS.search(u)), url)
        found = find_date(
            tree, extensive_search=False, original_date=True, url=dated, deferred_url_extractor=True
        )
    except Exception:  # htmldate is a best-effort fallback; a failure there means "no date"
        found = None
    return _as_the_page_spells_it(found, tree) if found else None


def _spelt_out(day: date, text: str) -> bool:
    """Whether the text writes that day with its month in words ("Nov. 6, 2012",
    "6 November 2012")."""
    name = MONTH_NAMES[day.month - 1]
    month = f"(?:{name}|{name[:3]}\\.?|{name[:4]}\\.?)"  # "Nov.", "Sept."
    nth = f"0?{day.day}(?:st|nd|rd|th)?"
    spelt = rf"\b(?:{month}\s+{nth},?\s*{day.year}|{nth}\s+(?:of\s+)?{month},?\s+{day.year})\b"
    return re.search(spelt, text, re.I) is not None


# A weekday's name and a day in figures after it: "Monday, 11.05.2012", "Tue 6/11/12".
_WEEKDAY_THEN_FIGURES = re.compile(
    r"\b([a-z]{3,9})\.?,?\s+(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b", re.I
)


def _weekday_told(day: date, text: str) -> bool:
    """Whether the text prints that day in figures, either way round, after the name of
    its own weekday ("Monday, 11.05.2012" is 5 November 2012, a Monday, not 11 May)."""
    weekdays = lexicon.weekdays()  # (a fresh copy of the table: taken once per call)
    for m in _WEEKDAY_THEN_FIGURES.finditer(text):
        weekday = weekdays.get(m.group(1).lower())
        a, b, year = int(m.group(2)), int(m.group(3)), int(m.group(4))
        same_year = year in (day.year, day.year % 100)
        if weekday == day.weekday() and same_year and {a, b} == {day.day, day.month}:
            return True
    return False


def _as_the_page_spells_it(iso: str, tree: lxml.html.HtmlElement) -> str:
    """htmldate reads an ambiguous printed "11/06/2012" one way round; when the page spells
    that day out only the other way ("Posted Nov. 6, 2012"), or names the weekday of only
    the other reading beside it ("Monday, 11.05.2012"), its own words decide."""
    try:
        found = date.fromisoformat(iso[:10])
        swapped = date(found.year, found.day, found.month)
    except ValueError:
        return iso  # not a plain day, or no day whose month could be its day
    if swapped == found:
        return iso
    text = tree.text_content()
    for told in (_spelt_out, _weekday_told):
        if told(swapped, text) and not told(found, text):
            return swapped.isoformat() + iso[10:]
    return iso


def _language(tree: lxml.html.HtmlElement, metas: dict[str, str]) -> str | None:
    for raw in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("og:locale"),
        metas.get("content-language"),
        metas.get("language"),
    ):
        if raw and raw.strip():
            # The language, not the region: "en-US", "en_GB" and "EN" all read as English.
            primary = re.split(r"[-_,\s]", raw.strip())[0].lower()
            if primary.isalpha():
                return primary
    return None


# The tags a page names its writers in, read in this order.
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")


def _authors(
    tree: lxml.html.HtmlElement, metas: dict[str, str], ld: _Json | None, publisher: list[str]
) -> list[str]:
    """The writers the page names, without the publisher or a section standing in for one."""
    # The writers the article's JSON-LD names as persons are the page's own word: the
    # template's generic author tag beside them often names the publishing house.
    sources = _clean_author_names(_ld_persons(ld.get("author"))) if ld else []
    if not sources:
        sources = _ld_names(ld.get("author")) if ld else []
        sources += [metas[key] for key in _AUTHOR_KEYS if key in metas]
    if not sources:
        for a in tree.xpath('//a[@rel="author"]'):
            sources.append(a.text_content())
    sections = [metas.get(k, "") for k in _SECTION_KEYS]
    if ld and isinstance(ld.get("articleSection"), str):
        sections.append(ld["articleSection"])
    return [
        a
        for a in _clean_author_names(sources)
        if not _is_publisher_or_section(a, publisher, sections)
    ]


# Longest Parse.ly "parsely-page" object read (it holds a title, a link, a date, a few
# names): a larger one is not that, and is not parsed.
_PARSELY_PAGE_CHARS = 20_000


def _with_parsely_page(metas: dict[str, str]) -> dict[str, str]:
    """`metas` with the date and author of Parse.ly's older tag, one JSON object in
    <meta name="parsely-page"> ({"pub_date": "2012-11-05T18:40:46Z", "author": …}): the
    author as its newer tag names it (parsely-author), the date as the last of the tags
    read for one (its "Z" is often the site's own clock), where those are absent. The
    page's text, read otherwise, may print its date in an order no reader can tell
    ("11.05.12"); this one is ISO."""
    raw = metas.get("parsely-page", "")
    if not raw or len(raw) > _PARSELY_PAGE_CHARS:
        return metas
    page = _ld_parse(raw)
    if not isinstance(page, dict):
        return metas
    found = {
        key: value.strip()
        for key, value in (
            ("parsely-page-pub-date", page.get("pub_date")),
            ("parsely-author", page.get("author")),
        )
        if isinstance(value, str) and value.strip()
    }
    return found | metas


def page_metadata(tree: lxml.html.HtmlElement, url: str | None) -> Metadata:
    """The metadata the page declares, read from the whole tree (head included)."""
    metas = _with_parsely_page(_meta(tree))
    objects = _json_ld_objects(tree)
    ld = _article_ld(objects)

    canonical = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            canonical = link.get("href", "").strip()
            break
    canonical = canonical or metas.get("og:url")
    hosts = [h for h in (_host(url), _host(canonical)) if h]
    paths = [_path(u) for u in (url, canonical)]
    candidates = _site_candidates(metas, ld, objects)
    site, publisher = _site(candidates, hosts, paths, _host(canonical or url))

    # The first few: a site's logo is often the page's first <h1>, the headline the next.
    h1s = [norm(el.text_content()) for el in itertools.islice(tree.iter("h1"), 3)]
    h1 = h1s[0] if h1s else None
    raw_title = metas.get("og:title") or metas.get("twitter:title")
    if not raw_title and ld and isinstance(ld.get("headline"), str):
        raw_title = ld["headline"]
    if not raw_title:
        title_el = tree.find(".//title")
        raw_title = title_el.text_content() if title_el is not None else None
    # Markup a <title> holds as text ("Son of a Bitch,<br/> But He's <i>Our</i> Son", read
    # as text, not parsed), which a browser's tab shows and a reader need not.
    raw_title = norm(MARKUP_TAG.sub(" ", raw_title or "")) or h1
    title = _short_title(_strip_site_suffix(raw_title, site, h1s)) if raw_title else None

    authors = _authors(tree, metas, ld, [*publisher, site] if site else publisher)
    return Metadata(
        title=title or None,
        site=site,
        authors=authors,
        published=_published(tree, metas, ld, url, canonical),
        canonical_url=canonical,
        language=_language(tree, metas),
    )
