"""``KnowledgeGraph``: the graph object returned by ``graphkit.build`` and ``graphkit.load``.

It wraps a ``networkx.MultiDiGraph`` (``.G``, the ``graph.json`` contract) and its
build report, and offers what a notebook needs: DataFrames (pandas is an optional
extra), top actors, ego networks, filters, evidence, inline display and every
export. Methods never mutate the wrapped graph; ``ego`` and ``filter`` return new
objects. Actors can be named by id, label or any alias, case-insensitively.
"""

from __future__ import annotations

import copy
import difflib
import html
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from . import outputs
from .graph import collapse, filter_graph, parse_date
from .environment import require
from .errors import UnknownActorError
from .records import CATEGORIES, EDGE_KINDS, ENTITY_TYPES, Notice, Skipped



@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts for the closing summary."""

    articles: int = 0
    words: int = 0
    skipped: tuple[Skipped, ...] = ()
    seconds: float = 0.0
    # Web articles: id → every URL the story was read from (copies on other outlets merged).
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    warnings: tuple[Notice, ...] = ()
    cached: int = 0  # already in the --store: not processed again
    duplicates: int = 0  # same text as another input of this run: processed once
    stored: int = 0  # articles in the --store after the run

    def skipped_by_reason(self) -> dict[str, int]:
        """Inputs not used, counted by reason."""
        return dict(sorted(Counter(s.reason for s in self.skipped).items()))

    def warnings_by_reason(self) -> dict[str, int]:
        """Inputs used but changed (truncated, re-decoded, ...), counted by reason."""
        return dict(sorted(Counter(w.reason for w in self.warnings).items()))


class Actor(NamedTuple):
    """One row of :meth:`KnowledgeGraph.top_actors` (``pandas.DataFrame(rows)`` makes a table)."""

    id: str
    label: str
    type: str
    degree: int
    articles: int
    mentions: int


def _pandas():
    return require("pandas")


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", str(text).casefold()).strip()


def _check(values: Iterable[str] | None, allowed: tuple[str, ...], what: str) -> list[str] | None:
    if values is None:
        return None
    values = [values] if isinstance(values, str) else list(values)
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(f"unknown {what} {', '.join(map(repr, bad))}; choose from {', '.join(allowed)}")
    return values


@dataclass(frozen=True)
class KnowledgeGraph:
    """A who-acts-on-whom graph with its build report."""

    G: nx.MultiDiGraph
    report: BuildReport = field(default_factory=BuildReport)

    def __len__(self) -> int:
        return self.G.number_of_nodes()

    def __repr__(self) -> str:
        return (f"<KnowledgeGraph {self.G.number_of_nodes()} actors, {self.G.number_of_edges()} relations, "
                f"{len(self.G.graph.get('articles', []))} articles>")

    @property
    def articles(self) -> list[dict]:
        """Metadata of the articles the graph was built from (``id``, ``title``, ``url``, ``date``)."""
        return [dict(a) for a in self.G.graph.get("articles", [])]

    def entity_counts(self) -> dict[str, int]:
        """Number of nodes of each type."""
        return dict(sorted(Counter(d.get("type", "other") for _, d in self.G.nodes(data=True)).items()))

    # --- looking actors up -----------------------------------------------------------------------

    def resolve(self, name: str) -> str:
        """The node id for an id, label or alias (case-insensitive); :class:`UnknownActorError` if none."""
        if name in self.G:
            return name
        key = _norm(name)
        tiers: list[list[str]] = [[], [], []]
        for n, d in self.G.nodes(data=True):
            if _norm(n) == key:
                tiers[0].append(n)
            if _norm(d.get("label", "")) == key:
                tiers[1].append(n)
            if any(_norm(a) == key for a in d.get("aliases") or []):
                tiers[2].append(n)
        for found in tiers:
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                options = ", ".join(f"{self.G.nodes[n].get('label', n)} ({n})" for n in sorted(found))
                raise UnknownActorError(f"{name!r} is ambiguous: {options}; pass one of the ids")
        raise UnknownActorError(self._unknown_message(name))

    def _unknown_message(self, name: str) -> str:
        names: dict[str, str] = {}
        for n, d in self.G.nodes(data=True):
            for text in (d.get("label", n), *(d.get("aliases") or [])):
                names.setdefault(_norm(text), d.get("label", n))
        key = _norm(name)
        close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
        close += [k for k in names if key and key in k and k not in close]
        labels = list(dict.fromkeys(names[k] for k in close))[:5]
        hint = f"did you mean {', '.join(labels)}?" if labels else "see nodes_df() or top_actors() for the actors"
        return f"no actor {name!r} in the graph; {hint}"

    # --- tables --------------------------------------------------------------------------------

    def _degrees(self) -> dict[str, tuple[int, int]]:
        out = {n: [0, 0] for n in self.G}
        for s, t, d in self.G.edges(data=True):
            out[s][0] += int(d.get("count", 1))
            out[t][1] += int(d.get("count", 1))
        return {n: (o, i) for n, (o, i) in out.items()}

    def nodes_df(self):
        """One row per actor, indexed by id: label, type, mentions, aliases, articles, weighted degrees."""
        pd = _pandas()
        deg = self._degrees()
        rows = [{"id": n, "label": d.get("label", n), "type": d.get("type", "other"),
                 "mentions": d.get("mentions", 0), "n_articles": len(d.get("articles") or []),
                 "degree": sum(deg[n]), "out_degree": deg[n][0], "in_degree": deg[n][1],
                 "aliases": list(d.get("aliases") or []), "articles": list(d.get("articles") or [])}
                for n, d in self.G.nodes(data=True)]
        columns = ["id", "label", "type", "mentions", "n_articles", "degree", "out_degree", "in_degree",
                   "aliases", "articles"]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    def edges_df(self):
        """One row per relation: source, target, labels, relation, kind, category, count, sentences."""
        pd = _pandas()
        rows = []
        for s, t, k, d in self.G.edges(keys=True, data=True):
            ev = d.get("evidence") or []
            rows.append({"source": s, "target": t, "source_label": self.G.nodes[s].get("label", s),
                         "target_label": self.G.nodes[t].get("label", t), "relation": d.get("relation", k),
                         "predicate": d.get("predicate", ""), "kind": d.get("kind", ""),
                         "category": d.get("category", ""), "polarity": d.get("polarity", 0),
                         "count": d.get("count", 1), "articles": sorted({e.get("article") for e in ev}),
                         "sentences": [e.get("sentence", "") for e in ev], "key": k})
        columns = ["source", "target", "source_label", "target_label", "relation", "predicate", "kind",
                   "category", "polarity", "count", "articles", "sentences", "key"]
        return pd.DataFrame(rows, columns=columns)

    def top_actors(self, n: int = 10, *, by: str = "degree") -> list[Actor]:
        """The ``n`` most central actors, by weighted degree (relations × count) or by ``articles``."""
        if by not in ("degree", "articles"):
            raise ValueError(f"by must be 'degree' or 'articles', not {by!r}")
        deg = self._degrees()
        actors = [Actor(v, d.get("label", v), d.get("type", "other"), sum(deg[v]),
                        len(d.get("articles") or []), d.get("mentions", 0)) for v, d in self.G.nodes(data=True)]
        first = (lambda a: (-a.degree, -a.articles)) if by == "degree" else (lambda a: (-a.articles, -a.degree))
        return sorted(actors, key=lambda a: (*first(a), -a.mentions, a.label.casefold(), a.id))[:n]

    def relation_counts(self) -> list[tuple[str, int, int]]:
        """``(relation, edges, evidence count)`` for every relation label, most frequent first."""
        edges: Counter = Counter()
        counts: Counter = Counter()
        for _, _, k, d in self.G.edges(keys=True, data=True):
            edges[d.get("relation", k)] += 1
            counts[d.get("relation", k)] += int(d.get("count", 1))
        return sorted(((r, edges[r], counts[r]) for r in edges), key=lambda x: (-x[2], -x[1], str(x[0])))

    def evidence(self, source: str | None = None, target: str | None = None, *,
                 relation: str | None = None) -> list[dict]:
        """Evidence sentences with article metadata for edges from ``source`` to ``target``.

        Either end may be ``None`` (any actor); names may be ids, labels or aliases. Rows are
        sorted by article date (undated last), article and position; ``pandas.DataFrame(rows)``
        makes a table.
        """
        src = self.resolve(source) if source is not None else None
        dst = self.resolve(target) if target is not None else None
        meta = {a.get("id"): a for a in self.G.graph.get("articles", [])}
        rows = []
        for s, t, k, d in self.G.edges(keys=True, data=True):
            if (src is not None and s != src) or (dst is not None and t != dst) or \
                    (relation is not None and d.get("relation", k) != relation):
                continue
            for e in d.get("evidence") or []:
                art = meta.get(e.get("article"), {})
                rows.append({"source": self.G.nodes[s].get("label", s), "relation": d.get("relation", k),
                             "target": self.G.nodes[t].get("label", t), "category": d.get("category", ""),
                             "sentence": e.get("sentence", ""), "article": e.get("article", ""),
                             "title": art.get("title", ""), "date": art.get("date", ""), "url": art.get("url", ""),
                             "start": e.get("start"), "end": e.get("end"), "reported_by": e.get("reported_by", ""),
                             "source_id": s, "target_id": t})
        def order(r: dict) -> tuple:
            period = parse_date(r["date"])
            return (period is None, period or ("", ""), r["article"], r["start"] or 0, r["relation"])

        return sorted(rows, key=order)

    # --- new graphs ----------------------------------------------------------------------------

    def ego(self, name: str, radius: int = 1) -> KnowledgeGraph:
        """The actors within ``radius`` relations of ``name`` (either direction) and the relations among them."""
        node = self.resolve(name)
        H = nx.ego_graph(self.G, node, radius=radius, undirected=True)
        return KnowledgeGraph(copy.deepcopy(H), self.report)

    def filter(self, *, types: Iterable[str] | None = None, categories: Iterable[str] | None = None,
               kinds: Iterable[str] | None = None, min_count: int = 1, articles: Iterable[str] | None = None,
               keep_isolated: bool = False) -> KnowledgeGraph:
        """A new graph with the actors of the given ``types`` and the relations of the given
        ``categories``/``kinds``, stated at least ``min_count`` times, in the given ``articles``."""
        types, categories = _check(types, ENTITY_TYPES, "type"), _check(categories, CATEGORIES, "category")
        kinds = _check(kinds, EDGE_KINDS, "kind")
        if articles is not None:
            articles = [articles] if isinstance(articles, str) else list(articles)
            known = {a.get("id") for a in self.G.graph.get("articles", [])}
            if known and not known & set(articles):
                raise ValueError(f"none of the articles {articles[:3]!r} is in the graph; see .articles for the ids")
        H = filter_graph(self.G, types=types, categories=categories, kinds=kinds, min_count=min_count,
                         articles=articles, keep_isolated=keep_isolated)
        return KnowledgeGraph(copy.deepcopy(H), self.report)

    def collapse(self) -> nx.DiGraph:
        """A ``DiGraph`` with one edge per source→target (see :func:`graphkit.graph.collapse`)."""
        return collapse(self.G)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts, top actors and most frequent relations (what ``graphkit stats`` prints)."""
        edges = [d for *_, d in self.G.edges(keys=True, data=True)]
        arts = self.G.graph.get("articles", [])
        return {"articles": len(arts), "dated_articles": sum(1 for a in arts if parse_date(str(a.get("date") or ""))),
                "actors": self.G.number_of_nodes(), "actors_by_type": self.entity_counts(),
                "relations": len(edges), "evidence": sum(int(d.get("count", 1)) for d in edges),
                "relations_by_category": dict(sorted(Counter(d.get("category", "") for d in edges).items())),
                "relations_by_kind": dict(sorted(Counter(d.get("kind", "") for d in edges).items())),
                "top_actors": [a._asdict() for a in self.top_actors(top)],
                "top_relations": [{"relation": r, "edges": e, "count": c} for r, e, c in self.relation_counts()[:top]]}

    # --- display -------------------------------------------------------------------------------

    def iframe(self, height: int = 600) -> str:
        """The interactive graph page inside an ``<iframe>`` (self-contained, works offline)."""
        return outputs.iframe_html(self.G, height=height)

    def _repr_html_(self) -> str:
        caption = html.escape(repr(self))
        return f"<div><p style='font-family:sans-serif'>{caption}</p>{self.iframe()}</div>"

    def show(self, height: int = 600) -> None:
        """Display the interactive graph inline in Jupyter."""
        require("notebook")  # outside Jupyter, use to_html(path)
        from IPython.display import HTML, display

        display(HTML(f"<div>{self.iframe(height)}</div>"))

    # --- exports -------------------------------------------------------------------------------

    def to_json(self, path: str | os.PathLike | None = None) -> Path | str:
        """Write ``graph.json`` (or return its text when ``path`` is None)."""
        return outputs.dumps_json(self.G) if path is None else outputs.write_json(self.G, path)

    def to_graphml(self, path: str | os.PathLike | None = None, *, collapsed: bool = False) -> Path | str:
        """Write Gephi-ready GraphML (or return its text when ``path`` is None)."""
        if path is None:
            return outputs.dumps_graphml(collapse(self.G) if collapsed else self.G)
        return outputs.write_graphml(self.G, path, collapsed=collapsed)

    def to_gexf(self, path: str | os.PathLike | None = None, *, collapsed: bool = False,
                undated: str = "keep") -> Path | str:
        """Write GEXF 1.3 with article dates as time (or return its text when ``path`` is None)."""
        if path is None:
            return outputs.dumps_gexf(collapse(self.G) if collapsed else self.G, undated=undated)
        return outputs.write_gexf(self.G, path, collapsed=collapsed, undated=undated)

    def to_csv(self, folder: str | os.PathLike, *, collapsed: bool = False) -> tuple[Path, Path]:
        """Write ``nodes.csv`` and ``edges.csv`` into ``folder``."""
        return outputs.write_csv(self.G, folder, collapsed=collapsed)

    def to_cypher(self, path: str | os.PathLike | None = None, *, collapsed: bool = False) -> Path | str:
        """Write a Cypher script for Neo4j (or return its text when ``path`` is None)."""
        if path is None:
            return outputs.dumps_cypher(collapse(self.G) if collapsed else self.G)
        return outputs.write_cypher(self.G, path, collapsed=collapsed)

    def write(self, path: str | os.PathLike, *, format: str, collapsed: bool = False,
              undated: str = "keep") -> list[Path]:
        """Write one of ``graphkit.outputs.FORMATS`` to ``path`` (a folder for ``csv``); returns the files written."""
        return outputs.write(self.G, path, format=format, collapsed=collapsed, undated=undated)

    def to_html(self, path: str | os.PathLike, **options) -> Path:
        return outputs.write_html(self.G, path, **options)


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """Load a ``graph.json`` written by graphkit, or the one inside a ``graphkit build`` output folder
    (:class:`graphkit.errors.InputError` if it is not one)."""
    path = Path(path)
    if path.is_dir() and (path / "graph.json").is_file():
        path = path / "graph.json"
    G = outputs.read_json(path)
    return KnowledgeGraph(G, BuildReport(articles=len(G.graph.get("articles", []))))
