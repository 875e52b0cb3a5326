"""GEXF 1.3 with time, CSV tables and the Cypher script."""

from __future__ import annotations

import csv
import re
from xml.etree import ElementTree

import networkx as nx
import pytest

from graphkit import graph, outputs
from graphkit.outputs import csv_tables as tables, cypher, gexf
from support.sample_graphs import NASTY, contract_graph

GEXF = "{http://gexf.net/1.3}"


@pytest.mark.parametrize("text, period", [
    ("2019-07-10", ("2019-07-10", "2019-07-10")),
    ("2019-07-10T12:30:00Z", ("2019-07-10", "2019-07-10")),
    (" 2019-7-1 ", ("2019-07-01", "2019-07-01")),
    ("2019-02", ("2019-02-01", "2019-02-28")),
    ("2020", ("2020-01-01", "2020-12-31")),
    ("", None), ("last Tuesday", None), ("2019-02-30", None), ("2019-13", None),
])
def test_parse_date(text, period):
    assert graph.parse_date(text) == period


def test_gexf_reads_back_with_networkx(tmp_path):
    G = contract_graph()
    path = gexf.write_gexf(G, tmp_path / "g.gexf")
    root = ElementTree.parse(path).getroot()
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
    graph = root.find(GEXF + "graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date", "directed")
    H = gexf.read_gexf(path)
    assert set(H.nodes) == set(G.nodes) and set(H.edges(keys=True)) == set(G.edges(keys=True))
    for n, d in G.nodes(data=True):
        assert (H.nodes[n]["label"], H.nodes[n]["type"], H.nodes[n]["mentions"], H.nodes[n]["aliases"]) == \
            (d["label"], d["type"], d["mentions"], d["aliases"])
    for s, t, k, d in G.edges(keys=True, data=True):
        h = H.edges[s, t, k]
        assert (h["label"], h["weight"], h["count"], h["category"]) == (d["relation"], float(d["count"]),
                                                                          d["count"], d["category"])
        assert h["evidence"] == [e["sentence"] for e in d["evidence"]]


def test_gexf_time_comes_from_article_dates(tmp_path):
    H = gexf.read_gexf(gexf.write_gexf(contract_graph(), tmp_path / "g.gexf"))
    fined = H.edges["ministry-of-harbours", "acme-shipping", "fined"]
    assert fined["spells"] == [("2021-03-04", "2021-05-31")]   # from the first to the last report
    assert (fined["first_date"], fined["last_date"], fined["undated"]) == ("2021-03-04", "2021-05-31", 0)
    assert fined["dates"] == ["2021-03-04", "2021-05-01/2021-05-31"]
    acme = H.nodes["acme-shipping"]
    assert acme["spells"] == [("2021-03-04", "2021-05-31")] and acme["undated"] == 1
    undated_edge = H.edges["acme-shipping", "port-union", "signed deal with"]
    assert "spells" not in undated_edge and undated_edge["undated"] == 1  # present on the whole timeline
    assert "spells" not in H.nodes["riverton"] and H.nodes["riverton"]["undated"] == 1  # unparseable date


def test_gexf_can_drop_undated_elements(tmp_path):
    H = gexf.read_gexf(gexf.write_gexf(contract_graph(), tmp_path / "g.gexf", undated="drop"))
    assert "riverton" not in H
    assert not H.has_edge("acme-shipping", "port-union")
    assert H.has_edge("dana-ortiz", "port-union") and all("spells" in d for *_, d in H.edges(keys=True, data=True))
    with pytest.raises(ValueError, match="keep, drop"):
        gexf.dumps_gexf(contract_graph(), undated="hide")


def test_gexf_without_any_date_is_static(tmp_path):
    G = contract_graph()
    for a in G.graph["articles"]:
        a["date"] = ""
    root = ElementTree.fromstring(gexf.dumps_gexf(G))
    assert root.find(GEXF + "graph").get("mode") == "static"
    assert not list(root.iter(GEXF + "spell"))


def test_gexf_parallel_edges_keep_their_kind_and_collapse_merges_them(tmp_path):
    root = ElementTree.fromstring(gexf.dumps_gexf(contract_graph()))
    kinds = sorted(e.get("kind") for e in root.iter(GEXF + "edge")
                   if (e.get("source"), e.get("target")) == ("ministry-of-harbours", "acme-shipping"))
    assert kinds == ["fined", "met with"]
    C = gexf.read_gexf(gexf.write_gexf(contract_graph(), tmp_path / "c.gexf", collapsed=True))
    assert type(C) is nx.DiGraph and C.edges["ministry-of-harbours", "acme-shipping"]["weight"] == 3.0


def test_csv_tables_round_trip_through_the_csv_module(tmp_path):
    G = contract_graph(nasty=True)
    nodes_path, edges_path = tables.write_csv(G, tmp_path / "out")
    with open(nodes_path, encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(edges_path, encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert [r["id"] for r in nodes] == list(G.nodes)
    assert list(nodes[0])[:3] == ["id", "label", "type"] and list(edges[0])[:2] == ["source", "target"]
    fined = next(r for r in edges if r["relation"] == "fined")
    assert fined["source_label"] == "Ministry of Harbours" and fined["count"] == "2" and fined["weight"] == "2.0"
    assert outputs.split_list(fined["evidence"])[0] == outputs.xml_safe(NASTY)
    assert (fined["first_date"], fined["last_date"]) == ("2021-03-04", "2021-05-31")   # the span of its articles
    undated = next(r for r in edges if r["relation"] == "signed deal with")
    assert (undated["first_date"], undated["last_date"]) == ("", "")
    harbours = next(r for r in nodes if r["id"] == "ministry-of-harbours")
    assert (harbours["first_date"], harbours["last_date"]) == ("2021-03-04", "2021-05-31")
    assert list(nodes[0])[:6] == ["id", "label", "type", "mentions", "first_date", "last_date"]
    H = tables.read_csv(tmp_path / "out")
    assert set(H.edges(keys=True)) == set(G.edges(keys=True))
    assert H.nodes["acme-shipping"]["aliases"] == G.nodes["acme-shipping"]["aliases"]
    assert H.edges["ministry-of-harbours", "acme-shipping", "fined"]["count"] == 2


def _cypher_statements(script: str) -> list[str]:
    """Split on ';' outside string literals; fail on unterminated strings or raw newlines inside."""
    out, cur, quote, i = [], [], None, 0
    while i < len(script):
        ch = script[i]
        cur.append(ch)
        if quote:
            assert ch != "\n", "raw newline inside a string literal"
            if ch == "\\":
                cur.append(script[i + 1])
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == ";":
            out.append("".join(cur).strip())
            cur = []
        i += 1
    assert quote is None and not "".join(cur).strip(" \n")
    return [s for s in out if not s.startswith("//")]


def _unescape(literal: str) -> str:
    table = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "'": "'", '"': '"', "\\": "\\"}
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5 else table[m.group(1)],
                  literal[1:-1])


def test_cypher_script_merges_nodes_and_creates_relationships():
    G = contract_graph(nasty=True)
    statements = _cypher_statements(cypher.dumps_cypher(G))
    merges = [s for s in statements if s.startswith("MERGE (n:Actor")]
    creates = [s for s in statements if " CREATE (s)-[" in s]
    assert len(merges) == G.number_of_nodes() and len(creates) == G.number_of_edges()
    assert sum(s.startswith("MERGE (a:Article") for s in statements) == len(G.graph["articles"])
    assert any("SET n:Government" in s for s in merges)
    fined = next(s for s in creates if "relation: 'fined'" in s)
    assert fined.startswith("MATCH (s:Actor {id: 'ministry-of-harbours'}), (t:Actor {id: 'acme-shipping'})")
    assert "CREATE (s)-[:ACTION {" in fined and "count: 2" in fined and "weight: 2.0" in fined
    literal = re.search(r"evidence: \[('(?:[^'\\]|\\.)*')", fined).group(1)
    assert _unescape(literal) == NASTY.replace("\ud800", "")
    assert "`signed deal with`" not in cypher.dumps_cypher(G)  # relation is a property, type is the kind


def test_cypher_names_and_values():
    assert cypher.cypher_name("weird key") == "`weird key`" and cypher.cypher_name("a`b") == "`a``b`"
    assert cypher.cypher_value(float("nan")) is None and cypher.cypher_value(True) == "true"
    assert cypher.cypher_value(["a'b", 3]) == "['a\\'b', '3']"
    assert cypher.cypher_string("x\x01y") == "'x\\u0001y'"
