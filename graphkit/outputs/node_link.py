"""``graph.json``, the contract: node-link data with sorted keys, byte-stable.

``graph.json`` is ``networkx.node_link_data(G, edges="edges")`` with sorted keys; the same
graph always serialises to the same bytes. :func:`read_json` reads it back and tells a
file that is not one apart with a one-line :class:`~graphkit.errors.InputError`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx

from ..errors import InputError
from ..fileio import atomic_write


def to_json_data(G: nx.MultiDiGraph) -> dict:
    """The ``graph.json`` structure (node-link data, edges under ``edges``)."""
    return nx.node_link_data(G, edges="edges")


def dumps_json(G: nx.MultiDiGraph) -> str:
    """``graph.json`` text: sorted keys, UTF-8, byte-stable."""
    return json.dumps(to_json_data(G), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    """Write ``graph.json``."""
    return atomic_write(path, dumps_json(G).encode("utf-8", "replace"))


def read_json(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a ``graph.json`` written by :func:`write_json`; :class:`InputError` if it is not one."""
    path = Path(path)
    hint = "pass the graph.json written by `graphkit build`"
    if not path.is_file():
        raise InputError(f"{path}: {'is a folder' if path.is_dir() else 'file not found'}; {hint}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} is not a graphkit graph.json (not valid JSON: {exc}); {hint}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); {hint}") from None
    if not (isinstance(data, dict) and isinstance(data.get("nodes"), list) and isinstance(data.get("edges"), list)
            and all(isinstance(n, dict) and "id" in n for n in data["nodes"])
            and all(isinstance(e, dict) and {"source", "target"} <= e.keys() for e in data["edges"])):
        raise InputError(f"{path} is not a graphkit graph.json (no node-link 'nodes'/'edges'); {hint}")
    try:
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (nx.NetworkXError, KeyError, TypeError) as exc:
        raise InputError(f"{path} is not a graphkit graph.json ({exc}); {hint}") from None
