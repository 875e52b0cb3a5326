"""What this installation can do: optional parts, their imports, versions and fixes.

``require("html")`` imports what a part needs or raises a
``DependencyError`` whose one-line message names the pip command that fixes it;
``part_status`` says whether a part works here. A leaf: every layer may use it, and
it imports nothing of graphkit but the errors. ``graphkit.info.report`` is what
``graphkit info`` prints.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .errors import GraphkitError

__version__ = "0.1.0"
REINSTALL = "pip install -e . (in a graphkit checkout) or pip install --force-reinstall graphkit"


class DependencyError(GraphkitError, ImportError):
    """A package a part of graphkit needs cannot be imported; the message names the fix."""


@dataclass(frozen=True)
class Part:
    """An optional part of graphkit and the module that makes it work."""

    name: str
    needs: str  # what is imported
    install: str  # the pip command that fixes it
    used_for: str


PARTS = {
    "html": Part("HTML pages", "trafilatura", "pip install trafilatura lxml_html_clean",
                 ".html files, URLs, feeds and sitemaps"),
    "feeds": Part("feeds", "feedparser", "pip install feedparser", "--feed (RSS and Atom)"),
    "dask": Part("Dask", "distributed", "pip install 'dask[distributed]'", "--engine dask"),
    "pandas": Part("pandas", "pandas", "pip install pandas", "nodes_df() and edges_df()"),
    "notebook": Part("notebook view", "IPython", "pip install ipython", "KnowledgeGraph.show() in Jupyter"),
}


def first_line(exc: BaseException) -> str:
    """``Type: first line of the message`` (at most 160 characters of it)."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:160]}" if text else type(exc).__name__


def _import(part: str) -> ModuleType | str:
    """The module a part needs, or the one-line reason it cannot be imported (not cached: a package
    installed mid-session, in a notebook say, is found on the next call; sys.modules caches successes)."""
    try:
        return importlib.import_module(PARTS[part].needs)
    except Exception as exc:  # ImportError, or a broken package raising anything at import time
        return first_line(exc)


def require(part: str) -> ModuleType:
    """The module ``part`` needs; ``DependencyError`` (one line, with the fix) when it does not import."""
    found = _import(part)
    if isinstance(found, ModuleType):
        return found
    p = PARTS[part]
    raise DependencyError(f"{p.used_for} need {p.needs}, which cannot be imported here ({found}); "
                          f"install it with `{p.install}`, then check with `graphkit info`")


def version_of(dist: str) -> str:
    """The installed version of a distribution, or ``""``."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


def part_status(part: str) -> dict[str, Any]:
    """Whether one optional part is usable here, and the fix when it is not."""
    p = PARTS[part]
    found = _import(part)
    status = {"part": part, "name": p.name, "used_for": p.used_for, "needs": p.needs,
              "ok": isinstance(found, ModuleType)}
    if status["ok"]:
        status["version"] = getattr(found, "__version__", "") or version_of(p.needs)
    else:
        status["problem"], status["fix"] = found, p.install
    return status
