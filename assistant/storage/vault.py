"""The encrypted vault: one SQLCipher file keyed by the counsellor's passphrase.

Nothing is written before the passphrase has been proven right and the schema version checked,
so a wrong passphrase or a newer vault leaves every byte as it was.
"""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlcipher3 import dbapi2 as sqlite

from assistant.locations import ensure_private_dir
from assistant.storage.errors import (
    VaultAlreadyExists,
    VaultCorrupted,
    VaultError,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    VaultWriteError,
    WeakPassphrase,
    WrongPassphrase,
)
from assistant.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from assistant.storage.passphrase import check_passphrase

PAGE_SIZE = 4096  # SQLCipher 4 default; a vault file is always a whole number of pages
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


def _quote(passphrase: str) -> str:
    if "\x00" in passphrase:
        raise WrongPassphrase("La phrase secrète contient un caractère invalide.")
    return "'" + passphrase.replace("'", "''") + "'"


def _connect(path: Path, passphrase: str, *, create: bool) -> sqlite.Connection:
    mode = "rwc" if create else "rw"
    conn = sqlite.connect(
        f"file:{quote(str(path))}?mode={mode}",
        uri=True,
        check_same_thread=False,
        isolation_level=None,
    )
    # Before the key: otherwise SQLCipher prints decryption errors on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    return conn


def _configure(conn: sqlite.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed change survives a killed process and a power cut.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")


def _write_failure(path: Path, exc: Exception) -> str:
    text = str(exc).lower()
    if "full" in text:
        cause = "le disque est plein : libérez de la place"
    elif "readonly" in text or "read-only" in text:
        cause = "le fichier ou son dossier est en lecture seule : vérifiez les droits"
    elif "locked" in text or "busy" in text:
        cause = "le coffre est utilisé par un autre programme Passerelle : fermez-le"
    else:
        cause = f"erreur du système de fichiers ({exc})"
    return (
        f"L'enregistrement dans le coffre {path} a échoué : {cause}, puis recommencez. "
        "Rien de ce qui était déjà enregistré n'est perdu."
    )


def _check_file_shape(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise VaultCorrupted(
            f"Le fichier du coffre {path} est vide : il a été endommagé. "
            "Restaurez une sauvegarde du coffre ; rien n'a été modifié."
        )
    with path.open("rb") as handle:
        if handle.read(len(_PLAIN_SQLITE_HEADER)) == _PLAIN_SQLITE_HEADER:
            raise VaultCorrupted(
                f"Le fichier {path} n'est pas un coffre chiffré Passerelle. "
                "Vérifiez le dossier des données ; rien n'a été modifié."
            )
    if size % PAGE_SIZE:
        raise VaultCorrupted(
            f"Le fichier du coffre {path} est tronqué ({size} octets) : il a été endommagé, "
            "par exemple par une copie interrompue. Restaurez une sauvegarde du coffre ; "
            "rien n'a été modifié."
        )


class Vault:
    """An open vault. Use `Vault.create` or `Vault.open`; close it to lock it."""

    def __init__(self, path: Path, conn: sqlite.Connection) -> None:
        self.path = path
        self._conn: sqlite.Connection | None = conn
        # Workers of the UI run in threads; one connection, one writer at a time.
        self._lock = threading.RLock()

    @classmethod
    def create(cls, path: Path, passphrase: str) -> "Vault":
        if path.exists():
            raise VaultAlreadyExists(
                f"Un coffre existe déjà à l'emplacement {path}. Ouvrez-le avec sa phrase secrète."
            )
        verdict = check_passphrase(passphrase)
        if not verdict.acceptable:
            raise WeakPassphrase(verdict.message)
        ensure_private_dir(path.parent)
        old_umask = os.umask(0o077)
        try:
            conn = _connect(path, passphrase, create=True)
            try:
                _configure(conn)
                migrate(conn)
            except sqlite.DatabaseError as exc:
                conn.close()
                raise VaultError(f"Impossible de créer le coffre {path} : {exc}.") from None
        finally:
            os.umask(old_umask)
        return cls(path, conn)

    @classmethod
    def open(cls, path: Path, passphrase: str) -> "Vault":
        if not path.exists():
            raise VaultNotFound(f"Aucun coffre à l'emplacement {path}. Créez-en un d'abord.")
        if not passphrase:
            raise WrongPassphrase("Saisissez la phrase secrète du coffre.")
        _check_file_shape(path)
        try:
            conn = _connect(path, passphrase, create=False)
        except sqlite.DatabaseError as exc:
            raise VaultError(f"Impossible d'ouvrir le fichier du coffre {path} : {exc}.") from None
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite.DatabaseError:
            conn.close()
            raise WrongPassphrase(
                "Phrase secrète incorrecte : le coffre reste fermé et rien n'a été modifié. "
                "Vérifiez la saisie (majuscules, accents) et réessayez."
            ) from None
        try:
            version = schema_version(conn)
            if version > SCHEMA_VERSION:
                raise VaultTooNew(
                    f"Ce coffre a été écrit par une version plus récente de Passerelle "
                    f"(schéma {version}, cette version connaît le schéma {SCHEMA_VERSION}). "
                    "Mettez Passerelle à jour ; le coffre n'a pas été modifié."
                )
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite.DatabaseError(check)
            _configure(conn)
            migrate(conn)
        except VaultError:
            conn.close()
            raise
        except sqlite.DatabaseError:
            conn.close()
            raise VaultCorrupted(
                f"Le coffre {path} est endommagé (contrôle d'intégrité en échec). "
                "Restaurez une sauvegarde du coffre ; rien n'a été modifié."
            ) from None
        return cls(path, conn)

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextmanager
    def connection(self) -> Iterator[sqlite.Connection]:
        """The connection, held exclusively for the duration of the block."""
        with self._lock:
            if self._conn is None:
                raise VaultLocked("Le coffre est verrouillé : saisissez la phrase secrète.")
            yield self._conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite.Connection]:
        """One atomic, durable write: committed on success, rolled back on any error.

        Disk full, read-only file or a locked database become a French VaultWriteError; the
        previous state stays intact on disk (SQLite's journal guarantees it).
        """
        with self.connection() as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite.IntegrityError:
                raise
            except sqlite.OperationalError as exc:
                raise VaultWriteError(_write_failure(self.path, exc)) from None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
