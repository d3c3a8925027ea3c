"""Imported by the forkserver of the test process, after `tui.pipeline.worker_preload`
(see `tests/conftest.py`): one demo article is read and analysed there once, so the
spaCy model and every table the stages build on first use are in memory before any
worker is forked. The workers of each of the hundreds of apps the tests start then begin
with them, rather than each loading them again (about two seconds of a core apiece, most
of an app test's time on two cores).

The app itself loads them in each worker on first use; that path is still what the
pseudo-terminal and command-line tests run, in processes of their own.
"""

from tui.demo import demo_paths
from tui.pipeline.fetch import _read_file
from tui.pipeline.options import Options
from tui.pipeline.stages import AnalysisJob, analyse, read_page


def _warm_up() -> None:
    path = demo_paths()[0]
    page = _read_file(str(path), path, Options())  # a local file, as the app reads one
    read = read_page(page)
    meta = read.metadata
    analyse(AnalysisJob(read.blocks, meta.published, page.fetched_at, meta.language))


_warm_up()
