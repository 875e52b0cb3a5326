"""A model-free stand-in for extraction, shared by the parallel/store/dask tests.

``fake_extract`` reads capitalised words as actors and links neighbours, so the
tests exercise scheduling, storage and merging without loading the spaCy model
(and without depending on the extraction rules, which change independently).
"""

from __future__ import annotations

from graphkit.entities.keys import slug
from graphkit.records import Article, ArticleResult, Entity, Evidence, Mention, Relation


def fake_extract(doc, article: Article) -> ArticleResult:
    words = [t for t in doc if t.text[:1].isupper() and t.text.isalpha()]
    names = sorted({t.text for t in words})
    ents = tuple(Entity(slug(n), n, "person", (n,), sum(t.text == n for t in words)) for n in names)
    mentions = tuple(Mention(slug(t.text), t.idx, t.idx + len(t.text), t.text) for t in words)
    rels = tuple(Relation(slug(a.text), slug(b.text), "met", "meet", "action", "cooperation", 1,
                          Evidence(article.id, article.text[a.idx:b.idx + len(b.text)], a.idx, b.idx + len(b.text)))
                 for a, b in zip(words, words[1:]) if a.text != b.text)
    return ArticleResult(article, ents, mentions, rels)


def corpus(n: int, words: int = 12) -> list[str]:
    """``n`` distinct short texts with a few capitalised actors each."""
    names = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Gray", "Harper", "Indigo", "Jules"]
    out = []
    for i in range(n):
        a, b, c = names[i % 10], names[(i * 3 + 1) % 10], names[(i * 7 + 2) % 10]
        filler = " ".join(f"word{i}x{k}" for k in range(words * (1 + i % 4)))
        out.append(f"{a} met {b} on day {i}. {filler}. Later {b} called {c}.")
    return out
