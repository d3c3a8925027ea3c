from __future__ import annotations

import random

from tui.pipeline.overlaps import Overlaps


def test_a_span_overlaps_exactly_when_a_filed_span_shares_a_character() -> None:
    rng = random.Random(7)
    for _ in range(200):
        filed = []
        index = Overlaps()
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 600)
            span = (start, start + rng.choice((0, 1, 5, 63, 64, 65, 300)))
            filed.append(span)
            index.add(*span)
        for _ in range(50):
            s = rng.randint(0, 700)
            e = s + rng.choice((0, 1, 3, 64, 200))
            assert index.hit(s, e) == any(s < te and ts < e for ts, te in filed)


def test_spans_given_at_the_start_are_filed() -> None:
    index = Overlaps([(10, 20), (500, 900)])
    assert index.hit(19, 25) and index.hit(600, 601)
    assert not index.hit(20, 30) and not index.hit(0, 10)
