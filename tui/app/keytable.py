"""Every key the app answers to, in the order a newcomer needs them.

Plain data with no Textual import: the help screen (`?`) is drawn from it and
`briefing --help` prints it, so neither can drift from what the keys do.
"""

from __future__ import annotations

# The key that opens the add prompt: the prompt reads it glued to an address typed after
# its own Enter in one burst.
ADD_KEY = "a"

KEY_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Moving",
        (
            ("j / k, ↓ / ↑", "move in a list, scroll the text"),
            ("g / G, home / end", "first / last row; top / bottom of the text"),
            ("ctrl+d / ctrl+u", "half a page down / up"),
            ("space, pgdn / pgup", "a page down / up"),
            ("tab / shift+tab", "next / previous pane"),
            ("1 2 3 4", "jump to articles, text, entities, timeline"),
            ("enter", "read the article; highlight an entity's mentions;"),
            ("", "go to a timeline entry's sentence"),
            ("< / >", "narrow / widen the list of articles"),
        ),
    ),
    (
        "Finding",
        (
            ("/", "search the text (on Briefing: every article)"),
            ("n / N", "next / previous highlight (mention or search hit)"),
            ("escape", "close the search, clear highlights"),
            ("b", "show / hide the boilerplate the cleaner removed"),
            ("C", "show / hide the readers' comments under the article"),
        ),
    ),
    (
        "Doing",
        (
            (ADD_KEY, "add URLs (paste a list: one a line)"),
            ("r", "reload the article (on Briefing: retry failed ones)"),
            ("o", "open the article in the browser"),
            ("y", "copy the article's URL"),
            ("Y", "copy the current paragraph"),
            ("c", "copy the article as Markdown (on Briefing: all)"),
            ("e", "export the briefing as Markdown or JSON"),
            ("ctrl+p", "command palette: every action by name"),
            ("?", "this help"),
            ("ctrl+z", "suspend to the shell (fg brings it back)"),
            ("q, ctrl+c", "quit"),
        ),
    ),
)

KEYS: list[tuple[str, str]] = [row for _, rows in KEY_GROUPS for row in rows]


def key_table_lines() -> list[str]:
    """The key table as plain lines, for `briefing --help`."""
    width = max(len(keys) for keys, _ in KEYS)
    lines: list[str] = []
    for heading, rows in KEY_GROUPS:
        lines.append(f"{heading}:")
        lines += [f"  {keys.ljust(width)}  {action}".rstrip() for keys, action in rows]
    return lines
