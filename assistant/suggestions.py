"""What the knowledge pack suggests for a dossier: job sheets, certifications, services.

Only public words leave the dossier here (job titles, barrier categories, a département code),
and only towards the in-process knowledge search: nothing personal is indexed or logged.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.domain.dossier import Dossier
from assistant.domain.enums import NiveauFrein
from assistant.domain.labels import libelle
from assistant.guide.extraction.jobs import SECTEURS
from assistant.guide.extraction.text import plier

if TYPE_CHECKING:
    from assistant.retrieval.certification_search import CertificationHit
    from assistant.retrieval.metiers import JobHit
    from assistant.retrieval.service import KnowledgeService
    from assistant.retrieval.service_search import ServiceHit

T = TypeVar("T")
MAX_PISTES = 4
"""Job titles searched per refresh: priority project first, other projects, then experiences."""
MAX_PROJETS_CERTIFICATIONS = 3
CERTIFICATIONS_PAR_PISTE = 5
CERTIFICATIONS_AUTRE_PISTE = 3
"""Fewer for the second and third projects: the panel stays readable without scrolling far."""


@dataclass(frozen=True)
class PisteMetier:
    origine: str
    """Where the words come from, for the counsellor: « Projet : cariste »."""
    hit: "JobHit"
    confirmee: bool
    """The job sheet is the one the counsellor confirmed in the dossier."""


@dataclass(frozen=True)
class ServicesFrein:
    frein: str
    hits: list["ServiceHit"]
    hors_departement: bool
    """No service of this kind in the release département: these are from elsewhere."""


@dataclass(frozen=True)
class CertificationsPiste:
    pour: str
    """The project (or, without one, the last job) they lead to: « Projet : cuisinier »."""
    hits: list["CertificationHit"]


@dataclass(frozen=True)
class Suggestions:
    metiers: list[PisteMetier] = field(default_factory=list)
    certifications: list[CertificationsPiste] = field(default_factory=list)
    services: list[ServicesFrein] = field(default_factory=list)
    region: str | None = None


def _pistes(dossier: Dossier) -> list[tuple[str, str, str | None]]:
    """(origine, words, confirmed code) for the projects then the experiences."""
    pistes: list[tuple[str, str, str | None]] = []
    projet = dossier.etapes.projet
    projets = list(projet.projets or [])
    if projet.projet_prioritaire_index is not None and projets:
        projets.insert(0, projets.pop(projet.projet_prioritaire_index))
    for p in projets:
        pistes.append((_origine("Projet", p.libelle_personne), p.libelle_personne, p.code_rome))
    for e in reversed(dossier.etapes.experiences.experiences):
        pistes.append((_origine("Expérience", e.intitule_libre), e.intitule_libre, e.code_rome))
    vues: set[str] = set()
    uniques = []
    for origine, mots, code in pistes:
        cle = code or mots.casefold()
        if cle not in vues:
            vues.add(cle)
            uniques.append((origine, mots, code))
    return uniques[:MAX_PISTES]


def _pistes_certifications(
    pistes: list[tuple[str, str, str | None]],
) -> list[tuple[str, str, str | None]]:
    """Every project (« cuisinier, ou sinon agent de restauration »: both are prepared for);
    without a project, the last job."""
    projets = [p for p in pistes if p[0].startswith("Projet")]
    return projets[:MAX_PROJETS_CERTIFICATIONS] or pistes[:1]


def _origine(quoi: str, mots: str) -> str:
    """« Expérience : cariste »; a whole trade (« bâtiment ») is a sector: its sheets are only
    examples until the person says which job it was."""
    if plier(mots).strip() in SECTEURS:
        return f"{quoi} : {mots} (secteur : quel métier ? exemples)"
    return f"{quoi} : {mots}"


def cle_suggestions(dossier: Dossier) -> tuple[object, ...]:
    """What the suggestions depend on: when it has not changed, nothing needs recomputing."""
    situation = dossier.etapes.situation
    freins = tuple(
        (f.categorie, f.niveau, f.besoin_orientation) for f in dossier.etapes.freins.freins
    )
    return (tuple(_pistes(dossier)), situation.region_sortie, situation.departement_sortie, freins)


class _PasEnMemoire(Exception):
    """A search of `Suggesteur.en_memoire` is not remembered: it would have to run."""


class Suggesteur:
    """Suggestions for the dossiers of one session, remembering the searches already made.

    After each confirmed answer most searches are the same as before (same job titles, same
    barriers): they are answered from memory, so a refresh only pays for what changed.
    """

    TAILLE = 256

    def __init__(self, knowledge: "KnowledgeService") -> None:
        self.knowledge = knowledge
        self._memoire: dict[tuple[object, ...], Any] = {}
        self._verrou = threading.Lock()
        self._en_cours: dict[tuple[object, ...], threading.Event] = {}
        self._local = threading.local()

    def _memo(self, cle: tuple[object, ...], calcul: Callable[[], T]) -> T:
        # The dense index may become ready during the session: it is part of the key.
        cle = (self.knowledge.dense_ready, *cle)
        memoire_seule = getattr(self._local, "memoire_seule", False)
        while True:
            with self._verrou:
                if cle in self._memoire:
                    valeur: T = self._memoire[cle]
                    return valeur
                if memoire_seule:
                    raise _PasEnMemoire
                en_cours = self._en_cours.get(cle)
                if en_cours is None:
                    fin = self._en_cours[cle] = threading.Event()
                    break
            # The same search is running in another worker (the one started while the
            # counsellor read the proposals): wait for it rather than compute it twice.
            en_cours.wait()
        try:
            valeur = calcul()
            with self._verrou:
                if len(self._memoire) >= self.TAILLE:
                    self._memoire.pop(next(iter(self._memoire)))
                self._memoire[cle] = valeur
            return valeur
        finally:
            with self._verrou:
                self._en_cours.pop(cle, None)
            fin.set()

    def metiers(self, requete: str, top: int, region: str | None) -> "list[JobHit]":
        return self._memo(
            ("metiers", requete, top, region),
            lambda: self.knowledge.search_jobs(requete, top, region),
        )

    def certifications(self, requete: str) -> "list[CertificationHit]":
        return self._memo(
            ("certifications", requete), lambda: self.knowledge.search_certifications(requete, 5)
        )

    def services(self, requete: str, departement: str | None, top: int) -> "list[ServiceHit]":
        return self._memo(
            ("services", requete, departement, top),
            lambda: self.knowledge.search_services(requete, departement, top),
        )

    def connu(self, cle: tuple[object, ...]) -> bool:
        with self._verrou:
            return (self.knowledge.dense_ready, *cle) in self._memoire

    def suggerer(self, dossier: Dossier, top: int = 3) -> Suggestions:
        return suggerer(self, dossier, top)

    def en_memoire(self, dossier: Dossier, top: int = 3) -> Suggestions | None:
        """The suggestions if every search they need is remembered (no search runs), else None.

        Cheap enough for the interface thread: the panel is then updated at once, without
        waiting for a worker.
        """
        self._local.memoire_seule = True
        try:
            return suggerer(self, dossier, top)
        except _PasEnMemoire:
            return None
        finally:
            self._local.memoire_seule = False


def suggerer(suggesteur: Suggesteur, dossier: Dossier, top: int = 3) -> Suggestions:
    """Suggestions from what is confirmed in the dossier (searches in-process, ~30 ms each)."""
    knowledge = suggesteur.knowledge
    memoire_seule = getattr(suggesteur._local, "memoire_seule", False)
    situation = dossier.etapes.situation
    region = situation.region_sortie
    metiers: list[PisteMetier] = []
    vus: set[str] = set()
    pistes = _pistes(dossier)
    # From memory only, the interface thread must never wait for the pack to load.
    pack = knowledge.loaded_knowledge() if memoire_seule else knowledge.knowledge
    if pack is None:
        raise _PasEnMemoire
    fiches = pack.fiches
    requetes = [
        fiches[code].libelle if code and code in fiches else mots for _, mots, code in pistes
    ]
    nouvelles = [r for r in requetes if not suggesteur.connu(("metiers", r, top, region))]
    if len(nouvelles) > 1 and not memoire_seule:
        knowledge.embed_queries(nouvelles)  # the new titles' vectors in one batch
    for (origine, _, code), requete in zip(pistes, requetes, strict=True):
        hits = suggesteur.metiers(requete, top, region)
        if code:
            hits = [h for h in hits if h.code_rome == code][:1] or hits[:1]
        for hit in hits:
            if hit.code_rome not in vus:
                vus.add(hit.code_rome)
                metiers.append(PisteMetier(origine, hit, hit.code_rome == code))
    certifications: list[CertificationsPiste] = []
    montrees: set[str] = set()
    for origine, mots, code in _pistes_certifications(pistes):
        fiche = fiches.get(code) if code else None
        # A certification already shown for the first project is not repeated for the second.
        trouvees = [
            h
            for h in suggesteur.certifications(fiche.libelle if fiche else mots)
            if h.certification.id not in montrees
        ][: CERTIFICATIONS_PAR_PISTE if not certifications else CERTIFICATIONS_AUTRE_PISTE]
        montrees.update(h.certification.id for h in trouvees)
        certifications.append(CertificationsPiste(origine, trouvees))
    departement = situation.departement_sortie
    services: list[ServicesFrein] = []
    for frein in dossier.etapes.freins.freins:
        if frein.niveau in (NiveauFrein.AUCUN,) and not frein.besoin_orientation:
            continue
        mots = frein.categorie.value.replace("_", " ")
        locaux = suggesteur.services(mots, departement, top)
        ailleurs = bool(departement) and not locaux
        if ailleurs:
            locaux = suggesteur.services(mots, None, top)
        services.append(ServicesFrein(libelle(frein.categorie), locaux, ailleurs))
    return Suggestions(metiers, certifications, services, region)
