"""Property-based tests (hypothesis, fixed budget): arbitrary input never raises, offsets hold.

Ingest and the boilerplate filter take arbitrary unicode and arbitrary bytes in every
format without raising; with the real model (marked ``model``, small budget), every
evidence record's offsets slice the article text back to its sentence, and the graph
serialises to JSON and well-formed GraphML.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from graphkit import pipeline
from graphkit.sources import articles, boilerplate, files as ingest, textio
from graphkit import outputs
from graphkit.outputs import csv_tables, cypher, gexf
from graphkit.graph import build_graph
from graphkit.records import Article, Skipped

BUDGET = settings(max_examples=50, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
MODEL_BUDGET = settings(BUDGET, max_examples=12)

# unicode including controls, surrogates, bidi marks and line separators
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=400)
lines = st.lists(st.one_of(any_text, st.sampled_from([
    "Share", "By Jane Smith", "Getty Images", "MORE FROM THE SITE", "[a](#)[b](#)", "REUTERS Photo of a man",
    "The ministry fined Acme Corporation on Tuesday after a long inquiry.", "", "\n", "Related"])), max_size=12)


def check_article(item) -> None:
    assert isinstance(item, (Article, Skipped))
    if isinstance(item, Article):
        item.text.encode("utf-8")  # no lone surrogates left
        assert item.text.strip() and not any(c in item.text for c in "\x00\x01\x08\x0b\x0c\x1f")
        assert textio.MAX_CHARS >= len(item.text)


@BUDGET
@given(any_text)
def test_from_text_never_raises(text):
    check_article(articles.from_text(text, on_warning=lambda n: None))


@BUDGET
@given(lines)
def test_boilerplate_never_raises_and_keeps_only_input_lines(parts):
    raw = "\n\n".join(parts)
    cleaned = boilerplate.clean(raw)
    assert isinstance(cleaned.text, str) and all(isinstance(a, str) for a in cleaned.authors)
    for par in cleaned.text.split("\n\n"):
        if par.strip():
            assert par.split()[0].strip("*[]") in raw


@BUDGET
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv", ".json", ".bin"]))
def test_any_bytes_in_any_format_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("p") / f"input{suffix}"
    path.write_bytes(data)
    items = list(ingest.read_articles([path], on_warning=lambda n: None))
    assert items
    for item in items:
        check_article(item)
        assert item.source.startswith(str(path))


@BUDGET
@given(st.lists(st.one_of(any_text.map(lambda t: json.dumps({"text": t})), any_text), max_size=6))
def test_jsonl_lines_never_raise(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("j") / "a.jsonl"
    path.write_text("\n".join(r.replace("\n", " ") for r in rows), encoding="utf-8", errors="surrogatepass")
    for item in ingest.read_articles([path], on_warning=lambda n: None):
        check_article(item)


@BUDGET
@given(st.binary(max_size=2000))
def test_decode_and_sanitize_never_raise(data):
    text, _ = textio.decode(data)
    clean, _ = textio.sanitize(text)
    clean.encode("utf-8")
    textio.binary_kind(data)


# ---------------------------------------------------------------- with the real model

NAMES = ["Acme Corporation", "the European Commission", "John Smith", "Germany", "Maria Lopez", "Google"]
VERBS = ["sued", "criticised", "fined", "met", "praised", "warned"]
sentence = st.builds(lambda a, v, b: f"{a} {v} {b}.", st.sampled_from(NAMES), st.sampled_from(VERBS),
                     st.sampled_from(NAMES))
article_text = st.lists(st.one_of(sentence, sentence, any_text), min_size=1, max_size=8).map(" ".join)


NOISY = "\ud800Acme Corporation sued Google.\x00 \u202e \U0001f600 Maria Lopez criticised Germany. " * 3


@pytest.mark.model
def test_the_noisy_example_has_relations(nlp):
    """Keeps the property below honest: hostile text still yields relations whose offsets it checks."""
    [res] = pipeline.process([articles.from_text(NOISY, on_warning=lambda n: None)], nlp=nlp)
    assert len(res.relations) >= 3


@pytest.mark.model
@MODEL_BUDGET
@given(article_text)
@example(NOISY)
def test_evidence_offsets_slice_the_article_and_graph_serialises(nlp, tmp_path_factory, text):
    art = articles.from_text(text, on_warning=lambda n: None)
    if isinstance(art, Skipped):
        return
    results = list(pipeline.process([art], nlp=nlp))
    assert [r.article for r in results] == [art]
    for res in results:
        for m in res.mentions:
            assert art.text[m.start:m.end] == m.text
        for rel in res.relations:
            ev = rel.evidence
            assert ev is not None and ev.article == art.id
            assert art.text[ev.start:ev.end] == ev.sentence
    G = build_graph(results, keep_isolated=True)
    out = tmp_path_factory.mktemp("g")
    json.loads(outputs.write_json(G, out / "g.json").read_bytes().decode("utf-8"))
    ET.parse(outputs.write_graphml(G, out / "g.graphml"))
    for write, target in ((gexf.write_gexf, out / "g.gexf"), (csv_tables.write_csv, out / "csv"),
                          (cypher.write_cypher, out / "g.cy")):
        write(G, target)
        if write is gexf.write_gexf:
            ET.parse(target)
        for path in ([target] if target.is_file() else sorted(target.glob("*"))):
            path.read_bytes().decode("utf-8")

