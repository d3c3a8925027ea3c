"""The model's fixed vocabularies: kinds of block, stages, kinds of error, an article's
status, entity types, granularities, and the error every stage raises.

They are apart from `model` (which names them too) because the app needs them before its
first frame and the dataclasses it does not: `dataclasses` writes and compiles each class's
methods as the class is made, about 6 ms for the model's fourteen, which the first frame
would otherwise wait for.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"


class ErrorKind(StrEnum):
    INVALID_INPUT = "invalid_input"
    CONNECTION = "connection"
    HTTP_STATUS = "http_status"
    TIMEOUT = "timeout"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    TOO_LARGE = "too_large"
    NOT_HTML = "not_html"
    DECODE = "decode"
    NO_ARTICLE = "no_article"
    TOO_COMPLEX = "too_complex"  # reading or analysing it ran past its time limit
    BAD_FEED = "bad_feed"  # a feed or OPML file that could not be read at all
    # Offline (reopening from the history) and not in the cache: the page had not come
    # when the briefing was closed. No failure either (`r` reads it).
    NOT_CACHED = "not_cached"
    # A page a briefing reopened from the history had read, evicted from the cache since
    # (its size cap): not read again offline, and no failure (`r` reads it again).
    NO_LONGER_CACHED = "no_longer_cached"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class ArticleError:
    """Why an article could not be read, in words the reader sees."""

    kind: ErrorKind
    message: str


class PipelineError(Exception):
    """Raised by any stage; carries the words a reader sees."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    def as_error(self) -> ArticleError:
        return ArticleError(self.kind, self.message)


class Status(StrEnum):
    """Where an article stands, as the exports say it (`status`) and the counts go by."""

    OK = "ok"  # read (or a copy read before is being read again)
    ERROR = "error"
    PENDING = "pending"  # still being read (an export taken in the app meanwhile)
    # Neither read now nor failed, in a briefing reopened offline from the history, and
    # `r` reads it: read then and evicted from the cache since, or never come.
    NO_LONGER_CACHED = "no_longer_cached"
    NOT_READ = "not_read"


# The errors that are no failure: a briefing kept offline has no page for the article,
# and says why in the error. Every other error is a failure.
STATUS_OF_ERROR = {
    ErrorKind.NO_LONGER_CACHED: Status.NO_LONGER_CACHED,
    ErrorKind.NOT_CACHED: Status.NOT_READ,
}


class Stage(StrEnum):
    QUEUED = "queued"
    FETCHING = "fetching"
    EXTRACTING = "extracting"
    ANALYSING = "analysing"
    DONE = "done"
    ERROR = "error"


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    FACILITY = "facility"
    EQUIPMENT = "equipment"
    GROUP = "group"
    EVENT = "event"
    OTHER = "other"

    @property
    def plural(self) -> str:
        """The heading a list of entities of this type goes under."""
        return _ENTITY_PLURALS[self]


_ENTITY_PLURALS = {
    EntityType.PERSON: "People",
    EntityType.ORGANIZATION: "Organizations",
    EntityType.PLACE: "Places",
    EntityType.FACILITY: "Facilities",
    EntityType.EQUIPMENT: "Equipment",
    EntityType.GROUP: "Groups",
    EntityType.EVENT: "Events",
    EntityType.OTHER: "Other",
}


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    TIME = "time"
    VAGUE = "vague"
