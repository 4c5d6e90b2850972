"""The `calsvc` commands that look after the revision store (CALSVC_DB): back it up, put a
backup in its place, let a held version cancel what it lost, and publish programme files
into it for every replica. cli.py adds them to the `calsvc` command.
"""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import click

from .credentials import hashed, new_secret
from .errors import ConfigError
from .settings import Settings
from .sources import published
from .store import open_store


@click.command()
@click.argument("destination", type=click.Path(path_type=Path, dir_okay=False))
def backup(destination: Path) -> None:
    """Copy the revision store (CALSVC_DB) to DESTINATION, whole, while servers run."""
    from .store.backup import backup as back_up

    settings = Settings.from_env()
    sessions = back_up(settings.db, destination)
    click.echo(f"backed up {sessions} session(s) to {destination}")


@click.command()
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def restore(source: Path) -> None:
    """Put the backup SOURCE in place of the revision store (CALSVC_DB); stop the servers
    first. No SEQUENCE a calendar has seen goes down."""
    from .serving.backups import restore_store as put_back

    settings = Settings.from_env()
    done = put_back(settings.db, source, datetime.now(UTC))
    click.echo(f"restored {done.sessions} session(s) from {source}")
    if done.seen_from:
        click.echo(
            f"{done.raised} raised above the SEQUENCE calendars saw and {done.carried} newer "
            f"than the backup carried over (from {done.seen_from})"
        )
    else:
        click.echo(
            "warning: neither the store nor its snapshot could be read, so SEQUENCE values are "
            "the backup's: calendars that saw later changes ignore updates until they pass them",
            err=True,
        )


@click.command()
@click.argument("slug")
@click.option("--db", help="The revision store (CALSVC_DB).")
def confirm(slug: str, db: str | None) -> None:
    """Let a held version of SLUG's programme cancel what it lost (see /status)."""
    settings = Settings.from_env(db=db)
    with closing(open_store(settings.db, create=False)) as store:
        cancelling = store.confirm(slug)
    if not cancelling:
        raise ConfigError(
            str(settings.db), None, f"no version of {slug} is held; nothing to confirm"
        )
    click.echo(f"confirmed: the next reload cancels {cancelling} session(s) of {slug}")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True), metavar="PATH...")
@click.option("--db", help="The revision store, e.g. postgresql://… (CALSVC_DB).")
@click.option("--list", "listing", is_flag=True, help="List the published versions.")
@click.option("--rollback", type=click.IntRange(1), metavar="N", help="Publish version N again.")
def publish(paths: tuple[Path, ...], db: str | None, listing: bool, rollback: int | None) -> None:
    """Publish programme files into the revision store's database, for every replica to serve:
    a folder (its conferences.toml and programme files, exactly), or files added to or
    replacing those of the newest version. Every version is kept."""
    settings = Settings.from_env(db=db)
    now = datetime.now(UTC)
    if listing:
        for number, when, files in published.publications(settings.db):
            click.echo(f"{number:>4}  {when}  {', '.join(files)}")
        return
    if rollback is not None:
        number, files = published.republish(settings.db, rollback, now=now)
    elif paths:
        number, files = published.publish(settings.db, list(paths), now=now)
    else:
        raise click.UsageError("give the files or the folder to publish, --list or --rollback N")
    click.echo(f"published version {number}: {', '.join(files)}")


@click.group()
def organiser() -> None:
    """Who may publish from the organiser's desk (/desk/): each has a secret, kept in the
    revision store as a hash only, and the conferences they may publish."""


@organiser.command("add")
@click.argument("name")
@click.option("--conference", "conferences", multiple=True, required=True, metavar="SLUG",
              help="A conference they may publish (repeat for several).")  # fmt: skip
@click.option("--db", help="The revision store (CALSVC_DB).")
def organiser_add(name: str, conferences: tuple[str, ...], db: str | None) -> None:
    """Let NAME publish these conferences; prints their secret, once (again: a new one)."""
    settings = Settings.from_env(db=db)
    secret = new_secret()
    with closing(open_store(settings.db)) as store:
        new = store.set_organiser(name, hashed(secret), conferences, datetime.now(UTC))
    click.echo(f"{'added' if new else 'new secret for'} {name}: {', '.join(sorted(conferences))}")
    click.echo(f"secret (shown once, give it to {name} privately): {secret}")


@organiser.command("list")
@click.option("--db", help="The revision store (CALSVC_DB).")
def organiser_list(db: str | None) -> None:
    """The organisers and their conferences."""
    settings = Settings.from_env(db=db)
    with closing(open_store(settings.db)) as store:
        for person in store.organisers():
            click.echo(f"{person.name}  {', '.join(person.conferences)}  (since {person.added})")


@organiser.command("remove")
@click.argument("name")
@click.option("--db", help="The revision store (CALSVC_DB).")
def organiser_remove(name: str, db: str | None) -> None:
    """NAME may publish no more; their signed-in sessions end at their next request."""
    settings = Settings.from_env(db=db)
    with closing(open_store(settings.db)) as store:
        if not store.remove_organiser(name):
            raise ConfigError(str(settings.db), None, f"no organiser named {name!r}")
    click.echo(f"removed {name}")


STORE_COMMANDS = (backup, restore, confirm, publish, organiser)
