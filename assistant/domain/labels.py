"""French labels of enumeration values, for what the counsellor reads."""

from enum import StrEnum

from assistant.domain.enums import HorizonSortie, StatutPenal, TypeEtablissement

TYPES_ETABLISSEMENT: dict[TypeEtablissement, str] = {
    TypeEtablissement.MAISON_ARRET: "Maison d'arrêt",
    TypeEtablissement.QUARTIER_MAISON_ARRET: "Quartier maison d'arrêt",
    TypeEtablissement.CENTRE_PENITENTIAIRE: "Centre pénitentiaire",
    TypeEtablissement.CENTRE_DETENTION: "Centre de détention",
    TypeEtablissement.MAISON_CENTRALE: "Maison centrale",
    TypeEtablissement.SAS: "SAS (accompagnement sortie)",
    TypeEtablissement.CENTRE_SEMI_LIBERTE: "Centre de semi-liberté",
    TypeEtablissement.AUTRE: "Autre",
}

HORIZONS_SORTIE: dict[HorizonSortie, str] = {
    HorizonSortie.MOINS_3_MOIS: "Moins de 3 mois",
    HorizonSortie.DE_3_A_6_MOIS: "3 à 6 mois",
    HorizonSortie.DE_6_A_12_MOIS: "6 à 12 mois",
    HorizonSortie.DE_12_A_24_MOIS: "12 à 24 mois",
    HorizonSortie.PLUS_24_MOIS: "Plus de 24 mois",
    HorizonSortie.INCONNU: "Inconnu",
}

STATUTS_PENAUX: dict[StatutPenal, str] = {
    StatutPenal.PREVENU: "Prévenu",
    StatutPenal.CONDAMNE: "Condamné",
    StatutPenal.CONDAMNE_ET_PREVENU: "Condamné et prévenu",
    StatutPenal.NE_SOUHAITE_PAS_DIRE: "Ne souhaite pas dire",
}

_TOUS: dict[str, str] = {
    valeur.value: texte
    for table in (TYPES_ETABLISSEMENT, HORIZONS_SORTIE, STATUTS_PENAUX)
    for valeur, texte in table.items()
}


def libelle(valeur: StrEnum | None, vide: str = "—") -> str:
    """The French label of an enumeration value, or `vide` when there is none."""
    if valeur is None:
        return vide
    return _TOUS.get(valeur.value, valeur.value.replace("_", " ").capitalize())
