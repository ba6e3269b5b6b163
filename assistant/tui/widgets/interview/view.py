"""A text view that redraws only when its text really changed.

The workspace recomputes its views after each confirmed answer; most of them are unchanged,
and re-laying out a long profile costs tens of milliseconds on the main thread.
"""

from rich.text import Text
from textual.widgets import Static


class Vue(Static):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._cle: tuple[object, ...] | None = None

    def montrer(self, texte: Text | str) -> None:
        texte = Text(texte) if isinstance(texte, str) else texte
        cle = (texte.plain, tuple((s.start, s.end, str(s.style)) for s in texte.spans))
        if cle != self._cle:
            self._cle = cle
            self.update(texte)
