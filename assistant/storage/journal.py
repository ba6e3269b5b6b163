"""The journal of events: append-only, hash-chained, pseudonymous (CNIL logging advice).

Each entry records who-did-what facts only (event name, pseudonymous dossier id, recipient,
scope, file name, provider…), never interview content. Each entry's digest covers its own
fields and the previous digest, so an edit, a deletion or a reordering breaks the chain and
`verifier()` names the first entry where it breaks.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from assistant.storage.vault import Vault

Evenement = Literal[
    "coffre_ouvert",
    "coffre_verrouille",
    "dossier_cree",
    "dossier_ouvert",
    "dossier_supprime",
    "brouillon_cree",
    "brouillon_relu",
    "brouillon_valide",
    "export",
    "export_refuse",
    "consentement_modifie",
    "appel_llm",
    "purge",
]
Detail = str | int | bool | None

GENESE = "0" * 64
_MAX_DETAIL = 200


@dataclass(frozen=True)
class EntreeJournal:
    seq: int
    horodatage: str
    evenement: str
    dossier_id: str | None
    details: dict[str, Detail]
    empreinte_precedente: str
    empreinte: str


@dataclass(frozen=True)
class Verification:
    ok: bool
    entrees: int
    message: str


def empreinte(
    seq: int,
    horodatage: str,
    evenement: str,
    dossier_id: str | None,
    details: str,
    precedente: str,
) -> str:
    """SHA-256 of the entry's fields and of the previous digest (canonical JSON)."""
    contenu = json.dumps(
        [seq, horodatage, evenement, dossier_id, details, precedente],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(contenu.encode("utf-8")).hexdigest()


def _details_json(details: dict[str, Detail]) -> str:
    for cle, valeur in details.items():
        if not isinstance(valeur, str | int | bool | type(None)):
            raise TypeError(f"détail de journal non scalaire : {cle}")
        # Short facts only: a long string would be content, which has no place here.
        if isinstance(valeur, str) and len(valeur) > _MAX_DETAIL:
            raise ValueError(f"détail de journal trop long : {cle}")
    return json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Journal:
    """Append and read the events of an open vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def ajouter(
        self, evenement: Evenement, *, dossier_id: str | None = None, **details: Detail
    ) -> None:
        """Append one event in its own durable transaction."""
        texte = _details_json(details)
        horodatage = datetime.now(UTC).isoformat(timespec="microseconds")
        with self._vault.transaction() as conn:
            derniere = conn.execute(
                "SELECT seq, empreinte FROM journal ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            seq, precedente = (derniere[0] + 1, derniere[1]) if derniere else (1, GENESE)
            conn.execute(
                "INSERT INTO journal (seq, horodatage, evenement, dossier_id, details, "
                "empreinte_precedente, empreinte) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    seq,
                    horodatage,
                    evenement,
                    dossier_id,
                    texte,
                    precedente,
                    empreinte(seq, horodatage, evenement, dossier_id, texte, precedente),
                ),
            )

    def entrees(
        self, *, dossier_id: str | None = None, limite: int | None = None
    ) -> list[EntreeJournal]:
        """Entries in order (the last `limite` ones when given), optionally for one dossier."""
        requete = "SELECT * FROM journal"
        parametres: tuple[str, ...] = ()
        if dossier_id is not None:
            requete += " WHERE dossier_id = ?"
            parametres = (dossier_id,)
        requete += " ORDER BY seq"
        with self._vault.connection() as conn:
            lignes = conn.execute(requete, parametres).fetchall()
        if limite is not None:
            lignes = lignes[-limite:] if limite > 0 else []
        return [
            EntreeJournal(
                seq=ligne[0],
                horodatage=ligne[1],
                evenement=ligne[2],
                dossier_id=ligne[3],
                details=json.loads(ligne[4]),
                empreinte_precedente=ligne[5],
                empreinte=ligne[6],
            )
            for ligne in lignes
        ]

    def verifier(self) -> Verification:
        """Walk the chain; the first edited, missing or moved entry is named in French."""
        with self._vault.connection() as conn:
            lignes = conn.execute(
                "SELECT seq, horodatage, evenement, dossier_id, details, "
                "empreinte_precedente, empreinte FROM journal ORDER BY rowid"
            ).fetchall()
        precedente = GENESE
        for rang, (seq, horodatage, evenement, dossier_id, details, prec, emp) in enumerate(
            lignes, start=1
        ):
            if seq != rang:
                return Verification(
                    False,
                    len(lignes),
                    f"Journal altéré : l'entrée n° {rang} manque ou a été déplacée "
                    f"(trouvé n° {seq} à sa place).",
                )
            if prec != precedente:
                return Verification(
                    False,
                    len(lignes),
                    f"Journal altéré : la chaîne est rompue à l'entrée n° {seq} "
                    "(une entrée précédente a été supprimée, modifiée ou déplacée).",
                )
            if empreinte(seq, horodatage, evenement, dossier_id, details, prec) != emp:
                return Verification(
                    False, len(lignes), f"Journal altéré : l'entrée n° {seq} a été modifiée."
                )
            precedente = emp
        return Verification(
            True, len(lignes), f"Journal intègre : {len(lignes)} entrées vérifiées."
        )
