"""Node keys: the stable id of an actor, a slug of its canonical name.

The same canonical name gives the same key in every article, so one actor is one node
across a corpus. A leaf of the entity layer: resolution, collectives and role edges
all key actors through ``slug``.
"""

from __future__ import annotations

import re

from .gazetteer import fold


def slug(name: str) -> str:
    """The stable node id for a canonical name."""
    s = fold(name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "entity-" + format(sum(ord(c) * (i + 1) for i, c in enumerate(name)) % 10**8, "08d")
