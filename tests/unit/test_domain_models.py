"""Domain models: round trips, the guide's limits, French errors, privacy guardrails."""

import json
from datetime import date

import pytest
from factories import dossier_complet, simulation_complete
from pydantic import ValidationError

from assistant.domain.dossier import MODELES_PRINCIPAUX, Brouillon, Dossier, Rencontre
from assistant.domain.enums import NonReponse, TypeRencontre
from assistant.domain.errors import messages_erreurs
from assistant.domain.simulation import SimulationEntretien
from assistant.domain.steps import ETAPES, EtapeBase, Frein

pytestmark = pytest.mark.unit


def _erreurs(modele: type, data: dict) -> str:
    with pytest.raises(ValidationError) as excinfo:
        modele.model_validate(data)
    return "\n".join(messages_erreurs(excinfo.value, modele))


def test_complete_dossier_round_trips_through_json() -> None:
    dossier = dossier_complet()
    text = dossier.model_dump_json()
    assert Dossier.model_validate_json(text) == dossier
    assert Dossier.model_validate(json.loads(text)) == dossier


@pytest.mark.parametrize("etape", ETAPES, ids=lambda e: e.cle)
def test_every_step_round_trips_filled_and_empty(etape: type[EtapeBase]) -> None:
    remplie = dossier_complet().etapes.par_numero(etape.numero)
    assert etape.model_validate_json(remplie.model_dump_json()) == remplie
    vide = etape()
    assert etape.model_validate_json(vide.model_dump_json()) == vide


def test_complete_dossier_fills_every_field_of_every_step() -> None:
    dossier = dossier_complet()
    for etape in ETAPES:
        record = dossier.etapes.par_numero(etape.numero)
        manquants = [c for c in etape.champs_questionnables() if record.etat_champ(c) != "rempli"]
        assert manquants == [], f"{etape.cle}: {manquants}"


def test_simulation_round_trips() -> None:
    simulation = simulation_complete()
    assert SimulationEntretien.model_validate_json(simulation.model_dump_json()) == simulation
    assert len(simulation.criteres) == 10


@pytest.mark.parametrize("nom", sorted(MODELES_PRINCIPAUX))
def test_json_schema_is_exported_with_french_titles(nom: str) -> None:
    schema = MODELES_PRINCIPAUX[nom].model_json_schema()
    assert schema["type"] == "object"
    titres = [p.get("title", "") for p in schema["properties"].values()]
    assert any(any(ch in t for ch in "éèàç'") for t in titres), titres


def _property_names(node: object) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                names |= set(value)
            names |= _property_names(value)
    elif isinstance(node, list):
        for item in node:
            names |= _property_names(item)
    return names


def test_no_field_for_offence_risk_score_or_medical_detail() -> None:
    interdits = {
        "infraction",
        "delit",
        "crime",
        "motif",
        "faits",
        "victime",
        "jugement",
        "peine",
        "risque",
        "dangerosite",
        "recidive",
        "score",
        "diagnostic",
        "traitement",
        "medicament",
        "produit",
        "pathologie",
        "ecrou",
        "nom",
        "prenom",
        "naissance",
        "adresse",
        "telephone",
    }
    champs = _property_names(Dossier.model_json_schema())
    # motif_fin (why a job ended) is the guide's own field and says nothing of an offence.
    suspects = sorted(c for c in champs - {"motif_fin"} if set(c.split("_")) & interdits)
    assert suspects == []


@pytest.mark.parametrize(
    ("modele", "data", "attendu"),
    [
        (Dossier, {"reference": "4471234", "type_etablissement": "maison_arret"}, "numéro d'écrou"),
        (Dossier, {"reference": "x", "type_etablissement": "maison_arret"}, "3 à 32 caractères"),
        (
            Dossier,
            {"reference": "MA-1", "type_etablissement": "prison"},
            "Type d'établissement : « prison » n'est pas une valeur possible",
        ),
        (Dossier, {"type_etablissement": "sas"}, "Référence pseudonyme : est obligatoire"),
        (
            ETAPES[6],
            {"projets": [{"libelle_personne": "maçon"}] * 4},
            "Projets (1 à 3) : contient trop d'éléments (4, 3 au plus)",
        ),
        (ETAPES[6], {"projets": []}, "doit contenir au moins 1 élément"),
        (
            ETAPES[6],
            {"projets": [{"libelle_personne": "maçon", "importance_0_10": 11}]},
            "Importance (0 à 10) : doit être inférieur ou égal à 10",
        ),
        (
            ETAPES[6],
            {"projets": [{"libelle_personne": "maçon", "confiance_0_10": -1}]},
            "Confiance (0 à 10) : doit être supérieur ou égal à 0",
        ),
        (
            ETAPES[6],
            {"projets": [{"libelle_personne": "maçon"}], "projet_prioritaire_index": 1},
            "Le projet prioritaire doit être l'un des projets notés",
        ),
        (
            ETAPES[8],
            {"actions": [{"libelle": "Appeler", "moment": "en_detention"}] * 7},
            "Actions (1 à 6) : contient trop d'éléments (7, 6 au plus)",
        ),
        (
            ETAPES[4],
            {"atouts_cles": ["a", "b", "c", "d"]},
            "Atouts clés (3 au plus) : contient trop d'éléments (4, 3 au plus)",
        ),
        (
            ETAPES[1],
            {"inquietude_principale": "x" * 201},
            "est trop long (201 caractères, 200 au plus)",
        ),
        (
            ETAPES[1],
            {"inquietude_principale": "mot " * 25_000},
            "est trop long (100000 caractères, 200 au plus)",
        ),
        (ETAPES[9], {"resume_personne": "é" * 1001}, "1000 au plus"),
        (ETAPES[1], {"date_sortie_previsible": "15/08/2026"}, "date au format AAAA-MM-JJ"),
        (
            ETAPES[1],
            {"restrictions_professionnelles_declarees": ["aucune", "contact_mineurs"]},
            "« aucune » ou « ne sait pas » ne peuvent pas être combinés",
        ),
        (
            ETAPES[3],
            {"experiences": [{"intitule_libre": "maçon", "type": "interim", "debut": "2015-13"}]},
            "Expériences n° 1 › Début (AAAA ou AAAA-MM) : n'a pas le format attendu",
        ),
        (
            ETAPES[3],
            {"experiences": [{"intitule_libre": "maçon", "type": "interim", "code_rome": "Z99"}]},
            "Fiche ROME (confirmée par le conseiller) : n'a pas le format attendu",
        ),
        (ETAPES[1], {"inquietude_principale": "bad \udcff byte"}, "caractères illisibles"),
        (ETAPES[2], {"rapport_apprentissage": b"\xff\xfe caf\xe9"}, "n'est pas en UTF-8"),
        (ETAPES[1], {"motif_incarceration": "vol"}, "n'est pas un champ connu"),
        (
            SimulationEntretien,
            {
                "poste_vise": "Cariste",
                "type_employeur": "interim",
                "criteres": [
                    {"critere": "savoir_etre", "note_1_4": 5, "observation": "o", "conseil": "c"}
                ],
            },
            "Note (1 à 4) : doit être inférieur ou égal à 4",
        ),
        (
            SimulationEntretien,
            {"poste_vise": "Cariste", "type_employeur": "interim", "axes_progres": ["a", "b", "c"]},
            "2 au plus",
        ),
    ],
)
def test_invalid_values_give_french_messages(modele: type, data: dict, attendu: str) -> None:
    assert attendu in _erreurs(modele, data)


@pytest.mark.parametrize(
    ("etape", "champ"),
    [(e, c) for e in ETAPES for c in e.champs_questionnables()],
    ids=lambda v: v if isinstance(v, str) else v.cle,
)
@pytest.mark.parametrize("absence", list(NonReponse))
def test_every_field_accepts_non_aborde_and_refus(
    etape: type[EtapeBase], champ: str, absence: NonReponse
) -> None:
    vide = etape().model_dump()
    valeur_vide = vide[champ]
    if valeur_vide not in (None, [], ""):
        vide[champ] = None  # a default such as the interview language yields to the refusal
    vide["reponses_absentes"] = {champ: absence.value}
    record = etape.model_validate(vide)
    assert record.etat_champ(champ) == absence.value


def test_a_field_cannot_be_filled_and_refused() -> None:
    erreurs = _erreurs(
        ETAPES[1],
        {
            "inquietude_principale": "Le logement",
            "reponses_absentes": {"inquietude_principale": "refus"},
        },
    )
    assert "à la fois renseigné et marqué" in erreurs


def test_refusal_of_an_unknown_field_is_rejected() -> None:
    assert "n'est pas une question de cette étape" in _erreurs(
        ETAPES[1], {"reponses_absentes": {"infraction": "refus"}}
    )


def test_health_and_addictions_keep_only_referral_and_theme() -> None:
    frein = Frein(
        categorie="sante", besoin_orientation=True, theme_orientation="sante--sante-mentale"
    )
    assert frein.besoin_orientation
    assert "jamais de commentaire" in _erreurs(
        Frein, {"categorie": "addictions", "commentaire": "alcool tous les jours"}
    )
    assert "ne s'emploie que pour les freins santé" in _erreurs(
        Frein, {"categorie": "logement", "theme_orientation": "sante--addictions"}
    )
    assert "n'est pas une valeur possible" in _erreurs(
        Frein, {"categorie": "sante", "theme_orientation": "diabete"}
    )


def test_assignment_is_validated_with_french_message() -> None:
    dossier = dossier_complet()
    with pytest.raises(ValidationError) as excinfo:
        dossier.etapes.situation.inquietude_principale = "z" * 100_000
    message = "\n".join(messages_erreurs(excinfo.value, type(dossier.etapes.situation)))
    assert "100000 caractères, 200 au plus" in message
    assert dossier.etapes.situation.inquietude_principale.startswith("Retrouver")


def test_pasted_text_is_normalised() -> None:
    situation = ETAPES[1].model_validate(
        {"inquietude_principale": "  e\u0301viter\x00 la rue \x07 "}
    )
    assert situation.inquietude_principale == "éviter la rue"


def test_follow_up_meeting_covers_steps_1_5_8_9() -> None:
    dossier = dossier_complet()
    suivi = dossier.nouvelle_rencontre(date(2026, 4, 6))
    assert suivi.numero == 2
    assert suivi.type is TypeRencontre.SUIVI
    assert suivi.etapes_prevues == [1, 5, 8, 9]
    assert dossier.rencontre_courante is suivi


def test_meetings_must_be_numbered_in_order() -> None:
    rencontre = Rencontre(numero=2, date=date(2026, 1, 5), etapes_prevues=[1])
    assert "numérotées 1, 2, 3" in _erreurs(
        Dossier,
        {"reference": "MA-1", "type_etablissement": "sas", "rencontres": [rencontre.model_dump()]},
    )


def test_validated_draft_must_say_who_and_when() -> None:
    assert "par qui et quand" in _erreurs(
        Brouillon, {"type": "cv", "contenu": "CV", "statut": "valide_conseiller"}
    )


def test_new_dossier_prefills_step_zero() -> None:
    dossier = Dossier.ouvrir("CD-2026-3", "centre_detention")
    dossier.nouvelle_rencontre(date(2026, 2, 1), conseiller_id="cip-01")
    cadre = dossier.etapes.cadre
    assert (cadre.personne_ref, cadre.type_etablissement.value) == ("CD-2026-3", "centre_detention")
    assert (cadre.date_entretien, cadre.conseiller_id) == (date(2026, 2, 1), "cip-01")
