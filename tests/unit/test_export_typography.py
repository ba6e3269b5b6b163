"""French typography of exported text (Imprimerie nationale usage)."""

import pytest

from assistant.export.typography import typographier

pytestmark = pytest.mark.unit

NB = "\u00a0"  # no-break space
FINE = "\u202f"  # narrow no-break space

CAS = [
    # Apostrophes
    ("l'atelier", "l’atelier"),
    ("Aujourd'hui, c'est l'heure.", "Aujourd’hui, c’est l’heure."),
    ("qu'il", "qu’il"),
    ("L'Afpa", "L’Afpa"),
    ("les 'guillemets simples'", "les 'guillemets simples'"),
    ("12'", "12'"),
    # Ellipsis
    ("Et puis...", "Et puis…"),
    ("etc.... fin", "etc.... fin"),
    # Guillemets
    ('Il dit "oui".', f"Il dit «{NB}oui{NB}»."),
    ('" espacé "', f"«{NB}espacé{NB}»"),
    ("“Bonjour”", f"«{NB}Bonjour{NB}»"),
    ("«Bonjour»", f"«{NB}Bonjour{NB}»"),
    ("« Bonjour »", f"«{NB}Bonjour{NB}»"),
    # High punctuation
    ("Vraiment ?", f"Vraiment{FINE}?"),
    ("Vraiment?", f"Vraiment{FINE}?"),
    ("Bravo !", f"Bravo{FINE}!"),
    ("Quoi ?!", f"Quoi{FINE}?!"),
    ("un ; deux", f"un{FINE}; deux"),
    (f"déjà{NB}?", f"déjà{FINE}?"),
    ("Objectif : cariste", f"Objectif{NB}: cariste"),
    ("Objectif: cariste", f"Objectif{NB}: cariste"),
    # Times, ratios: left alone
    ("Rendez-vous à 10:30.", "Rendez-vous à 10:30."),
    ("RDV 9:05 : salle B", f"RDV 9:05{NB}: salle B"),
    ("rapport 1:2", "rapport 1:2"),
    ("10h30", "10h30"),
    # Ligatures
    ("coeur", "cœur"),
    ("Coeur", "Cœur"),
    ("oeuvre", "œuvre"),
    ("Oeuvre", "Œuvre"),
    ("OEUVRE", "ŒUVRE"),
    ("soeurs", "sœurs"),
    ("noeud", "nœud"),
    ("voeux", "vœux"),
    ("manoeuvre", "manœuvre"),
    ("main-d'oeuvre", "main-d’œuvre"),
    ("oeil", "œil"),
    ("oeufs", "œufs"),
    ("boeuf", "bœuf"),
    ("rancoeur", "rancœur"),
    ("désoeuvré", "désœuvré"),
    ("oenologue", "œnologue"),
    ("choeur", "chœur"),
    ("moeurs", "mœurs"),
    ("coefficient", "coefficient"),
    ("moelle", "moelle"),
    ("coexister", "coexister"),
    ("Noël", "Noël"),
    # Numbers, units, thousands
    ("1 200 €", f"1{FINE}200{NB}€"),
    ("1200€", f"1200{NB}€"),
    ("15 000 euros", f"15{FINE}000{NB}euros"),
    ("1 234 567", f"1{FINE}234{FINE}567"),
    ("50%", f"50{NB}%"),
    ("50 %", f"50{NB}%"),
    ("35 h par semaine", f"35{NB}h par semaine"),
    ("12 mois", f"12{NB}mois"),
    ("3 ans", f"3{NB}ans"),
    ("5 km", f"5{NB}km"),
    ("20 kg", f"20{NB}kg"),
    ("1 200,50 €", f"1{FINE}200,50{NB}€"),
    ("en 2026", "en 2026"),
    ("code postal 75001", "code postal 75001"),
    ("06 12 34 56 78", "06 12 34 56 78"),
    ("2 s'est", "2 s’est"),
    ("3 enfants", "3 enfants"),
    ("n° 3", f"n°{NB}3"),
    ("N° 12 et § 4", f"N°{NB}12 et §{NB}4"),
    ("RGPD art. 9", f"RGPD art.{NB}9"),
    ("le n° du dossier", "le n° du dossier"),
    # Protected spans
    ("https://exemple.fr/a?b=c:d", "https://exemple.fr/a?b=c:d"),
    ("Voir https://exemple.fr/l'page.", "Voir https://exemple.fr/l'page."),
    ("Site : www.afpa.fr ?", f"Site{NB}: www.afpa.fr{FINE}?"),
    ("Écrire à prenom.nom@afpa.fr !", f"Écrire à prenom.nom@afpa.fr{FINE}!"),
    ("Code `a:b l'c ?`", "Code `a:b l'c ?`"),
    # Accents and existing typography untouched
    ("Élève à l’école, ça va.", "Élève à l’école, ça va."),
    ("", ""),
]


@pytest.mark.parametrize(("texte", "attendu"), CAS)
def test_typography(texte: str, attendu: str) -> None:
    assert typographier(texte) == attendu


@pytest.mark.parametrize(("texte", "attendu"), CAS)
def test_typography_is_idempotent(texte: str, attendu: str) -> None:
    assert typographier(attendu) == attendu


def test_a_whole_sentence() -> None:
    texte = (
        'Il a travaillé 3 ans comme manoeuvre ; il dit : "c\'est mon coeur de métier"... '
        "Salaire visé : 1 500 € ? Rendez-vous le 12/03 à 9:30 !"
    )
    assert typographier(texte) == (
        f"Il a travaillé 3{NB}ans comme manœuvre{FINE}; il dit{NB}: "
        f"«{NB}c’est mon cœur de métier{NB}»… "
        f"Salaire visé{NB}: 1{FINE}500{NB}€{FINE}? Rendez-vous le 12/03 à 9:30{FINE}!"
    )


def test_private_use_characters_do_not_confuse_protection() -> None:
    texte = "\ue0000\ue001 voir https://a.fr ?"
    assert typographier(texte).startswith("\ue0000\ue001 voir")
