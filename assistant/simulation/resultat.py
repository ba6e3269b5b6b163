"""From a finished simulation to the dossier record, and the progress across simulations."""

from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import ValidationError

from assistant.domain.dossier import Dossier
from assistant.domain.errors import DonneesInvalides
from assistant.domain.simulation import CritereSimulation, SimulationEntretien
from assistant.simulation.conduite import Simulation, texte_transcription
from assistant.simulation.criteres import CRITERES
from assistant.simulation.grille import GrilleFeedback, libelle

MAX_TRANSCRIPTION = 20000
"""What the dossier's transcript field takes."""
_COUPEE = "\n… (transcription coupée : trop longue pour le dossier)"


def _ou_rien(texte: str | None) -> str | None:
    if texte is None or not texte.strip():
        return None
    return texte


def vers_modele(
    simulation: Simulation,
    grille: GrilleFeedback,
    auto_evaluation: str | None = None,
    reponse_retenue: str | None = None,
    *,
    jour: date | None = None,
    origine: Literal["regles", "llm", "conseiller"] | None = None,
) -> SimulationEntretien:
    """The domain record to append to `Dossier.simulations`, transcript included.

    Strengths and areas to work on are the grid's (three and two at most); a transcript too long
    for the dossier is cut, and says so. Raises DonneesInvalides (French messages) when another
    text is too long for the dossier.
    """
    plan = simulation.plan
    transcription = transcription_texte(simulation)
    if len(transcription) > MAX_TRANSCRIPTION:
        transcription = transcription[: MAX_TRANSCRIPTION - len(_COUPEE)] + _COUPEE
    try:
        return SimulationEntretien(
            date=jour,
            duree=plan.duree,
            poste_vise=plan.poste.intitule,
            code_rome=plan.poste.code_rome,
            type_employeur=plan.type_employeur,
            criteres=[c.vers_domaine() for c in grille.criteres],
            auto_evaluation=_ou_rien(auto_evaluation),
            points_forts=[libelle(c) for c in grille.points_forts],
            axes_progres=[libelle(c) for c in grille.axes_progres],
            reponse_periode_detention_travaillee=_ou_rien(reponse_retenue),
            periode_refusee=simulation.refus_periode,
            origine_feedback=origine,
            transcription=_ou_rien(transcription),
        )
    except ValidationError as exc:
        raise DonneesInvalides.depuis(exc, SimulationEntretien) from None


def transcription_texte(simulation: Simulation) -> str:
    """The transcript as plain text (« Recruteur : … » / « Personne : … »)."""
    return texte_transcription(simulation.transcription)


def progression(
    dossier: Dossier | Iterable[SimulationEntretien],
) -> dict[CritereSimulation, list[tuple[date | int, int]]]:
    """Notes of each criterion across the dossier's simulations, oldest first, for a small chart.

    Each point is (date, note) when the record carries a date, else (number of the simulation,
    note); criteria never noted are left out.
    """
    simulations = dossier.simulations if isinstance(dossier, Dossier) else list(dossier)
    points: dict[CritereSimulation, list[tuple[date | int, int]]] = {}
    for numero, simulation in enumerate(simulations, start=1):
        # `date` is not (yet) a field of SimulationEntretien: the number stands in for it.
        quand: date | int = getattr(simulation, "date", None) or numero
        for c in simulation.criteres:
            points.setdefault(c.critere, []).append((quand, c.note_1_4))
    return {c: points[c] for c in CRITERES if c in points}
