"""Command line: `passerelle` opens the terminal interface; subcommands for checks and exports."""

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


@cli.group(options_metavar="[options]", subcommand_metavar="[COMMANDE]")
@click.help_option("-h", "--help", help=_AIDE)
def knowledge() -> None:
    """Paquet de connaissances publiques et index de recherche."""


@knowledge.command("build", options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
@click.option(
    "--source",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Dossier des fichiers officiels (par défaut ../shared/data).",
)
@click.option(
    "--vecteurs/--sans-vecteurs",
    default=True,
    help="Recalcule aussi les plongements livrés des intitulés (ceux qui ont changé).",
)
def knowledge_build(source: Path | None, vecteurs: bool) -> None:
    """Reconstruit le paquet de connaissances à partir des fichiers officiels."""
    from assistant.retrieval.build import build_pack
    from assistant.retrieval.sources.base import ImportFailed

    try:
        results = build_pack(source)
    except ImportFailed as exc:
        click.echo(f"Import impossible : {exc}", err=True)
        sys.exit(1)
    _print_reports(results)
    if vecteurs:
        from assistant.retrieval.build import build_vectors

        with _progress_bar("Plongements des intitulés de métiers") as progress:
            entry, computed = build_vectors(progress=progress)
        click.echo(
            f"{entry.file} : {computed} plongement(s) calculé(s), "
            f"{entry.rows - computed} repris tels quels."
        )
    click.echo("Paquet de connaissances à jour (MANIFEST.json).")


@knowledge.group("import", options_metavar="[options]", subcommand_metavar="[COMMANDE]")
@click.help_option("-h", "--help", help=_AIDE)
def knowledge_import() -> None:
    """Importe des données publiques de votre territoire (services, sessions de formation)."""


def _print_reports(results: list[Any]) -> None:
    for entry, report in results:
        click.echo(f"{entry.file} : {entry.rows} lignes — {report.summary()}")
        for problem in report.problems[:20]:
            click.echo(f"    {problem}")
        if len(report.problems) > 20:
            click.echo(f"    … et {len(report.problems) - 20} autre(s)")
        for note in report.notes[:5]:
            click.echo(f"    note : {note}")


@knowledge_import.command("services", options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
@click.argument("dossier", type=click.Path(file_okay=False, path_type=Path))
def knowledge_import_services(dossier: Path) -> None:
    """Services d'un export data·inclusion (structures.json|csv et services.json|csv)."""
    from assistant.retrieval.sources.base import ImportFailed
    from assistant.retrieval.sources.data_inclusion import build_dumps, load_referentials

    if not dossier.is_dir():
        click.echo(f"Dossier introuvable : {dossier}.", err=True)
        sys.exit(2)
    service = _knowledge_service()
    target = service.locations.prepare().local_knowledge_dir
    try:
        results = build_dumps(dossier, target, load_referentials(service.knowledge_dir))
    except ImportFailed as exc:
        click.echo(f"Import impossible : {exc}", err=True)
        sys.exit(1)
    if not results:
        click.echo(
            f"Aucun fichier structures.* ni services.* dans {dossier} (formats : .json, .jsonl, "
            ".csv).",
            err=True,
        )
        sys.exit(1)
    _print_reports(results)


@knowledge_import.command("lheo", options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
@click.argument(
    "fichiers",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path),
)
def knowledge_import_lheo(fichiers: tuple[Path, ...]) -> None:
    """Sessions de formation au format LHEO (export Carif-Oref)."""
    from assistant.retrieval.sources.base import ImportFailed
    from assistant.retrieval.sources.lheo import build_sessions

    missing = [str(f) for f in fichiers if not f.is_file()]
    if missing:
        click.echo(f"Fichier(s) introuvable(s) : {', '.join(missing)}.", err=True)
        sys.exit(2)
    service = _knowledge_service()
    target = service.locations.prepare().local_knowledge_dir
    try:
        result = build_sessions(fichiers, target)
    except ImportFailed as exc:
        click.echo(f"Import impossible : {exc}", err=True)
        sys.exit(1)
    _print_reports([result])


@knowledge.command("status", options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
def knowledge_status() -> None:
    """Affiche l'état du paquet de connaissances et de l'index."""
    from assistant.retrieval.pack import load_manifest, verify
    from assistant.session import Session

    session = Session(_settings())
    manifest = load_manifest()
    for name, entry in manifest.items():
        click.echo(f"{name:<28} {entry['rows']:>7} lignes  {entry['version']}")
    for problem in verify():
        click.echo(f"PROBLÈME : {problem}")
    service = session.knowledge
    ready = service.index_ready()
    click.echo(
        f"Index de recherche ({service.locations.index_dir}) : "
        + ("à jour." if ready else "incomplet : lancez `passerelle knowledge index`.")
    )


@knowledge.command("index", options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
def knowledge_index() -> None:
    """Construit ou met à jour l'index de recherche (seul ce qui a changé est recalculé)."""
    from assistant.session import Session

    service = Session(_settings()).knowledge
    for report in _build_index_with_progress(service):
        click.echo(
            f"{report.collection} : {report.embedded - report.shipped} calculé(s), "
            f"{report.shipped} repris du paquet, {report.unchanged} inchangé(s), "
            f"{report.deleted} retiré(s)."
        )


@contextlib.contextmanager
def _progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr, as a (done, total) callback."""
    from rich.progress import BarColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        "{task.completed}/{task.total}",
        TimeRemainingColumn(),
        console=_stderr_console(),
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _build_index_with_progress(service: Any) -> list[Any]:
    with _progress_bar("Index des intitulés de métiers") as progress:
        reports: list[Any] = service.build_index(progress)
    return reports


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@cli.group(options_metavar="[options]", subcommand_metavar="[COMMANDE]")
@click.help_option("-h", "--help", help=_AIDE)
def search() -> None:
    """Recherche dans les connaissances publiques (fiches métiers, certifications, services)."""


def _knowledge_service() -> Any:
    from assistant.session import Session

    return Session(_settings()).knowledge


def _region_code(service: Any, region: str | None) -> str | None:
    from assistant.retrieval.service import UnknownRegion

    try:
        code: str | None = service.region(region)
    except UnknownRegion as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    return code


def _queries(query: str | None) -> list[str]:
    if query is not None:
        return [query]
    # Bytes, not text: a stray non-UTF-8 byte must not stop a batch (it becomes U+FFFD).
    return [raw.decode("utf-8", errors="replace").rstrip("\r\n") for raw in sys.stdin.buffer]


def _search_arguments(command: Any) -> Any:
    """Help, the optional query (stdin when absent) and --top, shared by the three searches."""
    command = click.option(
        "--top",
        default=5,
        show_default=True,
        type=click.IntRange(1, 50),
        help="Nombre de résultats.",
    )(command)
    command = click.argument("query", required=False, metavar="[REQUÊTE]")(command)
    return click.help_option("-h", "--help", help=_AIDE)(command)


@search.command("metiers", options_metavar="[options]")
@_search_arguments
@click.option("--region", default=None, help="Région de retour (nom ou code INSEE).")
@click.option(
    "--selon-demande", is_flag=True, help="Favoriser les fiches qui recrutent dans la région."
)
@click.option(
    "--sans-diplome", is_flag=True, help="Seulement les métiers accessibles sans diplôme."
)
@click.option("--hors-reglementes", is_flag=True, help="Écarter les métiers réglementés.")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (une ligne par requête).")
def search_metiers(
    query: str | None,
    top: int,
    region: str | None,
    selon_demande: bool,
    sans_diplome: bool,
    hors_reglementes: bool,
    as_json: bool,
) -> None:
    """Fiches métiers ROME pour un intitulé ou une phrase.

    Sans REQUÊTE, lit une requête par ligne sur l'entrée standard (mode lot).
    """
    service = _knowledge_service()
    code = _region_code(service, region)
    if not service.index_ready():
        click.echo("Première recherche : construction de l'index (une seule fois)…", err=True)
        _build_index_with_progress(service)
    if service.open_index().notice:
        click.echo(service.open_index().notice, err=True)
    queries = _queries(query)
    results = service.search_jobs_batch(
        queries,
        top,
        code,
        sans_diplome=sans_diplome,
        hors_reglementes=hors_reglementes,
        selon_demande=selon_demande,
    )
    for text, hits in zip(queries, results, strict=True):
        _output(
            text,
            query is None,
            as_json,
            [_job_json(h) for h in hits],
            [(f"{h.code_rome}  {h.libelle}", _job_lines(h)) for h in hits],
            "Aucune fiche trouvée : reformulez avec le nom du métier.",
        )


def _job_lines(hit: Any) -> str:
    """The job in a sentence when the pack describes it, then why it was found."""
    return f"{hit.description}\n     {hit.pourquoi}" if hit.description else hit.pourquoi


def _job_json(hit: Any) -> dict[str, Any]:
    data = {
        "code_rome": hit.code_rome,
        "libelle": hit.libelle,
        "score": hit.score,
        "appellation": hit.appellation,
        "pourquoi": hit.pourquoi,
        "reglemente": hit.reglemente,
    }
    if hit.description:
        data["description"] = hit.description
    if hit.demande_region is not None:
        d = hit.demande_region
        data["demande_region"] = {
            "region": d.region,
            "nom": d.nom,
            "projets": d.projets,
            "difficiles": d.difficiles,
            "saisonniers": d.saisonniers,
            "au_moins": d.masque,
            "lien_approche": d.approche,
        }
    return data


def _write_utf8(line: str) -> None:
    """JSON lines are UTF-8 whatever the terminal's encoding (a pipe to a program, a C locale)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (embedding, some test harnesses)
        click.echo(line, nl=False)
        return
    sys.stdout.flush()  # nothing written through the text layer may come after this line
    buffer.write(line.encode("utf-8", errors="replace"))


def _output(
    text: str,
    batch: bool,
    as_json: bool,
    payload: list[dict[str, Any]],
    lines: list[tuple[str, str]],
    empty: str,
) -> None:
    """One query's results: a JSON line, or numbered French lines with their reasons."""
    if as_json:
        _write_utf8(json.dumps({"query": text, "results": payload}, ensure_ascii=False) + "\n")
        return
    if batch:
        click.echo(f"« {text} »")
    if not lines:
        click.echo(f"  {empty}")
    for rank, (title, why) in enumerate(lines, 1):
        click.echo(f"  {rank}. {title}")
        click.echo(f"     {why}")


@search.command("certifications", options_metavar="[options]")
@_search_arguments
@click.option(
    "--niveau-max", type=click.IntRange(3, 8), default=None, help="Niveau européen maximal."
)
@click.option("--courtes", is_flag=True, help="Seulement les certifications courtes (CACES, SST…).")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (une ligne par requête).")
def search_certifications(
    query: str | None, top: int, niveau_max: int | None, courtes: bool, as_json: bool
) -> None:
    """Certifications (titres professionnels, CAP, CACES…) pour un métier ou un intitulé."""
    service = _knowledge_service()
    for text in _queries(query):
        hits = service.search_certifications(text, top, niveau_max, courtes)
        _output(
            text,
            query is None,
            as_json,
            [
                {
                    "id": h.certification.id,
                    "intitule": h.certification.intitule,
                    "type": h.certification.type,
                    "niveau": h.certification.niveau,
                    "rncp": h.certification.rncp,
                    "rs": h.certification.rs,
                    "rome4": list(h.certification.rome4),
                    "score": h.score,
                    "pourquoi": h.pourquoi,
                }
                for h in hits
            ],
            [(h.certification.intitule or "", h.pourquoi) for h in hits],
            "Aucune certification trouvée.",
        )


@search.command("services", options_metavar="[options]")
@_search_arguments
@click.option("--departement", default=None, help="Département (par exemple 69, 2A, 971).")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON (une ligne par requête).")
def search_services(query: str | None, top: int, departement: str | None, as_json: bool) -> None:
    """Services d'insertion (SIAE, GEIQ, agences…) pour un frein ou un besoin."""
    from assistant.retrieval.messages import AUCUN_SERVICE

    service = _knowledge_service()
    for text in _queries(query):
        hits = service.search_services(text, departement, top)
        _output(
            text,
            query is None,
            as_json,
            [
                {
                    "id": h.service.id,
                    "nom": h.service.nom,
                    "structure": h.service.structure_nom,
                    "commune": h.service.commune,
                    "departement": h.service.departement,
                    "telephone": h.service.telephone,
                    "thematiques": list(h.service.thematiques),
                    "score": h.score,
                    "pourquoi": h.pourquoi,
                }
                for h in hits
            ],
            [(h.service.nom, h.pourquoi) for h in hits],
            AUCUN_SERVICE,
        )


def _bad_value(exc: click.exceptions.BadParameter) -> str:
    """Click's English "Invalid value" as a French sentence that says what is expected."""
    param = exc.param
    opts = getattr(param, "opts", None) or []
    nom = max(opts, key=len) if opts else (exc.param_hint or "une option")
    kind = getattr(param, "type", None)
    if isinstance(kind, click.IntRange) and kind.min is not None and kind.max is not None:
        attendu = f"un nombre entier entre {kind.min} et {kind.max}"
    elif isinstance(kind, click.IntRange | click.types.IntParamType):
        attendu = "un nombre entier"
    else:
        attendu = "une valeur permise (voir `--help`)"
    return f"Valeur refusée pour {nom} : {nom} doit être {attendu}."


@cli.command(options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
def demo() -> None:
    """Ouvre un coffre de démonstration avec trois dossiers fictifs (profils P0, P1, P3).

    Le coffre de démonstration est séparé du vôtre et ne contient que des données inventées ;
    sa phrase secrète est « demo-passerelle-fictif ».
    """
    from assistant.demo import session_demo
    from assistant.tui.app import PasserelleApp

    settings = _settings()
    PasserelleApp(session_demo(settings), demo=True).run()


@cli.command(options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
@click.option(
    "--appliquer",
    is_flag=True,
    help="Efface vraiment les dossiers échus (sans cette option : simple liste).",
)
def purge(appliquer: bool) -> None:
    """Liste, puis efface avec --appliquer, les dossiers dont la durée de conservation est passée.

    La durée se règle dans le fichier de configuration : [vault] retention_months (24 mois
    après le dernier rendez-vous par défaut).
    """
    session = _session_ouverte()
    try:
        echus = session.purger(appliquer=appliquer)
    finally:
        session.lock()
    mois = session.settings.vault.retention_months
    if not echus:
        click.echo(f"Aucun dossier n'a dépassé la durée de conservation ({mois} mois).")
        return
    for echu in echus:
        click.echo(
            f"{echu.reference}  dernier rendez-vous le {echu.derniere_activite:%d/%m/%Y}, "
            f"échu le {echu.echeance:%d/%m/%Y}"
        )
    if appliquer:
        click.echo(f"{len(echus)} dossier(s) effacé(s) définitivement.")
    else:
        click.echo(
            f"{len(echus)} dossier(s) à effacer (conservation : {mois} mois). "
            "Rien n'a été effacé : relancez avec --appliquer pour les effacer."
        )


EVENEMENTS = {
    "coffre_ouvert": "Coffre ouvert",
    "coffre_verrouille": "Coffre verrouillé",
    "dossier_cree": "Dossier créé",
    "dossier_ouvert": "Dossier ouvert",
    "dossier_supprime": "Dossier supprimé",
    "brouillon_cree": "Document rédigé",
    "brouillon_relu": "Document relu",
    "brouillon_valide": "Document validé",
    "export": "Export",
    "export_refuse": "Export refusé",
    "consentement_modifie": "Consentement modifié",
    "appel_llm": "Appel au modèle de langage",
    "purge": "Purge",
}


@cli.group(options_metavar="[options]", subcommand_metavar="[COMMANDE]")
@click.help_option("-h", "--help", help=_AIDE)
def audit() -> None:
    """Journal des événements du coffre : qui a fait quoi, quand (sans contenu d'entretien)."""


def _session_ouverte() -> Any:
    from assistant.session import Session
    from assistant.storage.errors import VaultError

    session = Session(_settings())
    if not session.vault_exists:
        click.echo("Aucun coffre dans ce dossier de données : rien à vérifier.", err=True)
        sys.exit(2)
    phrase = click.prompt("Phrase secrète du coffre", hide_input=True, err=True)
    try:
        session.unlock(phrase)
    except VaultError as exc:
        click.echo(exc.message, err=True)
        sys.exit(2)
    return session


@audit.command("verify", options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
def audit_verify() -> None:
    """Vérifie que le journal n'a été ni modifié, ni amputé, ni réordonné."""
    session = _session_ouverte()
    try:
        verification = session.journal.verifier()
        derniere = session.journal.entrees(limite=1)
    finally:
        session.lock()
    click.echo(verification.message)
    if verification.ok and derniere:
        # Noted elsewhere, this digest shows later whether the whole chain was rewritten.
        click.echo(
            f"Empreinte de la dernière entrée (n° {derniere[0].seq}) : {derniere[0].empreinte}"
        )
    sys.exit(0 if verification.ok else 1)


@audit.command("show", options_metavar="[options]")
@click.help_option("-h", "--help", help=_AIDE)
@click.option(
    "--nombre",
    type=click.IntRange(1, 100_000),
    default=50,
    show_default=True,
    help="Nombre d'événements (les plus récents).",
)
@click.option("--dossier", "reference", default=None, help="Référence d'un dossier.")
def audit_show(nombre: int, reference: str | None) -> None:
    """Affiche les derniers événements du journal, en clair pour le conseiller."""
    session = _session_ouverte()
    try:
        references = {d.id: d.reference for d in session.list_dossiers()[0]}
        dossier_id = None
        if reference is not None:
            ids = [i for i, ref in references.items() if ref == reference]
            if not ids:
                click.echo(f"Aucun dossier ne porte la référence {reference}.", err=True)
                sys.exit(2)
            dossier_id = ids[0]
        entrees = session.journal.entrees(dossier_id=dossier_id, limite=nombre)
    finally:
        session.lock()
    for entree in entrees:
        quand = entree.horodatage[:19].replace("T", " ")
        qui = ""
        if entree.dossier_id:
            qui = f" · dossier {references.get(entree.dossier_id, 'supprimé')}"
        details = ", ".join(f"{cle} : {valeur}" for cle, valeur in entree.details.items())
        ligne = (
            f"{entree.seq:>5}  {quand} UTC  {EVENEMENTS.get(entree.evenement, entree.evenement)}"
        )
        click.echo(ligne + qui + (f" ({details})" if details else ""))
    if not entrees:
        click.echo("Aucun événement.")


def main() -> None:
    """Entry point of the `passerelle` command; click's English errors become French sentences."""
    try:
        cli.main(standalone_mode=False, prog_name="passerelle")
    except click.exceptions.NoSuchOption as exc:
        click.echo(f"Option inconnue : {exc.option_name}. Tapez `passerelle --help`.", err=True)
        sys.exit(2)
    except click.exceptions.BadParameter as exc:
        click.echo(_bad_value(exc), err=True)
        sys.exit(2)
    except click.exceptions.UsageError:
        saisie = " ".join(sys.argv[1:])
        click.echo(f"Commande non reconnue : {saisie}. Tapez `passerelle --help`.", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Interrompu.", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # no traceback ever reaches a counsellor
        message = getattr(exc, "message", None) or str(exc)
        if type(exc).__module__.startswith("assistant"):
            click.echo(f"Passerelle : {message}", err=True)
        else:
            click.echo(
                f"Passerelle a rencontré une erreur inattendue ({type(exc).__name__}). "
                "Lancez `passerelle doctor` pour vérifier l'installation.",
                err=True,
            )
        sys.exit(1)
