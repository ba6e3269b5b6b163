"""Pseudonymisation of French interview text before it goes to a remote model.

Presidio's `AnalyzerEngine` runs the installed `fr_core_news_sm` spaCy model (persons, places)
and the recognisers of `recognisers.py` (NIR, écrou, phones, e-mails, addresses, birth dates,
prison establishments). Each found original becomes a stable placeholder such as
`[PERSONNE_1]`, numbered per dossier through the `Correspondances` passed in.

Organisations (spaCy ORG) are not replaced: on French insertion text the small model tags
"France Travail", "Mission locale", "CACES" or an employer's trade as ORG, and replacing them
would strip the very facts the model needs (which partner, which certification). What could
identify a person through an organisation, the prison, is covered by its own recogniser.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.llm.correspondances import Correspondances, restaurer

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

_CATEGORIE_PRESIDIO = {"PERSON": "PERSONNE", "LOCATION": "LIEU"}
SEUIL = 0.5
_CIVILITE = re.compile(r"(?:M\.|Mme|Mlle|Mr|Monsieur|Madame|Mademoiselle)\s+")
# Words the French model mistakes for persons or places: public bodies and programmes, prison
# abbreviations, trades (capitalised at the start of a sentence) and form labels.
_ORGANISMES = (
    "afpa, spip, france travail, pole emploi, mission locale, cap emploi, caf, cpam, mdph, apec, "
    "pjj, ddets, dreets, siae, geiq, etti, aci, chrs, siao, ccas, csapa, caarud, usmp, ucsa, "
    "smpr, cmp, epide, e2c, croix-rouge, emmaus, secours populaire, secours catholique, "
    "restos du coeur, region, departement, prefecture, mairie, tribunal, jap, cpip, cip"
)
_SIGLES = "rsa, cv, caces, btp, rome, rncp, cap, bep, bac, bts, cnam, ma, cp, cd, mc, csl, qsl, epm"
_METIERS = (
    "cariste, macon, soudeur, peintre, plombier, electricien, boulanger, cuisinier, serveur, "
    "vendeur, chauffeur, manutentionnaire, preparateur, agent, ouvrier, magasinier, menuisier, "
    "carreleur, plaquiste, couvreur, jardinier, paysagiste, boucher, coiffeur, aide, technicien, "
    "employe"
)
_LIBELLES = "ecrou, nir, tel, mail, courriel, madame, monsieur, m., mme"
CONSERVES = frozenset(
    mot.strip() for liste in (_ORGANISMES, _SIGLES, _METIERS, _LIBELLES) for mot in liste.split(",")
)


class PseudonymisationIndisponible(Exception):
    """The French model or Presidio could not be loaded; nothing may leave in clear."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Detection:
    """An original found in a text: where it is and which category it belongs to."""

    debut: int
    fin: int
    categorie: str
    score: float


def _plie(texte: str) -> str:
    sans_accents = unicodedata.normalize("NFKD", texte.casefold().replace("’", "'"))
    return " ".join("".join(c for c in sans_accents if not unicodedata.combining(c)).split())


def _garder(texte: str, categorie: str) -> bool:
    """False for spaCy hits that are not names: lowercase words, trades, public bodies."""
    if categorie not in ("PERSONNE", "LIEU"):
        return True
    propre = texte.strip(" .,;:'’\"-")
    if len(propre) < 2 or not propre[0].isupper():
        return False
    plie = _plie(propre)
    return plie not in CONSERVES and not all(mot in CONSERVES for mot in plie.split())


def _sans_chevauchement(detections: list[Detection]) -> list[Detection]:
    """The longest span wins (an address over the town inside it), then the best score."""
    retenues: list[Detection] = []
    for d in sorted(detections, key=lambda d: (-(d.fin - d.debut), -d.score, d.debut)):
        if all(d.fin <= r.debut or d.debut >= r.fin for r in retenues):
            retenues.append(d)
    return sorted(retenues, key=lambda d: d.debut)


def _construire_analyseur() -> "AnalyzerEngine":
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    from assistant.llm.recognisers import LANGUE, reconnaisseurs

    class MoteurSpacyFrancais(SpacyNlpEngine):
        """Loads the installed package directly: Presidio would otherwise try a download."""

        def load(self) -> None:
            import fr_core_news_sm

            # The parser is not needed for entities and is the slowest component.
            self.nlp = {LANGUE: fr_core_news_sm.load(exclude=["parser"])}  # type: ignore[assignment]

    configuration = NerModelConfiguration(
        model_to_presidio_entity_mapping={
            "PER": "PERSON",
            "LOC": "LOCATION",
            "ORG": "ORGANIZATION",
            "MISC": "MISC",
        },
        labels_to_ignore=["ORG", "MISC"],
    )
    moteur = MoteurSpacyFrancais(
        models=[{"lang_code": LANGUE, "model_name": "fr_core_news_sm"}],
        ner_model_configuration=configuration,
    )
    moteur.load()
    registre = RecognizerRegistry(supported_languages=[LANGUE])
    registre.add_recognizer(
        SpacyRecognizer(supported_language=LANGUE, supported_entities=["PERSON", "LOCATION"])
    )
    for reconnaisseur in reconnaisseurs():
        registre.add_recognizer(reconnaisseur)
    return AnalyzerEngine(registry=registre, nlp_engine=moteur, supported_languages=[LANGUE])


class Pseudonymiseur:
    """Replaces identifying text by placeholders and puts it back. Thread-safe."""

    def __init__(self, analyseur: "AnalyzerEngine") -> None:
        self._analyseur = analyseur
        self._verrou = threading.Lock()

    @classmethod
    def construire(cls) -> "Pseudonymiseur":
        """Build the engine (several seconds: call it from a worker thread).

        Raises PseudonymisationIndisponible with a French message when the model cannot load.
        """
        try:
            return cls(_construire_analyseur())
        except Exception as exc:  # any failure means: do not send anything in clear
            raise PseudonymisationIndisponible(
                "Le modèle de langue française de pseudonymisation (fr_core_news_sm) ne se "
                f"charge pas ({type(exc).__name__}). Réinstallez Passerelle (`make run`) ; "
                "en attendant, rien n'est envoyé à un serveur distant."
            ) from None

    def detecter(self, texte: str) -> list[Detection]:
        """Non-overlapping identifying spans of `texte`, in reading order."""
        if not texte.strip():
            return []
        with self._verrou:
            artefacts = self._analyseur.nlp_engine.process_text(texte, "fr")
            resultats = self._analyseur.analyze(
                texte, language="fr", score_threshold=SEUIL, nlp_artifacts=artefacts
            )
        doc = artefacts.tokens
        detections = []
        for r in resultats:
            categorie = _CATEGORIE_PRESIDIO.get(r.entity_type, r.entity_type)
            if not _garder(texte[r.start : r.end], categorie):
                continue
            # A capitalised verb or noun opening a sentence is not a name ("Transféré à...").
            if categorie in ("PERSONNE", "LIEU"):
                portion = doc.char_span(r.start, r.end, alignment_mode="expand")
                if portion is None or not any(t.pos_ == "PROPN" for t in portion):
                    continue
            debut = r.start
            if categorie == "PERSONNE":
                # The civility stays visible: it is not identifying and the draft needs it.
                civilite = _CIVILITE.match(texte, r.start, r.end)
                debut = civilite.end() if civilite and civilite.end() < r.end else r.start
            detections.append(Detection(debut, r.end, categorie, r.score))
        return _sans_chevauchement(detections)

    def pseudonymiser(
        self, texte: str, correspondances: Correspondances
    ) -> tuple[str, Correspondances]:
        """`texte` with every identifying span replaced, and the mapping extended."""
        morceaux: list[str] = []
        position = 0
        for d in self.detecter(texte):
            valeur = texte[d.debut : d.fin].strip()
            jeton, correspondances = correspondances.avec(d.categorie, valeur)
            morceaux += [texte[position : d.debut], jeton]
            position = d.fin
        morceaux.append(texte[position:])
        return _deja_connus("".join(morceaux), correspondances)

    def restaurer(self, texte: str, correspondances: Correspondances) -> tuple[str, list[str]]:
        """See `assistant.llm.correspondances.restaurer`."""
        return restaurer(texte, correspondances)


def _noms_de_famille(correspondances: Correspondances) -> list[tuple[str, str]]:
    """The last word of each known full name: "Benali" alone must not leave either."""
    parts = []
    for c in correspondances:
        mots = c.valeur.split()
        if c.categorie != "PERSONNE" or len(mots) < 2 or len(mots[-1]) < 3:
            continue
        if _garder(mots[-1], "PERSONNE"):
            parts.append(("PERSONNE", mots[-1]))
    return parts


def _deja_connus(texte: str, correspondances: Correspondances) -> tuple[str, Correspondances]:
    """Second pass: an original already known for the dossier is replaced wherever it appears,
    even where the model missed it this time (a name at the start of a sentence, say)."""
    candidats = [(c.categorie, c.valeur) for c in correspondances if len(c.valeur) >= 3]
    candidats += _noms_de_famille(correspondances)
    for categorie, valeur in sorted(candidats, key=lambda cv: -len(cv[1])):
        motif = re.compile(rf"(?<![\w\[]){re.escape(valeur)}(?![\w\]])", re.IGNORECASE)
        if motif.search(texte):
            jeton, correspondances = correspondances.avec(categorie, valeur)
            texte = motif.sub(jeton, texte)  # placeholders hold no backslash
    return texte, correspondances


_instance: Pseudonymiseur | None = None
_verrou_construction = threading.Lock()


def obtenir_pseudonymiseur() -> Pseudonymiseur:
    """The process-wide pseudonymiser, built on first use (slow) and then reused."""
    global _instance
    with _verrou_construction:
        if _instance is None:
            _instance = Pseudonymiseur.construire()
        return _instance


def pseudonymiser(texte: str, correspondances: Correspondances) -> tuple[str, Correspondances]:
    """Module-level shortcut on the shared pseudonymiser."""
    return obtenir_pseudonymiseur().pseudonymiser(texte, correspondances)
