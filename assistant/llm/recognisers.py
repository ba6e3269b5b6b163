"""Presidio recognisers for French identifiers. Imported only when the engine is built.

Patterns use the `regex` module (Presidio's), which allows variable-length look-behinds: a
number is an écrou only right after the word "écrou", a date is a birth date only after
"né le", and the word itself stays in the text. `(?-i:...)` keeps capitals significant in
names although Presidio matches case-insensitively.
"""

from presidio_analyzer import Pattern, PatternRecognizer

LANGUE = "fr"
# A capitalised word of a proper name, hyphenated parts included (Lille-Annœullin, Saint-Denis).
_NOM = r"(?-i:\p{Lu}[\p{L}'’]*(?:-(?:(?:sur|sous|en|lès|les|la|le|de|du|d')-)?\p{Lu}[\p{L}'’]*)*)"
_NOM_COMPOSE = rf"{_NOM}(?:\s+(?:(?:de|du|des|la|le|les|sur|en|d'|l')\s*)?{_NOM})*"
_MOIS = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre)"
)
_DATE = rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{1,2}}(?:er)?\s+{_MOIS}\s+\d{{4}})"
_VOIES = (
    r"(?:rue|avenue|av\.|boulevard|bd|bld|chemin|ch\.|impasse|all[ée]e|place|pl\.|route|rte|"
    r"quai|cours|square|r[ée]sidence|lotissement|cit[ée]|passage|sentier|hameau|faubourg|"
    r"rond-point|esplanade|promenade|voie|villa|mail|parvis)"
)
_CODE_VILLE = rf"(?<!\d)(?:0[1-9]|[1-8]\d|9[0-8])\d{{3}}\s+{_NOM_COMPOSE}(?:\s+(?-i:CEDEX))?"
_ETABLISSEMENTS = (
    r"(?:centre p[ée]nitentiaire|maison d['’]arr[êe]t|maison centrale|centre de d[ée]tention|"
    r"centre de semi-libert[ée]|quartier de semi-libert[ée]|centre pour peines am[ée]nag[ée]es|"
    r"[ée]tablissement p[ée]nitentiaire pour mineurs|(?-i:CP|MA|CD|MC|CSL|QSL|EPM))"
)

_ANTENNES = (
    r"(?:mission locale|spip|france travail|p[ôo]le emploi|cap emploi|agence|caf|cpam|mairie|"
    r"ccas|tribunal judiciaire|antenne|permanence|foyer|chrs|csapa)"
)


def _nir_valide(texte: str) -> bool:
    """The key of a NIR is 97 - (the 13 digits mod 97); Corsica's 2A/2B count as 19/18."""
    compact = "".join(ch for ch in texte.upper() if ch.isalnum())
    if len(compact) != 15:
        return False
    corps, cle = compact[:13], compact[13:]
    corps = corps.replace("2A", "19", 1) if corps[5:7] == "2A" else corps
    corps = corps.replace("2B", "18", 1) if corps[5:7] == "2B" else corps
    if not (corps.isdigit() and cle.isdigit()):
        return False
    return 97 - int(corps) % 97 == int(cle)


class NirRecognizer(PatternRecognizer):
    """Numéro de sécurité sociale, spaced or not, kept only if its key is right."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="NIR",
            supported_language=LANGUE,
            patterns=[
                Pattern(
                    "nir",
                    r"(?<![\dA-Z])[1-478][\s.]?\d{2}[\s.]?\d{2}[\s.]?(?:\d{2}|2[AB])[\s.]?\d{3}"
                    r"[\s.]?\d{3}[\s.]?\d{2}(?![\dA-Z])",
                    0.6,
                )
            ],
            context=["sécurité sociale", "securite sociale", "nir", "insee", "ss", "carte vitale"],
        )

    def validate_result(self, pattern_text: str) -> bool:
        return _nir_valide(pattern_text)


def _recogniser(
    entite: str, motifs: list[tuple[str, float]], contexte: list[str]
) -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity=entite,
        supported_language=LANGUE,
        patterns=[Pattern(f"{entite.lower()}_{i}", r, s) for i, (r, s) in enumerate(motifs)],
        context=contexte,
    )


def reconnaisseurs() -> list[PatternRecognizer]:
    """Every French pattern recogniser, one per category."""
    return [
        NirRecognizer(),
        _recogniser(
            "ECROU",
            [
                (
                    r"(?<=[ée]crou\s*(?:n°|no\.?|num[ée]ro|#)?\s*:?\s*)"
                    r"(?!\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\d[\d/-]{2,11}(?-i:[A-Z])?(?![\w/])",
                    0.9,
                )
            ],
            ["écrou", "ecrou", "matricule"],
        ),
        _recogniser(
            "TELEPHONE",
            [
                (
                    r"(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?[1-9]|0[1-9])"
                    r"(?:[\s.-]?\d{2}){4}(?!\d)",
                    0.8,
                )
            ],
            ["téléphone", "telephone", "tél", "tel", "portable", "mobile", "joindre", "appeler"],
        ),
        _recogniser(
            "COURRIEL",
            [(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", 0.95)],
            ["courriel", "mail", "e-mail", "adresse électronique"],
        ),
        _recogniser(
            "ADRESSE",
            [
                (
                    rf"(?<![\d\w])\d{{1,4}}(?:\s?(?:bis|ter|[A-D]))?,?\s+{_VOIES}\s+"
                    rf"(?:(?:du|de la|de l'|des|de|d'|l'|la|le|les)\s*)?{_NOM_COMPOSE}"
                    rf"(?:,?\s+{_CODE_VILLE})?",
                    0.85,
                ),
                (_CODE_VILLE, 0.7),
            ],
            ["adresse", "domicile", "habite", "hébergé", "hébergement", "demeurant"],
        ),
        _recogniser(
            "DATE_NAISSANCE",
            [
                (
                    r"(?<=\b(?:n[ée]e?s?|n[ée]\(e\)|date de naissance|ddn)\s*(?:le|:)?\s*)" + _DATE,
                    0.9,
                )
            ],
            ["né", "née", "naissance"],
        ),
        # spaCy tags "Mission locale de Tourcoing" as one organisation, which is not replaced:
        # the town of a local office is found here.
        _recogniser(
            "LIEU",
            [
                (
                    rf"(?<=\b{_ANTENNES}\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+)){_NOM_COMPOSE}",
                    0.85,
                )
            ],
            [],
        ),
        _recogniser(
            "ETABLISSEMENT",
            [
                (
                    rf"\b{_ETABLISSEMENTS}\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+|des\s+){_NOM_COMPOSE}",
                    0.9,
                )
            ],
            ["détenu", "incarcéré", "écroué", "détention", "transféré"],
        ),
    ]
