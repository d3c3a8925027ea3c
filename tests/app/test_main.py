"""What opening the app costs before its first frame: only what that frame draws is imported."""

from __future__ import annotations

import json
import subprocess
import sys

# Each is imported when first needed, after the first frame: the pipeline and its
# libraries in a worker, the screens when opened, the timeline's labels when there is an
# entry to label, the progress bar when work starts.
NOT_BEFORE_THE_FIRST_FRAME = (
    "spacy",
    "httpx",
    "lxml",
    "readability",
    "tui.pipeline.session",
    # The dataclasses: `dataclasses` compiles their methods as each is made (~6 ms); the
    # app names only the vocabularies in tui.pipeline.kinds before the frame.
    "tui.pipeline.model",
    "tui.pipeline.extract",
    "tui.pipeline.timex",
    "tui.app.screens",
    "textual.widgets._progress_bar",
)


def test_building_the_app_imports_nothing_its_first_frame_does_not_draw() -> None:
    script = (
        "import json, sys\n"
        "from tui.app.main import create_app\n"
        "from tui.pipeline.options import Options\n"
        "create_app(['demo.html'], Options())\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    loaded = set(json.loads(out))
    assert "textual.app" in loaded  # the script did build the app
    early = [m for m in NOT_BEFORE_THE_FIRST_FRAME if m in loaded]
    assert early == []
