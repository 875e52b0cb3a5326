"""graphkit: a who-acts-on-whom knowledge graph from news articles."""

from .api import build, write_outputs
from .knowledge_graph import KnowledgeGraph, load
from .records import Article, ArticleResult, Entity, Evidence, Mention, Notice, Relation, Skipped

__version__ = "0.1.0"
__all__ = ["build", "load", "write_outputs", "KnowledgeGraph", "Article", "ArticleResult", "Entity",
           "Evidence", "Mention", "Notice", "Relation", "Skipped", "__version__"]
