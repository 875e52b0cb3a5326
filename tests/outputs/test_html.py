"""The HTML page as a file: self-contained, safe, deterministic, scaled (no browser needed)."""

from __future__ import annotations

import html
import json
import math
import re

import networkx as nx
import numpy as np
import pytest
from support.render_graphs import XSS_IMG, XSS_SCRIPT, corpus_graph, sample_graph, synthetic_graph, xss_graph

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
    assert data["articles"][sanction["evidence"][1]["article"]] == {
        "title": "Acme responds", "url": "https://news.example/a2", "date": "2024-03-02",
        "period": ["2024-03-02", "2024-03-02"]}   # each article once, referred to by index
    assert [data["articles"][i]["title"] for i in acme["articles"]] == ["Ministry sanctions Acme Corp", "Acme responds"]
    assert sanction["evidence"][0]["start"] == 0
    assert data["layout"] == "physics" and isinstance(acme["x"], int)   # seeds the physics
    assert set(data["theme"]["type_order"]) == {"person", "organization", "government", "place", "other"}
    assert data["default_kinds"] == ["action", "role", "statement"]   # small graph: everything shown


def test_large_graphs_hide_roles_at_first_and_lay_out_what_is_shown():
    G = corpus_graph(400, 400)
    data = render.page_data(G, layout_threshold=300)
    assert data["layout"] == "python" and data["default_kinds"] == ["action", "statement"]
    assert min(dict(G.degree()).values()) > 0
    role_only = {n for n in G if all(d["kind"] == "role" for *_, d in G.edges(n, data=True))
                 and all(d["kind"] == "role" for *_, d in G.in_edges(n, data=True))}
    placed = {n["id"] for n in data["nodes"] if "x" in n}
    assert role_only and not role_only & placed   # placed by the page when roles are shown
    assert placed | role_only == set(G)


def test_communities_are_louvain_deterministic_and_named_by_their_top_actors():
    G = corpus_graph(400, 400)
    a, b = render.page_data(G), render.page_data(G)
    assert [n["community"] for n in a["nodes"]] == [n["community"] for n in b["nodes"]]
    named = a["communities"]
    assert named and len(named) <= render.NAMED_COMMUNITIES and all(c["size"] >= 3 for c in named)
    assert [c["size"] for c in named] == sorted((c["size"] for c in named), reverse=True)
    members = [n for n in a["nodes"] if n["community"] == named[0]["id"]]
    assert len(members) == named[0]["size"] and named[0]["label"].split(", ")[0] in {n["label"] for n in members}
    groups = render.communities(G)
    assert sum(map(len, groups)) == G.number_of_nodes() and len(groups[0]) == named[0]["size"]


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


def test_layout_keeps_components_apart_and_packs_them_around_the_largest():
    G = nx.MultiDiGraph()
    for a, b in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "y"), ("y", "z"), ("z", "x"), ("p", "q")]:
        G.add_edge(a, b, count=1)
    G.add_node("lonely")
    pos = layout.layout(G)
    assert set(pos) == set(G) and len(set(pos.values())) == len(pos)   # no two actors on one spot
    comps = [{"a", "b", "c", "d"}, {"x", "y", "z"}, {"p", "q"}, {"lonely"}]

    def centre(c):
        return (sum(pos[n][0] for n in c) / len(c), sum(pos[n][1] for n in c) / len(c))

    for comp in comps:   # never interleaved: each actor is nearest its own component's centre
        for n in comp:
            own = math.dist(pos[n], centre(comp))
            assert all(own < math.dist(pos[n], centre(other)) for other in comps if other is not comp)
    for a, b in [("a", "x"), ("a", "p"), ("x", "p"), ("a", "lonely")]:
        assert math.dist(pos[a], pos[b]) > 40   # strangers never touch
    assert math.dist(centre(comps[0]), (0, 0)) < 1   # the largest in the middle, the rest around it
    assert layout.layout(G) == pos
    assert layout.layout(nx.MultiDiGraph()) == {}


def test_components_are_flattened_and_packed_in_shelves_around_the_largest():
    boxes = [(400, 300)] + [(150, 40)] * 30 + [(90, 90)] * 4
    centres = layout.pack_around(boxes, (20, 10), aspect=1.0)
    assert centres[0] == (0.0, 0.0)
    rects = [(x - w / 2, y - h / 2, x + w / 2, y + h / 2) for (w, h), (x, y) in zip(boxes, centres)]
    for i, a in enumerate(rects):   # nothing overlaps, gaps kept
        for b in rects[i + 1:]:
            assert a[2] + 20 <= b[0] + 1e-6 or b[2] + 20 <= a[0] + 1e-6 or a[3] + 10 <= b[1] + 1e-6 or b[3] + 10 <= a[1] + 1e-6
    x0, y0 = min(r[0] for r in rects), min(r[1] for r in rects)
    x1, y1 = max(r[2] for r in rects), max(r[3] for r in rects)
    used = sum(w * h for w, h in boxes)
    assert used / ((x1 - x0) * (y1 - y0)) > 0.5 and 0.6 < (x1 - x0) / (y1 - y0) < 1.6   # compact, about square
    assert any(y < -150 for _, y in centres) and any(y > 150 for _, y in centres)   # above and below it
    assert any(abs(y) < 150 and x < -200 for x, y in centres) and any(abs(y) < 150 and x > 200 for x, y in centres)
    pos = layout.flatten(np.array([[0.0, -50.0], [0.0, 50.0]]))
    assert abs(pos[0, 1]) < 1e-9 and abs(pos[0, 0]) == pytest.approx(50)   # a vertical pair lies down


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
    assert frame.startswith("<iframe srcdoc='") and "height:480px" in frame
    assert "sandbox='allow-scripts" in frame and "allow-downloads" in frame
    srcdoc = re.search(r"srcdoc='([^']*)'", frame).group(1)
    assert "'" not in srcdoc   # the attribute cannot end early: quotes and ampersands escaped
    assert html.unescape(srcdoc) == render.to_html(xss_graph())
    assert len(frame) < 1.1 * len(render.to_html(xss_graph()))   # the JSON's double quotes stay as they are


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
    assert "Acme Corporation" in acme["aliases"] and [data["articles"][i]["title"] for i in acme["articles"]] == \
        ["Ministry sanctions Acme Corp", "Acme responds"]
    sanction = next(e for e in data["edges"] if e["relation"] == "sanctioned")
    assert sanction["evidence"][0]["sentence"] == "The MoD sanctioned Acme on Monday."
