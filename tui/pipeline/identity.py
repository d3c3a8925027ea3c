"""When two inputs are the same article.

A reader who pipes `tail -f` output, or pastes a list twice, gives briefing the same URL
more than once, spelled a little differently; and two URLs (an AMP copy, a tracking
redirect) can lead to one page that names its canonical address. Each real article is
shown once: inputs are compared by a normalised key, and read pages by their final and
canonical URLs too. A canonical address is only the page's claim (a site template may give
every page its home page's, or another site's): two pages that share one are the same
article only when they also say the same (`same_text`) under titles that may be one
article's (`same_title`: two stories sharing paragraphs of background are two).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from tui.pipeline.clean import normalise_block_text

if TYPE_CHECKING:
    from tui.pipeline.model import Block

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Of the shorter page's blocks, the share the other page must hold too: a copy that drops
# captions or adds a clock in a corner is the same article; two stories of one site, which
# share no more than the site's furniture, are not.
_SAME_TEXT_SHARE = 0.5


def is_web_address(text: str) -> bool:
    """Whether an input is fetched from the web (http or https), not read from a file."""
    return text.strip().lower().startswith(("http://", "https://"))


def input_key(text: str) -> str:
    """A key equal for inputs that name the same page: scheme and host in lower case,
    no default port, no fragment, no trailing slash; a local file by its absolute path."""
    text = text.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # not a URL a browser would open: compare it as written
        return text
    scheme = parts.scheme.lower()
    if scheme in _DEFAULT_PORTS and parts.hostname:
        host = parts.hostname.lower()
        if ":" in host:  # an IPv6 address keeps its brackets
            host = f"[{host}]"
        if port is not None and port != _DEFAULT_PORTS[scheme]:
            host = f"{host}:{port}"
        if parts.username or parts.password:
            host = f"{parts.netloc.rsplit('@', 1)[0]}@{host}"
        return urlunsplit((scheme, host, parts.path.rstrip("/"), parts.query, ""))
    if scheme == "file":
        return "file://" + parts.path
    if "://" in text:
        return text
    try:
        return "file://" + str(Path(text).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):  # a name the OS refuses: compare as written
        return text


# Of the shorter title's words, the share the other title must hold too: a copy's title
# may add or drop the site's name ("Storm closes port - Daily Planet"); two stories that
# share a paragraph of background have titles of their own.
_SAME_TITLE_SHARE = 0.6


def same_title(a: str | None, b: str | None) -> bool:
    """Whether two pages' titles may be one article's: True when either has none (no
    evidence either way), when one holds the other, or most words of the shorter are in
    the other."""
    if not a or not b:
        return True
    words_a, words_b = _title_words(a), _title_words(b)
    if not words_a or not words_b:
        return True
    shorter = min(words_a, words_b, key=len)
    return len(words_a & words_b) >= _SAME_TITLE_SHARE * len(shorter)


def _title_words(title: str) -> set[str]:
    return set(re.findall(r"\w+", title.casefold()))


def same_text(a: Sequence[Block], b: Sequence[Block]) -> bool:
    """Whether two read pages say the same: most blocks of the shorter appear in the other,
    compared without case or spacing. Pages with no text say nothing the same."""
    texts_a, texts_b = _block_texts(a), _block_texts(b)
    if not texts_a or not texts_b:
        return False
    shared = len(texts_a & texts_b)
    return shared >= _SAME_TEXT_SHARE * min(len(texts_a), len(texts_b))


def _block_texts(blocks: Sequence[Block]) -> set[str]:
    # Compared as the recurring-block index compares them (`recurring.RecurringIndex.add`).
    return {normalise_block_text(b.text) for b in blocks if b.text.strip()}
