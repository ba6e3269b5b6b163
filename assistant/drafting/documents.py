"""The five documents Passerelle drafts, as a small protocol: type, title, sections, prompt.

Each document renders offline from the structured dossier (a Jinja2 template of
`prompts/drafting/`) and gives the model its prompt (`prompts/drafting/<nom>.md`, temperature 0)
for the LLM path. Sentences carry their sources and a theme, so that consent scopes can filter
them at export.
"""

from datetime import date
from typing import Any, ClassVar, Protocol

from assistant.domain.dossier import Dossier
from assistant.domain.drafts import SectionBrouillon
from assistant.domain.enums import TypeBrouillon
from assistant.domain.labels import libelle_valeur
from assistant.domain.steps import EtapeCompetences, Experience
from assistant.drafting.grounding import mots_utiles
from assistant.drafting.rendering import Contexte, SectionModele, environnement, rendre
from assistant.drafting.sources import REF_IDENTITE, FaitsDossier, FicheCible, ref_dossier


class ModeleDocument(Protocol):
    """What every document offers to the drafting service."""

    type: TypeBrouillon
    titre: str
    sections: tuple[SectionModele, ...]
    fichier_prompt: str
    gabarit: str
    temperature: float

    def rendre(
        self,
        dossier: Dossier,
        faits: FaitsDossier,
        *,
        aujourd_hui: date,
        fiche: FicheCible | None = None,
    ) -> list[SectionBrouillon]: ...

    def prompt_systeme(self) -> str: ...


class DocumentGabarit:
    """Base of the documents: a Jinja2 template and a prompt file of `prompts/drafting/`."""

    type: ClassVar[TypeBrouillon]
    titre: ClassVar[str]
    sections: ClassVar[tuple[SectionModele, ...]]
    fichier_prompt: ClassVar[str]
    gabarit: ClassVar[str]
    temperature: ClassVar[float] = 0.0
    voix: ClassVar[str] = "pro"

    def rendre(
        self,
        dossier: Dossier,
        faits: FaitsDossier,
        *,
        aujourd_hui: date,
        fiche: FicheCible | None = None,
    ) -> list[SectionBrouillon]:
        """The document drafted from the dossier alone (no model), every sentence sourced."""
        contexte = Contexte(dossier, faits, aujourd_hui=aujourd_hui, fiche=fiche, voix=self.voix)
        return rendre(self.gabarit, self.sections, contexte, self.variables(contexte))

    def variables(self, contexte: Contexte) -> dict[str, Any]:
        """Extra template variables computed in Python (orderings, matchings)."""
        return {}

    def prompt_systeme(self) -> str:
        """The system prompt: the common rules, then this document's instructions."""
        env = environnement()
        assert env.loader is not None
        commun = env.loader.get_source(env, "_commun.md")[0]
        propre = env.loader.get_source(env, self.fichier_prompt)[0]
        titres = "\n".join(f"## {s.titre}" for s in self.sections)
        return (
            f"{commun.strip()}\n\n{propre.strip()}\n\n"
            f"Titres à employer, dans cet ordre :\n{titres}\n"
        )


class Synthese(DocumentGabarit):
    """Synthesis for the prison / SPIP team, in the order of step 9 of the guide."""

    type = TypeBrouillon.SYNTHESE
    titre = "Synthèse de l'entretien"
    fichier_prompt = "synthese.md"
    gabarit = "synthese.md.j2"
    sections = (
        SectionModele("contexte", "Contexte", "contexte"),
        SectionModele("parcours", "Parcours", "parcours"),
        SectionModele("competences", "Compétences et atouts", "competences"),
        SectionModele("freins", "Freins et ressources", "freins"),
        SectionModele("projet", "Projet(s) et compatibilité", "projet"),
        SectionModele("preconisations", "Préconisations et plan d'action", "preconisations"),
        SectionModele("vigilance", "Points de vigilance", "vigilance"),
    )


class BilanFinProgramme(DocumentGabarit):
    """End-of-programme report: skills, needs, project and feasibility, action plan, partners."""

    type = TypeBrouillon.BILAN_FIN_PROGRAMME
    titre = "Bilan de fin de programme"
    fichier_prompt = "bilan.md"
    gabarit = "bilan.md.j2"
    sections = (
        SectionModele("competences", "Compétences", "competences"),
        SectionModele("besoins", "Besoins identifiés", "freins"),
        SectionModele("projet", "Projet et faisabilité", "projet"),
        SectionModele("plan", "Plan d'action", "plan"),
        SectionModele("partenaires", "Partenaires mobilisés", "plan"),
        SectionModele("suite", "Préconisations et suite", "preconisations"),
    )

    def variables(self, contexte: Contexte) -> dict[str, Any]:
        actions = contexte.dossier.etapes.plan_action.actions or []
        partenaires: dict[str, list[str]] = {}
        for i, action in enumerate(actions):
            if action.partenaire is not None:
                nom = libelle_valeur("Action", "partenaire", action.partenaire)
                partenaires.setdefault(nom, []).append(f"plan_action.actions.{i}")
        return {"partenaires": partenaires}


def _experiences_recentes(dossier: Dossier) -> list[tuple[int, Experience]]:
    """Experiences, most recent first (undated ones last, in the order told)."""
    experiences = list(enumerate(dossier.etapes.experiences.experiences))
    return sorted(experiences, key=lambda ie: ie[1].debut or "", reverse=True)


class CV(DocumentGabarit):
    """A CV in French conventions, from the dossier.

    Decisions:
    - No name nor contact details: the vault holds none (pseudonymous dossier). The first
      section says so and the person writes them by hand on the printed copy.
    - Work and training done in detention are shown like any other: job title, sector if noted,
      years, tasks (« Auxiliaire cuisine (2025) »). The establishment, its type, the contract
      label (« contrat d'emploi pénitentiaire ») and the words « prison » or « détention » are
      never written: a CV goes to employers, the justice status is art. 10 data, and the person
      has no duty to mention a conviction they are not asked about (guide, module M1). Nothing is
      hidden either: the experience and its dates are real. If the person chooses to show the
      place, the counsellor edits the sentence (it becomes the counsellor's, and the lint
      reminds, without blocking, that the document mentions detention).
    - Undeclared work is shown without its type; a suspended or cancelled licence is not listed.
    """

    type = TypeBrouillon.CV
    titre = "CV"
    fichier_prompt = "cv.md"
    gabarit = "cv.md.j2"
    sections = (
        SectionModele("coordonnees", "Coordonnées", "coordonnees"),
        SectionModele("profil", "Profil", "projet"),
        SectionModele("experiences", "Expériences professionnelles", "parcours"),
        SectionModele("formation", "Formation", "parcours"),
        SectionModele("competences", "Compétences", "competences"),
        SectionModele("interets", "Centres d'intérêt", "competences"),
    )

    def variables(self, contexte: Contexte) -> dict[str, Any]:
        return {
            "experiences": _experiences_recentes(contexte.dossier),
            "certifications": _certifications_montrables(contexte.dossier),
        }


def _certifications_montrables(dossier: Dossier) -> list[tuple[int, str]]:
    """Certifications for an employer: a licence listed while suspended or absent is left out."""
    permis = dossier.etapes.freins.permis_conduire
    sans_permis = permis in ("b_suspendu_ou_annule", "aucun")
    return [
        (i, c)
        for i, c in enumerate(dossier.etapes.formation.certifications_habilitations)
        if not (sans_permis and c.lower().startswith("permis"))
    ]


class LettreMotivation(DocumentGabarit):
    """Cover letter for a chosen job sheet, linking the person's experience to its skills."""

    type = TypeBrouillon.LETTRE_MOTIVATION
    titre = "Lettre de motivation"
    fichier_prompt = "lettre.md"
    gabarit = "lettre.md.j2"
    sections = (
        SectionModele("en_tete", "En-tête", "coordonnees"),
        SectionModele("corps", "Lettre", "lettre"),
    )

    def variables(self, contexte: Contexte) -> dict[str, Any]:
        dossier, fiche = contexte.dossier, contexte.fiche
        projet = _projet_prioritaire(dossier)
        cible_ref = (
            fiche.ref
            if fiche
            else (ref_dossier(f"projet.projets.{projet}") if projet is not None else REF_IDENTITE)
        )
        experiences = _experiences_recentes(dossier)
        if fiche is not None:
            proches = [
                (i, x) for i, x in experiences if x.code_rome == fiche.code_rome
            ] or experiences
            experiences = proches
        return {
            "cible_ref": cible_ref,
            "projet": projet,
            "experiences": experiences[:3],
            "liens": _liens_competences(dossier, fiche) if fiche else [],
            "certifications": _certifications_montrables(dossier),
        }


def _projet_prioritaire(dossier: Dossier) -> int | None:
    projet = dossier.etapes.projet
    if not projet.projets:
        return None
    return projet.projet_prioritaire_index or 0


def _liens_competences(dossier: Dossier, fiche: FicheCible) -> list[tuple[str, str, str]]:
    """(skill of the sheet, the person's matching item, its field path), three at most.

    A link is made on shared meaningful words only: the letter never claims a skill of the
    sheet that nothing in the dossier echoes.
    """
    competences: EtapeCompetences = dossier.etapes.competences
    candidats: list[tuple[str, str]] = []
    for champ in ("savoir_faire", "competences_rome", "savoirs"):
        for i, item in enumerate(getattr(competences, champ)):
            candidats.append((item, f"competences.{champ}.{i}"))
    for i, x in enumerate(dossier.etapes.experiences.experiences):
        for tache in x.taches_principales:
            candidats.append((tache, f"experiences.experiences.{i}"))
    liens: list[tuple[str, str, str]] = []
    utilises: set[str] = set()
    for competence in fiche.competences:
        racines = {m[:6] for m in mots_utiles(competence)}
        for texte, chemin in candidats:
            if texte in utilises:
                continue
            if racines & {m[:6] for m in mots_utiles(texte)}:
                liens.append((competence, texte, chemin))
                utilises.add(texte)
                break
        if len(liens) == 3:
            break
    return liens


class ResumeFalc(DocumentGabarit):
    """Summary for the person, easy to read: short sentences, one idea each, « vous »."""

    type = TypeBrouillon.RESUME_FALC
    titre = "Résumé pour vous"
    fichier_prompt = "resume_falc.md"
    gabarit = "resume_falc.md.j2"
    voix = "vous"
    sections = (
        SectionModele("situation", "Votre situation", "contexte"),
        SectionModele("parcours", "Ce que vous avez fait", "parcours"),
        SectionModele("competences", "Ce que vous savez faire", "competences"),
        SectionModele("projet", "Votre projet", "projet"),
        SectionModele("etapes", "Les prochaines étapes", "plan"),
    )


DOCUMENTS: dict[TypeBrouillon, DocumentGabarit] = {
    d.type: d for d in (Synthese(), BilanFinProgramme(), CV(), LettreMotivation(), ResumeFalc())
}
"""Every document, by type."""


def document(type_document: TypeBrouillon | str) -> DocumentGabarit:
    """The document of a type (« synthese », « cv »…)."""
    return DOCUMENTS[TypeBrouillon(type_document)]
