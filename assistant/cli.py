"""Command line: `passerelle` opens the terminal interface; subcommands for checks and exports."""

import json
import sys
from pathlib import Path

import click

from assistant import __version__
from assistant.config import ConfigError, Settings, load_settings
from assistant.locations import Locations

_SYMBOLES = {"ok": "OK       ", "attention": "ATTENTION", "probleme": "PROBLÈME "}
_AIDE = "Affiche cette aide et quitte."


class _FrenchHelp(click.HelpFormatter):
    """Click's help headings, in French."""

    _HEADINGS = {"Options": "Options", "Commands": "Commandes", "Arguments": "Arguments"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Utilisation : ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(self._HEADINGS.get(heading, heading))


click.Context.formatter_class = _FrenchHelp


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        click.echo(f"Passerelle ne peut pas démarrer : {exc}", err=True)
        sys.exit(2)


@click.group(
    invoke_without_command=True, options_metavar="[options]", subcommand_metavar="[COMMANDE]"
)
@click.version_option(
    __version__,
    "--version",
    "-V",
    prog_name="passerelle",
    message="%(prog)s %(version)s",
    help="Affiche la version et quitte.",
)
@click.help_option("-h", "--help", help=_AIDE)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Passerelle : l'assistant des entretiens socio-professionnels en détention.

    Sans commande, ouvre l'interface dans le terminal.
    """
    if ctx.invoked_subcommand is None:
        from assistant.tui.app import make_app

        make_app(_settings()).run()


@cli.command(options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
def doctor() -> None:
    """Vérifie l'installation : Python, dépendances, coffre, guide, index, modèle de langage."""
    from assistant.doctor import diagnose

    settings = _settings()
    verifications = diagnose(settings, Locations(settings.data_dir))
    for v in verifications:
        click.echo(f"{_SYMBOLES[v.etat]}  {v.libelle} : {v.detail}")
        if v.remede and v.etat != "ok":
            click.echo(f"           → {v.remede}")
    problemes = sum(v.etat == "probleme" for v in verifications)
    click.echo("")
    click.echo(
        f"{problemes} problème(s) à corriger (voir ci-dessus)."
        if problemes
        else "Tout est en ordre."
    )
    sys.exit(1 if problemes else 0)


@cli.command(options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
@click.option(
    "--sortie",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Dossier où écrire les schémas.",
)
def schema(sortie: Path) -> None:
    """Exporte le schéma JSON de chaque modèle principal (dossier, étapes, simulation)."""
    from assistant.domain.dossier import MODELES_PRINCIPAUX

    sortie.mkdir(parents=True, exist_ok=True)
    for nom, modele in MODELES_PRINCIPAUX.items():
        chemin = sortie / f"{nom}.schema.json"
        chemin.write_text(
            json.dumps(modele.model_json_schema(), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    click.echo(f"{len(MODELES_PRINCIPAUX)} schémas écrits dans {sortie}.")


def main() -> None:
    """Entry point of the `passerelle` command; click's English errors become French sentences."""
    try:
        cli.main(standalone_mode=False, prog_name="passerelle")
    except click.exceptions.NoSuchOption as exc:
        click.echo(f"Option inconnue : {exc.option_name}. Tapez `passerelle --help`.", err=True)
        sys.exit(2)
    except click.exceptions.UsageError:
        saisie = " ".join(sys.argv[1:])
        click.echo(f"Commande non reconnue : {saisie}. Tapez `passerelle --help`.", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Interrompu.", err=True)
        sys.exit(1)
