"""Real DOCX, PDF and Markdown exports, read back with python-docx, pypdf and plain reads."""

import errno
import itertools
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from assistant.domain.dossier import Brouillon, Dossier
from assistant.domain.drafts import PhraseBrouillon, SectionBrouillon
from assistant.domain.enums import Destinataire, PerimetrePartage, TypeBrouillon
from assistant.domain.steps import Consentement
from assistant.export import ExportImpossible, ExportRefuse, exporter
from assistant.export.pdf import texte_pdf

pytestmark = pytest.mark.integration

NB = "\u00a0"
FINE = "\u202f"
MAINTENANT = datetime(2026, 11, 26, 9, 15, tzinfo=UTC)
NOM = "synthese_CP-2026-007_2026-11-26"

PARCOURS = 'Il a travaillé 3 ans comme manoeuvre dans l\'oeuvre "Bâtir ensemble"... avec coeur !'
COMPETENCES = "Compétences : conduite d'engins, 1 200 heures de pratique ; salaire visé 1 800€ ?"
SANTE = "Une orientation vers l'unité sanitaire est souhaitée."
EXCLUE = "Il évoque des dettes de loyer anciennes."
PLAN = "Préparer le CACES R489 avant la sortie."


class JournalEnregistreur:
    """Stands in for `assistant.storage.journal.Journal`: keeps what it is given."""

    def __init__(self, echoue: bool = False) -> None:
        self.evenements: list[tuple[str, str | None, dict[str, Any]]] = []
        self.echoue = echoue

    def ajouter(self, evenement: str, *, dossier_id: str | None = None, **details: Any) -> None:
        if self.echoue:
            raise RuntimeError("journal indisponible")
        self.evenements.append((evenement, dossier_id, details))


def _phrase(texte: str, theme: str) -> PhraseBrouillon:
    return PhraseBrouillon(texte=texte, theme=theme, sources=["conseiller"])


@pytest.fixture
def dossier() -> Dossier:
    d = Dossier.ouvrir("CP-2026-007", "centre_penitentiaire")
    d.etapes.synthese.consentements = [
        Consentement(
            destinataire=Destinataire.EMPLOYEUR,
            perimetre=PerimetrePartage.PARCOURS_ET_COMPETENCES,
            accord=True,
            date=date(2026, 11, 20),
            recueilli_par="cip-07",
        ),
        Consentement(
            destinataire=Destinataire.ASSOCIATION,
            perimetre=PerimetrePartage.SYNTHESE_COMPLETE,
            accord=False,
            date=date(2026, 11, 20),
            recueilli_par="cip-07",
        ),
    ]
    d.etapes.synthese.elements_exclus_par_personne = ["ses dettes"]
    return d


@pytest.fixture
def synthese() -> Brouillon:
    return Brouillon(
        type="synthese",
        sections=[
            SectionBrouillon(
                cle="parcours",
                titre="Parcours et compétences",
                phrases=[
                    _phrase(PARCOURS, "parcours"),
                    _phrase(COMPETENCES, "competences"),
                ],
            ),
            SectionBrouillon(
                cle="freins",
                titre="Freins et ressources",
                phrases=[_phrase(SANTE, "sante"), _phrase(EXCLUE, "freins")],
            ),
            SectionBrouillon(cle="plan", titre="Plan d'action", phrases=[_phrase(PLAN, "plan")]),
        ],
        statut="valide_conseiller",
        valide_par="cip-07",
        valide_le=datetime(2026, 11, 25, 17, 0, tzinfo=UTC),
    )


def _texte(chemin: Path) -> str:
    if chemin.suffix == ".md":
        return chemin.read_text(encoding="utf-8")
    if chemin.suffix == ".docx":
        return "\n".join(p.text for p in Document(str(chemin)).paragraphs)
    return "\n".join(page.extract_text() for page in PdfReader(chemin).pages)


ATTENDU = [
    f"Il a travaillé 3{NB}ans comme manœuvre dans l’œuvre «{NB}Bâtir ensemble{NB}»… "
    f"avec cœur{FINE}!",
    f"Compétences{NB}: conduite d’engins, 1{FINE}200{NB}heures de pratique{FINE}; "
    f"salaire visé 1{FINE}800{NB}€{FINE}?",
    "Préparer le CACES R489 avant la sortie.",
    f"Destinataire{NB}: SPIP",
    f"Périmètre partagé{NB}: Synthèse sans santé ni addictions",
    f"Date{NB}: 26 novembre 2026",
    "Document validé par cip-07 le 25 novembre 2026.",
]


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_export_keeps_french_typography_and_drops_what_is_outside_consent(
    fmt: str, tmp_path: Path, dossier: Dossier, synthese: Brouillon
) -> None:
    journal = JournalEnregistreur()
    resultat = exporter(
        dossier, synthese, "spip", fmt, tmp_path, journal=journal, maintenant=MAINTENANT
    )
    assert resultat.chemin == tmp_path / f"{NOM}.{fmt}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{NOM}.{fmt}"]
    assert stat.S_IMODE(resultat.chemin.stat().st_mode) == 0o600

    texte = _texte(resultat.chemin)
    if fmt == "pdf":
        # Documented mapping: U+202F becomes U+00A0, which fpdf2 writes as a plain space.
        attendus = [texte_pdf(a).replace(NB, " ") for a in ATTENDU]
        # pypdf puts a line end where the PDF wraps: compare with lines joined.
        texte = texte.replace("\n", " ")
        assert FINE not in texte
    else:
        attendus = ATTENDU
    for ligne in attendus:
        assert ligne in texte, (ligne, texte)
    for caractere in "éœ«»’…€":
        assert caractere in texte
    for absent in ("unité sanitaire", "sanitaire", "dettes", "Brouillon", "brouillon"):
        assert absent not in texte
    assert "Freins et ressources" not in texte  # a section left empty is dropped

    assert len(journal.evenements) == 1
    evenement, dossier_id, details = journal.evenements[0]
    assert evenement == "export" and dossier_id == dossier.id
    assert details["destinataire"] == "spip"
    assert details["perimetre"] == "synthese_sans_sante_addictions"
    assert details["fichier"] == f"{NOM}.{fmt}"
    assert details["format"] == fmt
    contenu_journal = repr(details)
    for morceau in ("manoeuvre", "CACES", "travaillé", "CP-2026-007_" + "x", str(tmp_path)):
        assert morceau not in contenu_journal


def test_docx_structure(tmp_path: Path, dossier: Dossier, synthese: Brouillon) -> None:
    chemin = exporter(dossier, synthese, "spip", "docx", tmp_path, maintenant=MAINTENANT).chemin
    doc = Document(str(chemin))
    titres = [
        (p.style.name, p.text)
        for p in doc.paragraphs
        if p.style.name.startswith(("Title", "Heading"))
    ]
    assert titres == [
        ("Title", "Synthèse"),
        ("Heading 1", "Parcours et compétences"),
        ("Heading 1", "Plan d’action"),
    ]
    assert doc.core_properties.author == "Passerelle"
    assert doc.core_properties.language == "fr-FR"
    assert doc.paragraphs[-1].text == "Document validé par cip-07 le 25 novembre 2026."


def test_pdf_no_break_spaces_never_end_a_line(tmp_path: Path, dossier: Dossier) -> None:
    # Pieces of uneven length so that line ends fall everywhere in the pattern.
    morceaux = [
        f"{'la' * (1 + i % 5)} n° {i} : « {'o' * (1 + i * 7 % 11)} » ! "
        f"Coût 1 {i:03d} € ; durée {i} mois ?"
        for i in range(40)
    ]
    brouillon = Brouillon(
        type="synthese",
        sections=[
            SectionBrouillon(
                cle="parcours",
                titre="Parcours",
                phrases=[_phrase(" ".join(morceaux)[:1000], "parcours")],
            )
        ],
        statut="valide_conseiller",
        valide_par="cip-07",
        valide_le=MAINTENANT,
    )
    chemin = exporter(dossier, brouillon, "spip", "pdf", tmp_path, maintenant=MAINTENANT).chemin
    texte = "\n".join(p.extract_text() for p in PdfReader(chemin).pages)
    debut = texte.index("la n° 0")
    lignes = texte[debut : texte.index("Document validé")].split("\n")
    assert len(lignes) > 8
    # Line ends do land inside the pattern, not only between two pieces.
    assert sum(not ligne.startswith("la") for ligne in lignes[1:]) >= 3
    for avant, apres in itertools.pairwise(lignes):
        assert not avant.endswith(("«", "n°", "Coût 1")), (avant, apres)
        assert not apres.startswith(("»", "!", "?", ";", ":", "€", "mois")), (avant, apres)


def test_exports_never_overwrite(tmp_path: Path, dossier: Dossier, synthese: Brouillon) -> None:
    premier = exporter(dossier, synthese, "spip", "md", tmp_path, maintenant=MAINTENANT).chemin
    avant = premier.read_bytes()
    deuxieme = exporter(dossier, synthese, "spip", "md", tmp_path, maintenant=MAINTENANT).chemin
    troisieme = exporter(dossier, synthese, "spip", "md", tmp_path, maintenant=MAINTENANT).chemin
    assert [premier.name, deuxieme.name, troisieme.name] == [
        f"{NOM}.md",
        f"{NOM}-2.md",
        f"{NOM}-3.md",
    ]
    assert premier.read_bytes() == avant
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [premier.name, deuxieme.name, troisieme.name]
    )


def test_file_systems_without_hard_links_still_never_overwrite(
    tmp_path: Path, dossier: Dossier, synthese: Brouillon, monkeypatch: pytest.MonkeyPatch
) -> None:
    def sans_lien(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", sans_lien)
    (tmp_path / f"{NOM}.docx").write_bytes(b"ancien")
    chemin = exporter(dossier, synthese, "spip", "docx", tmp_path, maintenant=MAINTENANT).chemin
    assert chemin.name == f"{NOM}-2.docx"
    assert (tmp_path / f"{NOM}.docx").read_bytes() == b"ancien"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{NOM}-2.docx", f"{NOM}.docx"]


@pytest.mark.parametrize(
    ("destinataire", "type_document", "debut"),
    [
        ("association", "synthese", "La personne a refusé le partage avec « Association »"),
        ("mission_locale", "synthese", "Aucun consentement de la personne"),
        ("spip", "resume_falc", "Le résumé facile à lire est écrit pour la personne"),
    ],
)
@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_refused_exports_write_nothing(
    tmp_path: Path,
    dossier: Dossier,
    synthese: Brouillon,
    destinataire: str,
    type_document: str,
    debut: str,
    fmt: str,
) -> None:
    brouillon = synthese.model_copy(update={"type": TypeBrouillon(type_document)})
    journal = JournalEnregistreur()
    with pytest.raises(ExportRefuse) as refus:
        exporter(dossier, brouillon, destinataire, fmt, tmp_path, journal=journal)
    assert str(refus.value).startswith(debut)
    assert refus.value.decision is not None and not refus.value.decision.autorise
    assert list(tmp_path.iterdir()) == []
    assert journal.evenements == []


def test_unvalidated_draft_is_never_exported(tmp_path: Path, dossier: Dossier) -> None:
    brouillon = Brouillon(
        type="synthese",
        sections=[SectionBrouillon(cle="plan", titre="Plan", phrases=[_phrase(PLAN, "plan")])],
    )
    for fmt in ("md", "docx", "pdf"):
        with pytest.raises(ExportRefuse, match="Brouillon"):
            exporter(dossier, brouillon, "personne", fmt, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_employer_gets_only_path_and_skills(
    tmp_path: Path, dossier: Dossier, synthese: Brouillon
) -> None:
    chemin = exporter(dossier, synthese, "employeur", "md", tmp_path, maintenant=MAINTENANT).chemin
    texte = chemin.read_text(encoding="utf-8")
    assert "manœuvre" in texte and "conduite d’engins" in texte
    assert "CACES" not in texte and "sanitaire" not in texte and "dettes" not in texte
    assert f"Périmètre partagé{NB}: Parcours et compétences" in texte


def test_the_person_gets_the_whole_document(
    tmp_path: Path, dossier: Dossier, synthese: Brouillon
) -> None:
    chemin = exporter(dossier, synthese, "personne", "docx", tmp_path, maintenant=MAINTENANT).chemin
    texte = _texte(chemin)
    assert "unité sanitaire" in texte and "dettes de loyer" in texte
    assert "Périmètre" not in texte
    assert f"Destinataire{NB}: La personne elle-même" in texte


@pytest.mark.parametrize(
    ("erreur", "message"),
    [
        (errno.ENOSPC, "est plein"),
        (errno.EROFS, "lecture seule"),
        (errno.EACCES, "lecture seule"),
    ],
)
def test_write_failures_leave_nothing_and_speak_french(
    tmp_path: Path,
    dossier: Dossier,
    synthese: Brouillon,
    monkeypatch: pytest.MonkeyPatch,
    erreur: int,
    message: str,
) -> None:
    def fsync_en_echec(_fd: int) -> None:
        raise OSError(erreur, os.strerror(erreur))

    monkeypatch.setattr(os, "fsync", fsync_en_echec)
    journal = JournalEnregistreur()
    with pytest.raises(ExportImpossible, match=message):
        exporter(dossier, synthese, "spip", "docx", tmp_path, journal=journal)
    assert list(tmp_path.iterdir()) == []
    assert journal.evenements == []


def test_missing_or_wrong_folder(tmp_path: Path, dossier: Dossier, synthese: Brouillon) -> None:
    with pytest.raises(ExportImpossible, match="n'existe pas"):
        exporter(dossier, synthese, "spip", "md", tmp_path / "absent")
    fichier = tmp_path / "un-fichier"
    fichier.write_text("x")
    with pytest.raises(ExportImpossible, match="n'est pas un dossier"):
        exporter(dossier, synthese, "spip", "md", fichier)
    assert not (tmp_path / "absent").exists()


def test_read_only_folder_is_refused_before_writing(
    tmp_path: Path, dossier: Dossier, synthese: Brouillon, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests run as root, whom chmod does not stop: the access check is simulated.
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)
    with pytest.raises(ExportImpossible, match="lecture seule"):
        exporter(dossier, synthese, "spip", "pdf", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_export_the_journal_cannot_record_is_removed(
    tmp_path: Path, dossier: Dossier, synthese: Brouillon
) -> None:
    with pytest.raises(ExportImpossible, match="journal"):
        exporter(dossier, synthese, "spip", "md", tmp_path, journal=JournalEnregistreur(True))
    assert list(tmp_path.iterdir()) == []


def test_pdf_refuses_characters_its_font_cannot_draw(
    tmp_path: Path, dossier: Dossier, synthese: Brouillon
) -> None:
    brouillon = synthese.model_copy(deep=True)
    brouillon.sections[0].phrases[0].texte = "Projet : cariste → chef d’équipe 中"
    with pytest.raises(ExportImpossible, match="DOCX ou en Markdown") as erreur:
        exporter(dossier, brouillon, "spip", "pdf", tmp_path)
    assert "→" in str(erreur.value) and "中" in str(erreur.value)
    assert list(tmp_path.iterdir()) == []
    chemin = exporter(dossier, brouillon, "spip", "docx", tmp_path).chemin
    assert "cariste → chef d’équipe 中" in _texte(chemin)
