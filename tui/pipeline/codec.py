"""Stage results as JSON for the cache, and back.

JSON, not pickle: a cache file is data read from disk, and unpickling it would run
whatever code a damaged or planted file named. Decoding takes only the fields a class
has (a field added later gets its default), and anything that does not fit raises
`ValueError`, which the cache treats as a miss.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TypeVar

from tui.pipeline.model import (
    Block,
    BlockKind,
    EntityType,
    ErrorKind,
    Granularity,
    Mention,
    Metadata,
    PipelineError,
    RemovedBlock,
    TimelineEntry,
)
from tui.pipeline.model import Entity as EntityModel

T = TypeVar("T")


def encode(value: Any) -> bytes:
    """Any stage result (dataclasses of JSON-shaped fields) as compact UTF-8 JSON."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")).encode()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value  # StrEnum members are str, so they serialise as their value


def _build(cls: type[T], data: Any, **nested: Any) -> T:
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__}: expected an object")
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: v for k, v in data.items() if k in names}
    kwargs.update({k: v for k, v in nested.items() if k in kwargs})
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{cls.__name__}: {exc}") from exc


def _list(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise ValueError("expected a list")
    return data


def blocks(data: Any) -> list[Block]:
    return [_build(Block, b, kind=BlockKind(b.get("kind"))) for b in _list(data)]


def removed(data: Any) -> list[RemovedBlock]:
    return [_build(RemovedBlock, r, kind=BlockKind(r.get("kind"))) for r in _list(data)]


def metadata(data: Any) -> Metadata:
    return _build(Metadata, data)


def entities(data: Any) -> list[EntityModel]:
    return [
        _build(
            EntityModel,
            e,
            type=EntityType(e.get("type")),
            mentions=[_build(Mention, m) for m in _list(e.get("mentions", []))],
        )
        for e in _list(data)
    ]


def timeline(data: Any) -> list[TimelineEntry]:
    return [
        _build(TimelineEntry, t, granularity=Granularity(t.get("granularity"))) for t in _list(data)
    ]


def error(data: Any) -> PipelineError:
    """A typed error a stage raised, stored so a page with no article fails at once."""
    kind, message = _list(data)
    return PipelineError(ErrorKind(kind), str(message))


def decode(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not JSON: {exc}") from exc


def read_result(data: Any) -> Any:
    """A stored `stages.Read` (or the typed error reading raised)."""
    from tui.pipeline.stages import Read

    if isinstance(data, dict) and "error" in data:
        return error(data["error"])
    if not isinstance(data, dict):
        raise ValueError("Read: expected an object")
    return Read(
        metadata(data.get("metadata")),
        blocks(data.get("blocks")),
        removed(data.get("removed")),
        blocks(data.get("comments")),
    )


def analysis_result(data: Any) -> Any:
    """A stored `stages.Analysis`."""
    from tui.pipeline.stages import Analysis

    if not isinstance(data, dict):
        raise ValueError("Analysis: expected an object")
    count = data.get("analysed_blocks")
    if count is not None and not isinstance(count, int):
        raise ValueError("Analysis: analysed_blocks is not a number")
    note = data.get("note")
    if note is not None and not isinstance(note, str):
        raise ValueError("Analysis: note is not text")
    read_as_of = data.get("read_as_of")
    if read_as_of is not None and not isinstance(read_as_of, str):
        raise ValueError("Analysis: read_as_of is not text")
    return Analysis(
        entities(data.get("entities")),
        timeline(data.get("timeline")),
        count,
        note,
        timeline(data.get("time_modifiers", [])),
        read_as_of,
    )
