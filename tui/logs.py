"""Where briefing's own log goes: to the file named by $BRIEFING_LOG, else nowhere.

Never to the terminal: in the app it would land in the middle of the screen, and headless
the reader was promised one stderr line per failed input, not tracebacks. Python's
warnings are routed the same way. A bug in a stage is still visible to the reader, as
that article's `internal` error in words.
"""

from __future__ import annotations

import logging
import os

LOG_ENV = "BRIEFING_LOG"


def configure() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    path = os.environ.get(LOG_ENV)
    handler: logging.Handler
    if path:
        try:
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        root.setLevel(logging.INFO)
    else:
        handler = logging.NullHandler()
    root.addHandler(handler)
    logging.captureWarnings(True)
