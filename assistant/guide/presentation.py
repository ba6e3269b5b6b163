"""Field values as short French text, for the profile panel and the confirmations of the chat."""

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel

from assistant.domain.dossier import Dossier
from assistant.domain.labels import libelle, libelle_valeur
from assistant.domain.steps import (
    ETAPES,
    Action,
    Consentement,
    Diplome,
    EtapeBase,
    Experience,
    FaisabiliteProjet,
    Formation,
    Frein,
    Projet,
)
from assistant.guide.extraction.places import charger_lieux

ABSENCES = {"non_aborde": "non abordé", "refus": "la personne préfère ne pas répondre"}


def _mois(duree: int | None) -> str:
    if duree is None:
        return ""
    if duree >= 12 and duree % 12 == 0:
        ans = duree // 12
        return f"{ans} an{'s' if ans > 1 else ''}"
    return f"{duree} mois"


def _item(item: BaseModel) -> str:
    """One sub-model (an experience, a barrier, an action…) in one line."""
    if isinstance(item, Experience):
        morceaux = [item.intitule_libre]
        if item.code_rome:
            morceaux.append(f"[{item.code_rome}]")
        details = [libelle(item.type)]
        if item.debut:
            details.append(f"depuis {item.debut}" if item.duree_mois is None else item.debut)
        if item.duree_mois is not None:
            details.append(_mois(item.duree_mois))
        return " ".join(morceaux) + " — " + ", ".join(details)
    if isinstance(item, Diplome):
        texte = item.intitule + (f" ({item.annee})" if item.annee else "")
        return texte + ("" if item.obtenu else " — non obtenu")
    if isinstance(item, Frein):
        texte = f"{libelle(item.categorie)} : {libelle(item.niveau)}"
        if item.besoin_orientation:
            texte += " — orientation à prévoir"
        return texte
    if isinstance(item, Projet):
        texte = item.libelle_personne + (f" [{item.code_rome}]" if item.code_rome else "")
        notes = []
        if item.importance_0_10 is not None:
            notes.append(f"importance {item.importance_0_10}/10")
        if item.confiance_0_10 is not None:
            notes.append(f"confiance {item.confiance_0_10}/10")
        return texte + (f" ({', '.join(notes)})" if notes else "") + f" — {libelle(item.maturite)}"
    if isinstance(item, Action):
        echeance = f" — avant le {item.echeance:%d/%m/%Y}" if item.echeance else ""
        return f"{item.libelle} ({libelle(item.moment)}, {libelle(item.porteur)}){echeance}"
    if isinstance(item, Consentement):
        accord = "accord" if item.accord else "refus"
        return f"{libelle(item.destinataire)} : {libelle(item.perimetre)} — {accord}"
    if isinstance(item, Formation):
        return item.intitule + (f" ({item.organisme})" if item.organisme else "")
    if isinstance(item, FaisabiliteProjet):
        return f"{item.code_rome} : {libelle(item.compatibilite)}"
    return str(item)


def valeur_texte(modele: type[BaseModel], champ: str, valeur: Any) -> str:
    """A field value as the counsellor reads it."""
    if valeur is None:
        return "—"
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, Enum):
        return libelle(valeur)  # type: ignore[arg-type]
    if isinstance(valeur, dt.date):
        return f"{valeur:%d/%m/%Y}"
    if isinstance(valeur, BaseModel):
        return _item(valeur)
    if isinstance(valeur, list):
        return " ; ".join(valeur_texte(modele, champ, v) for v in valeur) or "—"
    if champ in ("region_sortie", "departement_sortie") and isinstance(valeur, str):
        return _lieu(champ, valeur)
    if isinstance(valeur, str) and _est_choix(modele, champ):
        return libelle_valeur(modele, champ, valeur)
    return str(valeur)


def _est_choix(modele: type[BaseModel], champ: str) -> bool:
    """Literal fields hold codes (« b_suspendu_ou_annule ») that have a French label."""
    info = modele.model_fields.get(champ)
    return info is not None and "Literal" in str(info.annotation)


def lignes_etape(etape: EtapeBase) -> list[tuple[str, str]]:
    """(field title, value) for what is filled or declined in a step."""
    return [(titre, texte) for _, titre, texte in lignes_etape_par_champ(etape)]


def lignes_etape_par_champ(etape: EtapeBase) -> list[tuple[str, str, str]]:
    """(field, field title, value) for what is filled or declined in a step."""
    modele = type(etape)
    lignes = []
    for champ in modele.champs_questionnables():
        etat = etape.etat_champ(champ)
        if etat == "manquant":
            continue
        titre = modele.model_fields[champ].title or champ
        texte = ABSENCES.get(etat) or valeur_texte(modele, champ, getattr(etape, champ))
        lignes.append((champ, titre, texte))
    return lignes


def profil_texte(dossier: Dossier) -> list[tuple[str, list[tuple[str, str]]]]:
    """The profile so far, step by step (steps with nothing noted are left out)."""
    sections = []
    for modele in ETAPES:
        lignes = lignes_etape(dossier.etapes.par_numero(modele.numero))
        if lignes:
            sections.append((f"{modele.numero}. {modele.titre}", lignes))
    return sections


def _lieu(champ: str, code: str) -> str:
    lieux = charger_lieux()
    if champ == "region_sortie":
        nom = lieux.regions.get(code)
    else:
        nom = lieux.departements.get(code, (None, ""))[0]
    return f"{nom} ({code})" if nom else code
