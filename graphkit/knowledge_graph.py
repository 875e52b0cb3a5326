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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from . import outputs
from .environment import require
from .errors import UnknownActorError
from .graph import (article_periods, check_values, collapse, date_span, edge_articles, evidence_order,
                    filter_graph, fold_name, iso_day, own_articles, parse_date, relation_matches, whole_number)
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
    """One row of :meth:`KnowledgeGraph.top_actors` (``pandas.DataFrame(rows)`` makes a table).

    ``degree`` counts relations weighted by how often each is stated (in + out); ``n_articles`` is
    the number of articles the actor appears in (``articles`` is always a list of ids elsewhere)."""

    id: str
    label: str
    type: str
    degree: int
    n_articles: int
    mentions: int
    in_degree: int
    out_degree: int


RANKINGS = ("degree", "in_degree", "out_degree", "n_articles", "mentions")
_RANK_ALIASES = {"articles": "n_articles", "weighted_degree": "degree", "in": "in_degree", "out": "out_degree"}
def _pandas():
    return require("pandas")


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
        key = fold_name(name)
        tiers: list[list[str]] = [[], [], []]
        for n, d in self.G.nodes(data=True):
            if fold_name(n) == key:
                tiers[0].append(n)
            if fold_name(d.get("label", "")) == key:
                tiers[1].append(n)
            if any(fold_name(a) == key for a in d.get("aliases") or []):
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
                names.setdefault(fold_name(text), d.get("label", n))
        key = fold_name(name)
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
        """One row per actor, indexed by id: label, type, mentions, ``n_articles`` (a count), weighted
        degrees, ``first_date``/``last_date`` (the span of its articles' dates), aliases, ``articles`` (ids)."""
        pd = _pandas()
        deg, periods = self._degrees(), article_periods(self.G)
        rows = []
        for n, d in self.G.nodes(data=True):
            span = date_span(d.get("articles") or [], periods) or (None, None)
            rows.append({"id": n, "label": d.get("label", n), "type": d.get("type", "other"),
                         "mentions": d.get("mentions", 0), "n_articles": len(d.get("articles") or []),
                         "degree": sum(deg[n]), "out_degree": deg[n][0], "in_degree": deg[n][1],
                         "first_date": span[0], "last_date": span[1],
                         "aliases": list(d.get("aliases") or []), "articles": list(d.get("articles") or [])})
        columns = ["id", "label", "type", "mentions", "n_articles", "degree", "out_degree", "in_degree",
                   "first_date", "last_date", "aliases", "articles"]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    def edges_df(self):
        """One row per relation: source, target, labels, relation, kind, category, count, ``n_articles``,
        ``first_date``/``last_date`` (the span of its evidence's article dates), ``articles`` (ids),
        sentences (newest article first, as in :meth:`evidence`)."""
        pd = _pandas()
        periods = article_periods(self.G)
        rows = []
        for s, t, k, d in self.G.edges(keys=True, data=True):
            ids = edge_articles(d)
            span = date_span(ids, periods) or (None, None)
            rows.append({"source": s, "target": t, "source_label": self.G.nodes[s].get("label", s),
                         "target_label": self.G.nodes[t].get("label", t), "relation": d.get("relation", k),
                         "predicate": d.get("predicate", ""), "kind": d.get("kind", ""),
                         "category": d.get("category", ""), "polarity": d.get("polarity", 0),
                         "count": d.get("count", 1), "n_articles": len(ids), "first_date": span[0],
                         "last_date": span[1], "articles": ids,
                         "sentences": [r["sentence"] for r in self._evidence_rows(s, t, k, d)], "key": k})
        columns = ["source", "target", "source_label", "target_label", "relation", "predicate", "kind",
                   "category", "polarity", "count", "n_articles", "first_date", "last_date", "articles",
                   "sentences", "key"]
        return pd.DataFrame(rows, columns=columns)

    def top_actors(self, n: int = 10, *, by: str = "degree") -> list[Actor]:
        """The ``n`` most central actors by ``degree`` (relations weighted by count, in + out),
        ``in_degree``, ``out_degree``, ``n_articles`` (alias ``articles``) or ``mentions``."""
        key = _RANK_ALIASES.get(by, by)
        if key not in RANKINGS:
            raise ValueError(f"unknown ranking by={by!r}; choose from {', '.join(RANKINGS)}")
        n = whole_number(n, "n", 0)
        deg = self._degrees()
        actors = [Actor(v, d.get("label", v), d.get("type", "other"), sum(deg[v]), len(d.get("articles") or []),
                        d.get("mentions", 0), deg[v][1], deg[v][0]) for v, d in self.G.nodes(data=True)]
        return sorted(actors, key=lambda a: (-getattr(a, key), -a.degree, -a.n_articles, -a.mentions,
                                             a.label.casefold(), a.id))[:n]

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

        Either end may be ``None`` (any actor); names may be ids, labels or aliases. ``relation``
        matches the label or the verb, case-insensitively, at a word start (``"kill"`` finds
        "killed"). Rows come newest article first, undated last, in text order within an article
        (the order of the page's evidence panel); ``pandas.DataFrame(rows)`` makes a table.
        """
        src = self.resolve(source) if source is not None else None
        dst = self.resolve(target) if target is not None else None
        rows = []
        for s, t, k, d in self.G.edges(keys=True, data=True):
            if (src is not None and s != src) or (dst is not None and t != dst):
                continue
            if relation is not None and not relation_matches(relation, d.get("relation", k), d.get("predicate", "")):
                continue
            rows.extend(self._evidence_rows(s, t, k, d, ordered=False))
        return evidence_order(rows)

    def _evidence_rows(self, s, t, k, d: dict, *, ordered: bool = True) -> list[dict]:
        meta = self._article_meta()
        rows = []
        for e in d.get("evidence") or []:
            art = meta.get(e.get("article"), {})
            rows.append({"source": self.G.nodes[s].get("label", s), "relation": d.get("relation", k),
                         "target": self.G.nodes[t].get("label", t), "category": d.get("category", ""),
                         "sentence": e.get("sentence", ""), "article": e.get("article", ""),
                         "title": art.get("title", ""), "date": art.get("date", ""), "url": art.get("url", ""),
                         "start": e.get("start"), "end": e.get("end"), "reported_by": e.get("reported_by", ""),
                         "modality": e.get("modality", ""), "source_id": s, "target_id": t})
        return evidence_order(rows) if ordered else rows

    def _article_meta(self) -> dict:
        return {a.get("id"): a for a in self.G.graph.get("articles", [])}

    # --- new graphs ----------------------------------------------------------------------------

    def ego(self, name: str, radius: int = 1) -> KnowledgeGraph:
        """The actors within ``radius`` relations of ``name`` (either direction) and the relations among
        them; its ``articles`` are the ones those actors and relations come from."""
        radius = whole_number(radius, "radius", 0)
        node = self.resolve(name)
        H = copy.deepcopy(nx.ego_graph(self.G, node, radius=radius, undirected=True))
        return KnowledgeGraph(own_articles(H), self.report)

    def filter(self, *, types: Iterable[str] | None = None, categories: Iterable[str] | None = None,
               kinds: Iterable[str] | None = None, min_count: int = 1, articles: Iterable[str] | None = None,
               since=None, until=None, keep_isolated: bool = False) -> KnowledgeGraph:
        """A new graph with the actors of the given ``types`` and the relations of the given
        ``categories``/``kinds`` (case-insensitive), in the given ``articles`` and published between
        ``since`` and ``until`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``datetime.date``, both ends
        included, undated articles left out), stated at least ``min_count`` times within them."""
        types, categories = check_values(types, ENTITY_TYPES, "type"), check_values(categories, CATEGORIES, "category")
        kinds, min_count = check_values(kinds, EDGE_KINDS, "kind"), whole_number(min_count, "min_count", 1)
        since, until = iso_day(since, "since"), iso_day(until, "until")
        if since and until and parse_date(since)[0] > parse_date(until)[1]:
            raise ValueError(f"since={since!r} is after until={until!r}; swap them")
        if articles is not None:
            articles = [articles] if isinstance(articles, str) else list(articles)
            known = {a.get("id") for a in self.G.graph.get("articles", [])}
            if known and not known & set(articles):
                raise ValueError(f"none of the articles {articles[:3]!r} is in the graph; see .articles for the ids")
        H = filter_graph(self.G, types=types, categories=categories, kinds=kinds, min_count=min_count,
                         articles=articles, since=since, until=until, keep_isolated=keep_isolated)
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

    def iframe(self, height: int = 600, **options) -> str:
        """The interactive graph page inside an ``<iframe>`` (self-contained, works offline); options
        as for :meth:`to_html` (``title``, ``max_nodes``)."""
        return outputs.iframe_html(self.G, height=height, **options)

    def _repr_html_(self) -> str:
        caption = html.escape(repr(self))
        return f"<div><p style='font-family:sans-serif'>{caption}</p>{self.iframe()}</div>"

    def show(self, height: int = 600, **options) -> None:
        """Display the interactive graph inline in Jupyter (options as for :meth:`to_html`)."""
        require("notebook")  # outside Jupyter, use to_html(path)
        from IPython.display import HTML, display

        display(HTML(f"<div>{self.iframe(height, **options)}</div>"))

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

    def to_html(self, path: str | os.PathLike, *, title: str = "graphkit", max_nodes: int | None = None) -> Path:
        """Write the interactive explorer page (one offline HTML file) to ``path``.

        ``title`` heads the page and names its exports; ``max_nodes`` keeps only the top-ranked
        actors and the page names what was left out. See docs/html.md.
        """
        return outputs.write_html(self.G, path, title=title, max_nodes=max_nodes)


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """Load a ``graph.json`` written by graphkit, or the one inside a ``graphkit build`` output folder
    (:class:`graphkit.errors.InputError` if it is not one)."""
    path = Path(path)
    if path.is_dir() and (path / "graph.json").is_file():
        path = path / "graph.json"
    G = outputs.read_json(path)
    return KnowledgeGraph(G, BuildReport(articles=len(G.graph.get("articles", []))))
