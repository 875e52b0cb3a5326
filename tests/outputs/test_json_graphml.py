"""JSON contract, GraphML (networkx + igraph as readers) and the collapsed form."""

from __future__ import annotations

import json
import os
from xml.etree import ElementTree

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphkit import graph, outputs
from graphkit.outputs import flat
from graphkit.errors import InputError
from support.sample_graphs import contract_graph

GML = "{http://graphml.graphdrawing.org/xmlns}"


def _snapshot(G) -> str:
    return json.dumps(nx.node_link_data(G, edges="edges"), sort_keys=True, ensure_ascii=True)


def test_json_round_trip_is_byte_identical(tmp_path):
    p1 = outputs.write_json(contract_graph(), tmp_path / "graph.json")
    G = outputs.read_json(p1)
    p2 = outputs.write_json(G, tmp_path / "again.json")
    assert p1.read_bytes() == p2.read_bytes()
    assert set(G.edges(keys=True)) == set(contract_graph().edges(keys=True))


@pytest.mark.parametrize("content, why", [
    (None, "file not found"),
    ("not json at all", "not valid JSON"),
    ('{"nodes": 3}', "no node-link"),
    ('[1, 2]', "no node-link"),
    ('{"nodes": [{"label": "no id"}], "edges": []}', "no node-link"),
])
def test_read_json_rejects_what_is_not_a_graph(tmp_path, content, why):
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        outputs.read_json(path)
    assert why in str(err.value) and "graph.json" in str(err.value) and "\n" not in str(err.value)


_items = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8), min_size=1)


@given(_items)
def test_list_join_and_split_are_inverse(items):
    joined = outputs.join_list(items)
    assert outputs.split_list(joined) == (items if items != [""] else [])


def test_flat_values_are_scalars():
    assert flat.flat_value(["a|b", "c\\d"]) == "a\\|b|c\\\\d"
    assert flat.flat_value({"b": 1, "a": [2]}) == '{"a": [2], "b": 1}'
    assert flat.flat_value(True) == 1 and flat.flat_value(None) is None
    assert flat.flat_value("x\x02y\ud800z") == "xyz"


def _keys(path):
    root = ElementTree.parse(path).getroot()
    return [(k.get("for"), k.get("attr.name"), k.get("attr.type"), k.get("id")) for k in root.iter(GML + "key")]


def test_graphml_reads_back_with_networkx(tmp_path):
    G = contract_graph()
    H = outputs.read_graphml(outputs.write_graphml(G, tmp_path / "g.graphml"))
    assert isinstance(H, nx.MultiDiGraph)
    assert set(H.nodes) == set(G.nodes) and set(H.edges(keys=True)) == set(G.edges(keys=True))
    assert H.graph["articles"] == G.graph["articles"]
    for n, d in G.nodes(data=True):
        h = H.nodes[n]
        assert (h["label"], h["type"], h["mentions"], h["aliases"], h["articles"]) == \
            (d["label"], d["type"], d["mentions"], d["aliases"], d["articles"])
    for s, t, k, d in G.edges(keys=True, data=True):
        h = H.edges[s, t, k]
        assert h["relation"] == h["label"] == d["relation"]
        assert h["weight"] == float(d["count"]) and isinstance(h["weight"], float)
        assert h["count"] == d["count"] and isinstance(h["count"], int)
        assert (h["category"], h["kind"], h["polarity"]) == (d["category"], d["kind"], d["polarity"])
        assert h["evidence"] == [e["sentence"] for e in d["evidence"]]
        assert h["articles"] == sorted({e["article"] for e in d["evidence"]})


def test_graphml_has_one_typed_key_per_attribute_name(tmp_path):
    G = contract_graph()
    G.nodes["riverton"]["score"] = 1
    G.nodes["port-union"]["score"] = 2.5
    G.nodes["acme-shipping"]["rank"] = 3
    G.nodes["dana-ortiz"]["rank"] = "third"
    G.nodes["dana-ortiz"]["note"] = None
    keys = _keys(outputs.write_graphml(G, tmp_path / "g.graphml"))
    names = [(scope, name) for scope, name, _, _ in keys]
    assert len(names) == len(set(names))
    assert len({kid for *_, kid in keys}) == len(keys)
    types = {(scope, name): typ for scope, name, typ, _ in keys}
    assert set(types.values()) <= {"string", "int", "long", "double"}
    assert types["node", "score"] == "double" and types["node", "rank"] == "string"
    assert types["node", "mentions"] == "int" and types["edge", "weight"] == "double"
    assert types["edge", "count"] == "int" and ("node", "note") not in types
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.nodes["riverton"]["score"] == 1.0 and H.nodes["acme-shipping"]["rank"] == "3"


def test_graphml_reads_back_with_igraph(tmp_path):
    igraph = pytest.importorskip("igraph")
    G = contract_graph()
    g = igraph.Graph.Read_GraphML(str(outputs.write_graphml(G, tmp_path / "g.graphml")))
    assert g.is_directed() and g.vcount() == G.number_of_nodes() and g.ecount() == G.number_of_edges()
    assert g.vs["id"] == list(G.nodes)
    assert g.vs["label"] == [d["label"] for _, d in G.nodes(data=True)]
    assert g.vs["mentions"] == [d["mentions"] for _, d in G.nodes(data=True)]
    got = {(g.vs[e.source]["id"], g.vs[e.target]["id"], e["key"]): e.attributes() for e in g.es}
    assert set(got) == set(G.edges(keys=True))
    for (s, t, k), attrs in got.items():
        d = G.edges[s, t, k]
        assert attrs["weight"] == d["count"] and attrs["category"] == d["category"]
        assert attrs["evidence"] == outputs.join_list(e["sentence"] for e in d["evidence"])


def test_xml_writers_survive_control_characters_and_surrogates(tmp_path):
    from graphkit.outputs import gexf

    G = contract_graph(nasty=True)
    G.add_node("odd\x07id", label="Bell\x07 \udc00", type="other", aliases=[], mentions=1, articles=["a1"])
    G.add_edge("odd\x07id", "riverton", key="rang", relation="rang", count=1, evidence=[])
    for path in (outputs.write_graphml(G, tmp_path / "g.graphml"), gexf.write_gexf(G, tmp_path / "g.gexf"),
                 outputs.write_graphml(G, tmp_path / "c.graphml", collapsed=True)):
        ElementTree.parse(path)  # well-formed XML
    H = outputs.read_graphml(tmp_path / "g.graphml")
    sentence = H.edges["ministry-of-harbours", "acme-shipping", "fined"]["evidence"][0]
    assert sentence == outputs.xml_safe(contract_graph(nasty=True).edges[
        "ministry-of-harbours", "acme-shipping", "fined"]["evidence"][0]["sentence"])
    assert "\n" in sentence and "\t" in sentence and "|" in sentence
    assert H.nodes["acme-shipping"]["aliases"] == ["Acme", "Acme | Shipping"]
    assert H.nodes["oddid"]["label"] == "Bell "


def test_collapse_sums_weights_and_leaves_input_alone():
    G = contract_graph()
    before = _snapshot(G)
    C = graph.collapse(G)
    assert _snapshot(G) == before
    assert type(C) is nx.DiGraph and C.number_of_edges() == 4
    e = C.edges["ministry-of-harbours", "acme-shipping"]
    assert e["weight"] == 3.0 and e["count"] == 3
    assert e["relations"] == ["fined", "met with"] and e["label"] == "fined; met with"
    assert e["category"] == "conflict" and e["categories"] == ["conflict", "cooperation"]
    assert e["polarity"] == -1 and len(e["evidence"]) == 3
    C.nodes["riverton"]["aliases"].append("changed")
    assert G.nodes["riverton"]["aliases"] == ["Riverton"]


def test_collapsed_graphml_is_a_simple_digraph(tmp_path):
    G = contract_graph()
    H = outputs.read_graphml(outputs.write_graphml(G, tmp_path / "c.graphml", collapsed=True))
    assert type(H) is nx.DiGraph
    assert set(H.edges) == {(s, t) for s, t, _ in G.edges(keys=True)}
    assert H.edges["ministry-of-harbours", "acme-shipping"]["weight"] == 3.0
    assert H.edges["ministry-of-harbours", "acme-shipping"]["relations"] == ["fined", "met with"]
    keys = _keys(tmp_path / "c.graphml")
    assert len({(s, n) for s, n, *_ in keys}) == len(keys)


def test_writers_are_deterministic(tmp_path):
    G = contract_graph()
    G2 = outputs.read_json(outputs.write_json(G, tmp_path / "graph.json"))
    assert outputs.dumps_graphml(G) == outputs.dumps_graphml(G2)


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "g.graphml"
    path.write_text("old", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        outputs.write_graphml(contract_graph(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]
