"""Relations between entities from the dependency parse.

Baseline: active subject-verb-object. (Issue "Relations" replaces this with the
full pattern set, role edges, speech and the verb lexicon.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .entities import DocEntities
from .records import Article, Evidence, Relation


def past(token: Any) -> str:
    """Past-tense form of a verb token."""
    from lemminflect import getInflection

    forms = getInflection(token.lemma_, tag="VBD")
    return forms[0] if forms else token.lemma_


def _evidence(token: Any, article: Article) -> Evidence:
    sent = token.sent
    return Evidence(article.id, sent.text, sent.start_char, sent.end_char)


def extract_relations(doc: Any, ents: DocEntities, *, article: Article) -> Iterator[Relation]:
    """Yield the directed relations stated in one parsed article."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ == "dobj"]
        for s in subj:
            for o in obj:
                a, b = ents.entity_at(s.i), ents.entity_at(o.i)
                if a and b and a != b:
                    yield Relation(a, b, past(tok).lower(), tok.lemma_.lower(), "action", "neutral", 0,
                                   _evidence(tok, article))
