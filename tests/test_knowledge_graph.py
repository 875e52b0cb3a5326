"""The notebook object: lookups, tables, ego networks, filters, evidence, display and load."""

from __future__ import annotations

import html
import json
import sys

import networkx as nx
import pytest

import graphkit
from graphkit import outputs
from graphkit.outputs import html as render
from graphkit.errors import InputError, UnknownActorError
from graphkit.knowledge_graph import BuildReport, KnowledgeGraph
from support.sample_graphs import contract_graph


@pytest.fixture()
def kg():
    return KnowledgeGraph(contract_graph(), BuildReport(articles=4))


def _snapshot(kg):
    return json.dumps(nx.node_link_data(kg.G, edges="edges"), sort_keys=True)


@pytest.mark.parametrize("name", ["dana-ortiz", "Dana Ortiz", "dana ortiz", "ORTIZ", "  ortiz "])
def test_resolve_accepts_ids_labels_and_aliases(kg, name):
    assert kg.resolve(name) == "dana-ortiz"


def test_unknown_actor_suggests_close_matches(kg):
    with pytest.raises(UnknownActorError, match="did you mean Dana Ortiz") as err:
        kg.resolve("Dana Ortis")
    assert isinstance(err.value, LookupError)
    with pytest.raises(UnknownActorError, match="see nodes_df"):
        kg.ego("zzzzzz")


def test_ambiguous_alias_is_an_error(kg):
    kg.G.nodes["port-union"]["aliases"].append("Ortiz")
    with pytest.raises(UnknownActorError, match="ambiguous.*dana-ortiz.*port-union"):
        kg.resolve("ortiz")


def test_top_actors_by_degree_and_by_articles(kg):
    by_degree = kg.top_actors(3)
    assert [a.id for a in by_degree] == ["acme-shipping", "ministry-of-harbours", "port-union"]
    assert by_degree[0].degree == 4 and by_degree[0].articles == 3 and by_degree[0].label == "Acme Shipping"
    assert by_degree[1].degree == by_degree[2].degree == 3  # tie broken by articles, then mentions
    kg.G.nodes["dana-ortiz"]["articles"] = ["a1", "a2", "a3", "a4"]
    by_articles = kg.top_actors(2, by="articles")
    assert [(a.id, a.articles) for a in by_articles] == [("dana-ortiz", 4), ("acme-shipping", 3)]
    assert kg.top_actors(5)[-1].id != "dana-ortiz" or kg.top_actors(5)[-1].degree == 1
    assert len(kg.top_actors(100)) == 5
    with pytest.raises(ValueError):
        kg.top_actors(by="pagerank")


def test_ego_network_by_alias_and_radius(kg):
    before = _snapshot(kg)
    one = kg.ego("the union")
    assert isinstance(one, KnowledgeGraph)
    assert set(one.G) == {"port-union", "acme-shipping", "dana-ortiz", "riverton"}
    two = kg.ego("the union", radius=2)
    assert "ministry-of-harbours" in two.G
    one.G.nodes["port-union"]["aliases"].append("mutated")
    assert _snapshot(kg) == before


def test_filter_returns_a_new_graph(kg):
    before = _snapshot(kg)
    conflict = kg.filter(categories=["conflict"])
    assert set(conflict.G.edges(keys=True)) == {("ministry-of-harbours", "acme-shipping", "fined")}
    orgs = kg.filter(types=["organization"])
    assert set(orgs.G) == {"acme-shipping", "port-union"}
    assert set(kg.filter(min_count=2).G.edges(keys=True)) == {("ministry-of-harbours", "acme-shipping", "fined")}
    only_a1 = kg.filter(articles=["a1"])
    assert only_a1.G.edges["ministry-of-harbours", "acme-shipping", "fined"]["count"] == 1
    assert _snapshot(kg) == before
    with pytest.raises(ValueError, match="choose from cooperation"):
        kg.filter(categories=["conflcit"])
    with pytest.raises(ValueError, match="articles"):
        kg.filter(articles=["nope"])


def test_evidence_with_article_metadata(kg):
    rows = kg.evidence("Harbours Ministry", "acme")
    assert [r["relation"] for r in rows] == ["fined", "fined", "met with"]
    assert rows[0]["date"] == "2021-03-04" and rows[0]["title"] == "Harbour fines"
    assert rows[0]["url"] == "https://example.org/a1" and rows[0]["start"] == 0
    assert rows[0]["source"] == "Ministry of Harbours" and rows[0]["target_id"] == "acme-shipping"
    assert [r["relation"] for r in kg.evidence(target="Port Union")] == \
        ["criticised", "signed deal with", "hosted"]  # dated first, then undated / unparseable
    assert len(kg.evidence("ministry-of-harbours", relation="met with")) == 1
    assert kg.evidence("Dana Ortiz")[0]["reported_by"] == "ministry-of-harbours"


def test_dataframes(kg):
    pytest.importorskip("pandas")
    nodes = kg.nodes_df()
    assert nodes.index.name == "id" and list(nodes.index) == list(kg.G)
    assert nodes.loc["acme-shipping", "degree"] == 4 and nodes.loc["acme-shipping", "in_degree"] == 3
    assert nodes.loc["riverton", "aliases"] == ["Riverton"]
    edges = kg.edges_df()
    assert len(edges) == kg.G.number_of_edges()
    fined = edges[edges.relation == "fined"].iloc[0]
    assert fined.source_label == "Ministry of Harbours" and fined["count"] == 2 and len(fined.sentences) == 2


def test_dataframes_without_pandas_say_how_to_install(kg, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install pandas"):
        kg.nodes_df()
    with pytest.raises(ImportError, match=r"pip install pandas"):
        kg.edges_df()


def test_repr_html_embeds_the_page_in_a_sandboxed_iframe(kg):
    out = kg._repr_html_()
    assert "<iframe srcdoc=" in out and "4 articles" in out and 'sandbox="allow-scripts' in out
    srcdoc = out.split('srcdoc="', 1)[1].split('" title=', 1)[0]
    assert '"' not in srcdoc and html.unescape(srcdoc) == render.to_html(kg.G)


def test_repr_html_uses_the_html_writers_iframe(kg, monkeypatch):
    calls = []

    def fake(G, *, height):
        calls.append((G, height))
        return "<iframe data-fake></iframe>"

    monkeypatch.setattr(outputs, "iframe_html", fake)
    assert "<iframe data-fake></iframe>" in kg._repr_html_()
    assert calls == [(kg.G, 600)]


def test_show_displays_inline(kg, monkeypatch):
    display = pytest.importorskip("IPython.display")
    shown = []
    monkeypatch.setattr(display, "display", lambda obj: shown.append(obj))
    kg.show(height=300)
    assert len(shown) == 1 and "<iframe" in shown[0].data


def test_load_and_to_json_are_byte_identical(tmp_path):
    path = outputs.write_json(contract_graph(), tmp_path / "graph.json")
    kg = graphkit.load(path)
    assert kg.report.articles == 4 and len(kg) == 5
    assert kg.to_json(tmp_path / "again.json").read_bytes() == path.read_bytes()
    assert kg.to_json() == path.read_text(encoding="utf-8")


def test_load_rejects_other_files(tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a graphkit graph.json"):
        graphkit.load(bad)


def test_write_every_format(kg, tmp_path):
    assert kg.write(tmp_path / "g.graphml", format="graphml")[0].stat().st_size > 0
    gexf_path = kg.write(tmp_path / "g.gexf", format="gexf", collapsed=True)[0]
    assert gexf_path.read_text(encoding="utf-8").count("<edge ") == 4
    assert [p.name for p in kg.write(tmp_path / "csv", format="csv")] == ["nodes.csv", "edges.csv"]
    assert kg.to_cypher().count(" CREATE (s)-[") == 5
    with pytest.raises(ValueError, match="graphml, gexf"):
        kg.write(tmp_path / "x", format="dot")


def test_stats(kg):
    s = kg.stats(top=2)
    assert (s["articles"], s["dated_articles"], s["actors"], s["relations"], s["evidence"]) == (4, 2, 5, 5, 6)
    assert s["relations_by_category"]["cooperation"] == 2
    assert [a["id"] for a in s["top_actors"]] == ["acme-shipping", "ministry-of-harbours"]
    assert s["top_relations"][0] == {"relation": "fined", "edges": 1, "count": 2}


@pytest.mark.model
def test_build_from_text_then_export(nlp, tmp_path):
    text = ("Nordhaven Energy sued the Ministry of Rivers on Monday. The ministry fined Nordhaven Energy "
            "last year. Maria Keller, the chief executive of Nordhaven Energy, criticised the ministry.")
    kg = graphkit.build(text, nlp=nlp)
    assert isinstance(kg, KnowledgeGraph) and kg.report.articles == 1
    H = outputs.read_graphml(kg.to_graphml(tmp_path / "g.graphml"))
    assert set(H.nodes) == set(kg.G.nodes) and set(H.edges(keys=True)) == set(kg.G.edges(keys=True))
    again = graphkit.load(kg.to_json(tmp_path / "graph.json"))
    assert again.to_json() == kg.to_json()
