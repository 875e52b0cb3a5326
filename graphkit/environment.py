"""What this installation can do: optional parts, their imports, versions and fixes.

``require("html")`` imports what a part needs or raises a
``DependencyError`` whose one-line message names the pip command that fixes it.
``report()`` is what ``graphkit info`` prints.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import GraphkitError

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


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:160]}" if text else type(exc).__name__


def _import(part: str) -> ModuleType | str:
    """The module a part needs, or the one-line reason it cannot be imported (not cached: a package
    installed mid-session, in a notebook say, is found on the next call; sys.modules caches successes)."""
    try:
        return importlib.import_module(PARTS[part].needs)
    except Exception as exc:  # ImportError, or a broken package raising anything at import time
        return _first_line(exc)


def require(part: str) -> ModuleType:
    """The module ``part`` needs; ``DependencyError`` (one line, with the fix) when it does not import."""
    found = _import(part)
    if isinstance(found, ModuleType):
        return found
    p = PARTS[part]
    raise DependencyError(f"{p.used_for} need {p.needs}, which cannot be imported here ({found}); "
                          f"install it with `{p.install}`, then check with `graphkit info`")


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


def model_info(name: str | None = None) -> dict[str, Any]:
    """The spaCy pipeline graphkit would load: name, version, location, or the problem and its fix."""
    from .nlp import INSTALL_HINT, default_model
    from .errors import ModelError

    try:
        name = name or default_model()
    except ModelError as exc:
        return {"name": "", "ok": False, "problem": str(exc)}
    path = Path(name)
    if path.exists():
        meta = path / "meta.json"
        version = ""
        if meta.is_file():
            import json
            version = json.loads(meta.read_text(encoding="utf-8")).get("version", "")
        return {"name": name, "ok": True, "version": version, "location": str(path.resolve())}
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    if spec is None:
        return {"name": name, "ok": False, "problem": f"not an installed package or a folder; install one with "
                f"`{INSTALL_HINT}` or pass --model NAME_OR_PATH"}
    location = str(Path(spec.origin).parent) if spec.origin else ""
    return {"name": name, "ok": True, "version": _version(name), "location": location}


def part_status(part: str) -> dict[str, Any]:
    """Whether one optional part is usable here, and the fix when it is not."""
    p = PARTS[part]
    found = _import(part)
    status = {"part": part, "name": p.name, "used_for": p.used_for, "needs": p.needs,
              "ok": isinstance(found, ModuleType)}
    if status["ok"]:
        status["version"] = getattr(found, "__version__", "") or _version(p.needs)
    else:
        status["problem"], status["fix"] = found, p.install
    return status


def report(model: str | None = None) -> dict[str, Any]:
    """Versions, the model that would be used and every optional part (what ``graphkit info`` prints)."""
    from . import __version__

    try:
        import spacy
        spacy_version = spacy.__version__
    except Exception as exc:  # a broken spaCy is exactly what this report must show
        spacy_version = f"cannot be imported ({_first_line(exc)}); {REINSTALL}"
    return {"graphkit": __version__, "python": f"{platform.python_version()} ({sys.executable})",
            "platform": platform.platform(), "spacy": spacy_version, "model": model_info(model),
            "parts": [part_status(p) for p in PARTS]}
