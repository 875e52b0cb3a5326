"""Relation extraction must stay cheap next to parsing.

Run: ``PYTHONPATH=. python benchmarks/bench_relations.py [FILE.jsonl ...]`` (defaults to
``sample_data/wikinews_sample.jsonl``). Prints the time spaCy takes to parse the articles, the time
entity resolution and relation extraction take on the parsed docs (relations timed on a second
pass, once the lexicons are loaded), and the ratio of relation extraction to parsing measured in
the same run; exits 1 when that ratio exceeds ``MAX_RATIO``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from graphkit import entities, relations, sources
from graphkit.nlp import load_model
from graphkit.records import Article

MAX_RATIO = 0.2  # relation extraction may cost at most a fifth of parsing


def main(paths: list[str]) -> int:
    paths = paths or [str(Path(__file__).resolve().parent.parent / "sample_data" / "wikinews_sample.jsonl")]
    articles = [a for a in sources.read_articles(paths) if isinstance(a, Article)]
    nlp = load_model()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(a.text for a in articles))
    t1 = time.perf_counter()
    resolved = [entities.resolve(d, a) for d, a in zip(docs, articles)]
    t_ent = time.perf_counter() - t1
    for d, e, a in zip(docs, resolved, articles):  # first pass loads the lexicons and lemminflect's tables
        list(relations.extract_relations(d, e, article=a))
    t2 = time.perf_counter()
    n = sum(len(list(relations.extract_relations(d, e, article=a))) for d, e, a in zip(docs, resolved, articles))
    t3 = time.perf_counter()
    ratio = (t3 - t2) / max(t1 - t0, 1e-9)
    print(f"{len(articles)} articles, {sum(len(d) for d in docs)} tokens: parse {t1 - t0:.2f}s, "
          f"entities {t_ent:.2f}s, relations {t3 - t2:.2f}s ({n} relations); relations/parse {ratio:.3f}")
    return 0 if ratio <= MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
