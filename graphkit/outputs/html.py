"""The interactive HTML explorer: one self-contained, offline file.

The page is ``templates/page.html`` with vis-network (from the pyvis wheel) and
graphkit's own CSS/JS inlined, and the graph embedded as JSON in a
``<script type="application/json">`` element. The page's script builds every
piece of text with ``textContent``, so article text can never become markup.

Positions are computed here (``graphkit.outputs.layout``); up to ``layout_threshold``
nodes the browser polishes them with a short physics run that then stops, above
it physics starts off and role edges ("X, chief executive of Y") start hidden,
so the first view shows who acts on whom; the layout is that of the first view.
Communities (Louvain, seeded) colour and filter the page. ``max_nodes`` keeps
the top-ranked actors and the page says what was left out. Articles are
embedded once and referred to by index, so the page carries each title and URL
a single time.
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
from ..graph import parse_date
from ..records import EDGE_KINDS
from .flat import LIST_SEP
from .layout import layout
from .layout import theme as theme

VIS_DIR = "lib/vis-9.1.2"
LAYOUT_THRESHOLD = 300   # above this many nodes physics never starts (positions come from Python)
OMITTED_EXAMPLES = 50    # how many left-out actors the page names
NAMED_COMMUNITIES = 12   # communities listed (and coloured) by name in the page
SCRIPTS = ("explorer.js", "labels.js", "relayout.js", "panel.js", "timeline.js", "snapshot.js", "start.js")
_MARKER = re.compile(r"@@([A-Z_]+)@@")
_EVIDENCE_KEYS = ("sentence", "reported_by", "source_text", "target_text", "modality")


def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from inside the installed pyvis package."""
    base = resources.files("pyvis").joinpath("templates", *VIS_DIR.split("/"))
    return (base.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
            base.joinpath("vis-network.css").read_text(encoding="utf-8"))


def _template(name: str) -> str:
    return resources.files("graphkit").joinpath("templates").joinpath(name).read_text(encoding="utf-8")


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


def _as_evidence(value, index: dict[str, int]) -> list[dict]:
    if isinstance(value, str):
        value = _as_list(value)
    out = []
    for e in value or []:
        e = e if isinstance(e, dict) else {"sentence": str(e)}
        rec = {k: e[k] for k in _EVIDENCE_KEYS if e.get(k) is not None}
        if e.get("article") is not None:
            rec["article"] = index[str(e["article"])]
        if e.get("start") is not None:
            rec["start"] = int(e["start"])
        out.append(rec)
    return out


def _article_table(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> list[dict]:
    """Every article a shown node or evidence sentence refers to, sorted by id, with its period."""
    cited = {str(a) for n in H for a in _as_list(H.nodes[n].get("articles"))}
    cited |= {str(e["article"]) for *_, d in H.edges(data=True) for e in d.get("evidence") or []
              if isinstance(e, dict) and e.get("article") is not None}
    meta = {str(a.get("id")): a for a in G.graph.get("articles", [])}
    table = []
    for aid in sorted(cited):
        a = meta.get(aid, {})
        period = parse_date(str(a.get("date") or ""))
        table.append({"id": aid, "title": a.get("title") or aid, "url": a.get("url") or None,
                      "date": a.get("date") or None, "period": list(period) if period else None})
    return table


def communities(H: nx.MultiDiGraph) -> list[list]:
    """Louvain communities of the undirected, count-weighted graph (seeded: the same every time),
    largest first."""
    U = nx.Graph()
    U.add_nodes_from(sorted(H, key=str))
    for s, t, d in H.edges(data=True):
        if s != t:
            U.add_edge(s, t, weight=(U[s][t]["weight"] if U.has_edge(s, t) else 0) + int(d.get("count", 1) or 1))
    found = nx.community.louvain_communities(U, weight="weight", seed=7) if U.number_of_edges() else \
        [{n} for n in U]
    return sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))


def _named(groups: list[list], H: nx.MultiDiGraph) -> list[dict]:
    strength = {n: i for i, n in enumerate(rank_nodes(H))}
    named = []
    for i, members in enumerate(groups[:NAMED_COMMUNITIES]):
        if len(members) < 3:
            break
        top = sorted(members, key=strength.get)[:2]
        named.append({"id": i, "size": len(members), "label": ", ".join(str(H.nodes[n].get("label", n)) for n in top)})
    return named


def default_kinds(H: nx.MultiDiGraph, big: bool) -> list[str]:
    """The relation kinds the page shows at first: in a large graph roles wait behind a tick box."""
    present = {d.get("kind") for *_, d in H.edges(data=True)}
    shown = [k for k in EDGE_KINDS if k != "role"] if big else list(EDGE_KINDS)
    return shown if present & set(shown) else list(EDGE_KINDS)


def _first_view(H: nx.MultiDiGraph, kinds: list[str]) -> nx.MultiDiGraph:
    """The part of ``H`` the page shows before any filter (its layout is the page's home layout)."""
    if set(kinds) >= {d.get("kind") for *_, d in H.edges(data=True)}:
        return H
    keep = [(s, t, k) for s, t, k, d in H.edges(keys=True, data=True) if d.get("kind") in kinds]
    F = H.edge_subgraph(keep).copy()
    F.add_nodes_from(n for n in H if H.degree(n) == 0)   # actors kept without relations stay placed
    return F


def _node_record(H: nx.MultiDiGraph, n, pos: dict, index: dict[str, int], group: dict) -> dict:
    d = H.nodes[n]
    label = str(d.get("label", n))
    rec = {"id": str(n), "label": label, "type": d.get("type", "other"),
           "aliases": [a for a in _as_list(d.get("aliases")) if a != label],
           "mentions": int(d.get("mentions", 0) or 0), "articles": [index[str(a)] for a in _as_list(d.get("articles"))],
           "degree": H.degree(n), "community": group[n]}
    if n in pos:
        rec["x"], rec["y"] = pos[n]
    return rec


def _edge_record(i: int, s, t, k, d: dict, index: dict[str, int]) -> dict:
    return {"id": f"e{i}", "from": str(s), "to": str(t), "relation": str(d.get("relation", k)),
            "predicate": d.get("predicate"), "kind": d.get("kind"), "category": d.get("category", "neutral"),
            "polarity": d.get("polarity", 0), "count": int(d.get("count", 1) or 1),
            "evidence": _as_evidence(d.get("evidence"), index)}


def page_data(G: nx.MultiDiGraph, *, title: str = "graphkit", max_nodes: int | None = None,
              layout_threshold: int = LAYOUT_THRESHOLD) -> dict:
    """Everything the page's script needs, as plain JSON-able data."""
    H, omitted = top_nodes(G, max_nodes)
    big = H.number_of_nodes() > layout_threshold
    kinds = default_kinds(H, big)
    pos = layout(_first_view(H, kinds))   # the browser polishes small graphs with physics
    articles = _article_table(G, H)
    index = {a["id"]: i for i, a in enumerate(articles)}
    groups = communities(H)
    group = {n: i for i, members in enumerate(groups) for n in members}
    nodes = [_node_record(H, n, pos, index, group) for n in sorted(H, key=str)]
    edges = [_edge_record(i, s, t, k, d, index) for i, (s, t, k, d) in enumerate(
        sorted(H.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))))]
    for a in articles:
        del a["id"]
    return {"title": title, "nodes": nodes, "edges": edges, "articles": articles, "omitted": omitted,
            "layout": "python" if big else "physics", "theme": theme(), "default_kinds": kinds,
            "communities": _named(groups, H), "total_articles": len(G.graph.get("articles", []))}


def to_html(G: nx.MultiDiGraph, *, title: str = "graphkit", max_nodes: int | None = None,
            layout_threshold: int = LAYOUT_THRESHOLD) -> str:
    """The explorer page as one self-contained HTML string."""
    vis_js, vis_css = vis_assets()
    data = page_data(G, title=title, max_nodes=max_nodes, layout_threshold=layout_threshold)
    script = "(function () {\n'use strict';\n" + "\n".join(map(_template, SCRIPTS)) + "\n})();"
    parts = {"TITLE": html.escape(title), "VIS_CSS": vis_css, "CSS": _template("explorer.css"),
             "VIS_JS": vis_js, "JS": script, "DATA": _script_json(data)}
    return _MARKER.sub(lambda m: parts[m.group(1)], _template("page.html"))


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, **options) -> Path:
    """Write the page to ``path`` (options: ``title``, ``max_nodes``, ``layout_threshold``)."""
    return atomic_write(Path(path), to_html(G, **options))


def _attr(text: str) -> str:
    """Text for a single-quoted HTML attribute: only ``&`` and ``'`` need escaping, so the page's
    JSON keeps its double quotes (a third smaller than ``html.escape``)."""
    return text.replace("&", "&amp;").replace("'", "&#39;")


def iframe_html(G: nx.MultiDiGraph, *, height: int = 600, **options) -> str:
    """The page inside ``<iframe srcdoc=…>``, for notebooks (JupyterLab, VS Code, Colab).

    The iframe is sandboxed: scripts run (and may save the image exports), but cannot reach the
    notebook page. It embeds only the graph it shows: a derived graph (``ego``, ``filter``) carries
    its own actors, relations and articles.
    """
    page = to_html(G, **options)
    return (f"<iframe srcdoc='{_attr(page)}' title='{_attr(options.get('title', 'graphkit'))}'"
            f" style='width:100%;height:{int(height)}px;border:1px solid #e2e8f0;border-radius:6px'"
            " sandbox='allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads'></iframe>")
