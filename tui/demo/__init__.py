"""Sample articles shipped inside the package so `briefing --demo` works offline.

Written by the project in the shape of real news pages; not copied from any site.
"""

from __future__ import annotations

from pathlib import Path

DEMO_DIR = Path(__file__).parent


def demo_paths() -> list[Path]:
    return sorted(DEMO_DIR.glob("*.html"))
