"""Choice of the adaptation profile P0–P4 (guide section D) from step 1."""

from dataclasses import dataclass

from assistant.domain.dossier import Dossier
from assistant.domain.enums import HorizonSortie, ProfilDeroule, StatutPenal

_PAR_HORIZON = {
    HorizonSortie.INCONNU: ProfilDeroule.P0,
    HorizonSortie.MOINS_3_MOIS: ProfilDeroule.P1,
    HorizonSortie.DE_3_A_6_MOIS: ProfilDeroule.P2,
    HorizonSortie.DE_6_A_12_MOIS: ProfilDeroule.P2,
    HorizonSortie.DE_12_A_24_MOIS: ProfilDeroule.P3,
    HorizonSortie.PLUS_24_MOIS: ProfilDeroule.P4,
}


@dataclass(frozen=True)
class ChoixProfil:
    """The profile in force, whether the guide proposed it or the counsellor chose it, and why."""

    profil: ProfilDeroule | None
    propose: ProfilDeroule | None
    raison: str

    @property
    def choisi_par_conseiller(self) -> bool:
        return self.profil is not None and self.profil != self.propose


def profil_propose(
    statut: StatutPenal | None, horizon: HorizonSortie | None
) -> tuple[ProfilDeroule | None, str]:
    """The profile the guide's table gives for a penal status and a release horizon."""
    if statut is StatutPenal.PREVENU:
        return (
            ProfilDeroule.P0,
            "Personne prévenue : double scénario, aucune hypothèse sur la peine.",
        )
    if horizon is None:
        return None, "Profil à déterminer : renseignez l'horizon de sortie (étape 1)."
    profil = _PAR_HORIZON[horizon]
    if horizon is HorizonSortie.INCONNU:
        return profil, "Date de sortie inconnue : double scénario."
    return profil, f"Horizon de sortie : {_HORIZONS_LISIBLES[horizon]}."


_HORIZONS_LISIBLES = {
    HorizonSortie.MOINS_3_MOIS: "moins de 3 mois",
    HorizonSortie.DE_3_A_6_MOIS: "3 à 6 mois",
    HorizonSortie.DE_6_A_12_MOIS: "6 à 12 mois",
    HorizonSortie.DE_12_A_24_MOIS: "12 à 24 mois",
    HorizonSortie.PLUS_24_MOIS: "plus de 24 mois",
}


def choisir_profil(dossier: Dossier) -> ChoixProfil:
    situation = dossier.etapes.situation
    propose, raison = profil_propose(situation.statut_penal, situation.horizon_sortie)
    if dossier.profil_choisi is not None:
        if dossier.profil_choisi != propose:
            raison = f"Profil choisi par le conseiller (le guide proposait {propose or 'aucun'})."
        return ChoixProfil(dossier.profil_choisi, propose, raison)
    return ChoixProfil(propose, propose, raison)
