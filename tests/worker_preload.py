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
from tui.pipeline.model import FetchedPage
from tui.pipeline.stages import AnalysisJob, analyse, read_page


def _warm_up() -> None:
    path = demo_paths()[0]
    uri = path.as_uri()
    page = FetchedPage(str(path), uri, path.read_bytes(), None, "2026-01-01T00:00:00Z")
    read = read_page(page)
    analyse(AnalysisJob(read.blocks, read.metadata.published, None, "en"))


_warm_up()
