"""The Gephi hand-off: layout, colours, time spells and column names in GEXF and GraphML,
read back with networkx and python-igraph."""

from __future__ import annotations

from xml.etree import ElementTree

import networkx as nx
import pytest

from graphkit import graph, outputs
from graphkit.outputs import gexf, layout
from support.sample_graphs import contract_graph

GEXF = "{http://gexf.net/1.3}"
GML = "{http://graphml.graphdrawing.org/xmlns}"
# What Gephi's GraphML importer reads as properties rather than as data columns, and what GEXF
# (or Gephi's GEXF importer) keeps for XML attributes and viz:* elements.
GRAPHML_NODE_PROPERTIES = {"label", "x", "y", "z", "xpos", "ypos", "size", "r", "g", "b", "color", "d3"}
GRAPHML_EDGE_PROPERTIES = {"id", "edgeid", "label", "edgelabel", "d7", "weight", "Edge Weight", "r", "g", "b", "color"}
GEXF_NODE_RESERVED = GRAPHML_NODE_PROPERTIES | {"id", "start", "end", "pid"}
GEXF_EDGE_RESERVED = GRAPHML_EDGE_PROPERTIES | {"kind", "type", "source", "target", "start", "end"}


def _colour(hex_colour: str) -> dict:
    r, g, b = layout.rgb(hex_colour)
    return {"r": r, "g": g, "b": b}


def test_gexf_carries_graphkit_layout_sizes_and_colours(tmp_path):
    G = contract_graph()
    H = nx.read_gexf(gexf.write_gexf(G, tmp_path / "g.gexf"))
    pos, theme = layout.layout(G), layout.theme()
    for n, d in G.nodes(data=True):
        viz = H.nodes[n]["viz"]
        assert viz["position"]["x"] == pytest.approx(pos[n][0], abs=0.1)
        assert viz["position"]["y"] == pytest.approx(-pos[n][1], abs=0.1)   # Gephi's y points up
        assert {c: viz["color"][c] for c in "rgb"} == _colour(theme["types"][d["type"]]["color"])
        assert 9 <= viz["size"] <= 38
    sizes = {n: H.nodes[n]["viz"]["size"] for n in H}
    assert sizes["acme-shipping"] == max(sizes.values())   # most mentioned, largest
    root = ElementTree.parse(tmp_path / "g.gexf").getroot()
    for edge in root.iter(GEXF + "edge"):
        category = H.edges[edge.get("source"), edge.get("target"), edge.get("id")]["category"]
        colour = edge.find("{http://gexf.net/1.3/viz}color")
        assert {c: int(colour.get(c)) for c in "rgb"} == _colour(theme["categories"][category]["color"])


def test_gexf_columns_are_never_named_like_reserved_attributes(tmp_path):
    G = contract_graph()
    root = ElementTree.parse(gexf.write_gexf(G, tmp_path / "g.gexf")).getroot()
    titles = {cls.get("class"): {a.get("title") for a in cls.iter(GEXF + "attribute")}
              for cls in root.iter(GEXF + "attributes")}
    assert not titles["node"] & GEXF_NODE_RESERVED and not titles["edge"] & GEXF_EDGE_RESERVED
    assert {"type", "mentions", "aliases"} <= titles["node"] and "relation_kind" in titles["edge"]
    kinds = {e.get("kind") for e in root.iter(GEXF + "edge")}
    assert kinds == {d["relation"] for *_, d in G.edges(data=True)}   # XML kind: the relation label
    plain = nx.read_gexf(tmp_path / "g.gexf")   # networkx keeps both: the label and graphkit's kind
    assert {(d["label"], d["relation_kind"]) for *_, d in plain.edges(data=True)} == \
        {(d["relation"], d["kind"]) for *_, d in G.edges(data=True)}
    ours = gexf.read_gexf(tmp_path / "g.gexf")
    assert {(k, d["kind"]) for *_, k, d in ours.edges(keys=True, data=True)} == \
        {(k, d["kind"]) for *_, k, d in G.edges(keys=True, data=True)}


def test_gexf_spells_run_from_first_to_last_date(tmp_path):
    H = nx.read_gexf(gexf.write_gexf(contract_graph(), tmp_path / "g.gexf"))
    for *_, d in list(H.edges(data=True)) + list(H.nodes(data=True)):
        if "spells" in d:
            assert d["spells"] == [(d["first_date"], d["last_date"])]
    assert H.nodes["ministry-of-harbours"]["spells"] == [("2021-03-04", "2021-05-31")]


def test_graphml_carries_layout_and_colour_columns_for_gephi(tmp_path):
    G = contract_graph()
    path = outputs.write_graphml(G, tmp_path / "g.graphml")
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in ElementTree.parse(path).getroot().iter(GML + "key")}
    assert {("node", a) for a in ("x", "y", "size")} <= {k for k, t in keys.items() if t == "double"}
    assert keys["node", "color"] == "string" and keys["node", "r"] == "int" and keys["edge", "color"] == "string"
    node_names = {name for scope, name in keys if scope == "node"}
    edge_names = {name for scope, name in keys if scope == "edge"}
    assert node_names & GRAPHML_NODE_PROPERTIES == {"label", "x", "y", "size", "r", "g", "b", "color"}
    assert edge_names & GRAPHML_EDGE_PROPERTIES == {"label", "weight", "r", "g", "b", "color"}   # as meant
    H = nx.read_graphml(path)
    pos, theme = layout.layout(G), layout.theme()
    for n, d in G.nodes(data=True):
        assert (H.nodes[n]["x"], H.nodes[n]["y"]) == pytest.approx((pos[n][0], -pos[n][1]))
        assert H.nodes[n]["color"] == theme["types"][d["type"]]["color"]
        span = graph.date_span(d["articles"], graph.article_periods(G))
        assert (H.nodes[n].get("first_date"), H.nodes[n].get("last_date")) == (span or (None, None))
    assert H.nodes["riverton"].get("first_date") is None   # its only article has no usable date


def test_graphml_layout_and_colours_read_with_igraph(tmp_path):
    igraph = pytest.importorskip("igraph")
    G = contract_graph()
    g = igraph.Graph.Read_GraphML(str(outputs.write_graphml(G, tmp_path / "g.graphml")))
    pos, theme = layout.layout(G), layout.theme()
    assert [(v["x"], v["y"]) for v in g.vs] == [(float(pos[n][0]), -float(pos[n][1])) for n in G]
    assert g.vs["color"] == [theme["types"][d["type"]]["color"] for _, d in G.nodes(data=True)]
    assert {e["category"]: e["color"] for e in g.es} == \
        {c: theme["categories"][c]["color"] for c in {d["category"] for *_, d in G.edges(data=True)}}
    assert {e["key"]: (e["first_date"], e["last_date"]) for e in g.es}["fined"] == ("2021-03-04", "2021-05-31")


def test_positions_survive_a_round_trip_through_graphml_and_gexf(tmp_path):
    G = contract_graph()
    H = outputs.read_graphml(outputs.write_graphml(G, tmp_path / "g.graphml"))
    assert "x" not in H.nodes["riverton"] and "position" in H.nodes["riverton"]["viz"]
    moved = H.nodes["riverton"]["viz"]["position"]
    moved["x"], moved["y"] = 1234.0, -567.0   # as if moved in Gephi and read back
    again = nx.read_gexf(gexf.write_gexf(H, tmp_path / "g.gexf"))
    assert again.nodes["riverton"]["viz"]["position"]["x"] == 1234.0
    assert again.nodes["riverton"]["viz"]["position"]["y"] == -567.0
    K = gexf.read_gexf(tmp_path / "g.gexf")
    assert outputs.read_graphml(outputs.write_graphml(K, tmp_path / "k.graphml")).nodes["riverton"]["viz"] == \
        {"position": {"x": 1234.0, "y": -567.0, "z": 0.0}, "size": K.nodes["riverton"]["viz"]["size"],
         "color": {c: K.nodes["riverton"]["viz"]["color"][c] for c in "rgb"}}
