"""Pseudonymisation: recall on identifiers, precision of replacements, words kept, speed.

A small hand-labelled set of fictitious French interview notes. Recall counts an identifier as
caught when none of it is left in the text sent; precision counts a replacement as right when
it covers (part of) a labelled identifier. Targets: recall 1.0 on structured identifiers,
>= 0.9 on names and places; precision >= 0.9; every job word and public body kept.
"""

import time
from collections import defaultdict

from assistant.llm.correspondances import Correspondances
from assistant.llm.pseudonymisation import obtenir_pseudonymiseur

# (text, {identifier: category}, words that must stay). All people and numbers are fictitious.
CAS: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "M. Karim Benali, né le 12/03/1988 à Roubaix, est au centre pénitentiaire de "
        "Lille-Annœullin, écrou 45821B. Il veut devenir cariste.",
        {"Karim Benali": "PERSONNE", "12/03/1988": "DATE_NAISSANCE", "Roubaix": "LIEU",
         "centre pénitentiaire de Lille-Annœullin": "ETABLISSEMENT", "45821B": "ECROU"},
        ["cariste"],
    ),
    (
        "Mme Sophie Lefebvre, née le 3 avril 1990, sortira de la maison d'arrêt de Fresnes. "
        "Elle sera hébergée chez sa mère au 27 impasse du Moulin, 62300 Lens.",
        {"Sophie Lefebvre": "PERSONNE", "3 avril 1990": "DATE_NAISSANCE",
         "maison d'arrêt de Fresnes": "ETABLISSEMENT",
         "27 impasse du Moulin, 62300 Lens": "ADRESSE"},
        [],
    ),
    (
        "Contact du frère, Yannick Morel : 06 11 22 33 44 ou yannick.morel@exemple.fr. "
        "NIR 1 88 03 59 350 123 57. Suivi SPIP et France Travail.",
        {"Yannick Morel": "PERSONNE", "06 11 22 33 44": "TELEPHONE",
         "yannick.morel@exemple.fr": "COURRIEL", "1 88 03 59 350 123 57": "NIR"},
        ["SPIP", "France Travail"],
    ),
    (
        "A travaillé comme maçon à Valenciennes puis comme soudeur chez un artisan de Douai. "
        "Inscrit à la Mission locale, formation Afpa envisagée à Arras.",
        {"Valenciennes": "LIEU", "Douai": "LIEU", "Arras": "LIEU"},
        ["maçon", "soudeur", "Mission locale", "Afpa"],
    ),
    (
        "Transféré du CD de Bapaume à la MA de Douai. Numéro d'écrou : 2024/1234. "
        "Portable +33 7 12 34 56 78. Date de naissance : 01-02-1975.",
        {"CD de Bapaume": "ETABLISSEMENT", "MA de Douai": "ETABLISSEMENT",
         "2024/1234": "ECROU", "+33 7 12 34 56 78": "TELEPHONE", "01-02-1975": "DATE_NAISSANCE"},
        [],
    ),
    (
        "Jean-Pierre Martin souhaite rejoindre une entreprise d'insertion à Marseille. "
        "Sa compagne, Leïla Haddad, habite 4 bis avenue Jean Jaurès, 13001 Marseille.",
        {"Jean-Pierre Martin": "PERSONNE", "Marseille": "LIEU", "Leïla Haddad": "PERSONNE",
         "4 bis avenue Jean Jaurès, 13001 Marseille": "ADRESSE"},
        ["entreprise d'insertion"],
    ),
    (
        "Il a un CACES 3 et un CAP de cuisine. Rendez-vous avec la CPIP et la Mission locale "
        "de Tourcoing. Levée d'écrou prévue le 12/06/2026.",
        {"Tourcoing": "LIEU"},
        ["CACES", "CAP", "CPIP", "Mission locale", "12/06/2026"],
    ),
    (
        "Thomas Girard a grandi à Besançon. Sa fille vit à Dijon avec sa mère, Claire Girard. "
        "Tél. fixe de la mère : 03 80 11 22 33.",
        {"Thomas Girard": "PERSONNE", "Besançon": "LIEU", "Dijon": "LIEU",
         "Claire Girard": "PERSONNE", "03 80 11 22 33": "TELEPHONE"},
        [],
    ),
]  # fmt: skip


def main() -> None:
    debut = time.perf_counter()
    outil = obtenir_pseudonymiseur()
    construction = time.perf_counter() - debut
    trouves: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    justes = total = gardes = a_garder = 0
    durees = []
    for texte, attendus, conserver in CAS:
        t0 = time.perf_counter()
        sortie, correspondances = outil.pseudonymiser(texte, Correspondances())
        durees.append(time.perf_counter() - t0)
        for valeur, categorie in attendus.items():
            trouves[categorie][1] += 1
            mots = [m for m in valeur.replace(",", " ").split() if len(m) > 2]
            if all(m not in sortie for m in mots):
                trouves[categorie][0] += 1
            else:
                print(f"  manqué ({categorie}) : {valeur!r} -> {sortie}")
        for c in correspondances:
            total += 1
            if any(c.valeur in v or v in c.valeur for v in attendus):
                justes += 1
            else:
                print(f"  remplacé à tort ({c.categorie}) : {c.valeur!r}")
        for mot in conserver:
            a_garder += 1
            gardes += mot in sortie
    print(f"Construction du moteur : {construction:.1f} s")
    print(f"Temps par texte : {1000 * sum(durees) / len(durees):.0f} ms en moyenne")
    rappel = sum(t for t, _ in trouves.values()) / sum(n for _, n in trouves.values())
    print(f"Rappel global : {rappel:.2f}")
    for categorie, (t, n) in sorted(trouves.items()):
        print(f"  {categorie:<15} {t}/{n}")
    print(f"Précision des remplacements : {justes}/{total} = {justes / total:.2f}")
    print(f"Mots de métier et organismes gardés : {gardes}/{a_garder}")


if __name__ == "__main__":
    main()
