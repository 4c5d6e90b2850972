"""Settings: one table of name, default and help, read from CALSVC_* environment variables.

The same table feeds `calsvc serve --help`, the README's settings section and a test that
checks every setting is documented there.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ConfigError
from .sources.conferences import check_zone

BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# The revision store outlives any one folder a command runs in: the user's data folder
# (~/.local/share/calsvc on Linux), never the working folder.
DEFAULT_DB = platformdirs.user_data_path("calsvc") / "revisions.sqlite3"


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """What an operator can set. Core functions take the values they need, never this object."""

    sources: Path = _setting(
        BUNDLED_SEEDS, "Folder holding conferences.toml and the programme texts."
    )
    db: Path | str = _setting(
        DEFAULT_DB,
        "The revision store: an SQLite file (a snapshot of the state goes beside it), or "
        "postgresql://… for replicas sharing one database.",
    )
    base_url: str = _setting(
        "", "Public URL of the service, e.g. https://cal.example.org (default: from each request)."
    )
    reload_seconds: float = _setting(
        2.0, "Least time between two checks of the sources for changes."
    )
    refresh_minutes: int = _setting(60, "How often calendar clients are asked to refresh a feed.")
    keep_cancelled_days: int = _setting(
        30, "How long a removed session stays in feeds as CANCELLED."
    )
    untimed: bool = _setting(
        True, "Show headers with no time as all-day 'time not announced' entries."
    )
    links_outside: bool = _setting(
        False, "Read sources that are symbolic links to files outside the sources folder."
    )
    timezone: str = _setting(
        "",
        "IANA time zone of programme files conferences.toml does not describe "
        "(default: the zone their text writes, else UTC with a warning).",
    )
    max_source_mb: int = _setting(
        64, "Largest programme text read, in MB; a larger one is an error naming this setting."
    )
    read_pages: bool = _setting(
        True,
        "Show each conference's read page (its source, line by line, marked with what was "
        "read); false hides them all (a data file's read_page = false hides one).",
    )
    try_page: bool = _setting(
        True,
        "Offer the Try it page (/try/), where anyone pastes or drops a programme and sees it "
        "read; nothing is stored and no address fetched. False turns it off.",
    )
    try_max_kb: int = _setting(
        1024, "Largest programme the Try it page reads, in KB; a larger one is refused (413)."
    )
    try_seconds: float = _setting(
        10.0, "Time one Try it reading may take; a slower one is stopped with a message."
    )
    try_per_minute: int = _setting(
        12, "Try it readings one client address (an IPv6 /64) may ask for a minute, per worker."
    )
    desk: bool = _setting(
        True,
        "Offer the organiser's desk (/desk/), where organisers that `calsvc organiser add` "
        "made sign in and publish; false turns it off.",
    )
    allowed_hosts: str = _setting(
        "localhost,127.0.0.1,[::1]",
        "Host names answered when CALSVC_BASE_URL is not set, comma-separated ('*': any); "
        "other hosts get a 400, so no link can name a host a client made up.",
    )
    proxy_hops: int = _setting(
        0,
        "Reverse proxies in front whose X-Forwarded-* headers are trusted "
        "(0: clients reach the server directly).",
    )

    def __post_init__(self) -> None:
        if self.timezone:
            check_zone(self.timezone, "CALSVC_TIMEZONE")

    def environment(self) -> dict[str, str]:
        """The CALSVC_* variables that give these settings (what from_env reads back)."""
        return {f"CALSVC_{f.name.upper()}": _text(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from CALSVC_<NAME> variables, then explicit overrides (such as CLI options).
        A variable set empty ('CALSVC_DB=', as compose files and shells leave them) means its
        default, never a path or a value of ''."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            variable = f"CALSVC_{f.name.upper()}"
            if environ.get(variable, "").strip():
                values[f.name] = _convert(variable, environ[variable], f.type)
        settings = cls(**values)
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def _text(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _convert(variable: str, raw: str, kind: object) -> Any:
    try:
        if kind == "Path":
            return Path(raw)
        if kind == "Path | str":  # a file, or a database's URL
            return raw if "://" in raw else Path(raw)
        if kind == "bool":
            if raw.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                raise ValueError
            return raw.lower() in {"1", "true", "yes"}
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        return raw.rstrip("/") if variable == "CALSVC_BASE_URL" else raw
    except ValueError:
        raise ConfigError(variable, None, f"{raw!r} is not a valid {kind}") from None


def _shown(default: object) -> str:
    if default == BUNDLED_SEEDS:
        return "seeds/ (bundled)"
    if default == DEFAULT_DB:
        return "~/.local/share/calsvc/revisions.sqlite3 (the user's data folder)"
    return _text(default)


def documented() -> list[tuple[str, str, str]]:
    """(variable, default as shown to people, help) for every setting."""
    return [
        (f"CALSVC_{f.name.upper()}", _shown(f.default), f.metadata["help"])
        for f in fields(Settings)
    ]
