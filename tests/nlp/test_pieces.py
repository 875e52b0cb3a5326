"""Long articles are parsed in bounded chunks and merged back with offsets into the whole text."""

from __future__ import annotations

import re

import pytest

from graphkit.nlp import pieces as chunks
from graphkit.records import Article, ArticleResult, Entity, Evidence, Mention, Relation


def fake_extract(doc, article: Article) -> ArticleResult:
    """Every "X sued Y." sentence of the (chunk) article, with offsets into that chunk."""
    assert doc.text == article.text, "each chunk is parsed together with its own text"
    ents, mentions, rels = {}, [], []
    for m in re.finditer(r"(\w+) sued (\w+)\.", article.text):
        for g in (1, 2):
            key = m.group(g).lower()
            old = ents.get(key, Entity(key, m.group(g), "organization", (m.group(g),), 0))
            ents[key] = Entity(key, old.label, old.type, old.aliases, old.mentions + 1)
            mentions.append(Mention(key, m.start(g), m.end(g), m.group(g)))
        ev = Evidence(article.id, m.group(), m.start(), m.end())
        rels.append(Relation(m.group(1).lower(), m.group(2).lower(), "sued", "sue", evidence=ev))
    return ArticleResult(article, tuple(sorted(ents.values(), key=lambda e: e.key)), tuple(mentions), tuple(rels))


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


@pytest.mark.parametrize("text", [
    "Acme sued Beta. " * 2000,
    "\n\n".join(["Acme sued Beta. Gamma met Delta today."] * 900),
    "x" * 50_000 + " Acme sued Beta.",
    "Acme sued Beta.",
])
def test_split_text_covers_the_text_exactly(text):
    parts = chunks.split_text(text, 1000)
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 1000 for _, p in parts)
    assert [o for o, _ in parts] == [sum(len(p) for _, p in parts[:i]) for i in range(len(parts))]


def test_long_article_results_point_into_the_whole_text(blank):
    text = "\n\n".join(f"Acme sued Beta. Paragraph {i} is filler text." for i in range(2000))
    article = Article("long", text)
    short = Article("short", "Gamma sued Delta.")
    [res, res2] = list(chunks.run(chunks.parse(blank, [article, short], size=5000), fake_extract))
    assert res.article == article and res2.article == short
    assert len(res.relations) == 2000
    for rel in res.relations:
        ev = rel.evidence
        assert text[ev.start:ev.end] == ev.sentence == "Acme sued Beta." and ev.article == "long"
    assert all(text[m.start:m.end] == m.text for m in res.mentions)
    assert {e.key: e.mentions for e in res.entities} == {"acme": 2000, "beta": 2000}


def test_batches_are_bounded_by_characters():
    items = [("x" * 40_000, None)] * 5 + [("y", None)] * 100
    groups = list(chunks.batches(iter(items), batch_size=32, batch_chars=100_000))
    assert [len(g) for g in groups] == [2, 2, 32, 32, 32, 5]
    assert all(len(g) <= 32 for g in groups) and sum(len(g) for g in groups) == 105
    assert all(sum(len(t) for t, _ in g) <= 100_000 for g in groups)


def test_an_actor_typed_evenly_in_two_pieces_gets_the_type_a_corpus_would_give_it():
    """One tie-break: a long article merged from pieces types an actor as two short articles would."""
    from graphkit.graph import build_graph

    def result(article_id: str, typ: str) -> ArticleResult:
        art = Article(article_id, "Jordan sued Beta.")
        ents = (Entity("jordan", "Jordan", typ, ("Jordan",), 2), Entity("beta", "Beta", "organization", ("Beta",), 1))
        rel = Relation("jordan", "beta", "sued", "sue", evidence=Evidence(article_id, art.text, 0, len(art.text)))
        return ArticleResult(art, ents, (), (rel,))

    for first, second in (("place", "person"), ("person", "place"), ("government", "place")):
        merged = chunks.merge(Article("long", "…"), [result("long", first), result("long", second)])
        corpus = build_graph([result("a", first), result("b", second)])
        assert {e.key: e.type for e in merged.entities}["jordan"] == corpus.nodes["jordan"]["type"]
    assert corpus.nodes["jordan"]["type"] == "government"
