"""The explorer at corpus scale, in headless Chromium at 1440×900: a generated 1,200-actor /
1,200-relation graph (and the small sample) — readable first view, filters that re-frame, time,
export, URL state, pointer and tooltip, evidence panel, notebook sizes."""

from __future__ import annotations

import math
import re
import struct
from xml.etree import ElementTree

import pytest
from support.render_graphs import corpus_graph, sample_graph

from graphkit.outputs import html as render

pytestmark = pytest.mark.browser
G = "window.graphkit"
VIEWPORT = (1440, 900)


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "graph.html"
    return render.write_html(corpus_graph(1200, 1200), path, title="Generated corpus")


@pytest.fixture
def corpus(open_page, corpus_page):
    def _open(hash: str = ""):
        return open_page(None, path=corpus_page, viewport=VIEWPORT, hash=hash)
    return _open


def scale(o) -> float:
    return o.js(f"{G}.network.getScale()")


def drawn_label_px(o) -> dict[str, float]:
    """On-screen size of every actor label vis draws now: the network's scale × the label's font size."""
    return o.js(f"""(() => {{ const g = {G}, s = g.network.getScale(), t = g.network.body.nodes;
      const th = g.network.body.nodes[g.data.nodes[0].id].options.scaling.label.drawThreshold, out = {{}};
      g.visibleNodeIds().forEach(id => {{ const px = t[id].options.font.size * s;
        if (px >= th) out[id] = px; }}); return out; }})()""")


def on_screen(o, ids, margin=0) -> list[str]:
    """The ids whose centre is NOT inside the network canvas."""
    box = o.page.locator("#gk-network").bounding_box()
    out = []
    for i in ids:
        p = o.js(f"{G}.domPosition({i!r})")
        if not (margin <= p["x"] <= box["width"] - margin and margin <= p["y"] <= box["height"] - margin):
            out.append(i)
    return out


def clean(o) -> None:
    assert o.requests == [o.url], "the page made a network request"
    assert o.errors == [] and [c for c in o.console if c[0] == "error"] == []


def click_only(o, kind: str, key: str) -> None:
    row = o.page.locator(f".gk-legend label[data-kind={kind}][data-key={key}]")
    row.hover()
    row.locator(".gk-only").click()


def set_range(o, lo: int, hi: int) -> None:
    o.js("""([lo, hi]) => { for (const [id, v] of [['gk-from', lo], ['gk-to', hi]]) {
      const r = document.getElementById(id); r.value = String(v); r.dispatchEvent(new Event('input')); }
      document.getElementById('gk-to').dispatchEvent(new Event('change')); }""", [lo, hi])


def test_first_view_labels_top_actors_at_a_readable_size(corpus):
    o = corpus()
    px = drawn_label_px(o)
    assert sum(1 for v in px.values() if v >= 10) >= 20
    assert scale(o) > 0.09   # the old first view fitted 1,148 actors at zoom 0.076
    top = o.js(f"{G}.topActors('degree', 5).map(a => a.id)")
    assert top[0] in px and sum(1 for t in top if t in px) >= 3   # the most connected actors are labelled
    boxes = [lab["box"] for lab in o.js(f"{G}.drawnLabels()")]
    assert len(boxes) == len(px)
    for i, a in enumerate(boxes):   # no label covers another
        assert not any(a["x0"] < b["x1"] and a["x1"] > b["x0"] and a["y0"] < b["y1"] and a["y1"] > b["y0"]
                       for b in boxes[i + 1:])
    assert o.page.inner_text("#gk-stats").startswith(f"{len(o.js(G + '.visibleNodeIds()'))} of 1,200 actors")
    clean(o)


def test_roles_start_hidden_and_the_kind_filter_shows_them(corpus):
    o = corpus()
    kinds = {e["kind"] for e in o.js(f"{G}.visibleEdgeIds().map(id => {G}.data.edges.find(e => e.id === id))")}
    assert kinds == {"action", "statement"} and o.page.is_visible("#gk-kind-note")
    assert not o.page.is_checked(".gk-legend input[data-kind=kind][data-key=role]")
    o.page.click(".gk-legend label[data-kind=kind][data-key=role]")
    roles = o.js(f"{G}.data.edges.filter(e => e.kind === 'role').map(e => e.id)")
    assert set(roles) <= set(o.js(f"{G}.visibleEdgeIds()"))
    assert on_screen(o, o.js(f"{G}.visibleNodeIds()")) == []   # re-laid out and re-fitted: all in view
    click_only(o, "kind", "role")
    assert set(o.js(f"{G}.visibleEdgeIds()")) == set(roles)
    clean(o)


def test_conflict_only_reframes_at_three_times_the_zoom(corpus):
    o = corpus()
    before = scale(o)
    click_only(o, "category", "conflict")
    after = scale(o)
    assert after >= 3 * before, (before, after)
    edges = o.js(f"{G}.visibleEdgeIds().map(id => {G}.data.edges.find(e => e.id === id).category)")
    assert edges and set(edges) == {"conflict"}
    assert on_screen(o, o.js(f"{G}.visibleNodeIds()")) == []
    assert sum(1 for v in drawn_label_px(o).values() if v >= 10) >= 20
    o.page.click("#gk-reset")   # back to the first view: the Python layout again
    assert scale(o) == pytest.approx(before, rel=1e-6)


def test_selecting_an_actor_frames_its_whole_neighbourhood(corpus):
    o = corpus()
    hub = o.js(f"{G}.topActors('degree', 1)[0].id")
    label = o.js(f"{G}.data.nodes.find(n => n.id === {hub!r}).label")
    o.page.click("#gk-search")
    o.page.keyboard.type(label)
    o.page.keyboard.press("Enter")
    o.page.wait_for_timeout(800)
    hood = o.js(f"""(() => {{ const g = {G}, vis = new Set(g.visibleEdgeIds()), out = new Set();
      g.data.edges.forEach(e => {{ if (vis.has(e.id) && (e.from === {hub!r} || e.to === {hub!r})) {{ out.add(e.from); out.add(e.to); }} }});
      return Array.from(out); }})()""")
    assert len(hood) > 5 and on_screen(o, hood, margin=4) == []
    assert o.js(f"{G}.selection()") == {"kind": "node", "id": hub}
    labelled = drawn_label_px(o)
    assert hub in labelled and sum(1 for n in hood if n in labelled) >= min(len(hood), 8)


def test_the_node_wins_over_an_edge_under_the_pointer(corpus):
    o = corpus()
    hub = o.js(f"{G}.topActors('degree', 1)[0].id")
    o.js(f"{G}.selectNode({hub!r}, {{animate: false}})")
    o.js(f"{G}.deselect()")
    point = o.js(f"""(() => {{ const g = {G}, net = g.network, n = net.body.nodes[{hub!r}], vis = new Set(g.visibleEdgeIds());
      const e = g.data.edges.find(e => vis.has(e.id) && (e.from === {hub!r} || e.to === {hub!r}));
      const other = net.body.nodes[e.from === {hub!r} ? e.to : e.from], c = net.canvasToDOM({{x: n.x, y: n.y}});
      const d = net.canvasToDOM({{x: other.x, y: other.y}}), len = Math.hypot(d.x - c.x, d.y - c.y);
      const r = n.options.size * net.getScale() + 4;   // just outside the actor, on one of its arrows
      return {{x: c.x + (d.x - c.x) / len * r, y: c.y + (d.y - c.y) / len * r}}; }})()""")
    assert o.js(f"{G}.hitTest(arguments[0])".replace("arguments[0]", str(point).replace("'", '"'))) == \
        {"kind": "node", "id": hub}
    o.click_at(point)
    assert o.js(f"{G}.selection()") == {"kind": "node", "id": hub}


def test_tooltips_name_what_is_under_the_pointer_avoid_the_selection_and_vanish(open_page):
    o = open_page(sample_graph(), viewport=VIEWPORT)
    o.js(f"{G}.selectNode('acme-corp', {{focus: false}})")
    edge = o.js(f"{G}.data.edges.find(e => e.relation === 'partnered with').id")
    point = o.js(f"{G}.edgeDomPosition({edge!r})")
    o.move_to(point)
    o.page.wait_for_timeout(250)
    tip = o.page.locator("#gk-tip")
    assert tip.is_visible() and tip.inner_text().startswith("Zed Union → partnered with → Acme Corp")
    t = tip.bounding_box()
    node = o.js(f"{G}.domPosition('acme-corp')")
    canvas = o.page.locator("#gk-network").bounding_box()
    size = o.js(f"{G}.network.body.nodes['acme-corp'].options.size * {G}.network.getScale()")
    nx0, ny0 = canvas["x"] + node["x"], canvas["y"] + node["y"]
    assert not (t["x"] < nx0 + size and t["x"] + t["width"] > nx0 - size and
                t["y"] < ny0 + size + 20 and t["y"] + t["height"] > ny0 - size)   # never over the selection
    o.click_at(point)
    assert o.js(f"{G}.selection()") == {"kind": "edge", "id": edge}   # the edge it named
    o.move_to(point)
    o.page.wait_for_timeout(250)
    o.js(f"{G}.setFilter({{categories: ['conflict']}})")
    assert not tip.is_visible()   # gone with its edge
    o.move_to(o.js(f"{G}.domPosition('geneva')"))
    o.page.wait_for_timeout(250)
    assert not tip.is_visible() or "Geneva" in tip.inner_text()


def test_date_range_narrows_relations_actors_and_evidence(corpus):
    o = corpus()
    edges_before, nodes_before = len(o.js(f"{G}.visibleEdgeIds()")), len(o.js(f"{G}.visibleNodeIds()"))
    n_bins = int(o.page.get_attribute("#gk-to", "max")) + 1
    assert n_bins >= 20   # two years by month
    set_range(o, 6, 11)
    st = o.js(f"{G}.state()")
    assert st["from"] and st["to"] and st["from"] < st["to"]
    visible = o.js(f"{G}.visibleEdgeIds()")
    assert 0 < len(visible) < edges_before / 2 and len(o.js(f"{G}.visibleNodeIds()")) < nodes_before
    dates = o.js(f"""(() => {{ const g = {G}, out = [];
      g.visibleEdgeIds().forEach(id => {{ const e = g.data.edges.find(x => x.id === id);
        e.evidence.forEach(ev => {{ const a = g.data.articles[ev.article];
          if (g.liveEvidence(id).includes(ev.sentence)) out.push(a.period); }}); }}); return out; }})()""")
    assert dates and all(p and p[1] >= st["from"] and p[0] <= st["to"] for p in dates)
    assert st["from"] in o.page.inner_text("#gk-stats")
    assert o.page.locator("#gk-hist rect.gk-out").count() == n_bins - 6
    mixed = o.js(f"""{G}.visibleEdgeIds().find(id => {{ const e = {G}.data.edges.find(x => x.id === id);
      return {G}.liveEvidence(id).length < e.evidence.length; }})""")
    o.js(f"{G}.selectEdge({mixed!r}, {{focus: false}})")
    live = o.js(f"{G}.liveEvidence({mixed!r})")
    assert o.page.locator("#gk-panel .gk-evidence").count() == len(live)
    assert "outside the date range" in o.panel()
    o.page.check("#gk-ev-all")
    assert o.page.locator("#gk-panel .gk-evidence").count() > len(live)
    o.page.click("#gk-time-all")
    assert len(o.js(f"{G}.visibleEdgeIds()")) == edges_before
    clean(o)


def test_png_and_svg_export_the_current_view(corpus, tmp_path):
    o = corpus()
    click_only(o, "category", "cooperation")
    with o.page.expect_download() as dl:
        o.page.click("#gk-png")
    png = tmp_path / "view.png"
    dl.value.save_as(png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    width, height = struct.unpack(">II", data[16:24])
    canvas = o.page.locator("#gk-network").bounding_box()
    assert (width, height) == (round(canvas["width"]), round(canvas["height"]))
    assert dl.value.suggested_filename == "generated-corpus.png"
    with o.page.expect_download() as dl:
        o.page.click("#gk-svg")
    svg = tmp_path / "view.svg"
    dl.value.save_as(svg)
    root = ElementTree.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    shapes = [e for e in root.iter() if e.tag in (ns + "circle", ns + "rect", ns + "polygon")]
    texts = [e.text for e in root.iter(ns + "text")]
    assert len(list(root.iter(ns + "path"))) >= len(o.js(f"{G}.visibleEdgeIds()")) * 0.9
    assert len(shapes) > len(o.js(f"{G}.visibleNodeIds()")) and "Generated corpus" in texts
    assert any(t and "cooperation" in t for t in texts)   # the caption says what the view shows
    assert sum(1 for label in o.js(f"{G}.drawnLabels().map(l => l.label)") if label in texts) >= 20
    assert o.requests[0] == o.url and all(u.startswith(("blob:", "data:")) for u in o.requests[1:])


def test_the_address_restores_filters_time_range_view_and_selection(corpus):
    o = corpus()
    o.page.click(".gk-legend label[data-kind=kind][data-key=role]")
    o.page.click(".gk-legend label[data-kind=type][data-key=place]")
    set_range(o, 3, 15)
    pick = o.js(f"{G}.topActors('degree', 1)[0].id")
    o.js(f"{G}.selectNode({pick!r}, {{animate: false}})")
    o.page.select_option("#gk-colour", "community")
    o.page.wait_for_timeout(200)
    url, st = o.page.url, o.js(f"{G}.state()")
    assert "from=" in url and "to=" in url and "node=" in url and "view=" in url
    again = corpus(hash="#" + url.split("#", 1)[1])
    assert again.js(f"{G}.state()") == st
    assert again.js(f"{G}.visibleNodeIds()") == o.js(f"{G}.visibleNodeIds()")
    assert again.js(f"{G}.visibleEdgeIds()") == o.js(f"{G}.visibleEdgeIds()")
    assert again.js(f"{G}.selection()") == {"kind": "node", "id": pick}
    assert scale(again) == pytest.approx(scale(o), rel=1e-3)
    assert again.js(f"{G}.domPosition({pick!r})") == pytest.approx(o.js(f"{G}.domPosition({pick!r})"), abs=1)
    clean(again)


def test_evidence_panel_groups_by_article_newest_first_collapsible_and_searchable(corpus):
    o = corpus()
    edge = o.js(f"""{G}.data.edges.filter(e => {G}.visibleEdgeIds().includes(e.id))
      .sort((a, b) => new Set(b.evidence.map(x => x.article)).size - new Set(a.evidence.map(x => x.article)).size)[0].id""")
    o.js(f"{G}.selectEdge({edge!r})")
    groups = o.page.locator("#gk-panel details.gk-group")
    dates = [re.search(r"\d{4}-\d\d-\d\d", groups.nth(i).locator("summary").inner_text()) for i in range(groups.count())]
    assert groups.count() >= 3
    dated = [d.group(0) for d in dates if d]
    assert dated == sorted(dated, reverse=True) and all(dates[: len(dated)])   # newest first, undated last
    n = sum(int(re.search(r"(\d+) sentences?", groups.nth(i).locator("summary").inner_text()).group(1))
            for i in range(groups.count()))
    assert n == o.page.locator("#gk-panel .gk-evidence").count()
    o.page.click("text=Collapse all")
    assert all(not groups.nth(i).evaluate("d => d.open") for i in range(groups.count()))
    o.page.click("text=Expand all")
    first = o.page.locator("#gk-panel .gk-evidence blockquote").first.inner_text()
    word = next(w for w in re.findall(r"[A-Za-z]{4,}", first) if w.lower() not in {"again", "report"})
    o.page.fill("#gk-ev-search", word.lower())
    hits = o.page.locator("#gk-panel .gk-evidence")
    assert 0 < hits.count() <= n and all(word.lower() in hits.nth(i).inner_text().lower() for i in range(hits.count()))
    assert o.page.locator("#gk-panel mark.gk-hit").count() >= hits.count()


def test_communities_filter_and_colour_and_top_actors_select(corpus):
    o = corpus()
    o.page.click("#gk-groups-section summary")
    first = o.page.locator("#gk-groups li").first
    size = int(first.locator(".gk-n").inner_text().replace(",", ""))
    first.locator("button").click()
    community = o.js(f"{G}.state().community")
    members = o.js(f"{G}.visibleNodeIds().map(id => {G}.data.nodes.find(n => n.id === id).community)")
    assert community is not None and set(members) == {community} and 0 < len(members) <= size
    assert on_screen(o, o.js(f"{G}.visibleNodeIds()")) == []
    o.page.select_option("#gk-colour", "community")
    colours = set(o.js(f"{G}.visibleNodeIds().map(id => {G}.network.body.nodes[id].options.color.background)"))
    assert len(colours) == 1   # one community, one colour
    o.page.click("#gk-reset")
    o.page.locator("#gk-top li button").first.click()
    assert o.js(f"{G}.selection()")["id"] == o.js(f"{G}.topActors('degree', 1)[0].id")


def test_parallel_relations_keep_their_labels_apart(open_page):
    o = open_page(sample_graph(), viewport=VIEWPORT)
    o.js(f"{G}.selectNode('acme-corp', {{animate: false}})")
    labels = {lab["relation"]: lab for lab in o.js(f"{G}.relationLabels()")}
    assert {"sanctioned", "praised", "criticised"} <= set(labels)   # three between the same two actors
    pair = [labels[r] for r in ("sanctioned", "praised", "criticised")]
    for a, b in [(0, 1), (0, 2), (1, 2)]:
        dx, dy = abs(pair[a]["x"] - pair[b]["x"]), abs(pair[a]["y"] - pair[b]["y"])
        width = 11 * 0.56 * max(len(pair[a]["relation"]), len(pair[b]["relation"]))
        assert dy >= 14 or dx >= width, (pair[a], pair[b])


def test_sample_meets_the_same_marks(open_page, tmp_path):
    o = open_page(sample_graph(), viewport=VIEWPORT)
    px = drawn_label_px(o)
    assert len(px) == 5 and min(px.values()) >= 10   # every actor labelled, readable
    set_range(o, 1, 1)
    assert o.js(f"{G}.state()")["from"] == "2024-03-02"
    assert o.js(f"{G}.liveEvidence({G}.data.edges.find(e => e.relation === 'sanctioned').id)") == \
        ["Acme Corporation was sanctioned by the ministry last week."]
    assert "praised" not in o.js(f"{G}.visibleEdgeIds().map(id => {G}.data.edges.find(e => e.id === id).relation)")
    o.page.wait_for_timeout(200)
    again = open_page(sample_graph(), name="again.html", viewport=VIEWPORT, hash="#" + o.page.url.split("#", 1)[1])
    assert again.js(f"{G}.state()") == o.js(f"{G}.state()")
    assert len(o.js(f"{G}.exportSVG()")) > 2000 and o.js(f"{G}.exportPNG()").startswith("data:image/png;base64,")
    clean(o)


def _host(tmp_path, graph, width, height) -> str:
    from graphkit.knowledge_graph import KnowledgeGraph

    host = tmp_path / f"cell-{width}x{height}.html"
    host.write_text("<!DOCTYPE html><html><body style='margin:0'><div style='width:%dpx'>%s</div></body></html>"
                    % (width, KnowledgeGraph(graph).iframe(height)), encoding="utf-8")
    return host.resolve().as_uri()


@pytest.mark.parametrize("width, height", [(800, 350), (620, 420), (1000, 600)])
def test_narrow_notebook_cells_keep_the_counts_and_the_whole_legend(browser, tmp_path, width, height):
    page = browser.new_page(viewport={"width": width + 40, "height": height + 100})
    try:
        page.goto(_host(tmp_path, corpus_graph(400, 400), width, height))
        frame = page.frames[1]
        frame.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        stats = frame.locator("#gk-stats")
        assert stats.is_visible() and "actors" in stats.inner_text()
        box = stats.bounding_box()
        assert box["x"] + box["width"] <= width + 1
        if width < 640:
            frame.click("#gk-menu")   # the filters live in a drawer on very narrow cells
        rows = frame.locator("#gk-types label, #gk-cats label")
        assert rows.count() == 9
        for i in range(rows.count()):
            r = rows.nth(i).bounding_box()
            assert r["y"] >= 0 and r["y"] + r["height"] <= height + 1, f"legend row {i} cut at {width}×{height}"
        assert frame.evaluate(f"{G}.network.getScale()") > 0
    finally:
        page.close()


def test_inline_view_embeds_only_its_own_graph(tmp_path):
    from graphkit.knowledge_graph import KnowledgeGraph

    kg = KnowledgeGraph(corpus_graph(1200, 1200))
    hub = kg.top_actors(1)[0].id
    whole, ego = kg.iframe(), kg.ego(hub).iframe()
    assert len(ego) < 0.6 * len(whole)
    assert ego.count("news.example/") == len(kg.ego(hub).articles)   # each article's URL once
    assert math.isclose(len(render.iframe_html(kg.G)), len(whole))
