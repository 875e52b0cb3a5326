"""The interactive HTML explorer: one self-contained, offline file.

The page is ``templates/page.html`` with vis-network (from the pyvis wheel) and
graphkit's own CSS/JS inlined, and the graph embedded as JSON in a
``<script type="application/json">`` element. The page's script builds every
piece of text with ``textContent``, so article text can never become markup.

Positions are computed here (``graphkit.outputs.layout``); up to ``layout_threshold``
nodes the browser polishes them with a short physics run that then stops, above
it physics starts off. ``max_nodes`` keeps the top-ranked actors and the page
says what was left out.
"""

from __future__ import annotations

import html
import json
import os
import re
from importlib import resources
from pathlib import Path

import networkx as nx

from ..fileio import atomic_write
from .flat import LIST_SEP
from .layout import layout

VIS_DIR = "lib/vis-9.1.2"
LAYOUT_THRESHOLD = 300   # above this many nodes physics never starts (positions come from Python)
OMITTED_EXAMPLES = 50    # how many left-out actors the page names
_MARKER = re.compile(r"@@([A-Z_]+)@@")
_EVIDENCE_KEYS = ("article", "sentence", "reported_by", "source_text", "target_text")


def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from inside the installed pyvis package."""
    base = resources.files("pyvis").joinpath("templates", *VIS_DIR.split("/"))
    return (base.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
            base.joinpath("vis-network.css").read_text(encoding="utf-8"))


def _template(name: str) -> str:
    return resources.files("graphkit").joinpath("templates").joinpath(name).read_text(encoding="utf-8")


def theme() -> dict:
    """Colours and shapes for node types and edge categories."""
    return json.loads(_template("theme.json"))


def _script_json(data) -> str:
    """JSON safe to place inside a <script> element (no '<', '>', '&' or line separators)."""
    return (json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def rank_nodes(G: nx.MultiDiGraph) -> list:
    """Nodes best first: total relation count, then mentions, then label."""
    strength = {n: 0 for n in G}
    for s, t, d in G.edges(data=True):
        strength[s] += d.get("count", 1)
        strength[t] += d.get("count", 1)
    return sorted(G, key=lambda n: (-strength[n], -G.nodes[n].get("mentions", 0),
                                    str(G.nodes[n].get("label", n)), str(n)))


def top_nodes(G: nx.MultiDiGraph, max_nodes: int | None) -> tuple[nx.MultiDiGraph, dict | None]:
    """The subgraph of the ``max_nodes`` top-ranked actors and a summary of what was left out."""
    if max_nodes is None or G.number_of_nodes() <= max_nodes:
        return G, None
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    ranked = rank_nodes(G)
    H = G.subgraph(ranked[:max_nodes])
    dropped = ranked[max_nodes:]
    omitted = {"nodes": len(dropped), "edges": G.number_of_edges() - H.number_of_edges(),
               "total_nodes": G.number_of_nodes(), "total_edges": G.number_of_edges(),
               "examples": [str(G.nodes[n].get("label", n)) for n in dropped[:OMITTED_EXAMPLES]]}
    return H, omitted


def _as_list(value) -> list[str]:
    """A list attribute, also when it arrives joined with ``|`` (a graph read back from GraphML)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in value.split(LIST_SEP) if v]
    return [str(v) for v in value]


def _as_evidence(value) -> list[dict]:
    if isinstance(value, str):
        value = _as_list(value)
    return [{k: e[k] for k in _EVIDENCE_KEYS if e.get(k) is not None} if isinstance(e, dict)
            else {"sentence": str(e)} for e in value or []]


def _node_record(G: nx.MultiDiGraph, n, pos: dict) -> dict:
    d = G.nodes[n]
    rec = {"id": str(n), "label": str(d.get("label", n)), "type": d.get("type", "other"),
           "aliases": _as_list(d.get("aliases")), "mentions": int(d.get("mentions", 0) or 0),
           "articles": _as_list(d.get("articles")), "degree": G.degree(n)}
    rec["x"], rec["y"] = pos[n]
    return rec


def _edge_record(i: int, s, t, k, d: dict) -> dict:
    evidence = _as_evidence(d.get("evidence"))
    return {"id": f"e{i}", "from": str(s), "to": str(t), "relation": str(d.get("relation", k)),
            "predicate": d.get("predicate"), "kind": d.get("kind"), "category": d.get("category", "neutral"),
            "polarity": d.get("polarity", 0), "count": int(d.get("count", 1) or 1), "evidence": evidence}


def page_data(G: nx.MultiDiGraph, *, title: str = "graphkit", max_nodes: int | None = None,
              layout_threshold: int = LAYOUT_THRESHOLD) -> dict:
    """Everything the page's script needs, as plain JSON-able data."""
    H, omitted = top_nodes(G, max_nodes)
    pos = layout(H)   # starting positions; the browser polishes small graphs with physics
    nodes = [_node_record(H, n, pos) for n in sorted(H, key=str)]
    edges = [_edge_record(i, s, t, k, d) for i, (s, t, k, d) in enumerate(
        sorted(H.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))))]
    cited = {e.get("article") for rec in edges for e in rec["evidence"]} | {a for n in nodes for a in n["articles"]}
    articles = {str(a["id"]): {k: a.get(k) for k in ("title", "url", "date")}
                for a in G.graph.get("articles", []) if str(a.get("id")) in cited}
    return {"title": title, "nodes": nodes, "edges": edges, "articles": articles, "omitted": omitted,
            "layout": "python" if H.number_of_nodes() > layout_threshold else "physics", "theme": theme(),
            "total_articles": len(G.graph.get("articles", []))}


def to_html(G: nx.MultiDiGraph, *, title: str = "graphkit", max_nodes: int | None = None,
            layout_threshold: int = LAYOUT_THRESHOLD) -> str:
    """The explorer page as one self-contained HTML string."""
    vis_js, vis_css = vis_assets()
    data = page_data(G, title=title, max_nodes=max_nodes, layout_threshold=layout_threshold)
    parts = {"TITLE": html.escape(title), "VIS_CSS": vis_css, "CSS": _template("explorer.css"),
             "VIS_JS": vis_js, "JS": _template("explorer.js"), "DATA": _script_json(data)}
    return _MARKER.sub(lambda m: parts[m.group(1)], _template("page.html"))


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, **options) -> Path:
    """Write the page to ``path`` (options: ``title``, ``max_nodes``, ``layout_threshold``)."""
    return atomic_write(Path(path), to_html(G, **options))


def iframe_html(G: nx.MultiDiGraph, *, height: int = 600, **options) -> str:
    """The page inside ``<iframe srcdoc=…>``, for notebooks (JupyterLab, VS Code, Colab).

    The iframe is sandboxed: scripts run, but cannot reach the notebook page.
    """
    page = to_html(G, **options)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" title="{html.escape(options.get("title", "graphkit"))}"'
            f' style="width:100%;height:{int(height)}px;border:1px solid #e2e8f0;border-radius:6px"'
            ' sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>')

