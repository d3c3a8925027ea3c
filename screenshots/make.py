"""Regenerate the README's screenshots from the real app on the demo articles.

Each view is reached the way a reader would (keys through the pilot) after every article
has been analysed, then saved as SVG next to this script:

    python screenshots/make.py
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from textual.pilot import Pilot  # noqa: E402

from tui.app.analysis_panes import EntitiesPane  # noqa: E402
from tui.app.main import BriefingApp, create_app  # noqa: E402
from tui.demo import demo_paths  # noqa: E402
from tui.pipeline.options import Options  # noqa: E402

SIZE = (130, 36)
Scene = Callable[[Pilot], Awaitable[None]]


async def briefing(pilot: Pilot) -> None:
    """The merged briefing: every article, their entities and one timeline."""


async def entity(pilot: Pilot) -> None:
    """The first article with its most mentioned person highlighted in the text."""
    app: BriefingApp = pilot.app  # type: ignore[assignment]
    await pilot.press("j")
    await app.wait_settled()
    pane = app.query_one(EntitiesPane)
    await pilot.press("3")
    pane.highlighted = min(pane.choices)
    await pilot.press("enter", "n")
    await app.wait_settled()


async def boilerplate(pilot: Pilot) -> None:
    """The first article with what the cleaner removed, and why, dimmed where it stood."""
    app: BriefingApp = pilot.app  # type: ignore[assignment]
    await pilot.press("j")
    await app.wait_settled()
    await pilot.press("b", "2")


async def help_screen(pilot: Pilot) -> None:
    await pilot.press("question_mark")


SCENES: dict[str, Scene] = {
    "briefing": briefing,
    "entity": entity,
    "boilerplate": boilerplate,
    "help": help_screen,
}


async def shoot(name: str, scene: Scene) -> Path:
    app = create_app([str(p) for p in demo_paths()], Options())
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_settled(120)
        await scene(pilot)
        await pilot.pause(0.3)
        path = HERE / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(HERE))
        return path


async def main() -> None:
    for name, scene in SCENES.items():
        print(await shoot(name, scene))


if __name__ == "__main__":
    asyncio.run(main())
