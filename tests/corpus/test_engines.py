"""Word-balanced chunking, largest-first scheduling and process-pool determinism."""

from __future__ import annotations

import json

import pytest

from graphkit import api, pipeline
from graphkit.corpus import engines, work
from graphkit.nlp import ParseOptions
from graphkit.outputs import to_json_data
from graphkit.records import Article, ArticleResult, Skipped

from support.scale_fakes import corpus, fake_extract


def art(i: int, words: int) -> Article:
    return Article(id=f"a{i}", text=" ".join(["w"] * words), source=f"a{i}")


def test_chunks_balance_words_and_keep_positions():
    sizes = [100, 200, 5000, 50, 50, 900, 300]
    chunks = list(work.chunk_articles([art(i, n) for i, n in enumerate(sizes)], chunk_words=1000))
    assert [p for c in chunks for p in c.positions] == list(range(len(sizes)))
    for c in chunks:
        assert c.words == sum(sizes[p] for p in c.positions)
        assert c.words <= 1000 or len(c.positions) == 1  # only a single long article exceeds the limit
    assert any(c.positions == (2,) for c in chunks)


class FakeFuture:
    def __init__(self, chunk):
        self.chunk = chunk

    def result(self):
        return [ArticleResult(a) for a in self.chunk.articles]


class FakeEngine:
    """Records submission order; finishes the oldest chunk in flight first."""

    slots = 2

    def __init__(self):
        self.order, self.in_flight, self.max_in_flight = [], 0, 0

    def submit(self, chunk):
        self.order.append(chunk.words)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        return FakeFuture(chunk)

    def wait_any(self, futures):
        self.in_flight -= 1
        return [min(futures, key=lambda f: self.order.index(f.chunk.words))]

    def close(self):
        pass


def test_schedule_hands_out_largest_first_within_slots():
    sizes = [10, 3000, 20, 800, 19000, 40]
    chunks = list(work.chunk_articles([art(i, n) for i, n in enumerate(sizes)], chunk_words=100))
    eng = FakeEngine()
    got = [p for batch in engines.run_chunks([], engine=eng) for p in batch]  # empty input: nothing submitted
    assert got == [] and eng.order == []
    done = list(engines.schedule(eng, chunks))
    assert eng.order[:2] == [19000, 3000]  # the two largest go first
    assert sorted(eng.order, reverse=True)[:2] == eng.order[:2]
    assert eng.max_in_flight <= eng.slots
    assert sorted(p for c, _ in done for p in c.positions) == list(range(len(sizes)))


def test_failed_extraction_becomes_a_skip(monkeypatch, vocab):
    import spacy

    def flaky(doc, article):
        if "boom" in article.text:
            raise ValueError("bad span")
        return fake_extract(doc, article)

    monkeypatch.setattr(pipeline, "extract", flaky)
    arts = [Article("ok", "Avery met Blake."), Article("bad", "boom Casey", source="bad.txt"),
            *(Article(f"n{i}", f"Devon met Emery {i}.") for i in range(5))]
    out = work.process_chunk(spacy.blank("en"), arts, ParseOptions(batch_size=4))
    assert [type(o).__name__ for o in out] == ["ArticleResult", "Skipped"] + ["ArticleResult"] * 5
    assert [o.article.id for o in out if isinstance(o, ArticleResult)] == ["ok", "n0", "n1", "n2", "n3", "n4"]
    assert out[1].source == "bad.txt" and "bad span" in out[1].message


def test_model_failure_skips_only_the_article_it_fails_on(monkeypatch):
    import spacy

    monkeypatch.setattr(pipeline, "extract", fake_extract)
    nlp = spacy.blank("en")
    nlp.max_length = 100
    arts = [Article("a", "Avery met Blake."), Article("long", "Casey " * 40, source="long.txt"),
            Article("b", "Devon met Emery.")]
    out = work.process_chunk(nlp, arts)
    assert [type(o).__name__ for o in out] == ["ArticleResult", "Skipped", "ArticleResult"]
    assert out[1].reason == "error" and out[1].source == "long.txt"
    assert "rerun with --debug" in out[1].message and "Traceback" in out[1].detail


def graph_bytes(kg) -> str:
    return json.dumps(to_json_data(kg.G), sort_keys=True)


def test_pool_gives_the_same_graph_as_one_process(monkeypatch):
    """Forked workers (fake extraction, blank pipeline) merge to the identical graph."""
    import spacy

    monkeypatch.setattr(pipeline, "extract", fake_extract)
    monkeypatch.setattr(work, "CHUNK_WORDS", 40)
    texts = corpus(24)
    nlp = spacy.blank("en")
    one = api.build(texts, nlp=nlp, jobs=1)
    two = api.build(texts, nlp=nlp, jobs=2)
    assert one.report.articles == two.report.articles == 24
    assert graph_bytes(one) == graph_bytes(two)
    assert one.G.number_of_edges() > 5


@pytest.mark.model
def test_real_model_single_and_multi_process_write_identical_bytes(monkeypatch, tmp_path):
    monkeypatch.setattr(work, "CHUNK_WORDS", 25)
    texts = ["The European Union fined Google on Monday. Google said it would appeal.",
             "Microsoft acquired GitHub in 2018. GitHub employees met Satya Nadella in Seattle.",
             "Russia accused Ukraine of shelling the plant. Ukraine denied the accusation.",
             "The United Nations criticised Israel. Israel rejected the report on Tuesday."]
    out = {}
    for jobs in (1, 2):
        kg = api.build(texts, jobs=jobs)
        api.write_outputs(kg, tmp_path / str(jobs))
        out[jobs] = (tmp_path / str(jobs) / "graph.json").read_bytes()
    assert out[1] == out[2]
