"""The interview thread: the guide's questions, what the counsellor typed, what was noted."""

from typing import ClassVar, Literal

from assistant.tui.widgets.thread import BubbleThread, Forme

Auteur = Literal["assistant", "conseiller", "note", "erreur"]


class ChatLog(BubbleThread):
    DEFAULT_CSS = """
    ChatLog { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    ChatLog > .fil--assistant { background: $surface; }
    ChatLog > .fil--bord-assistant { color: $accent; }
    ChatLog > .fil--bord-conseiller { color: $primary; }
    ChatLog > .fil--note { color: $text-muted; }
    ChatLog > .fil--erreur { color: $error; }
    ChatLog > .fil--bord-erreur { color: $error; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fil--assistant",
        "fil--bord-assistant",
        "fil--conseiller",
        "fil--bord-conseiller",
        "fil--note",
        "fil--erreur",
        "fil--bord-erreur",
    }
    FORMES: ClassVar[dict[str, Forme]] = {
        "assistant": Forme(barre="gauche"),
        "conseiller": Forme(barre="droite", retrait_gauche=6, a_droite=True),
        "note": Forme(avant=0),
        "erreur": Forme(barre="gauche"),
    }
    MAX_BULLES = 24
