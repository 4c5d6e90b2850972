"""The layers hold: reading, the model, selection and the index import nothing from the
front ends or their frameworks, and the index nothing from the renderer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "calsvc"
FRONT_ENDS = ("calsvc.web", "calsvc.cli", "calsvc.server", "flask", "werkzeug", "click", "granian")
RENDERING = ("calsvc.render", "calsvc.ical", "calsvc.vtimezone", "calsvc.description", "icalendar")


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


CORE = [
    *sorted((PACKAGE / "parse").glob("*.py")),
    *(PACKAGE / name for name in ("model.py", "selection.py", "catalogue.py", "search.py",
                                  "spans.py", "kinds.py", "errors.py")),
]  # fmt: skip


@pytest.mark.parametrize("path", CORE, ids=[str(p.relative_to(PACKAGE)) for p in CORE])
def test_the_core_imports_no_front_end(path: Path) -> None:
    assert _reaching(_imports(path), FRONT_ENDS) == []


@pytest.mark.parametrize(
    "path",
    [
        PACKAGE / "catalogue.py",
        PACKAGE / "search.py",
        PACKAGE / "selection.py",
        PACKAGE / "model.py",
    ],
    ids=["catalogue", "search", "selection", "model"],
)
def test_the_index_imports_no_renderer(path: Path) -> None:
    assert _reaching(_imports(path), RENDERING) == []


def test_the_import_reader_sees_relative_imports() -> None:
    assert _reaching(_imports(PACKAGE / "pipeline.py"), ("calsvc.render",)) == [
        "calsvc.render",
        "calsvc.render.CALENDAR_TAIL",
        "calsvc.render.Rendered",
        "calsvc.render.calendar_head",
        "calsvc.render.fingerprint",
    ]
