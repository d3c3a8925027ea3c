"""Imported once, by the forkserver that briefing's workers are forked from (see
`workers.py`), and by nothing else: its import silences the server's stdio and loads what
every worker needs, so each new worker starts with them and in milliseconds.
"""

from tui.pipeline.workers import quiet_stdio
from tui.runtime import return_memory_promptly

quiet_stdio()
return_memory_promptly()

import tui.pipeline.stages  # noqa: E402, F401  (extraction and cleaning, lxml included)
