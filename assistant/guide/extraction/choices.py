"""Short answers to the question just asked: refusal, "je sais pas", yes/no, a mark from 0 to 10.

They only make sense for the expected fields (`contexte.champs_attendus`): a bare « oui » or « 7 »
says nothing by itself.

Sub-model fields. `importance_0_10` and `confiance_0_10` belong to a `Projet`, `ce_qui_a_plu` to an
`Experience`: they cannot be set alone. The app may name them as expected fields in three ways:
`"projets.importance_0_10"`, the bare `"importance_0_10"`, or through the question id
(`projet.importance`, `projet.confiance`). The answer then completes the *last* item of the list
already noted (`contexte.deja_notes["projets"]`): the proposal is `mode="remplacer"` on the whole
list, identical except for that item, so `appliquer` validates it like any other edit and the
counsellor sees « Importance du projet « cariste » : 7/10 ». Without an item already noted there
is nothing to complete and nothing is proposed (a mark is never attached to an invented project).
"""

import re
from typing import Any

from assistant.domain.enums import StatutPenal
from assistant.guide.extraction.builders import choix
from assistant.guide.extraction.fields import (
    est_valide,
    genre,
    modele_etape,
    valeurs_possibles,
    vers_dict,
)
from assistant.guide.extraction.proposals import Mode, Proposition
from assistant.guide.extraction.text import NOMBRE, Enonce, lire_nombre

REFUS = re.compile(
    r"\b(?:je\s+(?:ne\s+)?(?:veux|voudrais|prefere|souhaite|tiens|peux|prefererais)\s+pas\s+"
    r"(?:trop\s+)?(?:en\s+|vous\s+|le\s+|vous\s+le\s+|y\s+)?(?:parler|repondre|dire|aborder|revenir)"
    r"|je\s+(?:prefere|prefererais|voudrais|souhaite)\s+ne\s+pas\s+(?:en\s+|le\s+|y\s+)?"
    r"(?:parler|repondre|dire|aborder|revenir)"
    r"|(?:pas|aucune)\s+envie\s+d'en\s+parler|je\s+(?:prefere\s+)?garde[rz]?\s+(?:ca|cela)\s+pour\s+moi"
    r"|(?:ca|cela)\s+(?:ne\s+)?vous\s+regarde\s+pas|(?:ca|cela)\s+me\s+regarde"
    r"|\bjoker\b|sans\s+commentaires?|pas\s+de\s+commentaires?|on\s+peut\s+passer"
    r"|je\s+prefere\s+pas\s*(?:$|[,.!;])|^\s*je\s+passe\s*(?:$|[,.!;])|^\s*je\s+refuse"
    r"|prefere\s+ne\s+rien\s+dire"
    r"|(?:il|elle)\s+(?:ne\s+)?(?:veut|souhaite|prefere)\s+pas\s+(?:en\s+)?(?:parler|repondre)"
    r"|(?:il|elle)\s+prefere\s+ne\s+pas\s+(?:en\s+)?(?:parler|repondre))"
)
NE_SAIT_PAS = re.compile(
    r"(?:\bje\s+(?:ne\s+)?sais\s+pas|\bj'?\s?sais\s+pas|\bchais\s+pas|\bsais\s+pas|\bj'en\s+sais"
    r"\s+rien|\baucune\s+idee|\bpas\s+encore\s+(?:decide|sur)|\bon\s+verra|\bje\s+ne\s+sais\s+"
    r"plus|\b(?:il|elle)\s+(?:ne\s+)?sait\s+pas)"
    r"(?=\s*(?:$|[,.!?;]|trop\b|vraiment\b|encore\b|du\s+tout\b|quand\b|si\b|exactement\b"
    r"|en\s+fait\b|franchement\b|moi\b|pour\s+l'instant\b|pour\s+le\s+moment\b|ou\b|comment\b))"
)
OUI = re.compile(
    r"^\s*(?:oui|ouais|ouai|ouep|yes|ok|okay|d'accord|dac|bien\s+sur|evidemment|absolument"
    r"|tout\s+a\s+fait|volontiers|carrement|exactement|c'est\s+ca|voila|si|bien\s+entendu"
    r"|ca\s+marche|ca\s+me\s+va|je\s+veux\s+bien|avec\s+plaisir|affirmatif|effectivement"
    r"|pas\s+de\s+(?:souci|soucis|probleme)|sans\s+(?:souci|probleme)|aucun\s+(?:souci|probleme))"
    r"\b|\b(?:je\s+suis|il\s+est|elle\s+est)\s+d'accord\b|\b(?:ca\s+)?(?:ne\s+)?me\s+derange"
    r"\s+pas\b|\bpas\s+de\s+(?:souci|probleme)\b"
)
NON = re.compile(
    r"^\s*(?:non|nan|nope|pas\s+du\s+tout|absolument\s+pas|jamais|surtout\s+pas"
    r"|certainement\s+pas|pas\s+question|aucun|aucune)\b"
    r"|\b(?:je\s+(?:ne\s+)?suis\s+pas|il\s+(?:n'est|est)\s+pas|elle\s+(?:n'est|est)\s+pas)"
    r"\s+d'accord\b|\bpas\s+question\b"
)
PLUTOT_OUI = re.compile(r"\b(?:plutot\s+oui|pourquoi\s+pas|peut[- ]etre|ca\s+depend|oui\s+mais)\b")
PLUTOT_NON = re.compile(r"\b(?:plutot\s+(?:non|pas)|pas\s+trop|pas\s+vraiment|bof)\b")

# Sub-model fields (see the module docstring): field -> (step, list field).
SOUS_CHAMPS: dict[str, tuple[int, str]] = {
    "importance_0_10": (6, "projets"),
    "confiance_0_10": (6, "projets"),
    "ce_qui_a_plu": (3, "experiences"),
}
QUESTIONS_SOUS_CHAMPS = {
    "projet.importance": "importance_0_10",
    "projet.confiance": "confiance_0_10",
}
TITRES_SOUS_CHAMPS = {
    "importance_0_10": "Importance",
    "confiance_0_10": "Confiance",
    "ce_qui_a_plu": "Ce qui a plu",
}

_NOTE = re.compile(rf"\b({NOMBRE})(\s*(?:/|sur)\s*(?:10|dix)\b)?(?!\s*(?:ans?|mois|semaines?|%))")

# Yes/no answers to a Literal question: field -> (value for yes, value for no).
OUI_NON_CHOIX: dict[str, tuple[str | None, str | None]] = {
    "disposition_formation": ("oui", "non"),
    "restrictions_professionnelles_declarees": (None, "aucune"),
    "elements_exterieurs_a_preserver": (None, "aucun"),
    "droits_sociaux": (None, "aucun"),
    "permis_conduire": ("b_valide", "aucun"),
    "autonomie_numerique": ("autonome", "aucune"),
}
NE_SAIT_PAS_CHOIX = {"horizon_sortie": "inconnu", "niveau_certification": "inconnu"}


def sous_champ_attendu(enonce: Enonce) -> str | None:
    """The expected sub-model field, whichever way the app names it."""
    contexte = enonce.contexte
    for champ in contexte.champs_attendus:
        nom = champ.split(".", 1)[1] if "." in champ else champ
        if nom in SOUS_CHAMPS and SOUS_CHAMPS[nom][0] == contexte.etape:
            return nom
    if contexte.question_id in QUESTIONS_SOUS_CHAMPS and contexte.etape == 6:
        return QUESTIONS_SOUS_CHAMPS[contexte.question_id]
    return None


def completer_dernier(
    enonce: Enonce, sous_champ: str, valeur: Any, texte_valeur: str, confiance: float
) -> Proposition | None:
    """The whole list again, its last item completed with `sous_champ = valeur`."""
    etape, liste = SOUS_CHAMPS[sous_champ]
    notes = enonce.contexte.deja_notes.get(liste)
    if not isinstance(notes, list | tuple) or not notes:
        return None
    items = [vers_dict(i) for i in notes]
    if not all(isinstance(i, dict) for i in items):
        return None
    items[-1] = {**items[-1], sous_champ: valeur}
    nom = items[-1].get("libelle_personne") or items[-1].get("intitule_libre") or "noté"
    quoi = "du projet" if liste == "projets" else "de l'expérience"
    return Proposition(
        etape=etape,
        champ=liste,
        valeur=items,
        libelle=f"{TITRES_SOUS_CHAMPS[sous_champ]} {quoi} « {nom} » : {texte_valeur}",
        mode="remplacer",
        extrait=enonce.extrait(0, len(enonce.brut))[:120],
        confiance=confiance,
    )


def _champs_attendus_etape(enonce: Enonce) -> list[str]:
    modele = modele_etape(enonce.contexte.etape)
    if modele is None:
        return []
    connus = modele.champs_questionnables()
    return [c for c in enonce.contexte.champs_attendus if c in connus]


def refus(enonce: Enonce) -> list[Proposition]:
    """« Je préfère ne pas en parler » -> the expected fields are marked as refused (rule A.8)."""
    m = REFUS.search(enonce.plie)
    if not m:
        return []
    etape = enonce.contexte.etape
    propositions = []
    for champ in _champs_attendus_etape(enonce):
        if champ == "statut_penal":
            propositions.append(
                choix(enonce, etape, champ, StatutPenal.NE_SOUHAITE_PAS_DIRE.value, *m.span(), 0.9)
            )
            continue
        modele = modele_etape(etape)
        titre = modele.model_fields[champ].title if modele else champ
        propositions.append(
            Proposition(
                etape=etape,
                champ=champ,
                valeur=None,
                libelle=f"{titre} : la personne préfère ne pas répondre",
                mode="refus",
                extrait=enonce.extrait(*m.span()),
                confiance=0.9,
            )
        )
    return [p for p in propositions if est_valide(p)]


def ne_sait_pas(enonce: Enonce) -> list[Proposition]:
    """« Je sais pas » -> `ne_sait_pas` (or `inconnu`) for the expected fields that offer it."""
    m = NE_SAIT_PAS.search(enonce.plie)
    if not m:
        return []
    etape = enonce.contexte.etape
    modele = modele_etape(etape)
    if modele is None:
        return []
    propositions = []
    for champ in _champs_attendus_etape(enonce):
        possibles = valeurs_possibles(modele, champ)
        valeur = NE_SAIT_PAS_CHOIX.get(champ, "ne_sait_pas")
        if valeur not in possibles:
            continue
        mode: Mode = "ajouter" if genre(modele, champ) == "liste_choix" else "remplacer"
        propositions.append(choix(enonce, etape, champ, valeur, *m.span(), 0.8, mode=mode))
    return propositions


def oui_non(enonce: Enonce) -> list[Proposition]:
    """« oui », « non », « plutôt oui » for the expected yes/no fields and some choice fields."""
    plie = enonce.plie
    if NE_SAIT_PAS.search(plie) or REFUS.search(plie):
        return []
    etape = enonce.contexte.etape
    modele = modele_etape(etape)
    if modele is None:
        return []
    oui, non = OUI.search(plie), NON.search(plie)
    plutot_oui, plutot_non = PLUTOT_OUI.search(plie), PLUTOT_NON.search(plie)
    propositions = []
    attendus = _champs_attendus_etape(enonce)
    # A bare « oui » answers yes/no questions only: to « Vos papiers, la nationalité, les
    # droits ? » it says nothing about which of them.
    que_des_oui_non = all(genre(modele, c) == "bool" for c in attendus)
    for champ in attendus:
        type_champ = genre(modele, champ)
        if type_champ == "bool" and not que_des_oui_non:
            continue
        if type_champ == "bool":
            positif, negatif = oui or plutot_oui, non or plutot_non
            if positif and not negatif:
                propositions.append(choix(enonce, etape, champ, True, *positif.span(), 0.8))
            elif negatif and not positif:
                propositions.append(choix(enonce, etape, champ, False, *negatif.span(), 0.8))
        elif champ == "disposition_formation":
            for motif, valeur_choix in (
                (plutot_non, "plutot_non"),
                (plutot_oui, "plutot_oui"),
                (non, "non"),
                (oui, "oui"),
            ):
                if motif:
                    propositions.append(choix(enonce, etape, champ, valeur_choix, *motif.span()))
                    break
        elif champ in OUI_NON_CHOIX and (oui or non) and not (oui and non):
            valeur_oui, valeur_non = OUI_NON_CHOIX[champ]
            choisi = valeur_oui if oui else valeur_non
            motif_trouve = oui or non
            if choisi is None or motif_trouve is None or enonce.mots > 4:
                continue
            mode: Mode = "ajouter" if type_champ == "liste_choix" else "remplacer"
            propositions.append(
                choix(enonce, etape, champ, choisi, *motif_trouve.span(), 0.6, mode=mode)
            )
        elif champ == "enfants_a_charge" and non and not oui and enonce.mots <= 4:
            propositions.append(choix(enonce, etape, champ, 0, *non.span(), 0.6))
    return propositions


def note_sur_dix(plie: str) -> tuple[int, int, int] | None:
    """(mark, start, end) of "7", "7/10", "sept sur dix", "à peu près 8"."""
    candidats = []
    for m in _NOTE.finditer(plie):
        n = lire_nombre(m.group(1))
        if n is None or not 0 <= n <= 10:
            continue
        candidats.append((0 if m.group(2) else 1, m.start(), n, m.end()))
    if not candidats:
        return None
    _, debut, n, fin = min(candidats)
    return n, debut, fin


def echelle(enonce: Enonce) -> list[Proposition]:
    """A mark from 0 to 10 for the expected scale (importance or confidence of the project)."""
    sous_champ = sous_champ_attendu(enonce)
    if sous_champ not in ("importance_0_10", "confiance_0_10"):
        return []
    trouve = note_sur_dix(enonce.plie)
    if trouve is None:
        return []
    note, _, _ = trouve
    proposition = completer_dernier(enonce, sous_champ, note, f"{note}/10", 0.85)
    return [proposition] if proposition else []
