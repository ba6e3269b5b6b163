"""Markdown rendering (UTF-8, LF line ends) of an export document."""

import re

from assistant.export.document import DocumentExport

# Characters that would turn a sentence into markup (emphasis, links, HTML, tables).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# At the start of a line, these would make a heading, a list item or a quote.
_DEBUT_BLOC = re.compile(r"^(#|>|[-+]\s|\d+[.)]\s)")


def echapper(texte: str) -> str:
    """`texte` as literal Markdown text: shown as typed, never read as markup."""
    texte = _SPECIAL.sub(r"\\\1", texte)
    return _DEBUT_BLOC.sub(lambda m: "\\" + m.group(0), texte)


def rendre_markdown(document: DocumentExport) -> bytes:
    """The document as Markdown: title, header lines, sections as headings, footer."""
    lignes = [f"# {echapper(document.titre)}", ""]
    lignes += [f"{echapper(ligne)}  " for ligne in document.entete]
    for section in document.sections:
        lignes.append("")
        if section.titre:
            lignes += [f"## {echapper(section.titre)}", ""]
        for paragraphe in section.paragraphes:
            lignes += [echapper(paragraphe), ""]
        if lignes[-1] == "":
            lignes.pop()
    lignes += ["", "---", "", f"*{echapper(document.pied)}*", ""]
    return "\n".join(lignes).encode("utf-8")
