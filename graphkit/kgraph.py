"""``KnowledgeGraph``: the graph object returned by ``graphkit.build`` and ``graphkit.load``.

It wraps a ``networkx.MultiDiGraph`` (``.G``) and offers the exports; methods
never mutate the wrapped graph.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from . import export
from .records import Skipped


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts for the closing summary."""

    articles: int = 0
    words: int = 0
    skipped: tuple[Skipped, ...] = ()
    seconds: float = 0.0
    cached: int = 0  # already in the --store: not processed again
    duplicates: int = 0  # same text as another input of this run: processed once
    stored: int = 0  # articles in the --store after the run

    def skipped_by_reason(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.skipped:
            out[s.reason] = out.get(s.reason, 0) + 1
        return dict(sorted(out.items()))


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

    def entity_counts(self) -> dict[str, int]:
        """Number of nodes of each type."""
        out: dict[str, int] = {}
        for _, d in self.G.nodes(data=True):
            out[d.get("type", "other")] = out.get(d.get("type", "other"), 0) + 1
        return dict(sorted(out.items()))

    def to_json(self, path: str | os.PathLike) -> Path:
        return export.write_json(self.G, path)

    def to_graphml(self, path: str | os.PathLike) -> Path:
        return export.write_graphml(self.G, path)

    def to_html(self, path: str | os.PathLike, **options) -> Path:
        from . import render

        return render.write_html(self.G, path, **options)


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """Load a ``graph.json`` written by graphkit."""
    return KnowledgeGraph(export.read_json(path))
