"""ROME 4.0 importer: the official `unix_*` CSV extract of France Travail.

The pack keeps facts only: codes, titles, job-title variants (appellations), domain trees, skill and
knowledge labels with their core-job flag, work contexts, mobility links and the regulated flag.
The definition and access texts are the publisher's prose: they are read from the official files
into the user's local data when a deployment provides them (`import_texts`), never into the pack.
"""

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from assistant.retrieval.pack import DatasetEntry, DatasetInfo, write_dataset
from assistant.retrieval.sources.base import ImportReport, is_number, read_csv, undouble_apostrophes

FOLDER = "rome4_v460"
PUBLISHER = "France Travail, open data ROME"
_FILES = {
    "fiches": "unix_referentiel_code_rome_v460_utf8.csv",
    "arbre": "unix_cr_gd_dp_v460_utf8.csv",
    "appellations": "unix_referentiel_appellation_v460_utf8.csv",
    "items": "unix_item_v460_utf8.csv",
    "contextes": "unix_referentiel_contexte_travail_v460_utf8.csv",
    "coherence": "unix_coherence_item_v460_utf8.csv",
    "mobilite": "unix_rubrique_mobilite_v460_utf8.csv",
    "riasec": "unix_referentiel_code_rome_riasec_v460_utf8.csv",
    "textes": "unix_texte_v460_utf8.csv",
}
# unix_item.code_rubrique: 1 savoir-faire, 2 savoir-être professionnels, 3 savoirs; empty for the
# work contexts, whose type comes from unix_referentiel_contexte_travail.
_RUBRIQUES = {"1": "savoir_faire", "2": "savoir_etre", "3": "savoir"}
_CODE_PATTERN_LEN = 5
_SANS_DIPLOME = re.compile(r"accessible\s+sans\s+dipl[ôo]me", re.IGNORECASE)


def _valid_code(code: str) -> bool:
    return len(code) == _CODE_PATTERN_LEN and code[0].isalpha() and is_number(code[1:])


def _flag(value: str) -> bool | None:
    """ROME flags are "O", "N" or empty (unknown)."""
    return {"O": True, "N": False}.get(value.strip().upper())


def version(data_dir: Path) -> str:
    path = data_dir / FOLDER / "version.txt"
    if not path.exists():
        return "ROME 4.0"
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("Titre/commentaire"):
            return line.split(":", 1)[1].strip()
    return "ROME 4.0"


def read_fiches(data_dir: Path, report: ImportReport) -> dict[str, dict[str, Any]]:
    """Fiches with their domain tree, regulated flag, RIASEC, skills and mobility links."""
    folder = data_dir / FOLDER
    fiches: dict[str, dict[str, Any]] = {}
    for line, row in read_csv(
        folder / _FILES["fiches"],
        report,
        required=("code_rome", "libelle_rome", "emploi_reglemente", "code_rome_parent"),
    ):
        code = row["code_rome"].strip()
        if not _valid_code(code) or not row["libelle_rome"].strip():
            report.problem(_FILES["fiches"], line, f"code ROME ou intitulé invalide ({code!r})")
            continue
        if code in fiches:
            report.problem(_FILES["fiches"], line, f"fiche {code} en double, ligne ignorée")
            continue
        fiches[code] = {
            "code": code,
            "libelle": undouble_apostrophes(row["libelle_rome"].strip()),
            "reglemente": _flag(row["emploi_reglemente"]),
            "cadre": _flag(row.get("emploi_cadre", "")),
            "parent_v3": row["code_rome_parent"].strip() or None,
            "savoir_faire": [],
            "savoir_etre": [],
            "savoirs": [],
            "contextes": [],
            "mobilites": [],
        }
        report.rows_kept += 1

    for line, row in read_csv(
        folder / _FILES["arbre"],
        report,
        required=(
            "code_rome",
            "code_grand_domaine",
            "libelle_grand_domaine",
            "code_domaine_professionel",
            "libelle_domaine_professionel",
        ),
    ):
        fiche = fiches.get(row["code_rome"].strip())
        if fiche is None:
            report.problem(_FILES["arbre"], line, f"fiche inconnue {row['code_rome']!r}")
            continue
        fiche["grand_domaine"] = row["code_grand_domaine"].strip()
        fiche["grand_domaine_libelle"] = row["libelle_grand_domaine"].strip()
        fiche["domaine"] = row["code_domaine_professionel"].strip()
        fiche["domaine_libelle"] = row["libelle_domaine_professionel"].strip()

    riasec_path = folder / _FILES["riasec"]
    if riasec_path.exists():
        for _, row in read_csv(
            riasec_path, report, required=("code_rome", "riasec_majeur", "riasec_mineur")
        ):
            fiche = fiches.get(row["code_rome"].strip())
            if fiche is not None:
                fiche["riasec"] = (row["riasec_majeur"] + row["riasec_mineur"]).strip() or None

    items = read_items(data_dir, report)
    lists = {"savoir_faire": "savoir_faire", "savoir_etre": "savoir_etre", "savoir": "savoirs"}
    for line, row in read_csv(
        folder / _FILES["coherence"], report, required=("code_rome", "code_ogr", "coeur_metier")
    ):
        fiche = fiches.get(row["code_rome"].strip())
        item = items.get(row["code_ogr"].strip())
        if fiche is None or item is None:
            report.problem(_FILES["coherence"], line, "fiche ou item inconnu")
            continue
        if item["type"] == "contexte":
            fiche["contextes"].append(item["ogr"])
        else:
            coeur = row["coeur_metier"].strip() == "Principale"
            fiche[lists[item["type"]]].append([item["ogr"], coeur])

    ordered: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line, row in read_csv(
        folder / _FILES["mobilite"],
        report,
        required=("code_rome", "code_rome_cible", "numero_ordre"),
    ):
        source, target = row["code_rome"].strip(), row["code_rome_cible"].strip()
        if source not in fiches or target not in fiches or not is_number(row["numero_ordre"]):
            report.problem(_FILES["mobilite"], line, "lien de mobilité invalide")
            continue
        ordered[source].append((int(row["numero_ordre"]), target))
    for source, targets in ordered.items():
        fiches[source]["mobilites"] = [t for _, t in sorted(set(targets))]
    for fiche in fiches.values():
        for key in ("savoir_faire", "savoir_etre", "savoirs"):
            fiche[key].sort(key=lambda pair: (not pair[1], pair[0]))
        fiche["contextes"].sort()
    return fiches


def read_items(data_dir: Path, report: ImportReport) -> dict[str, dict[str, Any]]:
    """Skill, knowledge and work-context labels by OGR code."""
    folder = data_dir / FOLDER
    contextes: dict[str, str] = {}
    for _, row in read_csv(
        folder / _FILES["contextes"],
        report,
        required=("code_ogr", "libelle_cont_travail", "libelle_type_cont_trav"),
    ):
        contextes[row["code_ogr"].strip()] = row["libelle_type_cont_trav"].strip()
    items: dict[str, dict[str, Any]] = {}
    for line, row in read_csv(
        folder / _FILES["items"], report, required=("code_ogr", "libelle", "code_rubrique")
    ):
        ogr, rubrique = row["code_ogr"].strip(), row["code_rubrique"].strip()
        libelle = undouble_apostrophes(row["libelle"].strip())
        if not is_number(ogr) or not libelle:
            report.problem(_FILES["items"], line, "code OGR ou libellé invalide")
            continue
        if rubrique in _RUBRIQUES:
            items[ogr] = {"ogr": ogr, "libelle": libelle, "type": _RUBRIQUES[rubrique]}
        elif ogr in contextes:
            items[ogr] = {
                "ogr": ogr,
                "libelle": libelle,
                "type": "contexte",
                "categorie": contextes[ogr],
            }
        else:
            report.problem(_FILES["items"], line, f"rubrique inconnue {rubrique!r}")
    return items


def read_appellations(
    data_dir: Path, report: ImportReport, fiches: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every job-title variant with its fiche; the principal one is the fiche's own title."""
    rows = []
    for line, row in read_csv(
        data_dir / FOLDER / _FILES["appellations"],
        report,
        required=(
            "code_ogr",
            "libelle_appellation_long",
            "libelle_appellation_court",
            "code_rome",
            "emploi_reglemente",
            "classification",
            "peu_usite",
        ),
    ):
        code = row["code_rome"].strip()
        libelle = undouble_apostrophes(row["libelle_appellation_long"].strip())
        if code not in fiches or not is_number(row["code_ogr"].strip()) or not libelle:
            report.problem(_FILES["appellations"], line, "appellation sans fiche ou sans libellé")
            continue
        rows.append(
            {
                "ogr": row["code_ogr"].strip(),
                "libelle": libelle,
                "court": undouble_apostrophes(row["libelle_appellation_court"].strip()) or libelle,
                "rome": code,
                "principale": row["classification"].strip().upper() == "PRINCIPALE",
                "peu_usite": row["peu_usite"].strip().upper() == "O",
                "reglemente": _flag(row["emploi_reglemente"]),
            }
        )
        report.rows_kept += 1
    rows.sort(key=lambda r: int(str(r["ogr"])))
    return rows


def import_texts(data_dir: Path, report: ImportReport) -> dict[str, dict[str, str]]:
    """Definition and access texts per fiche, rebuilt sentence by sentence (local use only)."""
    sentences: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    path = data_dir / FOLDER / _FILES["textes"]
    for line, row in read_csv(
        path,
        report,
        required=("code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"),
    ):
        kind = row["libelle_type_texte"].strip()
        if not is_number(row["position_phrase"].strip()) or kind not in (
            "definition",
            "acces_metier",
        ):
            report.problem(path, line, "type de texte ou position invalide")
            continue
        text = undouble_apostrophes(row["libelle_texte"].strip())
        sentences[(row["code_rome"].strip(), kind)].append((int(row["position_phrase"]), text))
        report.rows_kept += 1
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for (code, kind), parts in sentences.items():
        texts[code][kind] = "\n".join(text for _, text in sorted(parts))
    return dict(texts)


def build(data_dir: Path, knowledge_dir: Path) -> list[tuple[DatasetEntry, ImportReport]]:
    """Extract the ROME 4.0 facts into the pack (idempotent)."""
    folder = data_dir / FOLDER
    vintage = version(data_dir)
    fiches_report = ImportReport("ROME 4.0 — fiches métiers")
    fiches = read_fiches(data_dir, fiches_report)
    # One fact from the access texts (the prose itself stays out of the pack).
    if (folder / _FILES["textes"]).exists():
        texts = import_texts(data_dir, ImportReport("ROME 4.0 — textes"))
        for code, fiche in fiches.items():
            acces = texts.get(code, {}).get("acces_metier", "")
            fiche["sans_diplome"] = bool(_SANS_DIPLOME.search(acces))
    items_report = ImportReport("ROME 4.0 — savoir-faire, savoirs, contextes")
    items = read_items(data_dir, items_report)
    items_report.rows_kept = len(items)
    appellations_report = ImportReport("ROME 4.0 — appellations")
    appellations = read_appellations(data_dir, appellations_report, fiches)
    sources = [folder / name for name in _FILES.values()]
    fiche_entry = write_dataset(
        DatasetInfo(
            "rome_fiches",
            "Fiches métiers ROME 4.0 : intitulé, domaines, drapeau réglementé, compétences "
            "(cœur de métier), contextes, mobilités, accès possible sans diplôme",
            PUBLISHER,
            tuple(
                _FILES[k] for k in ("fiches", "arbre", "coherence", "mobilite", "riasec", "textes")
            ),
            vintage,
        ),
        (fiches[code] for code in sorted(fiches)),
        knowledge_dir,
        [p for p in sources if p.exists()],
    )
    appellation_entry = write_dataset(
        DatasetInfo(
            "rome_appellations",
            "Appellations (variantes d'intitulés) ROME 4.0 et leur fiche",
            PUBLISHER,
            (_FILES["appellations"],),
            vintage,
        ),
        appellations,
        knowledge_dir,
        [folder / _FILES["appellations"]],
    )
    item_entry = write_dataset(
        DatasetInfo(
            "rome_items",
            "Libellés des savoir-faire, savoir-être, savoirs et contextes de travail ROME 4.0",
            PUBLISHER,
            (_FILES["items"], _FILES["contextes"]),
            vintage,
        ),
        (items[ogr] for ogr in sorted(items, key=int)),
        knowledge_dir,
        [folder / _FILES["items"], folder / _FILES["contextes"]],
    )
    return [
        (fiche_entry, fiches_report),
        (appellation_entry, appellations_report),
        (item_entry, items_report),
    ]
