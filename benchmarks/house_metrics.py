"""Measure the house: how many times each shared mechanism is written, and how the layers point.

    python benchmarks/house_metrics.py                 # this checkout
    python benchmarks/house_metrics.py --root /tmp/old # another checkout (e.g. a git worktree)
    python benchmarks/house_metrics.py --no-tests      # skip the (slow) test collection

The figures (written to benchmarks/out/house_metrics.json when measuring this checkout):
- tabular_readers: source files that read CSV/XLSX themselves (csv.reader/DictReader/Sniffer,
  openpyxl.load_workbook), listed;
- import_pipelines: source files with a dry-run/commit loop of their own, listed: a file that
  decides itself whether a dry run writes (an ``if`` on ``dry_run``) or counts rows as
  created, updated or unchanged itself (``report.created += 1``). The platform's flow
  (``platform/imports/flow.py``: ``check_each``, ``commit_rows``) is the one; a kind that hands
  its rows to it passes ``dry_run`` on and is a specification, not a pipeline;
- spreadsheet_writers: source files that write CSV/XLSX themselves (csv.writer/DictWriter,
  openpyxl.Workbook), listed;
- scope_comparisons: lines outside the scope module that decide access themselves (the scan
  of ``tests/house.py``, the same one ``tests/test_scope_in_one_place.py`` enforces);
- upward_imports / file_cycles / package_cycles: the import graph (``tests/house.py``), every
  import counted, function-local ones included;
- duplicate_pairs: the first figure of the ``duplicates`` command over the tree;
- tests: ``pytest --collect-only`` over that checkout's ``tests/`` (its own ``src`` first on the path);
- plus the counts the architecture review quoted: modules over 500 lines, ``except CadisError``
  blocks in views, any CadisError class (those left show the error in a form or a message), ``created_by=actor if
  getattr(...)`` copies and API ``resolve_*`` copies outside ``cadis/platform`` (which holds the one
  definition of each).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tests import house  # noqa: E402  (the graph and scan code this checkout's tests use)

READ_CALLS = {"reader", "DictReader", "Sniffer", "load_workbook"}
WRITE_CALLS = {"writer", "DictWriter", "Workbook"}


def _calls(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                if func.value.id in ("csv", "openpyxl"):
                    names.add(func.attr)
            elif isinstance(func, ast.Name) and func.id in ("load_workbook", "Workbook"):
                names.add(func.id)
    return names


_COUNTS = {"created", "updated", "unchanged"}


def _mentions_dry_run(node: ast.AST) -> bool:
    return any(
        (isinstance(n, ast.Name) and n.id == "dry_run")
        or (isinstance(n, ast.Attribute) and n.attr == "dry_run")
        for n in ast.walk(node)
    )


def _pipeline(tree: ast.AST) -> bool:
    """The file runs a dry-run/commit loop itself (see the module's docstring)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _mentions_dry_run(node.test):
            return True
        if (
            isinstance(node, ast.AugAssign)
            and isinstance(node.target, ast.Attribute)
            and node.target.attr in _COUNTS
            and isinstance(node.value, ast.Constant)
            and _mentions_dry_run(tree)
        ):
            return True
    return False


def _files(src: Path) -> list[Path]:
    return [p for p in house.source_files(src) if "migrations" not in p.relative_to(src).parts]


def _scope_modules(src: Path) -> set[Path]:
    return {
        p
        for p in (
            src / "cadis" / "platform" / "scope.py",
            src / "cadis" / "apps" / "accounts" / "scope.py",
        )
    }


def duplicate_pairs(root: Path) -> int | None:
    if shutil.which("duplicates") is None:
        return None
    out = subprocess.run(
        ["duplicates", "--repo", str(root), "--seconds", "300"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    match = re.search(r"(\d+) pairs?", out) or re.search(r"no duplicates", out)
    if match is None:
        return None
    return int(match.group(1)) if match.groups() else 0


def test_count(root: Path) -> int | None:
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "CADIS_VAR_DIR": str(root / "var")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    match = re.search(r"(\d+) tests? collected", result.stdout) or re.search(
        r"^(\d+) tests?", result.stdout, re.MULTILINE
    )
    return int(match.group(1)) if match else None


def measure(root: Path, *, with_tests: bool) -> dict:
    src = root / "src"
    files = _files(src)
    rel = lambda p: str(p.relative_to(src / "cadis"))  # noqa: E731
    readers, writers, pipelines, big = [], [], [], []
    comparisons: list[str] = []
    cadis_error_blocks = created_by_copies = resolver_copies = 0
    scope_modules = _scope_modules(src)
    for path in files:
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        calls = _calls(tree)
        if calls & READ_CALLS:
            readers.append(rel(path))
        if calls & WRITE_CALLS:
            writers.append(rel(path))
        if _pipeline(tree):
            pipelines.append(rel(path))
        if len(text.splitlines()) > 500:
            big.append(f"{rel(path)} ({len(text.splitlines())})")
        if path not in scope_modules:
            comparisons += [f"{rel(c.path)}:{c.line}" for c in house.scope_comparisons(path)]
        if "views" in path.stem or "views" in path.relative_to(src).parts:
            cadis_error_blocks += len(
                re.findall(
                    r"except\s+\(?[\w., ]*\b(CadisError|NotFound|PermissionDenied|ValidationError|Conflict|BadInputFile)\b",
                    text,
                )
            )
        if "platform" not in path.relative_to(src).parts:  # the platform holds the one definition
            created_by_copies += len(
                re.findall(
                    r"actor if getattr\(actor, \"is_authenticated\", False\) else None", text
                )
            )
            resolver_copies += len(
                re.findall(r"def resolve_(country|organisation|synthetic)\b", text)
            )
    imports = house.project_imports(src)
    upward = house.upward_imports(imports)
    figures = {
        "tabular_readers": len(readers),
        "import_pipelines": len(pipelines),
        "spreadsheet_writers": len(writers),
        "scope_comparisons": len(comparisons),
        "upward_imports": len(upward),
        "file_cycles": len(house.file_cycles(imports)),
        "package_cycles": len(house.package_cycles(imports)),
        "duplicate_pairs": duplicate_pairs(root),
        "tests": test_count(root) if with_tests else None,
        "modules_over_500_lines": len(big),
        "view_except_cadis_error": cadis_error_blocks,
        "created_by_actor_copies": created_by_copies,
        "api_resolver_copies": resolver_copies,
        "detail": {
            "tabular_readers": readers,
            "import_pipelines": pipelines,
            "spreadsheet_writers": writers,
            "scope_comparisons": comparisons,
            "upward_imports": [
                f"{i.source} -> {i.target} ({rel(i.path)}:{i.line})" for i in upward
            ],
            "file_cycles": house.file_cycles(imports),
            "package_cycles": house.package_cycles(imports),
            "modules_over_500_lines": big,
        },
    }
    return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="the checkout to measure")
    parser.add_argument("--no-tests", action="store_true", help="skip counting the tests")
    parser.add_argument("--detail", action="store_true", help="print the lists behind the counts")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    figures = measure(root, with_tests=not args.no_tests)
    for key, value in figures.items():
        if key != "detail":
            print(f"{key:28} {value}")
    if args.detail:
        print(json.dumps(figures["detail"], indent=1, ensure_ascii=False))
    if root == REPO:
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        (out / "house_metrics.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
