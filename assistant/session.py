"""Application services shared by the terminal interface and the command line."""

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.domain.dossier import Dossier
from assistant.domain.enums import HorizonSortie, ProfilDeroule, TypeEtablissement
from assistant.guide.engine import GuideEngine
from assistant.locations import Locations
from assistant.storage.dossiers import DossierRepository
from assistant.storage.errors import VaultError, VaultLocked, WeakPassphrase
from assistant.storage.journal import Evenement, Journal
from assistant.storage.vault import Vault

if TYPE_CHECKING:  # the knowledge stack (numpy, chromadb) loads on first use, not at start-up
    from assistant.documents import Documents
    from assistant.guide.extraction.proposals import MetierTrouve
    from assistant.interview import Entretien
    from assistant.llm.gateway import PasserelleLLM
    from assistant.retention import DossierEchu
    from assistant.retrieval.service import KnowledgeService
    from assistant.suggestions import Suggesteur, Suggestions


@dataclass(frozen=True)
class DossierResume:
    """One line of the dossiers list."""

    id: str
    reference: str
    type_etablissement: TypeEtablissement
    horizon_sortie: HorizonSortie | None
    profil: ProfilDeroule | None
    derniere_rencontre: date | None
    etapes_closes: int
    etapes_prevues: int


class Session:
    """What the counsellor can do, whatever the interface: vault, dossiers, guide."""

    def __init__(
        self,
        settings: Settings,
        data_dir: Path | None = None,
        locations: Locations | None = None,
    ) -> None:
        self.settings = settings
        self.locations = locations or Locations(data_dir or settings.data_dir)
        self.aujourd_hui: Callable[[], date] = date.today
        """The clock of the interview (dates of meetings, countdowns); tests and the demo fix it."""
        self.guide = GuideEngine(est_reglemente=self._is_regulated)
        self._vault: Vault | None = None
        self._dossiers: DossierRepository | None = None
        self._knowledge: KnowledgeService | None = None
        self._suggesteur: Suggesteur | None = None
        self._verrou_suggesteur = threading.Lock()
        self._journal: Journal | None = None
        self._passerelle_llm: PasserelleLLM | None = None

    def _is_regulated(self, code_rome: str) -> bool:
        # Only called when a project has a job sheet: the rules load on first need.
        return self.knowledge.regulated.is_regulated(code_rome)

    @property
    def knowledge(self) -> "KnowledgeService":
        """Public knowledge (job sheets, certifications, services), loaded on first use."""
        if self._knowledge is None:
            from assistant.retrieval.service import KnowledgeService

            self._knowledge = KnowledgeService(self.settings, self.locations)
        return self._knowledge

    # --- vault --------------------------------------------------------------------------------

    @property
    def vault_exists(self) -> bool:
        return self.locations.vault_file.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None and self._vault.is_open

    def create_vault(self, passphrase: str, confirmation: str) -> None:
        if passphrase != confirmation:
            raise WeakPassphrase("Les deux saisies de la phrase secrète sont différentes.")
        self.locations.prepare()
        self._attach(Vault.create(self.locations.vault_file, passphrase))

    def unlock(self, passphrase: str) -> None:
        self._attach(Vault.open(self.locations.vault_file, passphrase))

    def _attach(self, vault: Vault) -> None:
        self.lock()
        self._vault = vault
        self._dossiers = DossierRepository(vault)
        self._journal = Journal(vault)
        self._journaliser("coffre_ouvert")

    def _journaliser(self, evenement: "Evenement", dossier_id: str | None = None) -> None:
        """Record an event of the vault's life; a read-only vault must still open and lock."""
        if self._journal is None:
            return
        with suppress(VaultError):
            self._journal.ajouter(evenement, dossier_id=dossier_id)

    def lock(self) -> None:
        if self._vault is not None:
            if self._vault.is_open:
                self._journaliser("coffre_verrouille")
            self._vault.close()
        self._vault = None
        self._dossiers = None
        self._journal = None
        self._passerelle_llm = None
        self._oublier_recherches()

    @property
    def journal(self) -> Journal | None:
        """The vault's journal of events; None while locked."""
        return self._journal

    @property
    def dossiers(self) -> DossierRepository:
        if self._dossiers is None:
            raise VaultLocked("Le coffre est verrouillé : saisissez la phrase secrète.")
        return self._dossiers

    # --- dossiers -----------------------------------------------------------------------------

    def resume(self, dossier: Dossier) -> DossierResume:
        closes, prevues = self.guide.progression(dossier)
        rencontre = dossier.rencontre_courante
        return DossierResume(
            id=dossier.id,
            reference=dossier.reference,
            type_etablissement=dossier.type_etablissement,
            horizon_sortie=dossier.etapes.situation.horizon_sortie,
            profil=self.guide.profil(dossier).profil,
            derniere_rencontre=rencontre.date if rencontre else None,
            etapes_closes=closes,
            etapes_prevues=prevues,
        )

    def list_dossiers(self) -> tuple[list[DossierResume], list[str]]:
        dossiers, problems = self.dossiers.list()
        return [self.resume(d) for d in dossiers], problems

    def create_dossier(
        self, reference: str, type_etablissement: TypeEtablissement | str, jour: date | None = None
    ) -> Dossier:
        """A new dossier with its first meeting started (all steps of the guide)."""
        dossier = self.dossiers.create(
            reference, type_etablissement, jour or self.aujourd_hui(), self.settings.conseiller_id
        )
        self._journaliser("dossier_cree", dossier.id)
        return dossier

    def get_dossier(self, dossier_id: str) -> Dossier:
        return self.dossiers.get(dossier_id)

    def save_dossier(self, dossier: Dossier) -> Dossier:
        return self.dossiers.save(dossier)

    def delete_dossier(self, dossier_id: str) -> None:
        self.dossiers.delete(dossier_id)
        self._journaliser("dossier_supprime", dossier_id)
        self._oublier_recherches()

    def _oublier_recherches(self) -> None:
        # Searches remember the person's words (job titles) in memory: an erased dossier's too.
        self._suggesteur = None
        if self._knowledge is not None:
            self._knowledge.forget_queries()

    def dossiers_echus(self) -> list["DossierEchu"]:
        """Dossiers whose retention period is over (configuration `[vault] retention_months`)."""
        from assistant.retention import dossiers_echus

        dossiers, _ = self.dossiers.list()
        return dossiers_echus(dossiers, self.aujourd_hui(), self.settings.vault.retention_months)

    def purger(self, appliquer: bool = False) -> list["DossierEchu"]:
        """The dossiers due for erasure; erased (and journaled) only when `appliquer`."""
        echus = self.dossiers_echus()
        if appliquer and echus:
            for echu in echus:
                self.dossiers.delete(echu.id)
                self._journaliser("dossier_supprime", echu.id)
            self._oublier_recherches()
            if self._journal is not None:
                self._journal.ajouter("purge", nombre=len(echus))
        return echus

    def documents(self, dossier: Dossier) -> "Documents":
        """Drafts of a dossier: write, review, validate, export."""
        from assistant.documents import Documents

        return Documents(self, dossier)

    def prechauffer_llm(self) -> None:
        """Build the pseudonymiser ahead of the first remote call (it takes 15-20 s)."""
        from assistant.llm.endpoints import envoi_local

        llm = self.settings.llm
        if llm.provider in ("none", "fake") or (
            envoi_local(llm) and not llm.toujours_pseudonymiser
        ):
            return
        from assistant.llm.pseudonymisation import obtenir_pseudonymiseur

        obtenir_pseudonymiseur()

    def passerelle_llm(self) -> "PasserelleLLM | None":
        """The only way text reaches a language model; None when none is configured."""
        if self.settings.llm.provider == "none" or self._vault is None:
            return None
        if self._passerelle_llm is None:
            from assistant.llm.factory import charger_modele
            from assistant.llm.gateway import PasserelleLLM
            from assistant.storage.pseudonyms import CorrespondanceRepository

            modele = charger_modele(self.settings.llm)
            if modele is None:
                return None
            self._passerelle_llm = PasserelleLLM(
                self.settings.llm, modele, CorrespondanceRepository(self._vault), self._journal
            )
        return self._passerelle_llm

    # --- interview ----------------------------------------------------------------------------

    def entretien(self, dossier: Dossier) -> "Entretien":
        """Work on a dossier in the interview workspace, with the offline extraction rules."""
        from assistant.guide.extraction.rules import RuleExtractor
        from assistant.interview import Entretien

        self._journaliser("dossier_ouvert", dossier.id)
        return Entretien(self, dossier, RuleExtractor(), self.aujourd_hui)

    def chercher_metiers(self, texte: str) -> list["MetierTrouve"]:
        """Job sheets for words the person said (used by the extraction to propose a code)."""
        from assistant.guide.extraction.proposals import MetierTrouve

        return [
            MetierTrouve(hit.code_rome, hit.libelle, hit.score)
            for hit in self.knowledge.search_jobs(texte, 3)
        ]

    def corriger_orthographe(self, texte: str) -> str:
        """The text with its misspelt job words read as job words (« electricen » ->
        « électricien »), for the extraction rules; the text itself is not kept."""
        return self.knowledge.jobs.spelling.fix_text(texte)

    def suggestions_en_memoire(self, dossier: Dossier) -> "Suggestions | None":
        """The suggestions if every search they need was already made; None otherwise."""
        if self._suggesteur is None:
            return None
        return self._suggesteur.en_memoire(dossier)

    def suggestions(self, dossier: Dossier) -> "Suggestions":
        from assistant.suggestions import Suggesteur

        with self._verrou_suggesteur:  # two workers may ask at once (anticipation, refresh)
            if self._suggesteur is None:
                self._suggesteur = Suggesteur(self.knowledge)
            suggesteur = self._suggesteur
        return suggesteur.suggerer(dossier)
