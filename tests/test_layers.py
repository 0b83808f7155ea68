"""The layers only point down: engines never import Django nor any cadis app."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINES = Path(__file__).resolve().parents[1] / "src" / "cadis" / "engines"
FORBIDDEN_PREFIXES = ("django", "ninja", "cadis.apps", "cadis.api", "cadis.web", "cadis.config")


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_engines_never_import_django_or_apps():
    offenders = [
        f"{path.relative_to(ENGINES)}: {name}"
        for path in sorted(ENGINES.rglob("*.py"))
        for name in _imported_modules(path)
        if name.startswith(FORBIDDEN_PREFIXES)
    ]
    assert offenders == []


def test_the_layer_test_sees_engine_modules():
    # Guards the test above against passing vacuously on an empty or moved tree.
    assert len(list(ENGINES.rglob("*.py"))) >= 5
