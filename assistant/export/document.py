"""What a renderer draws: a validated, filtered document as plain French text blocks.

Renderers get only this (never the dossier), so what they can write is exactly what the sharing
decision let through, already set in French typography.
"""

from dataclasses import dataclass
from datetime import date, datetime

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.enums import StatutValidation
from assistant.domain.labels import libelle
from assistant.drafting.text import date_longue
from assistant.export.consent import PERSONNE, DecisionPartage, libelle_destinataire
from assistant.export.typography import typographier


def date_en_lettres(jour: date) -> str:
    """ "1er mars 2026", "26 novembre 2026"."""
    return date_longue(jour)


@dataclass(frozen=True)
class SectionExport:
    titre: str
    paragraphes: list[str]


@dataclass(frozen=True)
class DocumentExport:
    """The text of an export, in reading order."""

    titre: str
    entete: list[str]
    sections: list[SectionExport]
    pied: str

    def lignes(self) -> list[str]:
        """Every text line of the document, for tests and plain renderers."""
        lignes = [self.titre, *self.entete]
        for section in self.sections:
            lignes += (
                [section.titre, *section.paragraphes] if section.titre else section.paragraphes
            )
        return [*lignes, self.pied]


def construire_document(
    dossier: Dossier, brouillon: Brouillon, decision: DecisionPartage, maintenant: datetime
) -> DocumentExport:
    """The document to render, from an authorised decision (never from the raw draft)."""
    if not decision.autorise or brouillon.statut is not StatutValidation.VALIDE_CONSEILLER:
        raise ValueError("only an authorised, validated document is rendered")
    assert brouillon.valide_le is not None and brouillon.valide_par is not None
    titre = libelle(brouillon.type)
    if brouillon.intitule_poste:
        titre = f"{titre} — {brouillon.intitule_poste}"
    entete = [
        f"Référence du dossier : {dossier.reference}",
        f"Destinataire : {libelle_destinataire(decision.destinataire)}",
    ]
    if decision.destinataire != PERSONNE and decision.perimetre is not None:
        entete.append(f"Périmètre partagé : {libelle(decision.perimetre)}")
    entete.append(f"Date : {date_en_lettres(maintenant.date())}")

    if decision.texte_libre is not None:
        paragraphes = [p.strip() for p in decision.texte_libre.split("\n\n") if p.strip()]
        sections = [SectionExport("", paragraphes)]
    else:
        sections = [SectionExport(s.titre, [p.texte for p in s.phrases]) for s in decision.sections]
    pied = (
        f"Document validé par {brouillon.valide_par} "
        f"le {date_en_lettres(brouillon.valide_le.date())}."
    )
    return DocumentExport(
        titre=typographier(titre),
        entete=[typographier(ligne) for ligne in entete],
        sections=[
            SectionExport(typographier(s.titre), [typographier(p) for p in s.paragraphes])
            for s in sections
        ],
        pied=typographier(pied),
    )
