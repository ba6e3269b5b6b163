"""The facts a draft may rest on: the dossier flattened into short French texts, one per source.

A source reference names a dossier field (`dossier:etapes.formation.diplomes.0`), a knowledge
record given by the caller (`rome:F1703`), the date of drafting (`redaction:date`) or the absence
of identity in the vault (`dossier:reference`). Each fact reads like the labels the counsellor
sees (« Diplômes : CAP maçon, obtenu en 2012 »), so that the grounding checker compares a
sentence with words a person wrote or confirmed, never with raw codes.

Refusals and topics not raised are facts too (« Diplômes : la personne n'a pas souhaité en
parler. »), and a step with nothing noted is one fact (« rien n'a été noté à ce jour »): a draft
of an empty dossier is short and honest because those are all it can rest on.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel

from assistant.domain.dossier import Dossier
from assistant.domain.drafts import ThemePhrase
from assistant.domain.enums import NonReponse
from assistant.domain.labels import libelle, libelle_valeur
from assistant.domain.steps import (
    CATEGORIES_SANTE,
    ETAPES,
    Action,
    Diplome,
    EtapeBase,
    Experience,
    FaisabiliteProjet,
    Formation,
    Frein,
    Projet,
)
from assistant.drafting.text import date_courte, duree, liste, mois_annee, periode

PREFIXE_DOSSIER = "dossier:etapes."
REF_IDENTITE = "dossier:reference"
REF_DATE = "redaction:date"

ABSENCES: dict[NonReponse, str] = {
    NonReponse.REFUS: "la personne n'a pas souhaité en parler",
    NonReponse.NON_ABORDE: "non abordé à ce jour",
}

# Bookkeeping and pseudonyms are never written into a document; step 9 holds earlier drafts
# and consents, which are not facts about the person (a draft must not cite a draft).
CHAMPS_EXCLUS = {
    ("cadre", "conseiller_id"),
    ("cadre", "personne_ref"),
    ("cadre", "langue_entretien"),
}
_ETAPES_EXCLUES = {"synthese"}

_THEMES_ETAPES: dict[str, ThemePhrase] = {
    "cadre": "contexte",
    "situation": "contexte",
    "formation": "parcours",
    "experiences": "parcours",
    "competences": "competences",
    "freins": "freins",
    "projet": "projet",
    "faisabilite": "faisabilite",
    "plan_action": "plan",
}
_THEMES_CHAMPS: dict[tuple[str, str], ThemePhrase] = {
    # Disability recognition is health data (GDPR art. 9): consent scopes treat it as such.
    ("situation", "reconnaissance_handicap"): "sante",
    ("plan_action", "preconisations_conseiller"): "preconisations",
    ("plan_action", "points_vigilance"): "vigilance",
    ("plan_action", "prochain_rendez_vous"): "plan",
}
_DROITS_SANTE = {"aah", "complementaire_sante"}


@dataclass(frozen=True)
class FicheCible:
    """A job sheet chosen for a cover letter or a project, filled by the caller from the index."""

    code_rome: str
    intitule: str
    competences: list[str] = field(default_factory=list)
    contextes: list[str] = field(default_factory=list)
    reglemente: bool = False

    @property
    def ref(self) -> str:
        return f"rome:{self.code_rome}"

    def texte(self) -> str:
        morceaux = [f"Fiche ROME {self.code_rome} : {self.intitule}"]
        if self.competences:
            morceaux.append("compétences : " + " ; ".join(self.competences))
        if self.contextes:
            morceaux.append("contextes de travail : " + " ; ".join(self.contextes))
        morceaux.append("métier réglementé : " + ("oui" if self.reglemente else "non"))
        return ". ".join(morceaux) + "."


@dataclass(frozen=True)
class Fait:
    ref: str
    texte: str
    theme: ThemePhrase


def ref_dossier(chemin: str) -> str:
    """« formation.diplomes.0 » -> « dossier:etapes.formation.diplomes.0 »."""
    return PREFIXE_DOSSIER + chemin


class FaitsDossier(Mapping[str, str]):
    """Source reference -> short French text of the fact; also knows each fact's theme."""

    def __init__(self, faits: list[Fait]) -> None:
        self._faits = {f.ref: f for f in faits}

    def __getitem__(self, ref: str) -> str:
        return self._faits[ref].texte

    def __iter__(self) -> Iterator[str]:
        return iter(self._faits)

    def __len__(self) -> int:
        return len(self._faits)

    @property
    def faits(self) -> dict[str, str]:
        """Reference -> text, as a plain dict."""
        return {ref: f.texte for ref, f in self._faits.items()}

    def theme(self, ref: str) -> ThemePhrase | None:
        fait = self._faits.get(ref)
        return fait.theme if fait else None

    def sans(self, refs: set[str]) -> "FaitsDossier":
        """The same facts but those named (notes withheld from a model)."""
        return FaitsDossier([f for r, f in self._faits.items() if r not in refs])

    @classmethod
    def depuis(
        cls, dossier: Dossier, aujourd_hui: date | None = None, *, fiche: FicheCible | None = None
    ) -> "FaitsDossier":
        """Flatten `dossier` (and the chosen job sheet, if any) into facts."""
        faits = [
            Fait(
                REF_IDENTITE,
                "Le dossier est pseudonyme : il ne contient ni nom, ni adresse, ni téléphone ; "
                "la personne les écrit elle-même.",
                "coordonnees",
            )
        ]
        if aujourd_hui is not None:
            faits.append(
                Fait(REF_DATE, f"Date de rédaction : {date_courte(aujourd_hui)}", "coordonnees")
            )
        for modele in ETAPES:
            if modele.cle in _ETAPES_EXCLUES:
                continue
            faits.extend(_faits_etape(dossier.etapes.par_numero(modele.numero)))
        if fiche is not None:
            faits.append(Fait(fiche.ref, fiche.texte(), "projet"))
        return cls(faits)


def _faits_etape(etape: EtapeBase) -> list[Fait]:
    modele = type(etape)
    faits: list[Fait] = []
    for champ in modele.champs_questionnables():
        if (modele.cle, champ) in CHAMPS_EXCLUS:
            continue
        chemin = f"{modele.cle}.{champ}"
        theme = _THEMES_CHAMPS.get((modele.cle, champ), _THEMES_ETAPES[modele.cle])
        titre = modele.model_fields[champ].title or champ
        etat = etape.etat_champ(champ)
        if etat in ("refus", "non_aborde"):
            absence = ABSENCES[NonReponse(etat)]
            faits.append(Fait(ref_dossier(chemin), f"{titre} : {absence}.", theme))
        elif champ == "projet_prioritaire_index" and etat == "rempli":
            projets = getattr(etape, "projets", None) or []
            index = getattr(etape, champ)
            if index < len(projets):
                texte = f"Projet prioritaire : {projets[index].libelle_personne}"
                faits.append(Fait(ref_dossier(chemin), texte, theme))
        elif etat == "rempli":
            faits.extend(_faits_champ(modele, champ, chemin, titre, getattr(etape, champ), theme))
    if not faits:
        faits.append(
            Fait(
                ref_dossier(modele.cle),
                f"Étape « {modele.titre} » : rien n'a été noté à ce jour.",
                _THEMES_ETAPES[modele.cle],
            )
        )
    return faits


def _faits_champ(
    modele: type[EtapeBase], champ: str, chemin: str, titre: str, valeur: Any, theme: ThemePhrase
) -> list[Fait]:
    if isinstance(valeur, list):
        faits = []
        for i, item in enumerate(valeur):
            texte = (
                texte_item(item)
                if isinstance(item, BaseModel)
                else texte_valeur(modele, champ, item)
            )
            faits.append(
                Fait(
                    ref_dossier(f"{chemin}.{i}"),
                    f"{titre} : {texte}",
                    _theme_item(item, theme, champ),
                )
            )
        return faits
    return [Fait(ref_dossier(chemin), f"{titre} : {texte_valeur(modele, champ, valeur)}", theme)]


def _theme_item(item: Any, theme: ThemePhrase, champ: str) -> ThemePhrase:
    if isinstance(item, Frein) and item.categorie in CATEGORIES_SANTE:
        return "sante"
    if champ == "droits_sociaux" and item in _DROITS_SANTE:
        return "sante"
    return theme


def texte_valeur(modele: type[BaseModel], champ: str, valeur: Any) -> str:
    """A scalar field value in the counsellor's words."""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, Enum):
        return libelle(valeur)  # type: ignore[arg-type]
    if isinstance(valeur, date):
        return date_courte(valeur)
    if champ in ("region_sortie", "departement_sortie"):
        return nom_lieu(champ, valeur)
    if isinstance(valeur, str) and "Literal" in str(modele.model_fields[champ].annotation):
        return libelle_valeur(modele, champ, valeur)
    return str(valeur)


def nom_lieu(champ: str, code: str) -> str:
    """« Auvergne-Rhône-Alpes (84) » from an INSEE code (the code alone if unknown)."""
    # Imported here: the place table is only needed for these two fields.
    from assistant.guide.extraction.places import charger_lieux

    lieux = charger_lieux()
    if champ == "region_sortie":
        nom = lieux.regions.get(code)
    else:
        nom = lieux.departements.get(code, (None, ""))[0]
    return f"{nom} ({code})" if nom else code


def texte_diplome(d: Diplome) -> str:
    obtenu = "obtenu" if d.obtenu else "non obtenu"
    texte = f"{d.intitule}, {obtenu}" + (f" en {d.annee}" if d.annee else "")
    return texte + (f" (pays : {d.pays})" if d.pays != "FR" else "")


def texte_experience(x: Experience) -> str:
    morceaux = [x.intitule_libre + (f" (fiche ROME {x.code_rome})" if x.code_rome else "")]
    if x.secteur:
        morceaux.append(f"secteur : {x.secteur}")
    morceaux.append(f"type : {libelle(x.type)}")
    if x.type_contrat.value != "inconnu":
        morceaux.append(f"contrat : {libelle(x.type_contrat)}")
    annees = periode(x.debut, x.duree_mois)
    if annees and x.debut:
        morceaux.append(f"période : {annees} (début : {mois_annee(x.debut)})")
    if x.duree_mois is not None:
        morceaux.append(f"durée : {duree(x.duree_mois)}")
    if x.taches_principales:
        morceaux.append("tâches : " + ", ".join(x.taches_principales))
    if x.ce_qui_a_plu:
        morceaux.append(f"ce qui a plu : {x.ce_qui_a_plu}")
    if x.motif_fin != "non_aborde":
        morceaux.append(f"fin : {libelle_valeur(Experience, 'motif_fin', x.motif_fin)}")
    return " ; ".join(morceaux)


def texte_frein(f: Frein) -> str:
    categorie = libelle(f.categorie)
    if f.categorie in CATEGORIES_SANTE:
        # Rule A.4: a referral need and its theme, nothing else (not even the level).
        texte = f"{categorie} : orientation souhaitée : {'oui' if f.besoin_orientation else 'non'}"
        if f.theme_orientation:
            theme = libelle_valeur(Frein, "theme_orientation", f.theme_orientation)
            texte += f" ; thème : {theme}"
        return texte
    morceaux = [f"{categorie} : niveau {libelle(f.niveau).lower()}"]
    if f.traitable_en_detention is not None:
        morceaux.append(f"traitable en détention : {'oui' if f.traitable_en_detention else 'non'}")
    morceaux.append(f"orientation à prévoir : {'oui' if f.besoin_orientation else 'non'}")
    if f.commentaire:
        morceaux.append(f"commentaire : {f.commentaire}")
    return " ; ".join(morceaux)


def texte_projet(p: Projet) -> str:
    morceaux = [p.libelle_personne + (f" (fiche ROME {p.code_rome})" if p.code_rome else "")]
    morceaux.append(f"type : {libelle(p.type)}")
    morceaux.append(f"maturité : {libelle(p.maturite)}")
    if p.importance_0_10 is not None:
        morceaux.append(f"importance : {p.importance_0_10}/10")
    if p.confiance_0_10 is not None:
        morceaux.append(f"confiance : {p.confiance_0_10}/10")
    if p.leviers:
        morceaux.append("leviers : " + ", ".join(p.leviers))
    if p.obstacles_percus:
        morceaux.append("obstacles perçus : " + ", ".join(p.obstacles_percus))
    return " ; ".join(morceaux)


def texte_formation(f: Formation) -> str:
    details = []
    if f.organisme:
        details.append(f"organisme : {f.organisme}")
    if f.certification:
        details.append(f"certification : {f.certification}")
    if f.accessible_en_detention is not None:
        details.append(f"accessible en détention : {'oui' if f.accessible_en_detention else 'non'}")
    if f.financement != "inconnu":
        details.append(f"financement : {libelle_valeur(Formation, 'financement', f.financement)}")
    return f.intitule + (f" ({', '.join(details)})" if details else "")


def texte_faisabilite(f: FaisabiliteProjet) -> str:
    morceaux = [
        f"fiche ROME {f.code_rome}",
        f"compatibilité : {libelle(f.compatibilite)}",
        f"métier réglementé : {'oui' if f.reglemente else 'non'}",
    ]
    if f.reglemente:
        regle = libelle_valeur(FaisabiliteProjet, "regle_applicable", f.regle_applicable)
        morceaux.append(f"règle applicable : {regle}")
    if f.piste_levee:
        pistes = [libelle_valeur(FaisabiliteProjet, "piste_levee", p) for p in f.piste_levee]
        morceaux.append("pistes : " + ", ".join(pistes))
    if f.acces_metier:
        morceaux.append("accès au métier : " + ", ".join(f.acces_metier))
    if f.formations_identifiees:
        formations = [texte_formation(x) for x in f.formations_identifiees]
        morceaux.append("formations identifiées : " + " ; ".join(formations))
    if f.metiers_voisins:
        morceaux.append("métiers voisins : fiches ROME " + liste(f.metiers_voisins))
    if f.tension_marche != "inconnue":
        tension = libelle_valeur(FaisabiliteProjet, "tension_marche", f.tension_marche)
        morceaux.append(f"tension du marché : {tension.lower()}")
    return " ; ".join(morceaux)


def texte_action(a: Action) -> str:
    morceaux = [a.libelle, f"moment : {libelle(a.moment)}"]
    if a.echeance:
        morceaux.append(f"échéance : {date_courte(a.echeance)}")
    morceaux.append(f"porteur : {libelle(a.porteur)}")
    if a.partenaire:
        morceaux.append(f"partenaire : {libelle(a.partenaire)}")
    if a.dispositif and a.dispositif != "aucun":
        morceaux.append(f"dispositif : {libelle_valeur(Action, 'dispositif', a.dispositif)}")
    if a.lien_amenagement:
        morceaux.append(f"lien avec un aménagement : {libelle(a.lien_amenagement)}")
    morceaux.append(f"statut : {libelle_valeur(Action, 'statut', a.statut)}")
    return " ; ".join(morceaux)


def texte_item(item: BaseModel) -> str:
    """One sub-model (a diploma, an experience, a barrier…) as one fact."""
    if isinstance(item, Diplome):
        return texte_diplome(item)
    if isinstance(item, Experience):
        return texte_experience(item)
    if isinstance(item, Frein):
        return texte_frein(item)
    if isinstance(item, Projet):
        return texte_projet(item)
    if isinstance(item, FaisabiliteProjet):
        return texte_faisabilite(item)
    if isinstance(item, Action):
        return texte_action(item)
    if isinstance(item, Formation):
        return texte_formation(item)
    return str(item)
