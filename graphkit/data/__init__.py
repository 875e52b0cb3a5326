"""Access to the word lists and tables shipped in ``graphkit/data``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("graphkit").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, lower-cased and stripped."""
    out = []
    for line in _read(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line.lower())
    return tuple(out)


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON data file."""
    return json.loads(_read(name))
