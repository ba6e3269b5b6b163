"""Hostile input, many more examples: the properties of `tests/property/` run 20× longer.

Usage: `.venv/bin/python bench/hostile.py [facteur]` (default 20). Prints, per target, the inputs
tried and the failures found (distinct failing examples after shrinking). Target: 0 failure.
The CI runs the same properties with the base counts (`pytest -m property`, about a minute).

Last results (2 cores, facteur 20, issue 7): 61 051 inputs in 828 s, 0 failure.
CI run (facteur 1): about 3 000 inputs, under a minute.

Failures the properties found, all fixed at their root (issue 7), as « cible : entrée → avant
→ correction »:

- `nettoyer_texte` : « e\\x00\\u0301 » (contrôle entre une lettre et son accent) → texte non
  NFC, qui change si on le nettoie à nouveau → contrôles retirés avant la normalisation NFC.
- `nettoyer_texte` : U+FFFE, U+FFFF → gardés, l'export DOCX (lxml) plante → retirés.
- `valeur_saisie` (nombre) : « ² », « --5 », « -² » → `ValueError` dans le formulaire →
  chiffres ASCII seulement, le reste est expliqué par le modèle.
- `load_settings` : `a = [[[…]]]` sur 3 000 niveaux → `RecursionError` au démarrage →
  `ConfigError` en français.
- LHEO : `<nombre-heures-total>²35` → `ValueError`, fichier entier perdu → chiffres ASCII.
- data·inclusion : JSON imbriqué sur 5 000 niveaux → `RecursionError` → `ImportFailed`.
- data·inclusion : `nombre_semaines: "inf"`, latitude `nan` → `OverflowError`, NaN dans le
  paquet → valeur retirée et signalée.
- agences France Travail : `DN_LATITUDE` `nan` / `inf` → NaN dans le paquet → retirée.
- tous les CSV : fichier Windows-1252 avec une ligne UTF-8 ajoutée → fichier entier refusé
  (ou lu en mojibake) → décodage ligne par ligne, ligne illisible signalée (fichier:ligne).
- ROME, BMO, Certif Info, CPC : « ² » ou « ① » dans un code ou un nombre → `ValueError`
  (`int("²")`) → `is_number` (chiffres ASCII seulement).
- textes des fichiers officiels (`contacts.clean`) : contrôles, U+FFFE gardés dans les noms
  de services → retirés.
- ROME (fiches en double), LHEO (sessions en double) : doublons comptés deux fois, sans
  signalement → ligne écartée et signalée ; JSON vide → « est vide » comme le CSV.
- écran d'entretien : `/etape ²` → l'application s'arrête sur `ValueError` → commande inconnue.
"""

import os
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
FACTEUR = int(sys.argv[1]) if len(sys.argv) > 1 else 20
os.environ["HOSTILE_FACTEUR"] = str(FACTEUR)  # read by tests/property/hostile_cadre.py
sys.path[:0] = [str(RACINE / "tests" / "property"), str(RACINE / "tests"), str(RACINE)]

import hostile_cadre  # noqa: E402
import test_prop_config  # noqa: E402
import test_prop_guide  # noqa: E402
import test_prop_importeurs  # noqa: E402
import test_prop_texte  # noqa: E402

MODULES = (test_prop_texte, test_prop_guide, test_prop_config, test_prop_importeurs)


def _echecs(exc: BaseException) -> int:
    return len(exc.exceptions) if isinstance(exc, BaseExceptionGroup) else 1


def main() -> int:
    print(f"Entrées hostiles : propriétés × {FACTEUR}")
    total_essais = total_echecs = 0
    debut = time.perf_counter()
    for module in MODULES:
        for nom in sorted(vars(module)):
            test = getattr(module, nom)
            if not nom.startswith("test_") or not hasattr(test, "hypothesis"):
                continue
            avant = dict(hostile_cadre.ESSAIS)
            depart = time.perf_counter()
            echecs, detail = 0, ""
            try:
                test()
            except Exception as exc:  # a property that fails: counted and shown, not fatal
                echecs = _echecs(exc)
                detail = f" — {type(exc).__name__}: {str(exc).splitlines()[0][:100]}"
            duree = time.perf_counter() - depart
            for cible, nombre in sorted(hostile_cadre.ESSAIS.items()):
                essais = nombre - avant.get(cible, 0)
                if essais:
                    print(f"  {cible:<48} {essais:>7} entrées")
                    total_essais += essais
            total_echecs += echecs
            print(f"{module.__name__}.{nom} : {echecs} échec(s) en {duree:.1f} s{detail}")
    duree = time.perf_counter() - debut
    print(f"Total : {total_essais} entrées, {total_echecs} échec(s) en {duree:.0f} s (cible : 0)")
    return 1 if total_echecs else 0


if __name__ == "__main__":
    sys.exit(main())
