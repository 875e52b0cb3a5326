"""Assemble per-article results into one ``networkx.MultiDiGraph``.

Nodes are resolved entities keyed by their stable slug; edges are keyed by the
relation label, so the same act stated in several sentences or articles is one
edge with a ``count`` and every ``evidence`` entry. Assembly is order-free: the
same results in any order give the same graph. Web inputs add ``outlets`` to each edge
(``with_outlets``): how many distinct outlets published the evidence behind it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from ..entities import country_of, norm
from ..records import ENTITY_TYPES, ArticleResult, dominant_type
from ..sources import outlet
from .identity import merge_identities


def _place_label(label: str, typ: str) -> str:
    """A country and its government are one node, keyed and labelled by the government ("French
    government"); where it never acts (typed ``place``) the node is labelled as the country ("France")."""
    country = country_of(label) if typ == "place" else None
    return country.name if country is not None and norm(label) == norm(country.government) else label


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
        typ = dominant_type(types[key])
        table[key] = {"label": _place_label(label, typ), "type": typ if typ in ENTITY_TYPES else "other",
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
    """One node per actor (the article keys of one actor merged, ``identity``), one edge per
    (source, relation, target)."""
    results = merge_identities(sorted(results, key=lambda r: r.article.id))
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


def with_outlets(G: nx.MultiDiGraph, sources: dict[str, tuple[str, ...] | list[str]]) -> nx.MultiDiGraph:
    """A copy of ``G`` whose edges carry ``outlets``: distinct outlets behind their evidence.

    ``sources`` maps an article id to every URL it was read from (as in
    ``BuildReport.sources``); articles absent from it count their own URL (or id).
    Article entries in ``G.graph['articles']`` gain ``sources`` when copies were merged.
    """
    urls = {a["id"]: a.get("url") or a["id"] for a in G.graph.get("articles", [])}
    H = G.copy()
    H.graph["articles"] = [{**a, "sources": list(sources[a["id"]])} if len(sources.get(a["id"], ())) > 1
                           else dict(a) for a in G.graph.get("articles", [])]
    for s, t, k, d in H.edges(keys=True, data=True):
        names = set()
        for ev in d.get("evidence", []):
            aid = ev.get("article", "")
            names.update(outlet(u) or u for u in (sources.get(aid) or [urls.get(aid, aid)]))
        H.edges[s, t, k]["outlets"] = max(1, len(names))
    return H
