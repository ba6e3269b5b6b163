"""Les emplois de l'inclusion lists converted to data·inclusion v1 structures and services.

Sources (`les_emplois_inclusion/`): the ASP/DGEFP list of SIAE of July 2019, the jobs (ROME v3)
some of them hire for, the GEIQ list of November 2019 and the Pôle emploi (France Travail)
agencies. Only public facts about organisations are kept: name, SIRET, address, switchboard
number, functional e-mail. The services describe what the schemes are by law (IAE, GEIQ,
France Travail), not what each structure declared: `publics_source` says so.
"""

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.retrieval.barriers import PUBLIC_JUSTICE
from assistant.retrieval.pack import DatasetEntry, DatasetInfo, write_dataset
from assistant.retrieval.sources import contacts
from assistant.retrieval.sources.base import ImportFailed, ImportReport, read_csv
from assistant.retrieval.sources.data_inclusion import Referentials, read_referentials

FOLDER = "les_emplois_inclusion"
PUBLISHER = "ASP / DGEFP, GEIQ et Pôle emploi, via GIP de l'inclusion (les emplois de l'inclusion)"
# SOURCES.md: public administrative lists republished by the GIP, no separate data licence.
LICENCE = (
    "Listes administratives publiques republiées par le GIP de l'inclusion "
    "(dépôt gip-inclusion/les-emplois, AGPL-3.0) ; pas de licence de données distincte"
)
STRUCTURES_DATASET = "structures"
SERVICES_DATASET = "services"
FILES = {
    "siae": "2019_07_liste_siae.csv",
    "metiers": "2019_07_liste_siae_additional_data.csv",
    "geiq": "2019_11_21_export_bbd_geiq.csv",
    "agences": "pole_emploi_agencies.csv",
}
SIAE_SOURCE = "liste-siae-2019-07"
GEIQ_SOURCE = "geiq-2019-11"
AGENCES_SOURCE = "agences-pole-emploi"
_ROME = re.compile(r"[A-N][0-9]{4}")
_IAE_RULE = (
    "Éligibilité à l'insertion par l'activité économique (règle nationale, art. R5132-1-7 du "
    "code du travail) : personnes sans emploi rencontrant des difficultés sociales et "
    "professionnelles, dont les sortants de détention et personnes placées sous main de justice."
)
# What each SIAE type offers by law (domain brief §2.6), in our own words.
_SIAE = {
    "ACI": (
        "Emploi en atelier et chantier d'insertion",
        "Atelier et chantier d'insertion (SIAE) : emploi salarié en contrat à durée déterminée "
        "d'insertion (CDDI) avec un accompagnement socio-professionnel.",
    ),
    "EI": (
        "Emploi en entreprise d'insertion",
        "Entreprise d'insertion (SIAE) : emploi salarié en contrat à durée déterminée "
        "d'insertion (CDDI) avec un accompagnement socio-professionnel.",
    ),
    "AI": (
        "Mises à disposition par une association intermédiaire",
        "Association intermédiaire (SIAE) : mises à disposition auprès de particuliers, "
        "associations ou entreprises, avec un accompagnement socio-professionnel.",
    ),
    "ETTI": (
        "Missions d'intérim d'insertion",
        "Entreprise de travail temporaire d'insertion (SIAE) : missions d'intérim avec un "
        "suivi individuel, pour des personnes éloignées de l'emploi.",
    ),
}
SIAE_THEMATIQUES = ("trouver-un-emploi--repondre-a-des-offres-demploi",)
SIAE_PUBLICS = ("beneficiaires-des-minimas-sociaux", "demandeurs-emploi", PUBLIC_JUSTICE)
GEIQ_THEMATIQUES = (
    "se-former--trouver-sa-formation",
    "trouver-un-emploi--repondre-a-des-offres-demploi",
)
GEIQ_PUBLICS = ("demandeurs-emploi",)
AGENCE_THEMATIQUES = (
    "choisir-un-metier--connaitre-les-opportunites-demploi",
    "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
    "se-former--trouver-sa-formation",
    "trouver-un-emploi--repondre-a-des-offres-demploi",
)
AGENCE_PUBLICS = ("demandeurs-emploi",)


def _check_referentials(refs: Referentials) -> None:
    """Our constants must exist in the referentials the pack ships (schema updates)."""
    missing = [
        *refs.missing("reseaux_porteurs", [m.lower() for m in _SIAE] + ["geiq", "france-travail"]),
        *refs.missing("thematiques", [*SIAE_THEMATIQUES, *GEIQ_THEMATIQUES, *AGENCE_THEMATIQUES]),
        *refs.missing("publics", [*SIAE_PUBLICS, *GEIQ_PUBLICS, *AGENCE_PUBLICS]),
        *refs.missing("types_de_services", ["accompagnement", "formation"]),
    ]
    if missing:
        raise ImportFailed(
            "Valeurs absentes des référentiels data·inclusion : "
            f"{', '.join(missing)}. Le schéma a changé : mettre à jour siae.py."
        )


def _address(*parts: str) -> str | None:
    text = " ".join(contacts.clean(part) for part in parts if contacts.clean(part))
    return re.sub(r"\s+", " ", text) or None


def _compact(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if value not in (None, "", [], ())}


def _siae_key(mesure: str, siret: str) -> str:
    return f"{SIAE_SOURCE}--{mesure.lower()}-{siret}"


def read_siae(path: Path, report: ImportReport) -> dict[str, dict[str, Any]]:
    """SIAE structures by id; a SIAE listed in several départements is merged into one."""
    required = (
        *("MESURE", "CODE_DEPARTEMENT", "CODE_POSTAL", "COMMUNE", "SIRET"),
        *("DENOMINATION_SOCIALE", "NUM_RUE", "NOM_RUE", "TELEPHONE", "CODE_NAF2"),
    )
    structures: dict[str, dict[str, Any]] = {}
    merged = 0
    for line, row in read_csv(path, report, required=required, delimiter=";"):
        mesure = row["MESURE"].strip().upper()
        if mesure not in _SIAE:
            report.problem(path, line, f"type de SIAE inconnu « {mesure} » (EI, AI, ACI ou ETTI)")
            continue
        siret = contacts.siret(row["SIRET"])
        if siret is None:
            report.problem(path, line, f"SIRET invalide « {row['SIRET']} » (14 chiffres attendus)")
            continue
        name = contacts.clean(row["DENOMINATION_SOCIALE"])
        if len(name) < 3:
            report.problem(path, line, "dénomination sociale manquante")
            continue
        postcode = contacts.postcode(row["CODE_POSTAL"])
        if postcode is None:
            report.problem(path, line, f"code postal invalide « {row['CODE_POSTAL']} »")
            continue
        department = contacts.department_code(row["CODE_DEPARTEMENT"])
        key = _siae_key(mesure, siret)
        if key in structures:
            # Same SIAE under another département of convention: keep one, list both.
            known = structures[key]["departements_conventionnement"]
            if department and department not in known:
                known.append(department)
                known.sort()
            merged += 1
            continue
        structures[key] = {
            "id": key,
            "source": SIAE_SOURCE,
            "nom": name,
            "siret": siret,
            "adresse": _address(row["NUM_RUE"], row["NOM_RUE"]),
            "code_postal": postcode,
            "commune": contacts.clean(row["COMMUNE"]),
            "departement": contacts.department_of_postcode(postcode),
            "telephone": contacts.phone(row["TELEPHONE"]),
            "reseaux_porteurs": [mesure.lower()],
            "code_naf": contacts.clean(row["CODE_NAF2"]),
            "departements_conventionnement": [department] if department else [],
            "date_maj": "2019-07-01",
        }
        report.rows_kept += 1
    if merged:
        report.notes.append(
            f"{path.name} : {merged} ligne(s) en double (même SIAE, même type, autre département "
            "de conventionnement) fusionnée(s)."
        )
    return structures


def read_jobs(
    path: Path, structures: dict[str, dict[str, Any]], report: ImportReport
) -> dict[str, list[dict[str, str]]]:
    """Jobs (ROME v3 code and appellation) each SIAE hires for, by structure id."""
    required = ("MESURE", "SIRET", "DENOMINATION_SOCIALE", "SITE WEB", "ROME", "APPELATION")
    jobs: dict[str, list[dict[str, str]]] = {}
    for line, row in read_csv(path, report, required=required, delimiter=";"):
        siret = contacts.siret(row["SIRET"])
        key = _siae_key(row["MESURE"].strip().upper(), siret or "")
        if siret is None or key not in structures:
            report.problem(path, line, "SIAE absente de la liste de juillet 2019 (SIRET et type)")
            continue
        links: list[dict[str, str]] = []
        for index in range(1, 10):
            suffix = "" if index == 1 else f" {index}"
            code = row.get(f"ROME{suffix}", "").strip().upper()
            label = contacts.clean(row.get(f"APPELATION{suffix}", ""))
            if not code:
                continue
            if not _ROME.fullmatch(code):
                report.notes.append(f"{path.name}:{line} : code ROME invalide « {code} » ignoré")
                continue
            if code not in {link["code_rome_v3"] for link in links}:
                links.append({"code_rome_v3": code, "appellation": label})
        site = contacts.clean(row["SITE WEB"])
        if site.startswith(("http://", "https://")):
            structures[key]["site_web"] = site
        jobs[key] = links
        report.rows_kept += 1
    return jobs


def _siae_service(structure: dict[str, Any], jobs: list[dict[str, str]]) -> dict[str, Any]:
    mesure = structure["reseaux_porteurs"][0].upper()
    name, description = _SIAE[mesure]
    return {
        "id": f"{structure['id']}--emploi-insertion",
        "source": SIAE_SOURCE,
        "structure_id": structure["id"],
        "nom": name,
        "description": description,
        "type": "accompagnement",
        "thematiques": list(SIAE_THEMATIQUES),
        "publics": sorted(SIAE_PUBLICS),
        "publics_precisions": _IAE_RULE,
        "publics_source": "règle nationale IAE, non déclarée par la structure",
        "commune": structure["commune"],
        "code_postal": structure["code_postal"],
        "departement": structure["departement"],
        "metiers": jobs,
    }


def read_geiq(path: Path, report: ImportReport) -> list[dict[str, Any]]:
    required = (
        *("GEIQ", "ADRESSE", "COMPLEMENT ADRESSE", "VILLE", "CODE POSTAL", "EMAIL", "TEL"),
        *("NAF", "SIRET"),
    )
    rows: dict[str, dict[str, Any]] = {}
    dropped_emails = 0
    for line, row in read_csv(path, report, required=required, delimiter=";"):
        name = contacts.clean(row["GEIQ"])
        siret = contacts.siret(row["SIRET"])
        postcode = contacts.postcode(row["CODE POSTAL"])
        if len(name) < 3:
            report.problem(path, line, "nom du GEIQ manquant")
            continue
        if siret is None:
            report.problem(path, line, f"SIRET invalide « {row['SIRET']} » (14 chiffres attendus)")
            continue
        if postcode is None:
            report.problem(path, line, f"code postal invalide « {row['CODE POSTAL']} »")
            continue
        key = f"{GEIQ_SOURCE}--{siret}"
        if key in rows:
            report.problem(path, line, f"GEIQ en double (SIRET {siret})")
            continue
        email = contacts.functional_email(row["EMAIL"])
        dropped_emails += bool(contacts.clean(row["EMAIL"])) and email is None
        rows[key] = {
            "id": key,
            "source": GEIQ_SOURCE,
            "nom": name,
            "siret": siret,
            "adresse": _address(row["ADRESSE"]),
            "complement_adresse": _address(row["COMPLEMENT ADRESSE"]),
            "code_postal": postcode,
            "commune": contacts.clean(row["VILLE"]),
            "departement": contacts.department_of_postcode(postcode),
            "telephone": contacts.phone(row["TEL"]),
            "courriel": email,
            "reseaux_porteurs": ["geiq"],
            "code_naf": contacts.clean(row["NAF"]),
            "date_maj": "2019-11-21",
        }
        report.rows_kept += 1
    if dropped_emails:
        report.notes.append(f"{path.name} : {dropped_emails} courriel(s) nominatif(s) non repris.")
    return [rows[key] for key in sorted(rows)]


def _geiq_service(structure: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"{structure['id']}--alternance",
        "source": GEIQ_SOURCE,
        "structure_id": structure["id"],
        "nom": "Parcours en alternance avec un GEIQ",
        "description": (
            "Groupement d'employeurs pour l'insertion et la qualification : embauche en "
            "alternance (contrat de professionnalisation ou d'apprentissage) avec formation "
            "et accompagnement, mise à disposition auprès des entreprises adhérentes."
        ),
        "type": "formation",
        "thematiques": list(GEIQ_THEMATIQUES),
        "publics": list(GEIQ_PUBLICS),
        "publics_source": "mission des GEIQ, non déclarée par la structure",
        "commune": structure["commune"],
        "code_postal": structure["code_postal"],
        "departement": structure["departement"],
    }


def _coordinate(value: str) -> float | None:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return None
    return round(number, 6) if math.isfinite(number) else None  # "nan", "inf" are no place


def read_agencies(path: Path, report: ImportReport) -> list[dict[str, Any]]:
    """Local agencies (ALE) only: the regional and départemental head offices are left out."""
    required = (
        *("REFERENCE_PE", "NOM", "TYPE_SITE", "COMPLEMENT_ADRESSE", "ADRESSE"),
        *("CODE_POSTAL", "COMMUNE", "DN_LATITUDE", "DN_LONGITUDE"),
    )
    rows: dict[str, dict[str, Any]] = {}
    skipped = 0
    for line, row in read_csv(path, report, required=required):
        if row["TYPE_SITE"].strip() != "ALE":
            skipped += 1
            continue
        reference = contacts.clean(row["REFERENCE_PE"])
        postcode = contacts.postcode(row["CODE_POSTAL"])
        if not reference or not contacts.clean(row["NOM"]):
            report.problem(path, line, "référence ou nom de l'agence manquant")
            continue
        if postcode is None:
            report.problem(path, line, f"code postal invalide « {row['CODE_POSTAL']} »")
            continue
        key = f"{AGENCES_SOURCE}--{reference}"
        if key in rows:
            report.problem(path, line, f"agence en double ({reference})")
            continue
        rows[key] = {
            "id": key,
            "source": AGENCES_SOURCE,
            "nom": f"France Travail {contacts.clean(row['NOM'])}",
            "adresse": _address(row["ADRESSE"]),
            "complement_adresse": _address(row["COMPLEMENT_ADRESSE"]),
            "code_postal": postcode,
            "commune": contacts.clean(row["COMMUNE"]),
            "departement": contacts.department_of_postcode(postcode),
            "latitude": _coordinate(row["DN_LATITUDE"]),
            "longitude": _coordinate(row["DN_LONGITUDE"]),
            "reseaux_porteurs": ["france-travail"],
        }
        report.rows_kept += 1
    if skipped:
        report.notes.append(f"{path.name} : {skipped} sites de direction (DDA, DRA) non repris.")
    return [rows[key] for key in sorted(rows)]


def _agency_service(structure: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"{structure['id']}--accompagnement",
        "source": AGENCES_SOURCE,
        "structure_id": structure["id"],
        "nom": "Accompagnement vers l'emploi",
        "description": (
            "Agence France Travail (ex-Pôle emploi) : inscription, indemnisation, offres "
            "d'emploi, conseil en orientation et accès à la formation des demandeurs d'emploi."
        ),
        "type": "accompagnement",
        "thematiques": list(AGENCE_THEMATIQUES),
        "publics": list(AGENCE_PUBLICS),
        "publics_source": "missions légales de France Travail, non déclarées par l'agence",
        "commune": structure["commune"],
        "code_postal": structure["code_postal"],
        "departement": structure["departement"],
    }


def convert(data_dir: Path, report: ImportReport) -> tuple[list[dict], list[dict]]:
    """Structures and services from the official lists (sorted, compact rows)."""
    folder = data_dir / FOLDER
    _check_referentials(read_referentials(data_dir))
    siae = read_siae(folder / FILES["siae"], report)
    jobs = read_jobs(folder / FILES["metiers"], siae, report)
    structures = [siae[key] for key in sorted(siae)]
    services = [_siae_service(s, jobs.get(s["id"], [])) for s in structures]
    geiq = read_geiq(folder / FILES["geiq"], report)
    agencies = read_agencies(folder / FILES["agences"], report)
    services += [_geiq_service(s) for s in geiq] + [_agency_service(s) for s in agencies]
    structures += geiq + agencies
    return _sorted(structures), _sorted(services)


def _sorted(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted((_compact(row) for row in rows), key=lambda row: row["id"])


def build(data_dir: Path, knowledge_dir: Path) -> list[tuple[DatasetEntry, ImportReport]]:
    report = ImportReport("SIAE, GEIQ et agences France Travail")
    structures, services = convert(data_dir, report)
    sources = [data_dir / FOLDER / name for name in FILES.values()]
    version = "SIAE juillet 2019, GEIQ novembre 2019, agences Pôle emploi vers 2020"
    files = tuple(f"{FOLDER}/{name}" for name in FILES.values())
    structures_info = DatasetInfo(
        name=STRUCTURES_DATASET,
        description=(
            "Structures d'insertion au format data·inclusion v1 : SIAE (ACI, EI, AI, ETTI), "
            "GEIQ et agences France Travail, avec adresse et numéro de standard."
        ),
        publisher=PUBLISHER,
        source_files=files,
        version=version,
        licence=LICENCE,
    )
    services_info = DatasetInfo(
        name=SERVICES_DATASET,
        description=(
            "Services d'insertion au format data·inclusion v1 (un par structure : emploi "
            "d'insertion, alternance GEIQ, accompagnement France Travail), métiers ROME v3 "
            "des SIAE quand ils sont connus."
        ),
        publisher=PUBLISHER,
        source_files=files,
        version=version,
        licence=LICENCE,
    )
    return [
        (write_dataset(structures_info, structures, knowledge_dir, sources), report),
        (write_dataset(services_info, services, knowledge_dir, sources), report),
    ]
