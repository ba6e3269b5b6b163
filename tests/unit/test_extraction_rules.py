"""The rule extractor: one test group per recogniser, good and bad inputs, guardrails."""

import json
import time
from typing import Any

import pytest

from assistant.domain.dossier import Dossier
from assistant.guide.extraction.apply import appliquer
from assistant.guide.extraction.proposals import (
    ContexteExtraction,
    Extracteur,
    MetierTrouve,
    Proposition,
)
from assistant.guide.extraction.rules import RuleExtractor
from assistant.guide.extraction.text import lire_nombre, plier

pytestmark = pytest.mark.unit

EXTRACTEUR = RuleExtractor()


def extraire(texte: str, etape: int, *attendus: str, **kw: Any) -> list[Proposition]:
    contexte = ContexteExtraction(
        etape=etape, champs_attendus=attendus, annee_courante=2026, mois_courant=5, **kw
    )
    propositions = EXTRACTEUR.extraire(texte, contexte)
    for p in propositions:  # every proposal must be accepted by the step model
        appliquer(Dossier.ouvrir("MA-001", "maison_arret"), p)
    return propositions


def valeurs(propositions: list[Proposition], champ: str) -> list[Any]:
    return [p.valeur for p in propositions if p.champ == champ]


def tout_le_texte(propositions: list[Proposition]) -> str:
    return plier(
        " ".join(
            f"{p.libelle} {p.extrait} {json.dumps(p.valeur, ensure_ascii=False)}"
            for p in propositions
        )
    )


def test_the_rule_extractor_is_an_extracteur() -> None:
    extracteur: Extracteur = RuleExtractor()
    assert extracteur.extraire("", ContexteExtraction(etape=0)) == []


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "nombre"),
    [
        ("7", 7),
        ("sept", 7),
        ("vingt-trois", 23),
        ("soixante et onze", 71),
        ("quatre-vingt-dix", 90),
        ("dix-huit", 18),
        ("trois", 3),
        ("zero", 0),
        ("bonjour", None),
    ],
)
def test_french_numbers(texte: str, nombre: int | None) -> None:
    assert lire_nombre(texte) == nombre


# --- diplomas, certifications, licence ------------------------------------------------------------


def test_cap_with_year_and_level() -> None:
    propositions = extraire("j'ai un CAP maçon obtenu en 2012", 2)
    assert valeurs(propositions, "diplomes") == [
        {"intitule": "CAP maçon", "obtenu": True, "annee": 2012}
    ]
    assert valeurs(propositions, "niveau_certification") == ["niveau_3_cap_bep"]
    diplome = next(p for p in propositions if p.champ == "diplomes")
    assert diplome.libelle == "CAP maçon obtenu en 2012"
    assert diplome.mode == "ajouter"


@pytest.mark.parametrize(
    ("texte", "intitule", "niveau"),
    [
        ("il a eu son bac en 2015", "Bac", "niveau_4_bac"),
        ("un BTS MUC", "BTS MUC", "niveau_5_bac2"),
        ("DUT informatique", "DUT informatique", "niveau_5_bac2"),
        ("J'ai un BUT GEA", "BUT GEA", "niveau_6_licence"),
        ("une licence de droit", "Licence droit", "niveau_6_licence"),
        ("bep vente", "BEP vente", "niveau_3_cap_bep"),
        ("bac pro commerce", "Bac pro commerce", "niveau_4_bac"),
    ],
)
def test_diplomas_and_levels(texte: str, intitule: str, niveau: str) -> None:
    propositions = extraire(texte, 2)
    assert [d["intitule"] for d in valeurs(propositions, "diplomes")] == [intitule]
    assert valeurs(propositions, "niveau_certification") == [niveau]


def test_titre_professionnel_keeps_the_full_title() -> None:
    propositions = extraire("j'ai le titre pro agent de propreté et d'hygiène", 2)
    assert valeurs(propositions, "diplomes")[0]["intitule"] == (
        "Titre professionnel agent de propreté et d'hygiène"
    )


def test_failed_diploma_is_not_obtained_and_gives_no_level() -> None:
    propositions = extraire("bac pro commerce mais je l'ai pas eu", 2)
    assert valeurs(propositions, "diplomes") == [{"intitule": "Bac pro commerce", "obtenu": False}]
    assert valeurs(propositions, "niveau_certification") == []


def test_the_word_but_is_not_a_diploma() -> None:
    assert valeurs(extraire("mon but c'est de travailler", 2), "diplomes") == []


def test_foreign_diploma() -> None:
    propositions = extraire("le bac je l'ai eu au Maroc en 2009", 2)
    assert valeurs(propositions, "diplomes") == [
        {"intitule": "Bac", "obtenu": True, "annee": 2009, "pays": "MA"}
    ]
    assert valeurs(propositions, "niveau_certification") == ["diplome_etranger"]


@pytest.mark.parametrize(
    "texte",
    ["pas de diplôme", "j'ai arrêté en 3e", "aucun diplome", "il a lâché l'école en quatrième"],
)
def test_no_diploma(texte: str) -> None:
    assert valeurs(extraire(texte, 2), "niveau_certification") == ["sans_diplome"]


def test_school_leaving_year() -> None:
    assert valeurs(extraire("j'ai quitté le collège en 2008", 2), "annee_sortie_scolaire") == [2008]


def test_caces_categories_are_separate_items() -> None:
    propositions = extraire("elle dit qu'elle a son CACES 1, 3 et 5", 2)
    assert valeurs(propositions, "certifications_habilitations") == [
        "CACES catégorie 1",
        "CACES catégorie 3",
        "CACES catégorie 5",
    ]
    assert all(p.mode == "ajouter" for p in propositions)


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("CACES R489 cat 3", ["CACES R489 catégorie 3"]),
        ("le caces nacelle", ["CACES R486"]),
        ("SST et HACCP", ["SST", "HACCP"]),
        ("le Cléa", ["Cléa"]),
        ("habilitation électrique B0 H0V", ["Habilitation électrique B0 H0V"]),
        ("sauveteur secouriste du travail", ["SST"]),
    ],
)
def test_certifications(texte: str, attendu: list[str]) -> None:
    assert valeurs(extraire(texte, 2), "certifications_habilitations") == attendu


@pytest.mark.parametrize(
    "texte", ["je voudrais passer le CACES", "j'ai pas le caces", "pas de SST"]
)
def test_wished_or_denied_certifications_are_not_proposed(texte: str) -> None:
    assert valeurs(extraire(texte, 2), "certifications_habilitations") == []


@pytest.mark.parametrize(
    ("texte", "valeur"),
    [
        ("permis B suspendu", "b_suspendu_ou_annule"),
        ("mon permis a été annulé", "b_suspendu_ou_annule"),
        ("j'ai le permis B", "b_valide"),
        ("pas le permis", "aucun"),
        ("jamais eu le permis", "aucun"),
        ("je passe le code, je suis inscrit à l'auto-école", "en_preparation"),
        ("il a le permis C", "autres_categories"),
    ],
)
def test_driving_licence(texte: str, valeur: str) -> None:
    assert valeurs(extraire(texte, 5), "permis_conduire") == [valeur]


def test_suspended_licence_is_also_a_declared_restriction_in_step_1() -> None:
    propositions = extraire("mon permis est suspendu", 1)
    assert valeurs(propositions, "restrictions_professionnelles_declarees") == [
        "permis_suspendu_annule"
    ]


# --- experiences and projects ---------------------------------------------------------------------


def test_interim_experience_with_duration() -> None:
    propositions = extraire("il a bossé 3 ans en intérim comme cariste", 3, "experiences")
    assert valeurs(propositions, "experiences") == [
        {
            "intitule_libre": "cariste",
            "type": "interim",
            "type_contrat": "interim",
            "duree_mois": 36,
        }
    ]


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            "j'étais au black comme plaquiste de 2015 à 2019",
            {
                "intitule_libre": "plaquiste",
                "type": "travail_non_declare",
                "type_contrat": "sans_contrat",
                "debut": "2015",
                "duree_mois": 48,
            },
        ),
        (
            "je travaille aux ateliers depuis 2024",
            {
                "intitule_libre": "ateliers",
                "type": "travail_en_detention",
                "debut": "2024",
                "duree_mois": 24,
            },
        ),
        (
            "j'ai fait de la manutention pendant deux ans",
            {"intitule_libre": "manutention", "type": "emploi_salarie", "duree_mois": 24},
        ),
        (
            "j'ai fait du bénévolat comme livreur",
            {"intitule_libre": "livreur", "type": "benevolat"},
        ),
        (
            "elle a été aide à domicile pendant un an et demi",
            {"intitule_libre": "aide à domicile", "type": "emploi_salarie", "duree_mois": 18},
        ),
        (
            "5 ans ouvrier du bâtiment chez Bouygues",
            {"intitule_libre": "ouvrier du bâtiment", "type": "emploi_salarie", "duree_mois": 60},
        ),
        # « il a été » is a past job, with or without a duration (found by hand in the app).
        (
            "Il a été cariste chez un grossiste de 2016 à 2019",
            {
                "intitule_libre": "cariste",
                "type": "emploi_salarie",
                "debut": "2016",
                "duree_mois": 36,
            },
        ),
        ("jai été plombier", {"intitule_libre": "plombier", "type": "emploi_salarie"}),
        (
            "J ai été maçon de 2010 à 2015",
            {
                "intitule_libre": "maçon",
                "type": "emploi_salarie",
                "debut": "2010",
                "duree_mois": 60,
            },
        ),
    ],
)
def test_experiences(texte: str, attendu: dict[str, Any]) -> None:
    assert valeurs(extraire(texte, 3), "experiences") == [attendu]


@pytest.mark.parametrize(
    "texte",
    [
        "j'étais content de partir",
        "j'étais mineur à l'époque",
        "j'étais en prison",
        "il a été condamné en 2020",
        "il a été libéré une fois",
        "il est motivé",
    ],
)
def test_non_jobs_are_not_experiences(texte: str) -> None:
    assert valeurs(extraire(texte, 3), "experiences") == []


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            "puis il refaisait les toits avec son oncle",
            [{"intitule_libre": "couvreur", "type": "aide_familiale"}],
        ),
        (
            "je livrais des pizzas pendant 1 an",
            [{"intitule_libre": "livreur", "type": "emploi_salarie", "duree_mois": 12}],
        ),
        (
            "avant il faisait les déménagements",
            [{"intitule_libre": "déménageur", "type": "emploi_salarie"}],
        ),
        (
            "il conduisait des camions au black",
            [
                {
                    "intitule_libre": "chauffeur poids lourd",
                    "type": "travail_non_declare",
                    "type_contrat": "sans_contrat",
                }
            ],
        ),
        ("je posais du placo", [{"intitule_libre": "plaquiste", "type": "emploi_salarie"}]),
        (
            "il a coulé des dalles pour des voisins",
            [{"intitule_libre": "maçon", "type": "emploi_salarie"}],
        ),
        (
            "il a été livreur, il livrait des colis",
            [{"intitule_libre": "livreur", "type": "emploi_salarie"}],
        ),
        # What was repaired says which mechanic.
        (
            "il réparait des scooters",
            [{"intitule_libre": "mécanicien moto", "type": "emploi_salarie"}],
        ),
        (
            "il a réparé des voitures",
            [{"intitule_libre": "mécanicien automobile", "type": "emploi_salarie"}],
        ),
        # Bar, security, sewing, shoe repair, forestry, dish and loading work told by its tasks.
        (
            "pendant 2 ans il tirait les bières dans un bar",
            [{"intitule_libre": "barman", "type": "emploi_salarie", "duree_mois": 24}],
        ),
        (
            "il faisait des rondes la nuit dans un entrepôt",
            [{"intitule_libre": "agent de sécurité", "type": "emploi_salarie"}],
        ),
        (
            "il fouillait les sacs à l'entrée des concerts",
            [{"intitule_libre": "agent de sécurité", "type": "emploi_salarie"}],
        ),
        (
            "elle cousait des vêtements dans un atelier de confection",
            [{"intitule_libre": "couturier", "type": "emploi_salarie"}],
        ),
        (
            "il ressemelait des chaussures",
            [{"intitule_libre": "cordonnier", "type": "emploi_salarie"}],
        ),
        (
            "il a abattu des arbres en forêt pendant un an",
            [{"intitule_libre": "bûcheron", "type": "emploi_salarie", "duree_mois": 12}],
        ),
        (
            "il lavait la vaisselle au black",
            [
                {
                    "intitule_libre": "plongeur",
                    "type": "travail_non_declare",
                    "type_contrat": "sans_contrat",
                }
            ],
        ),
        (
            "j'ai chargé des camions",
            [{"intitule_libre": "manutentionnaire", "type": "emploi_salarie"}],
        ),
        # The job named and its tasks are one experience, whatever the gender of the words.
        (
            "elle était couturière, elle cousait des robes",
            [{"intitule_libre": "couturière", "type": "emploi_salarie"}],
        ),
        (
            "il était barman, il tirait les bières",
            [{"intitule_libre": "barman", "type": "emploi_salarie"}],
        ),
        ("il faisait la vaisselle chez lui", []),
        ("il voudrait couper des arbres", []),
        ("il ne faisait pas de rondes", []),
        # The employer's trade is the work done there, told as said; not a person
        # (« un particulier »), not a plan, not a denial.
        (
            "pendant 3 ans il a travaillé chez un cordonnier, ressemelage et double de clés",
            [{"intitule_libre": "chez un cordonnier", "type": "emploi_salarie", "duree_mois": 36}],
        ),
        (
            "elle a travaillé chez une fleuriste deux ans",
            [{"intitule_libre": "chez une fleuriste", "type": "emploi_salarie", "duree_mois": 24}],
        ),
        (
            "j'ai fait mon apprentissage chez un boulanger",
            [
                {
                    "intitule_libre": "chez un boulanger",
                    "type": "emploi_salarie",
                    "type_contrat": "apprentissage",
                }
            ],
        ),
        (
            "il a travaillé chez un boulanger comme vendeur",
            [{"intitule_libre": "vendeur", "type": "emploi_salarie"}],
        ),
        (
            "il a été cordonnier, il a travaillé chez un cordonnier 3 ans",
            [{"intitule_libre": "cordonnier", "type": "emploi_salarie", "duree_mois": 36}],
        ),
        ("il a travaillé chez un particulier", []),
        ("il bossait chez un ami", []),
        ("elle a travaillé chez une agente immobilière", []),
        ("il cherche un stage chez un garagiste", []),
        ("il voudrait travailler chez un garagiste", []),
        ("il n'a jamais travaillé chez un garagiste", []),
        ("il ne travaillait pas chez un plombier, il faisait le ménage", []),
        # A wish, a negation, a task that names no trade: no past job.
        ("je voudrais conduire des camions", []),
        ("il ne conduisait pas de camion", []),
        ("il conduisait la voiture de sa mère", []),
        ("il faisait le ménage chez lui", []),
    ],
)
def test_past_jobs_told_by_their_tasks(texte: str, attendu: list[dict[str, Any]]) -> None:
    assert valeurs(extraire(texte, 3), "experiences") == attendu


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            "il a bossé en boulangerie 2 ans",
            [{"intitule_libre": "boulangerie", "type": "emploi_salarie", "duree_mois": 24}],
        ),
        (
            "il travaillait à la caisse chez Lidl",
            [{"intitule_libre": "caisse", "type": "emploi_salarie"}],
        ),
        (
            "je travaillais dans la coiffure",
            [{"intitule_libre": "coiffure", "type": "emploi_salarie"}],
        ),
        (
            "il a travaillé en intérim dans le bâtiment",
            [{"intitule_libre": "bâtiment", "type": "interim", "type_contrat": "interim"}],
        ),
        # Jobs said one after the other, or the job that says which work of a trade it was.
        (
            "il a été maçon et plaquiste",
            [
                {"intitule_libre": "maçon", "type": "emploi_salarie"},
                {"intitule_libre": "plaquiste", "type": "emploi_salarie"},
            ],
        ),
        (
            "j'ai fait serveur, barman et plongeur",
            [
                {"intitule_libre": "serveur", "type": "emploi_salarie"},
                {"intitule_libre": "barman", "type": "emploi_salarie"},
                {"intitule_libre": "plongeur", "type": "emploi_salarie"},
            ],
        ),
        (
            "j'ai bossé dans le bâtiment, maçon surtout",
            [{"intitule_libre": "maçon", "type": "emploi_salarie"}],
        ),
        (
            "il a été vendeur et il a aimé ça",
            [{"intitule_libre": "vendeur", "type": "emploi_salarie"}],
        ),
        ("il a fait ses études à Lyon", []),
        (
            "avant j'étais dans la restauration, en cuisine surtout",
            [{"intitule_libre": "cuisine", "type": "emploi_salarie"}],
        ),
        (
            "il bossait sur les chantiers avec son cousin, du placo et de la peinture",
            [
                {"intitule_libre": "placo", "type": "aide_familiale"},
                {"intitule_libre": "peinture", "type": "aide_familiale"},
            ],
        ),
        (
            "elle faisait des ménages chez des particuliers, non déclarée",
            [
                {
                    "intitule_libre": "ménages",
                    "type": "travail_non_declare",
                    "type_contrat": "sans_contrat",
                }
            ],
        ),
        (
            "il vendait sur les marchés",
            [{"intitule_libre": "vendeur sur les marchés", "type": "emploi_salarie"}],
        ),
        (
            "il a fait les marchés avec son père",
            [{"intitule_libre": "vendeur sur les marchés", "type": "aide_familiale"}],
        ),
        ("il était en détention à Fresnes", []),
        (
            "j'ai fait de la plonge et du service en saison",
            [{"intitule_libre": "plonge", "type": "emploi_salarie"}],
        ),
        # An adverb between the auxiliary and the participle (found by hand in the app).
        (
            "Il a aussi fait de la mécanique auto dans un garage",
            [{"intitule_libre": "mécanique auto", "type": "emploi_salarie"}],
        ),
        ("il a aussi été cariste", [{"intitule_libre": "cariste", "type": "emploi_salarie"}]),
        ("j'ai déjà fait serveur", [{"intitule_libre": "serveur", "type": "emploi_salarie"}]),
        # In the order the person told them, whichever rule found each.
        (
            "il a fait de la mécanique auto, et il a été maçon au black",
            [
                {"intitule_libre": "mécanique auto", "type": "emploi_salarie"},
                {
                    "intitule_libre": "maçon",
                    "type": "travail_non_declare",
                    "type_contrat": "sans_contrat",
                },
            ],
        ),
        # How or when, not where: no activity.
        ("il bossait au black", []),
        ("il a travaillé en 2019", []),
        ("il faisait de la musique", []),
    ],
)
def test_past_work_told_by_its_activity(texte: str, attendu: list[dict[str, Any]]) -> None:
    assert valeurs(extraire(texte, 3), "experiences") == attendu


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            "avant il livrait des pizzas au black et il a refait des toitures avec son beau-frère",
            [
                {
                    "intitule_libre": "livreur",
                    "type": "travail_non_declare",
                    "type_contrat": "sans_contrat",
                },
                {"intitule_libre": "couvreur", "type": "aide_familiale"},
            ],
        ),
        (
            "il a fait de l'intérim comme manutentionnaire pendant 2 ans et il a été plongeur"
            " au black",
            [
                {
                    "intitule_libre": "manutentionnaire",
                    "type": "interim",
                    "type_contrat": "interim",
                    "duree_mois": 24,
                },
                {
                    "intitule_libre": "plongeur",
                    "type": "travail_non_declare",
                    "type_contrat": "sans_contrat",
                },
            ],
        ),
        # What follows the first job, up to the clause of the second, still speaks of the first.
        (
            "il a été plongeur, il a fait ça 3 ans, et il a été maçon en CDI",
            [
                {"intitule_libre": "plongeur", "type": "emploi_salarie", "duree_mois": 36},
                {"intitule_libre": "maçon", "type": "emploi_salarie", "type_contrat": "cdi"},
            ],
        ),
    ],
)
def test_two_jobs_in_one_sentence_keep_their_own_contract_and_duration(
    texte: str, attendu: list[dict[str, Any]]
) -> None:
    assert valeurs(extraire(texte, 3), "experiences") == attendu


def _metiers(texte: str) -> list[MetierTrouve]:
    table = {
        "cariste": MetierTrouve("N1101", "Cariste", 1.6),
        "soudeur": MetierTrouve("H2913", "Soudeur / Soudeuse", 1.5),
    }
    return [table[texte]] if texte in table else [MetierTrouve("L1202", "Musicien", 0.5)]


def test_job_search_adds_the_rome_code_and_keeps_the_persons_words() -> None:
    propositions = extraire("j'ai travaillé comme cariste", 3, metiers=_metiers)
    experience = valeurs(propositions, "experiences")[0]
    assert experience["intitule_libre"] == "cariste"
    assert experience["code_rome"] == "N1101"
    libelle = next(p.libelle for p in propositions if p.champ == "experiences")
    assert "cariste" in libelle and "N1101" in libelle


def test_experiences_are_listed_as_told_not_by_how_sure_their_sheet_is() -> None:
    propositions = extraire("il a été jongleur puis il a été cariste", 3, metiers=_metiers)
    titres = [p.valeur["intitule_libre"] for p in propositions if p.champ == "experiences"]
    assert titres == ["jongleur", "cariste"]


def test_a_weak_job_search_hit_is_not_proposed() -> None:
    propositions = extraire("j'ai travaillé comme jongleur", 3, metiers=_metiers)
    assert "code_rome" not in valeurs(propositions, "experiences")[0]


def test_a_whole_trade_gets_no_sheet_but_a_question() -> None:
    def partout(texte: str) -> list[MetierTrouve]:
        return [MetierTrouve("F1606", "Peintre en bâtiment", 2.0)]

    propositions = extraire("il travaillait dans le bâtiment", 3, metiers=partout)
    assert valeurs(propositions, "experiences") == [
        {"intitule_libre": "bâtiment", "type": "emploi_salarie"}
    ]
    libelle = next(p.libelle for p in propositions if p.champ == "experiences")
    assert libelle == "Expérience : bâtiment → secteur : quel métier ?"
    # An activity of the trade is a job's: its sheet is proposed.
    propositions = extraire("il a fait de la peinture", 3, metiers=partout)
    assert valeurs(propositions, "experiences")[0]["code_rome"] == "F1606"


def test_a_failing_job_search_only_loses_the_code() -> None:
    def panne(texte: str) -> list[MetierTrouve]:
        raise RuntimeError("index absent")

    propositions = extraire("j'ai travaillé comme cariste", 3, metiers=panne)
    assert valeurs(propositions, "experiences") == [
        {"intitule_libre": "cariste", "type": "emploi_salarie"}
    ]


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("je voudrais devenir soudeur", {"libelle_personne": "soudeur"}),
        (
            "mon projet c'est de devenir chauffeur poids lourd",
            {"libelle_personne": "chauffeur poids lourd"},
        ),
        (
            "je voudrais faire une formation de cariste",
            {"libelle_personne": "cariste", "type": "formation_qualifiante"},
        ),
        (
            "elle voudrait créer sa boîte de nettoyage",
            {"libelle_personne": "créer sa boîte de nettoyage", "type": "creation_activite"},
        ),
    ],
)
def test_projects(texte: str, attendu: dict[str, Any]) -> None:
    assert valeurs(extraire(texte, 6, "projets"), "projets") == [attendu]


def test_project_with_rome_code() -> None:
    propositions = extraire("je voudrais devenir soudeur", 6, metiers=_metiers)
    assert valeurs(propositions, "projets") == [
        {"libelle_personne": "soudeur", "code_rome": "H2913"}
    ]


@pytest.mark.parametrize(
    ("texte", "libelle"),
    [
        ("il veut travailler dans les espaces verts", "Projet : espaces verts"),
        ("je voudrais travailler dans le bâtiment", "Projet : bâtiment → secteur : quel métier ?"),
        ("j'aimerais bosser dans l'hôtellerie", "Projet : hôtellerie → secteur : quel métier ?"),
        # A second wish after « et » in the same sentence.
        ("je veux passer mon CACES et bosser en entrepôt", "Projet : entrepôt"),
    ],
)
def test_a_wished_trade_is_a_project(texte: str, libelle: str) -> None:
    propositions = extraire(texte, 6)
    assert [p.libelle for p in propositions if p.champ == "projets"] == [libelle]


def test_a_wish_that_is_not_a_job_is_not_a_project() -> None:
    assert valeurs(extraire("je veux être libre et tranquille", 6, "projets"), "projets") == []


# --- scales, yes/no, refusal, don't know ----------------------------------------------------------

SOUDEUR = {"projets": [{"libelle_personne": "soudeur"}]}


@pytest.mark.parametrize(
    ("texte", "note"),
    [("7", 7), ("7/10", 7), ("sept sur dix", 7), ("à peu près 8", 8), ("zéro", 0)],
)
def test_scale_completes_the_last_project(texte: str, note: int) -> None:
    propositions = extraire(texte, 6, "importance_0_10", deja_notes=SOUDEUR)
    assert len(propositions) == 1
    p = propositions[0]
    assert (p.champ, p.mode) == ("projets", "remplacer")
    assert p.valeur == [{"libelle_personne": "soudeur", "importance_0_10": note}]
    assert p.libelle == f"Importance du projet « soudeur » : {note}/10"


def test_scale_named_by_dotted_field_or_question_id() -> None:
    par_nom = extraire("6", 6, "projets.confiance_0_10", deja_notes=SOUDEUR)
    par_question = extraire("6", 6, question_id="projet.confiance", deja_notes=SOUDEUR)
    assert (
        par_nom[0].valeur
        == par_question[0].valeur
        == [{"libelle_personne": "soudeur", "confiance_0_10": 6}]
    )


def test_scale_without_a_project_proposes_nothing() -> None:
    assert extraire("7", 6, "importance_0_10") == []


def test_scale_out_of_range_is_ignored() -> None:
    assert extraire("15", 6, "importance_0_10", deja_notes=SOUDEUR) == []


@pytest.mark.parametrize(
    ("texte", "etape", "champ", "valeur"),
    [
        ("oui", 0, "accord_entretien", True),
        ("ouais d'accord pas de souci", 0, "accord_outil_numerique", True),
        ("non", 1, "reconnaissance_handicap", False),
        ("non jamais", 3, "inscrit_france_travail_avant", False),
        ("ouais carrément", 6, "souhait_travail_en_detention", True),
        ("pourquoi pas", 6, "disposition_formation", "plutot_oui"),
        ("bof pas trop", 6, "disposition_formation", "plutot_non"),
        ("non aucune", 1, "restrictions_professionnelles_declarees", "aucune"),
    ],
)
def test_yes_no_answers(texte: str, etape: int, champ: str, valeur: Any) -> None:
    assert valeurs(extraire(texte, etape, champ), champ) == [valeur]


def test_a_bare_yes_without_expected_field_says_nothing() -> None:
    assert extraire("oui", 1) == []


@pytest.mark.parametrize(
    "texte",
    [
        "je préfère ne pas en parler",
        "je veux pas répondre",
        "joker",
        "ça vous regarde pas",
        "il préfère ne pas en parler",
        "je préfère garder ça pour moi",
    ],
)
def test_refusal_marks_the_expected_fields(texte: str) -> None:
    propositions = extraire(texte, 5, "freins", "hebergement_sortie")
    assert [(p.champ, p.mode, p.valeur) for p in propositions] == [
        ("freins", "refus", None),
        ("hebergement_sortie", "refus", None),
    ]


def test_refusal_of_the_legal_status_is_its_own_value() -> None:
    propositions = extraire("je veux pas parler de mon affaire", 1, "statut_penal")
    assert [(p.champ, p.valeur) for p in propositions] == [("statut_penal", "ne_souhaite_pas_dire")]
    assert "affaire" not in tout_le_texte(propositions)


def test_refusal_reads_nothing_else() -> None:
    propositions = extraire("je préfère ne pas en parler, j'ai un CAP", 2, "diplomes")
    assert [p.mode for p in propositions] == ["refus"]


def test_i_prefer_not_followed_by_a_reason_is_a_no() -> None:
    propositions = extraire(
        "non je préfère pas qu'on utilise l'ordinateur", 0, "accord_outil_numerique"
    )
    assert [(p.mode, p.valeur) for p in propositions] == [("remplacer", False)]


@pytest.mark.parametrize(
    ("champ", "etape", "valeur"),
    [
        ("amenagement_envisage", 1, "ne_sait_pas"),
        ("hebergement_sortie", 5, "ne_sait_pas"),
        ("horizon_sortie", 1, "inconnu"),
        ("disposition_formation", 6, "ne_sait_pas"),
    ],
)
def test_dont_know(champ: str, etape: int, valeur: str) -> None:
    assert valeurs(extraire("je sais pas", etape, champ), champ) == [valeur]


def test_dont_know_how_to_read_is_not_dont_know() -> None:
    propositions = extraire("je sais pas lire", 2, "maitrise_ecrit")
    assert valeurs(propositions, "maitrise_ecrit") == []
    assert valeurs(propositions, "freins") == [{"categorie": "langue_illettrisme"}]


# --- step 1 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "valeur"),
    [
        ("en attente de jugement", "prevenu"),
        ("je suis prévenu", "prevenu"),
        ("condamné", "condamne"),
        (
            "condamné pour une affaire et en attente de jugement pour une autre",
            "condamne_et_prevenu",
        ),
    ],
)
def test_legal_status(texte: str, valeur: str) -> None:
    assert valeurs(extraire(texte, 1), "statut_penal") == [valeur]


@pytest.mark.parametrize(
    "texte",
    [
        "j'ai été condamné pour vol",
        "il a pris 8 ans pour braquage",
        "j'ai volé une voiture",
        "condamné pour vol avec violence, la victime a porté plainte",
    ],
)
def test_the_offence_is_never_extracted(texte: str) -> None:
    propositions = extraire(texte, 1, "statut_penal", "inquietude_principale")
    assert {p.champ for p in propositions} <= {"statut_penal"}
    assert valeurs(propositions, "statut_penal") in ([], ["condamne"])
    contenu = tout_le_texte(propositions)
    for mot in ("vol", "braquage", "victime", "plainte", "violence", "voiture"):
        assert mot not in contenu


def test_condamne_pour_vol_gives_the_status_and_no_text_with_vol() -> None:
    propositions = extraire("j'ai été condamné pour vol", 1)
    assert [(p.champ, p.valeur) for p in propositions] == [("statut_penal", "condamne")]
    assert all("vol" not in plier(f"{p.libelle} {p.extrait} {p.valeur}") for p in propositions)


@pytest.mark.parametrize(
    ("texte", "valeur"),
    [
        ("je sors dans 2 mois", "moins_3_mois"),
        ("sortie en mars", "de_6_a_12_mois"),
        ("fin de peine 2028", "plus_24_mois"),
        ("il me reste 18 mois", "de_12_a_24_mois"),
        ("je suis libérable dans quelques semaines", "moins_3_mois"),
        ("pas encore de date, je sais pas quand je sors", "inconnu"),
    ],
)
def test_release_horizon(texte: str, valeur: str) -> None:
    assert valeurs(extraire(texte, 1), "horizon_sortie") == [valeur]


def test_a_bare_duration_is_a_horizon_only_when_asked() -> None:
    assert valeurs(extraire("4 mois", 1, "horizon_sortie"), "horizon_sortie") == ["de_3_a_6_mois"]
    assert valeurs(extraire("4 mois", 1), "horizon_sortie") == []


def test_full_release_date() -> None:
    propositions = extraire("ma date de sortie c'est le 15 septembre 2026", 1)
    assert valeurs(propositions, "date_sortie_previsible") == ["2026-09-15"]
    assert valeurs(propositions, "horizon_sortie") == ["de_3_a_6_mois"]


@pytest.mark.parametrize(
    ("texte", "valeur"),
    [
        ("le bracelet peut-être", "ddse"),
        ("une semi-liberté", "semi_liberte"),
        ("placement extérieur", "placement_exterieur"),
        ("je vais demander une LC", "liberation_conditionnelle"),
        ("libération sous contrainte", "liberation_sous_contrainte"),
    ],
)
def test_sentence_adjustment(texte: str, valeur: str) -> None:
    assert valeurs(extraire(texte, 1), "amenagement_envisage") == [valeur]


@pytest.mark.parametrize(
    ("texte", "valeur"),
    [
        ("j'ai 23 ans", "moins_26_ans"),
        ("il a 45 ans", "26_ans_et_plus"),
        ("né en 1985", "26_ans_et_plus"),
    ],
)
def test_age_band_never_stores_the_age(texte: str, valeur: str) -> None:
    propositions = extraire(texte, 1)
    assert valeurs(propositions, "tranche_age") == [valeur]
    chiffres = "".join(c for c in texte if c.isdigit())
    assert chiffres not in tout_le_texte(propositions)


def test_years_of_experience_are_not_an_age() -> None:
    assert valeurs(extraire("j'ai 30 ans d'expérience", 1), "tranche_age") == []


@pytest.mark.parametrize(
    ("texte", "departement", "region"),
    [
        ("je vais retourner chez ma mère à Lyon", "69", "84"),
        ("dans le 93", "93", "11"),
        ("il veut rentrer sur Marseille", "13", "93"),
        ("je rentre en Corse, à Ajaccio", "2A", "94"),
        ("je compte m'installer dans le Nord", "59", "32"),
    ],
)
def test_return_place(texte: str, departement: str, region: str) -> None:
    propositions = extraire(texte, 1, "region_sortie", "departement_sortie")
    assert valeurs(propositions, "departement_sortie") == [departement]
    assert valeurs(propositions, "region_sortie") == [region]


def test_region_name_gives_only_the_region() -> None:
    propositions = extraire("en Bretagne", 1, "region_sortie")
    assert valeurs(propositions, "region_sortie") == ["53"]
    assert valeurs(propositions, "departement_sortie") == []


def test_a_past_workplace_or_a_ban_is_not_a_return_place() -> None:
    assert valeurs(extraire("j'ai travaillé à Lille", 3), "region_sortie") == []
    assert valeurs(extraire("interdiction de paraître dans le 13", 1), "departement_sortie") == []


def test_declared_restrictions_and_what_to_keep() -> None:
    propositions = extraire(
        "j'ai peur de perdre mon appart et mon boulot", 1, "elements_exterieurs_a_preserver"
    )
    assert valeurs(propositions, "elements_exterieurs_a_preserver") == ["logement", "emploi"]
    propositions = extraire("interdiction de travailler avec des mineurs", 1)
    assert valeurs(propositions, "restrictions_professionnelles_declarees") == ["contact_mineurs"]


def test_rqth_and_spip() -> None:
    assert valeurs(extraire("j'ai la RQTH", 1), "reconnaissance_handicap") == [True]
    assert valeurs(extraire("ouais j'ai vu ma CPIP", 1), "suivi_spip_connu") == [True]


# --- step 5 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "categorie", "niveau"),
    [
        ("pas de logement à la sortie, c'est un gros problème", "logement", "important"),
        ("des dettes", "finances_dettes", None),
        ("un peu de dettes mais c'est gérable", "finances_dettes", "leger"),
        ("j'ai plus de papiers", "droits_papiers", None),
        ("pas de voiture, c'est bloquant", "mobilite", "bloquant"),
        ("personne pour garder les enfants, c'est compliqué", "famille_garde_enfants", "important"),
        ("obligation de pointer au commissariat, contrôle judiciaire", "justice_obligations", None),
        ("j'ai pas d'ordi", "numerique", None),
        ("je sais pas bien lire", "langue_illettrisme", None),
        ("j'ai plus de vêtements", "equipement_alimentation", None),
        ("je connais personne dehors", "confiance_isolement", None),
    ],
)
def test_barriers(texte: str, categorie: str, niveau: str | None) -> None:
    freins = valeurs(extraire(texte, 5), "freins")
    attendu: dict[str, Any] = {"categorie": categorie}
    if niveau:
        attendu["niveau"] = niveau
    assert attendu in freins


@pytest.mark.parametrize(
    ("texte", "theme"),
    [
        ("je bois trop", "sante--addictions"),
        ("il fume du shit tous les jours", "sante--addictions"),
        ("j'ai des problèmes de santé, le dos surtout", "sante--acces-aux-soins"),
        ("elle a besoin de voir un psy", "sante--sante-mentale"),
    ],
)
def test_health_is_a_referral_and_a_theme_only(texte: str, theme: str) -> None:
    propositions = extraire(texte, 5)
    freins = [p for p in propositions if p.champ == "freins"]
    assert len(freins) == 1
    frein = freins[0]
    assert frein.valeur["besoin_orientation"] is True
    assert frein.valeur["theme_orientation"] == theme
    assert "commentaire" not in frein.valeur
    assert frein.extrait == ""
    for mot in ("bois", "shit", "dos", "psy"):
        assert mot not in plier(frein.libelle)


def test_health_words_never_reach_a_free_text_field() -> None:
    propositions = extraire(
        "j'ai peur de retomber dans l'alcool en sortant", 1, "inquietude_principale"
    )
    assert valeurs(propositions, "inquietude_principale") == []
    assert "alcool" not in tout_le_texte(propositions)


def test_negated_barrier_is_not_proposed() -> None:
    assert valeurs(extraire("pas de problème de santé", 5), "freins") == []
    assert valeurs(extraire("pas de dettes", 5), "freins") == []


@pytest.mark.parametrize(
    ("texte", "champ", "valeur"),
    [
        ("je vais chez ma soeur à la sortie", "hebergement_sortie", "famille_amis"),
        ("j'ai toujours mon appart", "hebergement_sortie", "logement_personnel"),
        ("un foyer, peut-être un CHRS à la sortie", "hebergement_sortie", "hebergement_associatif"),
        ("je suis à la rue en sortant", "hebergement_sortie", "sans_solution"),
        ("j'ai ma carte d'identité, elle est valide", "pieces_identite", "cni_ou_passeport_valide"),
        ("mon titre de séjour est périmé", "pieces_identite", "expire"),
        ("il a perdu sa carte d'identité", "pieces_identite", "absent_perdu"),
        ("je sais pas me servir d'un ordinateur", "autonomie_numerique", "aucune"),
        ("je suis à l'aise avec internet", "autonomie_numerique", "autonome"),
        ("j'ai deux enfants", "enfants_a_charge", 2),
        ("un fils et une fille", "enfants_a_charge", 2),
        ("pas d'enfant", "enfants_a_charge", 0),
    ],
)
def test_situation_at_release(texte: str, champ: str, valeur: Any) -> None:
    assert valeurs(extraire(texte, 5, champ), champ) == [valeur]


def test_social_rights_are_list_items() -> None:
    propositions = extraire("j'ai le RSA et la CSS, et l'AAH", 5)
    assert valeurs(propositions, "droits_sociaux") == ["rsa_avant", "aah", "complementaire_sante"]
    assert all(p.mode == "ajouter" for p in propositions)


# --- steps 2, 4, 6 --------------------------------------------------------------------------------


def test_soft_skills_and_conditions() -> None:
    propositions = extraire("je suis ponctuel et sérieux, j'aime travailler dehors en équipe", 4)
    assert valeurs(propositions, "savoir_etre") == ["Ponctualité", "Sérieux"]
    assert valeurs(propositions, "conditions_souhaitees") == ["exterieur", "equipe"]


def test_denied_soft_skill() -> None:
    assert valeurs(extraire("je suis pas très ponctuel", 4), "savoir_etre") == []


def test_soft_skills_only_in_step_4() -> None:
    assert valeurs(extraire("c'est un problème sérieux", 5), "savoir_etre") == []


def test_spoken_french_only_when_said() -> None:
    propositions = extraire("le français c'est ma langue maternelle, je parle aussi arabe", 2)
    assert valeurs(propositions, "maitrise_francais_oral") == ["langue_maternelle"]
    assert valeurs(propositions, "autres_langues") == ["Arabe"]
    assert valeurs(extraire("j'ai un CAP", 2), "maitrise_francais_oral") == []


def test_willingness_to_train() -> None:
    assert valeurs(
        extraire("oui je suis prêt à faire une formation", 6), "disposition_formation"
    ) == ["oui"]
    assert valeurs(extraire("pas de formation, je veux bosser", 6), "disposition_formation") == [
        "non"
    ]


def test_last_activity_before_prison() -> None:
    propositions = extraire(
        "avant d'être ici je cherchais du travail, j'étais inscrit à Pôle emploi", 3
    )
    assert valeurs(propositions, "derniere_activite_avant_incarceration") == ["recherche_emploi"]
    assert valeurs(propositions, "inscrit_france_travail_avant") == [True]


# --- free text ------------------------------------------------------------------------------------


def test_free_text_when_expected() -> None:
    propositions = extraire(
        "elle dit qu'elle a peur de pas retrouver de travail", 1, "inquietude_principale"
    )
    assert valeurs(propositions, "inquietude_principale") == [
        "Elle a peur de pas retrouver de travail"
    ]
    assert extraire("j'ai peur de pas retrouver de travail", 1) == []


def test_free_text_is_cut_to_the_field_limit() -> None:
    texte = "j'aime apprendre en faisant " * 30
    proposition = extraire(texte, 2, "rapport_apprentissage")[0]
    assert len(proposition.valeur) <= 300
    assert proposition.valeur.endswith("…")


def test_ce_qui_a_plu_completes_the_last_experience() -> None:
    notes = {"experiences": [{"intitule_libre": "serveur", "type": "emploi_salarie"}]}
    propositions = extraire("le contact avec les clients", 3, "ce_qui_a_plu", deja_notes=notes)
    assert propositions[0].valeur == [
        {
            "intitule_libre": "serveur",
            "type": "emploi_salarie",
            "ce_qui_a_plu": "Le contact avec les clients",
        }
    ]


# --- behaviour of the extractor -------------------------------------------------------------------


def test_expected_fields_come_first() -> None:
    propositions = extraire("j'ai deux enfants et des dettes", 5, "enfants_a_charge")
    assert propositions[0].champ == "enfants_a_charge"


def test_already_noted_values_are_not_proposed_again() -> None:
    propositions = extraire("je sors dans 2 mois", 1, deja_notes={"horizon_sortie": "moins_3_mois"})
    assert valeurs(propositions, "horizon_sortie") == []


def test_one_barrier_per_category() -> None:
    propositions = extraire("des dettes, des crédits, un huissier", 5)
    assert len(valeurs(propositions, "freins")) == 1


@pytest.mark.parametrize(
    "texte",
    [
        "",
        "   ",
        "😀👍🔥" * 100,
        "Мне нужна работа, я строитель",
        "أريد أن أعمل في البناء",
        "\x00\x01\x02\x1b[31m\ud800 texte cassé",
        "a" * 100_000,
        "1 2 3 4 5 6 7 8 9 10 " * 5000,
        "CAP " * 10_000,
        "((((([[[[{{{{" * 1000,
        "j'ai travaillé comme " * 2000,
    ],
)
def test_never_raises_and_stays_fast(texte: str) -> None:
    debut = time.perf_counter()
    for etape in range(10):
        extraire(texte, etape, "projets", "importance_0_10", deja_notes=SOUDEUR)
    assert time.perf_counter() - debut < 2.0


def test_latency_of_a_typical_utterance() -> None:
    contexte = ContexteExtraction(etape=2, annee_courante=2026)
    texte = (
        "j'ai un CAP maçon obtenu en 2012, puis 5 ans ouvrier du bâtiment chez Bouygues, "
        "permis B suspendu"
    )
    EXTRACTEUR.extraire(texte, contexte)
    debut = time.perf_counter()
    for _ in range(20):
        EXTRACTEUR.extraire(texte, contexte)
    assert (time.perf_counter() - debut) / 20 < 0.020


def test_a_broken_recogniser_does_not_break_the_others() -> None:
    def cassee(enonce: object) -> list[Proposition]:
        raise ValueError("bug")

    from assistant.guide.extraction import diplomas

    extracteur = RuleExtractor((cassee, diplomas.diplomes))
    propositions = extracteur.extraire("CAP cuisine", ContexteExtraction(etape=2))
    assert [p.champ for p in propositions] == ["diplomes", "niveau_certification"]


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("plutôt en parlant, j'ai du mal à lire", ["oral"]),
        ("la frise", ["frise"]),
        ("on parle et avec des images", ["oral", "photolangage"]),
        ("un peu des deux, la frise et les photos", ["frise", "photolangage"]),
        ("pas avec des images, en parlant", ["oral"]),
        ("je sais pas écrire, on discute", ["oral"]),
        ("par écrit", ["ecrit"]),
    ],
)
def test_preferred_supports_answer_the_support_question(texte: str, attendu: list[str]) -> None:
    propositions = extraire(texte, 0, "support_prefere", question_id="cadre.support")
    assert valeurs(propositions, "support_prefere") == attendu
    assert all(p.mode == "ajouter" for p in propositions if p.champ == "support_prefere")


def test_a_support_is_read_elsewhere_only_by_its_own_name() -> None:
    assert valeurs(extraire("on va parler de ma sortie", 0), "support_prefere") == []
    assert valeurs(extraire("il a du mal à lire", 2), "support_prefere") == []
    assert valeurs(extraire("on pourrait faire une frise", 2), "support_prefere") == ["frise"]


def test_a_support_label_reads_inside_a_sentence() -> None:
    (proposition,) = extraire("en parlant", 0, "support_prefere")
    assert proposition.libelle == "Supports préférés : à l'oral"


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            "j'ai été employé polyvalent chez Burger King pendant 1 an, puis opérateur de "
            "production en intérim",
            [("employé polyvalent", None), ("opérateur de production", "interim")],
        ),
        (
            "il a été cariste 2 ans puis chauffeur livreur",
            [("cariste", None), ("chauffeur livreur", None)],
        ),
        (
            "j'ai fait de la plonge puis ensuite serveur au black",
            [("plonge", None), ("serveur", "travail_non_declare")],
        ),
        (
            "cariste puis préparateur de commandes",
            [("cariste", None), ("préparateur de commandes", None)],
        ),
    ],
)
def test_a_job_said_alone_after_puis_goes_on_with_the_past_jobs(
    texte: str, attendu: list[tuple[str, str | None]]
) -> None:
    experiences = valeurs(extraire(texte, 3, "experiences"), "experiences")
    assert [e["intitule_libre"] for e in experiences] == [a for a, _ in attendu]
    for experience, (_, genre) in zip(experiences, attendu, strict=True):
        if genre:
            assert experience["type"] == genre


@pytest.mark.parametrize(
    "texte",
    [
        "il a été cariste, ensuite il veut devenir chauffeur",
        "il a été maçon puis rien pendant 2 ans",
        "il a été maçon puis ensuite la prison",
    ],
)
def test_what_follows_puis_is_a_job_only_when_it_names_one(texte: str) -> None:
    assert len(valeurs(extraire(texte, 3, "experiences"), "experiences")) == 1


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            "je voudrais devenir chauffeur poids lourd, ou sinon cariste, je peux passer le "
            "CACES ici ?",
            ["chauffeur poids lourd", "cariste"],
        ),
        ("je veux être cariste ou magasinier", ["cariste", "magasinier"]),
        (
            "je voudrais être plombier ou électricien, ou peut-être chauffagiste",
            ["plombier", "électricien", "chauffagiste"],
        ),
        ("je voudrais être maçon ou je sais pas", ["maçon"]),
        ("je veux être cariste et gagner ma vie", ["cariste"]),
        (
            "elle voudrait être auxiliaire de puériculture, sinon vendeuse en boulangerie",
            ["auxiliaire de puériculture", "vendeuse en boulangerie"],
        ),
        ("il voudrait être cuisinier, sinon il retournera en intérim", ["cuisinier"]),
    ],
)
def test_a_second_wish_after_ou_is_one_more_project(texte: str, attendu: list[str]) -> None:
    projets = valeurs(extraire(texte, 6, "projets"), "projets")
    assert [p["libelle_personne"] for p in projets] == attendu


@pytest.mark.parametrize(
    "texte",
    [
        "il fume beaucoup de cannabis, il voudrait de l'aide pour ça",
        "il voudrait du travail rapidement",
        "je voudrais des conseils pour mes dettes",
    ],
)
def test_wanting_help_or_work_is_a_need_not_a_project(texte: str) -> None:
    for etape in (5, 6):
        assert valeurs(extraire(texte, etape, "projets"), "projets") == [], (etape, texte)


def test_a_wish_with_a_job_starting_like_an_article_is_still_a_project() -> None:
    projets = valeurs(extraire("il voudrait dessinateur en bâtiment", 6, "projets"), "projets")
    assert [p["libelle_personne"] for p in projets] == ["dessinateur en bâtiment"]


def test_a_job_after_puis_and_another_clause_in_the_same_sentence_keep_their_own_words() -> None:
    """« et avant il… » starts a new clause: the building work is not the agency's (intérim)."""
    experiences = valeurs(
        extraire(
            "il a été employé polyvalent chez McDo 1 an, puis opérateur de production en "
            "intérim, et avant il bossait dans le bâtiment",
            3,
            "experiences",
        ),
        "experiences",
    )
    assert [(e["intitule_libre"], e["type"]) for e in experiences] == [
        ("employé polyvalent", "emploi_salarie"),
        ("opérateur de production", "interim"),
        ("bâtiment", "emploi_salarie"),
    ]
    plongeur = valeurs(
        extraire("il livrait des pizzas au black, et avant il a été plongeur", 3, "experiences"),
        "experiences",
    )
    assert [e["type"] for e in plongeur] == ["travail_non_declare", "emploi_salarie"]
    # The work in detention told last keeps its own kind; the agency work before it, its own.
    ici = valeurs(
        extraire(
            "il a été commis de cuisine 3 ans en CDI, puis plongeur en intérim, et ici il est "
            "auxi cuisine depuis 8 mois",
            3,
            "experiences",
        ),
        "experiences",
    )
    assert [(e["intitule_libre"], e["type"]) for e in ici] == [
        ("commis de cuisine", "emploi_salarie"),
        ("plongeur", "interim"),
        ("auxi cuisine", "travail_en_detention"),
    ]
