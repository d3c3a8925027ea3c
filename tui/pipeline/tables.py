"""The rule and word tables in `tui/pipeline/data/`, each read once.

Heuristics live in these TOML tables (an id and a reason a reader sees for every rule);
every stage reads them through here, so a table is parsed once however many stages use it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed `data/<name>` (e.g. "clean_rules.toml"). Callers must not change it."""
    text = resources.files("tui.pipeline").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(text)
