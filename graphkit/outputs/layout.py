"""Fast deterministic 2-D layout, and the sizes and colours graphkit draws with.

A vectorised Fruchterman–Reingold (numpy only; all-pairs repulsion in arrays,
attraction over the edge list) runs on each connected component, which is then
turned so its longest spread lies horizontally; the largest component goes in the
middle and the others fill shelves around it (tallest first), so a corpus with
hundreds of small components and pairs stays compact: a pair takes a thin slot,
not a disc. 2,000 nodes and 5,000 edges take under a second on one core; memory
and time stay linear above 2,000 nodes.

:func:`visuals` gives the exporters (GraphML, GEXF) the same picture: positions,
node sizes and the theme's type and category colours.
"""

from __future__ import annotations

import json
import math
from importlib import resources

import networkx as nx
import numpy as np

SPACING = 110.0  # about this many pixels of room per node, in vis-network coordinates
DENSITY = 0.5    # a component's RMS radius is DENSITY × SPACING × √(n - 1)
GRAVITY = 0.1    # pull towards the centre: leaves and loose ends do not fly out of the disc
REPULSION_SAMPLE = 2000


def _force_directed(n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, *,
                    iterations: int, seed: int) -> np.ndarray:
    """Fruchterman–Reingold positions in the unit square for one connected component, with a
    weak gravity towards the centre (as in ForceAtlas2) so the component stays a compact disc.

    Repulsion is exact up to ``REPULSION_SAMPLE`` nodes; above, each step repels
    from a fresh random sample (scaled up), keeping memory and time linear in n.
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    k2 = np.float32(1.0 / n)
    k = math.sqrt(k2)
    temp, cooling = 0.1, 0.1 / (iterations + 1)
    for _ in range(iterations):
        other = pos if n <= REPULSION_SAMPLE else pos[rng.choice(n, REPULSION_SAMPLE, replace=False)]
        # Element-wise numpy only (no BLAS): multi-threaded BLAS crawls on a busy machine.
        dx = np.subtract.outer(pos[:, 0], other[:, 0])
        dy = np.subtract.outer(pos[:, 1], other[:, 1])
        rep = dx * dx
        rep += dy * dy
        np.maximum(rep, 1e-4, out=rep)
        np.divide(k2 * (n / len(other)), rep, out=rep)           # repulsion k²/d² along (dx, dy); self: dx = 0
        disp = np.stack([np.einsum("ij,ij->i", rep, dx), np.einsum("ij,ij->i", rep, dy)], axis=1)
        delta = pos[src] - pos[dst]
        pull = delta * (weight * np.sqrt((delta * delta).sum(1)) / k)[:, None]   # attraction d²/k
        for axis in (0, 1):
            disp[:, axis] += np.bincount(dst, pull[:, axis], n) - np.bincount(src, pull[:, axis], n)
        disp -= (GRAVITY * n * k) * (pos - pos.mean(0))
        length = np.sqrt((disp * disp).sum(1)).clip(1e-2)
        pos += (disp * (temp / length)[:, None]).astype(np.float32)
        temp -= cooling
    return pos


def _component_layout(G: nx.Graph, nodes: list, *, iterations: int, seed: int) -> np.ndarray:
    """Positions for one component, in pixels, centred on the origin."""
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[u], index[v], d.get("weight", 1.0)) for u, v, d in G.subgraph(nodes).edges(data=True)]
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    weight = np.array([1.0 + math.log(e[2]) for e in edges], dtype=np.float32)
    pos = _force_directed(n, src, dst, weight, iterations=iterations, seed=seed).astype(np.float64)
    pos -= pos.mean(0)
    # The same density for every component (a pair: one SPACING apart, a little tighter).
    radius = float(np.sqrt((pos ** 2).sum(1).mean()))
    return pos * (SPACING * DENSITY * math.sqrt(n - 1) * _tightness(n) / max(radius, 1e-9))


def _tightness(n: int) -> float:
    """Small components (no inner structure to show) are drawn tighter: 0.8 for a pair, 1 from 20."""
    return 0.8 + 0.2 * min(1.0, (n - 2) / 18)


def flatten(pos: np.ndarray) -> np.ndarray:
    """``pos`` (centred) turned so that its widest spread lies along x (the principal axis)."""
    if len(pos) < 2:
        return pos
    cov = np.cov(pos.T)
    angle = 0.5 * math.atan2(2 * cov[0, 1], cov[0, 0] - cov[1, 1])
    c, s = math.cos(-angle), math.sin(-angle)
    return pos @ np.array([[c, s], [-s, c]])


def _shelves(boxes: list[tuple[float, float]], order: list[int], width: float,
             gaps: tuple[float, float]) -> tuple[list[tuple[float, float]], float]:
    """Centres of the boxes in shelves ``width`` wide: beside the first box (in the middle), then
    alternately above and below it; and the height used."""
    (w0, h0), (gx, gy) = boxes[0], gaps
    out = {0: (0.0, 0.0)}
    k, top, bottom, band = 0, -h0 / 2, h0 / 2, -h0 / 2
    segments = [(-width / 2, -w0 / 2 - gx), (w0 / 2 + gx, width / 2)]   # left and right of the middle box
    while k < len(order):
        shelf = boxes[order[k]][1]
        if band + shelf <= h0 / 2 + 1e-9:   # a shelf beside the middle box
            y, lanes, band = band, segments, band + shelf + gy
        elif -top <= bottom:
            y, lanes, top = top - gy - shelf, [(-width / 2, width / 2)], top - gy - shelf
        else:
            y, lanes, bottom = bottom + gy, [(-width / 2, width / 2)], bottom + gy + shelf
        for x, end in lanes:
            while k < len(order) and x + boxes[order[k]][0] <= end + 1e-9:
                out[order[k]] = (x + boxes[order[k]][0] / 2, y + shelf / 2)
                x, k = x + boxes[order[k]][0] + gx, k + 1
    return [out[i] for i in range(len(boxes))], bottom - top


def pack_around(boxes: list[tuple[float, float]], gaps: tuple[float, float],
                aspect: float = 1.0) -> list[tuple[float, float]]:
    """Centres for ``(width, height)`` boxes: the first in the middle, the others (tallest first)
    in shelves beside it, then above and below it, in the narrowest width whose result is no
    taller than ``aspect`` (width / height) allows."""
    if not boxes:
        return []
    order = sorted(range(1, len(boxes)), key=lambda i: (-boxes[i][1], -boxes[i][0], i))
    gx, gy = gaps
    area = sum((w + gx) * (h + gy) for w, h in boxes)
    width = max([math.sqrt(area * aspect), boxes[0][0]] + [boxes[i][0] for i in order])
    while True:
        centres, height = _shelves(boxes, order, width, gaps)
        if height * aspect <= width * 1.0001:
            return centres
        width *= 1.03


def layout(G: nx.Graph, *, iterations: int = 60, seed: int = 7, aspect: float = 1.0) -> dict[str, tuple[float, float]]:
    """Integer pixel positions ``{node: (x, y)}`` for every node of ``G`` (any graph type), packed
    in a rectangle of about the given width/height ``aspect``."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes()))
    for u, v, d in G.edges(data=True):
        if u != v:
            w = d.get("count", 1) + (U[u][v]["weight"] if U.has_edge(u, v) else 0)
            U.add_edge(u, v, weight=w)
    comps = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))
    if not comps:
        return {}
    placed = [flatten(_component_layout(U, c, iterations=iterations, seed=seed)) for c in comps]
    margin = SPACING / 5
    boxes = [(2 * float(np.abs(p[:, 0]).max()) + 2 * margin, 2 * float(np.abs(p[:, 1]).max()) + 2 * margin) for p in placed]
    centres = pack_around(boxes, (2 * margin, margin), aspect)
    return {node: (round(float(x + cx)), round(float(y + cy)))
            for comp, pos, (cx, cy) in zip(comps, placed, centres) for node, (x, y) in zip(comp, pos)}


# --- sizes and colours -----------------------------------------------------------------------

def theme() -> dict:
    """Colours and shapes for node types and edge categories (``templates/theme.json``)."""
    return json.loads(resources.files("graphkit").joinpath("templates", "theme.json").read_text(encoding="utf-8"))


def node_size(mentions: int, lowest: int, highest: int) -> float:
    """The drawn radius for an actor: 9 to 38 px, area growing with its mentions (as on the page)."""
    lo, hi, v = (math.sqrt(max(1, m)) for m in (lowest, highest, mentions))
    return 23.5 if hi == lo else 9 + 29 * (v - lo) / (hi - lo)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """``#2563eb`` → ``(37, 99, 235)``."""
    value = int(hex_colour.lstrip("#"), 16)
    return value >> 16, (value >> 8) & 255, value & 255


def visuals(G: nx.Graph) -> dict:
    """Node ``x``, ``y`` (y upwards, as Gephi draws), ``size`` and ``color`` (hex), from the node's
    ``viz`` when it has one (a graph read back from GEXF/GraphML), else from :func:`layout`."""
    th = theme()
    mentions = [int(d.get("mentions", 1) or 1) for _, d in G.nodes(data=True)]
    lo, hi = (min(mentions), max(mentions)) if mentions else (1, 1)
    pos = None
    out = {}
    for n, d in G.nodes(data=True):
        viz = d.get("viz") if isinstance(d.get("viz"), dict) else {}
        if "position" in viz:
            x, y = float(viz["position"]["x"]), float(viz["position"]["y"])
        else:
            pos = pos or layout(G)
            x, y = float(pos[n][0]), -float(pos[n][1])
        colour = viz.get("color")
        colour = ("#%02x%02x%02x" % (colour["r"], colour["g"], colour["b"]) if colour
                  else th["types"].get(d.get("type"), th["types"]["other"])["color"])
        size = float(viz.get("size", node_size(int(d.get("mentions", 1) or 1), lo, hi)))
        out[n] = {"x": x, "y": y, "size": round(size, 2), "color": colour}
    return out


def edge_colour(d: dict) -> str:
    """The theme colour of an edge's category."""
    cats = theme()["categories"]
    return cats.get(d.get("category"), cats["neutral"])["color"]
