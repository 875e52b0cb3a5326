"""Assemble per-article results into one ``networkx.MultiDiGraph`` and filter it.

Nodes are resolved entities keyed by their stable slug; edges are keyed by the
relation label, so the same act stated in several sentences or articles is one
edge with a ``count`` and every ``evidence`` entry. Assembly is order-free: the
same results in any order give the same graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from ..records import ENTITY_TYPES, ArticleResult

# Tie-break order when an entity's type is split evenly between articles.
_TYPE_RANK = {t: i for i, t in enumerate(("government", "organization", "person", "place", "other"))}


def _node_table(results: list[ArticleResult]) -> dict[str, dict]:
    labels: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set] = defaultdict(set)
    mentions: Counter = Counter()
    articles: dict[str, set] = defaultdict(set)
    for res in results:
        for ent in res.entities:
            labels[ent.key][ent.label] += 1
            types[ent.key][ent.type] += max(1, ent.mentions)
            aliases[ent.key].update(ent.aliases, [ent.label])
            mentions[ent.key] += ent.mentions
            articles[ent.key].add(res.article.id)
    table = {}
    for key in labels:
        label = max(labels[key].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        typ = min(types[key].items(), key=lambda kv: (-kv[1], _TYPE_RANK.get(kv[0], 9)))[0]
        table[key] = {"label": label, "type": typ if typ in ENTITY_TYPES else "other",
                      "aliases": sorted(aliases[key]), "mentions": mentions[key],
                      "articles": sorted(articles[key])}
    return table


def _edge_table(results: list[ArticleResult]) -> dict[tuple[str, str, str], dict]:
    edges: dict[tuple[str, str, str], dict] = {}
    for res in results:
        for rel in res.relations:
            k = (rel.source, rel.target, rel.relation)
            e = edges.setdefault(k, {"relation": rel.relation, "predicate": rel.predicate, "kind": rel.kind,
                                     "category": rel.category, "polarity": rel.polarity, "evidence": {}})
            if rel.evidence is not None:
                ev = rel.evidence.as_dict()
                e["evidence"].setdefault((ev["article"], ev["start"], ev["end"]), ev)
    for e in edges.values():
        e["evidence"] = [e["evidence"][k] for k in sorted(e["evidence"])]
        e["count"] = max(1, len(e["evidence"]))
    return edges


def build_graph(results: Iterable[ArticleResult], *, keep_isolated: bool = False) -> nx.MultiDiGraph:
    """One node per resolved entity, one edge per (source, relation, target)."""
    results = sorted(results, key=lambda r: r.article.id)
    nodes, edges = _node_table(results), _edge_table(results)
    used = {k[0] for k in edges} | {k[1] for k in edges}
    G = nx.MultiDiGraph()
    G.graph["articles"] = [r.article.meta() for r in results]
    for key in sorted(nodes):
        if keep_isolated or key in used:
            G.add_node(key, **nodes[key])
    for (s, t, rel) in sorted(edges):
        if s in G and t in G:
            G.add_edge(s, t, key=rel, **edges[(s, t, rel)])
    return G


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
