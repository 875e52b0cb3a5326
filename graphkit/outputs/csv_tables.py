"""CSV node and edge tables for spreadsheets and other tools (Kumu, Flourish).

``nodes.csv`` (``id``, ``label``, ``type``, ...) and ``edges.csv`` (``source``,
``target``, ``source_label``, ``target_label``, ``relation``, ``count``, ``weight``,
``first_date``, ``last_date``, ...),
UTF-8, RFC 4180 quoting, lists joined with ``|`` as in GraphML. The ids link the two
tables (spreadsheets, Kumu, Flourish).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import networkx as nx

from ..fileio import atomic_write
from ..graph import collapse
from .flat import LIST_ATTRS, column_types, edge_rows, format_value, node_rows, split_list

NODE_COLUMNS = ("id", "label", "type", "mentions", "first_date", "last_date", "aliases", "articles")
EDGE_COLUMNS = ("source", "target", "source_label", "target_label", "relation", "predicate", "kind",
                "category", "polarity", "count", "weight", "first_date", "last_date", "articles", "evidence")
_INT_COLUMNS = {"mentions", "count", "polarity", "undated"}
_FLOAT_COLUMNS = {"weight"}


def _table(rows: list[dict], first: tuple[str, ...]) -> str:
    types = column_types(rows)
    columns = [c for c in first if c in types or c in ("id", "source", "target")]
    columns += [c for c in types if c not in columns]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([format_value(row[c], types[c]) if c in row else "" for c in columns])
    return buf.getvalue()


def dumps_csv(G: nx.Graph) -> tuple[str, str]:
    """``(nodes.csv, edges.csv)`` text."""
    nodes = [{"id": n, **attrs} for n, attrs in node_rows(G)]
    labels = {n["id"]: n.get("label", n["id"]) for n in nodes}
    edges = []
    for s, t, _, attrs in edge_rows(G):
        attrs = {k: v for k, v in attrs.items() if k != "label" or "relation" not in attrs}
        edges.append({"source": s, "target": t, "source_label": labels.get(s, s),
                      "target_label": labels.get(t, t), **attrs})
    return _table(nodes, NODE_COLUMNS), _table(edges, EDGE_COLUMNS)


def write_csv(G: nx.Graph, folder: str | os.PathLike, *, collapsed: bool = False) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder`` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = dumps_csv(collapse(G) if collapsed else G)
    return (atomic_write(folder / "nodes.csv", nodes),
            atomic_write(folder / "edges.csv", edges))


def _typed(row: dict) -> dict:
    out = {}
    for k, v in row.items():
        if v == "" and k not in ("label", "relation"):
            continue
        out[k] = (int(v) if k in _INT_COLUMNS else float(v) if k in _FLOAT_COLUMNS
                  else split_list(v) if k in LIST_ATTRS else v)
    return out


def read_csv(folder: str | os.PathLike) -> nx.MultiDiGraph | nx.DiGraph:
    """Read the tables written by :func:`write_csv` back into a graph (lists split, numbers typed)."""
    folder = Path(folder)
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = [_typed(r) for r in csv.DictReader(fh)]
    with open(folder / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = [_typed(r) for r in csv.DictReader(fh)]
    H = nx.MultiDiGraph() if any("key" in e for e in edges) else nx.DiGraph()
    for n in nodes:
        H.add_node(n.pop("id"), **n)
    for e in edges:
        s, t = e.pop("source"), e.pop("target")
        e.pop("source_label", None), e.pop("target_label", None)
        if H.is_multigraph():
            H.add_edge(s, t, key=e.pop("key"), **e)
        else:
            H.add_edge(s, t, **e)
    return H
