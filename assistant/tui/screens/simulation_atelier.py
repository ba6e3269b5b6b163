"""The gap-answer workshop: the person builds a short, true answer step by step, sees the checks
live, reads the legal frame, and keeps the wording they choose.

Nothing about the case is asked; a wording that gives details of the case is not kept.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Static, TextArea

from assistant.domain.dossier import Dossier
from assistant.simulation.atelier import Atelier, ReponseNonRetenue
from assistant.simulation.poste import PosteCible
from assistant.tui.widgets.footer import StableFooter

if TYPE_CHECKING:
    from assistant.interview import Entretien
    from assistant.session import Session


class AtelierScreen(Screen[str | None]):
    """Answers the wording kept (already passed to `retenir`), or None."""

    DEFAULT_CSS = """
    AtelierScreen #bandeau-atelier {
        height: auto; padding: 0 1; background: $warning 20%; text-style: bold;
    }
    AtelierScreen #corps-atelier { height: 1fr; padding: 0 1; }
    AtelierScreen .etape { margin-top: 1; height: auto; }
    AtelierScreen .aide { color: $text-muted; }
    AtelierScreen #proposition { height: 5; }
    AtelierScreen #signaux { height: auto; margin-top: 1; }
    AtelierScreen #erreur-atelier { color: $error; height: auto; }
    AtelierScreen #boutons-atelier { height: auto; margin-top: 1; }
    AtelierScreen #boutons-atelier Button { margin-right: 1; width: auto; }
    AtelierScreen #cadre { height: auto; margin-top: 1; border-top: solid $accent; }
    AtelierScreen.personne .etape { text-style: bold; padding: 0 1; }
    AtelierScreen.personne Footer { display: none; }
    """
    BINDINGS = [
        Binding("escape", "close", "Fermer"),
        Binding("ctrl+s", "keep", "Retenir cette formulation", priority=True),
    ]

    def __init__(
        self,
        poste: PosteCible | None,
        retenir: Callable[[str], None],
        mode_personne: bool = False,
    ) -> None:
        super().__init__()
        self.atelier = Atelier(poste)
        self.retenir = retenir
        self.mode_personne = mode_personne

    def compose(self) -> ComposeResult:
        atelier = self.atelier
        yield Header()
        yield Static(atelier.bandeau, id="bandeau-atelier")
        with VerticalScroll(id="corps-atelier"):
            yield Static(Text(atelier.introduction.removeprefix(atelier.bandeau).strip()))
            for numero, etape in enumerate(atelier.etapes, start=1):
                texte = Text()
                texte.append(f"{numero}. {etape.titre}\n", style="bold")
                texte.append(etape.consigne)
                yield Static(texte, classes="etape")
                yield Input(placeholder=f"Par exemple : {etape.exemple}", id=f"etape-{etape.cle}")
            yield Static(
                Text("Votre réponse (vous pouvez la modifier librement)", style="bold"),
                classes="etape",
            )
            yield TextArea("", id="proposition", soft_wrap=True)
            yield Static("", id="signaux")
            yield Static("", id="erreur-atelier")
            with Horizontal(id="boutons-atelier"):
                yield Button("Retenir cette formulation", variant="primary", id="retenir")
                yield Button("Fermer", id="fermer")
            cadre = Text()
            cadre.append("Le cadre légal, en mots simples\n", style="bold")
            for partie in atelier.cadre_legal:
                cadre.append(f"\n{partie.titre}\n", style="bold")
                cadre.append(partie.texte + "\n")
            cadre.rstrip()
            yield Static(cadre, id="cadre")
        yield StableFooter()

    def on_mount(self) -> None:
        self.set_class(self.mode_personne, "personne")
        self.sub_title = "Atelier : ma réponse sur la période"
        self._verifier()
        self.query_one(f"#etape-{self.atelier.etapes[0].cle}", Input).focus()

    def on_screen_resume(self) -> None:
        self.app.use_command_palette = not self.mode_personne

    @on(Input.Changed)
    def _etape(self, event: Input.Changed) -> None:
        ident = event.input.id or ""
        if not ident.startswith("etape-"):
            return
        self.atelier.renseigner(ident.removeprefix("etape-"), event.value)
        self.query_one("#proposition", TextArea).text = self.atelier.proposition

    @on(Input.Submitted)
    def _etape_suivante(self) -> None:
        self.focus_next()

    @on(TextArea.Changed, "#proposition")
    def _verifier(self) -> None:
        texte = self.query_one("#proposition", TextArea).text
        vue = Text()
        for signal in self.atelier.verifier(texte):
            if signal.code == "bien":
                vue.append(f"✔ {signal.message}\n", style="bold green")
            elif signal.bloquant:
                vue.append(f"⚠ {signal.message}\n", style="bold red")
            else:
                vue.append(f"• {signal.message}\n", style="yellow")
        vue.rstrip()
        self.query_one("#signaux", Static).update(vue)

    def action_keep(self) -> None:
        erreur = self.query_one("#erreur-atelier", Static)
        try:
            texte = self.atelier.retenir(self.query_one("#proposition", TextArea).text)
            self.retenir(texte)
        except (ReponseNonRetenue, ValueError) as exc:
            erreur.update(Text(str(exc)))
            return
        self.notify("Formulation retenue.")
        self.dismiss(texte)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _bouton(self, event: Button.Pressed) -> None:
        if event.button.id == "retenir":
            self.action_keep()
        else:
            self.dismiss(None)


def ouvrir_atelier_seul(app: App[object], session: "Session", entretien: "Entretien") -> None:
    """The workshop from the interview: the wording goes to the dossier's last simulation."""
    from assistant.tui.screens.simulation import modifier_dossier

    derniere = entretien.dossier.simulations[-1] if entretien.dossier.simulations else None
    poste = None
    if derniere is not None:
        fiche = (
            session.knowledge.knowledge.fiches.get(derniere.code_rome)
            if derniere.code_rome
            else None
        )
        poste = (
            PosteCible.depuis_fiche(fiche, session.knowledge.knowledge)
            if fiche is not None
            else PosteCible(derniere.code_rome, derniere.poste_vise)
        )

    def retenir(texte: str) -> None:
        if not entretien.dossier.simulations:
            raise ValueError(
                "Ce dossier n'a encore aucune simulation enregistrée : la formulation ne peut "
                "pas être rangée. Faites d'abord une simulation (F9), puis revenez à l'atelier."
            )

        def ranger(dossier: Dossier) -> None:
            dossier.simulations[-1] = dossier.simulations[-1].model_copy(
                update={"reponse_periode_detention_travaillee": texte}
            )

        erreur = modifier_dossier(session, entretien, ranger)
        if erreur is not None:
            raise ValueError(erreur)

    app.push_screen(AtelierScreen(poste, retenir))
