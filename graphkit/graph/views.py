"""Views of the graph: filtered and collapsed copies; the wrapped graph is never changed.

``filter_graph`` keeps the actors and relations that pass every filter (types,
categories, kinds, a minimum count, articles); ``collapse`` makes a ``DiGraph`` with one
edge per source→target for tools whose metrics want a simple graph.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Iterator

import networkx as nx

from ..records import CATEGORIES, EDGE_KINDS


def keyed_edges(G: nx.Graph) -> Iterator[tuple]:
    """``(source, target, key, data)`` for every edge; the key is ``None`` in a graph without keys."""
    if G.is_multigraph():
        yield from G.edges(keys=True, data=True)
    else:
        for s, t, d in G.edges(data=True):
            yield s, t, None, d


def filter_graph(G: nx.MultiDiGraph, *, types: Iterable[str] | None = None,
                 categories: Iterable[str] | None = None, kinds: Iterable[str] | None = None,
                 min_count: int = 1, articles: Iterable[str] | None = None,
                 keep_isolated: bool = False) -> nx.MultiDiGraph:
    """A new graph with the nodes and edges that pass every given filter."""
    types, categories = set(types or ()), set(categories or ())
    kinds, articles = set(kinds or ()), set(articles or ())
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for n, d in G.nodes(data=True):
        if (not types or d.get("type") in types) and (not articles or articles & set(d.get("articles", []))):
            H.add_node(n, **d)
    for s, t, k, d in G.edges(keys=True, data=True):
        if s not in H or t not in H or d.get("count", 1) < min_count:
            continue
        if (categories and d.get("category") not in categories) or (kinds and d.get("kind") not in kinds):
            continue
        ev = d.get("evidence", [])
        if articles:
            ev = [e for e in ev if e.get("article") in articles]
            if not ev:
                continue
            d = {**d, "evidence": ev, "count": len(ev)}
        H.add_edge(s, t, key=k, **d)
    if not keep_isolated:
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    return H


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
    for s, t, k, d in keyed_edges(G):
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
