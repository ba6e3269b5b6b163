"""Dossiers in the vault: each confirmed change is one durable transaction."""

from datetime import date

from pydantic import ValidationError

from assistant.domain.dossier import Dossier, maintenant
from assistant.domain.enums import TypeEtablissement
from assistant.domain.errors import DonneesInvalides
from assistant.storage.errors import DossierAlreadyExists, DossierNotFound, DossierUnreadable
from assistant.storage.vault import Vault, sqlite


def _parse(document: str, reference: str) -> Dossier:
    try:
        return Dossier.model_validate_json(document)
    except ValidationError:
        raise DossierUnreadable(
            f"Le dossier {reference} ne peut pas être relu par cette version de Passerelle. "
            "Il n'a pas été modifié ; mettez Passerelle à jour."
        ) from None


class DossierRepository:
    """Create, read, update and delete dossiers of an open vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def list(self) -> tuple[list[Dossier], list[str]]:
        """Readable dossiers, most recently changed first, and a message per unreadable one."""
        with self._vault.connection() as conn:
            rows = conn.execute(
                "SELECT reference, document FROM dossiers ORDER BY modifie_le DESC"
            ).fetchall()
        dossiers, problems = [], []
        for reference, document in rows:
            try:
                dossiers.append(_parse(document, reference))
            except DossierUnreadable as exc:
                problems.append(exc.message)
        return dossiers, problems

    def create(
        self,
        reference: str,
        type_etablissement: TypeEtablissement | str,
        jour: date | None = None,
        conseiller_id: str | None = None,
    ) -> Dossier:
        """A new dossier, with its first meeting when `jour` is given, written in one go."""
        try:
            dossier = Dossier.ouvrir(reference, type_etablissement)
            if jour is not None:
                dossier.nouvelle_rencontre(jour, conseiller_id)
        except ValidationError as exc:
            raise DonneesInvalides.depuis(exc, Dossier) from None
        self._insert(dossier)
        return dossier

    def _insert(self, dossier: Dossier) -> None:
        try:
            with self._vault.transaction() as conn:
                conn.execute(
                    "INSERT INTO dossiers (id, reference, cree_le, modifie_le, document) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        dossier.id,
                        dossier.reference,
                        dossier.cree_le.isoformat(),
                        dossier.modifie_le.isoformat(),
                        dossier.model_dump_json(),
                    ),
                )
        except sqlite.IntegrityError:
            raise DossierAlreadyExists(
                f"Un dossier porte déjà la référence {dossier.reference}. Choisissez-en une autre."
            ) from None

    def get(self, dossier_id: str) -> Dossier:
        with self._vault.connection() as conn:
            row = conn.execute(
                "SELECT reference, document FROM dossiers WHERE id = ?", (dossier_id,)
            ).fetchone()
        if row is None:
            raise DossierNotFound("Ce dossier n'existe plus dans le coffre.")
        return _parse(row[1], row[0])

    def save(self, dossier: Dossier) -> Dossier:
        """Write the whole dossier at once, after a full validation of its state."""
        try:
            checked = Dossier.model_validate(dossier.model_dump())
        except ValidationError as exc:
            raise DonneesInvalides.depuis(exc, Dossier) from None
        checked.modifie_le = maintenant()
        try:
            with self._vault.transaction() as conn:
                cursor = conn.execute(
                    "UPDATE dossiers SET reference = ?, modifie_le = ?, document = ? WHERE id = ?",
                    (
                        checked.reference,
                        checked.modifie_le.isoformat(),
                        checked.model_dump_json(),
                        checked.id,
                    ),
                )
                if cursor.rowcount != 1:
                    raise DossierNotFound("Ce dossier n'existe plus dans le coffre.")
        except sqlite.IntegrityError:
            raise DossierAlreadyExists(
                f"Un dossier porte déjà la référence {checked.reference}. Choisissez-en une autre."
            ) from None
        dossier.modifie_le = checked.modifie_le
        return checked

    def delete(self, dossier_id: str) -> None:
        """Hard delete; `secure_delete` overwrites the freed pages."""
        with self._vault.transaction() as conn:
            cursor = conn.execute("DELETE FROM dossiers WHERE id = ?", (dossier_id,))
            if cursor.rowcount != 1:
                raise DossierNotFound("Ce dossier n'existe plus dans le coffre.")
            # The pseudonymisation mapping holds names and places: it goes with the dossier.
            conn.execute("DELETE FROM correspondances WHERE dossier_id = ?", (dossier_id,))
        # Fold the WAL into the main file so the deleted document leaves no trace in it.
        with self._vault.connection() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
