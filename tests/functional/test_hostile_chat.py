"""Hostile text typed or pasted in the interview chat, with the real app driven by Pilot.

Whatever is pasted (100 000 characters, emoji and other scripts, control characters and lone
surrogates, binary-looking text, Rich markup), the app stays up, shows it as plain text, and the
dossier is still readable after a restart. Fictitious dossier only.
"""

from datetime import date

import pytest
from pilote import attendre, coffre_avec_dossier, dire, ouvrir_entretien, relire
from rich.text import Text

from assistant.config import Settings
from assistant.tui.app import make_app
from assistant.tui.screens.workspace import WorkspaceScreen
from assistant.tui.widgets.interview.chat import ChatLog
from assistant.tui.widgets.thread import MAX_AFFICHE, Bulle

pytestmark = pytest.mark.functional
SIZE = (120, 36)
MARKUP = "[bold red]x[/] [link=https://exemple.invalid]clic[/link] [/] [[b]] :warning: \\["
HOSTILES = {
    "long": "Il a travaillé comme cariste " + "ab " * 33_330,
    "scripts": "Il parle arabe : مرحبا بكم، chinois : 你好世界, russe : Привет мир 🙂🧱👩‍👩‍👧",
    "controles": "Il\x00 a\x07 un\x1b[31m CAP\x08 maçon\r\n\x7f\u202e\ufeff\ufffe fin",
    "surrogates": "Texte collé \ud800 avec \udfff des moitiés de caractères",
    "binaire": bytes(range(256)).decode("latin-1"),
    "markup": MARKUP,
}


def _bulles(screen: WorkspaceScreen) -> list[Bulle]:
    return screen.query_one("#fil", ChatLog).bulles


def _texte(bulle: Bulle) -> Text:
    """What the bubble draws: plain text plus style spans (none may come from the paste)."""
    return bulle.texte


async def test_hostile_pastes_keep_the_app_up_and_are_shown_as_plain_text(
    settings: Settings,
) -> None:
    dossier_id = coffre_avec_dossier(settings, "MA-2026-077", date(2026, 11, 26))
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        for nom, texte in HOSTILES.items():
            avant = len(_bulles(screen))
            await dire(pilot, screen, texte)
            assert pilot.app.screen is screen, nom
            bulles = _bulles(screen)
            assert len(bulles) > min(avant, 39), nom  # the utterance and the reply were shown
            # The counsellor's bubble shows the text as typed (cut when huge), never interpreted.
            conseiller = next(b for b in reversed(bulles) if b.auteur == "conseiller")
            rendu = _texte(conseiller)
            affiche = rendu.plain
            assert list(rendu.spans) == [], nom
            if nom == "long":
                assert len(affiche) < MAX_AFFICHE + 60 and "caractères au total" in affiche
            elif nom == "controles":  # the renderer drops some control codes, shows the rest
                assert affiche.startswith("Il") and "CAP" in affiche and affiche.endswith("fin")
            elif nom == "binaire":
                assert texte[0x20:0x7F] in affiche and texte[0xA0:] in affiche, nom
            else:
                assert affiche == texte, nom
        # Slash commands with hostile arguments are answered, not crashed on.
        for commande in ("/etape ²", "/etape ٣", "/etape 99999999999999999999", "/" + MARKUP):
            await dire(pilot, screen, commande)
            assert pilot.app.screen is screen, commande
        await dire(pilot, screen, "/metiers " + MARKUP)
        await attendre(pilot)
        await dire(pilot, screen, "/services " + HOSTILES["controles"])
        await attendre(pilot)
        assert pilot.app.screen is screen
        chat = "\n".join(_texte(b).plain for b in _bulles(screen))
        assert "Commande inconnue" in chat
        assert "Traceback" not in chat and "Error" not in chat
    # The dossier reads back after the session, and the app opens it again.
    dossier = relire(settings, dossier_id)
    assert dossier.reference == "MA-2026-077"
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        assert screen.entretien.dossier.id == dossier_id
        await dire(pilot, screen, "Il a un CAP maçon.")
        assert pilot.app.screen is screen


async def test_a_hostile_utterance_confirmed_into_the_dossier_is_stored_clean(
    settings: Settings,
) -> None:
    """A free-text answer with control characters is proposed, confirmed, and stored cleaned."""
    dossier_id = coffre_avec_dossier(settings, "MA-2026-078", date(2026, 11, 26))
    async with make_app(settings).run_test(size=SIZE) as pilot:
        screen = await ouvrir_entretien(pilot)
        await dire(pilot, screen, "/etape 6")
        while screen.entretien.question and "citation_cle" not in (
            screen.entretien.question.question.champs
        ):
            await pilot.press("ctrl+n")
            await attendre(pilot)
            assert screen.entretien.etape_en_cours == 6
        await dire(pilot, screen, "Je veux\x00 m'en sortir\x1b, [bold]vraiment[/] 🙂 \ufffe")
        assert [p.champ for p in screen.en_attente] == ["citation_cle"]
        await pilot.press("ctrl+o")
        await attendre(pilot)
        assert pilot.app.screen is screen
    citation = relire(settings, dossier_id).etapes.projet.citation_cle
    assert citation is not None
    assert citation.startswith("Je veux m'en sortir") and citation.endswith("[bold]vraiment[/] 🙂")
    assert not any(ord(ch) < 0x20 or ch == "\ufffe" for ch in citation)
