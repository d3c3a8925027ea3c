"""Entity quality and speed: our stage beside raw spaCy on the same texts, in one run.

    nice python benchmarks/entities.py [--repeat N]

Quality is scored on our own gold set (`benchmarks/data/entities_gold/articles.jsonl`:
short news articles we wrote, each with the entities a reader expects), which the rules
were developed against, on a held-out set (`heldout.jsonl`) written afterwards (its
misses were then named and fixed in the second pass, so it is no longer clean), on a
second held-out set (`heldout2.jsonl`: business, an election, floods, health, football)
annotated before the stage was ever run on it and never tuned on, and, for recall only,
on the fixture pages' expected entities (`tests/fixtures/pages/expected.json`).
If `../shared/seed` is present, the speed figures also include the sample article.

Scoring is per article and per entity, not per mention. A predicted entity matches a gold
entity when any of its names (name or alias; case and a leading "the" ignored) is one of
the gold entity's names. Matched with the same type: a true positive for that type.
Matched with another type: a false positive for the predicted type and a false negative for
the gold one. A second prediction matching the same gold entity is a false positive (a
failure to merge). Raw spaCy is scored the same way: one entity per distinct (text, label),
its label mapped to our types, numbers and dates dropped as in our stage.

Figures are printed, never asserted: the machine is shared and timings vary.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "benchmarks" / "data" / "entities_gold" / "articles.jsonl"
HELDOUT = ROOT / "benchmarks" / "data" / "entities_gold" / "heldout.jsonl"
HELDOUT2 = ROOT / "benchmarks" / "data" / "entities_gold" / "heldout2.jsonl"
HELDOUT3 = ROOT / "benchmarks" / "data" / "entities_gold" / "heldout3.jsonl"
PAGES = ROOT / "tests" / "fixtures" / "pages"
GOLDEN = ROOT / "benchmarks" / "data" / "entities_gold" / "golden.json"
SHARED = ROOT.parent / "shared"
TYPES = ["person", "organization", "place", "facility", "equipment", "group", "event", "other"]


@dataclass
class Scored:
    tp: Counter
    fp: Counter
    fn: Counter
    dupes: int = 0


def fold(text: str) -> str:
    text = " ".join(text.replace("’", "'").split()).casefold()
    return text.removeprefix("the ")


def score(predicted: list[tuple[set[str], str]], gold: list[tuple[set[str], str]]) -> Scored:
    s = Scored(Counter(), Counter(), Counter())
    matched: set[int] = set()
    for forms, type_ in predicted:
        hit = next((i for i, (g, _) in enumerate(gold) if forms & g), None)
        if hit is None:
            s.fp[type_] += 1
        elif hit in matched:
            s.fp[type_] += 1
            s.dupes += 1
        else:
            matched.add(hit)
            if gold[hit][1] == type_:
                s.tp[type_] += 1
            else:
                s.fp[type_] += 1
                s.fn[gold[hit][1]] += 1
    for i, (_, type_) in enumerate(gold):
        if i not in matched:
            s.fn[type_] += 1
    return s


def add(total: Scored, part: Scored) -> None:
    total.tp.update(part.tp)
    total.fp.update(part.fp)
    total.fn.update(part.fn)
    total.dupes += part.dupes


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def raw_entities(doc_list, labels) -> list[tuple[set[str], str]]:
    from tui.pipeline.entities.vocab import NOT_ENTITIES as _NOT_ENTITIES

    seen: dict[tuple[str, str], str] = {}
    for doc in doc_list:
        for ent in doc.ents:
            if ent.label_ in _NOT_ENTITIES:
                continue
            type_ = labels.get(ent.label_, ("other", 0))[0]
            seen.setdefault((fold(ent.text), ent.label_), str(type_))
    return [({text}, type_) for (text, _), type_ in seen.items()]


def ours_entities(entities) -> list[tuple[set[str], str]]:
    return [({fold(n) for n in (e.name, *e.aliases)}, str(e.type)) for e in entities]


def print_table(title: str, ours: Scored, raw: Scored) -> None:
    print(f"\n{title}")
    head = f"{'P':>6} {'R':>5} {'F1':>5}"
    print(f"{'type':13} {'gold':>4} | ours {head} | raw {head}")
    rows = [t for t in TYPES if ours.tp[t] + ours.fn[t] + ours.fp[t] + raw.fp[t]]
    for t in [*rows, "all"]:
        if t == "all":
            o = prf(sum(ours.tp.values()), sum(ours.fp.values()), sum(ours.fn.values()))
            r = prf(sum(raw.tp.values()), sum(raw.fp.values()), sum(raw.fn.values()))
            gold_n = sum(ours.tp.values()) + sum(ours.fn.values())
        else:
            o = prf(ours.tp[t], ours.fp[t], ours.fn[t])
            r = prf(raw.tp[t], raw.fp[t], raw.fn[t])
            gold_n = ours.tp[t] + ours.fn[t]
        print(
            f"{t:13} {gold_n:>4} |      {o[0]:6.3f} {o[1]:5.3f} {o[2]:5.3f} | "
            f"    {r[0]:6.3f} {r[1]:5.3f} {r[2]:5.3f}"
        )
    print(f"unmerged duplicates: ours {ours.dupes}, raw {raw.dupes}")


def golden_corpus() -> list[tuple[str, list]]:
    """Every development text as (id, blocks): the gold sets, the fixture pages, the demo
    articles and (when present) the sample article. Pinned by --golden before a refactor."""
    from tui.pipeline.decode import decode_html
    from tui.pipeline.extract import extract
    from tui.pipeline.model import Block, BlockKind, PipelineError

    out: list[tuple[str, list]] = []
    for path in (GOLD, HELDOUT, HELDOUT2):
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            blocks = [Block(BlockKind.PARAGRAPH, p) for p in article["paragraphs"]]
            out.append((f"{path.stem}/{article['id']}", blocks))
    demo = ROOT / "tui" / "demo"
    for page in [*sorted(PAGES.glob("*.html")), *sorted(demo.glob("*.html"))]:
        html, _ = decode_html(page.read_bytes(), None)
        try:
            out.append((f"{page.parent.name}/{page.name}", extract(html).blocks))
        except PipelineError:
            continue  # a page that is no article has no entities to pin
    seed = SHARED / "seed" / "kyivpost-kursk-article.txt"
    if seed.exists():
        paragraphs = [p for p in seed.read_text().splitlines() if p]
        out.append(("seed", [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]))
    return out


def golden_table() -> dict[str, list]:
    """Each development text's entities exactly as the stage gives them, and the briefing
    merged from all of them: the table a refactor must leave unchanged."""
    from tui.pipeline import nlp as shared
    from tui.pipeline.entities import find_entities, merge_entities

    table: dict[str, list] = {}
    per_article = []
    for ident, blocks in golden_corpus():
        found = find_entities(blocks, shared.parse_blocks(blocks)) if blocks else []
        per_article.append(found)
        table[ident] = [
            [
                e.name,
                str(e.type),
                e.aliases,
                [[m.block, m.start, m.end] for m in e.mentions],
                e.first_sentence,
            ]
            for e in found
        ]
    table["briefing"] = [
        [e.name, str(e.type), e.aliases, sorted(e.counts.items())]
        for e in merge_entities(per_article)
    ]
    return table


def run_golden(path: Path, write: bool) -> None:
    table = json.loads(json.dumps(golden_table()))
    if write:
        path.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        n = sum(len(v) for v in table.values())
        print(f"wrote {path} ({len(table)} texts, {n} rows)")
        return
    pinned = json.loads(path.read_text(encoding="utf-8"))
    changed = [k for k in sorted(set(pinned) | set(table)) if pinned.get(k) != table.get(k)]
    for key in changed:
        print(f"CHANGED {key}")
        old = {json.dumps(r) for r in pinned.get(key, [])}
        new = {json.dumps(r) for r in table.get(key, [])}
        for row in sorted(old - new):
            print(f"  - {row[:160]}")
        for row in sorted(new - old):
            print(f"  + {row[:160]}")
    print(f"golden: {len(table)} texts, {len(changed)} changed")


# --- CoNLL-2003, end to end -------------------------------------------------------------

CONLL = SHARED / "eval" / "conll2003"
# Our reader types and spaCy's labels as CoNLL's (its README's mapping); the rest is MISC,
# which the PER/ORG/LOC score leaves out.
CONLL_OF_OURS = {"person": "PER", "organization": "ORG", "place": "LOC", "facility": "LOC"}
CONLL_OF_SPACY = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
CONLL_TYPES = ("PER", "ORG", "LOC")
_NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", ")", "'s", "n't", "'re", "'ve", "'ll", "'d"}


@dataclass
class ConllSentence:
    text: str
    offsets: list[tuple[int, int]]  # each token's characters in `text`
    gold: set[tuple[int, int, str]]  # (first token, last token + 1, type), PER/ORG/LOC


def read_conll(path: Path) -> list[list[ConllSentence]]:
    """Stories, each a list of sentences, rebuilt as text a page would show (no space
    before a comma or after an opening bracket) with each token's offsets kept."""
    stories: list[list[ConllSentence]] = []
    tokens: list[tuple[str, str]] = []

    def close_sentence() -> None:
        if not tokens:
            return
        text, offsets, gold = "", [], set()
        for word, _ in tokens:
            if text and word not in _NO_SPACE_BEFORE and not text.endswith(("(", "$")):
                text += " "
            offsets.append((len(text), len(text) + len(word)))
            text += word
        start, kind = None, None
        for n, (_, tag) in enumerate([*tokens, ("", "O")]):
            prefix, _, label = tag.partition("-")
            if start is not None and (prefix != "I" or label != kind):
                if kind in CONLL_TYPES:
                    gold.add((start, n, kind))
                start, kind = None, None
            if prefix in {"B", "I"} and start is None:
                start, kind = n, label
        if not stories:
            stories.append([])
        stories[-1].append(ConllSentence(text, offsets, gold))
        tokens.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            close_sentence()
            stories.append([])
        elif not line.strip():
            close_sentence()
        else:
            columns = line.split()
            tokens.append((columns[0], columns[-1]))
    close_sentence()
    return [s for s in stories if s]


def conll_spans(sentence: ConllSentence, spans: list[tuple[int, int, str]]) -> set:
    """Character spans as CoNLL token spans; a span not on token edges matches nothing."""
    starts = {a: i for i, (a, _) in enumerate(sentence.offsets)}
    ends = {b: i + 1 for i, (_, b) in enumerate(sentence.offsets)}
    return {
        (starts[a], ends[b], kind)
        for a, b, kind in spans
        if a in starts and b in ends and kind in CONLL_TYPES
    }


def shown_spans(sentence: ConllSentence, spans: set) -> list[tuple[str, str]]:
    offsets = sentence.offsets
    return sorted((sentence.text[offsets[a][0] : offsets[b - 1][1]], k) for a, b, k in spans)


def run_conll(path: Path, ours_nlp, raw_nlp, limit: int | None, errors: int) -> None:
    from tui.pipeline.entities import find_entities
    from tui.pipeline.model import Block, BlockKind

    stories = read_conll(path)[:limit]
    from tui.pipeline.entities import page_language

    counts = {system: Counter() for system in ("ours", "raw")}
    not_english = 0
    shown = 0
    t_raw = t_ours = 0.0
    for story in stories:
        blocks = [Block(BlockKind.PARAGRAPH, s.text) for s in story]
        not_english += page_language(blocks)[0] != "en"
        t0 = time.perf_counter()
        found = find_entities(blocks, list(ours_nlp.pipe(b.text for b in blocks)))
        t1 = time.perf_counter()
        raw_docs = list(raw_nlp.pipe(b.text for b in blocks))
        t_raw += time.perf_counter() - t1
        t_ours += t1 - t0
        ours_by_block: list[list[tuple[int, int, str]]] = [[] for _ in story]
        for e in found:
            for m in e.mentions:
                ours_by_block[m.block].append((m.start, m.end, CONLL_OF_OURS.get(e.type, "MISC")))
        for n, sentence in enumerate(story):
            raw = [
                (ent.start_char, ent.end_char, CONLL_OF_SPACY.get(ent.label_, "MISC"))
                for ent in raw_docs[n].ents
            ]
            for system, spans in (("ours", ours_by_block[n]), ("raw", raw)):
                predicted = conll_spans(sentence, spans)
                for kind in CONLL_TYPES:
                    p = {x for x in predicted if x[2] == kind}
                    g = {x for x in sentence.gold if x[2] == kind}
                    counts[system][kind, "tp"] += len(p & g)
                    counts[system][kind, "fp"] += len(p - g)
                    counts[system][kind, "fn"] += len(g - p)
                if system == "ours" and errors and shown < errors and predicted != sentence.gold:
                    shown += 1
                    print(f"  {sentence.text[:150]}")
                    print(f"    missed {shown_spans(sentence, sentence.gold - predicted)}")
                    print(f"    wrong  {shown_spans(sentence, predicted - sentence.gold)}")
    n_words = sum(len(s.offsets) for story in stories for s in story)
    print(f"\nCoNLL-2003 {path.name}: {len(stories)} stories, {n_words} tokens, end to end")
    print(f"stories read as not English (no entities): {not_english}")
    print(f"{'type':5} | ours {'P':>6} {'R':>5} {'F1':>5} | raw {'P':>6} {'R':>5} {'F1':>5}")
    for kind in (*CONLL_TYPES, "all"):
        row = []
        for system in ("ours", "raw"):
            c = counts[system]
            kinds = CONLL_TYPES if kind == "all" else (kind,)
            tp, fp, fn = (sum(c[k, x] for k in kinds) for x in ("tp", "fp", "fn"))
            row.append(prf(tp, fp, fn))
        o, r = row
        print(
            f"{kind:5} |      {o[0]:6.3f} {o[1]:5.3f} {o[2]:5.3f} |"
            f"     {r[0]:6.3f} {r[1]:5.3f} {r[2]:5.3f}"
        )
    print(
        f"speed on it: raw spaCy {n_words / t_raw:,.0f} tokens/s, ours (parse + entities) "
        f"{n_words / t_ours:,.0f} tokens/s, ratio {t_raw / t_ours:.2f}"
    )


def surname_merges(gold: list[dict], found) -> tuple[int, int]:
    """Of the gold people written also by a short form (a surname, a given name), how many
    come out as one entity holding the full name and every short form."""
    ok = total = 0
    for g in gold:
        if g["type"] != "person" or not g["aliases"]:
            continue
        total += 1
        forms = {fold(x) for x in (g["name"], *g["aliases"])}
        holders = [e for e in ours_entities(found) if e[0] & forms]
        ok += len(holders) == 1 and forms <= holders[0][0]
    return ok, total


def run_memory() -> None:
    """Peak RSS of one analysis process as it loads what the entity stage needs: the one
    shared model with our patterns, the gazetteer, the company list, and the language
    model (lazy: loaded for pages that do not read as English; here every language)."""
    from tui.pipeline import nlp as shared
    from tui.pipeline.entities import find_entities, gazetteer_weight
    from tui.pipeline.entities.gazetteer import company_weight
    from tui.pipeline.entities.language import MODEL_LANGUAGES, detect
    from tui.pipeline.model import Block, BlockKind

    print(f"peak RSS at start: {rss_mb():.0f} MB")
    shared.load()
    print(f"+ spaCy model and our patterns: {rss_mb():.0f} MB")
    gazetteer_weight("Kyiv")
    company_weight("Shell")
    blocks = [Block(BlockKind.PARAGRAPH, "The council in Lindholm said Maria Keller would lead.")]
    find_entities(blocks)
    print(f"+ gazetteer, company list, one English page: {rss_mb():.0f} MB")
    samples = {
        "de": "Die Regierung will die neuen Regeln noch vor dem Sommer beschließen.",
        "ru": "Правительство выделит деньги на ремонт школ и больниц до конца месяца.",
        "ar": "قالت الحكومة إنها ستخصص أموالا لإصلاح المدارس والمستشفيات.",
        "zh": "政府表示将在月底前拨款修缮学校和医院。",
    }
    for text in samples.values():
        detect(text)
    print(f"+ language model after four scripts' pages: {rss_mb():.0f} MB")
    from tui.pipeline.entities.language import _detector

    _detector().compute_language_confidence_values(" ".join(samples.values()))
    print(f"({len(MODEL_LANGUAGES)} languages the model may load)")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts for speed")
    parser.add_argument(
        "--golden",
        choices=["write", "check"],
        help="pin (write) or compare (check) every development text's entities, then stop",
    )
    parser.add_argument("--golden-file", type=Path, default=GOLDEN)
    parser.add_argument(
        "--conll",
        choices=["train", "testa", "both", "none"],
        default="both",
        help="CoNLL-2003 parts to score (train was developed on; testa is held out)",
    )
    parser.add_argument("--conll-limit", type=int, help="first N stories of each part")
    parser.add_argument(
        "--conll-errors", type=int, default=0, help="print N wrong sentences of eng.train"
    )
    parser.add_argument("--only-conll", action="store_true", help="skip the gold sets")
    parser.add_argument("--memory", action="store_true", help="peak RSS of one process, then stop")
    args = parser.parse_args()
    if args.golden:
        run_golden(args.golden_file, args.golden == "write")
        return
    if args.memory:
        run_memory()
        return

    print(f"peak RSS at start: {rss_mb():.0f} MB")
    t0 = time.perf_counter()
    import spacy

    t_import = time.perf_counter() - t0
    from tui.pipeline import nlp as shared
    from tui.pipeline.entities import add_patterns, find_entities, gazetteer_weight
    from tui.pipeline.entities.vocab import LABELS as _LABELS
    from tui.pipeline.model import Block, BlockKind

    t0 = time.perf_counter()
    raw_nlp = spacy.load(shared.MODEL_NAME)
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours_nlp = spacy.load(shared.MODEL_NAME)
    add_patterns(ours_nlp)
    t_ours_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    gazetteer_weight("Kyiv")
    t_gaz = time.perf_counter() - t0
    print(f"spaCy import {t_import:.2f} s; model load {t_load:.2f} s raw, ", end="")
    print(f"{t_ours_load:.2f} s with our patterns; gazetteer {t_gaz:.2f} s (first use)")
    print(f"peak RSS after loading: {rss_mb():.0f} MB")
    if args.only_conll:
        conll_parts(args, ours_nlp, raw_nlp)
        return

    corpus: list[list[Block]] = []
    for path, title in (
        (GOLD, "gold set (the rules were developed against it)"),
        (HELDOUT, "held-out set (written after the first rules; its misses fixed later)"),
        (HELDOUT2, "second held-out set (annotated before the stage ran on it; never tuned on)"),
        (HELDOUT3, "third held-out set (issue 13; annotated before its changes ran on it)"),
    ):
        articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        ours_total = Scored(Counter(), Counter(), Counter())
        raw_total = Scored(Counter(), Counter(), Counter())
        merged_ok = short_forms = 0
        for article in articles:
            blocks = [Block(BlockKind.PARAGRAPH, p) for p in article["paragraphs"]]
            corpus.append(blocks)
            want = [
                ({fold(n) for n in (g["name"], *g["aliases"])}, g["type"])
                for g in article["entities"]
            ]
            docs = [ours_nlp(b.text) for b in blocks]
            found = find_entities(blocks, docs)
            add(ours_total, score(ours_entities(found), want))
            surnames = surname_merges(article["entities"], found)
            merged_ok += surnames[0]
            short_forms += surnames[1]
            add(raw_total, score(raw_entities([raw_nlp(b.text) for b in blocks], _LABELS), want))
        words = sum(len(p.split()) for a in articles for p in a["paragraphs"])
        n_gold = sum(len(a["entities"]) for a in articles)
        print(f"\n{title}: {len(articles)} articles, {words} words, {n_gold} gold entities")
        print_table("per-type precision / recall / F1 (entity level)", ours_total, raw_total)
        print(f"surname merge: {merged_ok}/{short_forms} people's short forms in one entity")

    # Fixture pages: their expected lists are partial ("other entities may appear"), so
    # only recall with the right type and merging is meaningful.
    from tui.pipeline.decode import decode_html
    from tui.pipeline.extract import extract

    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    hits = {"ours": 0, "raw": 0}
    n = 0
    for page, spec in expected.items():
        if not isinstance(spec, dict) or "entities" not in spec:
            continue
        html, _ = decode_html((PAGES / page).read_bytes(), None)
        blocks = extract(html).blocks
        corpus.append(blocks)
        found = find_entities(blocks, [ours_nlp(b.text) for b in blocks])
        raw = raw_entities([raw_nlp(b.text) for b in blocks], _LABELS)
        for want in spec["entities"]:
            n += 1
            forms = {fold(x) for x in (want["name"], *want["aliases"])}
            for system, predicted in (("ours", ours_entities(found)), ("raw", raw)):
                matches = [(f, t) for f, t in predicted if f & forms]
                if len(matches) == 1 and matches[0][1] == want["type"] and forms <= matches[0][0]:
                    hits[system] += 1
    print(
        f"\nfixture pages: expected entities found once, right type, all names merged: "
        f"ours {hits['ours']}/{n}, raw {hits['raw']}/{n}"
    )

    seed = SHARED / "seed" / "kyivpost-kursk-article.txt"
    if seed.exists():
        corpus.append([Block(BlockKind.PARAGRAPH, p) for p in seed.read_text().splitlines() if p])
    else:
        print(f"(no {seed}: speed measured without the sample article)")

    words = sum(len(b.text.split()) for blocks in corpus for b in blocks)
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for blocks in corpus:
            list(raw_nlp.pipe(b.text for b in blocks))
    t_raw = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for blocks in corpus:
            find_entities(blocks, list(ours_nlp.pipe(b.text for b in blocks)))
    t_ours = time.perf_counter() - t0
    total = words * args.repeat
    print(
        f"\nspeed over {words} words x {args.repeat}: raw spaCy {total / t_raw:,.0f} words/s; "
        f"ours (parse + entities) {total / t_ours:,.0f} words/s "
        f"(a 2,000-word page: {2000 / (total / t_ours):.2f} s)"
    )
    print(f"peak RSS: {rss_mb():.0f} MB")
    conll_parts(args, ours_nlp, raw_nlp)


def conll_parts(args: argparse.Namespace, ours_nlp, raw_nlp) -> None:
    if not CONLL.exists() or args.conll == "none":
        print(f"(no CoNLL run: {CONLL} absent or --conll none)")
        return
    if args.conll in {"train", "both"}:
        run_conll(CONLL / "eng.train", ours_nlp, raw_nlp, args.conll_limit, args.conll_errors)
    if args.conll in {"testa", "both"}:
        # Held out: only its scores are ever printed, never its sentences.
        run_conll(CONLL / "eng.testa", ours_nlp, raw_nlp, args.conll_limit, 0)


if __name__ == "__main__":
    main()
