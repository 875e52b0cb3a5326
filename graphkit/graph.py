"""Assemble per-article results into one ``networkx.MultiDiGraph``, filter it, date it.

Nodes are resolved entities keyed by their stable slug; edges are keyed by the
relation label, so the same act stated in several sentences or articles is one
edge with a ``count`` and every ``evidence`` entry. Assembly is order-free: the
same results in any order give the same graph. Article dates (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``) are periods of days; a node or edge spans its articles' periods.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from .records import ENTITY_TYPES, ArticleResult

# Tie-break order when an entity's type is split evenly between articles.
_TYPE_RANK = {t: i for i, t in enumerate(("government", "organization", "person", "place", "other"))}
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z]*)?\s*$")
Period = tuple[str, str]


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


# --- article dates -------------------------------------------------------------------------------

def parse_date(text: str) -> Period | None:
    """``(start, end)`` ISO days covered by an article date, or ``None`` if it has no usable date.

    ``2019-07-10`` and ``2019-07-10T12:00Z`` give one day, ``2019-07`` the month, ``2019`` the year.
    """
    m = _DATE.match(text or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            iso = f"{year:04d}-{int(month):02d}-{int(day):02d}"
            calendar.weekday(year, int(month), int(day))  # validates the day
            return iso, iso
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return f"{year:04d}-{int(month):02d}-01", f"{year:04d}-{int(month):02d}-{last:02d}"
    except ValueError:
        return None
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def article_periods(G: nx.Graph) -> dict[str, Period | None]:
    """Article id → the period of its date (``None`` when undated), from ``G.graph['articles']``."""
    return {str(a.get("id")): parse_date(str(a.get("date") or "")) for a in G.graph.get("articles") or []}


def date_span(articles: Iterable, periods: dict[str, Period | None]) -> Period | None:
    """``(first day, last day)`` over the dated ones of ``articles``, or ``None`` if none is dated."""
    spans = [p for p in (periods.get(str(a)) for a in articles) if p]
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def node_articles(d: dict) -> list[str]:
    """The article ids a node appears in."""
    return [str(a) for a in d.get("articles") or []]


def edge_articles(d: dict) -> list[str]:
    """The article ids behind an edge's evidence, sorted."""
    return sorted({str(e["article"]) for e in d.get("evidence") or [] if isinstance(e, dict) and "article" in e})


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


# --- evidence queries ----------------------------------------------------------------------------

def fold_name(text: str) -> str:
    """A name for comparison: case-folded, punctuation and underscores as single spaces."""
    return re.sub(r"[\W_]+", " ", str(text).casefold()).strip()


def relation_matches(query: str, relation: str, predicate: str) -> bool:
    """``relation="kill"`` finds "killed", "killed in" and the verb lemma "kill", not "skill"."""
    q = fold_name(query)
    return q in (fold_name(relation), fold_name(predicate)) or re.search(rf"(?:^|\s){re.escape(q)}", fold_name(relation)) is not None


def evidence_order(rows: list[dict]) -> list[dict]:
    """Rows newest first by article date, undated last; within an article by position."""
    rows = sorted(rows, key=lambda r: (str(r["article"]), r["start"] or 0, r["relation"]))
    periods = {r["article"]: parse_date(r["date"]) for r in rows}
    dated = sorted((r for r in rows if periods[r["article"]]), key=lambda r: periods[r["article"]], reverse=True)
    return dated + [r for r in rows if not periods[r["article"]]]
