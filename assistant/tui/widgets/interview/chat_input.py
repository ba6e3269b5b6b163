"""The line where the counsellor types what the person says.

Textual's Input sets its virtual width to the text's width at every key, and that attribute asks
for a layout of the whole screen: 12 to 20 ms of reflow per key in the workspace, during which
the next key waits. This box has a fixed size, so its text's width needs no layout: it only
bounds the horizontal scroll, read when the cursor moves.
"""

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class ChatInput(Input):
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
