"""The feedback grid and the progress across simulations, as Rich text for the screens."""

from datetime import date

from rich.text import Text

from assistant.domain.simulation import CritereSimulation
from assistant.simulation.fichiers import charger_feedback
from assistant.simulation.grille import GrilleFeedback, libelle

ORIGINES = {
    "regles": "règles simples",
    "llm": "modèle de langage",
    "conseiller": "conseiller",
}


def marques(note: int) -> str:
    """« ●●●○ » for 3 out of 4."""
    note = max(0, min(note, 4))
    return "●" * note + "○" * (4 - note)


def texte_grille(
    grille: GrilleFeedback, auto_evaluation: str | None = None, bandeau: bool = True
) -> Text:
    """Practice label, the person's own view, strengths first, at most two areas, then each
    criterion with its observation and tip, then the criteria not scored and what to watch."""
    textes = charger_feedback()
    texte = Text()
    if bandeau:
        texte.append(grille.bandeau + "\n", style="bold")
    texte.append(f"Échelle : {textes.echelle}\n")
    if auto_evaluation:
        texte.append("\nCe que vous en pensez : ", style="bold")
        texte.append(Text(auto_evaluation))  # the person's words: plain text
        texte.append("\n")
    forts = grille.points_forts
    if forts:
        texte.append("\nCe qui va bien\n", style="bold green")
        for critere in forts:
            texte.append(f"  ✔ {libelle(critere)}\n")
    axes = grille.axes_progres
    if axes:
        texte.append("\nÀ travailler en priorité\n", style="bold yellow")
        for critere in axes:
            texte.append(f"  → {libelle(critere)}\n")
    texte.append("\nDétail, critère par critère\n", style="bold")
    for note in grille.criteres:
        texte.append(f"{marques(note.note_1_4)} ", style="bold cyan")
        texte.append(f"{libelle(note.critere)} : {note.note_1_4}/4", style="bold")
        if note.source != "regles":
            texte.append(f"  ({ORIGINES.get(note.source, note.source)})", style="dim")
        texte.append("\n")
        texte.append("    Observation : ", style="dim")
        texte.append(note.observation + "\n")
        texte.append("    Conseil : ", style="dim")
        texte.append(note.conseil + "\n")
    if grille.non_notes:
        texte.append("\nNon notés", style="bold")
        texte.append(" — le conseiller peut les noter (F2)\n", style="dim")
        for non_note in grille.non_notes:
            texte.append(f"○○○○ {libelle(non_note.critere)}\n", style="bold")
            texte.append(f"    À observer : {non_note.texte}\n")
            if non_note.conseil:
                texte.append(f"    Conseil : {non_note.conseil}\n")
    texte.rstrip()
    return texte


def _quand(point: date | int) -> str:
    return f"{point:%d/%m}" if isinstance(point, date) else f"n°{point}"


def texte_progression(
    points: dict[CritereSimulation, list[tuple[date | int, int]]], dernieres: int = 5
) -> Text:
    """Per criterion, the notes of the last simulations as ●●○○ marks, oldest first."""
    if not points:
        return Text(
            "Aucune simulation notée dans ce dossier pour l'instant : la progression apparaîtra "
            "après la première simulation enregistrée.",
            style="italic",
        )
    texte = Text(
        f"Notes de 1 à 4 par critère, des {dernieres} dernières simulations au plus, "
        "de la plus ancienne à la plus récente.\n"
    )
    for critere, suite in points.items():
        derniers = suite[-dernieres:]
        texte.append(f"\n{libelle(critere)}\n", style="bold")
        texte.append("  ")
        for quand, note in derniers:
            texte.append(f" {marques(note)}", style="cyan")
            texte.append(f" {_quand(quand)}", style="dim")
        if len(derniers) >= 2:
            ecart = derniers[-1][1] - derniers[0][1]
            fleche = "↗" if ecart > 0 else "↘" if ecart < 0 else "→"
            texte.append(f"  {fleche}", style="bold")
    texte.rstrip()
    return texte
