"""When two inputs are the same article.

A reader who pipes `tail -f` output, or pastes a list twice, gives briefing the same URL
more than once, spelled a little differently; and two URLs (an AMP copy, a tracking
redirect) can lead to one page that names its canonical address. Each real article is
shown once: inputs are compared by a normalised key, and read pages by their final and
canonical URLs too.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


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
