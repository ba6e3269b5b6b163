"""Past jobs told by their tasks: « il refaisait les toits avec son oncle » -> couvreur.

People often describe what they did rather than name a job, above all for informal work (guide,
step 3: « même court ou non déclaré »). Only a task verb in a past tense with an object that
names one trade counts; « conduire la voiture de sa mère » or « il veut livrer » do not. The
proposal keeps the person's words as its excerpt and is confirmed by the counsellor like any other.
Texts are folded (lower case, no accents) by `Enonce`.
"""

import re

_PASSE = r"(?:ai|a|avons|avait|avais)\s+"
"""« j'ai livré », « il a refait »: the passé composé's auxiliary before a participle."""


def _verbe(imparfait: str, participe: str) -> str:
    """« livrait / livrais / livraient » and « a livré / ai livré » (folded: « livre »)."""
    return rf"(?:\b{imparfait}(?:is|it|ient)\b|\b{_PASSE}{participe}s?\b)"


_ARTICLE = r"(?:\s+(?:les|des|du|de\s+la|le|la|l'|un|une|ses|leurs))?\s*"

TACHES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(verbes + _ARTICLE + objets), metier)
    for verbes, objets, metier in (
        (
            f"(?:{_verbe('refaisa', 'refait')}|{_verbe('posa', 'pose')}"
            f"|{_verbe('repara', 'repare')}|{_verbe('faisa', 'fait')})",
            r"(?:toits?|toitures?|tuiles|ardoises|gouttieres|zinguerie)\b",
            "couvreur",
        ),
        (
            _verbe("livra", "livre"),
            r"(?:colis|pizzas?|repas|courses|plats|marchandises?|meubles|sushis|burgers)\b",
            "livreur",
        ),
        (
            _verbe("conduisa", "conduit"),
            r"(?:camions?|poids\s+lourds?|semi-remorques?|semis?|porteurs?|bennes?)\b",
            "chauffeur poids lourd",
        ),
        (
            _verbe("conduisa", "conduit"),
            r"(?:chariots?(?:\s+elevateurs?)?|clarks?|fenwicks?|transpalettes?\s+electriques?)\b",
            "cariste",
        ),
        (
            _verbe("conduisa", "conduit"),
            r"(?:engins|pelleteuses?|pelles?\s+mecaniques?|mini-?pelles?|tractopelles?|grues?"
            r"|bulldozers?|chargeuses?)\b",
            "conducteur d'engins",
        ),
        (
            f"(?:{_verbe('posa', 'pose')}|{_verbe('faisa', 'fait')})",
            r"(?:carrelage|faience|carreaux)\b",
            "carreleur",
        ),
        (
            f"(?:{_verbe('posa', 'pose')}|{_verbe('monta', 'monte')}|{_verbe('faisa', 'fait')})",
            r"(?:placo|placoplatre|plaques\s+de\s+platre|cloisons|faux\s+plafonds?)\b",
            "plaquiste",
        ),
        (
            f"(?:{_verbe('coula', 'coule')})",
            r"(?:dalles?|chapes?|fondations|beton)\b",
            "maçon",
        ),
        (
            f"(?:{_verbe('monta', 'monte')}|{_verbe('construisa', 'construit')})",
            r"(?:murs?|murets?|parpaings)\b",
            "maçon",
        ),
        (
            f"(?:{_verbe('tonda', 'tondu')}|{_verbe('tailla', 'taille')})",
            r"(?:pelouses?|haies|arbres|gazon|jardins?)\b",
            "jardinier",
        ),
        # What was repaired says which mechanic: the sheets differ (cars, motorcycles, trucks).
        (
            f"(?:{_verbe('repara', 'repare')}|{_verbe('retapa', 'retape')})",
            r"(?:voitures|vehicules|bagnoles|autos)\b",
            "mécanicien automobile",
        ),
        (
            f"(?:{_verbe('repara', 'repare')}|{_verbe('retapa', 'retape')})",
            r"(?:scooters|motos|mobylettes)\b",
            "mécanicien moto",
        ),
        (
            f"(?:{_verbe('repara', 'repare')}|{_verbe('retapa', 'retape')})",
            r"(?:camions|poids\s+lourds)\b",
            "mécanicien poids lourd",
        ),
        (
            _verbe("nettoya", "nettoye"),
            r"(?:bureaux|locaux|parties\s+communes|immeubles|vitres|chambres)\b",
            "agent d'entretien",
        ),
        (
            _verbe("prepara", "prepare"),
            r"(?:commandes|colis)\b",
            "préparateur de commandes",
        ),
        (
            _verbe("dechargea", "decharge"),
            r"(?:camions|palettes|containers|conteneurs)\b",
            "manutentionnaire",
        ),
        (
            _verbe("faisa", "fait"),
            r"(?:plonge)\b",
            "plongeur",
        ),
        (
            _verbe("faisa", "fait"),
            r"(?:demenagements?)\b",
            "déménageur",
        ),
        (
            f"(?:{_verbe('venda', 'vendu')}|{_verbe('faisa', 'fait')})",
            r"(?:sur\s+(?:les|des)\s+)?marches\b",
            "vendeur sur les marchés",
        ),
        (
            _verbe("lava", "lave"),
            r"(?:vaisselle)\b",
            "plongeur",
        ),
        (
            _verbe("chargea", "charge"),
            r"(?:camions|palettes|containers|conteneurs)\b",
            "manutentionnaire",
        ),
        (
            _verbe("tira", "tire"),
            r"(?:bieres|pressions|demis)\b",
            "barman",
        ),
        # Security work said by its rounds and checks (« il faisait des rondes la nuit »).
        (
            _verbe("faisa", "fait"),
            r"(?:rondes)\b",
            "agent de sécurité",
        ),
        (
            _verbe("fouilla", "fouille"),
            r"(?:sacs|visiteurs|spectateurs)\b",
            "agent de sécurité",
        ),
        (
            _verbe("cousa", "cousu"),
            r"(?:vetements|robes|pantalons|chemises|ourlets|rideaux|housses)\b",
            "couturier",
        ),
        (
            _verbe("ressemela", "ressemele"),
            r"(?:chaussures|bottes|souliers)\b",
            "cordonnier",
        ),
        (
            f"(?:{_verbe('abatta', 'abattu')}|{_verbe('coupa', 'coupe')})",
            r"(?:arbres)\b",
            "bûcheron",
        ),
    )
)


def metiers_des_taches(plie: str) -> list[tuple[str, int, int]]:
    """The trades the tasks of a folded text name, with where their words are."""
    trouves = [
        (metier, m.start(), m.end()) for motif, metier in TACHES for m in motif.finditer(plie)
    ]
    return sorted(trouves, key=lambda t: t[1])
