"""Time to export one validated synthesis, per format, against a target.

A counsellor clicks "Exporter" and waits: the first export of a session pays the imports and
the font loading, the next ones do not. Both are measured on a fictitious dossier of about
forty sentences, written into a temporary folder that is removed afterwards.
"""

import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.drafts import PhraseBrouillon, SectionBrouillon
from assistant.domain.enums import Destinataire
from assistant.export import exporter

TARGET_SECONDS = 1.0
RUNS = 5
THEMES = ("contexte", "parcours", "competences", "freins", "projet", "plan", "preconisations")


def _brouillon() -> Brouillon:
    phrase = (
        'Il a travaillé 3 ans comme manoeuvre dans l\'oeuvre "Bâtir ensemble" ; '
        "objectif : un CDI à 1 800 € par mois ?"
    )
    sections = [
        SectionBrouillon(
            cle=theme,
            titre=f"Partie {theme}",
            phrases=[
                PhraseBrouillon(texte=f"{phrase} ({i})", theme=theme, sources=["conseiller"])
                for i in range(6)
            ],
        )
        for theme in THEMES
    ]
    return Brouillon(
        type="synthese",
        sections=sections,
        statut="valide_conseiller",
        valide_par="cip-07",
        valide_le=datetime(2026, 11, 25, tzinfo=UTC),
    )


def main() -> None:
    dossier = Dossier.ouvrir("CP-2026-007", "centre_penitentiaire")
    brouillon = _brouillon()
    print(f"target: {TARGET_SECONDS:.1f} s per export")
    with tempfile.TemporaryDirectory() as dossier_cible:
        for fmt in ("md", "docx", "pdf"):
            durees = []
            for _ in range(RUNS):
                debut = time.perf_counter()
                exporter(dossier, brouillon, Destinataire.SPIP, fmt, Path(dossier_cible))
                durees.append(time.perf_counter() - debut)
            suivantes = statistics.median(durees[1:])
            ok = "ok" if max(durees) <= TARGET_SECONDS else "OVER TARGET"
            print(f"{fmt:5s} first {durees[0]:.3f} s, then median {suivantes:.3f} s  {ok}")


if __name__ == "__main__":
    main()
