"""The documents of a dossier: draft, review sentence by sentence, validate, export.

Shared by the terminal interface and the tests, like `Entretien`. Every change is saved at once
and the dossier in memory goes back to its last saved state if the write fails. Validation and
export are written to the journal (who, when, recipient, scope, file name; never content).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.enums import StatutValidation, TypeBrouillon
from assistant.domain.labels import libelle

if TYPE_CHECKING:
    from assistant.drafting.generate import ResultatRedaction
    from assistant.drafting.sources import FicheCible
    from assistant.export.consent import DecisionPartage, DestinataireExport
    from assistant.export.exporter import ResultatExport
    from assistant.session import Session

FormatExport = Literal["docx", "pdf", "md"]


class DocumentIntrouvable(LookupError):
    """The draft was removed meanwhile (another screen, a purge)."""


@dataclass(frozen=True)
class CibleLettre:
    """A job sheet a cover letter can aim at: from the projects first, then the experiences."""

    code_rome: str
    intitule: str
    origine: str


class Documents:
    """Drafts of one dossier, with their review and their export."""

    def __init__(self, session: "Session", dossier: Dossier) -> None:
        self.session = session
        self.dossier = dossier

    # --- saving -------------------------------------------------------------------------------

    @contextmanager
    def _modification(self) -> Iterator[None]:
        avant = self.dossier.model_copy(deep=True)
        try:
            yield
            self.session.save_dossier(self.dossier)
        except BaseException:
            self.dossier.brouillons = avant.brouillons
            raise

    def _journaliser(self, evenement: str, **details: str | int | bool | None) -> None:
        journal = self.session.journal
        if journal is not None:
            journal.ajouter(evenement, dossier_id=self.dossier.id, **details)  # type: ignore[arg-type]

    @property
    def conseiller(self) -> str:
        """Who validates: the configured counsellor id, else the meeting's, else a generic label."""
        rencontre = self.dossier.rencontre_courante
        return (
            self.session.settings.conseiller_id
            or (rencontre.conseiller_id if rencontre else None)
            or "conseiller"
        )

    # --- reading ------------------------------------------------------------------------------

    @property
    def brouillons(self) -> list[Brouillon]:
        """Newest first."""
        return sorted(self.dossier.brouillons, key=lambda b: b.cree_le, reverse=True)

    def brouillon(self, brouillon_id: str) -> Brouillon:
        for brouillon in self.dossier.brouillons:
            if brouillon.id == brouillon_id:
                return brouillon
        raise DocumentIntrouvable("Ce document n'existe plus dans le dossier.")

    def cibles_lettre(self) -> list[CibleLettre]:
        """Job sheets named in the dossier, projects first, without duplicates."""
        cibles: dict[str, CibleLettre] = {}
        etapes = self.dossier.etapes
        for projet in etapes.projet.projets or []:
            if projet.code_rome:
                cibles.setdefault(
                    projet.code_rome,
                    CibleLettre(projet.code_rome, projet.libelle_personne, "projet"),
                )
        for experience in etapes.experiences.experiences or []:
            code = getattr(experience, "code_rome", None)
            if code:
                cibles.setdefault(code, CibleLettre(code, experience.intitule_libre, "expérience"))
        return list(cibles.values())

    def fiche_cible(self, code_rome: str) -> "FicheCible | None":
        """The public job sheet a letter aims at, from the knowledge pack."""
        from assistant.drafting.sources import FicheCible

        fiche = self.session.knowledge.knowledge.fiches.get(code_rome)
        if fiche is None:
            return None
        return FicheCible(
            code_rome=fiche.code,
            intitule=fiche.libelle,
            competences=[label for label, coeur in fiche.savoir_faire if coeur][:12]
            or [label for label, _ in fiche.savoir_faire][:12],
            contextes=list(fiche.contextes[:6]),
            reglemente=bool(fiche.reglemente),
        )

    # --- drafting -----------------------------------------------------------------------------

    def rediger(
        self,
        type_document: TypeBrouillon,
        *,
        code_rome: str | None = None,
        sur_morceau: Callable[[str], None] | None = None,
    ) -> "ResultatRedaction":
        """Draft a document (LLM if configured, else templates) and keep it in the dossier."""
        from assistant.drafting.generate import rediger

        fiche = self.fiche_cible(code_rome) if code_rome else None
        passerelle = self.session.passerelle_llm()
        flux: Callable[[list[tuple[str, str]]], Iterator[str]] | None = None
        if passerelle is not None:

            def flux(messages: list[tuple[str, str]]) -> Iterator[str]:
                return passerelle.diffuser(messages, dossier_id=self.dossier.id)

        def jetons_inconnus() -> list[str]:
            # Placeholders the model wrote but was never given: flagged in the draft.
            return list(passerelle.jetons_inconnus) if passerelle is not None else []

        resultat = rediger(
            self.dossier,
            type_document,
            aujourd_hui=self.session.aujourd_hui(),
            fiche=fiche,
            flux=flux,
            sur_morceau=sur_morceau,
            jetons_inconnus=jetons_inconnus,
        )
        with self._modification():
            self.dossier.brouillons = [*self.dossier.brouillons, resultat.brouillon]
        self._journaliser(
            "brouillon_cree", type=type_document.value, origine=resultat.brouillon.origine
        )
        return resultat

    def _remplacer(self, nouveau: Brouillon) -> Brouillon:
        with self._modification():
            self.dossier.brouillons = [
                nouveau if b.id == nouveau.id else b for b in self.dossier.brouillons
            ]
        return nouveau

    def _revu(self, brouillon: Brouillon) -> Brouillon:
        """A changed draft goes back to « brouillon »: it must be read and validated again."""
        return brouillon.model_copy(
            update={
                "statut": StatutValidation.BROUILLON,
                "relu_par": None,
                "relu_le": None,
                "valide_par": None,
                "valide_le": None,
            }
        )

    def modifier_phrase(
        self, brouillon_id: str, section: int, phrase: int, texte: str
    ) -> Brouillon:
        """The counsellor rewrites a sentence; it is checked again (lint) and vouched by them."""
        from assistant.drafting.generate import modifier_phrase

        brouillon = self.brouillon(brouillon_id)
        fiche = self.fiche_cible(brouillon.code_rome) if brouillon.code_rome else None
        nouveau = modifier_phrase(
            brouillon,
            section,
            phrase,
            texte,
            dossier=self.dossier,
            aujourd_hui=self.session.aujourd_hui(),
            fiche=fiche,
        )
        return self._remplacer(self._revu(nouveau))

    def retirer_phrase(self, brouillon_id: str, section: int, phrase: int) -> Brouillon:
        from assistant.drafting.generate import retirer_phrase

        nouveau = retirer_phrase(self.brouillon(brouillon_id), section, phrase)
        return self._remplacer(self._revu(nouveau))

    def supprimer(self, brouillon_id: str) -> None:
        self.brouillon(brouillon_id)
        with self._modification():
            self.dossier.brouillons = [b for b in self.dossier.brouillons if b.id != brouillon_id]

    # --- review and validation ----------------------------------------------------------------

    def marquer_relu(self, brouillon_id: str) -> Brouillon:
        brouillon = self.brouillon(brouillon_id)
        nouveau = brouillon.model_copy(
            update={
                "statut": StatutValidation.RELU,
                "relu_par": self.conseiller,
                "relu_le": datetime.now(UTC),
            }
        )
        self._remplacer(nouveau)
        self._journaliser("brouillon_relu", type=brouillon.type.value)
        return nouveau

    def valider(self, brouillon_id: str) -> Brouillon:
        """Validate a draft; refused in French while flagged sentences remain."""
        brouillon = self.brouillon(brouillon_id)
        bloquantes = brouillon.phrases_bloquantes()
        if bloquantes:
            raise ValidationRefusee(
                f"{len(bloquantes)} phrase(s) signalée(s) : corrigez-les ou retirez-les avant "
                f"de valider ce document ({libelle(brouillon.type)})."
            )
        maintenant = datetime.now(UTC)
        nouveau = brouillon.model_copy(
            update={
                "statut": StatutValidation.VALIDE_CONSEILLER,
                "relu_par": brouillon.relu_par or self.conseiller,
                "relu_le": brouillon.relu_le or maintenant,
                "valide_par": self.conseiller,
                "valide_le": maintenant,
            }
        )
        self._remplacer(nouveau)
        self._journaliser("brouillon_valide", type=brouillon.type.value)
        return nouveau

    # --- export -------------------------------------------------------------------------------

    def decision(self, brouillon_id: str, destinataire: "DestinataireExport") -> "DecisionPartage":
        """What the person's consent allows for this recipient, before any file is written."""
        from assistant.export.consent import decider_partage

        return decider_partage(self.dossier, self.brouillon(brouillon_id), destinataire)

    def exporter(
        self,
        brouillon_id: str,
        destinataire: "DestinataireExport",
        format: FormatExport,
        dossier_cible: Path,
    ) -> "ResultatExport":
        """Write the validated draft where the counsellor chose; refused outside consent."""
        from assistant.export.errors import ExportRefuse
        from assistant.export.exporter import exporter

        brouillon = self.brouillon(brouillon_id)
        try:
            return exporter(
                self.dossier,
                brouillon,
                destinataire,
                format,
                dossier_cible,
                journal=self.session.journal,
                # The session's clock dates the file (the demo and the tests fix it).
                maintenant=datetime.combine(
                    self.session.aujourd_hui(), datetime.now().time()
                ).astimezone(),
            )
        except ExportRefuse as exc:
            # A refusal is written down too (its reason code, never the draft's content).
            self._journaliser(
                "export_refuse",
                destinataire=str(destinataire),
                type_document=brouillon.type.value,
                motif=exc.decision.motif_refus if exc.decision else None,
            )
            raise


class ValidationRefusee(ValueError):
    """A draft cannot be validated yet; the message says why, in French."""
