"""Every third-party import under graphkit/ is declared: a default dependency, or an optional extra whose
absence is a one-line message naming the pip command (``environment.require``)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

from graphkit import environment
from graphkit.environment import PARTS, DependencyError, require

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "graphkit"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NOT_EXTRAS = {"test"}  # the test extra installs the tools of the suite, not parts of graphkit


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement(spec: str) -> tuple[str, set[str]]:
    """``"dask[distributed]>=1"`` -> ``("dask", {"distributed"})``."""
    m = re.match(r"\s*([A-Za-z0-9._-]+)\s*(?:\[([^\]]*)\])?", spec)
    return norm(m.group(1)), {norm(e) for e in (m.group(2) or "").split(",") if e.strip()}


def provided(specs: list[str]) -> set[str]:
    """The distributions a list of requirements installs directly, with those their extras add."""
    out = set()
    for spec in specs:
        name, extras = requirement(spec)
        out.add(name)
        for dep in importlib.metadata.requires(name) or []:
            marker = re.search(r"""extra\s*==\s*['"]([^'"]+)['"]""", dep)
            if marker and norm(marker.group(1)) in extras:
                out.add(requirement(dep)[0])
    return out


DEFAULT = provided(PYPROJECT["dependencies"])
OPTIONAL = provided([s for k, v in PYPROJECT["optional-dependencies"].items() if k not in NOT_EXTRAS for s in v])
DISTRIBUTIONS = importlib.metadata.packages_distributions()


def distributions(module: str) -> set[str]:
    return {norm(d) for d in DISTRIBUTIONS.get(module.split(".")[0], [])}


def third_party_imports() -> list[tuple[Path, ast.AST, str, list[ast.AST]]]:
    """``(file, import node, module, enclosing nodes)`` for every import outside the stdlib and graphkit."""
    found = []

    def walk(path: Path, node: ast.AST, parents: list[ast.AST]) -> None:
        names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                 [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
        for name in names:
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top != "graphkit" and top != "__future__":
                found.append((path, node, name, parents))
        for child in ast.iter_child_nodes(node):
            walk(path, child, [*parents, node])

    for path in sorted(PACKAGE.rglob("*.py")):
        walk(path, ast.parse(path.read_text(encoding="utf-8")), [])
    return found


def guarded(node: ast.AST, parents: list[ast.AST]) -> bool:
    """Inside a function, after a ``require(...)`` call or in a ``try`` that catches ImportError."""
    funcs = [p for p in parents if isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if not funcs:
        return False
    for p in parents:
        if isinstance(p, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                or isinstance(h.type, ast.Tuple) and any(getattr(e, "id", "") == "ImportError" for e in h.type.elts)
                for h in p.handlers):
            return True
    return any(isinstance(c, ast.Call) and getattr(c.func, "id", "") == "require" and c.lineno < node.lineno
               for c in ast.walk(funcs[-1]))


def test_the_walk_sees_the_imports_it_must_check():
    modules = {m.split(".")[0] for _, _, m, _ in third_party_imports()}
    assert {"spacy", "networkx", "typer"} <= modules


@pytest.mark.parametrize("path,node,module,parents", third_party_imports(),
                         ids=lambda v: v.name if isinstance(v, Path) else v if isinstance(v, str) else "")
def test_every_third_party_import_is_declared(path, node, module, parents):
    where = f"{path.relative_to(ROOT)}:{node.lineno} imports {module}"
    dists = distributions(module)
    assert dists, f"{where}, which no installed distribution provides"
    if dists & DEFAULT:
        return
    assert dists & OPTIONAL, f"{where}, which is neither a dependency nor an optional extra in pyproject.toml"
    assert guarded(node, parents), (f"{where} (optional) without environment.require(...) or an "
                                    "`except ImportError` that names the pip command")


@pytest.mark.parametrize("part", sorted(PARTS))
def test_every_optional_part_is_declared_and_names_its_fix(part, monkeypatch):
    p = PARTS[part]
    assert distributions(p.needs) & (DEFAULT | OPTIONAL), f"{p.needs} is not declared in pyproject.toml"
    monkeypatch.setitem(sys.modules, p.needs, None)
    with pytest.raises(DependencyError) as err:
        require(part)
    message = str(err.value)
    assert "\n" not in message and f"`{p.install}`" in message and p.needs in message


@pytest.mark.parametrize("part", [k for k, p in PARTS.items() if distributions(p.needs) & DEFAULT])
def test_parts_of_the_default_install_import(part):
    """The bug of a fresh install: trafilatura's jusText needs lxml_html_clean, which nothing declared."""
    assert require(part), f"{part}: a default dependency that does not import in this install"


def test_a_part_installed_mid_session_is_found(monkeypatch):
    monkeypatch.setitem(sys.modules, "feedparser", None)
    assert not environment.part_status("feeds")["ok"]
    monkeypatch.delitem(sys.modules, "feedparser")
    assert environment.part_status("feeds")["ok"]
