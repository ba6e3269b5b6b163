"""The interview thread drawn line by line: shape of the bubbles, wrapping, scrolling, no layout."""

import pytest
from textual import messages as textual_messages
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Static

from assistant.tui.widgets.interview.chat import ChatLog
from assistant.tui.widgets.thread import BARRE, MAX_AFFICHE

pytestmark = pytest.mark.functional
QUESTION = "Qu'est-ce qu'on vous a dit de ce rendez-vous avant de venir ?"


class Banc(App[None]):
    def compose(self) -> ComposeResult:
        yield ChatLog(id="fil")


def _ecran(fil: ChatLog) -> list[str]:
    """The thread as drawn on screen (without its padding), trailing spaces removed."""
    return [fil.render_line(y).text.rstrip() for y in range(fil.scrollable_content_region.height)]


async def test_bubbles_are_drawn_with_their_bar_indent_and_wrapping() -> None:
    async with Banc().run_test(size=(60, 20)) as pilot:
        fil = pilot.app.query_one(ChatLog)
        fil.ajouter("assistant", QUESTION, "Étape 0 — Accueil et cadre")
        fil.ajouter("conseiller", "On m'a dit que c'était pour le juge")
        fil.ajouter("note", "Rien de précis à noter automatiquement.")
        await pilot.pause()
        largeur = fil.scrollable_content_region.width
        ecran = _ecran(fil)
        assert ecran[0] == ""  # a blank line above each question and answer
        question = [ligne for ligne in ecran[1:] if ligne.startswith(BARRE)]
        assert len(question) == 3  # wrapped to the thread's width, the « why » on its own line
        assert " ".join(ligne[1:].strip() for ligne in question[:2]) == QUESTION
        assert question[2] == f"{BARRE} Étape 0 — Accueil et cadre"
        conseiller = ecran[1 + len(question) + 1]
        # What the person said: indented, aligned right, the bar on the right.
        assert conseiller.startswith(" " * 6) and conseiller.endswith(f"juge {BARRE}")
        assert len(conseiller) == largeur
        assert ecran[1 + len(question) + 2] == " Rien de précis à noter automatiquement."  # no gap
        assert {fil.render_line(y).cell_length for y in range(10)} == {largeur}


async def test_a_new_bubble_repaints_the_thread_without_laying_out_the_screen() -> None:
    layouts: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, textual_messages.Layout):
            layouts.append(message)

    async with Banc().run_test(size=(60, 12), message_hook=hook) as pilot:
        fil = pilot.app.query_one(ChatLog)
        for n in range(8):  # enough to show the scrollbar (one layout, for its column)
            fil.ajouter("conseiller", f"Réponse {n}")
        await pilot.pause()
        assert fil.show_vertical_scrollbar
        layouts.clear()
        for n in range(8, 40):
            fil.ajouter("assistant" if n % 2 else "note", f"Question {n}")
            await pilot.pause()
            # Always scrolled to the newest bubble, the scrollbar sized to the new height.
            assert fil.scroll_offset.y == fil.max_scroll_y > 0
            assert _ecran(fil)[-1] == f"{BARRE} Question {n}" if n % 2 else f" Question {n}"
            assert fil.vertical_scrollbar.window_virtual_size == fil.virtual_size.height
        assert layouts == []
        # The oldest bubbles leave the thread, their lines with them.
        assert len(fil.bulles) == ChatLog.MAX_BULLES
        assert fil.textes()[0] == f"Question {40 - ChatLog.MAX_BULLES}"
        assert fil.virtual_size.height == sum(2 if n % 2 else 1 for n in range(16, 40))


async def test_the_thread_wraps_again_when_the_terminal_is_resized() -> None:
    async with Banc().run_test(size=(100, 20)) as pilot:
        fil = pilot.app.query_one(ChatLog)
        fil.ajouter("assistant", QUESTION)
        await pilot.pause()
        assert sum(ligne.startswith(BARRE) for ligne in _ecran(fil)) == 1
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        lignes = [ligne for ligne in _ecran(fil) if ligne.startswith(BARRE)]
        assert len(lignes) == 2  # 33 columns inside the bubble now
        assert all(len(ligne) <= fil.scrollable_content_region.width for ligne in lignes)
        assert " ".join(ligne[1:].strip() for ligne in lignes) == QUESTION


async def test_pasted_text_is_shown_as_typed_without_control_characters() -> None:
    async with Banc().run_test(size=(80, 20)) as pilot:
        fil = pilot.app.query_one(ChatLog)
        fil.ajouter("conseiller", "Il\x00 a un\x1b[31m CAP\x08 [bold]maçon[/]\r\n🙂 fin\x9b")
        fil.ajouter("conseiller", "ab " * 5000)
        await pilot.pause()
        premiere, longue = fil.bulles
        assert premiere.texte.plain == "Il a un[31m CAP [bold]maçon[/]\n🙂 fin"
        assert list(premiere.texte.spans) == []
        assert len(longue.texte.plain) < MAX_AFFICHE + 60
        assert longue.texte.plain.endswith("(15000 caractères au total)")
        dessine = "\n".join(_ecran(fil))
        assert "\x1b" not in dessine and "\x00" not in dessine


async def test_the_bubbles_take_the_colours_of_a_new_theme() -> None:
    async with Banc().run_test(size=(60, 12)) as pilot:
        pilot.app.theme = "textual-dark"
        fil = pilot.app.query_one(ChatLog)
        fil.ajouter("assistant", QUESTION)
        await pilot.pause()

        def fond() -> object:
            ligne = fil.render_line(1)  # the question's first line, under its blank line
            return next(s.style.bgcolor for s in ligne if s.text.strip() and s.style)

        sombre = fond()
        pilot.app.theme = "textual-light"
        await pilot.pause()
        assert fond() != sombre


class BancAvecPanneau(App[None]):
    """The thread above a box that opens and closes, as the proposals do in the workspace."""

    def compose(self) -> ComposeResult:
        yield ChatLog(id="fil")
        yield Static("\n".join(["proposition"] * 6), id="panneau")

    def on_mount(self) -> None:
        self.query_one("#panneau").display = False


async def test_the_newest_bubble_stays_in_view_when_the_thread_gets_shorter() -> None:
    async with BancAvecPanneau().run_test(size=(60, 20)) as pilot:
        fil = pilot.app.query_one(ChatLog)
        for n in range(12):
            fil.ajouter("assistant", f"Question {n}")
        await pilot.pause()
        assert _ecran(fil)[-1] == f"{BARRE} Question 11"
        pilot.app.query_one("#panneau").display = True
        await pilot.pause()
        assert fil.scrollable_content_region.height < 20
        assert _ecran(fil)[-1] == f"{BARRE} Question 11"
