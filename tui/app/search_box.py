"""The search's input box."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class SearchBox(Input):
    """Enter searches as the box handles it, not once it has bubbled up to the binding:
    letters typed after it in one burst ("/air defence⏎n") were already in the box by then,
    and were searched for. The box gives up the focus with the Enter, and keys that reach
    it afterwards go on up to the app, which hands them to where the focus went
    (`BriefingApp.on_event`): the "n" steps to the next hit."""

    async def _on_key(self, event: events.Key) -> None:
        # (Not `has_focus`: that follows the Blur message, which waits behind these keys.)
        if self.screen.focused is not self:
            # Typed after the Enter: not for the box. Input's own handler (Textual calls
            # each class's in turn) would type it in; it goes on up to the app instead.
            event.prevent_default()
            return
        if event.key != "enter":
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        value = self.value
        self.screen.set_focus(None)
        # Straight to the app, ahead of the keys still on their way up from the box.
        self.app.post_message(self.Submitted(self, value))
