"""The timeline stage: temporal expressions found, tied to their sentences, and resolved
against the publication date to TIMEX3-style values.

Modules, one concern each:

- `build`      the stage itself (`build_timeline`, `merge_timelines`, `sort_key`)
- `spans`      which spans of a parsed block are temporal expressions
- `grammar`    tense and aspect of the governing verb, read from spaCy's parse
- `sentence`   the sentence (or clause) an entry quotes
- `nowadays`   "today" said of our age, not of one day ("today's world", "as it is today")
- `habits`     a bare season, month or holiday told as a habit ("cold in the winter")
- `sets`       recurring times ("every Tuesday", "each July"): TIMEX3 sets
- `lengths`    lengths of time ("for a month"): TIMEX3 durations, and where each lies
- `ranges`     two dates joined as a range ("from Monday to Thursday")
- `clocks`     clock times placed on their days ("Monday at 10 a.m.")
- `seasons`    season words that name no season ("prices fall", "a summer camp")
- `stamps`     a live blog's update stamps and the day each belongs to
- `standin`    the date an undated page is read as of: the one its own words give
- `posts`      the day of each post on a page of several, from the date lines cut above them
- `modifiers`  times that describe a thing ("the 30-year bond", "annual"), kept beside it
- `resolve`    one expression to a value: hedges, ranges, vague words, times of day
- `dates`      the ordered table of named date rules, and `resolve_date`
- `rule`       what a date rule is and may answer (`DateRule`, `DECLINE`, `PASS`)
- `calendar_rules`, `period_rules`   the date rules themselves
- `values`     `Resolved`, `Context`, `Tense` and the calendar arithmetic
- `holidays`   named holidays in a given year
- `named_days` days that name one event ("9/11"), whose year the world knows
- `vocab`      the words and regex pieces, from `data/lexicon.toml` and `data/timeline.toml`
"""

from tui.pipeline.timeline.build import build_timeline, merge_timelines, parse_anchor, sort_key
from tui.pipeline.timeline.modifiers import time_modifiers

__all__ = ["build_timeline", "merge_timelines", "parse_anchor", "sort_key", "time_modifiers"]
