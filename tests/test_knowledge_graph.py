"""The notebook object: lookups, tables, ego networks, filters, evidence, display and load."""

from __future__ import annotations

import html
import json
import re
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
    assert by_degree[0].degree == 4 and by_degree[0].n_articles == 3 and by_degree[0].label == "Acme Shipping"
    assert by_degree[1].degree == by_degree[2].degree == 3  # tie broken by articles, then mentions
    kg.G.nodes["dana-ortiz"]["articles"] = ["a1", "a2", "a3", "a4"]
    by_articles = kg.top_actors(2, by="articles")
    assert [(a.id, a.n_articles) for a in by_articles] == [("dana-ortiz", 4), ("acme-shipping", 3)]
    assert kg.top_actors(2, by="n_articles") == by_articles
    assert kg.top_actors(5)[-1].id != "dana-ortiz" or kg.top_actors(5)[-1].degree == 1
    assert len(kg.top_actors(100)) == 5
    with pytest.raises(ValueError, match="choose from degree, in_degree, out_degree, n_articles, mentions"):
        kg.top_actors(by="pagerank")


def test_top_actors_by_direction_and_mentions(kg):
    assert kg.top_actors(1, by="in_degree")[0].id == "acme-shipping"      # fined twice, met with: 3 in
    assert kg.top_actors(1, by="out_degree")[0].id == "ministry-of-harbours"
    assert kg.top_actors(1, by="out_degree")[0].out_degree == 3
    assert [a.id for a in kg.top_actors(2, by="mentions")] == ["acme-shipping", "ministry-of-harbours"]
    with pytest.raises(ValueError, match="n must be a whole number"):
        kg.top_actors(-1)


def test_ego_network_by_alias_and_radius(kg):
    before = _snapshot(kg)
    one = kg.ego("the union")
    assert isinstance(one, KnowledgeGraph)
    assert set(one.G) == {"port-union", "acme-shipping", "dana-ortiz", "riverton"}
    two = kg.ego("the union", radius=2)
    assert "ministry-of-harbours" in two.G
    one.G.nodes["port-union"]["aliases"].append("mutated")
    assert _snapshot(kg) == before


def test_ego_and_filters_report_their_own_articles(kg):
    ego = kg.ego("Dana Ortiz")
    assert {a["id"] for a in ego.articles} == {"a2", "a3"}   # Dana's and the union's, not all four
    assert "2 articles" in repr(ego) and len(kg.articles) == 4
    assert {a["id"] for a in kg.filter(categories=["conflict"]).articles} == {"a1", "a2", "a3"}


@pytest.mark.parametrize("radius", [-1, 1.5, "one", True])
def test_ego_radius_must_be_a_whole_number(kg, radius):
    with pytest.raises(ValueError, match="radius must be a whole number of at least 0"):
        kg.ego("Dana Ortiz", radius=radius)


def test_filter_by_date_range(kg):
    import datetime

    may = kg.filter(since="2021-04")
    fined = may.G.edges["ministry-of-harbours", "acme-shipping", "fined"]
    assert fined["count"] == 1 and [e["article"] for e in fined["evidence"]] == ["a2"]
    assert [a["id"] for a in may.articles] == ["a2"]
    assert may.G.nodes["acme-shipping"]["articles"] == ["a2"]   # the actor's articles in range only
    assert "riverton" not in may.G and "acme-shipping" in may.G
    march = kg.filter(until=datetime.date(2021, 3, 31))
    assert set(march.G.edges(keys=True)) == {("ministry-of-harbours", "acme-shipping", "fined")}
    assert set(kg.filter(since="2021", until="2021").G.edges(keys=True)) == \
        set(kg.filter(since="2021-03-04", until="2021-05-31").G.edges(keys=True))
    assert set(kg.filter(since="2021-05-15", min_count=2).G.edges) == set()   # counts within the range


@pytest.mark.parametrize("options, message", [
    ({"since": "March"}, "since='March' is not a date; use YYYY"),
    ({"until": "2021-13"}, "until='2021-13' is not a date"),
    ({"since": "2022", "until": "2021"}, "is after until"),
    ({"min_count": "two"}, "min_count must be a whole number of at least 1, not 'two'"),
    ({"min_count": 0}, "min_count must be a whole number"),
    ({"types": ["people"]}, "unknown type 'people'; choose from person"),
    ({"kinds": ["rumour"]}, "unknown kind 'rumour'; choose from action, role, statement"),
])
def test_filter_rejects_bad_options_with_a_clear_message(kg, options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        kg.filter(**options)


def test_filter_values_are_case_insensitive_and_counts_may_be_digit_strings(kg):
    assert set(kg.filter(types=["Organisation", "PERSON"]).G) == set(kg.filter(types=["organization", "person"]).G)
    assert set(kg.filter(categories="Conflict").G.edges(keys=True)) == {("ministry-of-harbours", "acme-shipping",
                                                                        "fined")}
    assert set(kg.filter(kinds=["Statements"]).G.edges(keys=True)) == {("dana-ortiz", "port-union", "criticised")}
    assert set(kg.filter(min_count="2").G.edges(keys=True)) == set(kg.filter(min_count=2).G.edges(keys=True))


def test_evidence_relation_matches_words_and_verbs(kg):
    assert {r["relation"] for r in kg.evidence(relation="fine")} == {"fined"}     # the verb lemma
    assert {r["relation"] for r in kg.evidence(relation="FINED")} == {"fined"}
    assert {r["relation"] for r in kg.evidence(relation="met")} == {"met with"}
    assert kg.evidence(relation="ined") == [] and kg.evidence(relation="with") != []


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
    assert [r["relation"] for r in rows] == ["fined", "met with", "fined"]   # newest article first
    assert [r["date"] for r in rows] == ["2021-05", "2021-05", "2021-03-04"]
    assert rows[2]["title"] == "Harbour fines" and rows[2]["url"] == "https://example.org/a1" and rows[2]["start"] == 0
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
    assert (fined.first_date, fined.last_date, fined.n_articles, fined.articles) == \
        ("2021-03-04", "2021-05-31", 2, ["a1", "a2"])
    assert fined.sentences[0] == "The ministry fined Acme again."   # newest first, as kg.evidence()
    assert (nodes.loc["acme-shipping", "first_date"], nodes.loc["acme-shipping", "last_date"]) == \
        ("2021-03-04", "2021-05-31")
    assert nodes.loc["acme-shipping", "n_articles"] == 3 and nodes.loc["acme-shipping", "articles"] == ["a1", "a2", "a3"]
    assert nodes.isna().loc["riverton", "first_date"]   # its only article has no usable date


def test_dataframes_without_pandas_say_how_to_install(kg, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install pandas"):
        kg.nodes_df()
    with pytest.raises(ImportError, match=r"pip install pandas"):
        kg.edges_df()


def test_repr_html_embeds_the_page_in_an_iframe(kg):
    out = kg._repr_html_()
    assert "<iframe srcdoc=" in out and "4 articles" in out
    srcdoc = out.split("srcdoc='", 1)[1].split("' title=", 1)[0]
    assert "'" not in srcdoc and html.unescape(srcdoc) == render.to_html(kg.G)


def test_repr_html_and_show_pass_options_to_render_iframe_html(kg, monkeypatch):
    calls = []

    def fake(G, *, height, **options):
        calls.append((G, height, options))
        return "<iframe data-fake></iframe>"

    monkeypatch.setattr(outputs, "iframe_html", fake)
    assert "<iframe data-fake></iframe>" in kg._repr_html_()
    assert kg.iframe(300, title="Harbours", max_nodes=3) == "<iframe data-fake></iframe>"
    assert calls == [(kg.G, 600, {}), (kg.G, 300, {"title": "Harbours", "max_nodes": 3})]


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
