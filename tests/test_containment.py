"""One failure never takes the run down: an unexpected error costs one input, a missing dependency is
reported once with its fix, and no traceback reaches a user without --debug."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit import api, pipeline
from graphkit.sources import files as ingest
from graphkit.cli import app
from graphkit.records import Article, Skipped
from support.helpers import BROKEN

PROSE = "The ministry fined Acme Corporation on Tuesday after an inquiry into its accounts."
PAGE = ("<html><head><title>Regulator fines lender</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Regulator fines lender</h1><p>The Financial Conduct Authority fined Northgate Bank on "
        "Monday after an inquiry found that the bank had misled thousands of its savers for years.</p>"
        "<p>Northgate Bank said it accepted the findings and would repay the savers in full.</p>"
        "</article></body></html>")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run(*args: str, **env: str):
    return CliRunner().invoke(app, list(args), env=env or None)


@pytest.fixture
def blank_model(monkeypatch):
    """A blank pipeline in place of the model: the whole pipeline runs, extraction finds nothing."""
    import spacy

    from graphkit import nlp

    monkeypatch.setattr(nlp, "load_model", lambda name=None: spacy.blank("en"))


@pytest.fixture
def no_trafilatura(monkeypatch):
    """The environment of the bug report: the HTML extractor's import fails."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


def test_a_reader_that_raises_costs_only_that_file(tmp_path, monkeypatch):
    real = ingest._read_document

    def flaky(path, *args, **kwargs):
        if path.name == "bad.txt":
            raise RuntimeError("boom\nsecond line")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "_read_document", flaky)
    for name in ("a.txt", "bad.txt", "c.txt"):
        write(tmp_path / name, PROSE)
    items = list(ingest.read_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    bad = items[1]
    assert bad.reason == "error" and bad.source == str(tmp_path / "bad.txt")
    assert bad.message == ("reading failed (RuntimeError: boom); the input was skipped, rerun with --debug "
                           "for the traceback")
    assert "Traceback" in bad.detail and "flaky" in bad.detail


def test_html_reader_whose_import_fails_skips_html_only(tmp_path, no_trafilatura):
    write(tmp_path / "a.html", PAGE)
    write(tmp_path / "b.htm", PAGE)
    write(tmp_path / "c.txt", PROSE)
    items = list(ingest.read_articles([tmp_path]))
    assert [(type(i).__name__, Path(i.source).name) for i in items] == [
        ("Skipped", "a.html"), ("Skipped", "b.htm"), ("Article", "c.txt")]
    assert {i.reason for i in items[:2]} == {"missing-dependency"}
    assert "pip install trafilatura lxml_html_clean" in items[0].message
    assert "graphkit info" in items[0].message


def test_broken_dependency_is_one_line_once_and_the_run_goes_on(tmp_path, no_trafilatura, blank_model):
    for i in range(3):
        write(tmp_path / "in" / f"page{i}.html", PAGE)
    write(tmp_path / "in" / "story.txt", PROSE)
    res = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    warnings = [ln for ln in res.output.splitlines() if ln.startswith("Warning: ")]
    assert len(warnings) == 1 and "pip install trafilatura lxml_html_clean" in warnings[0]
    assert "skipped 3 × missing-dependency" in res.output and "1 article read" in res.output
    assert "Traceback" not in res.output
    assert (tmp_path / "out" / "graph.json").is_file()


def test_an_extractor_that_raises_on_one_article_of_five(tmp_path, blank_model, monkeypatch):
    real = pipeline.extract

    def flaky(doc, article):
        if article.source.endswith("a3.txt"):
            raise KeyError("span")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "extract", flaky)
    for i in range(5):
        write(tmp_path / "in" / f"a{i}.txt", f"Story {i}. {PROSE}")
    res = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    bad = str(tmp_path / "in" / "a3.txt")
    assert (f"Warning: {bad}: parsing and extraction failed (KeyError: 'span'); the input was skipped, "
            "rerun with --debug for the traceback") in res.output
    assert "4 articles read" in res.output and "skipped 1 × error" in res.output
    assert "Traceback" not in res.output
    articles = json.loads((tmp_path / "out" / "graph.json").read_text())["graph"]["articles"]
    assert sorted(a["id"] for a in articles) == sorted(str(tmp_path / "in" / f"a{i}.txt") for i in (0, 1, 2, 4))

    debug = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out2"), "--debug")
    assert debug.exit_code == 0 and "Traceback" in debug.output and "in flaky" in debug.output


def test_an_unexpected_error_is_one_line_without_debug(tmp_path, monkeypatch):
    def kaput(*args, **kwargs):
        raise ValueError("kaput\nmore detail")

    monkeypatch.setattr(api, "build", kaput)
    write(tmp_path / "a.txt", PROSE)
    res = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"))
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        "Error: unexpected ValueError: kaput; rerun with --debug for the traceback and please report it "
        "(`graphkit info` shows the install)"]
    for debug in ({"args": ["--debug"]}, {"env": {"GRAPHKIT_DEBUG": "1"}}):
        res = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                                       *debug.get("args", [])], env=debug.get("env"))
        assert isinstance(res.exception, ValueError), "with --debug the traceback is shown"


def test_unexpected_errors_in_export_and_stats_are_one_line(tmp_path, monkeypatch):
    from graphkit import knowledge_graph as kgraph

    monkeypatch.setattr(kgraph, "load", lambda path: (_ for _ in ()).throw(MemoryError()))
    for cmd in (["export", str(tmp_path / "g.json")], ["stats", str(tmp_path / "g.json")]):
        res = run(*cmd)
        assert res.exit_code == 1 and res.output.startswith("Error: unexpected MemoryError; rerun with --debug")


def test_info_reports_versions_model_and_parts(monkeypatch):
    monkeypatch.setitem(sys.modules, "feedparser", None)
    res = run("info")
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith("graphkit:") and any(ln.startswith("spaCy:") for ln in lines)
    model = next(ln for ln in lines if ln.startswith("Model:"))
    assert "en_core_web_sm" in model
    assert any(ln.lstrip().startswith("ok") and "HTML pages" in ln for ln in lines)
    feeds = next(ln for ln in lines if "feeds" in ln and "--feed" in ln)
    assert feeds.lstrip().startswith("missing") and "fix: pip install feedparser" in feeds
    data = json.loads(run("info", "--json").output)
    assert {p["part"] for p in data["parts"]} == {"html", "feeds", "dask", "pandas", "notebook"}


def test_info_with_a_model_that_is_not_there_fails():
    res = run("info", "--model", "no_such_model_here")
    assert res.exit_code == 1 and "no_such_model_here: not an installed package or a folder" in res.output


@pytest.mark.model
def test_one_html_page_every_bad_input_and_50_good_articles(tmp_path, monkeypatch, nlp):
    """The issue's acceptance folder: a graph of the good ones, one line per bad one, exit 0."""
    from graphkit import nlp as nlp_mod

    monkeypatch.setattr(nlp_mod, "load_model", lambda name=None: nlp)
    folder = tmp_path / "corpus"
    good = [write(folder / f"good{i:02d}.txt", f"Ministry {i} fined Acme Corporation {i} on Monday.")
            for i in range(50)]
    page = write(folder / "page.html", PAGE)
    broken = [write(folder / "bad" / name, data) for name, data in BROKEN]
    res = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "out" / "graph.json").read_text())
    ids = {a["id"] for a in data["graph"]["articles"]}
    assert {str(p) for p in good} <= ids and len(ids) == 51, "the 50 good articles and the HTML page"
    assert any("Northgate Bank" in n["label"] for n in data["nodes"]), "the HTML page was read"
    warnings = [ln for ln in res.output.splitlines() if ln.startswith("Warning: ")]
    assert len(warnings) == len(broken)
    for path in broken:
        source = f"{path}:1" if path.suffix == ".jsonl" else str(path)
        assert sum(ln.startswith(f"Warning: {source}: ") for ln in warnings) == 1, path.name
    assert "Traceback" not in res.output


def test_a_closed_pipe_is_no_error(tmp_path):
    """`graphkit stats graph.json | head`: the reader went away; no 'unexpected BrokenPipeError' line."""
    import subprocess

    graph = tmp_path / "graph.json"
    graph.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {"articles": []},
                                 "nodes": [{"id": f"a{i}", "label": f"Actor {i}", "type": "person"} for i in range(5000)],
                                 "edges": []}), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "graphkit", "stats", str(graph), "--top", "5000"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "unexpected" not in err and "Traceback" not in err
