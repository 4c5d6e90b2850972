"""Settings: one table of name, default and help, read from CALSVC_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True, slots=True)
class Settings:
    """What an operator can set; each field's metadata is its help text."""

    sources: Path = BUNDLED_SEEDS

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        environ = dict(os.environ if environ is None else environ)
        values = {}
        for f in fields(cls):
            raw = environ.get(f"CALSVC_{f.name.upper()}")
            if raw is not None:
                values[f.name] = Path(raw)
        return cls(**values)
