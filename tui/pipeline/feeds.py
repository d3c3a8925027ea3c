"""Feeds and OPML lists: recognising them, and the article addresses they name.

An RSS, Atom or JSON Feed document expands into its items, newest first; an OPML list
into the feeds it names. `parse` runs in a worker process like the other CPU stages
(a hostile feed costs at most that worker's time limit), takes bytes and returns plain
dataclasses. feedparser reads RSS and Atom, including the broken XML real sites serve;
JSON Feed and OPML are small enough formats to read with the standard library.

Only http(s) addresses come out of a feed or an OPML list: a document from elsewhere
must never make briefing read a local file.
"""

from __future__ import annotations

import calendar
import codecs
import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tui.pipeline.inputs import QUOTED_CHARS, is_own_network, read_local_file
from tui.pipeline.model import Article, ErrorKind, FetchedFeed, PipelineError
from tui.pipeline.options import Options
from tui.pipeline.textsafety import for_terminal, one_line, strip_unsafe
from tui.pipeline.words import listing, megabytes, plural

# Served with these types, a document is a feed whatever its content looks like.
# (The x- forms are the older names some servers still send: Python's http.server serves a
# .rss file as application/x-rss+xml.)
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/x-opml", "text/x-opml",
    "application/x-rss+xml", "application/x-atom+xml", "application/json+feed",
})  # fmt: skip
# Served with these, a document is a feed only if its content says so (an XML sitemap
# or a JSON API is not one).
SNIFFED_TYPES = frozenset({
    "application/xml", "text/xml", "application/json", "text/plain", "text/html",
    "application/xhtml+xml",
})  # fmt: skip
# Local files read as a feed or an OPML list (sniffed too: the suffix alone is not enough).
LOCAL_SUFFIXES = (".opml", ".xml", ".rss", ".atom", ".json")
# The first bytes of a document looked at to recognise it.
SNIFF_BYTES = 2048
# Most feeds an OPML list may add: a reader's subscriptions, not a directory dump.
MAX_OPML_FEEDS = 500
# Longest title kept from a feed (a title is one line in the list).
MAX_TITLE_CHARS = 300

# What may come before a document's first element: a UTF-8 BOM, whitespace, the XML
# declaration, comments and processing instructions, a doctype (compile with re.S | re.I).
XML_PROLOGUE = (
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*"
    rb"(?:<!DOCTYPE[^>]*>\s*)?"
)
_XML_ROOT = re.compile(XML_PROLOGUE + rb"<(rss|feed|rdf:RDF|opml)[\s>/]", re.S | re.I)
# A JSON Feed's version URL, its slashes escaped ("https:\/\/jsonfeed.org\/...": PHP's
# json_encode writes them so) or not.
_JSON_FEED_URL = rb"https?:\\?/\\?/jsonfeed\.org\\?/version\\?/"
_JSON_FEED = re.compile(rb'"version"\s*:\s*"' + _JSON_FEED_URL, re.I)
_JSON_FEED_VERSION = re.compile(_JSON_FEED_URL.decode("ascii"), re.I)


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601 UTC, when the feed gave a date


@dataclass(frozen=True)
class ParsedFeed:
    kind: str  # "rss", "atom", "json" or "opml"
    title: str | None
    items: list[FeedItem] = field(default_factory=list)  # newest first (OPML: in order)
    # Entries left out: no link, or a link that is not an http(s) address.
    skipped: int = 0
    # OPML feeds past MAX_OPML_FEEDS, left out.
    beyond: int = 0
    # Entries whose address an entry before them gave: each address comes once.
    repeated: int = 0


def is_feed_type(mime: str) -> bool:
    return mime in FEED_TYPES


def may_be_feed(mime: str) -> bool:
    """Whether a document served as `mime` is worth sniffing for a feed."""
    return mime in FEED_TYPES or mime in SNIFFED_TYPES


def looks_like_feed(body: bytes) -> bool:
    """RSS, Atom, RDF, OPML or JSON Feed: judged from the first bytes, or, for a JSON
    object that names no JSON Feed version there, from all of `body` read as JSON. Give
    it the whole document (within the size limit the fetch or file read applied)."""
    head = xml_as_utf8(body[:SNIFF_BYTES])
    return bool(_XML_ROOT.match(head) or is_json_feed(head) or _names_json_feed(body))


# The encoding an XML declaration names, which must say UTF-8 once the bytes are.
_DECLARED_ENCODING = re.compile(r"""^(\ufeff?\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""")


def xml_as_utf8(body: bytes) -> bytes:
    """A document in UTF-16 with its byte-order mark (as Windows tools save feeds and OPML
    lists) as UTF-8, its declaration saying so; any other as given. Sniffed as ASCII, a
    UTF-16 OPML list went to the feed reader ("not well-formed") and a saved one was "not
    a saved web page, a feed or an OPML list". (A cut-off last character is dropped.)"""
    if not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body
    text = body.decode("utf-16", errors="ignore")
    return _DECLARED_ENCODING.sub(r"\1UTF-8", text.lstrip("\ufeff"), count=1).encode("utf-8")


def is_json_feed(body: bytes) -> bool:
    """Whether the first bytes are a JSON Feed: an object that names its version early."""
    head = body[:SNIFF_BYTES]
    return _opens_json_object(head) and _JSON_FEED.search(head) is not None


def _names_json_feed(body: bytes) -> bool:
    """Whether `body`, read whole as JSON, is an object whose own "version" is a JSON
    Feed's. Its keys may come in any order: written with sorted keys, the "items" come
    first and the version can be past the first bytes."""
    if not _opens_json_object(body) or b"jsonfeed.org" not in body:
        return False  # quickly: a big JSON answer of some API is not parsed for nothing
    try:
        data = _json_value(body)
    except ValueError:  # not JSON, or not text
        return False
    version = data.get("version") if isinstance(data, dict) else None
    return isinstance(version, str) and _JSON_FEED_VERSION.match(version) is not None


def _opens_json_object(body: bytes) -> bool:
    """Whether `body` begins a JSON object: "{" after white space and a UTF-8 byte-order
    mark, which JSON readers may skip (RFC 8259) and Windows tools write. Every JSON check
    goes through here: one that did not skip the mark sent such a feed to the XML reader
    ("not well-formed (invalid token)"). Matched in place: every page fetched is asked,
    and stripping its white space copied the whole page."""
    return _JSON_OBJECT_START.match(body) is not None


_JSON_OBJECT_START = re.compile(rb"(?:" + re.escape(codecs.BOM_UTF8) + rb")?[ \t\r\n]*\{")


def read_local(input: str, path: Path, options: Options) -> FetchedFeed:
    """A feed or OPML file on disk (blocking: call it in a thread)."""
    body = read_local_file(path, options.max_bytes)
    if len(body) > options.max_bytes:
        raise PipelineError(
            ErrorKind.TOO_LARGE,
            f"The file is larger than {megabytes(options.max_bytes)}; briefing stopped reading it.",
        )
    if not looks_like_feed(body):
        raise PipelineError(
            ErrorKind.INVALID_INPUT,
            f"{for_terminal(path.name, QUOTED_CHARS)} is not a saved web page, a feed or an "
            "OPML list.",
        )
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    return FetchedFeed(input, path.resolve().as_uri(), body, "", stamp)


def parse(feed: FetchedFeed) -> ParsedFeed:
    """The items of a feed, or the feeds of an OPML list. Raises PipelineError (BAD_FEED)
    for a document nothing could be read from."""
    body = xml_as_utf8(feed.body)
    if body is not feed.body:
        feed = replace(feed, body=body)
    head = feed.body[:SNIFF_BYTES]
    match = _XML_ROOT.match(head)
    if match and match.group(1).lower() == b"opml":
        return _opml(feed)
    if not match and _opens_json_object(head):
        return _json_feed(feed)
    return _rss_or_atom(feed)


def _title(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    return one_line(text, MAX_TITLE_CHARS) or None


def _web_address(link: object, base: str) -> str | None:
    """`link` as an absolute http(s) URL briefing may follow from `base`, or None."""
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        url = urljoin(base, strip_unsafe(link.strip(), "")) if base.startswith("http") else link
        parts = urlsplit(url)
    except ValueError:  # "http://[x/": not an address; the feed's other items still count
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if is_own_network(parts.hostname or "") and _on_the_internet(base):
        # A feed on the internet may not send briefing to the reader's own machine or
        # network, as a redirect may not (`fetch.check_redirect`): its item for
        # http://127.0.0.1:.../ was fetched and read. (A saved file's feed is the reader's.)
        return None
    return url


def _on_the_internet(base: str) -> bool:
    """Whether a feed read from `base` is on the internet: not a saved file, nor a server
    on the reader's own machine or network."""
    return base.startswith("http") and not is_own_network(urlsplit(base).hostname or "")


def _newest_first(items: list[FeedItem]) -> tuple[list[FeedItem], int]:
    """Each address once, its newest entry; and how many entries repeated one."""
    # Stable: undated items keep their place after the dated ones, in document order.
    ordered = sorted(items, key=lambda i: i.published or "", reverse=True)
    firsts = list({item.url: item for item in reversed(ordered)}.values())[::-1]
    return firsts, len(ordered) - len(firsts)


def _rss_or_atom(feed: FetchedFeed) -> ParsedFeed:
    import feedparser

    # Bytes, never a string: given a string that looks like a URL, feedparser fetches it.
    parsed = feedparser.parse(
        feed.body,
        response_headers={"content-location": feed.url, "content-type": feed.content_type},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    version = str(parsed.get("version") or "")
    items: list[FeedItem] = []
    skipped = 0
    for entry in parsed.entries:
        url = _web_address(entry.get("link"), feed.url)
        if url is None:
            skipped += 1
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(FeedItem(url, _title(entry.get("title")), _stamp_iso(stamp)))
    if not items and not skipped:
        if parsed.get("bozo"):
            reason = strip_unsafe(str(parsed.get("bozo_exception") or "broken XML"), "")[:160]
            reason = re.sub(r"^<unknown>:(\d+):(\d+): ", r"line \1, column \2: ", reason)
            raise PipelineError(ErrorKind.BAD_FEED, f"The feed could not be read: {reason}.")
        if not version:
            raise PipelineError(
                ErrorKind.BAD_FEED,
                "This is not a feed briefing can read (RSS, Atom, JSON Feed or OPML).",
            )
    kind = "atom" if version.startswith("atom") else "rss"
    items, repeated = _newest_first(items)
    title = _title(parsed.feed.get("title"))
    return _checked(ParsedFeed(kind, title, items, skipped, repeated=repeated))


def _json_feed(feed: FetchedFeed) -> ParsedFeed:
    try:
        data = _json_value(feed.body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PipelineError(
            ErrorKind.BAD_FEED, f"The JSON feed could not be read: {strip_unsafe(str(exc), '')}."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise PipelineError(ErrorKind.BAD_FEED, "The JSON feed has no list of items.")
    items: list[FeedItem] = []
    skipped = 0
    for entry in data["items"]:
        entry = entry if isinstance(entry, dict) else {}
        url = _web_address(entry.get("url") or entry.get("external_url"), feed.url)
        if url is None:
            skipped += 1
            continue
        published = _iso(entry.get("date_published") or entry.get("date_modified"))
        items.append(FeedItem(url, _title(entry.get("title")), published))
    items, repeated = _newest_first(items)
    title = _title(data.get("title"))
    return _checked(ParsedFeed("json", title, items, skipped, repeated=repeated))


def _json_value(body: bytes) -> object:
    """The feed's JSON. A value nested past the decoder's stack (a hostile feed's field a
    thousand lists deep) is read as null, so the feed's items are still read."""
    try:
        return json.loads(body)
    except RecursionError:
        text = body.decode(json.detect_encoding(body))
        return json.loads(_nested_past(text, _JSON_MAX_DEPTH))


# Deeper than any feed's own fields nest; far inside the decoder's recursion limit.
_JSON_MAX_DEPTH = 64
# A JSON string (whose brackets are text) or a bracket.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _nested_past(text: str, depth: int) -> str:
    """`text` with every list or object opened deeper than `depth` written as null."""
    kept: list[str] = []
    level, at = 0, 0
    for m in _JSON_TOKEN.finditer(text):
        token = m.group()
        if token in "[{":
            level += 1
            if level == depth + 1:
                kept.append(text[at : m.start()])
        elif token in "]}":
            if level == depth + 1:
                kept.append("null")
                at = m.end()
            level -= 1
    kept.append(text[at:])
    return "".join(kept)


# An item's date past what a datetime holds once moved to UTC ("0001-01-01T00:00:00+01:00",
# "9999-12-31T23:59:59-12:00") raised, and the whole feed was lost as an internal error:
# such an item is read with no date.


def _stamp_iso(stamp: object) -> str | None:
    """feedparser's time struct as an ISO date-time in UTC, None when it is none."""
    if stamp is None:
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(stamp), UTC)  # type: ignore[arg-type]
    except (ValueError, OverflowError, OSError, TypeError):
        return None
    return moment.isoformat(timespec="seconds")


def _iso(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat(timespec="seconds")
    except (ValueError, OverflowError):
        return None


def _opml(feed: FetchedFeed) -> ParsedFeed:
    import xml.etree.ElementTree as ET

    if b"<!ENTITY" in feed.body:
        # Entity definitions are how XML bombs grow; an OPML list never needs them.
        raise PipelineError(ErrorKind.BAD_FEED, "The OPML list defines XML entities; refused.")
    try:
        root = ET.fromstring(feed.body)
    except ET.ParseError as exc:
        raise PipelineError(
            ErrorKind.BAD_FEED, f"The OPML list could not be read: {strip_unsafe(str(exc), '')}."
        ) from None
    items: list[FeedItem] = []
    skipped = beyond = repeated = 0
    seen: set[str] = set()
    for outline in root.iter("outline"):
        link = outline.get("xmlUrl")
        if link is None:
            continue  # a folder of outlines, not a feed
        url = _web_address(link, feed.url)
        if url is None:
            skipped += 1
        elif url in seen:
            repeated += 1
        elif len(items) >= MAX_OPML_FEEDS:
            beyond += 1
        else:
            seen.add(url)
            items.append(FeedItem(url, _title(outline.get("title") or outline.get("text"))))
    title = _title(root.findtext("head/title"))
    return _checked(ParsedFeed("opml", title, items, skipped, beyond, repeated))


def _checked(parsed: ParsedFeed) -> ParsedFeed:
    if parsed.items:
        return parsed
    if parsed.skipped:
        raise PipelineError(
            ErrorKind.BAD_FEED,
            (
                f"None of the {plural(parsed.skipped, 'entry', 'entries')} links to a web page "
                if parsed.skipped > 1
                else "The one entry does not link to a web page "
            )
            + "(http or https) that briefing may follow from it.",
        )
    if parsed.kind == "opml":
        raise PipelineError(ErrorKind.NO_ARTICLE, "The OPML list names no feeds.")
    raise PipelineError(ErrorKind.NO_ARTICLE, "The feed lists no articles.")


@dataclass(frozen=True)
class Expansion:
    """What a feed or OPML input became: kept in the history, so a briefing reopened
    offline has exactly the items it had, whatever the feed says today."""

    kind: str
    title: str | None
    url: str
    items: list[FeedItem]
    # Entries listed but not read: with no web address (http or https) to read, past
    # the newest `per_feed` (an OPML list: past MAX_OPML_FEEDS), and those whose address
    # an entry before them gave (each is read once).
    unlinked: int = 0
    older: int = 0
    repeated: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "title": self.title,
            "url": self.url,
            "items": [[i.url, i.title, i.published] for i in self.items],
            "unlinked": self.unlinked,
            "older": self.older,
            "repeated": self.repeated,
        }

    @classmethod
    def from_dict(cls, data: object) -> Expansion | None:
        """None for anything that is not a stored expansion (a damaged history row)."""
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            return None
        items = []
        for row in data["items"]:
            if not isinstance(row, list) or len(row) != 3:
                return None
            url, title, published = row
            if _web_address(url, "") is None:
                return None
            items.append(
                FeedItem(url, _title(title), published if isinstance(published, str) else None)
            )
        kind, url = data.get("kind"), data.get("url")
        if not isinstance(kind, str) or not isinstance(url, str):
            return None
        counts = (_count(data.get(key)) for key in ("unlinked", "older", "repeated"))
        return cls(kind, _title(data.get("title")), url, items, *counts)


def _count(value: object) -> int:
    """A stored count; anything else (a row from before it was kept, an edit) is 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def no_longer_listed(article: Article) -> str:
    """A reloaded feed's entries from before that it no longer lists, as a sentence; ""
    when there are none."""
    n = article.items_earlier
    if not n:
        return ""
    them = "1 of them is" if n == 1 else f"{n:,} of them are"
    return f"{them} from before the reload: the feed no longer lists {'it' if n == 1 else 'them'}."


def not_read(article: Article) -> str:
    """A feed's (or OPML list's) entries it listed but that were not read, as a sentence;
    "" when none was left out."""
    said = []
    if article.items_older:
        said.append(
            f"{plural(article.items_older, 'feed')} past the first {MAX_OPML_FEEDS:,}"
            if article.feed_kind == "opml"
            else f"{plural(article.items_older, 'older entry', 'older entries')} (past --per-feed)"
        )
    if article.items_unlinked:
        entries = plural(article.items_unlinked, "entry", "entries")
        said.append(f"{entries} with no web address (http or https) or one on your own network")
    if article.items_repeated:
        entries = plural(article.items_repeated, "repeated entry", "repeated entries")
        said.append(f"{entries} (an address given more than once is read once)")
    if article.items_itself:
        entries = plural(article.items_itself, "entry", "entries")
        said.append(f"{entries} naming this {_list_or_feed(article)} itself")
    return f"Not read: {listing(said)}." if said else ""


def _list_or_feed(article: Article) -> str:
    return "list" if article.feed_kind == "opml" else "feed"
