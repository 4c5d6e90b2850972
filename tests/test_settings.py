"""Settings: read from the environment, and every one of them documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from calsvc.errors import ConfigError
from calsvc.settings import BUNDLED_SEEDS, Settings, documented

from .conftest import ROOT


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    rows = [
        f"| `{variable}` | `{default}` | {meaning} |" for variable, default, meaning in documented()
    ]
    assert [row for row in rows if row not in readme] == []


def test_settings_from_environment() -> None:
    settings = Settings.from_env({"CALSVC_SOURCES": "/srv/programmes", "CALSVC_BASE_URL": "https://cal.example.org/",
                                  "CALSVC_UNTIMED": "no", "CALSVC_RELOAD_SECONDS": "0.5"})  # fmt: skip

    assert (settings.sources, settings.base_url, settings.untimed, settings.reload_seconds, settings.db) == (
        Path("/srv/programmes"), "https://cal.example.org", False, 0.5,
        Path.home() / ".local/share/calsvc/revisions.sqlite3"
    )  # fmt: skip


def test_an_empty_setting_means_its_default() -> None:
    empty = {
        "CALSVC_DB": "",
        "CALSVC_SOURCES": " ",
        "CALSVC_RELOAD_SECONDS": "",
        "CALSVC_UNTIMED": "",
    }

    assert Settings.from_env(empty) == Settings()


def test_settings_overrides_beat_environment() -> None:
    settings = Settings.from_env({"CALSVC_SOURCES": "/a"}, sources=Path("/b"), db=None)

    assert (settings.sources, Settings.from_env({}).sources) == (Path("/b"), BUNDLED_SEEDS)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("CALSVC_UNTIMED", "maybe", "CALSVC_UNTIMED: 'maybe' is not a valid bool"),
        ("CALSVC_REFRESH_MINUTES", "hourly", "CALSVC_REFRESH_MINUTES: 'hourly' is not a valid int"),
    ],
    ids=["bool", "int"],
)
def test_settings_bad_values_name_the_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        Settings.from_env({variable: value})

    assert str(error.value) == message
