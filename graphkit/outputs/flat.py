"""Flat cells for the flat formats (GraphML, GEXF, CSV): scalars, joined lists, typed columns.

Flat formats cannot hold lists: list values are joined with ``|`` (``LIST_SEP``);
a ``|`` or ``\\`` inside an item is escaped with a backslash so :func:`split_list`
restores the items exactly. Edge ``evidence`` becomes the list of its sentences and
``articles`` the ids of the articles behind it; the character offsets stay in
``graph.json`` only. Every node and edge also gets ``first_date`` and ``last_date`` (the
span of its articles' dates). Text is made XML-safe (no control characters or lone
surrogates).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from xml.sax.saxutils import escape

import networkx as nx

from ..graph import article_periods, date_span, edge_articles, keyed_edges, node_articles

LIST_SEP = "|"  # lists in GraphML/GEXF/CSV cells are joined with this separator
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INT32 = 2**31


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


def _with_span(attrs: dict, span: tuple[str, str] | None) -> dict:
    if span:
        attrs.setdefault("first_date", span[0])
        attrs.setdefault("last_date", span[1])
    return attrs


def node_rows(G: nx.Graph) -> list[tuple[str, dict]]:
    """``(id, flat attributes)`` per node, in graph order; ``label`` defaults to the id; with the
    ``first_date``/``last_date`` span of its articles. A ``viz`` dict (positions read back) is left out."""
    periods = article_periods(G)
    rows = []
    for n, d in G.nodes(data=True):
        attrs = _with_span({"label": n, **{k: v for k, v in d.items() if k != "viz"}},
                           date_span(node_articles(d), periods))
        rows.append((str(n), {k: v for k, v in ((k, flat_value(v)) for k, v in attrs.items()) if v is not None}))
    return rows


def edge_rows(G: nx.Graph) -> list[tuple[str, str, str, dict]]:
    """``(source, target, key, flat attributes)`` per edge with ``label``, ``weight``, ``articles`` and
    the ``first_date``/``last_date`` span of its evidence's articles."""
    periods = article_periods(G)
    rows = []
    for s, t, k, d in keyed_edges(G):
        attrs = _with_span({k2: v for k2, v in d.items() if v is not None and k2 != "viz"},
                           date_span(edge_articles(d), periods))
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


# Attributes holding lists: joined in flat cells, split again by the readers.
LIST_ATTRS = {"aliases", "articles", "evidence", "relations", "categories", "kinds", "predicates"}
