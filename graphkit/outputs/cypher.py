"""A Cypher script for Neo4j.

``MERGE`` one ``:Actor`` node per actor (by ``id``, with a second label from its
type, e.g. ``:Actor:Person``) and one ``:Article`` per article, ``MENTIONED_IN`` from
actors to articles, and ``CREATE`` one relationship per edge whose type is the edge
kind (``ACTION``, ``ROLE``, ``STATEMENT``) with ``relation``, ``count``, ``evidence``
(sentences) etc. as properties. Load it into an empty database with
``cypher-shell -f graph.cypher`` (rerunning it would duplicate the relationships).
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import networkx as nx

from ..fileio import atomic_write
from ..graph import collapse


_CYPHER_ESC = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f\\']")
_SURROGATE = re.compile("[\ud800-\udfff]")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal (quotes, backslashes and control characters escaped)."""
    text = _SURROGATE.sub("", text)
    return "'" + _CONTROL.sub(lambda m: _CYPHER_ESC.get(m.group(), f"\\u{ord(m.group()):04x}"), text) + "'"


def cypher_name(name: str) -> str:
    """A label, relationship type or property key, backtick-quoted unless a plain identifier."""
    name = _SURROGATE.sub("", str(name))
    return name if _IDENT.match(name) else "`" + name.replace("`", "``") + "`"


def cypher_value(value) -> str | None:
    """A Cypher literal, or ``None`` for values Neo4j cannot store (None, NaN)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        items = [v if isinstance(v, str) else json.dumps(v, sort_keys=True, ensure_ascii=False) for v in value]
        return "[" + ", ".join(cypher_string(v) for v in items) + "]"
    if isinstance(value, dict):
        return cypher_string(json.dumps(value, sort_keys=True, ensure_ascii=False))
    return cypher_string(str(value))


def _props(attrs: dict) -> str:
    pairs = [(cypher_name(k), cypher_value(v)) for k, v in sorted(attrs.items())]
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs if v is not None) + "}"


def _type_name(text: str, default: str) -> str:
    return re.sub(r"\W+", "_", str(text or default)).strip("_").upper() or default.upper()


def dumps_cypher(G: nx.Graph) -> str:
    """The Cypher script (see the module docstring)."""
    arts = G.graph.get("articles") or []
    out = [f"// graphkit: {G.number_of_nodes()} actors, {G.number_of_edges()} relations, {len(arts)} articles.\n",
           "// Load into an empty Neo4j database: cypher-shell -u neo4j -p PASSWORD -f graph.cypher\n",
           "CREATE CONSTRAINT graphkit_actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;\n",
           "CREATE CONSTRAINT graphkit_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;\n"]
    for a in arts:
        props = {k: v for k, v in a.items() if k != "id"}
        out.append(f"MERGE (a:Article {{id: {cypher_string(str(a.get('id')))}}}) SET a += {_props(props)};\n")
    for n, d in G.nodes(data=True):
        label = cypher_name(_type_name(d.get("type"), "other").capitalize())
        props = {"label": str(n), **{k: v for k, v in d.items() if k != "id"}}
        out.append(f"MERGE (n:Actor {{id: {cypher_string(str(n))}}}) SET n:{label}, n += {_props(props)};\n")
    for n, d in G.nodes(data=True):
        if d.get("articles"):
            out.append(f"MATCH (n:Actor {{id: {cypher_string(str(n))}}}) UNWIND {cypher_value(list(d['articles']))} "
                       "AS aid MATCH (a:Article {id: aid}) MERGE (n)-[:MENTIONED_IN]->(a);\n")
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((s, t, None, d) for s, t, d in G.edges(data=True))
    for s, t, k, d in edges:
        props = {k2: v for k2, v in d.items() if k2 != "evidence"}
        ev = [e for e in d.get("evidence") or [] if isinstance(e, dict)]
        props.update(evidence=[str(e.get("sentence", "")) for e in ev],
                     articles=sorted({str(e["article"]) for e in ev if "article" in e}))
        props.setdefault("relation", k)
        props.setdefault("weight", float(d.get("count", 1)))
        rtype = cypher_name(_type_name(d.get("kind"), "action"))
        out.append(f"MATCH (s:Actor {{id: {cypher_string(str(s))}}}), (t:Actor {{id: {cypher_string(str(t))}}}) "
                   f"CREATE (s)-[:{rtype} {_props(props)}]->(t);\n")
    return "".join(out)


def write_cypher(G: nx.Graph, path: str | os.PathLike, *, collapsed: bool = False) -> Path:
    """Write the Cypher script; ``collapsed=True`` writes :func:`graphkit.graph.views.collapse` (G)."""
    return atomic_write(path, dumps_cypher(collapse(G) if collapsed else G).encode("utf-8"))
