"""``graphkit build --max-nodes``: limits the page, never the data files."""

from __future__ import annotations

import json
import re

from support.render_graphs import sample_graph
from typer.testing import CliRunner

from graphkit import api, cli
from graphkit.knowledge_graph import KnowledgeGraph


def page_data(path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="graphkit-data">(.*?)</script>', text, re.S).group(1))


def run_build(monkeypatch, tmp_path, *args):
    monkeypatch.setattr(api, "build", lambda inputs, **kw: KnowledgeGraph(sample_graph()))
    return CliRunner().invoke(cli.app, ["build", "in.txt", "--out", str(tmp_path), "-q", *args])


def test_max_nodes_limits_only_the_page(monkeypatch, tmp_path):
    result = run_build(monkeypatch, tmp_path, "--max-nodes", "2")
    assert result.exit_code == 0, result.output
    data = page_data(tmp_path / "graph.html")
    assert len(data["nodes"]) == 2 and data["omitted"]["nodes"] == 3
    assert len(json.loads((tmp_path / "graph.json").read_text())["nodes"]) == 5
    loud = CliRunner().invoke(cli.app, ["build", "in.txt", "--out", str(tmp_path), "--max-nodes", "2"])
    assert "graph.html shows the 2 top-ranked of 5 actors" in loud.output


def test_default_and_zero_show_everything(monkeypatch, tmp_path):
    assert run_build(monkeypatch, tmp_path).exit_code == 0
    assert page_data(tmp_path / "graph.html")["omitted"] is None
    assert run_build(monkeypatch, tmp_path, "--max-nodes", "0").exit_code == 0
    assert len(page_data(tmp_path / "graph.html")["nodes"]) == 5


def test_negative_max_nodes_is_a_usage_error(monkeypatch, tmp_path):
    result = run_build(monkeypatch, tmp_path, "--max-nodes", "-1")
    assert result.exit_code == 2 and "max-nodes" in result.output


def test_title_heads_the_page_and_defaults_to_the_input_name(monkeypatch, tmp_path):
    result = run_build(monkeypatch, tmp_path, "--title", "Harbour strikes, March")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert page_data(tmp_path / "graph.html")["title"] == "Harbour strikes, March"
    assert "<title>Harbour strikes, March</title>" in page
    again = tmp_path / "again"
    assert run_build(monkeypatch, again).exit_code == 0
    assert page_data(again / "graph.html")["title"] == "graphkit — in"   # from in.txt
    assert cli.default_title(["https://example.org/a"]) == cli.default_title(["a.txt", "b.txt"]) == "graphkit"
