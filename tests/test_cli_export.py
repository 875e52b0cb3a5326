"""``graphkit export`` and ``graphkit stats`` through typer's CliRunner."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphkit import outputs
from graphkit.outputs import csv_tables as tables, gexf
from graphkit.cli import app
from support.sample_graphs import contract_graph

runner = CliRunner()


@pytest.fixture()
def graph_json(tmp_path):
    return outputs.write_json(contract_graph(), tmp_path / "graph.json")


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("fmt, name, reader", [
    ("graphml", "graph.graphml", outputs.read_graphml),
    ("gexf", "graph.gexf", gexf.read_gexf),
    ("csv", "graph-csv", tables.read_csv),
])
def test_export_defaults_next_to_graph_json(graph_json, fmt, name, reader):
    result = _run("export", graph_json, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = graph_json.with_name(name)
    assert str(out) in result.output
    H = reader(out)
    assert set(H.edges(keys=True)) == set(contract_graph().edges(keys=True))


def test_export_cypher_to_out(graph_json, tmp_path):
    result = _run("export", graph_json, "-f", "cypher", "--out", tmp_path / "load.cypher")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "load.cypher").read_text(encoding="utf-8").count("CREATE (s)-[") == 5


def test_export_collapse_into_a_folder(graph_json, tmp_path):
    folder = tmp_path / "gephi"
    folder.mkdir()
    result = _run("export", graph_json, "--format", "graphml", "--collapse", "--out", folder)
    assert result.exit_code == 0, result.output
    H = outputs.read_graphml(folder / "graph.collapsed.graphml")
    assert type(H) is nx.DiGraph and H.number_of_edges() == 4


def test_export_and_stats_accept_the_build_folder(graph_json):
    result = _run("export", graph_json.parent, "--format", "gexf")
    assert result.exit_code == 0, result.output
    assert graph_json.with_name("graph.gexf").is_file()
    assert _run("stats", graph_json.parent).exit_code == 0


def test_export_gexf_drop_undated(graph_json, tmp_path):
    result = _run("export", graph_json, "--format", "gexf", "--undated", "drop", "--out", tmp_path / "t.gexf")
    assert result.exit_code == 0, result.output
    assert "riverton" not in gexf.read_gexf(tmp_path / "t.gexf")


@pytest.mark.parametrize("args, message", [
    (["export", "{missing}"], "file not found"),
    (["export", "{notgraph}"], "is not a graphkit graph.json"),
    (["export", "{graph}", "--format", "dot"], "unknown --format 'dot'"),
    (["export", "{graph}", "--format", "gexf", "--undated", "hide"], "unknown --undated"),
    (["export", "{graph}", "--out", "{tmp}/no/such/dir/g.graphml"], "does not exist"),
    (["export", "{graph}", "--format", "csv", "--out", "{graph}"], "is a file"),
    (["stats", "{missing}"], "file not found"),
    (["stats", "{notgraph}"], "is not a graphkit graph.json"),
])
def test_errors_are_one_line_with_exit_code_1(graph_json, tmp_path, args, message):
    notgraph = tmp_path / "notes.json"
    notgraph.write_text('{"title": "not a graph"}', encoding="utf-8")
    subst = {"missing": tmp_path / "nope.json", "notgraph": notgraph, "graph": graph_json, "tmp": tmp_path}
    result = _run(*[a.format(**subst) for a in args])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]


def test_stats_prints_counts_top_actors_and_relations(graph_json):
    result = _run("stats", graph_json, "--top", "3")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "4 articles (2 dated), 5 actors, 5 relations, 6 evidence sentences" in out
    assert "1 government, 2 organization, 1 person, 1 place" in out
    top = out.split("top actors")[1].split("most frequent")[0]
    assert top.index("Acme Shipping") < top.index("Ministry of Harbours")
    assert "2× fined (1 edges)" in out


def test_stats_json(graph_json):
    result = _run("stats", graph_json, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["actors"] == 5 and data["top_relations"][0]["relation"] == "fined"
