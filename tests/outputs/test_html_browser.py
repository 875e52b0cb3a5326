"""The explorer page in headless Chromium: offline, searchable, filterable, clickable, inert to XSS."""

from __future__ import annotations

import pytest
from support.render_graphs import sample_graph, synthetic_graph, xss_graph

from graphkit.outputs import html as render

pytestmark = pytest.mark.browser


def test_loads_offline_without_any_request_or_error(open_page):
    o = open_page(sample_graph())
    o.page.wait_for_timeout(300)
    assert o.requests == [o.url]
    assert o.errors == [] and [c for c in o.console if c[0] == "error"] == []
    t = o.js("window.graphkit.timings")
    assert 0 < t["firstRender"] <= t["interactive"]
    assert o.page.inner_text("#gk-stats").startswith("5 actors · 5 relations")
    assert o.page.locator("#gk-types label").count() == 5 and o.page.locator("#gk-cats label").count() == 4


def test_physics_stops_after_stabilising(open_page):
    o = open_page(sample_graph())
    assert o.js("window.graphkit.data.layout") == "physics"
    before = o.js("window.graphkit.network.getPositions()")
    o.page.wait_for_timeout(600)
    assert o.js("window.graphkit.network.getPositions()") == before
    assert o.js("window.graphkit.network.physics.physicsEnabled") is False


def test_search_finds_an_actor_by_alias_and_focuses_it(open_page):
    o = open_page(sample_graph())
    o.page.click("#gk-search")
    o.page.keyboard.type("mod")
    first = o.page.locator("#gk-results li").first
    assert first.inner_text().startswith("Ministry of Defence")
    assert "MoD" in first.inner_text()   # the alias that matched is shown
    o.page.keyboard.press("Enter")
    assert o.js("window.graphkit.selection()") == {"kind": "node", "id": "ministry-of-defence"}
    assert o.js("window.graphkit.network.getSelectedNodes()") == ["ministry-of-defence"]
    o.page.wait_for_timeout(700)   # the view frames the actor and its neighbours
    box = o.page.locator("#gk-network").bounding_box()
    for node in ("ministry-of-defence", "acme-corp"):
        pos = o.js(f"window.graphkit.domPosition('{node}')")
        assert 0 < pos["x"] < box["width"] and 0 < pos["y"] < box["height"]
    assert "Ministry of Defence" in o.panel()
    o.page.keyboard.press("Escape")   # Esc outside the search box clears the selection
    assert o.js("window.graphkit.selection()") is None and "Who did what" in o.panel()
    o.page.keyboard.press("/")
    assert o.js("document.activeElement.id") == "gk-search"
    assert o.js("window.graphkit.search('acme corporation')")[0]["id"] == "acme-corp"
    assert o.js("window.graphkit.search('nobody at all')") == []
    assert [h["id"] for h in o.js("window.graphkit.search('GENEVE')")] == ["geneva"]   # accents and case folded


def test_type_filter_and_min_count_hide_actors_and_relations(open_page):
    o = open_page(sample_graph())
    o.page.click("#gk-types label[data-key=organization]")
    visible = o.js("window.graphkit.visibleNodeIds()")
    assert visible == ["geneva"]   # the only actor without any relation stays; the rest lost theirs
    assert o.js("window.graphkit.visibleEdgeIds()") == []   # every relation touches an organization
    drawn = "Object.values(window.graphkit.network.body.nodes).filter(n => !n.options.hidden).map(n => n.id)"
    assert o.js(drawn) == visible
    assert o.page.inner_text("#gk-stats").startswith("1 of 5 actors · 0 of 5 relations")
    o.page.click("#gk-reset")
    assert len(o.js("window.graphkit.visibleNodeIds()")) == 5
    o.js("(() => { const r = document.getElementById('gk-min'); r.value = '2';"
         " r.dispatchEvent(new Event('input')); r.dispatchEvent(new Event('change')); })()")
    edges = o.js("window.graphkit.visibleEdgeIds().map(id => window.graphkit.data.edges.find(e => e.id === id).relation)")
    assert edges == ["sanctioned"]
    o.page.click("#gk-cats label[data-key=conflict]")
    assert o.js("window.graphkit.visibleEdgeIds()") == []


def test_clicking_a_node_shows_its_relations_and_highlights_neighbours(open_page):
    o = open_page(sample_graph())
    o.click_at(o.js("window.graphkit.domPosition('jane-doe')"))
    assert o.js("window.graphkit.selection()") == {"kind": "node", "id": "jane-doe"}
    text = o.panel()
    assert "Jane Doe" in text and "Person" in text and "ACTS ON (1)" in text.upper()
    assert "leads" in text and "Acme Corp" in text and "Acme responds" in text
    colour = "id => window.graphkit.network.body.nodes[id].options.color.background"
    assert o.js(f"({colour})('zed-union')") == "#eef2f6"   # not a neighbour: dimmed
    assert o.js(f"({colour})('acme-corp')") != "#eef2f6"
    o.page.click("#gk-panel button.gk-rel")   # follow the relation from the panel
    assert o.js("window.graphkit.selection()")["kind"] == "edge"


def test_clicking_an_edge_shows_every_evidence_sentence_highlighted(open_page):
    o = open_page(sample_graph())
    edge = o.js("window.graphkit.data.edges.find(e => e.relation === 'sanctioned').id")
    o.click_at(o.js(f"window.graphkit.edgeDomPosition('{edge}')"))
    assert o.js("window.graphkit.selection()") == {"kind": "edge", "id": edge}
    blocks = o.page.locator("#gk-panel .gk-evidence")
    assert blocks.count() == 2   # newest article first, as kg.evidence()
    assert blocks.nth(0).locator("mark.gk-src").all_inner_texts() == ["the ministry"]
    assert blocks.nth(0).locator("mark.gk-tgt").all_inner_texts() == ["Acme Corporation"]
    assert blocks.nth(1).locator("mark.gk-src").all_inner_texts() == ["MoD"]
    assert blocks.nth(1).locator("mark.gk-tgt").all_inner_texts() == ["Acme"]
    groups = o.page.locator("#gk-panel details.gk-group")
    assert groups.count() == 2 and "1 sentence" in groups.nth(0).locator("summary").inner_text()
    link = groups.nth(1).locator("summary a")
    assert link.inner_text() == "Ministry sanctions Acme Corp"
    assert link.get_attribute("href") == "https://news.example/a1"
    assert "2024-03-01" in groups.nth(1).locator("summary").inner_text()


def test_relation_labels_all_selection_or_hover(open_page):
    o = open_page(sample_graph())
    drawn = "window.graphkit.relationLabels().map(l => l.relation)"
    assert sorted(o.js(drawn)) == ["criticised", "leads", "partnered with", "praised", "sanctioned"]   # room for all
    o.page.select_option("#gk-labels", "none")
    assert o.js(drawn) == []
    o.page.select_option("#gk-labels", "auto")
    assert o.js(drawn) == []
    o.js("window.graphkit.selectNode('jane-doe', {focus: false})")
    assert o.js(drawn) == ["leads"]   # the selection's relations
    o.move_to(o.js("window.graphkit.edgeDomPosition(window.graphkit.data.edges.find(e => e.relation === 'partnered with').id)"))
    o.page.wait_for_timeout(200)
    assert set(o.js(drawn)) == {"leads", "partnered with"}   # and the one under the pointer


def test_markup_in_articles_stays_text(open_page):
    o = open_page(xss_graph(), title="<img src=x onerror=alert(9)>")
    g = "window.graphkit"
    o.js(f"{g}.selectNode('script-actor', {{focus: false}})")
    assert "<script>console.log('XSS-MARKER-1')" in o.panel()
    o.click_at(o.js(f"{g}.edgeDomPosition({g}.data.edges[0].id)"))
    assert o.js(f"{g}.selection()")["kind"] == "edge"
    text = o.panel()
    assert "Witnesses said <script>" in text and "onerror" in text
    assert o.page.locator("#gk-panel a").count() == 0   # javascript: URL is not a link
    o.page.click("#gk-search")
    o.page.keyboard.type("<img")
    assert o.page.locator("#gk-results li").count() == 2
    o.page.keyboard.press("Enter")
    o.page.wait_for_timeout(300)
    assert o.dialogs == [] and o.errors == []
    assert not any("XSS-MARKER" in text for _, text in o.console)
    assert o.js("window.__xss") is None
    assert o.js("document.querySelectorAll('img, #gk-panel script, #gk-results script').length") == 0
    assert o.page.title() == "<img src=x onerror=alert(9)>"


def test_max_nodes_notice_names_what_was_left_out(open_page):
    o = open_page(sample_graph(), max_nodes=2)
    notice = o.page.inner_text("#gk-omitted")
    assert "2 top-ranked of 5 actors" in notice and "3 actors and 2 relations" in notice
    o.page.click("#gk-omitted summary")
    assert {"Jane Doe", "Zed Union", "Geneva"} <= set(o.page.locator("#gk-omitted li").all_inner_texts())


@pytest.mark.slow
def test_large_graph_is_laid_out_in_python_and_static(open_page):
    G = synthetic_graph(600, 1500)
    o = open_page(G, layout_threshold=300)
    assert o.js("window.graphkit.network.physics.physicsEnabled") is False
    node = o.js("window.graphkit.data.nodes[0]")
    assert o.js(f"window.graphkit.network.getPositions(['{node['id']}'])")[node["id"]] == \
        {"x": node["x"], "y": node["y"]}
    o.js(f"window.graphkit.selectNode('{node['id']}')")
    assert node["label"] in o.panel() and o.requests == [o.url]


def test_iframe_renders_inside_a_host_page(browser, tmp_path):
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body><h1>Notebook</h1>" + render.iframe_html(xss_graph(), height=500)
                    + "</body></html>", encoding="utf-8")
    page = browser.new_page()
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(host.resolve().as_uri())
        frame = page.frames[1]
        frame.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        assert frame.evaluate("window.graphkit.data.nodes.length") == 2
        assert page.locator("iframe").bounding_box()["height"] == pytest.approx(500, abs=2)
        assert [u for u in requests if not u.startswith(("file:", "about:"))] == [] and dialogs == []
    finally:
        page.close()


def test_empty_graph_says_so(open_page):
    import networkx as nx

    o = open_page(nx.MultiDiGraph())
    assert "no actors" in o.page.inner_text("#gk-empty")
    assert o.page.is_visible("#gk-empty") and o.errors == []


def test_selection_is_kept_in_the_url(open_page):
    o = open_page(sample_graph())
    o.js("window.graphkit.selectEdge(window.graphkit.data.edges.find(e => e.relation === 'leads').id)")
    o.page.wait_for_timeout(200)
    assert "edge=jane-doe|leads|acme-corp" in o.page.url
    p = open_page(sample_graph(), name="again.html", hash="#node=zed-union")   # an old bookmark still works
    assert p.js("window.graphkit.selection()") == {"kind": "node", "id": "zed-union"}
    assert "Zed Union" in p.panel()
