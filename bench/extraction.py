"""Offline extraction (rules, no LLM): precision, recall and exact match per field type.

Run: `.venv/bin/python bench/extraction.py` — with the knowledge search of the data directory
injected as `contexte.metiers` (lexical search if the dense index is not built; `--index` builds a
fresh dense index in a temporary directory first, about a minute), or `--sans-metiers`.
Data: bench/data/extraction_enonces.jsonl (hand-written utterances, see bench/data/README.md):
lot « developpement » (the rules were tuned on it, so its figures are optimistic) and lot
« controle » (written afterwards and not tuned on: the honest estimate).

A proposal counts as right when its step, field, mode and value equal an expected one (sub-model
dicts compared without `code_rome`, which depends on the search and is measured apart as ROME
top-1 on the rows that name a code). Exact match: the proposals of that type for the utterance are
exactly the expected ones.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.domain.dossier import Dossier
from assistant.domain.errors import DonneesInvalides
from assistant.domain.steps import ETAPES
from assistant.guide.extraction.apply import appliquer
from assistant.guide.extraction.fields import genre
from assistant.guide.extraction.proposals import ContexteExtraction, MetierTrouve, Proposition
from assistant.guide.extraction.rules import RuleExtractor
from assistant.guide.extraction.text import plier

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "extraction_enonces.jsonl"
TARGETS = {"recall": 0.80, "precision": 0.90, "p95_ms": 20.0}
ANNEE, MOIS = 2026, 5
"""Every utterance is read as if said in May 2026 (horizons from « sortie en mars »)."""

LISTES_CHOIX = {
    "droits_sociaux",
    "conditions_souhaitees",
    "restrictions_professionnelles_declarees",
    "elements_exterieurs_a_preserver",
}
TYPES = {
    "diplomes": "diplome",
    "niveau_certification": "niveau_scolarite",
    "annee_sortie_scolaire": "niveau_scolarite",
    "certifications_habilitations": "certification",
    "permis_conduire": "permis",
    "freins": "frein",
    "region_sortie": "lieu",
    "departement_sortie": "lieu",
    "date_sortie_previsible": "date",
    "enfants_a_charge": "nombre",
    "inquietude_principale": "texte_libre",
    "rapport_apprentissage": "texte_libre",
    "citation_cle": "texte_libre",
    "savoir_etre": "liste_libre",
    "autres_langues": "liste_libre",
}
TOUS_LES_TYPES = (
    "diplome",
    "niveau_scolarite",
    "certification",
    "permis",
    "experience",
    "projet",
    "echelle_0_10",
    "oui_non",
    "refus",
    "choix",
    "liste_choix",
    "liste_libre",
    "frein",
    "lieu",
    "date",
    "nombre",
    "texte_libre",
)


def type_de(etape: int, champ: str, mode: str) -> str:
    """The field type a proposal or an expectation is scored under."""
    if mode in ("refus", "non_aborde"):
        return "refus"
    if champ == "experiences":
        return "experience" if mode == "ajouter" else "texte_libre"
    if champ == "projets":
        return "projet" if mode == "ajouter" else "echelle_0_10"
    if champ in TYPES:
        return TYPES[champ]
    if champ in LISTES_CHOIX:
        return "liste_choix"
    if 0 <= etape < len(ETAPES) and genre(ETAPES[etape], champ) == "bool":
        return "oui_non"
    return "choix"


def _sans_rome(valeur: Any) -> Any:
    if isinstance(valeur, dict):
        return {k: _sans_rome(v) for k, v in valeur.items() if k != "code_rome"}
    if isinstance(valeur, list):
        return [_sans_rome(v) for v in valeur]
    return valeur


def cle(etape: int, champ: str, mode: str, valeur: Any) -> str:
    return json.dumps([etape, champ, mode, _sans_rome(valeur)], sort_keys=True, ensure_ascii=False)


def charger(chemin: Path = DATA) -> list[dict[str, Any]]:
    with chemin.open(encoding="utf-8") as handle:
        return [json.loads(ligne) for ligne in handle if ligne.strip()]


def contexte(
    row: dict[str, Any], metiers: Callable[[str], Sequence[MetierTrouve]] | None
) -> ContexteExtraction:
    return ContexteExtraction(
        etape=row["etape"],
        champs_attendus=tuple(row.get("champs_attendus", ())),
        question_id=row.get("question_id"),
        annee_courante=ANNEE,
        metiers=metiers,
        deja_notes=row.get("deja_notes", {}),
        mois_courant=MOIS,
    )


def applicable(proposition: Proposition) -> bool:
    try:
        appliquer(Dossier.ouvrir("MA-001", "maison_arret"), proposition)
    except DonneesInvalides:
        return False
    return True


def _cherche(service: Any) -> Callable[[str], Sequence[MetierTrouve]]:
    def cherche(texte: str) -> list[MetierTrouve]:
        return [
            MetierTrouve(h.code_rome, h.libelle, h.score) for h in service.search_jobs(texte, top=1)
        ]

    return cherche


def _service(construire: bool, tmp: str) -> Any:
    from assistant.config import load_settings
    from assistant.locations import Locations
    from assistant.retrieval.service import KnowledgeService

    if construire:
        data_dir = Path(tmp)
        settings = load_settings(config_file=data_dir / "absent.toml", data_dir=data_dir)
        service = KnowledgeService(settings, Locations(data_dir))
        print("construction de l'index dense…", file=sys.stderr)
        service.build_index()
        return service
    settings = load_settings()
    return KnowledgeService(settings, Locations(settings.data_dir))


def evaluer(
    rows: list[dict[str, Any]], metiers: Callable[[str], Sequence[MetierTrouve]] | None
) -> dict[str, Any]:
    extracteur = RuleExtractor()
    vrais: dict[str, int] = defaultdict(int)
    predits: dict[str, int] = defaultdict(int)
    attendus: dict[str, int] = defaultdict(int)
    exacts: dict[str, list[bool]] = defaultdict(list)
    rome_ok = rome_total = 0
    refusees: list[str] = []
    violations: list[str] = []
    erreurs: list[str] = []
    latences: list[float] = []
    for row in rows:
        debut = time.perf_counter()
        propositions = extracteur.extraire(row["texte"], contexte(row, metiers))
        latences.append((time.perf_counter() - debut) * 1000)
        attendues_par_type: dict[str, set[str]] = defaultdict(set)
        for a in row["attendu"]:
            attendues_par_type[type_de(a["etape"], a["champ"], a["mode"])].add(
                cle(a["etape"], a["champ"], a["mode"], a["valeur"])
            )
        predites_par_type: dict[str, set[str]] = defaultdict(set)
        for p in propositions:
            if not applicable(p):
                refusees.append(f"{row['id']}: {p.champ} {p.valeur!r}")
            predites_par_type[type_de(p.etape, p.champ, p.mode)].add(
                cle(p.etape, p.champ, p.mode, p.valeur)
            )
            texte = plier(f"{p.libelle} {p.extrait} {json.dumps(p.valeur, ensure_ascii=False)}")
            for mot in row.get("interdit", []):
                if plier(mot) in texte:
                    violations.append(f"{row['id']}: « {mot} » dans {p.champ}")
            for titre, code in row.get("rome", {}).items() if metiers else ():
                valeur = p.valeur if isinstance(p.valeur, dict) else {}
                if titre in (valeur.get("intitule_libre"), valeur.get("libelle_personne")):
                    rome_total += 1
                    rome_ok += valeur.get("code_rome") == code
        for sorte in set(attendues_par_type) | set(predites_par_type):
            attendues, predites = attendues_par_type[sorte], predites_par_type[sorte]
            vrais[sorte] += len(attendues & predites)
            predits[sorte] += len(predites)
            attendus[sorte] += len(attendues)
            exacts[sorte].append(attendues == predites)
            for manque in attendues - predites:
                erreurs.append(f"{row['id']} manque   {manque}  ← {row['texte'][:70]!r}")
            for trop in predites - attendues:
                erreurs.append(f"{row['id']} en trop  {trop}  ← {row['texte'][:70]!r}")
    return {
        "vrais": vrais,
        "predits": predits,
        "attendus": attendus,
        "exacts": exacts,
        "rome": (rome_ok, rome_total),
        "refusees": refusees,
        "violations": violations,
        "erreurs": erreurs,
        "latences": latences,
        "lignes": len(rows),
    }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def rapport(resultat: dict[str, Any], avec_metiers: str, detail: bool) -> bool:
    vrais, predits, attendus, exacts = (
        resultat["vrais"],
        resultat["predits"],
        resultat["attendus"],
        resultat["exacts"],
    )
    print(f"{resultat['lignes']} énoncés ; recherche de métiers : {avec_metiers}")
    print(f"{'type':<18}{'attendus':>9}{'proposés':>9}{'précision':>11}{'rappel':>8}{'exact':>8}")
    for sorte in TOUS_LES_TYPES:
        if not exacts.get(sorte):
            continue
        print(
            f"{sorte:<18}{attendus[sorte]:>9}{predits[sorte]:>9}"
            f"{_ratio(vrais[sorte], predits[sorte]):>11.2f}"
            f"{_ratio(vrais[sorte], attendus[sorte]):>8.2f}"
            f"{sum(exacts[sorte]) / len(exacts[sorte]):>8.2f}"
        )
    total_vrais, total_predits = sum(vrais.values()), sum(predits.values())
    total_attendus = sum(attendus.values())
    precision = _ratio(total_vrais, total_predits)
    rappel = _ratio(total_vrais, total_attendus)
    print(f"{'ENSEMBLE':<18}{total_attendus:>9}{total_predits:>9}{precision:>11.2f}{rappel:>8.2f}")
    ok = precision >= TARGETS["precision"] and rappel >= TARGETS["recall"]
    print(
        f"cible : précision ≥ {TARGETS['precision']:.2f}, rappel ≥ {TARGETS['recall']:.2f} "
        f"-> {'OK' if ok else 'MANQUÉ'}"
    )
    rome_ok, rome_total = resultat["rome"]
    if rome_total:
        print(f"fiche ROME top-1 sur les intitulés proposés : {rome_ok}/{rome_total}")
    latences = resultat["latences"]
    p95 = statistics.quantiles(latences, n=20)[-1] if len(latences) > 1 else latences[0]
    print(
        f"latence par énoncé : médiane {statistics.median(latences):.2f} ms, p95 {p95:.2f} ms "
        f"(cible ≤ {TARGETS['p95_ms']:.0f} ms sans recherche de métiers)"
    )
    print(f"propositions refusées par appliquer : {len(resultat['refusees'])}")
    for ligne in resultat["refusees"]:
        print("  ", ligne)
    print(f"faits, jugement, victimes ou santé recopiés : {len(resultat['violations'])}")
    for ligne in resultat["violations"]:
        print("  ", ligne)
    if detail:
        for ligne in resultat["erreurs"]:
            print("  ", ligne)
    return ok and not resultat["refusees"] and not resultat["violations"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sans-metiers", action="store_true", help="no job search injected")
    parser.add_argument("--index", action="store_true", help="build a fresh dense index first")
    parser.add_argument("--detail", action="store_true", help="print every miss and extra")
    args = parser.parse_args()
    rows = charger()
    with tempfile.TemporaryDirectory() as tmp:
        metiers = None
        description = "aucune"
        if not args.sans_metiers:
            try:
                service = _service(args.index, tmp)
                dense = service.check_index()
                metiers = _cherche(service)
                metiers("cariste")
                description = "hybride (dense + BM25)" if dense else "lexicale (index dense absent)"
            except Exception as exc:  # the bench still measures the rules without the search
                print(f"recherche de métiers indisponible : {exc}", file=sys.stderr)
                metiers = None
        resultat = evaluer(rows, metiers)
        ok = rapport(resultat, description, args.detail)
        for lot in ("developpement", "controle"):
            part = evaluer([r for r in rows if r.get("lot") == lot], metiers)
            vrais, predits = sum(part["vrais"].values()), sum(part["predits"].values())
            attendus = sum(part["attendus"].values())
            print(
                f"lot {lot} ({part['lignes']} énoncés) : précision "
                f"{_ratio(vrais, predits):.2f}, rappel {_ratio(vrais, attendus):.2f}"
            )
        if metiers is not None:
            print("\nsans recherche de métiers :")
            rapport(evaluer(rows, None), "aucune", False)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
