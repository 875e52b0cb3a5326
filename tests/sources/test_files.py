"""Ingest: every input format, stable ids, metadata, encodings, folder walking."""

from __future__ import annotations

import io
import json
import sys

import pytest

from graphkit.sources import ReadOptions, read_sources
from graphkit import api
from graphkit.sources import articles, files as ingest
from graphkit.records import Article, Skipped, text_hash

PROSE = "The ministry fined Acme Corporation on Tuesday after an inquiry into its accounts."
PAGE = f"""Acme fined over accounts

By Jane Smith

Share

{PROSE}

Getty Images

Acme said it would appeal against the decision of the ministry in the high court.

MORE FROM THE SITE

Other news entirely about something else that happened somewhere today.
"""
HTML = f"""<!DOCTYPE html><html><head><title>Acme fined</title>
<meta name="author" content="Jane Smith"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Acme fined over accounts</h1><p>{PROSE}</p>
<p>Acme said it would appeal against the decision of the ministry in the high court.</p></article>
<footer>Copyright 2024 Site</footer></body></html>"""


def read(*paths, **kw) -> list[Article | Skipped]:
    return list(ingest.read_articles([str(p) for p in paths], **kw))


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.text", "a.markdown", "a"])
def test_text_files(tmp_path, name):
    (tmp_path / name).write_text(PROSE + "\n")
    [art] = read(tmp_path / name)
    assert art == Article(id=str(tmp_path / name), text=PROSE, source=str(tmp_path / name))


def test_text_file_with_page_furniture(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    [art] = read(tmp_path / "a.txt")
    assert art.title == "Acme fined over accounts" and art.authors == ("Jane Smith",)
    assert art.text.splitlines()[0] == art.title and "Getty" not in art.text and "Other news" not in art.text


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html(tmp_path, suffix):
    (tmp_path / f"a{suffix}").write_text(HTML)
    [art] = read(tmp_path / f"a{suffix}")
    assert PROSE in art.text and "Home" not in art.text and "Copyright" not in art.text
    assert art.title == "Acme fined over accounts" and art.authors == ("Jane Smith",) and art.id == str(tmp_path / f"a{suffix}")


def test_jsonl_keeps_metadata_and_ids(tmp_path):
    recs = [{"id": "r1", "title": "T", "url": "https://x.test/1", "date": "2024-05-01", "text": PROSE,
             "authors": ["A B"]},
            {"url": "https://x.test/2", "text": PROSE + " Two."},
            {"text": PROSE + " Three.", "id": 7}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in recs))
    arts = read(tmp_path / "a.jsonl")
    assert [a.id for a in arts] == ["r1", "https://x.test/2", "7"]
    assert arts[0].meta() == {"id": "r1", "title": "T", "url": "https://x.test/1", "date": "2024-05-01"}
    assert arts[0].authors == ("A B",) and arts[0].source == f"{tmp_path / 'a.jsonl'}:1"


def test_jsonl_without_id_or_url_uses_the_row(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": PROSE}) + "\n")
    assert read(tmp_path / "a.jsonl")[0].id == f"{tmp_path / 'a.jsonl'}:1"


def test_json_array(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "x", "text": PROSE}, {"id": "y"}]))
    items = read(tmp_path / "a.json")
    assert [(type(i).__name__, i.source.rsplit(":", 1)[1]) for i in items] == [("Article", "1"), ("Skipped", "2")]


def test_csv_with_text_column_quoted_multiline(tmp_path):
    (tmp_path / "a.csv").write_text('id,title,url,date,text\n1,T,https://x.test,2019-01-04,"' + PROSE +
                                    '\n\nSecond paragraph, with a comma."\n2,,,,' + PROSE + "\n", newline="")
    arts = read(tmp_path / "a.csv")
    assert [a.id for a in arts] == ["1", "2"]
    assert arts[0].text == PROSE + "\n\nSecond paragraph, with a comma." and arts[0].date == "2019-01-04"
    assert arts[1].source == f"{tmp_path / 'a.csv'}:5"


def test_csv_utf8_bom_and_crlf(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"\xef\xbb\xbfText,id\r\n\"" + PROSE.encode() + b"\",k\r\n")
    [art] = read(tmp_path / "a.csv")
    assert art.id == "k" and art.text == PROSE


def test_csv_in_utf16(tmp_path):
    (tmp_path / "a.csv").write_bytes(f"text\n{PROSE}\n".encode("utf-16"))
    assert read(tmp_path / "a.csv")[0].text == PROSE


def test_stdin_text_gets_a_content_id(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PROSE.encode())))
    [art] = read("-")
    assert art.id == "<stdin>" and art.text == PROSE


def test_stdin_html(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML.encode())))
    [art] = read("-")
    assert PROSE in art.text and "Home" not in art.text


def test_raw_strings_get_content_ids():
    a = articles.from_text(PROSE)
    assert a.id == ingest.content_id(PROSE) == articles.from_text(PROSE).id
    assert a.id == "sha256:" + text_hash(PROSE)[:16]  # the one text hash, also the corpus store's key
    assert articles.from_text(PROSE + " More.").id != a.id


def test_ids_are_stable_across_runs(tmp_path):
    (tmp_path / "a.txt").write_text(PROSE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": PROSE}))
    assert [a.id for a in read(tmp_path)] == [a.id for a in read(tmp_path)]


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_notes(tmp_path):
    """A folder's files (sorted), then its subfolders (sorted); dot-entries and README/LICENSE are not articles."""
    for rel in ["b.txt", "a/z.md", "a/c.txt", ".git/x.txt", ".hidden.txt", "README.md", "LICENSE"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(PROSE)
    names = [i.source.replace(str(tmp_path) + "/", "") for i in read(tmp_path)]
    assert names == ["b.txt", "a/c.txt", "a/z.md"]


def test_notes_are_read_when_named(tmp_path):
    (tmp_path / "README.md").write_text(PROSE)
    assert read(tmp_path / "README.md")[0].text == PROSE


def test_crlf_and_control_characters_are_normalised(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Acme sued Beta.\r\nBeta denied\x0bit.\x0cThe \x07court met.\rIt ended.")
    assert read(tmp_path / "a.txt")[0].text == "Acme sued Beta.\nBeta denied\nit.\nThe court met.\nIt ended."


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "Acme \\ud800 sued Beta over \\udfff the deal on Monday."}')
    warnings: list = []
    [art] = ingest.read_articles([tmp_path / "a.jsonl"], on_warning=warnings.append)
    assert art.text == "Acme \ufffd sued Beta over \ufffd the deal on Monday."
    assert [w.reason for w in warnings] == ["control-chars"]
    art.text.encode("utf-8")


def test_warnings_go_to_the_logger_by_default(tmp_path, caplog):
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 " + PROSE.encode())
    with caplog.at_level("WARNING", logger="graphkit"):
        [art] = read(tmp_path / "a.txt")
    assert art.text.startswith("Café") and "not valid UTF-8" in caplog.text


def test_api_limits_articles_passed_directly():
    warnings: list = []
    long = Article("x", "\n\n".join([PROSE] * 100))
    [art] = list(read_sources([long], ReadOptions(max_chars=1000), on_warning=warnings.append))
    assert len(art.text) <= 1000 and [w.reason for w in warnings] == ["truncated"]


def test_metadata_is_cleaned_too(tmp_path):
    rec = {"id": "a\x00b", "title": "Line one\nline\x07 two \ud800", "url": " https://x.test/a ",
           "authors": ["Jane\x00 Smith"], "text": PROSE}
    (tmp_path / "a.jsonl").write_text(json.dumps(rec))
    [art] = read(tmp_path / "a.jsonl", on_warning=lambda n: None)
    assert (art.id, art.title, art.url, art.authors) == ("ab", "Line one line two \ufffd", "https://x.test/a",
                                                         ("Jane Smith",))


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    (tmp_path / "page.txt").write_text("\n  " + HTML)
    [art] = read(tmp_path / "page.txt")
    assert PROSE in art.text and "<p>" not in art.text and "Home" not in art.text


def test_output_folder_inside_the_input_is_not_read_back(tmp_path, monkeypatch):
    """Rebuilding with --out inside the input folder does not read graph.json/.html as articles."""
    import spacy

    from graphkit import nlp

    monkeypatch.setattr(nlp, "load_model", lambda name=None: spacy.blank("en"))
    (tmp_path / "a.txt").write_text(PROSE)
    for out in (tmp_path / "out", tmp_path):
        kg = api.build([tmp_path])
        api.write_outputs(kg, out)
    assert [r.source for r in api.build([tmp_path]).report.skipped] == []
    assert [a.source for a in read(tmp_path)] == [str(tmp_path / "a.txt")]
