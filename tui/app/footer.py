"""The key footer: Textual's, without the widgets it keeps after replacing them."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer composes its keys anew at every change of focus or bindings, and
    binds each to its own `compact` (a watcher on the footer that holds the key). Textual
    drops the watcher of a key that has closed only when `compact` changes, which it never
    does in this app: every focus change kept the keys it replaced, about 25 widgets, and
    a long session of searches and pane switches grew by megabytes (a review measured
    +14 MB over 24 searches)."""

    async def recompose(self) -> None:
        await super().recompose()
        forget_closed_watchers(self)


def forget_closed_watchers(node: DOMNode) -> None:
    """Drop the watchers on `node`'s reactives that belong to nodes that have closed."""
    # Textual keeps them, by node, in this attribute (`textual.reactive._watch`).
    watchers: dict[str, list[tuple[DOMNode, object]]] = getattr(node, "__watchers", {})
    for bound in watchers.values():
        bound[:] = [(owner, callback) for owner, callback in bound if not owner._closing]
