"""Access to the word lists and tables shipped in ``graphkit/data``.

Each file is read once per process and handed out read-only (tuples, ``MappingProxyType``):
one caller cannot change what every other caller sees.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any


def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


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
    """A JSON data file, read-only: objects are mappings, arrays tuples."""
    return read_only(json.loads(_read(name)))


def read_only(value: Any) -> Any:
    """``value`` with every dict a read-only mapping and every list a tuple, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({k: read_only(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(read_only(v) for v in value)
    return value
