"""The package's layers, read from the source with ``ast``: every import points down, never up.

Rooms, top to bottom (a room is a subpackage or a top-level module of ``graphkit``)::

    cli → api, info → corpus, knowledge_graph → pipeline, outputs → relations, graph
        → sources, nlp, entities → records, errors, data, fileio, environment

A module may import its own room and any room of a lower layer; rooms of one layer do not
import each other (except the leaves). Outside its room a subpackage is used through its
``__init__`` (its public face), never through its modules; no module imports another's
``_private`` names; and no chain of imports, lazy ones inside functions included, leads
back to where it started.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "graphkit"
LAYERS = [
    {"__init__", "__main__"},
    {"cli"},
    {"api", "info"},
    {"corpus", "knowledge_graph"},
    {"pipeline", "outputs"},
    {"relations", "graph"},
    {"sources", "nlp", "entities"},
    {"records", "errors", "data", "fileio", "environment"},
]
LEVEL = {room: i for i, rooms in enumerate(LAYERS) for room in rooms}
LEAVES = LAYERS[-1]


def module_names(package: Path = PACKAGE) -> dict[str, Path]:
    """Dotted name → file of every module under ``package`` (a package is its ``__init__``)."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = ["graphkit", *path.relative_to(package).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def bound_names(source: str) -> set[str]:
    """The names a module binds at its top level (imports, definitions, assignments)."""
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def imports(module: str, source: str, known: set[str], is_pkg: bool,
            faces: dict[str, set[str]] | None = None) -> list[tuple[str, list[str], int]]:
    """``(imported module, names taken from it, line)`` for every graphkit import in ``source``,
    at any depth (function-level imports count); ``from pkg import sub`` imports the module ``sub``
    unless the package's ``__init__`` binds a name ``sub`` itself (``faces``: package → names)."""
    here = module.split(".") if is_pkg else module.split(".")[:-1]
    faces = faces or {}
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "graphkit"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(here[: len(here) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base.split(".")[0] != "graphkit":
                continue
            sub = {a.name for a in node.names if f"{base}.{a.name}" in known and a.name not in faces.get(base, ())}
            plain = [a.name for a in node.names if a.name not in sub]
            out += [(f"{base}.{name}", [], node.lineno) for name in sorted(sub)]
            if plain:
                out.append((base, plain, node.lineno))
    return out


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def problems(sources: dict[str, str], packages: set[str] | None = None) -> list[str]:
    """Every breach of the layer rules in ``{module: source}``, one line each (``packages``: the
    modules that are a package's ``__init__``; by default those with modules under them)."""
    known = set(sources)
    if packages is None:
        packages = {m for m in known if any(k.startswith(m + ".") for k in known)}
    faces = {p: bound_names(sources[p]) for p in packages}
    found, graph = [], {m: set() for m in known}
    for mod, src in sources.items():
        for target, names, line in imports(mod, src, known, mod in packages, faces):
            where = f"{mod}:{line} imports {target}"
            graph[mod].add(target)
            a, b = room(mod), room(target)
            if a not in LEVEL or b not in LEVEL:
                found.append(f"{where}: {a if a not in LEVEL else b} is in no layer; add it to LAYERS")
            elif a != b and LEVEL[b] < LEVEL[a]:
                found.append(f"{where}: {b} is a layer above {a}")
            elif a != b and LEVEL[b] == LEVEL[a] and a not in LEAVES:
                found.append(f"{where}: {a} and {b} are rooms of one layer")
            if a != b and target.count(".") > 1 and a not in ("__init__", "__main__"):
                found.append(f"{where}: outside its room, use the face graphkit.{b}")
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and target != mod:
                found.append(f"{where}: private names {', '.join(private)}")
    found += [f"import cycle: {' → '.join(c)}" for c in cycles(graph)]
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan), as a closed path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(_path(graph, sorted(group)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _path(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """A closed walk through a strongly connected group, starting at its first module."""
    start, members, path = group[0], set(group), [group[0]]
    seen = {start}
    cur = start
    while True:
        nxt = sorted(graph[cur] & members)
        back = [w for w in nxt if w == start]
        if back and len(path) > 1:
            return path + [start]
        cur = next((w for w in nxt if w not in seen), start)
        if cur == start:
            return path + [start]
        seen.add(cur)
        path.append(cur)


@pytest.fixture(scope="module")
def package_sources() -> dict[str, str]:
    return {m: p.read_text(encoding="utf-8") for m, p in module_names().items()}


def test_every_import_points_down_and_no_cycle(package_sources):
    packages = {m for m, p in module_names().items() if p.name == "__init__.py"}
    assert problems(package_sources, packages) == []


def test_every_room_has_a_layer(package_sources):
    rooms = {room(m) for m in package_sources}
    assert rooms <= set(LEVEL), f"rooms without a layer: {sorted(rooms - set(LEVEL))}"
    assert {"sources", "nlp", "entities", "relations", "graph", "outputs", "corpus"} <= rooms


def test_the_checker_sees_each_kind_of_breach():
    sources = {
        "graphkit": "",
        "graphkit.records": "",
        "graphkit.api": "",
        "graphkit.sources": "from .files import read\n",
        "graphkit.sources.files": "def read():\n    from ..api import build\n",  # up, lazily
        "graphkit.entities": "",
        "graphkit.entities.names": "from ..sources import read\n",  # a sibling room of one layer
        "graphkit.pipeline": "from .sources.files import _helper\n",  # past the face, private
        "graphkit.graph": "from . import views\n",
        "graphkit.graph.views": "from .build import x\n",
        "graphkit.graph.build": "from .views import y\n",  # a cycle
    }
    found = "\n".join(problems(sources))
    assert "graphkit.sources.files:2 imports graphkit.api: api is a layer above sources" in found
    assert "entities and sources are rooms of one layer" in found
    assert "graphkit.pipeline:1 imports graphkit.sources.files: outside its room, use the face" in found
    assert "private names _helper" in found
    assert "import cycle: graphkit.graph.build → graphkit.graph.views → graphkit.graph.build" in found
    assert problems({"graphkit": "", "graphkit.records": "", "graphkit.api": "from .records import Article\n"}) == []


PUBLIC = {"build", "load", "write_outputs", "KnowledgeGraph", "BuildReport", "Article", "ArticleResult", "Entity",
          "Evidence", "Mention", "Notice", "Relation", "Skipped", "Feed", "Sitemap", "UrlList", "FetchOptions",
          "__version__"}


def test_the_package_face_names_what_users_import():
    import graphkit

    assert set(graphkit.__all__) == PUBLIC and set(dir(graphkit)) >= PUBLIC
    assert all(getattr(graphkit, name) is not None for name in PUBLIC)
    assert graphkit.Feed("https://x.test/rss").url == "https://x.test/rss"


def test_every_subpackage_face_exports_what_it_lists():
    import importlib

    for room in ("sources", "nlp", "entities", "relations", "graph", "outputs", "corpus"):
        face = importlib.import_module(f"graphkit.{room}")
        assert face.__doc__ and face.__all__, room
        missing = [name for name in face.__all__ if not hasattr(face, name)]
        assert not missing, f"graphkit.{room} lists {missing} but does not define them"
