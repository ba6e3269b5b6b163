"""The data of the frise (guide section « supports visuels »): dated periods of a person's path.

Times are fractional years: 2013.0 is the start of January 2013, 2013.5 the start of July.
Semantics, kept deliberately conservative because the frise is shown to the person:

- ``ecole``: the school year (September to June) of each dated diploma up to
  ``annee_sortie_scolaire``, and that last school year when no diploma is dated then. A diploma
  dated after the end of school belongs to adult training and is shown as ``formation``.
- ``emploi``: every dated experience of step 3 except training and work in detention (paid work,
  temping, self-employment, undeclared work, volunteering, helping the family).
- ``formation``: dated ``stage_ou_formation`` experiences and diplomas after school.
- ``detention``: dated work in detention only. The dossier has no incarceration date and must not
  get one, so the frise never infers detention time (not even from ``motif_fin = incarceration``).
- ``sans_emploi``: a gap of more than ``ECART_MIN_MOIS`` between two dated periods after school.
  It prepares the guide's question on periods without work (« Qu'avez-vous fait entre … et … ? »).
  A gap is left blank, never labelled, when it may be detention, which the frise does not guess:
  after the last dated period, after an experience that ended with the incarceration, before or
  after work in detention.

Undated facts (training in detention, undated diplomas and experiences, periods without work that
the person values) are not placed on the axis; ``elements_non_dates`` lists them for the caption.
An experience whose month or length is unknown is drawn over its known span and marked
``approximatif``.
"""

import math
from dataclasses import dataclass
from typing import Literal

from assistant.domain.dossier import Dossier
from assistant.domain.enums import TypeExperience
from assistant.domain.steps import Experience

Nature = Literal["ecole", "emploi", "formation", "detention", "sans_emploi"]

NATURES: tuple[Nature, ...] = ("ecole", "formation", "emploi", "detention", "sans_emploi")
"""Display order of the natures (one line each on the frise)."""

LIBELLES_NATURE: dict[Nature, str] = {
    "ecole": "École",
    "formation": "Formation",
    "emploi": "Emploi",
    "detention": "Détention",
    "sans_emploi": "Sans emploi",
}

ECART_MIN_MOIS = 6
"""Gaps this long or shorter are ordinary transitions between two periods, not worth a question."""

_RENTREE = 8 / 12  # start of September
_FIN_ANNEE_SCOLAIRE = 6 / 12  # end of June


@dataclass(frozen=True)
class Periode:
    """One bar of the frise."""

    debut: float
    fin: float
    libelle: str
    nature: Nature
    approximatif: bool = False
    """The month or the length is unknown: the bar shows the known span only."""

    @property
    def annees(self) -> str:
        """« 2013–2018 », or « 2013 » when the period starts and ends the same year."""
        debut = math.floor(round(self.debut, 6))
        fin = max(debut, math.ceil(round(self.fin, 6)) - 1)  # the last year the period touches
        return str(debut) if fin == debut else f"{debut}–{fin}"


def _annee_scolaire(annee: int) -> tuple[float, float]:
    """The school year that ends in June of `annee`."""
    return annee - 1 + _RENTREE, annee + _FIN_ANNEE_SCOLAIRE


def _nature_experience(experience: Experience) -> Nature:
    if experience.type is TypeExperience.TRAVAIL_EN_DETENTION:
        return "detention"
    if experience.type is TypeExperience.STAGE_OU_FORMATION:
        return "formation"
    return "emploi"


def _periode_experience(experience: Experience) -> Periode | None:
    if experience.debut is None:
        return None
    annee, _, mois = experience.debut.partition("-")
    debut = int(annee) + (int(mois) - 1) / 12 if mois else float(annee)
    approximatif = not mois or experience.duree_mois is None
    if experience.duree_mois is not None:
        # A zero-month experience (a few days) still deserves a visible mark.
        fin = debut + max(experience.duree_mois, 1) / 12
    else:
        fin = debut + (1 / 12 if mois else 1.0)
    nature = _nature_experience(experience)
    return Periode(debut, fin, experience.intitule_libre, nature, approximatif)


def _ecarts(
    periodes: list[Periode], fins_incertaines: set[float], fin_scolarite: float
) -> list[Periode]:
    """Gaps longer than ECART_MIN_MOIS after school, except those that may be detention."""
    ecarts: list[Periode] = []
    fin_couverte: float | None = None
    for periode in sorted(periodes, key=lambda p: (p.debut, p.fin)):
        if (
            fin_couverte is not None
            and periode.debut - fin_couverte > ECART_MIN_MOIS / 12 + 1e-9
            and fin_couverte >= fin_scolarite - 1e-9
            and fin_couverte not in fins_incertaines
            and periode.nature != "detention"
        ):
            ecarts.append(
                Periode(fin_couverte, periode.debut, "Période sans expérience datée", "sans_emploi")
            )
        fin_couverte = periode.fin if fin_couverte is None else max(fin_couverte, periode.fin)
    return ecarts


def periodes(dossier: Dossier, annee_courante: int) -> list[Periode]:
    """The dated periods of steps 2 and 3, with the gaps between them, sorted by start.

    Periods starting after `annee_courante` (a typing error, most likely) are left out.
    """
    formation = dossier.etapes.formation
    sortie = formation.annee_sortie_scolaire
    trouvees: list[Periode] = []
    for diplome in formation.diplomes:
        if diplome.annee is None:
            continue
        scolaire = sortie is None or diplome.annee <= sortie
        etat = "" if diplome.obtenu else " (non obtenu)"
        trouvees.append(
            Periode(
                *_annee_scolaire(diplome.annee),
                diplome.intitule + etat,
                "ecole" if scolaire else "formation",
            )
        )
    if sortie is not None and all(d.annee != sortie for d in formation.diplomes):
        trouvees.append(Periode(*_annee_scolaire(sortie), "Fin de scolarité", "ecole"))
    # After these ends the person may be in detention: the gap that follows is not labelled.
    fins_incertaines: set[float] = set()
    for experience in dossier.etapes.experiences.experiences:
        periode = _periode_experience(experience)
        if periode is not None:
            trouvees.append(periode)
            if experience.motif_fin == "incarceration" or periode.nature == "detention":
                fins_incertaines.add(periode.fin)
    trouvees = [p for p in trouvees if p.debut < annee_courante + 1]
    scolaires = [p.fin for p in trouvees if p.nature == "ecole"]
    fin_scolarite = max(scolaires) if scolaires else -math.inf
    ecarts = _ecarts(trouvees, fins_incertaines, fin_scolarite)
    return sorted([*trouvees, *ecarts], key=lambda p: (p.debut, p.fin, p.libelle))


def elements_non_dates(dossier: Dossier) -> list[str]:
    """What the frise cannot place on its axis, for a caption under it."""
    formation = dossier.etapes.formation
    experiences = dossier.etapes.experiences
    return [
        *(f"Formation en détention : {f}" for f in formation.formations_en_detention),
        *(f"Diplôme sans année : {d.intitule}" for d in formation.diplomes if d.annee is None),
        *(
            f"Expérience sans date : {e.intitule_libre}"
            for e in experiences.experiences
            if e.debut is None
        ),
        *(f"À valoriser : {p}" for p in experiences.periodes_sans_emploi_valorisables),
    ]
