"""Relation extraction: who acts on whom, read from the dependency parse of one article.

``extract_relations(doc, ents, article=...)`` yields ``Relation`` records: the verb and
noun patterns (``verb_patterns``, ``noun_patterns``) find ``Act`` candidates between the
actors the entity layer resolved (``arguments``), ``extract`` keeps those the sentence
asserts, ``labels`` names them, ``roles`` adds title edges and ``speech`` who reports them.
"""

from .acts import Act
from .extract import extract_relations
from .labels import classify, kind_of

__all__ = ["Act", "classify", "extract_relations", "kind_of"]
