"""One parsed article → an ``ArticleResult`` of plain records."""

from __future__ import annotations

from typing import Any

from . import entities, relations
from .records import Article, ArticleResult


def extract(doc: Any, article: Article) -> ArticleResult:
    """Resolve the entities of a parsed article, then read the relations between them."""
    ents = entities.resolve(doc, article)
    rels = tuple(relations.extract_relations(doc, ents, article=article))
    return ArticleResult(article, tuple(sorted(ents.entities.values(), key=lambda e: e.key)),
                         tuple(ents.mentions), rels)
