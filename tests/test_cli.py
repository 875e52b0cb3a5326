"""The command line: outputs, summary, exit codes and one-line errors."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from graphkit.cli import app

runner = CliRunner()
ARTICLE = ("The European Commission fined Google 2.4 billion euros on Tuesday. "
           "Google said it would appeal the decision.\n")


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_help_explains_every_build_option():
    res = invoke("build", "--help")
    assert res.exit_code == 0
    for option in ("--out", "--model", "--keep-isolated"):
        assert option in res.output


def test_missing_input_is_a_one_line_error(tmp_path):
    res = invoke("build", tmp_path / "nope.txt", "--out", tmp_path / "out")
    assert res.exit_code == 1
    assert "no such file or directory" in res.output
    assert "Traceback" not in res.output


def test_output_folder_that_is_a_file_is_refused_before_work(tmp_path):
    (tmp_path / "out").write_text("x")
    (tmp_path / "a.txt").write_text(ARTICLE)
    res = invoke("build", tmp_path / "a.txt", "--out", tmp_path / "out")
    assert res.exit_code == 1
    assert re.search(r"is a file; pass a folder with --out", res.output)


def test_unknown_model_names_the_install_command(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    res = invoke("build", tmp_path / "a.txt", "--out", tmp_path / "out", "--model", "no_such_pipeline_xyz")
    assert res.exit_code == 1
    assert "pip install" in res.output


@pytest.mark.model
def test_broken_file_is_reported_and_the_rest_make_the_graph(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE)
    (corpus / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    res = invoke("build", corpus, "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    assert "broken.txt" in res.output and "binary" in res.output
    data = json.loads((tmp_path / "out" / "graph.json").read_text())
    assert [a["id"] for a in data["graph"]["articles"]] == [str(corpus / "good.txt")]
    assert "1 skipped" in res.output


@pytest.mark.model
def test_outputs_are_written_and_the_page_loads_nothing_from_the_network(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    res = invoke("build", tmp_path / "a.txt", "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    html = (tmp_path / "out" / "graph.html").read_text()
    assert not re.search(r"<(script|link)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert (tmp_path / "out" / "graph.graphml").exists()
    assert re.search(r"1 article read", res.output)
