"""The mock interview's thread: the recruiter's lines on the left, the person's answers on the
right, short notes in between. The person's words are plain text, never markup."""

from typing import ClassVar, Literal

from assistant.tui.widgets.thread import BubbleThread

Role = Literal["recruteur", "personne", "assistant", "note", "erreur"]


class FilSimulation(BubbleThread):
    DEFAULT_CSS = """
    FilSimulation { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    FilSimulation > .fil--recruteur {
        margin: 1 6 0 0; padding: 0 1; border-left: thick $accent; background: $surface;
    }
    FilSimulation > .fil--personne {
        margin: 1 0 0 6; padding: 0 1; border-right: thick $success; text-align: right;
    }
    FilSimulation > .fil--assistant { margin: 1 6 0 0; padding: 0 1; border-left: thick $primary; }
    FilSimulation > .fil--note { padding: 0 1; color: $text-muted; }
    FilSimulation > .fil--erreur {
        margin: 1 0 0 0; padding: 0 1; color: $error; border-left: thick $error;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fil--recruteur",
        "fil--personne",
        "fil--assistant",
        "fil--note",
        "fil--erreur",
    }
    MAX_BULLES = 60
