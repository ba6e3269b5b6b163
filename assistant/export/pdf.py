"""PDF rendering with fpdf2 and the Atkinson Hyperlegible font.

fpdf2's core fonts are Latin-1 only (no œ, ’, …), so a TrueType font is embedded. It comes from
the PyPI package `fontpkg-atkinson-hyperlegible` (SIL Open Font License 1.1, static TTF files,
no download at run time); Atkinson Hyperlegible was drawn by the Braille Institute for readers
with low vision, which suits people who struggle with reading.
(A variable font such as Noto Sans would need fontTools to build its bold instance: about
5 seconds per export on this hardware.)

Two PDF-only adjustments, both invisible on the page:
- the font has no narrow no-break space (U+202F): it becomes a no-break space (U+00A0),
  which keeps the same words together, only a little wider;
- fpdf2 keeps U+00A0 from breaking a line but writes it with the ordinary space glyph (PDF
  viewers stretch only that one when justifying), so text extracted from the PDF shows a plain
  space where the DOCX and Markdown files have U+00A0 or U+202F.

A character that the font cannot draw is never replaced by an empty box: the export is
refused with the characters named, and DOCX or Markdown remain possible.
"""

import unicodedata
from datetime import datetime
from pathlib import Path

from assistant.export.document import DocumentExport
from assistant.export.errors import ExportImpossible

FAMILLE = "AtkinsonHyperlegible"

EQUIVALENTS_PDF: dict[str, str] = {
    "\u202f": "\u00a0",  # narrow no-break space: missing from the font
    "\u2007": "\u00a0",  # figure space
    "\u2011": "-",  # non-breaking hyphen
    "\u2010": "-",  # hyphen
    "\t": " ",
}
_TABLE = str.maketrans(EQUIVALENTS_PDF)


def dossier_police() -> Path:
    """Folder of the TTF files shipped by `fontpkg-atkinson-hyperlegible`."""
    import fontpkg_atkinson_hyperlegible

    return Path(fontpkg_atkinson_hyperlegible.ROOT) / "files"


def texte_pdf(texte: str) -> str:
    """`texte` with the PDF-only equivalents applied."""
    return texte.translate(_TABLE)


def caracteres_absents(textes: list[str], cmap: dict[int, str]) -> list[str]:
    """Characters of `textes` the font cannot draw (line ends aside), in order of appearance."""
    absents: dict[str, None] = {}
    for texte in textes:
        for c in texte:
            if c not in "\n\r" and ord(c) not in cmap:
                absents.setdefault(c, None)
    return list(absents)


def _nom(c: str) -> str:
    return f"« {c} » ({unicodedata.name(c, f'U+{ord(c):04X}').lower()})"


def rendre_pdf(document: DocumentExport, maintenant: datetime) -> bytes:
    """The document as a PDF (A4): title, header lines, sections, footer and page numbers."""
    from fpdf import FPDF

    class _Pdf(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font(FAMILLE, "", 8)
            self.cell(0, 10, f"Page {self.page_no()}/{{nb}}", align="C")

    pdf = _Pdf(format="A4")
    polices = dossier_police()
    pdf.add_font(FAMILLE, "", polices / "AtkinsonHyperlegible-Regular.ttf")
    pdf.add_font(FAMILLE, "B", polices / "AtkinsonHyperlegible-Bold.ttf")
    pdf.add_font(FAMILLE, "I", polices / "AtkinsonHyperlegible-Italic.ttf")

    titre = texte_pdf(document.titre)
    entete = [texte_pdf(ligne) for ligne in document.entete]
    sections = [
        (texte_pdf(s.titre), [texte_pdf(p) for p in s.paragraphes]) for s in document.sections
    ]
    pied = texte_pdf(document.pied)
    tous = [titre, *entete, pied, *(t for s in sections for t in (s[0], *s[1]))]
    police = pdf.fonts[FAMILLE.lower()]
    cmap: dict[int, str] = getattr(police, "cmap", {})
    absents = caracteres_absents(tous, cmap)
    if absents:
        raise ExportImpossible(
            "La police du PDF ne sait pas dessiner "
            + ", ".join(_nom(c) for c in absents[:5])
            + ". Exportez ce document en DOCX ou en Markdown, ou corrigez ces caractères."
        )

    pdf.set_title(titre)
    pdf.set_lang("fr-FR")
    pdf.set_creator("Passerelle")
    pdf.set_producer("Passerelle")
    pdf.set_creation_date(maintenant)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    def bloc(texte: str, style: str, taille: float, hauteur: float, apres: float = 0) -> None:
        pdf.set_font(FAMILLE, style, taille)
        pdf.multi_cell(0, hauteur, texte, align="L", new_x="LMARGIN", new_y="NEXT")
        if apres:
            pdf.ln(apres)

    bloc(titre, "B", 18, 9, 3)
    for ligne in entete:
        bloc(ligne, "", 10, 5.5)
    pdf.ln(4)
    for titre_section, paragraphes in sections:
        if titre_section:
            bloc(titre_section, "B", 13, 7, 1.5)
        for paragraphe in paragraphes:
            bloc(paragraphe, "", 11, 6, 2)
        pdf.ln(2)
    pdf.ln(4)
    pdf.set_font(FAMILLE, "I", 10)
    pdf.multi_cell(0, 5.5, pied, align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
