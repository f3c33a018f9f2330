"""The layers of the code base and a checker for them (see ARCHITECTURE.md).

Data flows one way: a module may import only from its own layer or from layers before it. Modules in
one layer may import each other, as long as the import graph has no cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

# In data-flow order: each entry may import from itself and the entries before it.
LAYERS: list[tuple[str, ...]] = [
    ("leidraad.problems", "leidraad.model", "leidraad.schemas"),
    ("leidraad.content",),
    ("leidraad.queries",),
    ("leidraad.checks",),
    ("leidraad.drawing",),
    ("leidraad.quiz",),
    ("leidraad.bpmn",),
    ("leidraad.exports",),
    ("leidraad.versions",),
    ("leidraad.rooms",),
    ("leidraad.cli", "leidraad.__main__", "leidraad"),
    ("components.text",),
    ("components.cache",),
    ("components.navigation", "components.diagram", "components.presenter", "components.guard"),
    ("components.panels",),
    ("components.pages",),
    ("components",),
    ("views",),
    ("components.health",),
    ("app", "serve"),
]
CORE = "leidraad"
FORBIDDEN_IN_CORE = ("streamlit",)


def layer_of(module: str) -> int | None:
    """The layer of a module: the longest listed prefix wins."""
    best: tuple[int, int] | None = None
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[1]):
                best = (index, len(prefix))
    return None if best is None else best[0]


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    top_level: bool


def imports_of(root: Path, path: Path) -> Iterator[Import]:
    """Every import in a module, also inside functions, resolved to absolute module names."""
    source = module_name(root, path)
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(source, alias.name, node.lineno, id(node) in top)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # `from package import module` imports the module itself.
            for alias in node.names:
                yield Import(source, f"{target}.{alias.name}", node.lineno, id(node) in top)


def python_files(root: Path, tops: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for top in tops:
        path = root / top
        found += sorted(path.rglob("*.py")) if path.is_dir() else [root / f"{top}.py"]
    return [p for p in found if p.exists()]


def violations(root: Path, tops: tuple[str, ...] = ("leidraad", "components", "views", "app", "serve")) -> list[str]:
    """Upward imports, imports of streamlit in the core, unknown modules and cycles, as readable lines."""
    problems: list[str] = []
    own = {module_name(root, p) for p in python_files(root, tops)}
    graph: nx.DiGraph = nx.DiGraph()
    for path in python_files(root, tops):
        for imp in imports_of(root, path):
            where = f"{path.relative_to(root)}:{imp.line}"
            if imp.source.startswith(CORE) and imp.target.split(".")[0] in FORBIDDEN_IN_CORE:
                problems.append(f"{where}: the core imports {imp.target}")
            target = imp.target
            while target and target not in own:
                target = target.rpartition(".")[0]
            if not target:
                continue
            source_layer, target_layer = layer_of(imp.source), layer_of(target)
            if source_layer is None or target_layer is None:
                problems.append(f"{where}: {imp.source if source_layer is None else target} is in no layer")
            elif target_layer > source_layer:
                problems.append(f"{where}: {imp.source} imports {target}, a later layer")
            if imp.top_level and target != imp.source:
                graph.add_edge(imp.source, target)
    for cycle in nx.simple_cycles(graph):
        problems.append("import cycle: " + " -> ".join([*cycle, cycle[0]]))
    return problems
