"""Character spans, and whether a new one overlaps any of them.

Shared by the timeline (spans its patterns find where spaCy found none) and the entities
(a known name repeated where no mention stands yet). Both ask once per candidate, and a
block may hold thousands: a list scanned for every question made them quadratic.
"""

from __future__ import annotations

from collections.abc import Iterable


class Overlaps:
    """Character spans, asked whether any overlaps a new one. Spans are filed under each
    stretch of `_BUCKET` characters they touch, so a question looks at a few neighbours,
    not every span of a block that may hold thousands."""

    _BUCKET = 64

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = {}
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        for b in range(start // self._BUCKET, max(start, end - 1) // self._BUCKET + 1):
            self._buckets.setdefault(b, []).append((start, end))

    def hit(self, start: int, end: int) -> bool:
        return any(
            start < te and ts < end
            for b in range(start // self._BUCKET, max(start, end - 1) // self._BUCKET + 1)
            for ts, te in self._buckets.get(b, ())
        )
