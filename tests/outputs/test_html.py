"""The HTML page as a file: self-contained, safe, deterministic, scaled (no browser needed)."""

from __future__ import annotations

import html
import json
import re

import networkx as nx
import pytest
from support.render_graphs import XSS_IMG, XSS_SCRIPT, sample_graph, synthetic_graph, xss_graph

from graphkit.outputs import layout, html as render


def embedded_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="graphkit-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained():
    page = render.to_html(sample_graph())
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page, re.I)
    styles = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert "@import" not in styles
    assert all(u.startswith(("data:", '"data:', "'data:")) for u in re.findall(r"url\((.*?)\)", styles))
    assert "vis.Network" in page and "window.graphkit" in page
    assert "bootstrap" not in page.lower() and "tom-select" not in page.lower()
    assert "default-src 'none'" in page   # the CSP forbids any fetch even if something tried


def test_data_carries_the_contract_fields():
    data = embedded_data(render.to_html(sample_graph(), title="My graph"))
    assert data["title"] == "My graph"
    acme = next(n for n in data["nodes"] if n["id"] == "acme-corp")
    assert acme["type"] == "organization" and "Acme Corporation" in acme["aliases"] and acme["mentions"] == 9
    assert acme["degree"] == 5
    sanction = next(e for e in data["edges"] if e["relation"] == "sanctioned")
    assert (sanction["from"], sanction["to"], sanction["count"], sanction["category"]) == \
        ("ministry-of-defence", "acme-corp", 2, "conflict")
    assert sanction["evidence"][0]["source_text"] == "MoD"
    assert data["articles"]["a2"] == {"title": "Acme responds", "url": "https://news.example/a2", "date": "2024-03-02"}
    assert data["layout"] == "physics" and isinstance(acme["x"], int)   # seeds the physics
    assert set(data["theme"]["type_order"]) == {"person", "organization", "government", "place", "other"}


def test_markup_in_data_cannot_close_the_script_element():
    page = render.to_html(xss_graph(), title="<b>t</b>")
    body = page.split('id="graphkit-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body
    assert XSS_SCRIPT not in page and XSS_IMG not in page
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page
    data = embedded_data(page)   # …and the text survives intact for display
    assert {n["label"] for n in data["nodes"]} == {XSS_SCRIPT, XSS_IMG}


def test_same_graph_same_bytes():
    assert render.to_html(sample_graph()) == render.to_html(sample_graph())
    big = synthetic_graph(400, 900)
    assert render.to_html(big) == render.to_html(big)


def test_large_graphs_get_python_layout_and_physics_off():
    data = render.page_data(synthetic_graph(120, 300), layout_threshold=100)
    assert data["layout"] == "python"
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) == len(data["nodes"])   # no two actors on the same spot
    assert render.page_data(synthetic_graph(120, 300), layout_threshold=200)["layout"] == "physics"


def test_layout_places_every_node_with_neighbours_closer_than_strangers():
    G = nx.MultiDiGraph()
    for a, b in [("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x")]:
        G.add_edge(a, b, count=1)
    G.add_node("lonely")
    pos = layout.layout(G)
    assert set(pos) == set(G)

    def dist(u, v):
        return ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5

    assert max(dist("a", "b"), dist("b", "c")) < min(dist("a", "x"), dist("b", "y"), dist("c", "z"))
    assert layout.layout(G) == pos
    assert layout.layout(nx.MultiDiGraph()) == {}


def test_max_nodes_keeps_top_ranked_and_reports_the_rest():
    G = sample_graph()
    data = render.page_data(G, max_nodes=2)
    assert {n["id"] for n in data["nodes"]} == {"acme-corp", "ministry-of-defence"}
    assert {(e["from"], e["to"]) for e in data["edges"]} <= {("ministry-of-defence", "acme-corp"),
                                                            ("acme-corp", "ministry-of-defence")}
    om = data["omitted"]
    assert (om["nodes"], om["edges"], om["total_nodes"], om["total_edges"]) == (3, 2, 5, 5)
    assert om["examples"][0] in {"Jane Doe", "Zed Union"} and len(om["examples"]) == 3
    assert render.page_data(G, max_nodes=5)["omitted"] is None
    assert G.number_of_nodes() == 5   # the input graph is not mutated
    with pytest.raises(ValueError):
        render.page_data(G, max_nodes=0)


def test_rank_prefers_actors_in_more_relations():
    ranked = render.rank_nodes(sample_graph())
    assert ranked[:2] == ["acme-corp", "ministry-of-defence"]
    assert ranked[-1] == "geneva"   # no relation at all


def test_write_html_and_iframe(tmp_path):
    G = sample_graph()
    path = render.write_html(G, tmp_path / "g.html", title="T", max_nodes=3)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and embedded_data(text)["omitted"]["nodes"] == 2
    frame = render.iframe_html(xss_graph(), height=480)
    assert frame.startswith("<iframe srcdoc=\"") and "height:480px" in frame
    assert 'sandbox="allow-scripts' in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame).group(1)
    assert "<" not in srcdoc and ">" not in srcdoc   # whole page escaped into the attribute
    assert html.unescape(srcdoc) == render.to_html(xss_graph())


def test_knowledge_graph_to_html_passes_options(tmp_path):
    from graphkit.knowledge_graph import KnowledgeGraph

    out = KnowledgeGraph(sample_graph()).to_html(tmp_path / "k.html", max_nodes=1, title="KG")
    data = embedded_data(out.read_text(encoding="utf-8"))
    assert data["title"] == "KG" and len(data["nodes"]) == 1


def test_graph_read_back_from_graphml_renders(tmp_path):
    from graphkit import outputs

    G = outputs.read_graphml(outputs.write_graphml(sample_graph(), tmp_path / "g.graphml"))
    data = render.page_data(G)
    acme = next(n for n in data["nodes"] if n["id"] == "acme-corp")
    assert "Acme Corporation" in acme["aliases"] and acme["articles"] == ["a1", "a2"]
    sanction = next(e for e in data["edges"] if e["relation"] == "sanctioned")
    assert sanction["evidence"][0]["sentence"] == "The MoD sanctioned Acme on Monday."
