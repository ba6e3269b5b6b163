"""The pseudonymisation mapping of each dossier, kept only in the encrypted vault."""

from assistant.llm.correspondances import Correspondance, Correspondances
from assistant.storage.vault import Vault


class CorrespondanceRepository:
    """Read, extend and erase the placeholder -> original mapping of a dossier."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def charger(self, dossier_id: str) -> Correspondances:
        """The dossier's mapping, in the order the placeholders were given."""
        with self._vault.connection() as conn:
            rows = conn.execute(
                "SELECT jeton, categorie, valeur FROM correspondances WHERE dossier_id = ? "
                "ORDER BY rowid",
                (dossier_id,),
            ).fetchall()
        return Correspondances(tuple(Correspondance(j, c, v) for j, c, v in rows))

    def enregistrer(self, dossier_id: str, correspondances: Correspondances) -> None:
        """Insert the entries not stored yet; running it twice changes nothing."""
        if not len(correspondances):
            return
        with self._vault.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO correspondances (dossier_id, jeton, categorie, valeur) "
                "VALUES (?, ?, ?, ?)",
                [(dossier_id, c.jeton, c.categorie, c.valeur) for c in correspondances],
            )

    def effacer(self, dossier_id: str) -> None:
        """Forget the dossier's mapping (with the dossier, on erasure)."""
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM correspondances WHERE dossier_id = ?", (dossier_id,))
