"""Versioned schema of the vault. `PRAGMA user_version` holds the version reached."""

from sqlcipher3 import dbapi2 as sqlite

# Append only: a migration that has shipped is never edited.
MIGRATIONS: tuple[str, ...] = (
    # 1: dossiers stored as validated JSON documents, written whole at each confirmed change.
    """
    CREATE TABLE dossiers (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        cree_le TEXT NOT NULL,
        modifie_le TEXT NOT NULL,
        document TEXT NOT NULL
    );
    """,
    # 2: journal of events (issue 7): append-only, each entry chained to the previous one
    # by a SHA-256 digest; pseudonymous ids and event facts only, never interview content.
    """
    CREATE TABLE journal (
        seq INTEGER PRIMARY KEY,
        horodatage TEXT NOT NULL,
        evenement TEXT NOT NULL,
        dossier_id TEXT,
        details TEXT NOT NULL,
        empreinte_precedente TEXT NOT NULL,
        empreinte TEXT NOT NULL
    );
    """,
    # 3: pseudonymisation mapping (placeholder -> original) for text sent to a remote LLM;
    # it lives only here, in the encrypted vault, and goes with the dossier on erasure.
    """
    CREATE TABLE correspondances (
        dossier_id TEXT NOT NULL,
        jeton TEXT NOT NULL,
        categorie TEXT NOT NULL,
        valeur TEXT NOT NULL,
        PRIMARY KEY (dossier_id, jeton)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite.Connection) -> None:
    """Apply the missing migrations, each in its own transaction."""
    current = schema_version(conn)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        # The version bump is part of the same transaction as the schema change.
        conn.executescript(
            f"BEGIN; {MIGRATIONS[version - 1]} PRAGMA user_version = {version}; COMMIT;"
        )
