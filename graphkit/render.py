"""The interactive HTML page: one self-contained file, vis-network inlined.

Baseline page (issue "HTML explorer" replaces it with the full explorer).
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import networkx as nx

from .export import atomic_write

VIS_DIR = "lib/vis-9.1.2"


def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from inside the installed pyvis package."""
    base = resources.files("pyvis").joinpath("templates").joinpath("lib").joinpath("vis-9.1.2")
    return (base.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
            base.joinpath("vis-network.css").read_text(encoding="utf-8"))


def _script_json(data) -> str:
    """JSON safe to place inside a <script> element."""
    return (json.dumps(data, ensure_ascii=True, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def to_html(G: nx.MultiDiGraph, *, title: str = "graphkit") -> str:
    """The page as a string."""
    js, css = vis_assets()
    nodes = [{"id": n, "label": d.get("label", n), "group": d.get("type", "other")} for n, d in G.nodes(data=True)]
    edges = [{"from": s, "to": t, "label": d.get("relation", k), "arrows": "to"}
             for s, t, k, d in G.edges(keys=True, data=True)]
    from html import escape

    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>{css}</style><style>html,body,#net{{margin:0;height:100%;width:100%}}</style></head>
<body><div id="net"></div><script>{js}</script><script>
const data = {_script_json({"nodes": nodes, "edges": edges})};
new vis.Network(document.getElementById('net'), {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}}, {{}});
</script></body></html>"""


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, **options) -> Path:
    """Write the page to ``path``."""
    return atomic_write(Path(path), to_html(G, **options))
