"""The gap-answer workshop: the person builds and rehearses a short, true answer about the period.

Four steps (what happened in one neutral sentence, what was done and learned, the link to the job,
today and tomorrow), checks on the draft, and the legal frame in plain words. There is no lie
detector — the person chooses the words — but the checks flag what tends to hurt: detail on the
case, harsh words about oneself, no link to the job, nothing about the future. A wording that
gives details of the case is never saved (rule A.1: the offence is not recorded).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from assistant.domain.base import nettoyer_texte
from assistant.simulation import analyse as a
from assistant.simulation.fichiers import EtapeAtelier, TexteCadre, charger_atelier
from assistant.simulation.poste import PosteCible
from assistant.simulation.regles import termes_metier

CodeSignal = Literal[
    "vide",
    "trop_long",
    "details_affaire",
    "negatif",
    "sans_acquis",
    "sans_lien_poste",
    "sans_avenir",
    "reglemente",
    "bien",
]
MAX_CARACTERES = 1000
"""The domain field holding the chosen wording takes 1000 characters."""
_BLOQUANTS = frozenset({"vide", "details_affaire"})
_LIEN_GENERIQUE = a.indices(
    "lien", ["ce poste", "ce métier", "ce travail", "cet emploi", "votre équipe", "chez vous"]
)


class ReponseNonRetenue(ValueError):
    """The wording cannot be saved; the French message says why and what to change."""


@dataclass(frozen=True)
class Signal:
    """One remark on the draft. `bloquant`: the wording cannot be saved as it is."""

    code: CodeSignal
    message: str
    bloquant: bool = False


def verifier(brouillon: str, poste: PosteCible | None = None) -> list[Signal]:
    """Remarks on a draft answer; « bien » alone when nothing needs changing."""
    textes = charger_atelier()
    v = textes.verifications
    texte = nettoyer_texte(brouillon or "")
    signaux: list[Signal] = []
    if poste is not None and poste.reglemente:
        signaux.append(Signal("reglemente", v.reglemente))
    mots = a.nombre_mots(texte)
    if mots == 0:
        return [*signaux, Signal("vide", v.vide, bloquant=True)]
    affaire = a.AFFAIRE.trouver(texte)
    if affaire:
        reperes = ", ".join(f"« {m} »" for m in affaire[:3])
        signaux.append(
            Signal("details_affaire", v.details_affaire.format(mots_reperes=reperes), True)
        )
    negatif = a.NEGATIF.trouver(texte)
    if negatif:
        reperes = ", ".join(f"« {m} »" for m in negatif[:3])
        signaux.append(Signal("negatif", v.negatif.format(mots_reperes=reperes)))
    if mots > textes.mots_max:
        signaux.append(Signal("trop_long", v.trop_long.format(mots=mots, mots_max=textes.mots_max)))
    if not a.ACQUIS.present(texte):
        signaux.append(Signal("sans_acquis", v.sans_acquis))
    lien = _LIEN_GENERIQUE.present(texte) or (
        poste is not None and bool(termes_metier(texte, poste))
    )
    if not lien:
        signaux.append(Signal("sans_lien_poste", v.sans_lien_poste))
    if not a.AVENIR.present(texte):
        signaux.append(Signal("sans_avenir", v.sans_avenir))
    if all(s.code == "reglemente" for s in signaux):
        signaux.append(Signal("bien", v.bien))
    return signaux


def assembler(parties: Mapping[str, str]) -> str:
    """The steps' sentences in order (fait, acquis, lien_poste, conclusion), each ending with a
    full stop; empty steps are skipped."""
    phrases = []
    for etape in charger_atelier().etapes:
        phrase = nettoyer_texte(parties.get(etape.cle) or "")
        if phrase:
            phrases.append(phrase if phrase[-1] in ".!?…" else phrase + ".")
    return " ".join(phrases)


class Atelier:
    """One workshop session: the person's sentences for each step, then the chosen wording."""

    def __init__(self, poste: PosteCible | None = None) -> None:
        textes = charger_atelier()
        self.poste = poste
        self.bandeau = textes.bandeau
        self.introduction = f"{textes.bandeau} {textes.introduction}"
        self.etapes: tuple[EtapeAtelier, ...] = textes.etapes
        self.cadre_legal: tuple[TexteCadre, ...] = textes.cadre_legal
        self.parties: dict[str, str] = {}

    def renseigner(self, cle: str, texte: str) -> None:
        """The person's sentence for one step (`fait`, `acquis`, `lien_poste`, `conclusion`)."""
        if cle not in {e.cle for e in self.etapes}:
            raise ValueError(f"L'étape « {cle} » n'existe pas dans l'atelier.")
        self.parties[cle] = nettoyer_texte(texte or "")

    @property
    def proposition(self) -> str:
        """The draft built from the steps, for the person to reword freely."""
        return assembler(self.parties)

    def verifier(self, texte: str | None = None) -> list[Signal]:
        """Remarks on `texte`, or on the draft built from the steps."""
        return verifier(self.proposition if texte is None else texte, self.poste)

    def retenir(self, texte: str | None = None) -> str:
        """The wording the person chooses, ready for `reponse_periode_detention_travaillee`.

        Raises ReponseNonRetenue when it is empty, too long for the dossier, or gives details
        of the case.
        """
        choisi = nettoyer_texte(self.proposition if texte is None else texte)
        bloquants = [s for s in self.verifier(choisi) if s.bloquant]
        if bloquants:
            raise ReponseNonRetenue(" ".join(s.message for s in bloquants))
        if len(choisi) > MAX_CARACTERES:
            raise ReponseNonRetenue(
                f"La réponse fait {len(choisi)} caractères : {MAX_CARACTERES} au plus peuvent "
                "être enregistrés. Raccourcissez-la."
            )
        return choisi
