"""Reads the house's structure from the source: the import graph, its layers and cycles.

Shared by ``tests/test_layers.py`` (which fails on an arrow that points up) and
``benchmarks/house_metrics.py`` (which counts them, also for an older checkout given by path).
Every import counts, including function-local and ``TYPE_CHECKING`` ones: an import inside a
function is still a dependency, only a later one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The floors, lowest first. A module may import its own floor and the floors below it.
FOUNDATION_APPS = ("accounts", "reference", "jobs")
TOP_PACKAGES = ("cadis.api", "cadis.web", "cadis.config", "cadis.cli")
LAYERS = ("engines", "platform", "foundation", "modules", "top")


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "cadis.apps.supply.api"
    target: str  # the imported module, e.g. "cadis.platform.api"
    path: Path
    line: int
    local: bool  # inside a function


def module_name(src: Path, path: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def source_files(src: Path) -> Iterator[Path]:
    """The project's Python files under ``src`` (migrations included: they import too)."""
    yield from sorted(p for p in (src / "cadis").rglob("*.py") if "__pycache__" not in p.parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(src: Path, path: Path) -> list[Import]:
    module = module_name(src, path)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []

    def visit(node: ast.AST, local: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = local or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(module, alias.name, path, child.lineno, local))
            elif isinstance(child, ast.ImportFrom):
                target = _resolve(module, is_package, child)
                found.append(Import(module, target, path, child.lineno, local))
                # ``from cadis.apps import supply`` imports the package ``cadis.apps.supply``.
                for alias in child.names:
                    found.append(
                        Import(module, f"{target}.{alias.name}", path, child.lineno, local)
                    )
            visit(child, inner)

    visit(tree, False)
    return found


def project_imports(src: Path) -> list[Import]:
    """Every import of a ``cadis`` module by a ``cadis`` module, resolved to existing modules."""
    modules = {module_name(src, p) for p in source_files(src)}
    result: list[Import] = []
    seen: set[tuple[str, str, int]] = set()
    for path in source_files(src):
        for imp in imports_of(src, path):
            target = imp.target
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if not target.startswith("cadis.") or target == imp.source:
                continue
            key = (imp.source, target, imp.line)
            if key in seen:
                continue
            seen.add(key)
            result.append(Import(imp.source, target, imp.path, imp.line, imp.local))
    return result


def package_of(module: str) -> str:
    """The unit of the package graph: an app, an engine, the platform, api, web, config."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[1] in ("apps", "engines"):
        return ".".join(parts[:3])
    if len(parts) >= 2:
        return ".".join(parts[:2])
    return module


def layer_of(module: str) -> str | None:
    if module.startswith("cadis.engines"):
        return "engines"
    if module.startswith("cadis.platform"):
        return "platform"
    if module.startswith("cadis.apps."):
        return "foundation" if module.split(".")[2] in FOUNDATION_APPS else "modules"
    if module.startswith(TOP_PACKAGES):
        return "top"
    return None  # cadis/__init__.py: the namespace itself


def upward_imports(imports: list[Import]) -> list[Import]:
    """Imports from a lower floor into a higher one."""
    up = []
    for imp in imports:
        source, target = layer_of(imp.source), layer_of(imp.target)
        if source is None or target is None:
            continue
        if LAYERS.index(target) > LAYERS.index(source):
            up.append(imp)
    return up


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative); returns the components with more than one node."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def _is_ancestor(a: str, b: str) -> bool:
    return b.startswith(a + ".")


def file_cycles(imports: list[Import]) -> list[list[str]]:
    """Circles of modules importing each other (a package's ``__init__`` and its own
    submodules are one room, so ``pkg`` ⇄ ``pkg.sub`` does not count)."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        if _is_ancestor(imp.source, imp.target) or _is_ancestor(imp.target, imp.source):
            continue
        graph.setdefault(imp.source, set()).add(imp.target)
    return strongly_connected(graph)


def package_cycles(imports: list[Import]) -> list[list[str]]:
    graph: dict[str, set[str]] = {}
    for imp in imports:
        source, target = package_of(imp.source), package_of(imp.target)
        if source != target:
            graph.setdefault(source, set()).add(target)
    return strongly_connected(graph)


# --- scope comparisons -------------------------------------------------------------------
# Access is decided in one module; elsewhere nobody compares a user's country or organisation
# with a record's, nor a confidentiality level. The scan looks for the shapes such code takes:
# - a comparison with the user's side (``scope.country_id == country.pk``,
#   ``actor.organisation.country_id != record.country_id``) or with a fixed level
#   (``record.confidentiality == PUBLIC``);
# - a query filter keyed by the user or a level (``filter(organisation_id=scope.organisation_id)``,
#   ``Q(confidentiality=Confidentiality.PUBLIC)``);
# - reading the country or organisation out of a ``Scope`` (``scope_of(user).country_id``),
#   which only serves to compare it afterwards.
# Two records' own fields compared with each other (a subdivision within the record's country,
# an import row unchanged) are data checks, not access decisions, and are not counted.

OWNER_ATTRS = {"country", "country_id", "organisation", "organisation_id"}
LEVELS = {"PUBLIC", "RESTRICTED", "CONFIDENTIAL"}
USER_ROOTS = {"scope", "user", "actor", "request", "scope_of"}
SCOPE_ROOTS = {"scope", "scope_of"}
# Scope functions whose answer is the user's country (or "all"): comparing it is deciding.
USER_COUNTRY_CALLS = {"countries_readable_restricted", "home_country_id"}
FILTER_CALLS = {"filter", "exclude", "get", "Q"}
OWNER_WORDS = ("countr", "organisation", "confidentiality")


def _root(node: ast.AST) -> str | None:
    while True:
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
        ):
            node = node.args[0] if node.args else node.func
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute | ast.Subscript):
            node = node.value
        else:
            break
    return node.id if isinstance(node, ast.Name) else None


def _is_owner_attr(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and (
        node.attr in OWNER_ATTRS or node.attr.endswith(("_country", "_country_id"))
    )


def _getattr_owner(node: ast.AST) -> bool:
    """``getattr(actor, "organisation", None)``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value in OWNER_ATTRS
    )


def _level_constant(node: ast.AST) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and child.id in LEVELS:
            return True
        if isinstance(child, ast.Attribute) and child.attr in LEVELS:
            return True
    return False


@dataclass(frozen=True)
class Comparison:
    path: Path
    line: int
    text: str


class _ScopeScan(ast.NodeVisitor):
    """Walks one file; inside a function, a name assigned from the user's side
    (``organisation = getattr(actor, "organisation", None)``) counts as the user's side too."""

    def __init__(self, source: str, path: Path) -> None:
        self.source, self.path = source, path
        self.user_roots: list[set[str]] = [set(USER_ROOTS)]
        self.found: dict[int, Comparison] = {}

    def _user_owner(self, node: ast.AST) -> bool:
        roots = self.user_roots[-1]
        for child in ast.walk(node):
            if _is_owner_attr(child) and _root(child) in roots:
                return True
            if isinstance(child, ast.Name) and child.id in roots - USER_ROOTS:
                return True
        return False

    def _hit(self, node: ast.AST) -> None:
        line = node.lineno
        if line not in self.found:
            text = ast.get_source_segment(self.source, node) or ""
            self.found[line] = Comparison(self.path, line, text)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        tainted = set(self.user_roots[-1])
        for child in ast.walk(node):
            if isinstance(child, ast.Assign) and _root(child.value) in USER_COUNTRY_CALLS:
                tainted.update(t.id for t in child.targets if isinstance(t, ast.Name))
            if isinstance(child, ast.Assign) and _root(child.value) in USER_ROOTS:
                if any(_is_owner_attr(n) or _getattr_owner(n) for n in ast.walk(child.value)):
                    tainted.update(t.id for t in child.targets if isinstance(t, ast.Name))
        self.user_roots.append(tainted)
        self.generic_visit(node)
        self.user_roots.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Compare(self, node: ast.Compare) -> None:
        operands = [node.left, *node.comparators]
        if any(self._user_owner(op) or _level_constant(op) for op in operands):
            self._hit(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in FILTER_CALLS and any(
            any(word in (kw.arg or "") for word in OWNER_WORDS)
            and (self._user_owner(kw.value) or _level_constant(kw.value))
            for kw in node.keywords
        ):
            self._hit(node)
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if _is_owner_attr(node) and _root(node) in SCOPE_ROOTS:
            self._hit(node)
        self.generic_visit(node)


def scope_comparisons(path: Path) -> list[Comparison]:
    """The lines of ``path`` that make an access decision themselves (see above)."""
    source = path.read_text(encoding="utf-8")
    scan = _ScopeScan(source, path)
    scan.visit(ast.parse(source, filename=str(path)))
    return sorted(scan.found.values(), key=lambda c: c.line)
