"""What the app keeps between runs in the cache, and what it says when the cache cannot
keep it."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import SETTLE
from tui.app.main import BriefingApp
from tui.pipeline.options import CacheSettings

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"


def _toasts(app: BriefingApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_cache_warning_is_a_toast_begun_as_a_sentence(make_app, tmp_path: Path) -> None:
    file = tmp_path / "hostname"
    file.write_text("a file\n")
    app = make_app([str(PAGES / "wire.html")], analysis=False, cache=CacheSettings(str(file)))
    async with app.run_test(size=(140, 40)):
        await app.wait_settled(SETTLE)
        # "the cache folder … could not be made (File exists)"
        said = f"The cache folder {file} is a file, not a folder; briefing carries on"
        assert any(toast.startswith(said) for toast in _toasts(app)), _toasts(app)
