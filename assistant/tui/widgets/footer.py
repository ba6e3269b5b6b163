"""The footer, rebuilt only when what it shows changes.

Textual's Footer recomposes (unmounts and mounts every key) at each bindings signal, i.e. at every
focus move and every `refresh_bindings`, even when the keys shown are the same: 50 to 100 ms on a
two-core laptop, during which a key typed in the chat waits. Ours skips the rebuild when nothing
changed, and when only a key's availability changed it dims or lights that key in place.
"""

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


class StableFooter(Footer):
    """A Footer that skips the rebuild when the keys shown would be the same."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Shown | None = None

    @staticmethod
    def _signature(screen: Screen[Any]) -> Shown:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    @staticmethod
    def _keys(shown: Shown) -> tuple[object, ...]:
        """The keys shown, whether they are available or not."""
        return tuple((key, action, text, tooltip) for key, action, text, _, tooltip in shown)

    def _set_availability(self, shown: Shown) -> None:
        enabled = {action: available for (_, action, _, available, _) in shown}
        for footer_key in self.query("FooterKey"):  # by CSS type: the class is not public
            available = enabled.get(getattr(footer_key, "action", ""), True)
            footer_key._disabled = not available  # type: ignore[attr-defined]  # read on a click
            footer_key.set_class(not available, "-disabled")

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            signature = self._signature(screen)
            if signature == self._shown:
                return
            before, self._shown = self._shown, signature
            if before is not None and self._keys(before) == self._keys(signature):
                self._set_availability(signature)
                return
        super().bindings_changed(screen)
