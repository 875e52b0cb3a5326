"""GEXF 1.3 for Gephi, with time taken from the articles' dates and graphkit's picture.

Every node and edge carries one spell from the first to the last day on which an
article supporting it was published (a full date is that day, ``2019-07`` or
``2019`` the whole month or year), so Gephi's timeline shows an actor or a
relation from the day it first appears until the last report of it. Static
columns ``first_date``, ``last_date``, ``dates`` (every period, ``|``-joined) and
``undated`` (how many of its articles have no usable date) are written too.

Each node has graphkit's layout, size and type colour (``viz:position``,
``viz:size``, ``viz:color``; y points up, as Gephi draws), each edge its
category colour. The XML ``kind`` of an edge is its relation label, which keeps
parallel relations between two actors apart in Gephi; graphkit's own ``kind``
(action, role, statement) is the column ``relation_kind``, so no column is named
like a reserved GEXF/Gephi attribute (``id``, ``label``, ``start``, ``end``,
``color``; for nodes ``x``, ``y``, ``z``, ``size``, ``pid``; for edges ``kind``,
``type``, ``weight``, ``source``, ``target``).

Articles without a date (empty or unparseable ``date``) are handled explicitly:
with ``undated="keep"`` (default) an element supported only by undated articles
gets no spell, which Gephi treats as present for the whole timeline; with
``undated="drop"`` such elements are left out. A graph with no dated article at
all is written as a static graph.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx

from ..fileio import atomic_write
from ..graph import Period, article_periods, collapse, date_span, edge_articles, node_articles
from .flat import LIST_ATTRS, column_types, edge_rows, format_value, join_list, node_rows, split_list, xml_attr
from .layout import edge_colour, rgb, visuals

__all__ = ["UNDATED_CHOICES", "dumps_gexf", "read_gexf", "timed_rows", "write_gexf"]
UNDATED_CHOICES = ("keep", "drop")
_COMMON = {"id", "label", "start", "end", "spells", "viz", "color", "r", "g", "b", "key"}
RESERVED = {"node": _COMMON | {"pid", "x", "y", "z", "size"},
            "edge": _COMMON | {"kind", "type", "weight", "source", "target", "networkx_key"}}
RENAMED = {"kind": "relation_kind"}   # graphkit attribute → GEXF column
_GEXF_TYPES = {"int": "integer", "long": "long", "double": "double", "string": "string"}
_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xmlns:viz="http://gexf.net/1.3/viz" '
         'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
         '  <meta>\n    <creator>graphkit</creator>\n'
         '    <description>who acts on whom, extracted from news articles</description>\n  </meta>\n')


def _time_attrs(articles: list[str], periods: dict[str, Period | None]) -> tuple[list[Period], dict]:
    """The spell from first to last date, and the ``dates``/``undated`` columns."""
    span = date_span(articles, periods)
    attrs = {"undated": sum(1 for a in set(articles) if not periods.get(a))}
    if span:
        attrs["dates"] = join_list(sorted({s if s == e else f"{s}/{e}" for s, e in
                                           {periods[a] for a in articles if periods.get(a)}}))
    return ([span] if span else []), attrs


def _columns(attrs: dict, cls: str) -> dict:
    """GEXF columns of a ``node`` or ``edge``: no reserved name (``kind`` renamed; label, weight and
    key are XML attributes, layout and colour are viz:* elements)."""
    return {RENAMED.get(k, k): v for k, v in attrs.items() if RENAMED.get(k, k) not in RESERVED[cls]}


def timed_rows(G: nx.Graph, *, undated: str = "keep") -> tuple[list, list, bool]:
    """Flat node rows ``(id, attrs, spells)`` and edge rows ``(source, target, key, attrs, spells)``
    with the time columns added, undated elements dropped if asked; and whether any date exists."""
    if undated not in UNDATED_CHOICES:
        raise ValueError(f"undated must be one of {', '.join(UNDATED_CHOICES)}, not {undated!r}")
    periods = article_periods(G)
    dynamic = any(periods.values())
    ndata = {str(n): d for n, d in G.nodes(data=True)}
    nodes = []
    for n, attrs in node_rows(G):
        spells, extra = _time_attrs(node_articles(ndata[n]), periods)
        if not (dynamic and undated == "drop" and not spells):
            nodes.append((n, {**attrs, **extra} if dynamic else attrs, spells))
    kept = {n for n, *_ in nodes}
    edata = [d for *_, d in (G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True))]
    edges = []
    for (s, t, k, attrs), d in zip(edge_rows(G), edata):
        spells, extra = _time_attrs(edge_articles(d), periods)
        if s in kept and t in kept and not (dynamic and undated == "drop" and not spells):
            edges.append((s, t, k, {**attrs, **extra} if dynamic else attrs, spells))
    return nodes, edges, dynamic


def dumps_gexf(G: nx.Graph, *, undated: str = "keep") -> str:
    """GEXF 1.3 text (see the module docstring for time, colours and undated articles)."""
    nodes, edges, dynamic = timed_rows(G, undated=undated)
    vis = visuals(G)
    ntypes = column_types(_columns(attrs, "node") for _, attrs, _ in nodes)
    etypes = column_types(_columns(attrs, "edge") for *_, attrs, _ in edges)
    time = ' mode="dynamic" timeformat="date" timerepresentation="interval"' if dynamic else ' mode="static"'
    out = [_HEAD, f'  <graph defaultedgetype="{"directed" if G.is_directed() else "undirected"}"{time}>\n']
    for cls, types in (("node", ntypes), ("edge", etypes)):
        out.append(f'    <attributes class="{cls}" mode="static">\n')
        out.extend(f'      <attribute id={xml_attr(a)} title={xml_attr(a)} type="{_GEXF_TYPES[t]}"/>\n'
                   for a, t in types.items())
        out.append("    </attributes>\n")
    out.append(f'    <nodes count="{len(nodes)}">\n')
    by_id = {str(n): v for n, v in vis.items()}
    for n, attrs, spells in nodes:
        out.append(f"      <node id={xml_attr(n)} label={xml_attr(str(attrs.get('label', n)))}>\n")
        out.extend(_attvalues(_columns(attrs, "node"), ntypes) + _spells(spells) + _node_viz(by_id[n]))
        out.append("      </node>\n")
    out.append(f'    </nodes>\n    <edges count="{len(edges)}">\n')
    for i, (s, t, k, attrs, spells) in enumerate(edges):
        kind = f" kind={xml_attr(k)}" if G.is_multigraph() else ""
        weight = format_value(attrs["weight"], "double")
        out.append(f'      <edge id="e{i}" source={xml_attr(s)} target={xml_attr(t)}{kind} '
                   f'label={xml_attr(str(attrs.get("label", k)))} weight="{weight}">\n')
        out.extend(_attvalues(_columns(attrs, "edge"), etypes) + _spells(spells) + [_viz_colour(edge_colour(attrs))])
        out.append("      </edge>\n")
    out.append("    </edges>\n  </graph>\n</gexf>\n")
    return "".join(out)


def _viz_colour(hex_colour: str) -> str:
    r, g, b = rgb(hex_colour)
    return f'        <viz:color r="{r}" g="{g}" b="{b}"/>\n'


def _node_viz(v: dict) -> list[str]:
    return [_viz_colour(v["color"]), f'        <viz:position x="{v["x"]:.1f}" y="{v["y"]:.1f}" z="0.0"/>\n',
            f'        <viz:size value="{v["size"]}"/>\n']


def _attvalues(attrs: dict, types: dict[str, str]) -> list[str]:
    rows = [f"          <attvalue for={xml_attr(a)} value={xml_attr(format_value(v, types[a]))}/>\n"
            for a, v in sorted(attrs.items()) if a in types]
    return ["        <attvalues>\n", *rows, "        </attvalues>\n"] if rows else []


def _spells(spells: list[Period]) -> list[str]:
    if not spells:
        return []
    rows = [f'          <spell start="{s}" end="{e}"/>\n' for s, e in spells]
    return ["        <spells>\n", *rows, "        </spells>\n"]


def write_gexf(G: nx.Graph, path: str | os.PathLike, *, collapsed: bool = False, undated: str = "keep") -> Path:
    """Write GEXF 1.3; ``collapsed=True`` writes :func:`graphkit.graph.collapse` (G)."""
    return atomic_write(path, dumps_gexf(collapse(G) if collapsed else G, undated=undated))


def read_gexf(path: str | os.PathLike) -> nx.MultiDiGraph | nx.DiGraph:
    """Read GEXF written by :func:`write_gexf`: list columns split, edges keyed by their XML ``kind``
    (the relation) again, ``relation_kind`` back to ``kind``, ``spells`` as ``(start, end)`` ISO-date
    pairs, node layout and colour in ``viz`` (networkx's convention; edge colours come from the category)."""
    kinds = {e.get("id"): e.get("kind") for e in ElementTree.parse(path).iter("{http://gexf.net/1.3}edge")}
    raw = nx.read_gexf(path, version="1.3")
    edges = list(raw.edges(keys=True, data=True)) if raw.is_multigraph() else \
        [(s, t, None, d) for s, t, d in raw.edges(data=True)]
    multi = any(kinds.values())
    H = nx.MultiDiGraph() if multi else nx.DiGraph()
    for n, d in raw.nodes(data=True):
        H.add_node(n, **_unflatten(d))
    for s, t, _, d in edges:
        attrs = _unflatten({k: v for k, v in d.items() if k not in ("id", "viz")})
        if multi:
            H.add_edge(s, t, key=kinds[d["id"]], **attrs)
        else:
            H.add_edge(s, t, **attrs)
    return H


def _unflatten(d: dict) -> dict:
    back = {v: k for k, v in RENAMED.items()}
    return {back.get(k, k): split_list(v) if k in LIST_ATTRS | {"dates"} and isinstance(v, str) else v
            for k, v in d.items()}
