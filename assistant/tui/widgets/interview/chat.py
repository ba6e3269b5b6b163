"""The interview thread: the guide's questions, what the counsellor typed, what was noted."""

from typing import ClassVar

from assistant.tui.widgets.thread import BubbleThread


class ChatLog(BubbleThread):
    DEFAULT_CSS = """
    ChatLog { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    ChatLog > .fil--assistant {
        margin: 1 0 0 0; padding: 0 1; border-left: thick $accent; background: $surface;
    }
    ChatLog > .fil--conseiller {
        margin: 1 0 0 6; padding: 0 1; border-right: thick $primary; text-align: right;
    }
    ChatLog > .fil--note { padding: 0 1; color: $text-muted; }
    ChatLog > .fil--erreur {
        margin: 1 0 0 0; padding: 0 1; color: $error; border-left: thick $error;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fil--assistant",
        "fil--conseiller",
        "fil--note",
        "fil--erreur",
    }
    MAX_BULLES = 24
