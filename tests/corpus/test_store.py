"""The corpus store: round trip, resume, dedup, edited sources and SIGKILL-restart."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphkit import api, pipeline
from graphkit.outputs import to_json_data
from graphkit.records import Article, ArticleResult, Entity, Evidence, Mention, Relation, text_hash
from graphkit.corpus.store import Store, StoreError

from support.scale_fakes import corpus, fake_extract

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake(monkeypatch):
    """Model-free extraction on a blank pipeline; returns build(**kw) counting processed articles."""
    import spacy

    monkeypatch.setattr(pipeline, "extract", fake_extract)
    nlp = spacy.blank("en")

    def build(sources, **kw):
        seen = []
        kg = api.build(sources, nlp=nlp, on_article=seen.append, **kw)
        return kg, [r.article.id for r in seen]

    return build


def graph_bytes(kg) -> str:
    return json.dumps(to_json_data(kg.G), sort_keys=True)


def write(folder: Path, texts: list[str], start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, t in enumerate(texts, start):
        p = folder / f"a{i:03d}.txt"
        p.write_text(t)
        paths.append(p)
    return paths


def test_round_trip_keeps_every_record(tmp_path):
    art = Article("x1", "Avery met Blake.", "T", "http://u", "2024-01-02", ("Ann",), "x1.txt")
    ev = Evidence("x1", "Avery met Blake.", 0, 16, "avery", "Avery", "Blake", "reported")
    res = ArticleResult(art, (Entity("avery", "Avery", "person", ("Avery",), 1),),
                        (Mention("avery", 0, 5, "Avery", "name"),),
                        (Relation("avery", "blake", "met", "meet", "action", "cooperation", 1, ev),
                         Relation("blake", "avery", "is", "be", "role")))
    with Store(tmp_path / "s.db") as st:
        assert st.save([res]) == 1 and st.save([res]) == 0
        back = list(st.results(with_text=True))
        assert back == [res]
        rows = st.db.execute("SELECT source, target, sentence, reported_by, modality FROM relations ORDER BY seq").fetchall()
        assert rows == [("avery", "blake", "Avery met Blake.", "avery", "reported"), ("blake", "avery", None, None, None)]


def test_a_store_written_before_evidence_modality_still_opens(tmp_path):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as con:
        con.executescript("CREATE TABLE relations (hash TEXT NOT NULL, seq INTEGER NOT NULL, source TEXT, target TEXT, "
                          "relation TEXT, predicate TEXT, kind TEXT, category TEXT, polarity INTEGER, article TEXT, "
                          "sentence TEXT, start INTEGER, \"end\" INTEGER, reported_by TEXT, source_text TEXT, "
                          "target_text TEXT, PRIMARY KEY (hash, seq));")
    art = Article("x1", "Avery met Blake.")
    res = ArticleResult(art, (), (), (Relation("avery", "blake", "met", "meet", evidence=Evidence("x1", "s", 0, 1)),))
    with Store(db) as st:
        assert st.save([res]) == 1
        assert [r.relations for r in st.results()] == [res.relations]


def test_rerun_processes_nothing_and_ten_more_process_ten(fake, tmp_path):
    db = tmp_path / "corpus.db"
    write(tmp_path / "in", corpus(12))
    plain, _ = fake([str(tmp_path / "in")])
    first, done1 = fake([str(tmp_path / "in")], store=db)
    assert len(done1) == 12 and graph_bytes(first) == graph_bytes(plain)
    again, done2 = fake([str(tmp_path / "in")], store=db)
    assert done2 == [] and again.report.cached == 12 and graph_bytes(again) == graph_bytes(first)
    write(tmp_path / "in", corpus(22)[12:], start=12)
    more, done3 = fake([str(tmp_path / "in")], store=db)
    assert len(done3) == 10 and more.report.cached == 12
    clean, _ = fake([str(tmp_path / "in")], store=tmp_path / "clean.db")
    assert graph_bytes(more) == graph_bytes(clean)


def test_new_folder_adds_to_the_stored_graph(fake, tmp_path):
    db = tmp_path / "corpus.db"
    texts = corpus(8)
    write(tmp_path / "jan", texts[:4])
    write(tmp_path / "feb", texts[4:], start=4)
    fake([str(tmp_path / "jan")], store=db)
    kg, done = fake([str(tmp_path / "feb")], store=db)
    assert len(done) == 4 and kg.report.stored == 8
    both, _ = fake([str(tmp_path / "jan"), str(tmp_path / "feb")])
    assert graph_bytes(kg) == graph_bytes(both)


def test_duplicate_text_is_processed_once_and_recorded_under_both_sources(fake, tmp_path):
    db = tmp_path / "corpus.db"
    text = corpus(1)[0]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed_a.txt").write_text(text)
    (tmp_path / "in" / "feed_b.txt").write_text(text)
    kg, done = fake([str(tmp_path / "in")], store=db)
    assert len(done) == 1 and kg.report.duplicates == 1
    assert len(kg.G.graph["articles"]) == 1
    assert all(d["count"] == 1 for *_, d in kg.G.edges(keys=True, data=True))
    with Store(db) as st:
        digest = text_hash(text)
        assert [Path(s).name for s in st.sources(digest)] == ["feed_a.txt", "feed_b.txt"]
        assert len(st) == 1


def test_edited_file_replaces_its_old_text(fake, tmp_path):
    db = tmp_path / "corpus.db"
    texts = corpus(3)
    paths = write(tmp_path / "in", texts[:2])
    fake([str(tmp_path / "in")], store=db)
    paths[1].write_text(texts[2])
    kg, done = fake([str(tmp_path / "in")], store=db)
    assert len(done) == 1 and kg.report.stored == 2
    fresh, _ = fake([str(tmp_path / "in")])
    assert graph_bytes(kg) == graph_bytes(fresh)


def test_store_path_errors_are_one_line(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    bad = tmp_path / "bad.db"
    bad.write_text("not a database " * 100)
    with pytest.raises(StoreError, match="pass a new file with --store"):
        Store(bad)


KILL_SCRIPT = """
import os, sys, time, spacy
sys.path.insert(0, {tests!r})
from graphkit import api, pipeline
from graphkit.corpus import work
from support.scale_fakes import fake_extract
pipeline.extract = fake_extract
work.CHUNK_WORDS = 1  # one article per chunk: one transaction per article
slow = os.environ.get("SLOW") == "1"
kg = api.build([sys.argv[1]], nlp=spacy.blank("en"), jobs=int(os.environ["JOBS"]), store=sys.argv[2],
               on_article=(lambda r: time.sleep(0.15)) if slow else None)
api.write_outputs(kg, sys.argv[3])
print(kg.report.articles)
"""


def children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_sigkill_mid_run_then_restart_loses_and_duplicates_nothing(tmp_path, jobs):
    write(tmp_path / "in", corpus(30))
    script = tmp_path / "run.py"
    script.write_text(KILL_SCRIPT.format(tests=str(ROOT / "tests")))
    db = tmp_path / "corpus.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SLOW": "1", "JOBS": str(jobs)}
    args = [sys.executable, str(script), str(tmp_path / "in"), str(db)]
    proc = subprocess.Popen([*args, str(tmp_path / "killed")], env=env, stdout=subprocess.PIPE)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as con:
                    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
        if stored >= 5:
            break
        time.sleep(0.05)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert 5 <= stored < 30, "the run must be killed mid-way"
    assert len(workers) == (jobs if jobs > 1 else 0)
    deadline = time.monotonic() + 15
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(w) for w in workers), "worker processes must not outlive a killed run"
    with sqlite3.connect(db) as con:
        kept = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert kept >= stored  # no finished article lost
    env["SLOW"] = "0"
    rerun = subprocess.run([*args, str(tmp_path / "resumed")], env=env, capture_output=True, text=True,
                           timeout=120, check=True)
    assert int(rerun.stdout.split()[-1]) == 30 - kept  # only the unfinished ones
    clean = subprocess.run([sys.executable, str(script), str(tmp_path / "in"), str(tmp_path / "clean.db"),
                            str(tmp_path / "clean")], env=env, capture_output=True, text=True, timeout=120,
                           check=True)
    assert int(clean.stdout.split()[-1]) == 30
    assert (tmp_path / "resumed" / "graph.json").read_bytes() == (tmp_path / "clean" / "graph.json").read_bytes()


@pytest.mark.model
def test_real_model_store_graph_equals_plain_build(tmp_path):
    texts = ["The European Union fined Google on Monday. Google said it would appeal.",
             "Microsoft acquired GitHub in 2018. GitHub employees met Satya Nadella in Seattle."]
    plain = api.build(texts, jobs=1)
    stored = api.build(texts, jobs=1, store=tmp_path / "s.db")
    again = api.build(texts, jobs=1, store=tmp_path / "s.db")
    assert again.report.articles == 0 and again.report.cached == 2
    assert graph_bytes(plain) == graph_bytes(stored) == graph_bytes(again)


def test_cli_store_summary_and_engine_errors(fake, monkeypatch, tmp_path):
    import spacy
    from typer.testing import CliRunner

    from graphkit import cli, nlp as nlp_mod

    monkeypatch.setattr(nlp_mod, "load_model", lambda name=None: spacy.blank("en"))
    write(tmp_path / "in", corpus(5))
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    args = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--store", str(tmp_path / "s.db"),
            "--jobs", "1"]
    first = CliRunner().invoke(cli.app, args)
    assert first.exit_code == 0, first.output
    assert "store: 5 new, 0 already stored" in first.output
    assert "scan.pdf" in first.output and "words/s" in first.output
    second = CliRunner().invoke(cli.app, args)
    assert "store: 0 new, 5 already stored" in second.output
    assert (tmp_path / "out" / "graph.json").exists()
    bad = CliRunner().invoke(cli.app, [*args, "--engine", "spark"])
    assert bad.exit_code == 1 and "unknown engine 'spark'" in bad.output
    nosched = CliRunner().invoke(cli.app, [*args, "--engine", "dask"])
    assert nosched.exit_code == 1 and "needs --scheduler" in nosched.output
    noengine = CliRunner().invoke(cli.app, [*args, "--scheduler", "tcp://127.0.0.1:8786"])
    assert noengine.exit_code == 1 and "needs --engine dask" in noengine.output
