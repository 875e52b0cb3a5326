"""Views of the graph: filtered and collapsed copies; the wrapped graph is never changed.

``filter_graph`` keeps the actors and relations that pass every filter (types,
categories, kinds, a minimum count, articles, a date range; ``check_values``,
``whole_number`` and ``iso_day`` check those arguments); ``collapse`` makes a ``DiGraph``
with one edge per source→target for tools whose metrics want a simple graph.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Iterator

import networkx as nx

from ..records import CATEGORIES, EDGE_KINDS
from .dates import article_periods, parse_date


def keyed_edges(G: nx.Graph) -> Iterator[tuple]:
    """``(source, target, key, data)`` for every edge; the key is ``None`` in a graph without keys."""
    if G.is_multigraph():
        yield from G.edges(keys=True, data=True)
    else:
        for s, t, d in G.edges(data=True):
            yield s, t, None, d


def articles_between(G: nx.Graph, since: str | None = None, until: str | None = None) -> set[str]:
    """Ids of the articles whose date overlaps ``[since, until]`` (ISO ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``; ``until=2024-03`` includes all of March). Undated articles are never in range."""
    lo = parse_date(since)[0] if since else "0000-00-00"
    hi = parse_date(until)[1] if until else "9999-99-99"
    return {a for a, p in article_periods(G).items() if p and p[0] <= hi and p[1] >= lo}


def filter_graph(G: nx.MultiDiGraph, *, types: Iterable[str] | None = None,
                 categories: Iterable[str] | None = None, kinds: Iterable[str] | None = None,
                 min_count: int = 1, articles: Iterable[str] | None = None,
                 since: str | None = None, until: str | None = None,
                 keep_isolated: bool = False) -> nx.MultiDiGraph:
    """A new graph with the nodes and edges that pass every given filter.

    ``articles`` and the date range ``since``/``until`` keep only the evidence from those articles
    (edge counts and node article lists shrink with it); ``min_count`` applies after that.
    """
    types, categories = set(types or ()), set(categories or ())
    kinds = set(kinds or ())
    allowed = set(articles) if articles is not None else None
    if since or until:
        dated = articles_between(G, since, until)
        allowed = dated if allowed is None else allowed & dated
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for n, d in G.nodes(data=True):
        if types and d.get("type") not in types:
            continue
        if allowed is not None:
            mine = [a for a in d.get("articles", []) if a in allowed]
            if not mine:
                continue
            d = {**d, "articles": mine}
        H.add_node(n, **d)
    for s, t, k, d in G.edges(keys=True, data=True):
        if s not in H or t not in H:
            continue
        if (categories and d.get("category") not in categories) or (kinds and d.get("kind") not in kinds):
            continue
        if allowed is not None:
            ev = [e for e in d.get("evidence", []) if e.get("article") in allowed]
            if not ev:
                continue
            d = {**d, "evidence": ev, "count": len(ev)}
        if d.get("count", 1) >= min_count:
            H.add_edge(s, t, key=k, **d)
    if not keep_isolated:
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    return own_articles(H)


def own_articles(H: nx.Graph) -> nx.Graph:
    """``H`` with ``graph['articles']`` cut down to the articles its nodes and evidence refer to
    (a derived graph reports its own article count); returns ``H``, changed in place."""
    used = {str(a) for _, d in H.nodes(data=True) for a in d.get("articles") or []}
    used |= {str(e.get("article")) for *_, d in H.edges(data=True) for e in d.get("evidence") or []
             if isinstance(e, dict)}
    H.graph["articles"] = [a for a in H.graph.get("articles", []) if str(a.get("id")) in used]
    return H


# --- checking the arguments of a filter ---------------------------------------------------------

_VALUE_ALIASES = {"organisation": "organization", "org": "organization", "govt": "government",
                  "actions": "action", "acts": "action", "act": "action", "roles": "role",
                  "statements": "statement"}


def check_values(values: Iterable[str] | None, allowed: tuple[str, ...], what: str) -> list[str] | None:
    """The values, case-folded (``"Person"`` is ``person``, ``"organisation"`` is ``organization``)."""
    if values is None:
        return None
    values = [values] if isinstance(values, str) else list(values)
    folded = [_VALUE_ALIASES.get(str(v).strip().casefold(), str(v).strip().casefold()) for v in values]
    bad = [v for v, f in zip(values, folded) if f not in allowed]
    if bad:
        raise ValueError(f"unknown {what} {', '.join(map(repr, bad))}; choose from {', '.join(allowed)}")
    return folded


def whole_number(value, name: str, lowest: int) -> int:
    """``value`` as an int ≥ ``lowest`` (digit strings accepted), else a ValueError naming ``name``."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < lowest:
        raise ValueError(f"{name} must be a whole number of at least {lowest}, not {value!r}")
    return value


def iso_day(value, name: str) -> str | None:
    """An ISO date string for ``since``/``until`` (``date``/``datetime`` objects or ``YYYY[-MM[-DD]]``)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()[:10]
    if not isinstance(value, str) or parse_date(value) is None:
        raise ValueError(f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (or a datetime.date)")
    return value.strip()


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
