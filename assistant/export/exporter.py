"""Export one validated document for one recipient into the folder the counsellor chose.

The content exists only in memory until it is written, and is written only into the chosen
folder: a temporary file next to the final one (same folder, so no copy of the content ever
lands elsewhere), mode 0600, flushed to disk, then linked to its final name, which never
replaces an existing file. Every export is recorded in the audit journal without any content:
recipient, scope, document type, format and file name only. A refusal writes nothing at all.
"""

import contextlib
import errno
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, Protocol

from assistant.domain.dossier import Brouillon, Dossier
from assistant.export.consent import DecisionPartage, DestinataireExport, decider_partage
from assistant.export.document import DocumentExport, construire_document
from assistant.export.errors import ExportImpossible, ExportRefuse

Format = Literal["docx", "pdf", "md"]
FORMATS: tuple[Format, ...] = ("docx", "pdf", "md")
MAX_TENTATIVES_NOM = 999
_PREFIXE_TEMPORAIRE = ".passerelle-export-"


DetailJournal = str | int | bool | None


class JournalAudit(Protocol):
    """What the export needs of the audit journal (`assistant.storage.journal.Journal`)."""

    def ajouter(
        self,
        evenement: Literal["export"],
        *,
        dossier_id: str | None = None,
        **details: DetailJournal,
    ) -> None:
        """Record one event; details hold no personal content."""


@dataclass(frozen=True)
class ResultatExport:
    chemin: Path
    decision: DecisionPartage


def nom_fichier(brouillon: Brouillon, dossier: Dossier, jour: datetime, fmt: Format) -> str:
    """`synthese_CP-2026-007_2026-11-26.docx`: document type, pseudonymous reference, date."""
    # The reference is validated as [A-Za-z0-9_-]: safe in a file name, and never a name.
    return f"{brouillon.type.value}_{dossier.reference}_{jour:%Y-%m-%d}.{fmt}"


def _rendre(fmt: Format, document: DocumentExport, maintenant: datetime) -> bytes:
    if fmt == "md":
        from assistant.export.markdown import rendre_markdown

        return rendre_markdown(document)
    if fmt == "docx":
        from assistant.export.docx import rendre_docx

        return rendre_docx(document, maintenant)
    if fmt == "pdf":
        from assistant.export.pdf import rendre_pdf

        return rendre_pdf(document, maintenant)
    raise ValueError(f"format inconnu : {fmt}")


def _message_erreur(exc: OSError, dossier_cible: Path) -> str:
    lieu = f"« {dossier_cible} »"
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return f"Le dossier {lieu} est plein : libérez de la place ou choisissez un autre dossier."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Impossible d'écrire dans le dossier {lieu} : il est en lecture seule "
            "ou vous n'avez pas le droit d'y écrire. Choisissez un autre dossier."
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"Le dossier {lieu} n'existe plus. Choisissez un autre dossier."
    return f"Le fichier n'a pas pu être écrit dans le dossier {lieu} ({exc.strerror or exc})."


def _verifier_dossier(dossier_cible: Path) -> None:
    if not dossier_cible.exists():
        raise ExportImpossible(
            f"Le dossier « {dossier_cible} » n'existe pas. Choisissez un dossier existant."
        )
    if not dossier_cible.is_dir():
        raise ExportImpossible(f"« {dossier_cible} » n'est pas un dossier.")
    if not os.access(dossier_cible, os.W_OK | os.X_OK):
        raise ExportImpossible(
            f"Impossible d'écrire dans le dossier « {dossier_cible} » : il est en lecture seule "
            "ou vous n'avez pas le droit d'y écrire. Choisissez un autre dossier."
        )


def _synchroniser_dossier(dossier_cible: Path) -> None:
    # Makes the new directory entry durable; some file systems cannot, and that is harmless.
    with contextlib.suppress(OSError):
        fd = os.open(dossier_cible, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _publier(temporaire: Path, final: Path) -> bool:
    """Give `temporaire` the name `final` unless it exists; False when the name is taken."""
    try:
        os.link(temporaire, final)  # atomic and never replaces an existing file
    except FileExistsError:
        return False
    except OSError as exc:
        # File systems without hard links (FAT/exFAT USB keys): rename after checking.
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if final.exists():
            return False
        os.rename(temporaire, final)
        return True
    temporaire.unlink()
    return True


def ecrire_atomiquement(dossier_cible: Path, nom: str, contenu: bytes) -> Path:
    """Write `contenu` as `nom` in `dossier_cible` (or `nom-2`, `nom-3`… when taken)."""
    _verifier_dossier(dossier_cible)
    base, point, extension = nom.rpartition(".")
    temporaire: Path | None = None
    try:
        fd, chemin_temporaire = tempfile.mkstemp(
            dir=dossier_cible, prefix=_PREFIXE_TEMPORAIRE, suffix=".tmp"
        )
        temporaire = Path(chemin_temporaire)
        with os.fdopen(fd, "wb") as fichier:
            os.fchmod(fichier.fileno(), 0o600)
            fichier.write(contenu)
            fichier.flush()
            os.fsync(fichier.fileno())
        for numero in range(1, MAX_TENTATIVES_NOM + 1):
            candidat = nom if numero == 1 else f"{base}-{numero}{point}{extension}"
            final = dossier_cible / candidat
            if _publier(temporaire, final):
                temporaire = None
                _synchroniser_dossier(dossier_cible)
                return final
        raise ExportImpossible(
            f"Trop de fichiers « {nom} » existent déjà dans « {dossier_cible} » : "
            "rangez-les ou choisissez un autre dossier."
        )
    except OSError as exc:
        raise ExportImpossible(_message_erreur(exc, dossier_cible)) from exc
    finally:
        if temporaire is not None:
            with contextlib.suppress(OSError):
                temporaire.unlink()


def exporter(
    dossier: Dossier,
    brouillon: Brouillon,
    destinataire: DestinataireExport,
    format: Format,
    dossier_cible: Path,
    *,
    journal: JournalAudit | None = None,
    maintenant: datetime | None = None,
) -> ResultatExport:
    """Export `brouillon` for `destinataire` as `format` into `dossier_cible`.

    Raises `ExportRefuse` (French reason) when the sharing rules refuse it, and
    `ExportImpossible` when the file cannot be written; in both cases nothing is left behind.
    On success the journal receives one "export" event, with no content.
    """
    if format not in FORMATS:
        raise ValueError(f"format inconnu : {format}")
    maintenant = maintenant or datetime.now().astimezone()
    decision = decider_partage(dossier, brouillon, destinataire)
    if not decision.autorise:
        raise ExportRefuse(decision.raison, decision)

    document = construire_document(dossier, brouillon, decision, maintenant)
    contenu = _rendre(format, document, maintenant)
    chemin = ecrire_atomiquement(
        Path(dossier_cible), nom_fichier(brouillon, dossier, maintenant, format), contenu
    )
    if journal is not None:
        try:
            journal.ajouter(
                "export",
                dossier_id=dossier.id,
                destinataire=str(decision.destinataire),
                perimetre=decision.perimetre.value if decision.perimetre else None,
                fondement=decision.fondement,
                type_document=brouillon.type.value,
                fichier=chemin.name,
                format=format,
                phrases_retirees=len(decision.retraits),
            )
        except Exception as exc:
            # An export nobody can trace must not stay on disk.
            with contextlib.suppress(OSError):
                chemin.unlink()
            raise ExportImpossible(
                "L'export n'a pas pu être inscrit au journal : le fichier a été supprimé. "
                "Réessayez ; si cela se reproduit, signalez-le."
            ) from exc
    return ResultatExport(chemin, decision)
