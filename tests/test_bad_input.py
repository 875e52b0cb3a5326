"""The bad-input table (docs/bad-input.md), one row per test, each asserting the exact outcome.

Every row builds its inputs in ``tmp_path`` and reads them with ``ingest.read_articles``;
the outcome is the ordered list of ``(kind, file, reason)`` for articles, skips and
warnings, plus a check of the one-line message (file named, fix given). Rows that
concern the command (output folder, stdin, --strict, Ctrl-C) go through the CLI with a
blank spaCy pipeline standing in for the model, so no row needs the real model.
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.sources import read_sources
from graphkit import api, pipeline
from graphkit.sources import files as ingest, textio
from graphkit.cli import app
from graphkit.errors import OutputError
from graphkit.records import Article, Notice, Skipped
from support.helpers import BROKEN

PROSE = "The ministry fined Acme Corporation on Tuesday after an inquiry into its accounts."
PROSE2 = "Acme Corporation said it would appeal against the decision in the high court."


def outcome(inputs, tmp_path: Path, **kw) -> list[tuple[str, str, str]]:
    """``(kind, source relative to tmp_path, reason or '')`` for everything ingest reports, in order."""
    events: list = []
    for item in ingest.read_articles([str(i) for i in inputs], ingest.ReadOptions(**kw), on_warning=events.append):
        events.append(item)
    rows = []
    for e in events:
        src = e.source.replace(str(tmp_path) + os.sep, "")
        kind = {Article: "article", Skipped: "skipped", Notice: "warning"}[type(e)]
        rows.append((kind, src, getattr(e, "reason", "")))
        if not isinstance(e, Article):  # every message is one line naming a fix
            assert "\n" not in e.message and ";" in e.message, e.message
    outcome.events = events
    return rows


def articles() -> list[Article]:
    return [e for e in outcome.events if isinstance(e, Article)]


def message(reason: str) -> str:
    return next(e.message for e in outcome.events if getattr(e, "reason", None) == reason)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- one test per row of the table

def test_empty_file(tmp_path):
    assert outcome([write(tmp_path / "a.txt", b"")], tmp_path) == [("skipped", "a.txt", "empty")]
    assert message("empty").startswith("file is empty")


def test_whitespace_only(tmp_path):
    assert outcome([write(tmp_path / "a.txt", " \n\t\r\n  \n")], tmp_path) == [("skipped", "a.txt", "empty")]
    assert "only whitespace" in message("empty")


def test_binary_file_with_text_extension(tmp_path):
    noise = random.Random(8).randbytes(20_000)
    assert outcome([write(tmp_path / "notes.txt", noise)], tmp_path) == [("skipped", "notes.txt", "binary")]


def test_image_renamed_to_txt_is_named(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert outcome([write(tmp_path / "photo.txt", png)], tmp_path) == [("skipped", "photo.txt", "binary")]
    assert "PNG image" in message("binary")


def test_pdf_png_zip_in_the_folder(tmp_path):
    write(tmp_path / "c" / "a.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    write(tmp_path / "c" / "b.png", b"\x89PNG\r\n\x1a\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("x.txt", PROSE)
    write(tmp_path / "c" / "d.zip", buf.getvalue())
    write(tmp_path / "c" / "good.txt", PROSE)
    assert outcome([tmp_path / "c"], tmp_path) == [
        ("skipped", "c/a.pdf", "unsupported"), ("skipped", "c/b.png", "unsupported"),
        ("skipped", "c/d.zip", "unsupported"), ("article", "c/good.txt", "")]
    assert "pdftotext" in message("unsupported")


def test_invalid_utf8_keeps_the_good_characters(tmp_path):
    good = "Zoë Müller said the café opened. ".encode()
    data = good + b"\xff\xfe bad " + PROSE.encode()
    assert outcome([write(tmp_path / "a.txt", data)], tmp_path) == [
        ("warning", "a.txt", "encoding"), ("article", "a.txt", "")]
    text = articles()[0].text
    assert "Zoë Müller" in text and "café" in text and PROSE in text
    assert f"offset {len(good)})" in message("encoding")


def test_utf16_with_bom(tmp_path):
    text = "Zoë Müller: " + PROSE
    assert outcome([write(tmp_path / "a.txt", text.encode("utf-16"))], tmp_path) == [("article", "a.txt", "")]
    assert articles()[0].text == text


def test_utf16_without_bom(tmp_path):
    assert outcome([write(tmp_path / "a.txt", PROSE.encode("utf-16-le"))], tmp_path) == [("article", "a.txt", "")]
    assert articles()[0].text == PROSE


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_and_windows1252(tmp_path, codec):
    text = "Société Générale paid 5 € to the café. " if codec == "cp1252" else "Société Générale paid the café. "
    assert outcome([write(tmp_path / "a.txt", (text + PROSE).encode(codec))], tmp_path) == [
        ("warning", "a.txt", "encoding"), ("article", "a.txt", "")]
    assert articles()[0].text == text + PROSE


def test_50mb_single_article_is_truncated_before_nlp(tmp_path):
    para = (PROSE + " ") * 20 + "\n\n"
    path = tmp_path / "huge.txt"
    with path.open("w") as fh:
        for _ in range(50 * 2**20 // len(para) + 1):
            fh.write(para)
    assert path.stat().st_size > 50 * 2**20
    assert outcome([path], tmp_path) == [("warning", "huge.txt", "truncated"), ("article", "huge.txt", "")]
    text = articles()[0].text
    assert 0.8 * textio.MAX_CHARS < len(text) <= textio.MAX_CHARS and text.endswith(".")
    assert f"{path.stat().st_size:,} bytes" in message("truncated") and "--max-chars" in message("truncated")


def test_max_chars_is_configurable(tmp_path):
    path = write(tmp_path / "a.txt", "\n\n".join([PROSE] * 50))
    assert outcome([path], tmp_path, max_chars=500) == [("warning", "a.txt", "truncated"), ("article", "a.txt", "")]
    assert len(articles()[0].text) <= 500 and articles()[0].text.endswith(PROSE)
    assert outcome([path], tmp_path, max_chars=0) == [("article", "a.txt", "")]


def test_1mb_line_without_spaces_is_dropped_and_the_prose_kept(tmp_path):
    blob = "QUJD" * (2**20 // 4)
    path = write(tmp_path / "a.txt", f"{PROSE}\n\n{blob}\n\n{PROSE2}\n")
    assert outcome([path], tmp_path) == [("warning", "a.txt", "long-run"), ("article", "a.txt", "")]
    text = articles()[0].text
    assert PROSE in text and PROSE2 in text and "QUJD" not in text
    assert "1,048,576 characters without spaces" in message("long-run")


def test_1mb_line_alone_is_skipped(tmp_path):
    path = write(tmp_path / "a.txt", "x" * 2**20)
    assert outcome([path], tmp_path) == [("warning", "a.txt", "long-run"), ("skipped", "a.txt", "empty")]


def test_nul_bytes_are_removed(tmp_path):
    path = write(tmp_path / "a.txt", PROSE.replace("fined", "fi\x00ned").encode() + b"\x00\x00\n")
    assert outcome([path], tmp_path) == [("warning", "a.txt", "control-chars"), ("article", "a.txt", "")]
    assert articles()[0].text == PROSE
    assert "removed 3 NUL/control characters" in message("control-chars")


def test_jsonl_with_one_malformed_line(tmp_path):
    lines = [json.dumps({"id": "a", "text": PROSE}), '{"id": "b", "text": "unterminated', "",
             json.dumps({"id": "c", "text": PROSE2})]
    path = write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    assert outcome([path], tmp_path) == [
        ("article", "a.jsonl:1", ""), ("skipped", "a.jsonl:2", "malformed"), ("article", "a.jsonl:4", "")]
    assert [a.id for a in articles()] == ["a", "c"]


def test_jsonl_record_without_text(tmp_path):
    lines = [json.dumps({"id": "a", "title": "No body"}), json.dumps({"id": "b", "text": 42}), "[1, 2]",
             json.dumps({"id": "c", "text": PROSE})]
    assert outcome([write(tmp_path / "a.jsonl", "\n".join(lines))], tmp_path) == [
        ("skipped", "a.jsonl:1", "no-text"), ("skipped", "a.jsonl:2", "no-text"),
        ("skipped", "a.jsonl:3", "malformed"), ("article", "a.jsonl:4", "")]


def test_csv_without_text_column(tmp_path):
    path = write(tmp_path / "a.csv", f"title,body\nx,{PROSE}\n")
    assert outcome([path], tmp_path) == [("skipped", "a.csv", "no-text-column")]
    assert "'title', 'body'" in message("no-text-column")


def test_csv_with_a_20mb_field(tmp_path):
    huge = (PROSE + " ") * (20 * 2**20 // (len(PROSE) + 1))
    path = write(tmp_path / "a.csv", f'id,Text\n1,"{huge}"\n2,{PROSE2}\n')
    assert outcome([path], tmp_path) == [
        ("warning", "a.csv:2", "truncated"), ("article", "a.csv:2", ""), ("article", "a.csv:3", "")]
    assert len(articles()[0].text) <= textio.MAX_CHARS and articles()[1].text == PROSE2


def test_html_that_is_only_navigation(tmp_path):
    nav = "".join(f'<li><a href="/s{i}">Section number {i}</a></li>' for i in range(30))
    page = f"<html><head><title>Site</title></head><body><nav><ul>{nav}</ul></nav><footer>© Site</footer></body></html>"
    assert outcome([write(tmp_path / "a.html", page)], tmp_path) == [("skipped", "a.html", "no-article")]


def test_directory_symlink_loop(tmp_path):
    write(tmp_path / "c" / "a.txt", PROSE)
    (tmp_path / "c" / "loop").symlink_to(tmp_path / "c", target_is_directory=True)
    assert outcome([tmp_path / "c"], tmp_path) == [("article", "c/a.txt", ""), ("skipped", "c/loop", "symlink-loop")]


def test_unreadable_file_permissions(tmp_path, monkeypatch):
    """Tests run as root in CI, where chmod 000 does not stop reading: the open is made to fail instead."""
    bad = write(tmp_path / "c" / "a.txt", PROSE)
    write(tmp_path / "c" / "b.txt", PROSE2)
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == bad:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert outcome([tmp_path / "c"], tmp_path) == [("skipped", "c/a.txt", "unreadable"), ("article", "c/b.txt", "")]
    assert "Permission denied" in message("unreadable")


def test_unreadable_subfolder(tmp_path, monkeypatch):
    """A folder that cannot be listed is named; its siblings are read (os.walk alone would hide it)."""
    write(tmp_path / "c" / "locked" / "x.txt", PROSE)
    write(tmp_path / "c" / "open" / "y.txt", PROSE2)
    real = os.scandir

    def deny(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", deny)
    assert outcome([tmp_path / "c"], tmp_path) == [("skipped", "c/locked", "unreadable"),
                                                   ("article", "c/open/y.txt", "")]
    assert "cannot list folder (Permission denied)" in message("unreadable")


def test_fifo_named_txt_is_not_read(tmp_path):
    """A FIFO would block a naive reader forever; it is reported instead."""
    os.mkfifo(tmp_path / "pipe.txt")
    assert outcome([tmp_path / "pipe.txt"], tmp_path) == [("skipped", "pipe.txt", "unreadable")]


def test_path_that_does_not_exist(tmp_path):
    assert outcome([tmp_path / "nope.txt"], tmp_path) == [("skipped", "nope.txt", "not-found")]


@pytest.mark.parametrize("name", ["no such file.txt", "no such folder/"])
def test_missing_path_with_spaces_is_not_read_as_text(tmp_path, name):
    """A missing path with a space in it is reported, not taken for a three-word article."""
    [item] = read_sources([str(tmp_path / name)])
    assert isinstance(item, Skipped) and item.reason == "not-found"


def test_raw_text_with_nul_bytes_through_the_api():
    [item] = read_sources(["Acme\x00 sued Beta on Monday."], on_warning=lambda n: None)
    assert isinstance(item, Article) and item.text == "Acme sued Beta on Monday."


def test_broken_symlink(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert outcome([tmp_path / "gone.txt"], tmp_path) == [("skipped", "gone.txt", "not-found")]
    assert "no such file or directory (a broken symlink)" in message("not-found")


def test_output_folder_that_is_a_file(tmp_path, fake_model):
    out = write(tmp_path / "out", "not a folder")
    with pytest.raises(OutputError, match="is a file"):
        api.prepare_out(out)
    res = CliRunner().invoke(app, ["build", str(write(tmp_path / "a.txt", PROSE)), "--out", str(out)])
    assert res.exit_code == 1 and "is a file; pass a folder with --out" in res.output
    assert not fake_model, "the error comes before any work"


def test_output_folder_under_a_file(tmp_path):
    write(tmp_path / "f", "x")
    with pytest.raises(OutputError, match="cannot create output folder"):
        api.prepare_out(tmp_path / "f" / "out")


def test_stdin_closed(tmp_path, monkeypatch):
    closed = io.TextIOWrapper(io.BytesIO())
    closed.close()
    for stdin in (closed, None):
        monkeypatch.setattr(sys, "stdin", stdin)
        assert outcome(["-"], tmp_path) == [("skipped", "<stdin>", "stdin-closed")]


def test_stdin_empty_fails_the_command(tmp_path, fake_model):
    res = CliRunner().invoke(app, ["build", "-", "--out", str(tmp_path / "out")], input="")
    assert res.exit_code == 1
    assert "no usable articles (<stdin>: standard input is empty" in res.output


def test_stdin_jsonl_and_text(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PROSE.encode("cp1252"))))
    assert outcome(["-"], tmp_path) == [("article", "<stdin>", "")]
    data = json.dumps({"id": "x", "text": PROSE}) + "\n{oops\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert outcome(["-"], tmp_path) == [("article", "<stdin>:1", ""), ("skipped", "<stdin>:2", "malformed")]


# ---------------------------------------------------------------- the command around the table

@pytest.fixture
def fake_model(monkeypatch):
    """A blank English pipeline in place of the model: the pipeline runs, extraction finds nothing."""
    import spacy

    from graphkit import nlp

    loaded = []

    def load(name=None):
        loaded.append(name)
        return spacy.blank("en")

    monkeypatch.setattr(nlp, "load_model", load)
    return loaded


def corpus(tmp_path: Path) -> Path:
    write(tmp_path / "c" / "good.txt", PROSE)
    write(tmp_path / "c" / "empty.txt", b"")
    write(tmp_path / "c" / "latin.txt", ("Café owners: " + PROSE2).encode("latin-1"))
    return tmp_path / "c"


def test_summary_counts_skips_and_warnings_by_reason(tmp_path, fake_model):
    res = CliRunner().invoke(app, ["build", str(corpus(tmp_path)), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "2 articles read" in res.output and "1 skipped" in res.output
    assert "skipped 1 × empty" in res.output and "warning 1 × encoding" in res.output
    assert f"{tmp_path / 'c' / 'empty.txt'}: file is empty" in res.output


def test_strict_turns_warnings_into_a_failing_exit(tmp_path, fake_model):
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["build", str(corpus(tmp_path)), "--out", str(out), "--strict"])
    assert res.exit_code == 1
    assert "--strict: 1 inputs skipped and 1 changed" in res.output
    assert json.loads((out / "graph.json").read_text())["graph"]["articles"], "outputs are still written"
    clean = tmp_path / "clean"
    write(clean / "a.txt", PROSE)
    assert CliRunner().invoke(app, ["build", str(clean), "--out", str(out), "--strict"]).exit_code == 0


def test_max_chars_option(tmp_path, fake_model):
    write(tmp_path / "a.txt", "\n\n".join([PROSE] * 20))
    res = CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                                   "--max-chars", "300"])
    assert res.exit_code == 0 and "limit of 300; kept the first" in res.output
    assert CliRunner().invoke(app, ["build", str(tmp_path / "a.txt"), "--max-chars", "-1"]).exit_code == 2


def test_ctrl_c_reports_what_was_finished_and_writes_nothing_half(tmp_path, fake_model, monkeypatch):
    for i in range(5):
        write(tmp_path / "c" / f"{i}.txt", f"{PROSE} Article {i}.")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text('{"old": true}')
    calls = []
    real = pipeline.extract

    def interrupt_third(doc, article):
        calls.append(article.id)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(doc, article)

    monkeypatch.setattr(pipeline, "extract", interrupt_third)
    res = CliRunner().invoke(app, ["build", str(tmp_path / "c"), "--out", str(out)])
    assert res.exit_code == 130
    assert f"Interrupted after 2 articles (last: {tmp_path / 'c' / '1.txt'}) before writing" in res.output
    assert json.loads((out / "graph.json").read_text()) == {"old": True}
    assert sorted(p.name for p in out.iterdir()) == ["graph.json"]


def test_ctrl_c_while_writing_leaves_complete_files(tmp_path, fake_model, monkeypatch):
    from graphkit import outputs

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs, "write_graphml", interrupt)
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["build", str(write(tmp_path / "a.txt", PROSE)), "--out", str(out)])
    assert res.exit_code == 130 and "while writing" in res.output
    assert json.loads((out / "graph.json").read_text())["graph"]["articles"][0]["id"].endswith("a.txt")
    assert sorted(p.name for p in out.iterdir()) == ["graph.json"], "no temporary file left behind"


def test_unwritable_output_folder_is_reported_before_starting(tmp_path, fake_model, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    res = CliRunner().invoke(app, ["build", str(write(tmp_path / "a.txt", PROSE)), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and "is not writable (Permission denied); pass another --out" in res.output
    assert not fake_model


def test_duplicate_articles_and_ids(tmp_path):
    a = write(tmp_path / "a.jsonl", "\n".join(json.dumps({"id": "x", "text": t}) for t in (PROSE, PROSE, PROSE2)))
    events: list = []
    items = list(ingest.unique_ids(ingest.read_articles([a]), on_warning=events.append))
    assert [(type(i).__name__, getattr(i, "id", i.source)) for i in items] == [
        ("Article", "x"), ("Skipped", f"{a}:2"), ("Article", f"x#{ingest.content_id(PROSE2)}")]
    assert [e.reason for e in events] == ["duplicate-id"]


# ---------------------------------------------------------------- determinism and a dirty corpus at scale

ACTORS = ["Acme Corporation", "the European Commission", "Germany", "Google", "Maria Lopez", "John Smith",
          "the World Bank", "France"]
VERBS = ["sued", "criticised", "fined", "praised", "warned", "met"]


def short_article(i: int) -> str:
    a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 3 + 1) % len(ACTORS)]
    return f"{a} {VERBS[i % len(VERBS)]} {b} on Monday. Report number {i} was filed."


@pytest.mark.model
def test_same_input_in_another_file_order_gives_the_same_bytes(tmp_path, nlp):
    from graphkit import outputs

    files = [write(tmp_path / f"{name}.txt", short_article(i)) for i, name in enumerate("qwertz")]
    files.append(write(tmp_path / "rows.jsonl", "\n".join(json.dumps({"text": short_article(i)}) for i in (7, 8))))
    one = outputs.dumps_json(api.build(files, nlp=nlp).G)
    two = outputs.dumps_json(api.build(list(reversed(files)), nlp=nlp).G)
    three = outputs.dumps_json(api.build(files[3:] + files[:3], nlp=nlp).G)
    assert one == two == three
    assert json.loads(one)["edges"], "the articles produce relations, so the comparison means something"




@pytest.mark.model
@pytest.mark.slow
def test_1000_files_with_5_percent_broken(tmp_path, monkeypatch, nlp):
    """950 good short articles and 50 broken files: the graph holds the 950, the run names each of the 50."""
    from graphkit import nlp as nlp_mod

    monkeypatch.setattr(nlp_mod, "load_model", lambda name=None: nlp)
    folder = tmp_path / "corpus"
    broken, good = [], []
    for i in range(1000):
        sub = folder / f"batch{i // 100:02d}"
        if i % 20 == 7:
            name, data = BROKEN[len(broken) % len(BROKEN)]
            broken.append(write(sub / f"{i:04d}-{name}", data))
        else:
            good.append(write(sub / f"{i:04d}.txt", short_article(i)))
    assert (len(good), len(broken)) == (950, 50)
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["build", str(folder), "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads((out / "graph.json").read_text())
    assert sorted(a["id"] for a in data["graph"]["articles"]) == sorted(str(p) for p in good)
    assert data["edges"]
    assert "950 articles read" in res.output and "50 skipped" in res.output
    for path in broken:
        source = f"{path}:1" if path.suffix == ".jsonl" else str(path)
        assert f"Warning: {source}: " in res.output, f"{path.name} is named"
    assert res.output.count("Warning: ") == 50


def test_disk_full_while_writing_is_a_one_line_error(tmp_path, fake_model, monkeypatch):
    from graphkit import outputs

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs, "write_graphml", full)
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["build", str(write(tmp_path / "a.txt", PROSE)), "--out", str(out)])
    assert res.exit_code == 1
    assert f"cannot write into {out} (No space left on device); free space or pass another --out" in res.output
    assert json.loads((out / "graph.json").read_text())["graph"]["articles"], "the files written before are complete"
