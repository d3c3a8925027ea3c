"""The timeline stage: dated events in an article, normalised against its publication date.

spaCy's DATE/TIME entities are the recogniser (they found the right spans on the sample);
a few lexical rules add what it misses (adverbs such as "now" or "recently", "overnight",
"by midday"). Each span is then resolved by our own rules in `timeline_rules`, using the
anchor date, the tense of the verb that governs the span and the last date the article
mentioned. spaCy is imported only inside functions: the app imports this module before
its first paint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from tui.pipeline.model import Block, BriefingTimelineEntry, TimelineEntry
from tui.pipeline.timeline_rules import MONTH_RE, WEEKDAY_RE, Context, Resolved, Tense, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["build_timeline", "merge_timelines", "sort_key"]

# Sentences longer than this are trimmed to the clause around the expression.
MAX_SENTENCE = 220

# Words spaCy does not tag as dates but that place a statement in time.
_LEXICAL = re.compile(
    r"\b(?:right now|now|currently|presently|nowadays|at present|these days|recently|lately|"
    r"previously|formerly|in the past|the (?:near |distant |foreseeable )?future|overnight|"
    r"midday|noon|midnight|tonight|today|yesterday|tomorrow|"
    r"the (?:following|next|previous|same) day|the day (?:before|after)|"
    r"(?:later|earlier) (?:in|during) the day|"
    r"(?:last|this|next|coming) (?:week|month|year|weekend|spring|summer|autumn|fall|winter)|"
    r"(?:in|into|during|by|since|until|till|through|throughout|before|after|from|over) "
    r"(?:(?:the )?(?:spring|summer|autumn|winter)|the fall)|"
    r"(?:(?:later|earlier|early|late) )?(?:this|that|the same) (?:morning|afternoon|evening|night)|"
    r"(?:(?:mid-?|late |early )?(?:morning|afternoon|evening) )?(?:yesterday|today|tomorrow)"
    r"(?: (?:morning|afternoon|evening))?|mid-?afternoon|"
    r"(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?)\b",
    re.IGNORECASE,
)
# Holidays spaCy may miss or call an event; a bare "Christmas" only after a preposition
# ("over Christmas"), since "the Christmas market" is not a date.
_HOLIDAYS = re.compile(
    r"\b(?:Christmas (?:Day|Eve)|New Year's (?:Day|Eve)|Easter (?:Sunday|Monday)|Good Friday|"
    r"Thanksgiving Day|Boxing Day|Black Friday|Cyber Monday|"
    r"(?:(?<=at )|(?<=on )|(?<=by )|(?<=over )|(?<=after )|(?<=since )|(?<=until )|(?<=before ))"
    r"(?:Easter|Thanksgiving|Christmas))\b"
)
# Where spaCy joined two expressions into one span ("the year ended Sept. 30").
_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+(?:to|and|or|through|until|ended|ending|ends|on)\s+")
_LATER_IN = re.compile(r"\b(?:later|earlier) (?:in|during) $", re.I)
_NAMES_TIME = re.compile(rf"(?:{MONTH_RE}|{WEEKDAY_RE})$")
_COUNT_ANCHOR = re.compile(r" (?:from (?:now|today)|hence)\b", re.I)
_DURATION_END = re.compile(r"\b(?:seconds?|minutes?|hours?|days|weeks|months|years)$", re.I)
# Spans spaCy tags DATE that are ages or sizes, not times ("45-year-old", "aged 45").
_AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ](?:years?|months?|weeks?|days?)[- ]old\b|\bold\b", re.I)
_PREPS_BEFORE = {"since", "for", "over", "during", "within", "throughout", "by", "until"}
_FUTURE_VERBS = {
    "plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "prepare",
    "promise", "vow", "pledge", "agree", "threaten", "seek", "propose", "likely", "going",
}  # fmt: skip
# Words that belong at the front of a temporal expression; anything else spaCy put there
# can be dropped.
_TEMPORAL_LEAD = {
    "the", "a", "an", "this", "that", "last", "next", "early", "late", "mid", "every", "each",
    "about", "around", "some", "more", "less", "than", "over", "under", "nearly", "almost",
    "since", "until", "for", "by", "in", "on", "of", "at", "only", "just", "first", "past",
    "previous", "coming", "few", "several", "many", "recent", "same", "following", "end",
}  # fmt: skip
_LOWERCASE_TIME_WORDS = {
    "today", "tonight", "tomorrow", "yesterday", "now", "week", "weekend", "month",
    "morning", "afternoon", "evening", "night", "this", "last", "next",
}  # fmt: skip
_SCHEDULE_VERBS = {"schedule", "set", "plan", "expect", "slate", "timetable", "due"}
_MODALS = {"should", "may", "might", "must", "would"}
_PROSPECT_ADJECTIVES = {"possible", "likely", "unlikely", "probable", "certain", "imminent"}


def build_timeline(
    blocks: Sequence[Block],
    anchor: str,
    anchor_assumed: bool = False,
    docs: Sequence[Doc] | None = None,
) -> list[TimelineEntry]:
    """Every dated expression in `blocks`, resolved against `anchor`, sorted by date.

    `anchor` is an ISO date or datetime: the publication date, or the fetch date when the
    page gave none (then `anchor_assumed` is True and every entry says so). `docs` is one
    spaCy Doc per block, parsed by the caller so `entities` can share the parse.
    """
    anchor_date = parse_anchor(anchor)
    if docs is None:
        from tui.pipeline.nlp import parse_blocks

        docs = parse_blocks(blocks)
    ctx = Context(anchor=anchor_date)
    entries: list[TimelineEntry] = []
    for index, (block, doc) in enumerate(zip(blocks, docs, strict=True)):
        ctx.block = index
        for start, end in _candidate_spans(doc):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            try:
                found = _resolve_span(doc, span, start, end, ctx)
            except (ValueError, OverflowError):
                # Calendar arithmetic off the end of the calendar (an anchor in year 1, a
                # "year 9999"): that one expression cannot be placed; the rest still can.
                continue
            for res, r_start, r_end in found:
                ctx.remember(res)
                entries.append(
                    TimelineEntry(
                        expression=block.text[r_start:r_end],
                        value=res.value,
                        granularity=res.granularity,
                        sentence=_sentence(span, r_start, r_end),
                        block=index,
                        start=r_start,
                        end=r_end,
                        range_start=res.start.isoformat() if res.start else None,
                        range_end=res.end.isoformat() if res.end else None,
                        vague=res.vague,
                        anchor_assumed=anchor_assumed,
                    )
                )
    entries.sort(key=sort_key)
    return entries


def merge_timelines(
    per_article: Sequence[list[TimelineEntry] | None],
) -> list[BriefingTimelineEntry]:
    """One timeline across articles; entries on the same date sit together.

    Articles not analysed (None) contribute nothing. Within one date the order is
    article, then position in the article, so each article's own sequence is kept.
    """
    merged = [
        BriefingTimelineEntry(entry=entry, article=article)
        for article, entries in enumerate(per_article)
        if entries
        for entry in entries
    ]
    merged.sort(key=lambda b: (*sort_key(b.entry), b.article, b.entry.block, b.entry.start))
    return merged


def sort_key(entry: TimelineEntry) -> tuple[str, int, str, str]:
    """Where an entry sits: its start date; vague past just before the date it ends on.

    "Over the past few days" ends at the anchor and sorts just before the anchor's own
    entries; "now" (PRESENT_REF) sits among them; a vague future starts at the anchor and
    sorts just after them.
    """
    if entry.vague:
        if entry.value == "PRESENT_REF":
            # "Now" is the anchor itself: it sits among the anchor's own entries.
            return (entry.range_start or "9999", 1, entry.range_end or "", entry.value)
        if entry.value == "FUTURE_REF":
            return (entry.range_start or "9999", 2, entry.value, "")
        return (entry.range_end or entry.range_start or "9999", 0, entry.value, "")
    return (entry.range_start or "9999", 1, entry.range_end or "", entry.value)


def parse_anchor(anchor: str) -> date:
    text = anchor.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return date.fromisoformat(text[:10])


MAX_PIECES = 4


# --- finding spans ---------------------------------------------------------------------


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans to try: spaCy DATE/TIME entities, then our lexical rules around them."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        # spaCy splits "noon Thursday" and "Saturday night" in two; they are one time. A
        # length of time before a day ("for four hours Friday") is not part of the day.
        gap = doc.text[spans[-1][1] : ent.start_char] if spans else ""
        previous = doc.text[spans[-1][0] : spans[-1][1]] if spans else ""
        if spans and (
            (re.fullmatch(r"\s*(?:on|,)?\s*", gap) and not _DURATION_END.search(previous))
            # "the winter" + "of" + "2022-23" is one season.
            or (gap == " of " and re.fullmatch(r"\d{4}(?:[-/]\d{2,4})?", ent.text))
        ):
            spans[-1] = (spans[-1][0], ent.end_char)
            continue
        start = ent.start_char
        end = ent.end_char
        # "later in the day": spaCy starts after the words that place it in the day.
        head = _LATER_IN.search(doc.text, 0, start)
        if head and ent.text.lower() == "the day":
            start = head.start()
        # "two weeks from now": spaCy stops before the words that anchor the count.
        tail = _COUNT_ANCHOR.match(doc.text, end)
        if tail:
            end = tail.end()
        # "this year's election" comes out as the entity "year"; the determiner decides
        # (but "that 1978 resolution" is the year 1978, "that" pointing at the resolution).
        if (
            ent.start > 0
            and doc[ent.start - 1].lower_ in ("this", "last", "next", "that")
            and re.fullmatch(r"(?:day|week|weekend|month|year|quarter|decade)s?", ent.text, re.I)
        ):
            start = doc[ent.start - 1].idx
        spans.append((start, end))
    taken = [(s, e) for s, e in spans]
    other_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in ("DATE", "TIME")]
    for m in [*_LEXICAL.finditer(doc.text), *_HOLIDAYS.finditer(doc.text)]:
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        # A capitalised weekday inside a name ("Bloody Sunday") is not a date.
        # (A holiday spaCy took for an event or a name is still a day.)
        holiday = m.re is _HOLIDAYS
        if not holiday and any(s < oe and os_ < e for os_, oe in other_ents):
            continue
        spans.append((s, e))
        taken.append((s, e))
    spans.sort()
    return spans


def _resolve_span(
    doc: Doc, span: Span, start: int, end: int, ctx: Context
) -> list[tuple[Resolved, int, int]]:
    text = doc.text[start:end]
    if re.search(r"(?:©|\(c\)|copyright)\s*$", doc.text[max(0, start - 12) : start], re.I):
        return []  # a copyright year dates the page, not an event
    before = doc.text[max(0, start - 8) : start].lower()
    if re.match(r"(?:every|each)\b", text, re.I) or re.search(r"\b(?:every|each)\s+$", before):
        return []  # "every Tuesday" recurs; it dates no single event
    if re.fullmatch(r"(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)days(?: \w+)?", text, re.I):
        return []  # "on Tuesdays" likewise
    if _AGE.search(text) or _AGE.search(doc.text[end : end + 5]):
        return []
    if _is_name(span, text):
        return []
    if not _looks_temporal(text):
        return []
    tense = _tense(span)
    prep = _preposition_before(doc, span)
    res = resolve(text, ctx, tense, prep)
    if res is not None:
        # Keep "since"/"for" in the expression: they turn a date into a range.
        # ("scheduled for Oct. 3" is a date, not a length of time: "for" stays out).
        keep = prep in ("since", "over", "by") or (
            prep in ("for", "within") and ("/" in res.value or res.vague)
        )
        if keep and span.start > 0:
            start = doc[span.start - 1].idx
        return [(res, start, end)]
    # spaCy sometimes joins two expressions ("a year earlier, nineteen ninety-six"). The
    # pieces are tried longest first so a comma inside one date ("June 30, 1990") holds.
    found: list[tuple[Resolved, int, int]] = []
    cuts = list(_SEPARATORS.finditer(text))
    if not cuts:
        return _without_lead(text, start, end, ctx, tense)
    bounds = [0, *(x for c in cuts for x in (c.start(), c.end())), len(text)]
    pieces = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if text[a:b].strip()]
    i = 0
    while i < len(pieces):
        # One date has at most a few comma-separated parts ("Tuesday, Aug. 6, 2024"); the
        # window keeps a long run of dates (a chronology) linear instead of cubic.
        for j in range(min(len(pieces), i + MAX_PIECES), i, -1):
            p_from, p_to = pieces[i][0], pieces[j - 1][1]
            res = resolve(text[p_from:p_to], ctx, tense, prep if p_from == 0 else None)
            if res is not None:
                found.append((res, start + p_from, start + p_to))
                i = j
                break
        else:
            i += 1
    return found


def _without_lead(
    text: str, start: int, end: int, ctx: Context, tense: Tense | None
) -> list[tuple[Resolved, int, int]]:
    """spaCy sometimes takes a word too many at the front ("coup d'etat last year")."""
    words = list(re.finditer(r"\S+", text))
    for k, w in enumerate(words[1:3], start=1):
        dropped = words[k - 1].group(0).lower()
        # Never drop what names a time itself ("September quarter" is not a "quarter").
        if dropped in _TEMPORAL_LEAD or re.search(r"\d", dropped) or _NAMES_TIME.match(dropped):
            break
        res = resolve(text[w.start() :], ctx, tense, None)
        if res is not None:
            return [(res, start + w.start(), end)]
    return []


def _is_name(span: Span, text: str) -> bool:
    """'ABC's "This Week"', 'VOA Today': a capitalised time word mid-sentence is a title.

    Weekdays and months are always capitalised, so only words normally written in lower
    case count; a headline in title case capitalises everything and proves nothing.
    """
    words = text.split()
    capitalised = [w for w in words if w[:1].isupper() and w.lower() in _LOWERCASE_TIME_WORDS]
    if not capitalised:
        return False
    first_is_start = all(not t.is_alpha for t in span.sent[: span.start - span.sent.start])
    if first_is_start and capitalised == [words[0]]:
        return False
    # The rest of the sentence, without its first word and the expression itself.
    others = [
        t.text
        for t in span.sent[1:]
        if t.is_alpha and len(t.text) > 3 and not span.start <= t.i < span.end
    ]
    return sum(w[0].isupper() for w in others) < 0.7 * max(len(others), 1)


def _looks_temporal(text: str) -> bool:
    """Reject spaCy's bare numbers and codes ("45", "T0504") before resolving anything."""
    t = text.strip()
    if re.fullmatch(r"[A-Za-z]*\d+[A-Za-z]*\d*", t) and not re.fullmatch(r"1\d{3}|20\d{2}", t):
        return False
    return not re.fullmatch(r"[\d\s,.%-]+", t) or bool(re.search(r"\b(?:1\d{3}|20\d{2})\b", t))


def _preposition_before(doc: Doc, span: Span) -> str | None:
    if span.start == 0:
        return None
    prev = doc[span.start - 1]
    word = prev.lower_
    if word in _PREPS_BEFORE or word == "in":
        return word
    return None


def _tense(span: Span) -> Tense | None:
    """The tense of the verb the expression modifies: past, present or future (None: unknown)."""
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    tense = _verb_tense(verb, 3)
    if tense is Tense.PRESENT and _through_subject(span.root, verb):
        # "Statements from Wechsler on Thursday ... is": the date hangs on the subject noun,
        # and a present verb says nothing about when the subject happened.
        return None
    return tense


def _through_subject(tok: Token, verb: Token) -> bool:
    current = tok
    for _ in range(8):
        if current.i == verb.i or current.head.i == current.i:
            return False
        if (
            current.i != tok.i
            and current.pos_ in ("NOUN", "PROPN")
            and current.dep_ in ("nsubj", "nsubjpass", "appos")
        ):
            return True
        current = current.head
    return False


def _verb_tense(verb: Token, depth: int) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & {"will", "'ll", "shall", "wo"}:
        return Tense.FUTURE
    if "to" in lowers and verb.head.i != verb.i:
        head = verb.head
        # An infinitive happens after the verb it completes: "would need more batteries
        # to protect the cities before the winter" looks ahead with "would need".
        if depth > 0 and head.pos_ in ("VERB", "AUX"):
            head_tense = _verb_tense(head, depth - 1)
            if head_tense is Tense.FUTURE:
                return Tense.FUTURE
        head_auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass", "cop")]
        copula_past = head.dep_ in ("acomp", "xcomp", "attr") and head.head.tag_ == "VBD"
        if head.tag_ == "VBD" or copula_past or any(a.tag_ == "VBD" for a in head_auxes):
            # "was due to be released in September", "said it expected to restore supply by
            # Sunday": future seen from the past; other past heads ("tried to") stay unknown.
            if head.lemma_ in _FUTURE_VERBS or copula_past:
                return Tense.PROSPECTIVE
            return None
        if head.lemma_ in _FUTURE_VERBS or any(c.lower_ == "going" for c in head.children):
            return Tense.FUTURE
        if head.lemma_ == "be" or head.tag_ in ("VBZ", "VBP"):
            return Tense.FUTURE
    passive_base = verb.tag_ == "VBN" and "be" in lowers and not lowers & {"have", "been"}
    if (verb.tag_ == "VB" or passive_base) and lowers & _MODALS:
        # "The weather should ease by Thursday morning", "said Ukraine would need them before
        # the winter": a modal on a bare verb looks ahead (with "have" it looks back, and
        # then the verb is a participle).
        return Tense.FUTURE
    prospect = _prospect_adjective(verb)
    if prospect is not None:
        return prospect
    if verb.tag_ == "VBN" and _scheduling(verb):
        # "Talks are scheduled for Oct. 3" looks ahead; "were scheduled for" looked ahead
        # from a moment now past.
        passive = [a for a in auxes if a.dep_ == "auxpass"]
        if any(a.tag_ in ("VBZ", "VBP") for a in passive):
            return Tense.FUTURE
        if any(a.tag_ == "VBD" for a in passive):
            return Tense.PROSPECTIVE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return Tense.PAST
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return Tense.PERFECT
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am", "'s", "'re") for a in auxes):
        return Tense.FUTURE
    if verb.tag_ in ("VBZ", "VBP"):
        return Tense.PRESENT
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        # "The meeting, set for Friday, ...": a schedule looks ahead of when it was set
        # (but "the record high set on Aug. 6" was set that day).
        return Tense.PROSPECTIVE if _scheduling(verb) else Tense.PAST
    if (
        depth > 0
        and verb.tag_ == "VBG"
        and not auxes
        and verb.dep_ in ("pcomp", "advcl", "conj", "xcomp")
        and verb.head.i != verb.i
    ):
        # A participle clause has no tense of its own: "flights would leave ..., with the
        # third departing from August 6" is as future as "would leave".
        head = _governing_verb(verb)
        if head is not None:
            return _verb_tense(head, depth - 1)
    return None


def _scheduling(verb: Token) -> bool:
    """'Scheduled', 'planned', 'expected'; 'set' only when it is set for something."""
    if verb.lemma_ == "set":
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return verb.lemma_ in _SCHEDULE_VERBS


def _prospect_adjective(verb: Token) -> Tense | None:
    """'A deal before the summer is possible' looks ahead; with 'was', ahead of a past moment."""
    if verb.lemma_ != "be" or not any(
        c.dep_ == "acomp" and c.lower_ in _PROSPECT_ADJECTIVES for c in verb.children
    ):
        return None
    if verb.tag_ == "VBD":
        return Tense.PROSPECTIVE
    if verb.tag_ in ("VBZ", "VBP"):
        return Tense.FUTURE
    return None


def _governing_verb(tok: Token) -> Token | None:
    current = tok
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.i != tok.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _sentence(span: Span, start: int, end: int) -> str:
    sent = span.sent
    text = sent.text.strip()
    if len(text) <= MAX_SENTENCE:
        return text
    # Trim to the clause: the punctuation-delimited stretch around the expression,
    # widened a clause at a time while it stays short.
    offset = sent.start_char
    rel_start, rel_end = start - offset, end - offset
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:\u2014]\s", sent.text)] + [len(sent.text)]
    left = max(c for c in cuts if c <= rel_start)
    right_cands = [c for c in cuts if c >= rel_end]
    right = min(right_cands) if right_cands else len(sent.text)
    while True:
        wider_left = max((c for c in cuts if c < left), default=None)
        wider_right = min((c for c in cuts if c > right), default=None)
        grown = False
        if wider_right is not None and wider_right - left <= MAX_SENTENCE:
            right = wider_right
            grown = True
        if wider_left is not None and right - wider_left <= MAX_SENTENCE:
            left = wider_left
            grown = True
        if not grown:
            break
    clause = sent.text[left:right].strip(" ,;:\u2014")
    if len(clause) > MAX_SENTENCE:
        lo = max(rel_start - left - MAX_SENTENCE // 2, 0)
        clause = clause[lo : lo + MAX_SENTENCE].strip()
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(sent.text.rstrip()) else ""
    return f"{prefix}{clause}{suffix}"
