"""Where timeline resolution spends its time, given the spaCy parse (issue 14).

Parses every TimeBank document once (`parse_blocks`, outside anything measured), then
runs `build_timeline` + `time_modifiers` on the parses, as `benchmarks/timeline.py`'s
speed line does:

- under cProfile, printing the top functions by cumulative and by own time;
- `--repeat N` times more, untraced, printing the fastest pass beside the parse time
  (the shared machine is noisy: the fastest of several passes is the steadiest figure);
- with `--digest`, a hash of everything the timeline gives (every field of every entry
  and modifier) on TimeBank, the wire stories and the probe sentences, so a change meant
  to make it faster can show it changed nothing. Only hashes are printed, no entry.

    nice .venv/bin/python benchmarks/timeline_profile.py [--top 30] [--repeat 3] [--digest]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline import (  # noqa: E402
    CONLL,
    PROBE,
    PROBE_ANCHOR,
    TIMEBANK,
    load_doc,
    wire_docs,
)

from tui.pipeline.model import Block, BlockKind  # noqa: E402
from tui.pipeline.nlp import load, parse_blocks  # noqa: E402
from tui.pipeline.timeline import build_timeline, time_modifiers  # noqa: E402

# (blocks, anchor, one Doc per block)
Parsed = tuple[Sequence[Block], str, list[Any]]
# The key under which `tui.pipeline.nlp` keeps a Doc's sentence index: dropped before
# each timed pass so every pass builds it afresh, as the first one does.
_SENTENCES_KEY = "briefing.sentences"


def parse_timebank() -> tuple[list[Parsed], float]:
    """Every TimeBank document parsed, and the seconds the parse took."""
    parsed: list[Parsed] = []
    took = 0.0
    for path in sorted(TIMEBANK.glob("*.tml")):
        doc = load_doc(path)
        t0 = time.perf_counter()
        docs = parse_blocks(doc.blocks)
        took += time.perf_counter() - t0
        parsed.append((doc.blocks, doc.dct, docs))
    return parsed, took


def resolve_all(parsed: Sequence[Parsed]) -> list[tuple[list, list]]:
    """What the speed line times: the timeline and its modifiers, for each document."""
    out = []
    for blocks, anchor, docs in parsed:
        timeline = build_timeline(blocks, anchor, docs=docs)
        out.append((timeline, time_modifiers(docs, timeline)))
    return out


def forget_sentences(parsed: Sequence[Parsed]) -> None:
    for _blocks, _anchor, docs in parsed:
        for doc in docs:
            doc.user_data.pop(_SENTENCES_KEY, None)


def profile(parsed: Sequence[Parsed], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    resolve_all(parsed)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs()
    for order in ("cumulative", "tottime"):
        print(f"\n=== top {top} by {order} ===")
        stats.sort_stats(order).print_stats(top)


def digest(results: Sequence[tuple[list, list]]) -> str:
    h = hashlib.sha256()
    for timeline, modifiers in results:
        for entry in [*timeline, None, *modifiers]:
            h.update(repr(entry).encode())
            h.update(b"\n")
        h.update(b"\f")
    return h.hexdigest()[:16]


def other_sets() -> dict[str, list[Parsed]]:
    """The wire stories (when ../shared has them) and the probe sentences, parsed."""
    sets: dict[str, list[Parsed]] = {}
    if CONLL.is_dir():
        stories = [d for docs in wire_docs().values() for d in docs]
        sets["wire"] = [(d.blocks, d.dct, parse_blocks(d.blocks)) for d in stories]
    nlp = load()
    rows = [line.split("\t") for line in PROBE.read_text("utf-8").splitlines()[1:] if line]
    probes: list[Parsed] = []
    for sentences, *_rest in rows:
        texts = sentences.split(" | ")
        blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
        probes.append((blocks, PROBE_ANCHOR, list(nlp.pipe(texts))))
    sets["probe"] = probes
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30, help="functions listed per order")
    parser.add_argument("--repeat", type=int, default=3, help="untraced passes timed")
    parser.add_argument("--no-profile", action="store_true", help="only time (and digest)")
    parser.add_argument("--digest", action="store_true", help="hash all the output")
    args = parser.parse_args()
    if not TIMEBANK.is_dir():
        print(f"TimeBank not found at {TIMEBANK} (the shared data folder is not checked out)")
        return 2
    parsed, parse_s = parse_timebank()
    n = len(parsed)
    if not args.no_profile:
        profile(parsed, args.top)
    passes: list[tuple[float, float]] = []  # (wall, CPU) seconds
    for _ in range(args.repeat):
        forget_sentences(parsed)
        t0, c0 = time.perf_counter(), time.process_time()
        resolve_all(parsed)
        passes.append((time.perf_counter() - t0, time.process_time() - c0))
    if passes:
        wall, cpu = min(p[0] for p in passes), min(p[1] for p in passes)
        print(
            f"\nms per article: spaCy parse {1000 * parse_s / n:.1f}; resolution, fastest of "
            f"{len(passes)} passes {1000 * wall / n:.2f} = {100 * wall / parse_s:.1f}% of the "
            f"parse; CPU time {1000 * cpu / n:.2f} (other processes on the machine slow the "
            f"wall clock, less the CPU time; all passes: "
            f"{', '.join(f'{1000 * w / n:.2f}/{1000 * c / n:.2f}' for w, c in passes)})"
        )
    if args.digest:
        forget_sentences(parsed)
        print(f"digest timebank {digest(resolve_all(parsed))}")
        for name, docs in other_sets().items():
            print(f"digest {name} {digest(resolve_all(docs))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
