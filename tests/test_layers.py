"""The package's imports point one way: edges -> engine -> store -> language -> base."""

from __future__ import annotations

import ast
from graphlib import TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "verifier"

# A module may import its own layer and any layer with a lower rank; siblings of one rank
# (web and measure) may not import each other. The root package only gives the version.
RANKS = {
    "models": 0,
    "config": 0,
    "keys": 0,
    "language": 1,
    "store": 2,
    "engine": 3,
    "web": 4,
    "measure": 4,
    "cli": 5,
    "__main__": 6,
}


def layer_of(module: str) -> str:
    """Return the layer of a dotted module name under `verifier` ('' for the root package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def wrong_imports(source: str, module: str) -> list[str]:
    """List the imports of `source` (the text of `module`) that point up or sideways."""
    here = layer_of(module)
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            targets = [node.module]
            if node.module == "verifier":
                targets = [f"verifier.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in targets:
            if not target.startswith("verifier."):
                continue
            there = layer_of(target)
            if there == "__version__" or there == here or here == "":
                continue
            if there not in RANKS or RANKS[there] >= RANKS.get(here, 0):
                found.append(f"{module}:{node.lineno} imports {target}")
    return found


def package_modules() -> list[tuple[str, Path]]:
    """Every module of the package with its dotted name."""
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules.append((name, path))
    return modules


def test_every_layer_is_known() -> None:
    layers = {layer_of(name) for name, _ in package_modules()} - {""}
    assert layers <= set(RANKS)


def test_imports_point_down_the_layers() -> None:
    wrong = [w for name, path in package_modules() for w in wrong_imports(path.read_text(), name)]
    assert wrong == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("verifier.language.text", "from verifier.engine.matching import Candidate"),
        ("verifier.store.rows", "from verifier.engine import curated"),
        ("verifier.engine.service", "import verifier.web.app"),
        ("verifier.web.api", "from verifier.measure import metrics"),
        ("verifier.measure.bench", "from verifier import cli"),
    ],
    ids=["language-to-engine", "store-to-engine", "engine-to-web", "web-to-measure", "up-to-cli"],
)
def test_a_wrong_import_is_caught(module: str, source: str) -> None:
    assert wrong_imports(source, module) != []


def imported_modules(source: str, known: set[str]) -> set[str]:
    """Return the package modules that `source` imports ('from pkg import module' included)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                module = f"{node.module}.{alias.name}"
                found.add(module if module in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found & known


def test_no_import_cycle_between_modules() -> None:
    # The root package is the public entry point: it builds the app when called, lazily.
    modules = {name: path for name, path in package_modules() if name != "verifier"}
    known = set(modules)
    graph = TopologicalSorter(
        {name: imported_modules(path.read_text(), known) - {name} for name, path in modules.items()}
    )
    graph.prepare()  # raises CycleError naming the modules of a cycle
