"""Time to first render and to interactive of the HTML page, in headless Chromium.

    PYTHONPATH=. python benchmarks/html_render.py            # 200/500 and 2,000/5,000 nodes/edges
    PYTHONPATH=. python benchmarks/html_render.py --sizes 200:5000 2000:5000 --runs 5

For each size the same synthetic news-like graph is written twice: as graphkit's
page and as a *baseline* page, the plain vis-network page the project shipped
before (same data, vis defaults: physics on, no precomputed layout). Each page is
opened from a file:// URL in a fresh tab; times are milliseconds since navigation
start, median of ``--runs``:

* first render: the first frame vis-network draws;
* interactive: physics has stopped and the page answers clicks (graphkit: the
  ``graphkit:ready`` event; baseline: ``stabilizationIterationsDone``, capped);
* select: graphkit only, selecting an actor (neighbourhood highlight, labels, side panel,
  redraw) and clearing the selection again, median of 5 different actors;
* filter: graphkit only, "conflict only" (re-layout, re-fit, labels, redraw) and back to
  every relation, median of 3;
* time: graphkit only, a date range over the middle third of the dates and back to all
  time (evidence, relations and actors filtered, view re-framed), median of 3.

Ratios (baseline / graphkit) are printed so the figures compare within one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.render_graphs import synthetic_graph  # noqa: E402

from graphkit.outputs import html as render  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SELECT_JS = """() => {
  const g = window.graphkit, ids = g.data.nodes.slice(0, 5).map(n => n.id), times = [];
  for (const id of ids) {
    const t = performance.now();
    g.selectNode(id, {focus: false}); g.network.redraw(); g.deselect(); g.network.redraw();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""
FILTER_JS = """() => {
  const g = window.graphkit, times = [];
  if (!g.resetFilters) return null;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    g.setFilter({categories: ['conflict']}); g.network.redraw(); g.resetFilters(); g.network.redraw();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[1];
}"""
TIME_JS = """() => {
  const g = window.graphkit, times = [];
  if (!g.setTime) return null;
  const days = g.data.articles.filter(a => a.period).map(a => a.period[0]).sort();
  const lo = days[Math.floor(days.length / 3)], hi = days[Math.floor(2 * days.length / 3)];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    g.setTime(lo, hi); g.network.redraw(); g.setTime(null, null); g.network.redraw();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[1];
}"""
BASELINE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style>
<style>html,body,#net{{margin:0;height:100%;width:100%}}</style></head><body><div id="net"></div>
<script>{js}</script><script>
const data = {data};
window.__t = {{}};
const net = new vis.Network(document.getElementById('net'),
  {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}}, {{}});
net.once('afterDrawing', () => {{ window.__t.firstRender = performance.now(); }});
net.once('stabilizationIterationsDone', () => requestAnimationFrame(() => {{
  window.__t.interactive = performance.now(); document.body.setAttribute('data-ready', 'true'); }}));
</script></body></html>"""


def baseline_page(G) -> str:
    js, css = render.vis_assets()
    nodes = [{"id": n, "label": d.get("label", n), "group": d.get("type", "other")} for n, d in G.nodes(data=True)]
    edges = [{"from": s, "to": t, "label": d.get("relation", k), "arrows": "to"}
             for s, t, k, d in G.edges(keys=True, data=True)]
    return BASELINE.format(css=css, js=js, data=render._script_json({"nodes": nodes, "edges": edges}))


def measure(browser, path: Path, timings_js: str, cap_ms: int, select: bool = False) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(path.resolve().as_uri(), wait_until="commit")
        try:
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=cap_ms)
            t = page.evaluate(timings_js)
            if select:
                t["select"] = page.evaluate(SELECT_JS)
                t["filter"] = page.evaluate(FILTER_JS)
                t["time"] = page.evaluate(TIME_JS)
        except Exception:   # noqa: BLE001 - timed out: report the cap
            t = page.evaluate(timings_js) or {}
            t["interactive"] = None
        return t
    finally:
        page.close()


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(ms, missing: str = "   > cap") -> str:
    return missing if ms is None else f"{ms:8.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", default=["200:500", "2000:5000"], help="nodes:edges pairs")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cap", type=int, default=90, help="seconds to wait for the baseline to settle")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for size in args.sizes:
            n, m = (int(x) for x in size.split(":"))
            G = synthetic_graph(n, m)
            started = time.perf_counter()
            ours = render.write_html(G, Path(tmp) / f"ours-{n}.html")
            python_ms = (time.perf_counter() - started) * 1000
            base = Path(tmp) / f"base-{n}.html"
            base.write_text(baseline_page(G), encoding="utf-8")
            res = {"ours": [], "base": []}
            for _ in range(args.runs):
                res["ours"].append(measure(browser, ours, "window.graphkit.timings", 60_000, select=True))
                res["base"].append(measure(browser, base, "window.__t", args.cap * 1000))
            row = {"nodes": n, "edges": m, "python_ms": python_ms, "mb": ours.stat().st_size / 1e6,
                   **{k: median([r.get(k) for r in res["ours"]]) for k in ("select", "filter", "time")}}
            for who in ("ours", "base"):
                for key in ("firstRender", "interactive"):
                    row[f"{who}_{key}"] = median([r.get(key) for r in res[who]])
            rows.append(row)
        browser.close()
    print(f"median of {args.runs} runs, ms since navigation start (baseline capped at {args.cap}s)")
    print(" nodes  edges | write page  size MB | graphkit first interactive | baseline first interactive "
          "| speed-up interactive | select+clear   filter   time")
    for r in rows:
        ratio = (f"{r['base_interactive'] / r['ours_interactive']:.1f}x" if r["base_interactive"]
                 else f">{args.cap * 1000 / r['ours_interactive']:.0f}x")
        print(f"{r['nodes']:6d} {r['edges']:6d} | {r['python_ms']:10.0f} {r['mb']:8.1f} | "
              f"{fmt(r['ours_firstRender'])} {fmt(r['ours_interactive'])}    | "
              f"{fmt(r['base_firstRender'])} {fmt(r['base_interactive'])}    | {ratio:>8}             | "
              f"{fmt(r['select'])} {fmt(r['filter'], '     n/a')} {fmt(r['time'], '     n/a')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
