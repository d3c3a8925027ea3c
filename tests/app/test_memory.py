"""What the app keeps between runs in the cache, and what it says when the cache cannot
keep it: a toast while the app is open, a line on stderr once it has closed."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.app.conftest import SETTLE
from tests.app.test_keys import open_article
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


async def test_a_cache_folder_deleted_while_the_app_runs_is_said_after_it_closes(
    make_app, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    app = make_app([str(PAGES / "wire.html")], analysis=False, cache=CacheSettings(str(folder)))
    async with app.run_test(size=(140, 40)):
        await app.wait_settled(SETTLE)
        shutil.rmtree(folder)  # the reader clears the cache folder, then quits
    # The history and the read marks were written to a file no longer there, without a word.
    (line,) = app.said_after
    assert line.startswith(f"the cache file {folder / 'briefing.sqlite3'} was deleted")
    assert "history" in line


async def test_a_cache_folder_deleted_while_the_app_runs_is_a_toast_at_the_next_write(
    make_app, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    app = make_app([str(PAGES / "wire.html")], analysis=False, cache=CacheSettings(str(folder)))
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        shutil.rmtree(folder)
        await open_article(app, pilot, 0)
        await pilot.press("2")  # read: its mark is written, or would be
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = f"The cache file {folder / 'briefing.sqlite3'} was deleted or replaced"
        assert [t for t in _toasts(app) if t.startswith(said)], _toasts(app)
    assert app.said_after == []  # said once
