"""The `calsvc` command: every error becomes one line on stderr and a non-zero exit, here only.

Here are the commands that read programmes, serve or export them and write conferences.toml;
those that look after the revision store (backup, restore, confirm, publish) are in
storecli.py, added to the same group.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import click

from .errors import CalsvcError
from .model import FIRST_YEAR, LAST_YEAR
from .report import schedules_json, text_report
from .settings import Settings
from .sources import single
from .sources.conferences import check_zone
from .sources.folder import check_folder
from .storecli import STORE_COMMANDS

EXIT_INPUT_ERRORS = 1  # parsed, but some lines were wrong
EXIT_USAGE = 2  # bad option, unreadable file, bad data file
EXIT_INTERNAL = 70  # a bug in calsvc (EX_SOFTWARE)


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _zone(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value:
        check_zone(value, "--tz")
    return value


UNDESCRIBED_ZONE = click.option(
    "--tz",
    "timezone",
    callback=_zone,
    metavar="ZONE",
    help="Zone of programme files conferences.toml does not describe (CALSVC_TIMEZONE).",
)
# Options several commands take, declared once.
YEAR = click.option(
    "--year", type=click.IntRange(FIRST_YEAR, LAST_YEAR), help="Year of the programme's dates."
)
SOURCES = click.option(
    "--sources", type=click.Path(path_type=Path), help="Sources folder (CALSVC_SOURCES)."
)


@click.group()
@click.version_option(package_name="calsvc")
def cli() -> None:
    """Turn conference programme text into subscribable iCalendar feeds."""


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE_OR_URL...")
@YEAR
@click.option(
    "--tz",
    "timezone",
    callback=_zone,
    metavar="ZONE",
    help="IANA time zone of the times, e.g. Europe/Paris.",
)
@click.option(
    "--ref-date",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="Date to infer a missing year near (default: today).",
)
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def parse(
    files: tuple[str, ...],
    year: int | None,
    timezone: str | None,
    ref_date: date | None,
    output: str,
) -> None:
    """Read programme texts, saved pages or pages by their address (http:// or https://),
    and report their sessions, untimed headers and problems."""
    settings = Settings.from_env()
    reference = ref_date or date.today()
    schedules = [
        single.parse_page(
            name, reference=reference, year=year, timezone=timezone, limit_mb=settings.max_source_mb
        )
        if name.startswith(("http://", "https://"))
        else single.parse_file(
            Path(name),
            reference=reference,
            sources_dir=settings.sources,
            year=year,
            timezone=timezone,
        )
        for name in files
    ]
    if output == "json":
        click.echo(json.dumps(schedules_json(schedules), indent=2, ensure_ascii=False))
    else:
        click.echo(text_report(schedules), nl=False)
    if any(schedule.errors for schedule in schedules):
        sys.exit(EXIT_INPUT_ERRORS)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    envvar="PORT",
    help="Port to listen on (also $PORT).",
)
@SOURCES
@UNDESCRIBED_ZONE
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
def serve(host: str, port: int, sources: Path | None, timezone: str | None, workers: int) -> None:
    """Serve the feeds, pages and API with granian (any folder of programme files will do;
    conferences.toml, if there, names them)."""
    from .serving.owners import check_port, owning, prepare_store
    from .web.server import serve as run_server

    settings = Settings.from_env(sources=sources, timezone=timezone)
    check_port(host, port)  # first: a refused start makes nothing
    check_folder(settings.sources)
    prepare_store(settings.db)
    with owning(settings.db, settings.sources):
        run_server(settings, host=host, port=port, workers=workers)


@cli.command()
@click.argument("path")
@SOURCES
def get(path: str, sources: Path | None) -> None:
    """Run one GET request through the app, with no server, and print the response body."""
    from .serving.service import Service
    from .web import create_app

    settings = Settings.from_env(sources=sources)
    check_folder(settings.sources)
    service = Service(settings)  # one request: no reload thread
    response = create_app(settings, service=service).test_client().get(path)
    service.close()
    sys.stdout.buffer.write(response.get_data())
    if response.status_code >= 400:
        sys.exit(EXIT_INPUT_ERRORS)


@cli.command()
@click.argument("outdir", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--base-url", required=True, help="Where the site will be served, e.g. https://cal.example.org"
)
@SOURCES
@UNDESCRIBED_ZONE
@click.option(
    "--allow-problems",
    is_flag=True,
    help="Exit 0 even when a source fails, has errors or yields no sessions.",
)
def export(
    outdir: Path, base_url: str, sources: Path | None, timezone: str | None, allow_problems: bool
) -> None:
    """Write the pages and every feed as static files, for any static host. Exits 1 when a
    source failed, has errors or yields no sessions (the site is still written, whole)."""
    from .export import export_site

    if not base_url.startswith(("https://", "http://")):
        raise click.BadParameter(f"{base_url!r} is not an http(s) URL", param_hint="'--base-url'")
    settings = Settings.from_env(sources=sources, timezone=timezone)
    check_folder(settings.sources)
    with click.progressbar(length=1, label="Exporting", file=sys.stderr) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        written, problems = export_site(
            outdir, settings=settings, base_url=base_url, progress=progress
        )
    click.echo(f"wrote {len(written)} files to {outdir}")
    for problem in problems:
        click.echo(f"calsvc: {problem}", err=True)
    if problems and not allow_problems:
        click.echo(
            f"calsvc: {len(problems)} source problem(s); the site holds what each source last "
            "gave (--allow-problems to exit 0)",
            err=True,
        )
        sys.exit(EXIT_INPUT_ERRORS)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
def init(folder: Path) -> None:
    """Write conferences.toml for the programme files in FOLDER (or add the files it does not
    list yet), with what calsvc read from each, for you to check."""
    from .sources.entries import init as write_entries

    added = write_entries(folder, reference=date.today())
    for name in added:
        click.echo(f"added {name}")
    click.echo(f"{folder / 'conferences.toml'}: {len(added)} entries added; check the lines "
               "marked 'guessed'")  # fmt: skip


@cli.command()
@click.argument("file", metavar="FILE_OR_URL")
@click.option(
    "--sources",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="For a page by its address: the folder whose conferences.toml it goes in.",
)
@click.option("--slug", help="Short name in URLs, e.g. icml-2025.")
@click.option("--name", help="The conference's name, e.g. 'ICML 2025'.")
@YEAR
@click.option(
    "--tz", "timezone", callback=_zone, metavar="ZONE", help="IANA time zone, e.g. Europe/Paris."
)
@click.option("--venue", help="Where it takes place (the location of sessions without a room).")
@click.option("--homepage", help="The conference's website.")
def add(file: str, sources: Path | None, **given: str | int | None) -> None:
    """Add FILE to the conferences.toml beside it (or a page by its address, fetched by the
    server, to the one in --sources), or change the options given of its entry; the file
    keeps its comments and order."""
    from .sources.entries import add as write_entry

    target: Path | str = file if file.startswith(("http://", "https://")) else Path(file)
    done = write_entry(target, reference=date.today(), folder=sources, **given)
    folder = sources if isinstance(target, str) else target.parent
    shown = target if isinstance(target, str) else target.name
    click.echo(f"{done} {shown} in {folder / 'conferences.toml' if folder else '?'}")


for command in STORE_COMMANDS:  # backup, restore, confirm, publish
    cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the command and turns every error into one line on stderr."""
    try:
        cli.main(args=argv, prog_name="calsvc", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as exc:
        click.echo(f"calsvc: {exc.format_message()}", err=True)
        sys.exit(EXIT_USAGE)
    except click.Abort:
        click.echo("calsvc: aborted", err=True)
        sys.exit(EXIT_USAGE)
    except CalsvcError as exc:
        click.echo(f"calsvc: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("CALSVC_DEBUG"):
            raise
        click.echo(
            f"calsvc: internal error ({type(exc).__name__}: {exc}); "
            "run again with CALSVC_DEBUG=1 for details",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
