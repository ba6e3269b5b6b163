"""Sharing rules of the export (guide rule A.6): every recipient, scope, answer and document.

The expected outcomes are written out here from the rules in `assistant/export/consent.py`'s
docstring, not read from its tables, so that a change of the tables shows up as a failure.
"""

import itertools
from datetime import UTC, date, datetime

import pytest

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.drafts import PhraseBrouillon, SectionBrouillon, Signalement
from assistant.domain.enums import Destinataire, PerimetrePartage, TypeBrouillon
from assistant.domain.steps import Consentement
from assistant.export.consent import (
    PERSONNE,
    consentement_en_vigueur,
    decider_partage,
    element_mentionne,
    normaliser,
)

pytestmark = pytest.mark.unit

THEMES = (
    "contexte",
    "parcours",
    "competences",
    "freins",
    "sante",
    "projet",
    "faisabilite",
    "plan",
    "preconisations",
    "vigilance",
    "coordonnees",
    "lettre",
)
ATTENDU_PAR_PERIMETRE = {
    PerimetrePartage.SYNTHESE_COMPLETE: set(THEMES),
    PerimetrePartage.SYNTHESE_SANS_SANTE_ADDICTIONS: set(THEMES) - {"sante"},
    PerimetrePartage.PARCOURS_ET_COMPETENCES: {"parcours", "competences", "coordonnees", "lettre"},
    PerimetrePartage.PLAN_ACTION_UNIQUEMENT: {"plan", "preconisations"},
}
CIRCUIT = {Destinataire.ETABLISSEMENT_PENITENTIAIRE, Destinataire.SPIP}
CV_ET_LETTRE_INTERDITS = {Destinataire.ETABLISSEMENT_PENITENTIAIRE, Destinataire.AUTRE}
DESTINATAIRES = [PERSONNE, *Destinataire]
VALIDE_LE = datetime(2026, 11, 25, 16, 30, tzinfo=UTC)

# Raw identifiers must never reach the counsellor: reasons use French labels.
IDENTIFIANTS = [*(p.value for p in PerimetrePartage), *(d.value for d in Destinataire if "_" in d)]


def phrase(texte: str, theme: str, **autres: object) -> PhraseBrouillon:
    return PhraseBrouillon(texte=texte, theme=theme, sources=["conseiller"], **autres)


def brouillon(
    type_document: TypeBrouillon | str, sections: list[SectionBrouillon], **autres: object
) -> Brouillon:
    valeurs: dict[str, object] = {
        "statut": "valide_conseiller",
        "valide_par": "cip-07",
        "valide_le": VALIDE_LE,
    }
    valeurs.update(autres)
    return Brouillon(type=type_document, sections=sections, **valeurs)


def brouillon_tous_themes(type_document: TypeBrouillon) -> Brouillon:
    """One sentence of every theme, two per section."""
    phrases = [phrase(f"Phrase fictive sur le thème {t}.", t) for t in THEMES]
    sections = [
        SectionBrouillon(cle=f"partie_{THEMES[i]}", titre=f"Partie {i}", phrases=phrases[i : i + 2])
        for i in range(0, len(phrases), 2)
    ]
    return brouillon(type_document, sections)


def dossier(*consentements: Consentement, exclus: list[str] | None = None) -> Dossier:
    d = Dossier.ouvrir("CP-2026-007", "centre_penitentiaire")
    d.etapes.synthese.consentements = list(consentements)
    d.etapes.synthese.elements_exclus_par_personne = exclus or []
    return d


def consentement(
    destinataire: Destinataire,
    perimetre: PerimetrePartage,
    accord: bool,
    jour: date = date(2026, 11, 20),
) -> Consentement:
    return Consentement(
        destinataire=destinataire,
        perimetre=perimetre,
        accord=accord,
        date=jour,
        recueilli_par="cip-07",
    )


def attendu(
    type_document: TypeBrouillon,
    destinataire: str,
    perimetre: PerimetrePartage | None,
    accord: bool | None,
) -> tuple[str | None, set[str]]:
    """(refusal motive or None, kept themes) per the documented rules."""
    if destinataire == PERSONNE:
        return None, set(THEMES)
    if type_document is TypeBrouillon.RESUME_FALC:
        return "document_non_prevu", set()
    if (
        type_document in (TypeBrouillon.CV, TypeBrouillon.LETTRE_MOTIVATION)
        and destinataire in CV_ET_LETTRE_INTERDITS
    ):
        return "document_non_prevu", set()
    if accord is False:
        return "refus_personne", set()
    if accord is True:
        assert perimetre is not None
        return None, ATTENDU_PAR_PERIMETRE[perimetre]
    if destinataire in CIRCUIT and type_document in (
        TypeBrouillon.SYNTHESE,
        TypeBrouillon.BILAN_FIN_PROGRAMME,
    ):
        return None, ATTENDU_PAR_PERIMETRE[PerimetrePartage.SYNTHESE_SANS_SANTE_ADDICTIONS]
    return "sans_consentement", set()


def _verifier(decision, motif: str | None, themes: set[str]) -> None:
    assert decision.motif_refus == motif, decision.raison
    assert decision.autorise is (motif is None)
    assert set(decision.themes) == themes
    assert decision.raison.endswith("."), decision.raison
    assert not any(ident in decision.raison for ident in IDENTIFIANTS), decision.raison
    assert "Phrase fictive" not in decision.raison


CAS_AVEC_CONSENTEMENT = list(
    itertools.product(TypeBrouillon, DESTINATAIRES, PerimetrePartage, [True, False])
)


@pytest.mark.parametrize(
    ("type_document", "destinataire", "perimetre", "accord"), CAS_AVEC_CONSENTEMENT
)
def test_every_recipient_scope_and_answer(
    type_document: TypeBrouillon, destinataire: str, perimetre: PerimetrePartage, accord: bool
) -> None:
    # A consent for the person makes no sense (they are not a Destinataire); for them the
    # same consent recorded for every other recipient must change nothing.
    cibles = list(Destinataire) if destinataire == PERSONNE else [Destinataire(destinataire)]
    d = dossier(*(consentement(c, perimetre, accord) for c in cibles))
    decision = decider_partage(d, brouillon_tous_themes(type_document), destinataire)
    motif, themes = attendu(
        type_document,
        destinataire,
        perimetre,
        None if destinataire == PERSONNE else accord,
    )
    _verifier(decision, motif, themes)
    if motif is None and destinataire != PERSONNE:
        assert decision.perimetre is perimetre
        assert decision.fondement == "consentement"
        retires = {r.texte for r in decision.retraits}
        assert retires == {f"Phrase fictive sur le thème {t}." for t in set(THEMES) - themes}


@pytest.mark.parametrize(
    ("type_document", "destinataire"), list(itertools.product(TypeBrouillon, DESTINATAIRES))
)
def test_every_recipient_without_consent(type_document: TypeBrouillon, destinataire: str) -> None:
    decision = decider_partage(dossier(), brouillon_tous_themes(type_document), destinataire)
    motif, themes = attendu(type_document, destinataire, None, None)
    _verifier(decision, motif, themes)
    if motif is None and destinataire != PERSONNE:
        assert decision.fondement == "circuit_programme"
        assert decision.perimetre is PerimetrePartage.SYNTHESE_SANS_SANTE_ADDICTIONS
    if motif == "sans_consentement":
        assert "Aucun consentement" in decision.raison


def test_the_person_gets_everything_on_their_own_footing() -> None:
    d = dossier(exclus=["thème sante"])
    decision = decider_partage(d, brouillon_tous_themes(TypeBrouillon.SYNTHESE), PERSONNE)
    assert decision.autorise and decision.fondement == "personne"
    assert decision.retraits == []
    assert "personne" in decision.raison


def test_an_explicit_refusal_closes_even_the_programme_circuit() -> None:
    d = dossier(consentement(Destinataire.SPIP, PerimetrePartage.SYNTHESE_COMPLETE, False))
    decision = decider_partage(d, brouillon_tous_themes(TypeBrouillon.SYNTHESE), "spip")
    assert not decision.autorise
    assert decision.motif_refus == "refus_personne"
    assert decision.raison.startswith("La personne a refusé le partage avec « SPIP »")
    # The refusal for the SPIP does not touch the establishment.
    autre = decider_partage(
        d, brouillon_tous_themes(TypeBrouillon.SYNTHESE), "etablissement_penitentiaire"
    )
    assert autre.autorise


def test_an_explicit_consent_replaces_the_circuit_scope_wider_or_narrower() -> None:
    b = brouillon_tous_themes(TypeBrouillon.BILAN_FIN_PROGRAMME)
    large = dossier(consentement(Destinataire.SPIP, PerimetrePartage.SYNTHESE_COMPLETE, True))
    assert "sante" in decider_partage(large, b, Destinataire.SPIP).themes
    etroit = dossier(consentement(Destinataire.SPIP, PerimetrePartage.PLAN_ACTION_UNIQUEMENT, True))
    assert decider_partage(etroit, b, Destinataire.SPIP).themes == {"plan", "preconisations"}


@pytest.mark.parametrize(
    ("reponses", "autorise"),
    [
        ([(date(2026, 1, 5), True), (date(2026, 3, 2), False)], False),
        ([(date(2026, 3, 2), False), (date(2026, 1, 5), True)], False),
        ([(date(2026, 1, 5), False), (date(2026, 3, 2), True)], True),
        ([(date(2026, 3, 2), True), (date(2026, 1, 5), False)], True),
        # Same day: the one recorded last is the person's latest word.
        ([(date(2026, 3, 2), True), (date(2026, 3, 2), False)], False),
        ([(date(2026, 3, 2), False), (date(2026, 3, 2), True)], True),
    ],
)
def test_the_most_recent_consent_wins(reponses: list[tuple[date, bool]], autorise: bool) -> None:
    consentements = [
        consentement(Destinataire.EMPLOYEUR, PerimetrePartage.PARCOURS_ET_COMPETENCES, a, j)
        for j, a in reponses
    ]
    consentements.append(
        consentement(Destinataire.SIAE, PerimetrePartage.SYNTHESE_COMPLETE, True, date(2027, 1, 1))
    )
    d = dossier(*consentements)
    en_vigueur = consentement_en_vigueur(d.consentements, Destinataire.EMPLOYEUR)
    assert en_vigueur is not None and en_vigueur.accord is autorise
    decision = decider_partage(d, brouillon_tous_themes(TypeBrouillon.CV), "employeur")
    assert decision.autorise is autorise


def test_most_recent_scope_applies() -> None:
    d = dossier(
        consentement(
            Destinataire.FRANCE_TRAVAIL, PerimetrePartage.SYNTHESE_COMPLETE, True, date(2026, 1, 1)
        ),
        consentement(
            Destinataire.FRANCE_TRAVAIL,
            PerimetrePartage.PARCOURS_ET_COMPETENCES,
            True,
            date(2026, 6, 1),
        ),
    )
    decision = decider_partage(d, brouillon_tous_themes(TypeBrouillon.SYNTHESE), "france_travail")
    assert decision.perimetre is PerimetrePartage.PARCOURS_ET_COMPETENCES


@pytest.mark.parametrize("statut", ["brouillon", "relu"])
def test_an_unvalidated_draft_is_refused(statut: str) -> None:
    autres: dict[str, object] = {"statut": statut, "valide_par": None, "valide_le": None}
    if statut == "relu":
        autres |= {"relu_par": "cip-07", "relu_le": VALIDE_LE}
    b = brouillon(
        TypeBrouillon.SYNTHESE,
        [
            SectionBrouillon(
                cle="parcours", titre="Parcours", phrases=[phrase("Il a été cariste.", "parcours")]
            )
        ],
        **autres,
    )
    for destinataire in DESTINATAIRES:
        decision = decider_partage(dossier(), b, destinataire)
        assert not decision.autorise
        assert decision.motif_refus == "non_valide"
        assert "seul un document validé par le conseiller peut être exporté" in decision.raison
        assert decision.sections == []


def test_a_blocking_sentence_left_in_a_validated_draft_is_refused() -> None:
    b = brouillon_tous_themes(TypeBrouillon.SYNTHESE)
    # A flag added after validation (the model checks only on assignment).
    b.sections[0].phrases[0].signalements.append(
        Signalement(type="fait_non_source", message="Fait introuvable dans le dossier.")
    )
    for destinataire in DESTINATAIRES:
        decision = decider_partage(dossier(), b, destinataire)
        assert decision.motif_refus == "phrases_signalees"
        assert decision.raison.startswith("1 phrase(s) signalée(s)")


def test_a_non_blocking_flag_does_not_stop_the_export() -> None:
    b = brouillon(
        TypeBrouillon.SYNTHESE,
        [
            SectionBrouillon(
                cle="parcours",
                titre="Parcours",
                phrases=[
                    phrase(
                        "Il a été cariste.",
                        "parcours",
                        signalements=[
                            Signalement(type="sans_source", message="À vérifier.", bloquant=False)
                        ],
                    )
                ],
            )
        ],
    )
    assert decider_partage(dossier(), b, "spip").autorise


def test_excluded_items_are_removed_for_others_and_kept_for_the_person() -> None:
    phrases = [
        phrase("Il a une dette auprès du Trésor public.", "freins"),
        phrase("Il souhaite renouer des relations avec sa famille.", "contexte"),
        phrase("Sa famille le soutient dans son projet.", "contexte"),
        phrase("Un hébergement chez sa sœur est envisagé.", "freins"),
        phrase("Il a obtenu le CACES R489 en détention.", "parcours"),
    ]
    b = brouillon(
        TypeBrouillon.SYNTHESE,
        [SectionBrouillon(cle="synthese", titre="Synthèse", phrases=phrases)],
    )
    d = dossier(
        consentement(Destinataire.ASSOCIATION, PerimetrePartage.SYNTHESE_COMPLETE, True),
        exclus=["Ses dettes", "Relations avec sa famille (fictif)", "HEBERGEMENT chez sa soeur"],
    )
    decision = decider_partage(d, b, "association")
    assert decision.autorise
    gardees = [p.texte for s in decision.sections for p in s.phrases]
    assert gardees == [
        "Sa famille le soutient dans son projet.",
        "Il a obtenu le CACES R489 en détention.",
    ]
    assert {r.motif for r in decision.retraits} == {"élément que la personne garde pour elle"}
    assert len(decision.retraits) == 3
    assert "3 phrase(s) retirée(s)" in decision.raison
    pour_elle = decider_partage(d, b, PERSONNE)
    assert [p.texte for s in pour_elle.sections for p in s.phrases] == [p.texte for p in phrases]


def test_nothing_left_after_filtering_is_refused() -> None:
    cv = brouillon(
        TypeBrouillon.CV,
        [
            SectionBrouillon(
                cle="experiences",
                titre="Expériences",
                phrases=[phrase("Cariste, 2019-2022.", "parcours")],
            )
        ],
    )
    d = dossier(
        consentement(Destinataire.EMPLOYEUR, PerimetrePartage.PLAN_ACTION_UNIQUEMENT, True),
        consentement(Destinataire.SIAE, PerimetrePartage.SYNTHESE_COMPLETE, True),
        exclus=["cariste"],
    )
    for destinataire in ("employeur", "siae"):
        decision = decider_partage(d, cv, destinataire)
        assert decision.motif_refus == "rien_a_transmettre"
        assert decision.raison.startswith("Rien de ce document n'entre")
        assert len(decision.retraits) == 1


def test_free_text_draft_goes_only_where_nothing_needs_cutting() -> None:
    libre = Brouillon(
        type="synthese",
        contenu="Parcours dans la logistique.\n\nProjet : cariste.",
        statut="valide_conseiller",
        valide_par="cip-07",
        valide_le=VALIDE_LE,
    )
    d = dossier(
        consentement(Destinataire.SIAE, PerimetrePartage.SYNTHESE_COMPLETE, True),
        consentement(Destinataire.EMPLOYEUR, PerimetrePartage.PARCOURS_ET_COMPETENCES, True),
    )
    assert decider_partage(d, libre, PERSONNE).texte_libre == libre.contenu
    assert decider_partage(d, libre, "siae").texte_libre == libre.contenu
    for destinataire in ("employeur", "spip"):
        decision = decider_partage(d, libre, destinataire)
        assert decision.motif_refus == "texte_non_decoupe"
    d.etapes.synthese.elements_exclus_par_personne = ["logistique"]
    assert decider_partage(d, libre, "siae").motif_refus == "texte_non_decoupe"


def test_falc_summary_refusal_explains_who_it_is_for() -> None:
    falc = brouillon_tous_themes(TypeBrouillon.RESUME_FALC)
    d = dossier(consentement(Destinataire.SPIP, PerimetrePartage.SYNTHESE_COMPLETE, True))
    decision = decider_partage(d, falc, "spip")
    assert decision.raison == (
        "Le résumé facile à lire est écrit pour la personne : il ne va qu'à elle."
    )


def test_cv_to_the_establishment_is_not_planned() -> None:
    decision = decider_partage(
        dossier(), brouillon_tous_themes(TypeBrouillon.CV), "etablissement_penitentiaire"
    )
    assert decision.raison == (
        "Un document « CV » n'est pas prévu pour le destinataire « Établissement pénitentiaire »."
    )


@pytest.mark.parametrize(
    ("texte", "element", "attendu_"),
    [
        ("Il évoque ses DETTES.", "dette", True),
        ("Il évoque ses dettes.", "Dettes de loyer", False),
        ("Hébergement chez sa sœur.", "hebergement chez sa soeur", True),
        ("Il parle de l'œuvre.", "oeuvre", True),
        ("Suivi par la CAF.", "CAF", True),
        ("Suivi par la caféteria.", "CAF", False),
        ("Relations tendues avec sa famille.", "Relations avec sa famille (fictif)", True),
        ("Sa famille l'aide.", "Relations avec sa famille (fictif)", False),
        ("Rien de tel.", "", False),
    ],
)
def test_excluded_item_matching(texte: str, element: str, attendu_: bool) -> None:
    assert element_mentionne(texte, element) is attendu_


def test_normalisation() -> None:
    assert normaliser("  L’Œuvre, à CŒUR-joie ! ") == "l oeuvre a coeur joie"
