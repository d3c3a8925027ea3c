"""Timeline quality and speed on TimeBank (../shared/eval/timebank), ours beside a baseline.

Each TimeML story becomes an article: one paragraph block per blank-line-separated
stretch of <TEXT>, the DCT as the publication date. Blocks are built straight from the
text (not through `extract`) so gold offsets stay exact. Scored against the gold DATE and
TIME expressions:

- extraction: recall = gold expressions overlapped by an entry; precision = entries that
  overlap a gold DATE/TIME expression, out of entries (entries overlapping only a gold
  DURATION/SET expression are left out of both counts: they are temporal, but outside
  what this measure grades);
- value: an entry is right when it overlaps a gold expression and has its value.

"strict" repeats precision counting every entry, as the shared README's baseline did.

Baseline, in the same run on the same parse: spaCy DATE/TIME spans + `dateparser.parse`
relative to the DCT. Documents are sorted by name; the first 90 were used to develop
the rules, the rest are reported separately as held out.

    nice python benchmarks/timeline.py [--limit N] [--show-errors dev|held|all]
    nice python benchmarks/timeline.py --golden check   # vs data/timeline_golden_dev.tsv

The golden table pins what the timeline gives on the development half (document name,
block, offsets, value, granularity, range, vague): ids, offsets and values only, no
TimeBank text. `--golden write` refreshes it after an intended change; `--golden check`
prints every row that differs, so a refactor can show it changed nothing.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline.model import Block, BlockKind  # noqa: E402

SHARED = ROOT.parent / "shared"
TIMEBANK = SHARED / "eval" / "timebank"
DEV_DOCS = 90
GOLDEN = ROOT / "benchmarks" / "data" / "timeline_golden_dev.tsv"
GOLDEN_HEADER = "doc\tblock\tstart\tend\tvalue\tgranularity\trange_start\trange_end\tvague"


@dataclass
class Gold:
    block: int
    start: int
    end: int
    value: str
    type: str
    text: str


@dataclass
class Doc:
    name: str
    dct: str
    blocks: list[Block]
    gold: list[Gold]


@dataclass
class Score:
    gold: int = 0
    entries: int = 0
    # Entries including those that overlap only a DURATION/SET expression.
    all_entries: int = 0
    overlapping: int = 0
    gold_found: int = 0
    right_entries: int = 0
    gold_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.entries += other.entries
        self.all_entries += other.all_entries
        self.overlapping += other.overlapping
        self.gold_found += other.gold_found
        self.right_entries += other.right_entries
        self.gold_right += other.gold_right
        self.errors += other.errors

    def line(self, label: str) -> str:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        ep, er = ratio(self.overlapping, self.entries), ratio(self.gold_found, self.gold)
        vp, vr = ratio(self.right_entries, self.entries), ratio(self.gold_right, self.gold)
        vf = 2 * vp * vr / (vp + vr) if vp + vr else 0.0
        sp = ratio(self.right_entries, self.all_entries)
        sf = 2 * sp * vr / (sp + vr) if sp + vr else 0.0
        return (
            f"{label:<20} gold {self.gold:>5} entries {self.entries:>5}  "
            f"extraction P {ep:.3f} R {er:.3f}  value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}  "
            f"(strict: P {ratio(self.overlapping, self.all_entries):.3f}, value F1 {sf:.3f})"
        )


def load_doc(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    if dct is None:
        raise ValueError(f"{path.name}: no DCT")
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    # Walk the markup, keeping plain text and the gold spans' offsets in it.
    text_parts: list[str] = []
    pos = 0
    spans: list[tuple[int, int, str, str]] = []
    open_timex: tuple[int, str, str] | None = None
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>|([^<]+)", body):
        if m.group(4) is not None:
            chunk = html.unescape(m.group(4))
            text_parts.append(chunk)
            pos += len(chunk)
            continue
        closing, tag, attrs = m.group(1), m.group(2), m.group(3)
        if tag != "TIMEX3":
            continue
        if not closing:
            ttype = re.search(r'type="(\w+)"', attrs)
            value = re.search(r'value="([^"]*)"', attrs)
            open_timex = (pos, ttype.group(1) if ttype else "", value.group(1) if value else "")
        elif open_timex is not None:
            spans.append((open_timex[0], pos, open_timex[1], open_timex[2]))
            open_timex = None
    text = "".join(text_parts)
    blocks: list[Block] = []
    gold: list[Gold] = []
    for para in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        p_text = para.group(0)
        stripped = p_text.strip()
        if not stripped:
            continue
        lead = len(p_text) - len(p_text.lstrip())
        p_start = para.start() + lead
        p_end = p_start + len(stripped)
        index = len(blocks)
        blocks.append(Block(BlockKind.PARAGRAPH, re.sub(r"\s", " ", stripped)))
        for s, e, ttype, value in spans:
            if p_start <= s < p_end:
                gold.append(Gold(index, s - p_start, e - p_start, value, ttype, text[s:e]))
    return Doc(path.stem, dct.group(1), blocks, gold)


def score(doc: Doc, entries: list[tuple[int, int, int, str, str]]) -> Score:
    """entries: (block, start, end, value, expression)."""
    graded = [g for g in doc.gold if g.type in ("DATE", "TIME")]
    other = [g for g in doc.gold if g.type not in ("DATE", "TIME")]
    s = Score(gold=len(graded))

    def overlaps(g: Gold, e: tuple[int, int, int, str, str]) -> bool:
        return g.block == e[0] and g.start < e[2] and e[1] < g.end

    s.all_entries = len(entries)
    for e in entries:
        hits = [g for g in graded if overlaps(g, e)]
        if not hits and any(overlaps(g, e) for g in other):
            continue
        s.entries += 1
        if hits:
            s.overlapping += 1
            if any(g.value == e[3] for g in hits):
                s.right_entries += 1
            else:
                s.errors.append(
                    f"{doc.name} [{doc.dct[:10]}] {e[4]!r} -> {e[3]}  gold "
                    + ", ".join(f"{g.text!r}={g.value}" for g in hits)
                )
        else:
            s.errors.append(f"{doc.name} [{doc.dct[:10]}] {e[4]!r} -> {e[3]}  (no gold)")
    for g in graded:
        found = [e for e in entries if overlaps(g, e)]
        if found:
            s.gold_found += 1
            if any(e[3] == g.value for e in found):
                s.gold_right += 1
        else:
            s.errors.append(f"{doc.name} [{doc.dct[:10]}] MISSED {g.text!r}={g.value}")
    return s


def baseline(doc: Doc, docs: list) -> list[tuple[int, int, int, str, str]]:
    import datetime as dt

    import dateparser

    base = dt.datetime.fromisoformat(doc.dct[:19] if "T" in doc.dct else doc.dct[:10])
    out = []
    for i, parsed in enumerate(docs):
        for ent in parsed.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            when = dateparser.parse(ent.text, settings={"RELATIVE_BASE": base})
            value = when.date().isoformat() if when else ""
            out.append((i, ent.start_char, ent.end_char, value, ent.text))
    return out


def golden_rows(name: str, timeline: list) -> list[str]:
    return [
        "\t".join(
            str(x)
            for x in (
                name, e.block, e.start, e.end, e.value, e.granularity.value,
                e.range_start or "", e.range_end or "", int(e.vague),
            )
        )
        for e in timeline
    ]  # fmt: skip


def golden(mode: str) -> int:
    """Write or check the development half's timeline, row by row."""
    from tui.pipeline.nlp import parse_blocks
    from tui.pipeline.timeline import build_timeline

    rows = [GOLDEN_HEADER]
    for path in sorted(TIMEBANK.glob("*.tml"))[:DEV_DOCS]:
        doc = load_doc(path)
        timeline = build_timeline(doc.blocks, doc.dct, docs=parse_blocks(doc.blocks))
        rows += golden_rows(doc.name, timeline)
    if mode == "write":
        GOLDEN.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {len(rows) - 1} rows to {GOLDEN.relative_to(ROOT)}")
        return 0
    want = GOLDEN.read_text(encoding="utf-8").splitlines()
    missing = [r for r in want if r not in set(rows)]
    extra = [r for r in rows if r not in set(want)]
    for r in missing:
        print(f"- {r}")
    for r in extra:
        print(f"+ {r}")
    same = not missing and not extra and rows == want
    print(
        f"golden table: {len(want) - 1} rows pinned, {len(rows) - 1} now; "
        f"{len(missing)} lost, {len(extra)} new: " + ("IDENTICAL" if same else "DIFFERENT")
    )
    return 0 if same else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--show-errors", choices=["dev", "held", "all"], default=None)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--golden", choices=["write", "check"], help="pin or compare the development half"
    )
    args = parser.parse_args()
    if not TIMEBANK.is_dir():
        print(f"TimeBank not found at {TIMEBANK} (the shared data folder is not checked out)")
        return 2
    if args.golden:
        return golden(args.golden)

    from tui.pipeline.nlp import parse_blocks
    from tui.pipeline.timeline import build_timeline

    paths = sorted(TIMEBANK.glob("*.tml"))
    if args.limit:
        paths = paths[: args.limit]
    parts = {"dev": Score(), "held": Score()}
    base_parts = {"dev": Score(), "held": Score()}
    parse_s = ours_s = base_s = 0.0
    for n, path in enumerate(paths):
        doc = load_doc(path)
        part = "dev" if n < DEV_DOCS else "held"
        t0 = time.perf_counter()
        parsed = parse_blocks(doc.blocks)
        t1 = time.perf_counter()
        timeline = build_timeline(doc.blocks, doc.dct, docs=parsed)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        ours_s += t2 - t1
        ours = [(e.block, e.start, e.end, e.value, e.expression) for e in timeline]
        parts[part].add(score(doc, ours))
        if not args.no_baseline:
            t3 = time.perf_counter()
            base = baseline(doc, parsed)
            base_s += time.perf_counter() - t3
            base_parts[part].add(score(doc, base))
    docs_n = len(paths)
    print(f"TimeBank: {docs_n} documents (first {DEV_DOCS} used for development)")
    for label, scores in (("ours", parts), ("baseline", base_parts)):
        if label == "baseline" and args.no_baseline:
            continue
        total = Score()
        total.add(scores["dev"])
        total.add(scores["held"])
        print(scores["dev"].line(f"{label} dev"))
        print(scores["held"].line(f"{label} held-out"))
        print(total.line(f"{label} all"))
    print(
        f"ms per article: spaCy parse {1000 * parse_s / docs_n:.1f}, "
        f"ours (resolution, given the parse) {1000 * ours_s / docs_n:.1f}"
        + ("" if args.no_baseline else f", baseline dateparser {1000 * base_s / docs_n:.1f}")
    )
    if args.show_errors:
        chosen = (
            [parts["dev"], parts["held"]]
            if args.show_errors == "all"
            else [parts[args.show_errors]]
        )
        for s in chosen:
            for err in s.errors:
                print(err)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
