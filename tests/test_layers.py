"""The layers, checked from the source: who may import whom, and no module imports itself back.

core is pure (no SQL, no Qt, no network), the store knows nothing above it, the services know
no Qt, the UI reaches the data only through the services and core, and the sync client runs
without Qt. Each rule is read from the `import` statements of every .py file (with ast), so a
new upward import fails here, not in a later review.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("desk_app", "sync")

# Module prefixes a layer must not import.
FORBIDDEN = {
    "desk_app.ui": ("desk_app.store",),
    "desk_app.core": ("desk_app.store", "desk_app.services", "desk_app.ui", "desk_app.printing",
                      "PySide6", "sqlite3", "sqlite_utils", "requests"),
    "desk_app.store": ("desk_app.services", "desk_app.ui"),
    "desk_app.services": ("desk_app.ui", "PySide6"),
    # Scanning is a library the UI and the services call: no Qt, no SQL, nothing above it.
    "desk_app.scanning": ("desk_app.store", "desk_app.services", "desk_app.ui", "PySide6",
                          "sqlite3"),
    "sync.client": ("PySide6",),
    "sync.exchange": ("PySide6",),
    "sync.protocol": ("PySide6",),
    "sync.backoff": ("PySide6",),
}

def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(path: Path, module: str, *, module_level_only: bool,
            type_checking: bool = False) -> set[str]:
    """The modules `path` imports; for `from a import b`, both `a` and `a.b` (b may be a
    module). Module level only: not inside functions, and under `if TYPE_CHECKING:` only with
    `type_checking`."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                source = _resolve(node, module, is_package)
                found.add(source)
                found.update(f"{source}.{alias.name}" for alias in node.names)
            elif module_level_only:
                if isinstance(node, ast.If) and (type_checking or not _is_type_checking(node)):
                    visit(node.body + node.orelse)
                elif isinstance(node, ast.Try):
                    visit(node.body + node.orelse + node.finalbody
                          + [s for h in node.handlers for s in h.body])
            else:
                visit([child for child in ast.iter_child_nodes(node)
                       if isinstance(child, ast.stmt)])

    visit(tree.body)
    return found


def sources(root: Path = ROOT) -> dict[str, Path]:
    return {module_name(p, root): p
            for package in PACKAGES for p in sorted((root / package).rglob("*.py"))}


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer_violations(modules: dict[str, Path]) -> list[str]:
    found = []
    for module, path in modules.items():
        for layer, forbidden in FORBIDDEN.items():
            if not _within(module, layer):
                continue
            # Lazy imports inside functions count too: they still tie the layers together.
            for name in sorted(imports(path, module, module_level_only=False)):
                if any(_within(name, bad) for bad in forbidden):
                    found.append(f"{module} imports {name}")
    return found


def cycles(modules: dict[str, Path], *, type_checking: bool = False) -> list[set[str]]:
    """The strongly connected components of more than one module in the graph of module-level
    imports between desk_app's modules (Tarjan's algorithm); with `type_checking`, the imports
    made only for annotations count too."""
    ours = {m: p for m, p in modules.items() if _within(m, "desk_app")}
    graph = {m: sorted(n for n in imports(p, m, module_level_only=True, type_checking=type_checking) if n in ours and n != m)
             for m, p in ours.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in graph:
        if v not in index:
            connect(v)
    return found


def test_every_layer_imports_only_what_is_below_it():
    assert layer_violations(sources()) == []


def test_no_module_imports_itself_back():
    assert cycles(sources()) == []


def test_no_circle_even_through_annotations():
    """A circle only under TYPE_CHECKING still means neither module reads without the other."""
    assert cycles(sources(), type_checking=True) == []


@pytest.mark.parametrize("source, problem", [
    ({"desk_app/ui/a.py": "from desk_app.store import dossiers\n"},
     "desk_app.ui.a imports desk_app.store"),
    ({"desk_app/core/a.py": "def f():\n    import sqlite3\n"}, "desk_app.core.a imports sqlite3"),
    ({"desk_app/core/a.py": "from ..services.app import Services\n"},
     "desk_app.core.a imports desk_app.services"),
    ({"desk_app/services/a.py": "from PySide6.QtCore import Qt\n"},
     "desk_app.services.a imports PySide6"),
    ({"sync/client.py": "import PySide6\n"}, "sync.client imports PySide6"),
])
def test_an_upward_import_is_caught(tmp_path, source, problem):
    violations = layer_violations(_written(tmp_path, source))
    assert any(v.startswith(problem) for v in violations)


def test_a_circle_is_caught_but_not_one_under_type_checking_or_in_a_function(tmp_path):
    """Neither of the last two runs at load time; the one under TYPE_CHECKING is still a
    circle for the reader, and counts with `type_checking`."""
    modules = _written(tmp_path, {
        "desk_app/ui/a.py": "from desk_app.ui import b\n",
        "desk_app/ui/b.py": "from desk_app.ui.a import thing\n",
        "desk_app/ui/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                            "    from desk_app.ui import d\n",
        "desk_app/ui/d.py": "def f():\n    from desk_app.ui import c\n",
    })
    assert cycles(modules) == [{"desk_app.ui.a", "desk_app.ui.b"}]
    assert sorted(map(sorted, cycles(modules, type_checking=True))) == [
        ["desk_app.ui.a", "desk_app.ui.b"]]


def _written(root: Path, files: dict[str, str]) -> dict[str, Path]:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return sources(root)


def test_migrations_carry_their_own_copy_of_what_they_need():
    """A released migration must run as it did when released: it may not call live code that
    a later change could alter. Only the framework's own needs come from the program: the error
    it raises for a database from a newer version."""
    path = ROOT / "desk_app" / "store" / "migrations.py"
    allowed = {"__future__", "sqlite_utils", "desk_app.core.errors"}
    imported = {name for name in imports(path, "desk_app.store.migrations",
                                         module_level_only=False, type_checking=True)
                if not any(name.startswith(a + ".") for a in allowed)}
    outside = {name for name in imported - allowed
               if name.split(".")[0] not in sys.stdlib_module_names}
    assert outside == set()


def private_reach_ins(root: Path) -> list[str]:
    """`something._name` where `_name` is not the current class's own (self, cls, super() or
    another instance of the same class): one module reaching into another's insides."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        owned: dict[ast.AST, set[str]] = {}
        for klass in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            names = {n.name for n in ast.walk(klass)
                     if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
            names |= {n.attr for n in ast.walk(klass) if isinstance(n, ast.Attribute)
                      and isinstance(n.value, ast.Name) and n.value.id == "self"}
            for node in ast.walk(klass):
                owned.setdefault(node, set()).update(names)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")):
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            if node.attr in owned.get(node, set()):
                continue
            found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_module_reaches_into_another_ones_private_names():
    assert private_reach_ins(ROOT / "desk_app") == []


def test_a_reach_in_is_caught(tmp_path):
    package = tmp_path / "desk_app"
    package.mkdir()
    (package / "a.py").write_text(
        "class A:\n    def _own(self):\n        return A()._own()\n\n"
        "def use(app):\n    return app._lock\n")
    assert private_reach_ins(package) == ["desk_app/a.py:6: app._lock"]
