"""Offline rendering: Jinja2 templates (`prompts/drafting/*.md.j2`) to sourced sentences.

A template writes a Markdown-like text where each section and each sentence carries its key,
sources and theme in an HTML comment, so that the files read like the document they produce:

    ## <!-- parcours -->
    - Diplôme : CAP maçon, obtenu en 2012. <!-- dossier:etapes.formation.diplomes.0 -->
    - Reconnaissance de handicap (RQTH) déclarée : oui. <!-- dossier:… | sante -->

The section titles come from the document's definition; a sentence without a theme takes its
section's. Values inserted into a template never break this layout (line breaks and comment
markers are removed from them).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import jinja2

from assistant.domain.dossier import Dossier
from assistant.domain.drafts import PhraseBrouillon, SectionBrouillon, ThemePhrase
from assistant.domain.enums import NonReponse
from assistant.domain.labels import libelle, libelle_valeur
from assistant.domain.steps import EtapeBase
from assistant.drafting.sources import (
    CHAMPS_EXCLUS,
    FaitsDossier,
    FicheCible,
    ref_dossier,
    texte_diplome,
    texte_formation,
    texte_valeur,
)
from assistant.drafting.text import (
    date_courte,
    date_longue,
    duree,
    initiale_minuscule,
    liste,
    periode,
    ponctuer,
)
from assistant.locations import PROMPTS_DIR

DOSSIER_MODELES = PROMPTS_DIR / "drafting"
_SANTE = {("situation", "reconnaissance_handicap")}

_ENTETE = re.compile(r"^##\s*<!--\s*(?P<cle>[a-z_]+)\s*-->\s*$")
_PHRASE = re.compile(
    r"^-\s+(?P<texte>.+?)\s*<!--\s*(?P<refs>[^|]*?)\s*(?:\|\s*(?P<theme>[a-z_]+)\s*)?-->\s*$"
)


@dataclass(frozen=True)
class SectionModele:
    """A section of a document: key, French title, default theme of its sentences."""

    cle: str
    titre: str
    theme: ThemePhrase


class _Brut(str):
    """Template lines made by the helpers below: inserted as they are."""


def _nettoyer(valeur: Any) -> Any:
    if isinstance(valeur, _Brut) or not isinstance(valeur, str):
        return valeur
    # A note must not open a comment (it would forge sources) nor start a new line.
    return re.sub(r"\s*\n\s*", " ", valeur.replace("<!--", "").replace("-->", ""))


@lru_cache(maxsize=1)
def environnement() -> jinja2.Environment:
    """The Jinja2 environment of the drafting templates (undefined names are errors)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(DOSSIER_MODELES)),
        autoescape=False,  # Plain text, not HTML: escaping would garble « d'arrêt ».
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_nettoyer,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(
        date_longue=date_longue,
        date_courte=date_courte,
        duree=duree,
        minuscule=initiale_minuscule,
        ponctuer=ponctuer,
        liste=liste,
        lib=libelle,
        brut=_Brut,
        majuscule=lambda t: t[:1].upper() + t[1:],
    )
    return env


class Contexte:
    """What a template may use: the dossier, its facts, and helpers that keep sources right."""

    def __init__(
        self,
        dossier: Dossier,
        faits: FaitsDossier,
        *,
        aujourd_hui: date,
        fiche: FicheCible | None,
        voix: str = "pro",
    ) -> None:
        self.dossier = dossier
        self.faits = faits
        self.aujourd_hui = aujourd_hui
        self.fiche = fiche
        self.voix = voix

    def variables(self) -> dict[str, Any]:
        return {
            "e": self.dossier.etapes,
            "aujourd_hui": self.aujourd_hui,
            "fiche": self.fiche,
            "ref": self.ref,
            "val": self.val,
            "a": self.a,
            "absences": self.absences,
            "vide": self.vide,
            "libv": libelle_valeur,
            "periode": periode,
            "diplome": texte_diplome,
            "formation": texte_formation,
            "guillemets": guillemets,
        }

    def ref(self, *chemins: str | None) -> str:
        """The references of these fields that are facts of the dossier, space-separated."""
        refs = []
        for chemin in chemins:
            if not chemin:
                continue
            ref = chemin if ":" in chemin else ref_dossier(chemin)
            if ref in self.faits and ref not in refs:
                refs.append(ref)
        return " ".join(refs)

    def a(self, chemin: str) -> bool:
        """Whether a field (or list item) is a fact of the dossier."""
        return ref_dossier(chemin) in self.faits

    def val(self, chemin: str) -> str:
        """The label of a scalar field value, exactly as in its fact (« 3 à 6 mois »)."""
        cle, champ = chemin.split(".", 1)
        etape: EtapeBase = getattr(self.dossier.etapes, cle)
        return texte_valeur(type(etape), champ, getattr(etape, champ))

    def vide(self, cle: str, sujet: str) -> _Brut:
        """« Rien n'a été noté » on `sujet` when the whole step is empty."""
        ref = ref_dossier(cle)
        if ref not in self.faits:
            return _Brut("")
        if self.voix == "vous":
            return _Brut(f"- Nous n'avons pas encore parlé de {sujet}. <!-- {ref} -->\n")
        return _Brut(f"- Rien n'a été noté à ce jour sur {sujet}. <!-- {ref} -->\n")

    def absences(self, *cles: str) -> _Brut:
        """One sentence per kind of absence (declined, not raised) among the fields of `cles`."""
        lignes = []
        # One sentence per step and kind: a sentence holds 20 sources at most.
        for cle in cles:
            etape: EtapeBase = getattr(self.dossier.etapes, cle)
            modele = type(etape)
            for absence in (NonReponse.REFUS, NonReponse.NON_ABORDE):
                groupes: dict[bool, list[tuple[str, str]]] = {False: [], True: []}
                for champ, etat in etape.reponses_absentes.items():
                    if etat is not absence or (cle, champ) in CHAMPS_EXCLUS:
                        continue
                    titre = initiale_minuscule(modele.model_fields[champ].title or champ)
                    groupes[(cle, champ) in _SANTE].append((titre, f"{cle}.{champ}"))
                for sante, champs in groupes.items():
                    if not champs:
                        continue
                    sujets = liste([t for t, _ in champs])
                    refs = self.ref(*(c for _, c in champs))
                    theme = " | sante" if sante else ""
                    lignes.extend(self._phrases_absence(absence, sujets, refs, theme))
        return _Brut("".join(lignes))

    def _phrases_absence(
        self, absence: NonReponse, sujets: str, refs: str, theme: str
    ) -> list[str]:
        if self.voix == "vous":
            if absence is NonReponse.REFUS:
                return [
                    f"- Vous n'avez pas voulu parler de : {sujets}. <!-- {refs}{theme} -->\n",
                    f"- C'est votre droit. <!-- {refs}{theme} -->\n",
                ]
            return [f"- Nous n'avons pas encore parlé de : {sujets}. <!-- {refs}{theme} -->\n"]
        if absence is NonReponse.REFUS:
            return [
                f"- La personne n'a pas souhaité parler de : {sujets}. <!-- {refs}{theme} -->\n"
            ]
        return [f"- Non abordé à ce jour : {sujets}. <!-- {refs}{theme} -->\n"]


def guillemets(texte: str) -> str:
    """« texte », with the French non-breaking spaces."""
    return f"«\u00a0{' '.join(texte.split())}\u00a0»"


def rendre(
    gabarit: str,
    sections: Sequence[SectionModele],
    contexte: Contexte,
    extra: dict[str, Any] | None = None,
) -> list[SectionBrouillon]:
    """Render a template file and read its sections and sentences back."""
    modele = environnement().get_template(gabarit)
    texte = modele.render(**contexte.variables(), **(extra or {}))
    return lire(texte, sections)


def lire(texte: str, sections: Sequence[SectionModele]) -> list[SectionBrouillon]:
    """Sections and sentences of a rendered template (lines of any other shape are ignored)."""
    par_cle = {s.cle: s for s in sections}
    resultat: list[SectionBrouillon] = []
    phrases: dict[str, list[PhraseBrouillon]] = {s.cle: [] for s in sections}
    courante: SectionModele | None = None
    for ligne in texte.splitlines():
        if m := _ENTETE.match(ligne.strip()):
            courante = par_cle[m["cle"]]
        elif (m := _PHRASE.match(ligne.strip())) and courante is not None:
            theme = m["theme"] or courante.theme
            phrases[courante.cle].append(
                PhraseBrouillon(texte=m["texte"], sources=m["refs"].split(), theme=theme)
            )
    for section in sections:
        resultat.append(
            SectionBrouillon(cle=section.cle, titre=section.titre, phrases=phrases[section.cle])
        )
    return resultat
