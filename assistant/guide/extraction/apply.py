"""Apply a confirmed proposal (or a direct edit) to the dossier, validated by the step model."""

from typing import Any

from pydantic import ValidationError

from assistant.domain.dossier import Dossier
from assistant.domain.errors import DonneesInvalides
from assistant.domain.steps import ETAPES, EtapeBase
from assistant.guide.extraction.proposals import Proposition

# List fields where one item per key is kept: a new item with the same key replaces the old one.
CLES_UNIQUES: dict[str, str] = {"freins": "categorie"}


def _modele(numero: int, champ: str) -> type[EtapeBase]:
    if not 0 <= numero < len(ETAPES):
        raise DonneesInvalides([f"L'étape {numero} n'existe pas dans le guide."])
    modele = ETAPES[numero]
    if champ not in modele.champs_questionnables():
        raise DonneesInvalides([f"« {champ} » n'est pas une question de l'étape {modele.titre}."])
    return modele


def _vide(modele: type[EtapeBase], champ: str) -> Any:
    defaut = modele.model_fields[champ].get_default(call_default_factory=True)
    return [] if isinstance(defaut, list) else None


def _remplacer_etape(dossier: Dossier, modele: type[EtapeBase], donnees: dict[str, Any]) -> None:
    try:
        nouvelle = modele.model_validate(donnees)
    except ValidationError as exc:
        raise DonneesInvalides.depuis(exc, modele) from None
    setattr(dossier.etapes, modele.cle, nouvelle)


def appliquer(dossier: Dossier, proposition: Proposition) -> None:
    """Write one proposal into its step; the step is left untouched if the value is refused."""
    modele = _modele(proposition.etape, proposition.champ)
    champ = proposition.champ
    donnees = dossier.etapes.par_numero(proposition.etape).model_dump()
    absentes = dict(donnees["reponses_absentes"])
    if proposition.mode in ("refus", "non_aborde"):
        donnees[champ] = _vide(modele, champ)
        absentes[champ] = proposition.mode
    elif proposition.mode == "ajouter":
        absentes.pop(champ, None)
        courant = list(donnees[champ] or [])
        cle = CLES_UNIQUES.get(champ)
        if cle and isinstance(proposition.valeur, dict):
            courant = [c for c in courant if str(c.get(cle)) != str(proposition.valeur.get(cle))]
        if proposition.valeur not in courant:
            courant.append(proposition.valeur)
        donnees[champ] = courant
    else:
        absentes.pop(champ, None)
        donnees[champ] = proposition.valeur
    donnees["reponses_absentes"] = absentes
    _remplacer_etape(dossier, modele, donnees)


def retirer(dossier: Dossier, numero: int, champ: str, index: int | None = None) -> None:
    """Empty a field, or remove one item of a list field."""
    modele = _modele(numero, champ)
    donnees = dossier.etapes.par_numero(numero).model_dump()
    if index is None:
        donnees[champ] = _vide(modele, champ)
        donnees["reponses_absentes"].pop(champ, None)
    else:
        courant = list(donnees[champ] or [])
        if not 0 <= index < len(courant):
            raise DonneesInvalides(["Cet élément n'existe plus : la liste a changé."])
        del courant[index]
        donnees[champ] = courant or _vide(modele, champ)
    _remplacer_etape(dossier, modele, donnees)
