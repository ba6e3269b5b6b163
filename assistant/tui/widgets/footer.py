"""The footer, rebuilt only when what it shows changes.

Textual's Footer recomposes (unmounts and mounts every key) at each bindings signal, i.e. at every
focus move and every `refresh_bindings`, even when the keys shown are the same: 50 to 100 ms on a
two-core laptop, during which a key typed in the chat waits.
"""

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class StableFooter(Footer):
    """A Footer that skips the rebuild when the keys shown would be the same."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[object, ...] | None = None

    def _signature(self, screen: Screen[Any]) -> tuple[object, ...]:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            signature = self._signature(screen)
            if signature == self._shown:
                return
            self._shown = signature
        super().bindings_changed(screen)
