"""Engine data lives beside the engines: nothing under `src/cadis/engines/` reaches into `apps/`."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from cadis.engines.screening.data import DEFAULT_DATA_DIR, load_control_list_csv

ENGINES = Path(__file__).resolve().parents[3] / "src" / "cadis" / "engines"
# A path component "apps" ("../apps/x", "apps\\x", Path(...) / "apps") or a dotted module path.
APPS_PATH = re.compile(r"(^|[/\\])apps([/\\]|$)|\bcadis\.apps\b")
TEXT_DATA = {".csv", ".json", ".txt", ".yaml", ".tsv"}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes (prose may mention `apps/`; code may not)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def apps_references(path: Path) -> list[str]:
    """Strings in a Python file, or lines of a data file, that name a path under apps/."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return [line for line in text.splitlines() if APPS_PATH.search(line)]
    tree = ast.parse(text)
    skip = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and APPS_PATH.search(node.value)
    ]


def test_no_engine_file_refers_to_a_path_under_apps():
    files = [p for p in ENGINES.rglob("*") if p.suffix == ".py" or p.suffix in TEXT_DATA]
    assert len(files) > 50  # the walk really covers the engines
    offending = {str(p.relative_to(ENGINES)): refs for p in files if (refs := apps_references(p))}
    assert offending == {}


def test_the_check_catches_a_path_built_into_apps(tmp_path):
    module = tmp_path / "reader.py"
    module.write_text(
        '"""Reads nothing from apps/ (prose is allowed)."""\n'
        "from pathlib import Path\n"
        'DATA = Path(__file__).parents[2] / "apps" / "reference" / "data"\n'
        'OTHER = "../apps/ews/data/x.csv"\n'
    )
    assert sorted(apps_references(module)) == ["../apps/ews/data/x.csv", "apps"]


def test_the_precursor_tables_are_read_from_beside_the_screening_engine():
    assert DEFAULT_DATA_DIR == ENGINES / "screening" / "data"
    names = {"precursors.csv", "precursor_synonyms.csv", "precursor_national_lists.csv"}
    assert names <= {p.name for p in DEFAULT_DATA_DIR.iterdir()}
    control_list = load_control_list_csv()
    assert any(entry.cas == "108-24-7" for entry in control_list.entries)  # acetic anhydride
