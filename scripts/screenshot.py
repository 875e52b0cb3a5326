"""Pictures of the HTML page in headless Chromium, for the README and docs/.

    PYTHONPATH=. python scripts/screenshot.py                     # builds sample_data/ → docs/graph.png
    PYTHONPATH=. python scripts/screenshot.py --graph out/graph.json --out shot.png --select node
    PYTHONPATH=. python scripts/screenshot.py --graph wikinews-out/graph.json --tour docs/wikinews \\
        --title "graphkit — 295 Wikinews articles"

The page is opened from a file:// URL exactly as a user would. A single shot selects the
relation with the most evidence (or the top actor) so the picture shows the evidence panel.
``--tour PREFIX`` writes four pictures of a corpus graph: PREFIX-first.png (the first view),
PREFIX-filter.png (conflict only), PREFIX-selection.png (the most involved person and their
neighbourhood) and PREFIX-time.png (the three busiest months, their most involved person selected).
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
  const g = window.graphkit, edges = g.data.edges.filter(e => g.visibleEdgeIds().includes(e.id));
  edges.sort((a, b) => b.evidence.length - a.evidence.length || b.count - a.count || (a.id < b.id ? -1 : 1));
  if (edges.length) g.selectEdge(edges[0].id);
}"""
PICK_NODE = """() => {
  const g = window.graphkit, top = g.topActors('degree', 1);
  if (top.length) g.selectNode(top[0].id, {focus: false});
}"""
TOP_PERSON = """const topPerson = g => {   // the person most involved in the current view
  const hit = g.topActors('degree', 100).find(a => g.data.nodes.find(n => n.id === a.id).type === 'person');
  return hit ? hit.id : null; };"""
TOUR = {
    "first": "() => {}",
    "filter": "() => window.graphkit.setFilter({categories: ['conflict']})",
    "selection": "() => { " + TOP_PERSON + """ const g = window.graphkit, top = topPerson(g);
      if (top) g.selectNode(top); }""",
    "time": "() => { " + TOP_PERSON + """
      const g = window.graphkit, counts = new Map();
      g.data.edges.forEach(e => e.evidence.forEach(ev => { const a = g.data.articles[ev.article];
        if (a && a.period) { const m = a.period[0].slice(0, 7); counts.set(m, (counts.get(m) || 0) + 1); } }));
      const months = Array.from(counts.keys()).sort();
      let best = 0, at = 0;
      for (let i = 0; i + 2 < months.length; i++) {
        const n = counts.get(months[i]) + counts.get(months[i + 1]) + counts.get(months[i + 2]);
        if (n > best) { best = n; at = i; }
      }
      if (!months.length) return;
      const last = months[Math.min(at + 2, months.length - 1)], [y, m] = last.split('-').map(Number);
      const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      g.setTime(months[at] + '-01', end);
      const top = topPerson(g);
      if (top) g.selectNode(top);
    }""",
}


def load_graph(args):
    sys.path.insert(0, str(ROOT))
    import graphkit
    from graphkit import outputs

    if args.graph:
        return outputs.read_json(args.graph)
    return graphkit.build(str(args.sample)).G


def shoot(page, out: Path, script: str | None, wait: int = 900) -> None:
    if script:
        page.evaluate(script)
    page.wait_for_timeout(wait)   # let the framing animation end and the labels settle
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    print(f"wrote {out}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="a graph.json to render (default: build sample_data/)")
    ap.add_argument("--sample", default=ROOT / "sample_data", type=Path, help="folder of articles to build from")
    ap.add_argument("--out", default=ROOT / "docs" / "graph.png", type=Path)
    ap.add_argument("--tour", type=Path, help="write PREFIX-first/-filter/-selection/-time.png instead of --out")
    ap.add_argument("--title", default="graphkit — sample articles")
    ap.add_argument("--select", choices=("edge", "node", "none"), default="edge")
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--height", type=int, default=900)
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
        scenes = [(Path(f"{args.tour}-{name}.png"), js) for name, js in TOUR.items()] if args.tour else \
            [(args.out, {"edge": PICK_EDGE, "node": PICK_NODE, "none": None}[args.select])]
        for out, script in scenes:
            page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
            shoot(page, out, script)
            page.close()
        browser.close()
    print(f"({G.number_of_nodes()} actors, {G.number_of_edges()} relations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
