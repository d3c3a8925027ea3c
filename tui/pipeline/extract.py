"""From a page's HTML to the article as typed blocks plus its metadata.

readability-lxml chooses the main block; this module turns that block into headings,
paragraphs, quotes and list items, and reads the metadata (title, site, authors, date,
canonical URL, language) from the whole page, preferring what the publisher declared for
machines (JSON-LD, Open Graph) over what is guessed from the layout.

Some boilerplate can only be recognised while the markup is still there (a figure caption,
a share bar, a paragraph that is nothing but a link to another story). That part of the
cleaning happens here and is returned as `Extracted.removed`, each with a rule id and a
reason, so nothing the reader might want is lost silently; `clean.clean` then handles what
can be judged from the text alone.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from readability import Document
from readability.readability import Unparseable

from tui.pipeline.clean import cut
from tui.pipeline.model import (
    Block,
    BlockKind,
    ErrorKind,
    Metadata,
    PipelineError,
    RemovedBlock,
)


@dataclass
class Extracted:
    metadata: Metadata
    blocks: list[Block]
    # Blocks cut while the markup was still known (captions, share bars, link-only
    # headlines); the caller keeps them on the article next to what `clean` removes.
    removed: list[RemovedBlock] = field(default_factory=list)


# --------------------------------------------------------------------------- parsing

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_WS = re.compile(r"\s+")
_CONTROL_BYTES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Control characters (escape, bell, ...) are never text a reader wants, and in a terminal
# they would be obeyed instead of shown; soft hyphens and zero-width marks only split words.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")


def _norm(text: str) -> str:
    return _WS.sub(" ", _INVISIBLE.sub("", text)).strip()


def _parse(html: str) -> lxml.html.HtmlElement:
    # lxml refuses str input that still declares a byte encoding; the text is decoded already.
    html = _XML_DECL.sub("", html, count=1)
    # libxml2 stops reading text at a NUL; other control bytes are never markup.
    html = _CONTROL_BYTES.sub("", html)
    if not html.strip():
        raise PipelineError(ErrorKind.NO_ARTICLE, "The page is empty: there is no article text.")
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise PipelineError(
            ErrorKind.NO_ARTICLE, f"The page could not be read as HTML ({exc})."
        ) from exc


# -------------------------------------------------------------------------- metadata

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


def _json_ld_objects(tree: lxml.html.HtmlElement) -> list[dict]:
    """Every JSON-LD object on the page, flattened out of lists and @graph."""
    found: list[dict] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            found.append(node)
            if "@graph" in node:
                walk(node["@graph"])

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            walk(json.loads(raw))
        except ValueError:
            # Publishers often leave trailing commas or raw newlines; a lenient second try
            # on the control characters recovers most of them.
            try:
                walk(json.loads(re.sub(r"[\x00-\x1f]", " ", raw)))
            except ValueError:
                continue
    return found


def _types(obj: dict) -> set[str]:
    value = obj.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def _article_ld(objects: list[dict]) -> dict | None:
    # A real article type beats the generic WebPage some sites also declare.
    ranked = sorted(
        (o for o in objects if _types(o) & _ARTICLE_TYPES),
        key=lambda o: "webpage" in _types(o),
    )
    return ranked[0] if ranked else None


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


def _ld_names(value: object) -> list[str]:
    """Names out of a JSON-LD person/organisation value (string, dict or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        return []
    if isinstance(value, list):
        return [n for item in value for n in _ld_names(item)]
    return []


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|:)\s+")


def _strip_site_suffix(title: str, site: str | None, h1: str | None) -> str:
    title = _norm(title)
    if h1 and len(h1) >= 15 and h1 in title:
        return h1
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        site_key = re.sub(r"\W+", "", site.lower())
        # Drop leading/trailing parts that are the site's name ("Title | Site", "Site - Title").
        while len(parts) > 1 and re.sub(r"\W+", "", parts[-1].lower()) in (site_key, ""):
            parts.pop()
        while len(parts) > 1 and re.sub(r"\W+", "", parts[0].lower()) == site_key:
            parts.pop(0)
        if len(parts) == 1:
            return parts[0]
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


def _site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


_BY = re.compile(r"^\s*(?:by|written by|words by|von|par)\s*[:\-]?\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*", re.I)


def _clean_author_names(raw: Iterable[str]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for item in raw:
        if not isinstance(item, str):
            continue
        item = _norm(item)
        # Profile links are not names.
        if not item or item.startswith(("http://", "https://", "/")):
            continue
        item = _BY.sub("", item)
        for part in _AUTHOR_SPLIT.split(item):
            part = part.strip(" .,:")
            words = part.split()
            # A name is a few words; anything longer is a sentence or an organisation blurb.
            if not words or len(words) > 5 or "@" in part:
                continue
            key = part.casefold()
            if key not in seen:
                seen.add(key)
                names.append(part)
    return names


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
)


def _plausible_date(iso: str) -> bool:
    # CMSs fill empty date fields with placeholders (0001-01-01, the 1970 epoch); taken at
    # face value they would anchor a whole timeline two thousand years ago.
    year = int(iso[:4])
    return 1990 <= year <= datetime.now().year + 1


def _published(tree: lxml.html.HtmlElement, metas: dict[str, str], ld: dict | None) -> str | None:
    candidates: list[str] = []
    if ld and isinstance(ld.get("datePublished"), str):
        candidates.append(ld["datePublished"])
    candidates += [metas[k] for k in _DATE_META_KEYS if k in metas]
    for el in tree.iter("time"):
        if el.get("datetime"):
            candidates.append(el.get("datetime", ""))
            break
    for raw in candidates:
        iso = _to_iso(raw)
        if iso and _plausible_date(iso):
            return iso
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate is a best-effort fallback; a failure there means "no date"
        found = None
    return found or None


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


def _metadata(tree: lxml.html.HtmlElement, url: str | None) -> Metadata:
    metas = _meta(tree)
    objects = _json_ld_objects(tree)
    ld = _article_ld(objects)

    site = metas.get("og:site_name")
    if not site and ld:
        names = _ld_names(ld.get("publisher"))
        site = names[0] if names else None
    if not site:
        for obj in objects:
            if _types(obj) & {"organization", "newsmediaorganization"}:
                names = _ld_names(obj)
                if names:
                    site = names[0]
                    break
    canonical = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            canonical = link.get("href", "").strip()
            break
    canonical = canonical or metas.get("og:url")
    site = _norm(site) if site else _site_from_url(canonical or url)

    h1_el = next(tree.iter("h1"), None)
    h1 = _norm(h1_el.text_content()) if h1_el is not None else None
    raw_title = metas.get("og:title") or metas.get("twitter:title")
    if not raw_title and ld and isinstance(ld.get("headline"), str):
        raw_title = ld["headline"]
    if not raw_title:
        title_el = tree.find(".//title")
        raw_title = title_el.text_content() if title_el is not None else None
    raw_title = raw_title or h1
    title = _strip_site_suffix(raw_title, site, h1) if raw_title else None

    author_sources: list[str] = []
    if ld:
        author_sources += _ld_names(ld.get("author"))
    for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"):
        if key in metas:
            author_sources.append(metas[key])
    if not author_sources:
        for a in tree.xpath('//a[@rel="author"]'):
            author_sources.append(a.text_content())

    return Metadata(
        title=title or None,
        site=site,
        authors=_clean_author_names(author_sources),
        published=_published(tree, metas, ld),
        canonical_url=canonical,
        language=_language(tree, metas),
    )


# ------------------------------------------------------------------ main block to blocks

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = _HEADINGS | {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "header",
    "footer",
    "main",
    "figure",
    "figcaption",
    "aside",
    "hr",
    "br",
    "center",
    "form",
    "address",
}


@dataclass(frozen=True)
class _MarkupRules:
    by_tag: dict[str, tuple[str, str]]
    by_word: dict[str, tuple[str, str]]
    class_re: re.Pattern[str] | None
    embed_classes: frozenset[str]
    innermost: frozenset[str]


@lru_cache(maxsize=1)
def _markup_rules() -> _MarkupRules:
    """The `[[markup]]` table of clean_rules.toml: which elements to cut, and why."""
    raw = tomllib.loads(
        resources.files("tui.pipeline").joinpath("data/clean_rules.toml").read_text("utf-8")
    )
    by_tag: dict[str, tuple[str, str]] = {}
    by_word: dict[str, tuple[str, str]] = {}
    for rule in raw.get("markup", []):
        for tag in rule.get("tags", []):
            by_tag[tag] = (rule["id"], rule["reason"])
        for word in rule.get("class_words", []):
            by_word[word.lower()] = (rule["id"], rule["reason"])
    words = sorted(by_word, key=len, reverse=True)
    class_re = (
        re.compile(r"(?:^|[\s_-])(" + "|".join(map(re.escape, words)) + r")(?=$|[\s_-])", re.I)
        if words
        else None
    )
    innermost = frozenset(r["id"] for r in raw.get("markup", []) if r.get("innermost"))
    embeds = frozenset(c.lower() for c in raw.get("embeds", {}).get("blockquote_classes", []))
    return _MarkupRules(by_tag, by_word, class_re, embeds, innermost)


_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*(?:\s|$)")
_LABEL = re.compile(r"\[[^\]]{1,24}\]|\([^)]{1,24}\)")
_URL_LIKE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


_NON_ALNUM = re.compile(r"[\W_]+")


def _count_alnum(text: str) -> int:
    return len(_NON_ALNUM.sub("", text))


@dataclass
class _Segment:
    kind: BlockKind
    parts: list[str]
    link_chars: int = 0
    outside: list[str] = field(default_factory=list)


class _Blocker:
    """Walks an element tree and cuts it into typed text blocks at block-level tags."""

    def __init__(self) -> None:
        self.blocks: list[tuple[Block, bool]] = []  # (block, is only a link)
        self._current: _Segment | None = None
        # Cut marker number -> how many blocks came before it.
        self.cut_at: dict[int, int] = {}
        # Markers met inside an open block: they stood within it, so count it as before.
        self._waiting: list[int] = []

    def _flush(self) -> None:
        seg = self._current
        self._current = None
        if seg is None:
            return
        self._flush_segment(seg)
        for number in self._waiting:
            self.cut_at[number] = len(self.blocks)
        self._waiting = []

    def _flush_segment(self, seg: _Segment) -> None:
        text = _norm("".join(seg.parts))
        letters = _count_alnum(text)
        if not letters:
            return
        # Labels after a headline link ("[VIDEO]", "(PHOTOS)") and separators are not prose.
        outside = _LABEL.sub("", "".join(seg.outside))
        prose = _count_alnum(outside)
        # A headline has words; a bare address shown as its own link is content (a source,
        # a product list) the writer chose to print.
        link_only = (
            seg.link_chars > 0
            and prose <= 0.1 * letters
            and len(text.split()) >= 3
            and not _URL_LIKE.match(text)
        )
        self.blocks.append((Block(seg.kind, text), link_only))

    def _add(self, text: str | None, kind: BlockKind, in_link: bool) -> None:
        if not text:
            return
        if self._current is None:
            if not text.strip():
                return
            self._current = _Segment(kind, [])
        self._current.parts.append(text)
        chars = _count_alnum(text)
        if in_link:
            self._current.link_chars += chars
        else:
            self._current.outside.append(text)

    def walk(self, el: lxml.html.HtmlElement, kind: BlockKind, in_link: bool = False) -> None:
        if not isinstance(el.tag, str):
            return  # a comment or processing instruction; its tail belongs to the parent
        tag = el.tag
        if tag == _CUT_TAG:
            number = int(el.get(_CUT_ATTR, "-1"))
            if self._current is None:
                self.cut_at[number] = len(self.blocks)
            else:
                self._waiting.append(number)
            return
        if tag in ("script", "style", "noscript", "template", "button", "svg", "select"):
            return
        is_block = tag in _BLOCK_TAGS
        child_kind = kind
        if tag in _HEADINGS:
            child_kind = BlockKind.HEADING
        elif tag == "li" or tag in ("dt", "dd"):
            child_kind = BlockKind.LIST_ITEM
        elif tag == "blockquote":
            child_kind = BlockKind.QUOTE
        elif tag == "p" and kind in (BlockKind.HEADING,):
            child_kind = BlockKind.PARAGRAPH
        link = in_link or (
            tag == "a" and not (el.get("href") or "").startswith(("#", "javascript:"))
        )
        if is_block:
            self._flush()
        self._add(el.text, child_kind, link)
        for child in el:
            self.walk(child, child_kind, link)
            if child.tail:
                if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                    self._flush()
                self._add(child.tail, child_kind, link)
        if is_block:
            self._flush()


# What a cut element leaves behind: an empty marker the blocker turns into a position,
# so a caption is shown where the figure stood. Not a block tag: text around a cut inside
# a paragraph still joins up as it did with the element simply gone.
_CUT_TAG = "briefing-cut"
_CUT_ATTR = "data-cut"


def _strip_marked(root: lxml.html.HtmlElement) -> list[RemovedBlock]:
    """Cut figures, asides and class-marked share/caption/related boxes out of the block.

    Each cut with text is replaced by a `_CUT_TAG` marker numbered as its removed block.
    """
    removed: list[RemovedBlock] = []
    total = len(_norm(root.text_content())) or 1
    doomed: list[tuple[lxml.html.HtmlElement, str, str]] = []
    table = _markup_rules()
    for el in root.iter():
        if el is root or not isinstance(el.tag, str):
            continue
        if el.tag in table.by_tag:
            doomed.append((el, *table.by_tag[el.tag]))
            continue
        if table.class_re is None:
            continue
        marker = _CAMEL.sub(" ", f"{el.get('class') or ''} {el.get('id') or ''}")
        match = table.class_re.search(marker)
        if match:
            rule, reason = table.by_word[match.group(1).lower()]
            # A card has inner structure (picture, links); the bare name link it is
            # attached to often wears the same word and must stay.
            if rule in table.innermost and len(el) == 0:
                continue
            doomed.append((el, rule, reason))
    nested_in = {
        ancestor
        for el, rule, _ in doomed
        if rule in table.innermost
        for ancestor in el.iterancestors()
    }
    for el, rule, reason in doomed:
        if rule in table.innermost and el in nested_in:
            continue
        # An ancestor may already be gone; and a box holding most of the text is the
        # article itself wearing an unlucky class name, so it stays.
        if not _attached(el, root):
            continue
        text = _norm(el.text_content())
        if len(text) > 0.5 * total:
            continue
        # "social-media-embed" around a quoted post names the wrapper, not boilerplate.
        if el.find(f".//blockquote[@class='{_EMBED_CLASS}']") is not None:
            continue
        if not text:
            el.drop_tree()
            continue
        marker = lxml.html.Element(_CUT_TAG, {_CUT_ATTR: str(len(removed))})
        marker.tail = el.tail
        parent = el.getparent()
        assert parent is not None  # attached, and never the root itself
        parent.replace(el, marker)
        removed.append(RemovedBlock(BlockKind.PARAGRAPH, text, reason, rule))
    return removed


def _attached(el: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    node = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def _to_blocks(root: lxml.html.HtmlElement) -> tuple[list[tuple[Block, bool]], list[RemovedBlock]]:
    """The blocks, and the marked boxes cut from them positioned among those blocks."""
    removed = _strip_marked(root)
    blocker = _Blocker()
    blocker.walk(root, BlockKind.PARAGRAPH)
    blocker._flush()
    placed = [replace(r, position=blocker.cut_at.get(n)) for n, r in enumerate(removed)]
    return blocker.blocks, placed


_TEXT_CONTAINERS = {"p", "li", "blockquote", "td", "dd", "figcaption"} | _HEADINGS


def _standalone_links(root: lxml.html.HtmlElement) -> int:
    """Links that stand on their own (a card, a thumbnail) rather than inside a sentence."""
    count = 0
    for a in root.iter("a"):
        if (a.get("href") or "#").startswith(("#", "javascript:")):
            continue
        node = a.getparent()
        while node is not None and node is not root and node.tag not in _TEXT_CONTAINERS:
            node = node.getparent()
        if node is None or node is root:
            count += 1
    return count


def _link_only_cuts(blocks: list[tuple[Block, bool]]) -> dict[int, tuple[str, str]]:
    """The blocks that are only a link to another page, as `cut` wants them.

    A paragraph or heading made entirely of a link is a headline pointing elsewhere (an
    inline "related" teaser); a list item made of a link is left alone because link lists
    in articles are usually sources the text relies on.
    """
    return {
        i: ("headline linking to another article", "related-link")
        for i, (block, link_only) in enumerate(blocks)
        if link_only and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
    }


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return key(a) == key(b)


# "newsCaption" and "shareBar" name the same things as "news-caption" and "share-bar".
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


_DISPLAY_NONE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)


class _Readability(Document):
    """readability-lxml on an already parsed tree, without its whole-page sanitiser.

    The stock `_parse` runs lxml's Cleaner and rewrites every link to an absolute URL:
    more than half of the extraction time, for nothing the text needs. This keeps the
    parts that change which text is found (hidden elements, scripts, styles, comments).
    """

    def _parse(self, input: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
        # A fresh copy each time: readability retries on the untouched page when its
        # first, ruthless pass finds too little.
        doc = copy.deepcopy(input)
        for el in doc.xpath("//*[@hidden] | //*[@style]"):
            hidden = el.get("hidden") is not None or _DISPLAY_NONE.search(el.get("style") or "")
            if hidden and el.getparent() is not None:
                el.drop_tree()
        etree.strip_elements(
            doc,
            "script",
            "style",
            "link",
            # Never article text, and every element readability does not have to score
            # is time saved (metadata was read from the head before this copy).
            "head",
            "svg",
            "noscript",
            "template",
            "select",
            "button",
            "nav",
            etree.Comment,
            etree.ProcessingInstruction,
            with_tail=False,
        )
        self.encoding = "utf-8"
        return doc


# Names free of the words readability scores up or down ("post", "media", "tweet"), so the
# renamed quote and its wrapper weigh as plain markup.
_EMBED_CLASS = "quoted-embed"


def _unmask_embeds(tree: lxml.html.HtmlElement) -> None:
    """Rename embedded-post blockquotes so readability keeps them as the quotes they are."""
    embeds = _markup_rules().embed_classes
    if not embeds:
        return
    for el in tree.iter("blockquote"):
        classes = (el.get("class") or "").lower().split()
        if embeds.intersection(classes):
            el.set("class", _EMBED_CLASS)
            # Wrappers that hold nothing but the post ("social-media-embed") would be
            # dropped by readability for their names too.
            size = len(_norm(el.text_content()))
            parent = el.getparent()
            while (
                parent is not None
                and parent.tag in ("div", "span", "section", "figure", "p")
                and len(_norm(parent.text_content())) <= size + 10
            ):
                parent.set("class", f"{_EMBED_CLASS}-box")
                parent.attrib.pop("id", None)
                parent = parent.getparent()


def extract(html: str, url: str | None = None) -> Extracted:
    """Main content as typed blocks + metadata. Raises PipelineError(ErrorKind.NO_ARTICLE, "...")
    when the page has no article text (words a reader understands)."""
    tree = _parse(html)
    metadata = _metadata(tree, url)

    _unmask_embeds(tree)
    try:
        summary = _Readability(tree).summary(html_partial=True)
    except (Unparseable, AssertionError, ValueError, TypeError, etree.LxmlError) as exc:
        # readability gives up on some layouts (framesets, pages without a body) by raising
        # whatever its internals hit; to the reader that is simply "no article here".
        raise PipelineError(
            ErrorKind.NO_ARTICLE, "No article text could be found on this page."
        ) from exc
    if not summary or not summary.strip():
        raise PipelineError(ErrorKind.NO_ARTICLE, "No article text could be found on this page.")
    try:
        doc = lxml.html.document_fromstring(summary)
    except (etree.ParserError, ValueError) as exc:
        raise PipelineError(
            ErrorKind.NO_ARTICLE, "No article text could be found on this page."
        ) from exc
    # readability returns a fragment, or the whole page when it found no candidate.
    body = doc.find("body")
    root = body if body is not None else doc

    teasers = _standalone_links(root)
    raw_blocks, marked = _to_blocks(root)
    doomed = _link_only_cuts(raw_blocks)
    # The title is shown above the text; repeating it as the first block reads as a stutter.
    first = next((i for i in range(len(raw_blocks)) if i not in doomed), None)
    if (
        first is not None
        and metadata.title
        and _same_text(raw_blocks[first][0].text, metadata.title)
    ):
        doomed[first] = ("headline repeated in the body", "title-repeat")
    blocks, removed = cut([b for b, _ in raw_blocks], doomed, marked)

    headlines = teasers + sum(1 for r in removed if r.rule == "related-link")
    running = [b for b in blocks if b.kind != BlockKind.HEADING]
    mean_words = sum(len(b.text.split()) for b in running) / max(1, len(running))
    if headlines >= 5 and headlines * 2 >= len(running) and mean_words < 20:
        # Headline links between short teasers: a section front or home page, not a story.
        raise PipelineError(
            ErrorKind.NO_ARTICLE,
            "This page is a list of headlines (a section or home page), not an article.",
        )
    # Letters rather than words, so that text written without spaces counts fairly.
    letters = sum(_count_alnum(b.text) for b in running)
    sentences = sum(1 for b in running if _SENTENCE_END.search(b.text))
    if letters < 60 or sentences == 0:
        raise PipelineError(
            ErrorKind.NO_ARTICLE,
            "No article text could be found on this page "
            f"(only {letters} letters of running text).",
        )
    return Extracted(metadata=metadata, blocks=blocks, removed=removed)
