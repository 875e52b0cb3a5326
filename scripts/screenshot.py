"""Render the sample graph's HTML page to a PNG in headless Chromium (for the README).

    PYTHONPATH=. python scripts/screenshot.py                     # builds sample_data/ → docs/graph.png
    PYTHONPATH=. python scripts/screenshot.py --graph out/graph.json --out shot.png --select node

The page is opened from a file:// URL exactly as a user would; after layout the
script selects the relation with the most evidence (or the top actor) so the
picture shows the evidence panel.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PICK_EDGE = """() => {
  const g = window.graphkit, edges = g.data.edges.slice();
  edges.sort((a, b) => b.evidence.length - a.evidence.length || b.count - a.count || (a.id < b.id ? -1 : 1));
  if (edges.length) g.selectEdge(edges[0].id, {focus: false});
}"""
PICK_NODE = """() => {
  const g = window.graphkit, nodes = g.data.nodes.slice();
  nodes.sort((a, b) => b.degree - a.degree || b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
  if (nodes.length) g.selectNode(nodes[0].id, {focus: false});
}"""


def load_graph(args):
    sys.path.insert(0, str(ROOT))
    import graphkit
    from graphkit import outputs

    if args.graph:
        return outputs.read_json(args.graph)
    return graphkit.build(str(args.sample)).G


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="a graph.json to render (default: build sample_data/)")
    ap.add_argument("--sample", default=ROOT / "sample_data", type=Path, help="folder of articles to build from")
    ap.add_argument("--out", default=ROOT / "docs" / "graph.png", type=Path)
    ap.add_argument("--title", default="graphkit — sample articles")
    ap.add_argument("--select", choices=("edge", "node", "none"), default="edge")
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--height", type=int, default=880)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"error: {CHROMIUM} not found; install the Debian package 'chromium'", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    from graphkit import outputs

    G = load_graph(args)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        page_path = outputs.write_html(G, Path(tmp) / "graph.html", title=args.title)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
        if args.select != "none":
            page.evaluate(PICK_EDGE if args.select == "edge" else PICK_NODE)
        page.wait_for_timeout(700)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    print(f"wrote {args.out} ({G.number_of_nodes()} actors, {G.number_of_edges()} relations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
