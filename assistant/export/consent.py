"""Who may receive which document, and what of it: the sharing rules of guide rule A.6.

The rules are data (the tables below) read by one function, `decider_partage`.

Recipients
    The values of `Destinataire`, plus `PERSONNE` ("personne"): the person themself. The person
    may always receive every document, whole and without consent: it is their data, and the CV,
    the letter and the easy-to-read (FALC) summary are theirs (guide §1.4, the bilan de
    compétences model where the synthesis belongs to the person). Items the person keeps for
    themself are kept from others, not from them.

Programme circuit (guide rule A.6, domain brief §4.1)
    The synthesis and the end-of-programme report follow the programme's circuit: the
    prison establishment and the SPIP receive them without an explicit consent, but only
    *without health and addictions* (`synthese_sans_sante_addictions`): health and addiction
    data are GDPR art. 9 special categories and the guide keeps them to "referral yes/no + theme"
    (rule A.4); they go to the circuit only when the person explicitly agreed to a
    `synthese_complete` for that recipient.

Explicit consents
    Every other recipient needs a consent with `accord=True` for that recipient; its scope
    (`PerimetrePartage`) says which themes of sentences go through. When several consents exist
    for one recipient, the most recent one wins (latest date; on the same day, the one recorded
    last), and it replaces the circuit's default scope too, wider or narrower: the person's
    latest word is what counts. An explicit refusal (`accord=False`) refuses everything for
    that recipient, circuit included.

Scopes (`THEMES_PAR_PERIMETRE`)
    - synthese_complete: every theme.
    - synthese_sans_sante_addictions: every theme but `sante`.
    - parcours_et_competences: `parcours`, `competences`, plus `coordonnees` and `lettre`,
      because a CV or a letter is precisely the person's path and skills presented by them.
    - plan_action_uniquement: `plan` and `preconisations` (guide step 8 puts them together).

Documents (`DESTINATAIRES_PAR_DOCUMENT`)
    - synthesis and end-of-programme report: every recipient, under the rules above;
    - CV and cover letter: the person, and the job and training search partners (SPIP, France
      Travail, Mission locale, SIAE, training body, employer, association) with a consent; not
      the establishment nor an unnamed "autre" recipient;
    - FALC summary: the person only; it is written for them.

Exclusions
    A sentence that mentions an item of `elements_exclus_par_personne` is removed for every
    recipient but the person. An item matches when its words appear in the sentence, compared
    without accents, case or punctuation; words of three letters or fewer ("sa", "les"…),
    the small words of French and text in brackets are ignored, and a final s or x too, so
    that "ses dettes" matches "une dette". Removing too much is the safe side: the counsellor
    sees every removal and why.

A draft typed outside Passerelle (`contenu` without sections) has no themes: it may go to the
person, or to a recipient with a `synthese_complete` scope when it mentions no excluded item.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final, Literal, get_args

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.drafts import PhraseBrouillon, SectionBrouillon, ThemePhrase
from assistant.domain.enums import (
    Destinataire,
    PerimetrePartage,
    StatutValidation,
    TypeBrouillon,
)
from assistant.domain.labels import libelle
from assistant.domain.steps import Consentement

PERSONNE: Final = "personne"
"""The person themself, as a recipient."""

DestinataireExport = Destinataire | Literal["personne"]

TOUS_LES_THEMES: Final[frozenset[ThemePhrase]] = frozenset(get_args(ThemePhrase))

THEMES_PAR_PERIMETRE: Final[dict[PerimetrePartage, frozenset[ThemePhrase]]] = {
    PerimetrePartage.SYNTHESE_COMPLETE: TOUS_LES_THEMES,
    PerimetrePartage.SYNTHESE_SANS_SANTE_ADDICTIONS: TOUS_LES_THEMES - {"sante"},
    PerimetrePartage.PARCOURS_ET_COMPETENCES: frozenset(
        {"parcours", "competences", "coordonnees", "lettre"}
    ),
    PerimetrePartage.PLAN_ACTION_UNIQUEMENT: frozenset({"plan", "preconisations"}),
}

CIRCUIT_PROGRAMME: Final[frozenset[Destinataire]] = frozenset(
    {Destinataire.ETABLISSEMENT_PENITENTIAIRE, Destinataire.SPIP}
)
"""Recipients of the programme's circuit (rule A.6)."""

DOCUMENTS_DU_CIRCUIT: Final[frozenset[TypeBrouillon]] = frozenset(
    {TypeBrouillon.SYNTHESE, TypeBrouillon.BILAN_FIN_PROGRAMME}
)
PERIMETRE_DU_CIRCUIT: Final = PerimetrePartage.SYNTHESE_SANS_SANTE_ADDICTIONS
"""What the circuit receives without an explicit consent: no health or addictions."""

_PARTENAIRES_EMPLOI: Final[frozenset[DestinataireExport]] = frozenset(
    {
        PERSONNE,
        Destinataire.SPIP,
        Destinataire.FRANCE_TRAVAIL,
        Destinataire.MISSION_LOCALE,
        Destinataire.SIAE,
        Destinataire.ORGANISME_FORMATION,
        Destinataire.EMPLOYEUR,
        Destinataire.ASSOCIATION,
    }
)
DESTINATAIRES_PAR_DOCUMENT: Final[dict[TypeBrouillon, frozenset[DestinataireExport]]] = {
    TypeBrouillon.SYNTHESE: frozenset({PERSONNE, *Destinataire}),
    TypeBrouillon.BILAN_FIN_PROGRAMME: frozenset({PERSONNE, *Destinataire}),
    TypeBrouillon.CV: _PARTENAIRES_EMPLOI,
    TypeBrouillon.LETTRE_MOTIVATION: _PARTENAIRES_EMPLOI,
    TypeBrouillon.RESUME_FALC: frozenset({PERSONNE}),
}

MotifRefus = Literal[
    "non_valide",
    "phrases_signalees",
    "document_non_prevu",
    "refus_personne",
    "sans_consentement",
    "texte_non_decoupe",
    "rien_a_transmettre",
]
Fondement = Literal["personne", "circuit_programme", "consentement"]


@dataclass(frozen=True)
class Retrait:
    """A sentence kept out of the export, and why (shown to the counsellor, never logged)."""

    section: str
    texte: str
    motif: str


@dataclass(frozen=True)
class DecisionPartage:
    """What may go to one recipient: yes or no, why, and what is left after filtering."""

    autorise: bool
    raison: str
    destinataire: DestinataireExport
    type_document: TypeBrouillon
    perimetre: PerimetrePartage | None = None
    fondement: Fondement | None = None
    motif_refus: MotifRefus | None = None
    sections: list[SectionBrouillon] = field(default_factory=list)
    texte_libre: str | None = None
    retraits: list[Retrait] = field(default_factory=list)
    consentement: Consentement | None = None

    @property
    def themes(self) -> frozenset[ThemePhrase]:
        """Themes of the sentences that are kept."""
        return frozenset(p.theme for s in self.sections for p in s.phrases)


def libelle_destinataire(destinataire: DestinataireExport) -> str:
    """French label of a recipient, the person included."""
    if destinataire == PERSONNE:
        return "La personne elle-même"
    return libelle(Destinataire(destinataire))


def consentement_en_vigueur(
    consentements: list[Consentement], destinataire: Destinataire
) -> Consentement | None:
    """The most recent consent recorded for `destinataire` (same day: the last recorded)."""
    candidats = [
        (c.date, i, c) for i, c in enumerate(consentements) if c.destinataire == destinataire
    ]
    if not candidats:
        return None
    return max(candidats, key=lambda t: (t[0], t[1]))[2]


# --- exclusions -------------------------------------------------------------------------

_MOTS_VIDES: Final = frozenset(
    [
        "avec",
        "dans",
        "pour",
        "sans",
        "sous",
        "chez",
        "vers",
        "entre",
        "leur",
        "leurs",
        "notre",
        "votre",
        "vous",
        "nous",
        "elle",
        "elles",
        "ils",
        "mais",
        "donc",
        "plus",
        "moins",
        "tres",
        "tout",
        "tous",
        "toute",
        "toutes",
        "cette",
        "cela",
        "ceci",
        "celui",
        "celle",
        "ceux",
        "etre",
        "avoir",
        "fait",
        "faire",
        "sont",
        "etait",
        "peut",
        "comme",
        "aussi",
        "encore",
        "depuis",
        "quand",
    ]
)
_ENTRE_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normaliser(texte: str) -> str:
    """Lower case, no accents, ligatures spelt out, words separated by single spaces."""
    texte = texte.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    sans_accents = "".join(
        c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c)
    )
    return _NON_ALNUM.sub(" ", sans_accents.casefold()).strip()


def _racine(mot: str) -> str:
    # A light plural folding: "dettes" and "dette", "jeux" and "jeu" meet.
    return mot[:-1] if len(mot) > 4 and mot[-1] in "sx" else mot


def _mots_significatifs(element: str) -> frozenset[str]:
    mots = normaliser(_ENTRE_PARENTHESES.sub(" ", element)).split()
    significatifs = {_racine(m) for m in mots if len(m) > 3 and m not in _MOTS_VIDES}
    # An item made only of short words ("RSA", "CAF") is matched on all its words.
    return frozenset(significatifs or {_racine(m) for m in mots})


def element_mentionne(texte: str, element: str) -> bool:
    """True when `texte` mentions the excluded `element` (see the module's rules)."""
    mots_element = _mots_significatifs(element)
    if not mots_element:
        return False
    mots_texte = {_racine(m) for m in normaliser(texte).split()}
    return mots_element <= mots_texte


# --- the decision -----------------------------------------------------------------------


def _refus(
    destinataire: DestinataireExport,
    brouillon: Brouillon,
    motif: MotifRefus,
    raison: str,
    *,
    perimetre: PerimetrePartage | None = None,
    fondement: Fondement | None = None,
    retraits: list[Retrait] | None = None,
    consentement: Consentement | None = None,
) -> DecisionPartage:
    return DecisionPartage(
        autorise=False,
        raison=raison,
        destinataire=destinataire,
        type_document=brouillon.type,
        perimetre=perimetre,
        fondement=fondement,
        motif_refus=motif,
        retraits=retraits or [],
        consentement=consentement,
    )


def _filtrer(
    sections: list[SectionBrouillon], themes: frozenset[ThemePhrase], exclus: list[str]
) -> tuple[list[SectionBrouillon], list[Retrait]]:
    gardees: list[SectionBrouillon] = []
    retraits: list[Retrait] = []
    for section in sections:
        phrases: list[PhraseBrouillon] = []
        for phrase in section.phrases:
            if phrase.theme not in themes:
                retraits.append(Retrait(section.titre, phrase.texte, "hors du périmètre consenti"))
                continue
            if any(element_mentionne(phrase.texte, e) for e in exclus):
                retraits.append(
                    Retrait(section.titre, phrase.texte, "élément que la personne garde pour elle")
                )
                continue
            phrases.append(phrase)
        if phrases:
            gardees.append(section.model_copy(update={"phrases": phrases}))
    return gardees, retraits


def decider_partage(
    dossier: Dossier, brouillon: Brouillon, destinataire: DestinataireExport
) -> DecisionPartage:
    """Decide whether `brouillon` may go to `destinataire`, and what of it.

    Refused when the draft is not validated, still has flagged sentences, is not a document
    for that recipient, the person refused or gave no consent for that recipient, or nothing
    is left once the sentences outside the scope and the excluded items are removed.
    The reason is a French sentence for the counsellor; it never quotes the draft.
    """
    if destinataire != PERSONNE:
        destinataire = Destinataire(destinataire)
    nom = libelle_destinataire(destinataire)
    document = libelle(brouillon.type)

    if brouillon.statut is not StatutValidation.VALIDE_CONSEILLER:
        return _refus(
            destinataire,
            brouillon,
            "non_valide",
            f"Ce document est encore au statut « {libelle(brouillon.statut)} » : "
            "seul un document validé par le conseiller peut être exporté.",
        )
    bloquantes = brouillon.phrases_bloquantes()
    if bloquantes:
        return _refus(
            destinataire,
            brouillon,
            "phrases_signalees",
            f"{len(bloquantes)} phrase(s) signalée(s) doivent être corrigées ou retirées "
            "avant l'export.",
        )
    if destinataire not in DESTINATAIRES_PAR_DOCUMENT[brouillon.type]:
        if brouillon.type is TypeBrouillon.RESUME_FALC:
            raison = "Le résumé facile à lire est écrit pour la personne : il ne va qu'à elle."
        else:
            raison = f"Un document « {document} » n'est pas prévu pour le destinataire « {nom} »."
        return _refus(destinataire, brouillon, "document_non_prevu", raison)

    if destinataire == PERSONNE:
        return DecisionPartage(
            autorise=True,
            raison="Document remis à la personne : ce sont ses données, il lui revient en entier.",
            destinataire=PERSONNE,
            type_document=brouillon.type,
            perimetre=PerimetrePartage.SYNTHESE_COMPLETE,
            fondement="personne",
            sections=list(brouillon.sections),
            texte_libre=None if brouillon.sections else brouillon.contenu,
        )

    assert isinstance(destinataire, Destinataire)
    consentement = consentement_en_vigueur(dossier.consentements, destinataire)
    fondement: Fondement
    if consentement is not None and not consentement.accord:
        return _refus(
            destinataire,
            brouillon,
            "refus_personne",
            f"La personne a refusé le partage avec « {nom} » "
            f"(recueilli le {consentement.date:%d/%m/%Y}).",
            consentement=consentement,
        )
    if consentement is not None:
        perimetre = consentement.perimetre
        fondement = "consentement"
        base = f"la personne a donné son accord le {consentement.date:%d/%m/%Y}"
    elif destinataire in CIRCUIT_PROGRAMME and brouillon.type in DOCUMENTS_DU_CIRCUIT:
        perimetre = PERIMETRE_DU_CIRCUIT
        fondement = "circuit_programme"
        base = "circuit prévu par le programme, sans consentement explicite"
    else:
        return _refus(
            destinataire,
            brouillon,
            "sans_consentement",
            f"Aucun consentement de la personne n'est enregistré pour « {nom} » : "
            "recueillez-le à l'étape 9 avant d'exporter.",
        )

    exclus = list(dossier.etapes.synthese.elements_exclus_par_personne)
    portee = f"{base} ; périmètre « {libelle(perimetre)} »"
    if not brouillon.sections:
        texte = brouillon.contenu or ""
        if perimetre is not PerimetrePartage.SYNTHESE_COMPLETE or any(
            element_mentionne(texte, e) for e in exclus
        ):
            return _refus(
                destinataire,
                brouillon,
                "texte_non_decoupe",
                "Ce document est un texte libre, sans phrases classées par thème : Passerelle "
                f"ne peut pas en retirer ce qui sort du consentement pour « {nom} ».",
                perimetre=perimetre,
                fondement=fondement,
                consentement=consentement,
            )
        return DecisionPartage(
            autorise=True,
            raison=f"Export autorisé pour « {nom} » : {portee}.",
            destinataire=destinataire,
            type_document=brouillon.type,
            perimetre=perimetre,
            fondement=fondement,
            texte_libre=texte,
            consentement=consentement,
        )

    sections, retraits = _filtrer(brouillon.sections, THEMES_PAR_PERIMETRE[perimetre], exclus)
    if not sections:
        return _refus(
            destinataire,
            brouillon,
            "rien_a_transmettre",
            f"Rien de ce document n'entre dans ce que la personne accepte de partager avec "
            f"« {nom} » ({portee}).",
            perimetre=perimetre,
            fondement=fondement,
            retraits=retraits,
            consentement=consentement,
        )
    retire = f" {len(retraits)} phrase(s) retirée(s)." if retraits else ""
    return DecisionPartage(
        autorise=True,
        raison=f"Export autorisé pour « {nom} » : {portee}.{retire}",
        destinataire=destinataire,
        type_document=brouillon.type,
        perimetre=perimetre,
        fondement=fondement,
        sections=sections,
        retraits=retraits,
        consentement=consentement,
    )
