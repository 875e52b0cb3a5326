"""Entity resolution must stay cheap next to parsing.

Run: ``PYTHONPATH=. python benchmarks/bench_entities.py [FILE.jsonl ...]`` (defaults to
``sample_data/wikinews_sample.jsonl``). Parses the articles, then resolves their entities twice
(the first pass loads the data tables) and prints the time of the second pass against the parse
time measured in the same run; exits 1 when that ratio exceeds ``MAX_RATIO``. The articles are also
repeated 4x in one document to check that resolution time grows linearly with length.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from graphkit import entities, sources
from graphkit.nlp import load_model
from graphkit.records import Article

MAX_RATIO = 0.15    # entity resolution may cost at most this share of parsing
MAX_GROWTH = 6.0    # 4x the text may cost at most 6x the time (linear, with slack)


def _resolve_all(docs, articles) -> float:
    t = time.perf_counter()
    for d, a in zip(docs, articles):
        entities.resolve(d, a)
    return time.perf_counter() - t


def main(paths: list[str]) -> int:
    paths = paths or [str(Path(__file__).resolve().parent.parent / "sample_data" / "wikinews_sample.jsonl")]
    articles = [a for a in sources.read_articles(paths) if isinstance(a, Article)]
    nlp = load_model()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(a.text for a in articles))
    parse = time.perf_counter() - t0
    _resolve_all(docs, articles)
    ent = _resolve_all(docs, articles)
    ratio = ent / max(parse, 1e-9)
    long_text = "\n\n".join(a.text for a in articles[:3])
    short_doc, long_doc = nlp(long_text), nlp("\n\n".join([long_text] * 4))
    t_short = min(_resolve_all([short_doc], [Article("s", long_text)]) for _ in range(3))
    t_long = min(_resolve_all([long_doc], [Article("l", long_doc.text)]) for _ in range(3))
    growth = t_long / max(t_short, 1e-9)
    print(f"{len(articles)} articles, {sum(len(d) for d in docs)} tokens: parse {parse:.2f}s, "
          f"entities {ent:.3f}s, entities/parse {ratio:.3f}; 4x text costs {growth:.1f}x")
    return 0 if ratio <= MAX_RATIO and growth <= MAX_GROWTH else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
