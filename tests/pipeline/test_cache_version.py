"""The cache's PIPELINE_VERSION changes whenever what the pipeline makes of a page does.

Cached results are keyed by that version; if the output changed and the version did not,
readers would keep seeing the old output from their cache. This test reads and analyses
the fixture pages, digests the results, and compares with the digest recorded for the
current version in pipeline_version.txt. When it fails after an intended change:

1. bump PIPELINE_VERSION in tui/pipeline/cache.py;
2. record the new digest: `.venv/bin/python -m tests.pipeline.test_cache_version --write`.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from tui.pipeline import codec
from tui.pipeline.cache import PIPELINE_VERSION
from tui.pipeline.model import FetchedPage, PipelineError
from tui.pipeline.stages import AnalysisJob, analyse, read_page

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
RECORD = Path(__file__).parent / "pipeline_version.txt"
# Pages that between them pass through every stage: extraction's cuts, the cleaner's
# rules, entities and the timeline, and a page with no article.
SAMPLE = ("frontline.html", "wire.html", "blog.html", "no_article.html")
# Fixed, so the timeline's anchor for pages without a date never depends on today.
FETCHED_AT = "2025-03-04T12:00:00+00:00"


def output_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(PAGES / name for name in SAMPLE):
        page = FetchedPage(
            path.name, f"https://fixtures.example/{path.name}", path.read_bytes(), None, FETCHED_AT
        )
        try:
            read = read_page(page)
        except PipelineError as exc:
            digest.update(f"{path.name}:{exc.kind}:{exc.message}".encode())
            continue
        digest.update(codec.encode(read))
        published = read.metadata.published
        digest.update(
            codec.encode(
                analyse(AnalysisJob(read.blocks, published, FETCHED_AT, read.metadata.language))
            )
        )
    return digest.hexdigest()


def test_the_pipeline_version_is_bumped_when_the_output_changes() -> None:
    version, recorded = RECORD.read_text().split()
    now = output_digest()
    assert now == recorded or version != PIPELINE_VERSION, (
        "The pipeline's output changed: bump PIPELINE_VERSION in tui/pipeline/cache.py, then "
        "run `.venv/bin/python -m tests.pipeline.test_cache_version --write`."
    )
    assert version == PIPELINE_VERSION, (
        "PIPELINE_VERSION was bumped: record its digest with "
        "`.venv/bin/python -m tests.pipeline.test_cache_version --write`."
    )
    assert now == recorded


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    RECORD.write_text(f"{PIPELINE_VERSION} {output_digest()}\n")
    print(RECORD.read_text(), end="")
