"""GraphML for Gephi, yEd and networkx: typed keys, flat cells, read back losslessly.

One typed key per attribute name (string/int/long/double), ``label``, ``type``,
``category``, ``weight`` = count, lists joined with ``|`` (see :mod:`graphkit.outputs.flat`),
and graphkit's layout and colours for Gephi (node ``x``, ``y``, ``size``, ``color`` and
``r``/``g``/``b``; edge ``color`` and ``r``/``g``/``b``). :func:`read_graphml` restores the edge
keys, the lists and ``graph['articles']``, and gathers the layout into a ``viz`` dict per
node; evidence offsets are not in GraphML.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx

from ..fileio import atomic_write
from ..graph import collapse, keyed_edges
from .flat import LIST_ATTRS, column_types, edge_rows, format_value, node_rows, split_list, xml_attr, xml_text
from .layout import edge_colour, rgb, visuals

VISUAL_ATTRS = ("x", "y", "size", "color", "r", "g", "b")  # Gephi reads these names as layout and colour


_GRAPHML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


def _visual_rows(G: nx.Graph, nodes: list, edges: list) -> tuple[list, list]:
    """The flat rows with graphkit's layout and colours added under the names Gephi reads."""
    vis = visuals(G)
    nodes = [(n, {**attrs, **_colour_columns(vis[key]["color"], rgb), "x": vis[key]["x"], "y": vis[key]["y"],
                  "size": vis[key]["size"]}) for (n, attrs), key in zip(nodes, G.nodes)]
    edges = [(s, t, k, {**attrs, **_colour_columns(edge_colour(d), rgb)})
             for (s, t, k, attrs), (*_, d) in zip(edges, keyed_edges(G))]
    return nodes, edges


def _colour_columns(hex_colour: str, rgb) -> dict:
    r, g, b = rgb(hex_colour)
    return {"color": hex_colour, "r": r, "g": g, "b": b}


def dumps_graphml(G: nx.Graph) -> str:
    """GraphML text for Gephi: one typed key per attribute name (string/int/long/double),
    ``label``, ``type``, ``category``, ``weight`` = count, lists joined with ``|``; graphkit's
    layout and colours as node ``x``/``y``/``size``/``color``/``r``/``g``/``b`` and edge
    ``color``/``r``/``g``/``b`` (``color`` is hex, for Gephi 0.10 and other tools)."""
    nodes, edges = _visual_rows(G, node_rows(G), edge_rows(G))
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


def gather_viz(attrs: dict) -> dict:
    """Node attributes with the flat layout/colour columns moved into ``viz`` (position, size, color)."""
    flat = {k: attrs.pop(k) for k in VISUAL_ATTRS if k in attrs}
    viz = {}
    if "x" in flat and "y" in flat:
        viz["position"] = {"x": float(flat["x"]), "y": float(flat["y"]), "z": 0.0}
    if "size" in flat:
        viz["size"] = float(flat["size"])
    if {"r", "g", "b"} <= flat.keys():
        viz["color"] = {c: int(flat[c]) for c in "rgb"}
    if viz:
        attrs["viz"] = viz
    return attrs


def read_graphml(path: str | os.PathLike) -> nx.MultiDiGraph | nx.DiGraph:
    """Read GraphML written by :func:`write_graphml`: edges keyed by their relation again, list
    columns split back into lists, ``graph['articles']`` restored, the layout and colour columns
    gathered into a ``viz`` dict per node (networkx's GEXF convention; writers reuse it; edge
    colours come back from the category). Evidence offsets are not in GraphML."""
    raw = nx.read_graphml(path, force_multigraph=True)
    multi = any(d.get("key") not in (None, "") for *_, d in raw.edges(keys=True, data=True))
    H = nx.MultiDiGraph() if multi else nx.DiGraph()
    if "articles" in raw.graph:
        H.graph["articles"] = json.loads(raw.graph["articles"])
    for n, d in raw.nodes(data=True):
        H.add_node(n, **gather_viz({k: split_list(v) if k in LIST_ATTRS else v for k, v in d.items()}))
    for s, t, _, d in raw.edges(keys=True, data=True):
        attrs = {k: split_list(v) if k in LIST_ATTRS else v for k, v in d.items() if k not in VISUAL_ATTRS}
        if multi:
            H.add_edge(s, t, key=attrs.pop("key"), **attrs)
        else:
            H.add_edge(s, t, **attrs)
    return H
