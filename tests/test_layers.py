"""The layers hold: reading, the model, selection and the index import nothing from the
front ends or their frameworks, the index nothing from the renderer, and the output formats
nothing from reading, the sources, the store or the serving state."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "calsvc"
FRONT_ENDS = ("calsvc.web", "calsvc.cli", "calsvc.storecli", "calsvc.export",
              "flask", "werkzeug", "click", "granian")  # fmt: skip
RENDERING = ("calsvc.ics", "icalendar")
READING = ("calsvc.parse",)
# The revision store needs only the model and the codec below it.
ABOVE_STORE = ("calsvc.sources", "calsvc.pipeline", "calsvc.serving", "calsvc.settings",
               "calsvc.catalogue", "calsvc.changes", "calsvc.report", "calsvc.formats")  # fmt: skip
# Formats render a selection of a catalogue: they know nothing of where it came from.
ABOVE_FORMATS = ("calsvc.sources", "calsvc.pipeline", "calsvc.serving", "calsvc.store")
INDEX = ("model", "codec", "catalogue", "kinds", "errors")


def _imports(path: Path) -> set[str]:
    """The modules a file imports, with relative imports made absolute."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            name = ".".join(p for p in (base, node.module or "") if p)
            found |= {name} | {f"{name}.{alias.name}" for alias in node.names}
    return found


def _reaching(imports: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(i for i in imports if any(i == f or i.startswith(f + ".") for f in forbidden))


def _files(*names: str) -> list[Path]:
    """The modules named (a folder stands for every module in it)."""
    found: list[Path] = []
    for name in names:
        folder = PACKAGE / name
        found += sorted(folder.glob("*.py")) if folder.is_dir() else [folder.with_suffix(".py")]
    return found


# (the modules, what they may not import): the pipeline's layers, from the bottom up.
LAYERS = [
    (_files(*INDEX), FRONT_ENDS + RENDERING + READING),
    (_files("parse"), FRONT_ENDS + RENDERING),
    (_files("ics"), FRONT_ENDS + READING),
    (_files("formats"), FRONT_ENDS + READING + ABOVE_FORMATS),
    (_files("store"), FRONT_ENDS + RENDERING + READING + ABOVE_STORE),
    (
        _files(
            "sources",
            "pipeline",
            "serving",
            "settings",
            "report",
            "changes",
            "trial",
            "desk",
            "credentials",
        ),
        FRONT_ENDS,
    ),
]
CASES = [(path, forbidden) for paths, forbidden in LAYERS for path in paths]


@pytest.mark.parametrize(
    ("path", "forbidden"), CASES, ids=[str(p.relative_to(PACKAGE)) for p, _ in CASES]
)
def test_each_layer_imports_nothing_above_it(path: Path, forbidden: tuple[str, ...]) -> None:
    assert _reaching(_imports(path), forbidden) == []


def test_every_module_has_a_layer_or_is_a_front_end() -> None:
    placed = {path for path, _ in CASES}
    front_ends = {*_files("web"), *_files("cli", "storecli", "export", "__main__", "__init__")}
    assert (
        sorted(str(p.relative_to(PACKAGE)) for p in _files("") if p not in placed | front_ends)
        == []
    )


def test_the_import_reader_sees_relative_imports() -> None:
    assert _reaching(_imports(PACKAGE / "pipeline.py"), ("calsvc.ics.render",)) == [
        "calsvc.ics.render",
        "calsvc.ics.render.fingerprint",
    ]
