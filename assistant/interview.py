"""An interview in progress: the guide's next question, proposals from what was said, saving.

Shared by the terminal interface and the tests. Every confirmed change is written to the vault at
once; if the write fails, the dossier in memory goes back to its last saved state, so what the
counsellor sees is always what is stored.
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from assistant.domain.dossier import Dossier
from assistant.domain.enums import EtatEtape, ProfilDeroule, TypeRencontre
from assistant.domain.errors import DonneesInvalides
from assistant.guide.engine import GuideEngine, QuestionProposee
from assistant.guide.extraction.apply import appliquer, retirer
from assistant.guide.extraction.proposals import (
    ContexteExtraction,
    Extracteur,
    MetierTrouve,
    Proposition,
)

if TYPE_CHECKING:
    from assistant.session import Session

MAX_ENONCE = 5000
"""What the extractor reads of one utterance; a longer paste is kept whole in the chat only."""


class Entretien:
    """One dossier being worked on in the interview workspace."""

    def __init__(
        self,
        session: "Session",
        dossier: Dossier,
        extracteur: Extracteur | None = None,
        aujourd_hui: Callable[[], date] = date.today,
    ) -> None:
        self.session = session
        self.dossier = dossier
        self.extracteur = extracteur
        self.aujourd_hui = aujourd_hui
        self.etape_choisie: int | None = None
        """A step the counsellor jumped to; the guide's order applies when None."""

    @property
    def guide(self) -> GuideEngine:
        return self.session.guide

    # --- where the interview stands -----------------------------------------------------------

    @property
    def question(self) -> QuestionProposee | None:
        return self.guide.prochaine_question(self.dossier, self.etape_choisie)

    @property
    def etape_en_cours(self) -> int | None:
        question = self.question
        return question.numero_etape if question else None

    # --- saving -------------------------------------------------------------------------------

    @contextmanager
    def _modification(self) -> Iterator[None]:
        """Apply a change in memory, then save; on any error, restore the last saved state."""
        avant = self.dossier.model_copy(deep=True)
        try:
            yield
            self.session.save_dossier(self.dossier)
        except BaseException:
            self.dossier = avant
            raise

    # --- the chat -----------------------------------------------------------------------------

    def proposer(
        self,
        texte: str,
        question: QuestionProposee | None,
        metiers: Callable[[str], Sequence[MetierTrouve]] | None = None,
    ) -> list[Proposition]:
        """What the text says for the question it answers; changes nothing (safe in a thread).

        Nothing of the text itself is stored: only the proposals the counsellor confirms.
        """
        if question is None or self.extracteur is None or not texte.strip():
            return []
        etape = self.dossier.etapes.par_numero(question.numero_etape)
        contexte = ContexteExtraction(
            etape=question.numero_etape,
            champs_attendus=tuple(question.question.champs),
            question_id=question.question.id,
            annee_courante=self.aujourd_hui().year,
            mois_courant=self.aujourd_hui().month,
            metiers=metiers,
            deja_notes={
                champ: getattr(etape, champ)
                for champ in type(etape).champs_questionnables()
                if etape.etat_champ(champ) == "rempli"
            },
        )
        return self.extracteur.extraire(texte[:MAX_ENONCE], contexte)

    def passer_question(self, question: QuestionProposee | None = None) -> None:
        """Mark the current question as asked (the closing summary closes its step)."""
        question = question or self.question
        if question is None:
            return
        with self._modification():
            self.guide.marquer_posee(self.dossier, question)
        if question.cloture and self.etape_choisie == question.numero_etape:
            self.etape_choisie = None

    def confirmer(self, proposition: Proposition) -> None:
        """Write a proposal the counsellor accepted (or corrected); DonneesInvalides if refused."""
        with self._modification():
            appliquer(self.dossier, proposition)
        self._consentement_modifie(proposition.champ)

    def dossier_si_confirme(self, propositions: Sequence[Proposition]) -> Dossier:
        """A copy of the dossier as it would be if these proposals were confirmed (nothing saved).

        Lets the suggestions for what was just said be searched while the counsellor reads the
        proposals; a proposal the model would refuse is left out, as its confirmation would be.
        """
        copie = self.dossier.model_copy(deep=True)
        for proposition in propositions:
            try:
                appliquer(copie, proposition)
            except DonneesInvalides:
                continue
        return copie

    def retirer(self, numero: int, champ: str, index: int | None = None) -> None:
        with self._modification():
            retirer(self.dossier, numero, champ, index)
        self._consentement_modifie(champ)

    def _consentement_modifie(self, champ: str) -> None:
        # Sharing depends on consent: every change of it is in the journal (not its content).
        if champ == "consentements" and self.session.journal is not None:
            self.session.journal.ajouter(
                "consentement_modifie",
                dossier_id=self.dossier.id,
                consentements=len(self.dossier.consentements),
            )

    # --- steps, profile, meetings -------------------------------------------------------------

    def aller_a_etape(self, numero: int) -> None:
        """Work on another step now; a closed step is reopened."""
        rencontre = self.dossier.rencontre_courante
        if rencontre is None or numero not in rencontre.etapes_prevues:
            raise ValueError(f"L'étape {numero} n'est pas prévue à ce rendez-vous.")
        with self._modification():
            self.guide.changer_etat(self.dossier, numero, EtatEtape.EN_COURS)
        self.etape_choisie = numero

    def passer_etape(self, numero: int | None = None) -> None:
        """Skip a step (state « passée »); the guide moves on to the next open one."""
        numero = self.etape_en_cours if numero is None else numero
        if numero is None:
            return
        with self._modification():
            self.guide.changer_etat(self.dossier, numero, EtatEtape.PASSEE)
        if self.etape_choisie == numero:
            self.etape_choisie = None

    def changer_profil(self, profil: ProfilDeroule | None) -> None:
        """Override the profile proposed by the guide (None: back to the guide's proposal)."""
        with self._modification():
            self.dossier.profil_choisi = profil

    def nouvelle_rencontre(self) -> None:
        """Start a follow-up meeting: steps 1, 5, 8 and 9 of the guide."""
        with self._modification():
            self.dossier.nouvelle_rencontre(
                self.aujourd_hui(), self.session.settings.conseiller_id, TypeRencontre.SUIVI
            )
        self.etape_choisie = None

    def jours_avant_sortie(self) -> int | None:
        sortie = self.dossier.etapes.situation.date_sortie_previsible
        return (sortie - self.aujourd_hui()).days if sortie else None
