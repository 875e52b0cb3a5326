"""Readers and writers for the graph: JSON (the contract), GraphML, and the collapsed form.

``graph.json`` is ``networkx.node_link_data(G, edges="edges")`` with sorted keys;
the same graph always serialises to the same bytes. Every writer writes to a
temporary file and renames it, so an interrupted run never leaves half a file.

Flat formats (GraphML, GEXF, CSV) cannot hold lists: list values are joined with
``|`` (``LIST_SEP``); a ``|`` or ``\\`` inside an item is escaped with a backslash
so :func:`split_list` restores the items exactly. Edge ``evidence`` becomes the
list of its sentences and ``articles`` the ids of the articles behind it; the
character offsets stay in ``graph.json`` only. GEXF lives in ``graphkit.outputs.gexf``,
CSV and Cypher in ``graphkit.outputs.csv_tables``.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx

from ..errors import InputError
from ..records import CATEGORIES, EDGE_KINDS

LIST_SEP = "|"  # lists in GraphML/GEXF/CSV cells are joined with this separator
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INT32 = 2**31


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


def atomic_write(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8", "replace") if isinstance(data, str) else data)  # never invalid UTF-8
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs get the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# --- graph.json (the contract) -------------------------------------------------------------------

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


# --- flattening for the flat formats -------------------------------------------------------------

def xml_safe(text: str) -> str:
    """Remove characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _XML_ILLEGAL.sub("", text)


def join_list(items: Iterable) -> str:
    """Join list items with ``|``; ``|`` and ``\\`` inside an item are backslash-escaped."""
    out = []
    for v in items:
        s = v if isinstance(v, str) else json.dumps(v, sort_keys=True, ensure_ascii=False)
        out.append(xml_safe(s).replace("\\", "\\\\").replace(LIST_SEP, "\\" + LIST_SEP))
    return LIST_SEP.join(out)


def split_list(text: str) -> list[str]:
    """Inverse of :func:`join_list` (items come back as strings; ``""`` is the empty list)."""
    if not text:
        return []
    items: list[str] = []
    cur: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            cur.append(next(chars, "\\"))
        elif ch == LIST_SEP:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur))
    return items


def flat_value(value):
    """A scalar for a flat format: lists joined, dicts as JSON, bools as 0/1, ``None`` kept as None."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return join_list(sorted(value) if isinstance(value, (set, frozenset)) else value)
    if isinstance(value, dict):
        return xml_safe(json.dumps(value, sort_keys=True, ensure_ascii=False))
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return xml_safe(value)
    return value


def node_rows(G: nx.Graph) -> list[tuple[str, dict]]:
    """``(id, flat attributes)`` per node, in graph order; ``label`` defaults to the id."""
    rows = []
    for n, d in G.nodes(data=True):
        attrs = {"label": n, **d}
        rows.append((str(n), {k: v for k, v in ((k, flat_value(v)) for k, v in attrs.items()) if v is not None}))
    return rows


def edge_rows(G: nx.Graph) -> list[tuple[str, str, str, dict]]:
    """``(source, target, key, flat attributes)`` per edge with ``label``, ``weight`` and ``articles``."""
    rows = []
    for s, t, k, d in _edges(G):
        attrs = {k2: v for k2, v in d.items() if v is not None}
        ev = d.get("evidence") or []
        attrs["evidence"] = [e.get("sentence", "") if isinstance(e, dict) else str(e) for e in ev]
        attrs.setdefault("articles", sorted({e["article"] for e in ev if isinstance(e, dict) and "article" in e}))
        attrs["weight"] = float(d.get("weight", d.get("count", 1)))
        attrs["label"] = d.get("label", d.get("relation", k))
        if k is not None:
            attrs["key"] = k
        rows.append((str(s), str(t), str(k if k is not None else ""),
                     {a: v for a, v in ((a, flat_value(v)) for a, v in attrs.items()) if v is not None}))
    return rows


def _edges(G: nx.Graph):
    if G.is_multigraph():
        yield from G.edges(keys=True, data=True)
    else:
        for s, t, d in G.edges(data=True):
            yield s, t, None, d


def column_types(rows: Iterable[dict]) -> dict[str, str]:
    """One type per attribute name: ``int``/``long`` if every value is an integer, ``double`` if
    every value is a number, else ``string`` (so mixed types never give two keys)."""
    types: dict[str, str] = {}
    for attrs in rows:
        for name, v in attrs.items():
            t = ("long" if abs(v) >= _INT32 else "int") if isinstance(v, int) else \
                "double" if isinstance(v, float) else "string"
            old = types.get(name, t)
            if "string" in (old, t):
                types[name] = "string"
            elif "double" in (old, t):
                types[name] = "double"
            else:
                types[name] = "long" if "long" in (old, t) else "int"
    return dict(sorted(types.items()))


def format_value(value, typ: str) -> str:
    """The text of a flat value under a column type (XML-escaping is the caller's job)."""
    if typ == "string":
        return value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    if typ == "double":
        v = float(value)
        return "NaN" if math.isnan(v) else ("INF" if v > 0 else "-INF") if math.isinf(v) else repr(v)
    return str(int(value))


def xml_attr(text: str) -> str:
    """A double-quoted XML attribute value (newlines and tabs kept as character references)."""
    return '"' + escape(xml_safe(text), {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}) + '"'


def xml_text(text: str) -> str:
    """XML element text (a carriage return kept as a character reference)."""
    return escape(xml_safe(text), {"\r": "&#13;"})


# --- collapsed form ------------------------------------------------------------------------------

def _dominant(counts: Counter, order: tuple[str, ...]) -> str:
    rank = {v: i for i, v in enumerate(order)}
    return min(counts.items(), key=lambda kv: (-kv[1], rank.get(kv[0], len(rank)), str(kv[0])))[0]


def collapse(G: nx.MultiDiGraph) -> nx.DiGraph:
    """A ``DiGraph`` with one edge per source→target (for Gephi's metrics on simple graphs).

    ``weight``/``count`` are summed; ``relations`` lists the labels (most frequent first) and
    ``label``/``relation`` join them with ``"; "``; ``category``/``kind`` are the most frequent
    (by count) and ``categories``/``kinds`` list them all; ``polarity`` is the sign of the
    count-weighted sum; ``evidence`` concatenates the evidence. ``G`` is not modified.
    """
    H = nx.DiGraph()
    H.graph.update(copy.deepcopy(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(n, **copy.deepcopy(d))
    groups: dict[tuple, list] = {}
    for s, t, k, d in _edges(G):
        groups.setdefault((s, t), []).append((k, d))
    for (s, t), parts in groups.items():
        H.add_edge(s, t, **_merge_edges(parts))
    return H


def _merge_edges(parts: list[tuple]) -> dict:
    counts = [(d.get("relation", k), int(d.get("count", 1))) for k, d in parts]
    by_rel: Counter = Counter()
    cats: Counter = Counter()
    kinds: Counter = Counter()
    for (rel, c), (_, d) in zip(counts, parts):
        by_rel[rel] += c
        cats[d.get("category", "neutral")] += c
        kinds[d.get("kind", "action")] += c
    relations = [r for r, _ in sorted(by_rel.items(), key=lambda kv: (-kv[1], str(kv[0])))]
    total = sum(by_rel.values())
    pol = sum(int(d.get("polarity", 0)) * c for (_, c), (_, d) in zip(counts, parts))
    evidence = [copy.deepcopy(e) for _, d in parts for e in d.get("evidence") or []]
    evidence.sort(key=lambda e: (str(e.get("article", "")), e.get("start", 0), e.get("end", 0)))
    label = "; ".join(str(r) for r in relations)
    return {"label": label, "relation": label, "relations": relations, "count": total, "weight": float(total),
            "category": _dominant(cats, CATEGORIES), "categories": sorted(cats),
            "kind": _dominant(kinds, EDGE_KINDS), "kinds": sorted(kinds),
            "predicates": sorted({str(d.get("predicate", "")) for _, d in parts} - {""}),
            "polarity": (pol > 0) - (pol < 0), "evidence": evidence}


# --- GraphML -------------------------------------------------------------------------------------

_GRAPHML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


def dumps_graphml(G: nx.Graph) -> str:
    """GraphML text for Gephi: one typed key per attribute name (string/int/long/double),
    ``label``, ``type``, ``category``, ``weight`` = count, lists joined with ``|``."""
    nodes, edges = node_rows(G), edge_rows(G)
    ntypes, etypes = column_types(a for _, a in nodes), column_types(a for *_, a in edges)
    nkey = {name: name for name in ntypes}
    ekey = {name: (f"e_{name}" if name in nkey else name) for name in etypes}
    out = [_GRAPHML_HEAD]
    if G.graph.get("articles") is not None:
        out.append('  <key id="g_articles" for="graph" attr.name="articles" attr.type="string"/>\n')
    for scope, types, ids in (("node", ntypes, nkey), ("edge", etypes, ekey)):
        for name, typ in types.items():
            out.append(f'  <key id={xml_attr(ids[name])} for="{scope}" attr.name={xml_attr(name)} '
                       f'attr.type="{typ}"/>\n')
    kind = "directed" if G.is_directed() else "undirected"
    out.append(f'  <graph id="G" edgedefault="{kind}">\n')
    if G.graph.get("articles") is not None:
        articles = json.dumps(G.graph["articles"], sort_keys=True, ensure_ascii=False)
        out.append(f'    <data key="g_articles">{xml_text(articles)}</data>\n')
    for n, attrs in nodes:
        out.append(f"    <node id={xml_attr(n)}>\n")
        out.extend(f'      <data key={xml_attr(nkey[a])}>{xml_text(format_value(v, ntypes[a]))}</data>\n'
                   for a, v in sorted(attrs.items()))
        out.append("    </node>\n")
    for i, (s, t, _, attrs) in enumerate(edges):
        out.append(f'    <edge id="e{i}" source={xml_attr(s)} target={xml_attr(t)}>\n')
        out.extend(f'      <data key={xml_attr(ekey[a])}>{xml_text(format_value(v, etypes[a]))}</data>\n'
                   for a, v in sorted(attrs.items()))
        out.append("    </edge>\n")
    out.append("  </graph>\n</graphml>\n")
    return "".join(out)


def write_graphml(G: nx.Graph, path: str | os.PathLike, *, collapsed: bool = False) -> Path:
    """Write GraphML (see :func:`dumps_graphml`); ``collapsed=True`` writes :func:`collapse` (G)."""
    return atomic_write(path, dumps_graphml(collapse(G) if collapsed else G))


LIST_ATTRS = {"aliases", "articles", "evidence", "relations", "categories", "kinds", "predicates"}


def read_graphml(path: str | os.PathLike) -> nx.MultiDiGraph | nx.DiGraph:
    """Read GraphML written by :func:`write_graphml`: edges keyed by their relation again, list
    columns split back into lists, ``graph['articles']`` restored. Evidence offsets are not in GraphML."""
    raw = nx.read_graphml(path, force_multigraph=True)
    multi = any(d.get("key") not in (None, "") for *_, d in raw.edges(keys=True, data=True))
    H = nx.MultiDiGraph() if multi else nx.DiGraph()
    if "articles" in raw.graph:
        H.graph["articles"] = json.loads(raw.graph["articles"])
    for n, d in raw.nodes(data=True):
        H.add_node(n, **{k: split_list(v) if k in LIST_ATTRS else v for k, v in d.items()})
    for s, t, _, d in raw.edges(keys=True, data=True):
        attrs = {k: split_list(v) if k in LIST_ATTRS else v for k, v in d.items()}
        if multi:
            H.add_edge(s, t, key=attrs.pop("key"), **attrs)
        else:
            H.add_edge(s, t, **attrs)
    return H
