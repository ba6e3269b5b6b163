"""DOCX rendering with python-docx, imported inside the function to keep the package light."""

import io
from datetime import datetime

from assistant.export.document import DocumentExport


def rendre_docx(document: DocumentExport, maintenant: datetime) -> bytes:
    """The document as a Word file: title, header lines, sections as headings, footer."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    # French spelling and hyphenation in Word; the template's metadata would say "python-docx".
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    langue = rpr.find(qn("w:lang"))
    if langue is None:
        langue = rpr.makeelement(qn("w:lang"), {})
        rpr.append(langue)
    langue.set(qn("w:val"), "fr-FR")
    proprietes = doc.core_properties
    proprietes.title = document.titre
    proprietes.author = "Passerelle"
    proprietes.last_modified_by = "Passerelle"
    proprietes.comments = ""
    proprietes.language = "fr-FR"
    proprietes.created = maintenant.replace(tzinfo=None)
    proprietes.modified = maintenant.replace(tzinfo=None)
    proprietes.revision = 1

    doc.add_heading(document.titre, level=0)
    for ligne in document.entete:
        doc.add_paragraph(ligne)
    for section in document.sections:
        if section.titre:
            doc.add_heading(section.titre, level=1)
        for paragraphe in section.paragraphes:
            doc.add_paragraph(paragraphe)
    pied = doc.add_paragraph()
    pied.paragraph_format.space_before = Pt(18)
    pied.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    pied.add_run(document.pied).italic = True

    sortie = io.BytesIO()
    doc.save(sortie)
    return sortie.getvalue()
