"""Graph assembly: aggregation across sentences and articles, determinism, filters."""

from __future__ import annotations

import json

import networkx as nx

from graphkit.outputs import dumps_json, read_json, write_json
from graphkit.graph import build_graph, filter_graph
from support.helpers import result

ENTS = [("acme", "Acme", "organization"), ("bob-smith", "Bob Smith", "person"), ("ruritania", "Ruritania", "place")]


def two_articles():
    a = result("a1", "Acme sued Bob Smith. Bob Smith praised Ruritania.", ENTS,
               [("acme", "sued", "bob-smith"), ("bob-smith", "praised", "ruritania")], date="2020-01-01")
    b = result("a2", "Later Acme sued Bob Smith again.", ENTS[:2], [("acme", "sued", "bob-smith")])
    return a, b


def test_same_act_in_two_articles_is_one_edge_with_two_evidence_entries():
    G = build_graph(two_articles())
    assert isinstance(G, nx.MultiDiGraph)
    data = G.get_edge_data("acme", "bob-smith", key="sued")
    assert data["count"] == 2
    assert [e["article"] for e in data["evidence"]] == ["a1", "a2"]
    assert G.nodes["acme"]["articles"] == ["a1", "a2"]


def test_evidence_offsets_slice_the_article_text():
    a, _ = two_articles()
    G = build_graph([a])
    for _, _, d in G.edges(data=True):
        for ev in d["evidence"]:
            assert a.article.text[ev["start"]:ev["end"]] == ev["sentence"]


def test_isolated_actors_are_dropped_unless_asked():
    a = result("a1", "Acme sued Bob Smith.", ENTS, [("acme", "sued", "bob-smith")])
    assert "ruritania" not in build_graph([a])
    assert "ruritania" in build_graph([a], keep_isolated=True)


def test_order_of_results_does_not_change_the_bytes():
    a, b = two_articles()
    assert dumps_json(build_graph([a, b])) == dumps_json(build_graph([b, a]))


def test_duplicate_evidence_of_one_sentence_counts_once():
    a = result("a1", "Acme sued Bob Smith.", ENTS, [("acme", "sued", "bob-smith"), ("acme", "sued", "bob-smith")])
    assert build_graph([a]).edges["acme", "bob-smith", "sued"]["count"] == 1


def test_json_contract_round_trip(tmp_path):
    G = build_graph(two_articles())
    path = write_json(G, tmp_path / "graph.json")
    data = json.loads(path.read_text())
    assert set(data) >= {"nodes", "edges", "graph", "directed", "multigraph"}
    node = next(n for n in data["nodes"] if n["id"] == "bob-smith")
    assert node["label"] == "Bob Smith" and node["type"] == "person" and node["aliases"] == ["Bob Smith"]
    edge = next(e for e in data["edges"] if e["key"] == "sued")
    assert {"source", "target", "relation", "predicate", "kind", "category", "polarity", "count", "evidence"} <= set(edge)
    assert data["graph"]["articles"][0] == {"id": "a1", "title": "Title a1", "url": "", "date": "2020-01-01"}
    H = read_json(path)
    assert nx.utils.graphs_equal(G, H)
    assert dumps_json(H) == path.read_text()


def test_filter_returns_a_new_graph_and_leaves_the_input_alone():
    G = build_graph(two_articles())
    before = dumps_json(G)
    H = filter_graph(G, min_count=2)
    assert list(H.edges(keys=True)) == [("acme", "bob-smith", "sued")]
    assert "ruritania" not in H
    assert dumps_json(G) == before
    only_a2 = filter_graph(G, articles=["a2"])
    assert only_a2.edges["acme", "bob-smith", "sued"]["count"] == 1
    assert set(filter_graph(G, types=["person", "place"])) == {"bob-smith", "ruritania"}



def test_a_country_that_never_acts_is_labelled_as_the_country():
    # one node per country and its government, keyed by the government; typed place, it reads as the country
    ents = [("acme", "Acme", "organization"), ("french-government", "French government", "place")]
    placed = result("p1", "Acme moved to French government offices.", ents, [("acme", "moved to", "french-government")])
    G = build_graph([placed])
    assert G.nodes["french-government"]["label"] == "France"
    acting = result("p2", "The French government fined Acme.", [(k, l, "government" if k != "acme" else t)
                                                               for k, l, t in ents],
                    [("french-government", "fined", "acme")])
    G = build_graph([acting])
    assert G.nodes["french-government"]["label"] == "French government"
