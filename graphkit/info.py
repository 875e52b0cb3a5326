"""What ``graphkit info`` prints: versions, the spaCy model that would be used, the optional parts."""

from __future__ import annotations

import platform
import sys
from typing import Any

from .environment import PARTS, REINSTALL, __version__, first_line, part_status


def report(model: str | None = None) -> dict[str, Any]:
    """Versions, the model that would be used and every optional part (what ``graphkit info`` prints)."""
    try:
        import spacy
        spacy_version = spacy.__version__
    except Exception as exc:  # a broken spaCy is exactly what this report must show
        spacy_version = f"cannot be imported ({first_line(exc)}); {REINSTALL}"
    return {"graphkit": __version__, "python": f"{platform.python_version()} ({sys.executable})",
            "platform": platform.platform(), "spacy": spacy_version, "model": _model(model),
            "parts": [part_status(p) for p in PARTS]}


def _model(name: str | None) -> dict[str, Any]:
    """The model report, or why there is none (imported here so a broken spaCy is reported, not raised)."""
    try:
        from .nlp import model_info
    except Exception as exc:  # spaCy or a package it needs does not import
        return {"name": name or "", "ok": False, "problem": f"spaCy cannot be imported ({first_line(exc)}); {REINSTALL}"}
    return model_info(name)
