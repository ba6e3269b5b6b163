"""`passerelle doctor`: an honest check of the installation, one line per item, in French."""

import importlib.metadata
import importlib.util
import json
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from assistant.config import Settings
from assistant.locations import KNOWLEDGE_DIR, Locations

Etat = Literal["ok", "attention", "probleme"]

DEPENDANCES = (
    "textual",
    "pydantic",
    "pydantic-settings",
    "platformdirs",
    "click",
    "sqlcipher3-binary",
    "zxcvbn",
)


@dataclass(frozen=True)
class Verification:
    libelle: str
    etat: Etat
    detail: str
    remede: str = ""


def _python() -> Verification:
    # pip refuses to install Passerelle on Python < 3.11 (requires-python), so this only reports.
    version = ".".join(map(str, sys.version_info[:3]))
    return Verification("Python", "ok", f"{version} ({sys.executable})")


def _dependances() -> Verification:
    manquantes, versions = [], []
    for nom in DEPENDANCES:
        try:
            versions.append(f"{nom} {importlib.metadata.version(nom)}")
        except importlib.metadata.PackageNotFoundError:
            manquantes.append(nom)
    if manquantes:
        return Verification(
            "Dépendances",
            "probleme",
            "manquantes : " + ", ".join(manquantes),
            "Relancez `make run` pour réinstaller l'application.",
        )
    return Verification("Dépendances", "ok", ", ".join(versions))


def _sqlcipher() -> Verification:
    from sqlcipher3 import dbapi2 as sqlite

    conn = sqlite.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    if not row or not row[0]:
        return Verification(
            "Chiffrement (SQLCipher)",
            "probleme",
            "la bibliothèque SQLite installée ne chiffre pas",
            "Réinstallez le paquet sqlcipher3-binary (`make run`).",
        )
    return Verification("Chiffrement (SQLCipher)", "ok", f"SQLCipher {row[0]}")


def _donnees(locations: Locations) -> Verification:
    dossier = locations.data_dir
    if not dossier.exists():
        return Verification(
            "Dossier des données", "ok", f"{dossier} (sera créé au premier lancement, accès 0700)"
        )
    mode = dossier.stat().st_mode & 0o777
    if mode & 0o077:
        return Verification(
            "Dossier des données",
            "probleme",
            f"{dossier} est lisible par d'autres comptes (droits {mode:o})",
            f"Exécutez : chmod 700 {dossier}",
        )
    return Verification("Dossier des données", "ok", f"{dossier} (accès réservé, droits 700)")


def _coffre(locations: Locations) -> Verification:
    fichier = locations.vault_file
    if not fichier.exists():
        return Verification(
            "Coffre chiffré",
            "attention",
            "pas encore créé",
            "Lancez `passerelle` : il vous proposera de créer le coffre.",
        )
    with fichier.open("rb") as handle:
        entete = handle.read(16)
    if entete.startswith(b"SQLite format 3"):
        return Verification(
            "Coffre chiffré",
            "probleme",
            f"{fichier} n'est PAS chiffré",
            "Ne l'utilisez pas ; contactez votre référent informatique.",
        )
    taille = fichier.stat().st_size
    return Verification("Coffre chiffré", "ok", f"{fichier} ({taille // 1024} Ko, chiffré)")


def _guide() -> Verification:
    from assistant.guide.files import GuideFileError, load_guide

    try:
        guide = load_guide()
    except GuideFileError as exc:
        return Verification("Guide d'entretien", "probleme", str(exc), "Réinstallez Passerelle.")
    questions = sum(len(e.toutes_les_questions()) for e in guide.etapes)
    return Verification(
        "Guide d'entretien",
        "ok",
        f"{len(guide.etapes)} étapes, {questions} questions, profils P0 à P4",
    )


def _knowledge_pack() -> Verification:
    from assistant.retrieval.pack import load_manifest, verify

    manifest = load_manifest()
    problems = verify()
    if not manifest or problems:
        return Verification(
            "Paquet de connaissances",
            "probleme",
            "; ".join(problems) or "MANIFEST.json absent",
            "Réinstallez Passerelle ou reconstruisez le paquet : `passerelle knowledge build`.",
        )
    rows = sum(int(entry["rows"]) for entry in manifest.values())
    return Verification(
        "Paquet de connaissances", "ok", f"{len(manifest)} jeux de données, {rows} lignes vérifiées"
    )


def _descriptions(directory: Path = KNOWLEDGE_DIR) -> Verification:
    from assistant.retrieval.knowledge import DESCRIPTIONS_FILE, Knowledge, KnowledgeMissing

    try:
        knowledge = Knowledge.load(directory)
    except KnowledgeMissing as exc:
        return Verification("Descriptions des métiers", "probleme", str(exc))
    described, problems = knowledge.descriptions, knowledge.description_problems
    detail = f"{len(described)} fiches sur {len(knowledge.fiches)} décrites en mots simples"
    if not problems:
        return Verification("Descriptions des métiers", "ok", detail)
    others = f" (et {len(problems) - 3} autres)" if len(problems) > 3 else ""
    return Verification(
        "Descriptions des métiers",
        "attention",
        f"{detail} ; " + " ; ".join(problems[:3]) + others,
        f"Corrigez ces lignes de {knowledge.directory / DESCRIPTIONS_FILE} "
        "ou réinstallez Passerelle ; les autres fiches restent décrites.",
    )


def _index(settings: Settings, locations: Locations) -> Verification:
    if settings.knowledge.chroma_url:
        detail = f"serveur Chroma partagé {settings.knowledge.chroma_url}"
        return Verification("Index de recherche", "ok", detail)
    if any(locations.index_dir.glob("vecteurs-*.npz")):
        return Verification("Index de recherche", "ok", f"{locations.index_dir} (local)")
    return Verification(
        "Index de recherche",
        "attention",
        "pas encore construit : la recherche de fiches métiers marche déjà sur les mots, "
        "l'index ajoute la recherche par le sens",
        "Lancez `passerelle knowledge index` (environ deux minutes, une seule fois).",
    )


def _llm(settings: Settings, probe: Callable[[str, float], bool]) -> Verification:
    llm = settings.llm
    if llm.provider == "none":
        return Verification(
            "Modèle de langage",
            "ok",
            "aucun (réglage par défaut) : tout fonctionne hors ligne, "
            "rien ne quitte cet ordinateur",
        )
    if llm.provider == "fake":
        return Verification("Modèle de langage", "ok", "modèle factice (tests et démonstration)")
    if not llm.base_url:
        return Verification(
            "Modèle de langage",
            "probleme",
            f"fournisseur « {llm.provider} » sans adresse",
            "Renseignez [llm] base_url dans le fichier de configuration.",
        )
    from assistant.llm.endpoints import envoi_local

    hote = urlparse(llm.base_url).hostname or ""
    local = envoi_local(llm)
    chemin = "/models" if llm.provider == "openai_compatible" else "/api/tags"
    url = llm.base_url.rstrip("/") + chemin
    lieu = "sur cet ordinateur" if local else f"distant ({hote})"
    if local and not llm.toujours_pseudonymiser:
        envoi = "texte envoyé tel quel"
    elif importlib.util.find_spec("fr_core_news_sm") is None:
        return Verification(
            "Modèle de langage",
            "probleme",
            f"{llm.provider} {lieu} : le modèle français de pseudonymisation (fr_core_news_sm) "
            "est absent, rien ne sera envoyé",
            "Relancez `make run` pour réinstaller l'application.",
        )
    else:
        envoi = "texte pseudonymisé avant envoi"
    if probe(url, min(llm.timeout_seconds, 5.0)):
        return Verification("Modèle de langage", "ok", f"{llm.provider} joignable, {lieu}, {envoi}")
    return Verification(
        "Modèle de langage",
        "probleme",
        f"{llm.provider} injoignable à {llm.base_url} ({lieu})",
        "Démarrez le serveur ou corrigez [llm] base_url ; sans lui, Passerelle reste utilisable "
        "hors ligne.",
    )


def _http_probe(url: str, timeout: float) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            json.loads(response.read(1_000_000) or b"{}")
            return bool(200 <= response.status < 300)
    except (OSError, ValueError, urllib.error.URLError):
        return False


def diagnose(
    settings: Settings,
    locations: Locations,
    probe: Callable[[str, float], bool] = _http_probe,
) -> list[Verification]:
    return [
        _python(),
        _dependances(),
        _sqlcipher(),
        _donnees(locations),
        _coffre(locations),
        _guide(),
        _knowledge_pack(),
        _descriptions(),
        _index(settings, locations),
        _llm(settings, probe),
    ]
