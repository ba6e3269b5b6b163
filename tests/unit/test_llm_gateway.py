"""The gateway with langchain_core's fake chat models and a test pseudonymiser."""

from typing import Any

import httpx
import pytest
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake_chat_models import (
    FakeListChatModel,
    GenericFakeChatModel,
)
from langchain_core.messages import AIMessage, BaseMessage

from assistant.config import LLMSettings
from assistant.llm.correspondances import Correspondances
from assistant.llm.errors import EnvoiRefuse, LLMIndisponible
from assistant.llm.gateway import CONSIGNE_JETONS, PasserelleLLM, ReponseLLM
from assistant.llm.pseudonymisation import PseudonymisationIndisponible

pytestmark = pytest.mark.unit
DISTANT = LLMSettings(provider="openai_compatible", base_url="https://llm.example.org/v1")
LOCAL = LLMSettings(provider="openai_compatible", base_url="http://127.0.0.1:8080/v1")
NOMS = {"Karim Benali": "PERSONNE", "Lille": "LIEU"}


class PseudonymiseurDeTest:
    """Replaces a fixed list of fictitious names, like the real one would."""

    def pseudonymiser(
        self, texte: str, correspondances: Correspondances
    ) -> tuple[str, Correspondances]:
        for valeur, categorie in NOMS.items():
            if valeur in texte:
                jeton, correspondances = correspondances.avec(categorie, valeur)
                texte = texte.replace(valeur, jeton)
        return texte, correspondances


class Enregistreur(BaseCallbackHandler):
    """Every message list a model received."""

    def __init__(self) -> None:
        self.recus: list[list[BaseMessage]] = []

    def on_chat_model_start(
        self, serialized: dict[str, Any], messages: list[list[BaseMessage]], **kwargs: Any
    ) -> None:
        self.recus += messages

    def texte(self) -> str:
        return "\n".join(str(m.content) for lot in self.recus for m in lot)


class Journal:
    def __init__(self) -> None:
        self.evenements: list[tuple[str, str | None, dict[str, object]]] = []

    def ajouter(self, evenement: str, *, dossier_id: str | None = None, **details: Any) -> None:
        self.evenements.append((evenement, dossier_id, details))


class DepotMemoire:
    def __init__(self) -> None:
        self.par_dossier: dict[str, Correspondances] = {}

    def charger(self, dossier_id: str) -> Correspondances:
        return self.par_dossier.get(dossier_id, Correspondances())

    def enregistrer(self, dossier_id: str, correspondances: Correspondances) -> None:
        self.par_dossier[dossier_id] = correspondances


def _passerelle(
    reponses: list[str], settings: LLMSettings = DISTANT, **options: Any
) -> tuple[PasserelleLLM, Enregistreur]:
    enregistreur = Enregistreur()
    modele = FakeListChatModel(responses=reponses, callbacks=[enregistreur])
    options.setdefault("pseudonymiseur", PseudonymiseurDeTest)
    return PasserelleLLM(settings, modele, **options), enregistreur


MESSAGES = [("system", "Vous rédigez une synthèse."), ("user", "Karim Benali vit à Lille.")]


def test_remote_endpoint_receives_placeholders_and_the_answer_is_restored() -> None:
    depot, journal = DepotMemoire(), Journal()
    passerelle, enregistreur = _passerelle(
        ["[PERSONNE_1] souhaite travailler près de [LIEU_1]."],
        correspondances_repo=depot,
        journal=journal,
    )
    reponse = passerelle.invoquer(MESSAGES, dossier_id="d1")
    assert reponse == ReponseLLM("Karim Benali souhaite travailler près de Lille.", [])
    envoye = enregistreur.texte()
    assert "Karim" not in envoye and "Lille" not in envoye
    assert "[PERSONNE_1] vit à [LIEU_1]." in envoye and CONSIGNE_JETONS in envoye
    assert [c.valeur for c in depot.charger("d1")] == ["Karim Benali", "Lille"]
    assert journal.evenements == [
        (
            "appel_llm",
            "d1",
            {"fournisseur": "openai_compatible", "local": False, "pseudonymise": True},
        )
    ]


def test_local_endpoint_receives_clear_text_unless_asked_otherwise() -> None:
    passerelle, enregistreur = _passerelle(["D'accord."], LOCAL)
    assert passerelle.local and not passerelle.pseudonymise
    assert passerelle.invoquer(MESSAGES, dossier_id="d1").texte == "D'accord."
    assert "Karim Benali vit à Lille." in enregistreur.texte()
    assert CONSIGNE_JETONS not in enregistreur.texte()

    toujours = LOCAL.model_copy(update={"toujours_pseudonymiser": True})
    passerelle, enregistreur = _passerelle(["D'accord."], toujours)
    passerelle.invoquer(MESSAGES, dossier_id="d1")
    assert passerelle.pseudonymise and "Karim" not in enregistreur.texte()


def test_stream_restores_placeholders_cut_between_chunks() -> None:
    # FakeListChatModel streams one character per chunk: every placeholder is cut.
    passerelle, _ = _passerelle(["Bonjour [PERSONNE_1], à [LIEU_1] [", "x"])
    morceaux = list(passerelle.diffuser(MESSAGES, dossier_id="d1"))
    assert "".join(morceaux) == "Bonjour Karim Benali, à Lille ["
    assert len(morceaux) > 10  # still streamed, not one block at the end
    assert not any("[PERSONNE" in m or "[LIEU" in m for m in morceaux)
    assert passerelle.jetons_inconnus == []


def test_stream_keeps_the_mapping_of_the_dossier_across_calls() -> None:
    passerelle, enregistreur = _passerelle(["[LIEU_1]", "[PERSONNE_1] et [LIEU_1]"])
    passerelle.invoquer([("user", "Il vit à Lille.")], dossier_id="d1")
    texte = "".join(passerelle.diffuser([("user", "Karim Benali, Lille")], dossier_id="d1"))
    assert texte == "Karim Benali et Lille"
    assert "[PERSONNE_1], [LIEU_1]" in enregistreur.texte()


def test_invented_placeholders_are_left_visible_and_reported() -> None:
    passerelle, _ = _passerelle(["[PERSONNE_1] a vu [PERSONNE_7] et [Personne 9]."])
    reponse = passerelle.invoquer(MESSAGES, dossier_id="d1")
    assert reponse.texte == "Karim Benali a vu [PERSONNE_7] et [Personne 9]."
    assert reponse.jetons_inconnus == ["[PERSONNE_7]", "[PERSONNE_9]"]
    assert passerelle.jetons_inconnus == ["[PERSONNE_7]", "[PERSONNE_9]"]

    passerelle, _ = _passerelle(["Voir [ECROU_3]."])
    assert "".join(passerelle.diffuser(MESSAGES, dossier_id="d1")) == "Voir [ECROU_3]."
    assert passerelle.jetons_inconnus == ["[ECROU_3]"]


@pytest.mark.parametrize("reponse", ["", "   \n"])
def test_empty_answer_is_an_unavailable_model(reponse: str) -> None:
    passerelle, _ = _passerelle([reponse])
    with pytest.raises(LLMIndisponible, match="a renvoyé une réponse vide"):
        passerelle.invoquer(MESSAGES, dossier_id="d1")
    with pytest.raises(LLMIndisponible, match="a renvoyé une réponse vide"):
        list(passerelle.diffuser(MESSAGES, dossier_id="d1"))


class EnPanne(FakeListChatModel):
    def _call(self, *args: Any, **kwargs: Any) -> str:
        raise httpx.ConnectError("Connection refused")


def test_endpoint_failure_becomes_a_french_message() -> None:
    passerelle = PasserelleLLM(
        DISTANT, EnPanne(responses=["x"]), pseudonymiseur=PseudonymiseurDeTest
    )
    with pytest.raises(LLMIndisponible) as erreur:
        passerelle.invoquer(MESSAGES, dossier_id="d1")
    assert erreur.value.message == (
        "Le modèle de langage ne répond pas à https://llm.example.org/v1 (connexion "
        "impossible : le serveur n'est pas démarré ou l'adresse est fausse). "
        "Le brouillon est rédigé sans lui, à partir des modèles de phrases."
    )


def test_failure_in_the_middle_of_a_stream_becomes_a_french_message() -> None:
    passerelle, _ = _passerelle(["Une réponse coupée"])
    passerelle._modele.error_on_chunk_number = 5  # type: ignore[union-attr]
    flux = passerelle.diffuser(MESSAGES, dossier_id="d1")
    assert next(flux) == "U"
    with pytest.raises(LLMIndisponible, match="erreur inattendue FakeListChatModelError"):
        list(flux)


def test_list_content_from_a_provider_is_read_as_text() -> None:
    modele = GenericFakeChatModel(
        messages=iter([AIMessage(content=[{"type": "text", "text": "[LIEU_1] d'abord"}])])
    )
    passerelle = PasserelleLLM(DISTANT, modele, pseudonymiseur=PseudonymiseurDeTest)
    assert passerelle.invoquer(MESSAGES, dossier_id="d1").texte == "Lille d'abord"


def test_remote_endpoint_without_pseudonymiser_sends_nothing() -> None:
    def en_panne() -> PseudonymiseurDeTest:
        raise PseudonymisationIndisponible("Le modèle de langue française ne se charge pas.")

    journal = Journal()
    passerelle, enregistreur = _passerelle(["x"], pseudonymiseur=en_panne, journal=journal)
    with pytest.raises(EnvoiRefuse, match="n'a pas été envoyé au serveur distant"):
        passerelle.invoquer(MESSAGES, dossier_id="d1")
    with pytest.raises(EnvoiRefuse):
        passerelle.diffuser(MESSAGES, dossier_id="d1")
    assert enregistreur.recus == [] and journal.evenements == []


def test_no_model_configured_is_explained() -> None:
    passerelle = PasserelleLLM(LLMSettings(), None)
    with pytest.raises(LLMIndisponible, match="Aucun modèle de langage n'est configuré"):
        passerelle.invoquer(MESSAGES, dossier_id="d1")
