"""Every output stays valid whatever the article text holds.

Graphs are built by hand through ``graph.build_graph`` from records (no NLP), with
names, labels, sentences and titles full of XML-illegal control characters, lone
surrogates, bidi controls, quotes and angle brackets, and very long names. GraphML
and GEXF must parse with a strict XML parser and read back
in networkx; JSON must be valid UTF-8 JSON that reads back; CSV must
round-trip through ``csv``; the HTML page must stay inert.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from graphkit import fileio, outputs
from graphkit.outputs import csv_tables, gexf, html as render
from graphkit.graph import build_graph
from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation

CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
HOSTILE = {
    "controls": f"Acme{CONTROLS}Corp",
    "surrogates": "Acme \ud800 Corp \udfff",
    "bidi": "Acme \u202eproC\u202c \u2066Ltd\u2069 \u200f",
    "markup": "\"Acme\" <Corp> & 'Sons' </script><script>alert(1)</script> ]]> <!-- --> {{x}}",
    "separators": "Acme\u2028Corp\u2029 \ufffe\uffff \x7f\x85 \U0001f600 e\u0301",
    "long": "Acme " + "Very Long Name " * 2000,
}



def hostile_graph(text: str) -> nx.MultiDiGraph:
    """Two actors and two relations whose every string field carries ``text``."""
    sentence = f"{text} sued Beta over {text}."
    article = Article(id=f"art-{text[:50]}", text=sentence, title=text, url=f"https://x.test/{text[:20]}",
                      date=text[:10])
    a = Entity(f"acme-{text[:30]}", text, "organization", (text, "Acme"), 2)
    b = Entity("beta", "Beta <b>", "government", ("Beta",), 1)
    ev = Evidence(article.id, sentence, 0, len(sentence), reported_by="beta", source_text=text, target_text="Beta")
    rels = (Relation(a.key, b.key, f"sued {text}", "sue", "action", "conflict", -1, ev),
            Relation(b.key, a.key, "praised", f"praise{text[:5]}", "statement", "statement", 1, ev))
    return build_graph([ArticleResult(article, (a, b), (), rels)])


def strict_xml(path: Path) -> None:
    ET.parse(path)
    lxml = pytest.importorskip("lxml.etree")
    lxml.parse(str(path), lxml.XMLParser(recover=False, huge_tree=True))


@pytest.fixture(params=sorted(HOSTILE), ids=sorted(HOSTILE))
def G(request) -> nx.MultiDiGraph:
    return hostile_graph(HOSTILE[request.param])


def test_json_is_valid_and_reads_back(G, tmp_path):
    path = outputs.write_json(G, tmp_path / "graph.json")
    data = json.loads(path.read_bytes().decode("utf-8"))  # strict UTF-8, strict JSON
    assert len(data["nodes"]) == 2 and len(data["edges"]) == 2
    H = outputs.read_json(path)
    assert sorted(H.nodes) == sorted(n["id"] for n in data["nodes"]) and H.number_of_edges() == 2


def test_graphml_is_well_formed_and_reads_back(G, tmp_path):
    path = outputs.write_graphml(G, tmp_path / "graph.graphml")
    strict_xml(path)
    H = nx.read_graphml(path, force_multigraph=True)
    assert H.number_of_nodes() == 2 and H.number_of_edges() == 2
    labels = {d["label"] for _, d in H.nodes(data=True)}
    assert "Beta <b>" in labels


def test_gexf_is_well_formed_and_reads_back(G, tmp_path):
    path = Path(gexf.write_gexf(G, tmp_path / "graph.gexf"))
    strict_xml(path)
    H = nx.read_gexf(path)
    assert H.number_of_nodes() == 2 and H.number_of_edges() == 2


def test_csv_round_trips_through_the_csv_module(G, tmp_path):
    target = tmp_path / "csv"
    target.mkdir()
    written = csv_tables.write_csv(G, target)
    paths = [Path(p) for p in (written.values() if isinstance(written, dict) else
                               written if isinstance(written, (list, tuple)) else [written])]
    files = [p for p in paths if p.is_file()] or sorted(target.rglob("*.csv"))
    assert files
    for path in files:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        assert len(rows) >= 3 and len({len(r) for r in rows}) == 1, "every row has the header's width"


class Tags(HTMLParser):
    """The sequence of elements a browser would build (script bodies are raw text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.tags.extend(f"@{name}" for name, _ in attrs if name.startswith("on"))

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)


def page_tags(G: nx.MultiDiGraph, path: Path) -> list[str]:
    html = Path(render.write_html(G, path)).read_bytes().decode("utf-8")
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_html_stays_inert(G, tmp_path):
    """The hostile page has exactly the elements of the same page with harmless names."""
    benign = hostile_graph("Acme Corp")
    assert page_tags(G, tmp_path / "hostile.html") == page_tags(benign, tmp_path / "benign.html")
    html = (tmp_path / "hostile.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


def test_all_hostile_strings_in_one_graph(tmp_path):
    """Every hostile string at once, with its own nodes, through every writer."""
    results = []
    for i, text in enumerate(HOSTILE.values()):
        G = hostile_graph(text)
        results.append(G)
    H = nx.compose_all(results)
    path = outputs.write_graphml(H, tmp_path / "all.graphml")
    strict_xml(path)
    assert nx.read_graphml(path, force_multigraph=True).number_of_nodes() == H.number_of_nodes()
    assert json.loads(outputs.write_json(H, tmp_path / "all.json").read_text("utf-8"))["nodes"]


def test_atomic_write_never_writes_invalid_utf8(tmp_path):
    """A lone surrogate in text handed to any writer becomes '?', not bytes a UTF-8 reader rejects."""
    path = fileio.atomic_write(tmp_path / "x.txt", "a\ud800b\udfffc")
    assert path.read_bytes().decode("utf-8") == "a?b?c"
