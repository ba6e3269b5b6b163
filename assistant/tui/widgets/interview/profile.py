"""The profile so far, one view per section: a confirmed answer redraws only its section.

The whole profile of a long interview is 8 000 characters; wrapping it again at each confirmed
answer took 20 ms of the frame in which a key typed meanwhile waits (bench/workspace.py).
"""

from rich.text import Text
from textual.containers import VerticalScroll

from assistant.tui.widgets.interview.view import Vue


class ProfileView(VerticalScroll):
    def montrer(self, sections: list[Text]) -> None:
        vues = list(self.query_children(Vue))
        for vue in vues[len(sections) :]:
            vue.remove()
        nouvelles = [Vue(classes="section-profil") for _ in sections[len(vues) :]]
        if nouvelles:
            self.mount_all(nouvelles)
        for vue, section in zip(vues[: len(sections)] + nouvelles, sections, strict=True):
            vue.montrer(section)
