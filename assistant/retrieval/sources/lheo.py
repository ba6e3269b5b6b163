"""LHEO importer: training offers in the national XML format (Carif-Oref, Centre Inffo).

One record per `offres/formation/action/session`, with the offer's title, organisation,
certification (RNCP, RS, Certif Info), ROME and Formacode codes, place, dates and modalities.
Elements follow the LHEO 2.3 definition (`lheo-gml.xml`); 2.2 files read the same way.
Streams the file with expat so regional exports of any size fit in memory, and refuses DTDs
and entity declarations (no billion laughs, no external entity), as LHEO never needs them.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

from assistant.retrieval.pack import DatasetEntry, DatasetInfo, write_dataset
from assistant.retrieval.sources import contacts
from assistant.retrieval.sources.base import ImportFailed, ImportReport

SESSIONS_DATASET = "sessions"
_LINE = "{passerelle}ligne"
_CHUNK = 1 << 16
# Formacode "public" code 80013 = DETENU: the action is meant for people in detention.
FORMACODE_PUBLIC_DETENUS = "80013"
_ROME = re.compile(r"[A-N][0-9]{4}")
_DIGITS = re.compile(r"[0-9]+")
_HOURS = re.compile(r"[0-9]{1,6}")
# LHEO dictionaries (lheo-gml.xml): dict-modalites-enseignement, dict-etat-recrutement.
_MODALITES_ENSEIGNEMENT = {
    "0": "formation entièrement présentielle",
    "1": "formation mixte",
    "2": "formation entièrement à distance",
}
_ETAT_RECRUTEMENT = {"1": "ouvert", "2": "fermé", "3": "suspendu"}
_EXPAT_REASONS = {
    expat.errors.XML_ERROR_INVALID_TOKEN: "caractère ou balise invalide",
    expat.errors.XML_ERROR_TAG_MISMATCH: "balise fermante qui ne correspond pas",
    expat.errors.XML_ERROR_UNDEFINED_ENTITY: "entité non définie",
    expat.errors.XML_ERROR_UNKNOWN_ENCODING: "encodage inconnu",
    expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: "contenu après la fin du document",
}


@dataclass(frozen=True)
class Lieu:
    commune: str | None = None
    code_postal: str | None = None
    code_insee: str | None = None
    departement: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class TrainingSession:
    """One session of a training action, as an LHEO file describes it."""

    id: str
    intitule: str
    fichier: str
    ligne: int
    organisme: str | None = None
    siret_organisme: str | None = None
    organismes_formateurs: tuple[str, ...] = ()
    certifiante: bool | None = None
    rncp: tuple[str, ...] = ()
    rs: tuple[str, ...] = ()
    certifinfo: tuple[str, ...] = ()
    codes_rome: tuple[str, ...] = ()
    formacodes: tuple[str, ...] = ()
    codes_nsf: tuple[str, ...] = ()
    niveau_sortie: str | None = None
    lieux: tuple[Lieu, ...] = ()
    debut: str | None = None
    fin: str | None = None
    publics_vises: tuple[str, ...] = ()
    public_detenus: bool = False
    modalites_enseignement: str | None = None
    entrees_sorties_permanentes: bool | None = None
    etat_recrutement: str | None = None
    nombre_heures_total: int | None = None

    def as_row(self) -> dict[str, Any]:
        row = asdict(self)
        row["lieux"] = [{k: v for k, v in lieu.items() if v} for lieu in row["lieux"]]
        return {key: value for key, value in row.items() if value not in (None, (), [])}


class _Invalid(Exception):
    """A session (or a whole offer) that cannot be kept; the message is the French reason."""


class _NotLheo(Exception):
    pass


class _Refused(Exception):
    pass


class _StreamBuilder:
    """Builds one `formation` element at a time, each element tagged with its line number."""

    def __init__(self, on_formation: Callable[[ET.Element], None]) -> None:
        self.on_formation = on_formation
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = self._refuse
        self.parser.EntityDeclHandler = self._refuse
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.stack: list[ET.Element] = []
        self.texts: list[list[str]] = []
        self.namespace: str | None = None

    def _refuse(self, *_: object) -> None:
        raise _Refused

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if not self.stack:
            if local != "lheo" or (namespace and "lheo" not in namespace.lower()):
                raise _NotLheo(local)
            self.namespace = namespace
        element = ET.Element(local, {key.rpartition(" ")[2]: v for key, v in attrs.items()})
        element.set(_LINE, str(self.parser.CurrentLineNumber))
        if self.stack:
            self.stack[-1].append(element)
        self.stack.append(element)
        self.texts.append([])

    def _end(self, _name: str) -> None:
        element = self.stack.pop()
        element.text = "".join(self.texts.pop()).strip()
        parent = self.stack[-1] if self.stack else None
        if element.tag == "formation" and parent is not None and parent.tag == "offres":
            self.on_formation(element)
            parent.remove(element)  # keep memory flat on large regional exports

    def _text(self, data: str) -> None:
        if self.texts:
            self.texts[-1].append(data)


def _line(element: ET.Element) -> int:
    return int(element.get(_LINE, "0"))


def _text(element: ET.Element | None, path: str) -> str:
    if element is None:
        return ""
    found = element.find(path)
    return contacts.clean(found.text) if found is not None and found.text else ""


def _texts(element: ET.Element | None, path: str) -> list[str]:
    if element is None:
        return []
    return [contacts.clean(e.text) for e in element.findall(path) if e.text and e.text.strip()]


def _date(value: str, which: str) -> str | None:
    """AAAAMMJJ; 00000000/99999999 = unknown; AAAAMM00 = a month, AAAA0000 = a year."""
    text = value.strip()
    if not text or text in {"00000000", "99999999"}:
        return None
    invalid = _Invalid(f"date de {which} invalide « {text} » (format AAAAMMJJ attendu)")
    if not re.fullmatch(r"[0-9]{8}", text):
        raise invalid
    year, month, day = text[:4], text[4:6], text[6:]
    try:
        if month == "00" and day == "00":
            return year
        if day == "00":
            datetime.date(int(year), int(month), 1)
            return f"{year}-{month}"
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise invalid from None


def _flag(value: str) -> bool | None:
    return {"0": False, "1": True}.get(value.strip())


def _lieu(address: ET.Element) -> Lieu:
    postcode = contacts.postcode(_text(address, "codepostal"))
    department = _text(address, "departement") or (
        contacts.department_of_postcode(postcode) if postcode else ""
    )
    return Lieu(
        commune=_text(address, "ville") or None,
        code_postal=postcode,
        code_insee=_text(address, "code-INSEE-commune") or None,
        departement=department or None,
        region=_text(address, "region") or None,
    )


def _codes(values: Iterable[str], pattern: re.Pattern[str], prefix: str = "") -> tuple[str, ...]:
    kept = []
    for value in values:
        code = value.upper().removeprefix(prefix) if prefix else value.upper()
        if pattern.fullmatch(code):
            kept.append(prefix + code)
    return tuple(dict.fromkeys(kept))


class _OfferReader:
    """Turns each `formation` element into sessions, reporting what it cannot keep."""

    def __init__(self, path: Path, report: ImportReport) -> None:
        self.path = path
        self.report = report
        self.sessions: list[TrainingSession] = []
        self.count = 0
        self.lines: dict[str, int] = {}

    def __call__(self, formation: ET.Element) -> None:
        self.count += 1
        sessions = formation.findall("action/session")
        self.report.rows_read += len(sessions) or 1
        try:
            common = self._offer(formation)
        except _Invalid as exc:
            self.report.problem(self.path, _line(formation), f"offre écartée : {exc}")
            return
        if not sessions:
            self.report.problem(self.path, _line(formation), "offre sans action ni session")
            return
        for action_index, action in enumerate(formation.findall("action"), start=1):
            for session_index, session in enumerate(action.findall("session"), start=1):
                ids = (
                    formation.get("numero") or f"f{self.count}",
                    action.get("numero") or f"a{action_index}",
                    session.get("numero") or f"s{session_index}",
                )
                ident = "/".join(ids)
                if ident in self.lines:
                    self.report.problem(
                        self.path,
                        _line(session),
                        f"session {ident} en double (ligne {self.lines[ident]}), écartée",
                    )
                    continue
                try:
                    record = self._session(common, action, session, ident)
                except _Invalid as exc:
                    self.report.problem(self.path, _line(session), f"session écartée : {exc}")
                    continue
                self.lines[ident] = _line(session)
                self.sessions.append(record)
                self.report.rows_kept += 1

    def _offer(self, formation: ET.Element) -> dict[str, Any]:
        title = _text(formation, "intitule-formation")
        if not title:
            raise _Invalid("intitulé de la formation manquant (<intitule-formation>)")
        organisme = formation.find("organisme-formation-responsable")
        name = _text(organisme, "nom-organisme") or _text(organisme, "raison-sociale")
        domain = formation.find("domaine-formation")
        formacodes = domain.findall("code-FORMACODE") if domain is not None else []
        # Rule of LHEO: the first Formacode (or the one tagged "principal") is the main one.
        formacodes.sort(key=lambda e: e.get("tag") != "principal")
        certifications = formation.findall("certification")
        return {
            "intitule": title,
            "organisme": name or None,
            "siret_organisme": contacts.siret(_text(organisme, "SIRET-organisme-formation/SIRET")),
            "certifiante": _flag(_text(formation, "certifiante")),
            "rncp": _codes((_text(c, "code-RNCP") for c in certifications), _DIGITS, prefix="RNCP"),
            "rs": _codes((_text(c, "code-RS") for c in certifications), _DIGITS, prefix="RS"),
            "certifinfo": _codes((_text(c, "code-CERTIFINFO") for c in certifications), _DIGITS),
            "codes_rome": _codes(_texts(domain, "code-ROME"), _ROME),
            "formacodes": _codes((contacts.clean(e.text) for e in formacodes), _DIGITS),
            "codes_nsf": tuple(_texts(domain, "code-NSF")),
            "niveau_sortie": _text(formation, "code-niveau-sortie") or None,
        }

    def _session(
        self, common: dict[str, Any], action: ET.Element, session: ET.Element, ident: str
    ) -> TrainingSession:
        period = session.find("periode")
        if period is None:
            raise _Invalid("période manquante (<periode>)")
        start = _date(_text(period, "debut"), "début")
        end = _date(_text(period, "fin"), "fin")
        if start and end and end[: len(start)] < start[: len(end)]:
            raise _Invalid(f"la date de fin ({end}) précède la date de début ({start})")
        places = [_lieu(a) for a in action.findall("lieu-de-formation/coordonnees/adresse")]
        if not places:
            places = [_lieu(a) for a in session.findall("adresse-inscription/adresse")]
        publics = tuple(_texts(action, "code-public-vise"))
        hours = _text(action, "nombre-heures-total")
        return TrainingSession(
            id=ident,
            fichier=self.path.name,
            ligne=_line(session),
            organismes_formateurs=tuple(
                _texts(action, "organisme-formateur/raison-sociale-formateur")
            ),
            lieux=tuple(dict.fromkeys(places)),
            debut=start,
            fin=end,
            publics_vises=publics,
            public_detenus=FORMACODE_PUBLIC_DETENUS in publics,
            modalites_enseignement=_MODALITES_ENSEIGNEMENT.get(
                _text(action, "modalites-enseignement")
            ),
            entrees_sorties_permanentes=_flag(_text(action, "modalites-entrees-sorties")),
            etat_recrutement=_ETAT_RECRUTEMENT.get(_text(session, "etat-recrutement")),
            # ASCII digits only: « ²35 » passes str.isdigit() but not int().
            nombre_heures_total=int(hours) if _HOURS.fullmatch(hours) else None,
            **common,
        )


def _xml_failure(path: Path, exc: expat.ExpatError, final: bool, started: bool) -> ImportFailed:
    if not started:
        return ImportFailed(f"{path} : fichier vide ou qui n'est pas du XML (ligne {exc.lineno}).")
    if final and exc.code in {
        expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS],
        expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN],
        expat.errors.codes[expat.errors.XML_ERROR_PARTIAL_CHAR],
    }:
        return ImportFailed(
            f"{path} : fichier LHEO tronqué (fin atteinte ligne {exc.lineno} avant la "
            "fermeture de <lheo>). Rien n'a été importé ; redemander l'export complet."
        )
    known = {expat.errors.codes[message]: reason for message, reason in _EXPAT_REASONS.items()}
    reason = known.get(exc.code or 0, "XML mal formé")
    return ImportFailed(
        f"{path} : XML invalide ligne {exc.lineno}, colonne {exc.offset} ({reason})."
    )


def import_lheo(path: Path) -> tuple[list[TrainingSession], ImportReport]:
    """The sessions of an LHEO file; bad offers and sessions are reported and skipped.

    Raises ImportFailed (French message) if the file is missing, is not LHEO, is malformed or
    truncated, or declares a DTD.
    """
    report = ImportReport(f"sessions de formation LHEO ({path.name})")
    reader = _OfferReader(path, report)
    builder = _StreamBuilder(reader)
    final = False
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                builder.parser.Parse(chunk, False)
            final = True
            builder.parser.Parse(b"", True)
    except OSError as exc:
        raise ImportFailed(f"Impossible de lire {path} ({exc.strerror}).") from None
    except _Refused:
        raise ImportFailed(
            f"{path} : déclaration DOCTYPE ou ENTITY refusée (un fichier LHEO n'en contient "
            "pas ; elles peuvent servir à saturer la mémoire)."
        ) from None
    except _NotLheo as exc:
        raise ImportFailed(
            f"{path} n'est pas un fichier LHEO (élément racine <{exc}>, <lheo> attendu)."
        ) from None
    except expat.ExpatError as exc:
        raise _xml_failure(path, exc, final, builder.namespace is not None) from None
    version = (builder.namespace or "").rstrip("/").rpartition("/")[2]
    report.notes.append(
        f"{path.name} : LHEO {version or 'sans espace de noms'}, {reader.count} offre(s)."
    )
    return reader.sessions, report


def build_sessions(paths: Iterable[Path], directory: Path) -> tuple[DatasetEntry, ImportReport]:
    """Write the `sessions` dataset from LHEO files a deployment provides (none ship)."""
    report = ImportReport("sessions de formation LHEO")
    sessions: list[TrainingSession] = []
    imported = []
    for path in sorted(paths):
        # One unusable file is reported; the other files are still imported.
        try:
            found, file_report = import_lheo(path)
        except ImportFailed as exc:
            report.problem(path, 0, str(exc))
            continue
        imported.append(path)
        sessions += found
        report.rows_read += file_report.rows_read
        report.rows_kept += file_report.rows_kept
        report.problems += file_report.problems
        report.notes += file_report.notes
    info = DatasetInfo(
        name=SESSIONS_DATASET,
        description="Sessions de formation (offres LHEO des Carif-Oref fournies localement).",
        publisher="Réseau des Carif-Oref (format LHEO)",
        source_files=tuple(path.name for path in imported),
        version="LHEO 2.2/2.3",
    )
    rows = sorted((s.as_row() for s in sessions), key=lambda r: (r["fichier"], r["id"]))
    return write_dataset(info, rows, directory, imported), report
