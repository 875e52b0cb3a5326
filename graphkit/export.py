"""Readers and writers for the graph: JSON (the contract), GraphML, ...

``graph.json`` is ``networkx.node_link_data(G, edges="edges")`` with sorted keys;
the same graph always serialises to the same bytes. Every writer writes to a
temporary file and renames it, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import networkx as nx

LIST_SEP = "|"  # lists in GraphML/CSV cells are joined with this separator
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def atomic_write(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8", "replace") if isinstance(data, str) else data)  # never invalid UTF-8
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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
    """Read a ``graph.json`` written by :func:`write_json`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def xml_safe(text: str) -> str:
    """Remove characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _XML_ILLEGAL.sub("", text)


def _flat(value):
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(xml_safe(v if isinstance(v, str) else json.dumps(v, sort_keys=True)) for v in value)
    if isinstance(value, dict):
        return xml_safe(json.dumps(value, sort_keys=True, ensure_ascii=False))
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return xml_safe(value)
    return value


def to_gephi(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, ``weight`` = count, evidence as sentences."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        H.add_node(xml_safe(str(n)), **{k: _flat(v) for k, v in d.items() if v is not None})
    for s, t, k, d in G.edges(keys=True, data=True):
        s, t, k = xml_safe(str(s)), xml_safe(str(t)), xml_safe(str(k))  # ids and keys are XML text too
        attrs = {k2: v for k2, v in d.items() if v is not None and k2 != "evidence"}
        ev = d.get("evidence", [])
        attrs["evidence"] = [e["sentence"] for e in ev]
        attrs["articles"] = sorted({e["article"] for e in ev})
        attrs["weight"] = float(d.get("count", 1))
        attrs["label"] = d.get("relation", k)
        H.add_edge(s, t, key=k, **{k2: _flat(v) for k2, v in attrs.items()})
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    """GraphML for Gephi: typed keys, lists joined with ``|``, ``weight`` = count."""
    import io

    buf = io.BytesIO()
    nx.write_graphml(to_gephi(G), buf, named_key_ids=True, edge_id_from_attribute=None)
    return atomic_write(path, buf.getvalue())


def read_graphml(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read GraphML written by :func:`write_graphml` (list cells stay joined strings)."""
    return nx.read_graphml(path, force_multigraph=True)
