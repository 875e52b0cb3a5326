"""Would parsing only the sentences that can hold a relation pay off?

    python benchmarks/selective_parse.py CORPUS [--articles 80]

Compares the CPU time of the full pipeline with a selective one: every step but
the parser on all text (the statistical ``senter`` supplies sentences), then
the parser only on sentences with two candidate actors (PERSON/ORG/GPE/NORP
entities) or one actor and a third-person pronoun. It also times the pipeline
with no parser at all, the floor any selective scheme could reach. The
selective timing leaves out merging the partial parses back into one Doc,
which graphkit's extraction would need on top, so it is a lower bound.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphkit import sources  # noqa: E402
from graphkit import nlp as nlp_mod  # noqa: E402
from graphkit.records import Article  # noqa: E402

ACTORS = {"PERSON", "ORG", "GPE", "NORP"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"}


def qualifies(sent) -> bool:
    n = sum(1 for e in sent.ents if e.label_ in ACTORS)
    return n >= 2 or (n == 1 and any(t.lower_ in PRONOUNS for t in sent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--articles", type=int, default=80)
    args = ap.parse_args()
    texts = [a.text for a in sources.read_articles(args.corpus) if isinstance(a, Article)][:args.articles]
    import spacy

    full = nlp_mod.load_model()
    sel = spacy.load(nlp_mod.default_model(), exclude=list(nlp_mod.UNUSED_COMPONENTS))
    sel.enable_pipe("senter")
    sel.disable_pipe("parser")
    parser = sel.get_pipe("parser")

    def selective() -> tuple[int, int]:
        parsed = total = 0
        for doc in sel.pipe(texts):
            sents = list(doc.sents)
            picked = [s.as_doc() for s in sents if qualifies(s)]  # as_doc keeps the tok2vec tensor
            list(parser.pipe(picked))
            parsed, total = parsed + len(picked), total + len(sents)
        return parsed, total

    list(full.pipe(texts[:3]))
    selective()
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words")
    for _ in range(2):
        c = time.process_time()
        list(full.pipe(texts))
        f = time.process_time() - c
        c = time.process_time()
        parsed, total = selective()
        s = time.process_time() - c
        c = time.process_time()
        list(sel.pipe(texts))
        floor = time.process_time() - c
        print(f"full pipeline {f:.2f} CPU-s; selective {s:.2f} CPU-s ({parsed}/{total} sentences parsed, "
              f"{s / f:.2f}x); no parser at all {floor:.2f} CPU-s ({floor / f:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
