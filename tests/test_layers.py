"""The pipeline's shape, enforced: no import cycles among sitegen's modules, and no import
against the stage direction (docs/architecture.md).

Every import is walked, function-level ones included: a function-level import still
ties the two modules together, it only hides the tie from a reader. Imports under
``if TYPE_CHECKING:`` are left out: they never run, and annotations may name a type
of a later stage without depending on it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import REPO

# Stages in pipeline order: a module may import its own stage and earlier ones only.
STAGES = [
    ("base", ("sitegen", "sitegen.errors", "sitegen.config")),
    ("util", ("sitegen.util",)),
    ("core", ("sitegen.core",)),
    ("ingest", ("sitegen.ingest",)),
    ("extract", ("sitegen.extract",)),
    ("content", ("sitegen.content",)),
    ("importer", ("sitegen.importer",)),
    ("builder", ("sitegen.builder",)),
    ("serve", ("sitegen.serve",)),
    ("cli", ("sitegen.cli", "sitegen.__main__")),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in (REPO / "sitegen").rglob("*.py")}


def stage_of(module: str) -> int:
    best, rank = -1, -1
    for i, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), i
    return rank


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return hidden


def imports_of(module: str) -> dict[str, int]:
    """Modules of sitegen that ``module`` imports, each with the line of one import."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = _type_checking_nodes(tree)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package[: len(package) - node.level + 1]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                target = f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                if target in MODULES and target != module:
                    found.setdefault(target, node.lineno)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES and alias.name != module:
                    found.setdefault(alias.name, node.lineno)
    return found


GRAPH = {m: imports_of(m) for m in MODULES}


def test_every_module_belongs_to_a_stage():
    assert [m for m in MODULES if stage_of(m) < 0] == []


def test_no_import_against_the_stage_direction():
    wrong = []
    for module, targets in sorted(GRAPH.items()):
        for target, line in sorted(targets.items()):
            if stage_of(target) > stage_of(module):
                rel = MODULES[module].relative_to(REPO)
                wrong.append(f"{rel}:{line}: {STAGES[stage_of(module)][0]} imports {target} "
                             f"({STAGES[stage_of(target)][0]})")
    assert wrong == []


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, {}))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
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
                    found.append(sorted(component))
    return found


def test_no_import_cycles():
    assert cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle_and_only_cycles():
    """Guard the guard: a made-up graph with one cycle of three and a tail."""
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}, "e": {}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_no_module_over_the_size_a_reader_takes_in_one_sitting():
    long = [f"{p.relative_to(REPO)}: {n} lines" for p in MODULES.values()
            if (n := p.read_text(encoding="utf-8").count("\n")) > 550]
    assert long == []
