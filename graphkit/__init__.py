"""graphkit: a who-acts-on-whom knowledge graph from news articles.

The public names are imported on first use (PEP 562), so ``graphkit info`` and
the CLI's one-line error for a broken install work even when a dependency does not import.
"""

import logging
from importlib import import_module
from typing import Any

from .environment import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())  # the application configures logging

_PUBLIC = {"build": ".api", "write_outputs": ".api",
           **{name: ".knowledge_graph" for name in ("BuildReport", "KnowledgeGraph", "load")},
           **{name: ".records" for name in ("Article", "ArticleResult", "Entity", "Evidence", "Mention",
                                             "Notice", "Relation", "Skipped")},
           **{name: ".sources" for name in ("Feed", "FetchOptions", "Sitemap", "UrlList")}}
__all__ = [*_PUBLIC, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(import_module(_PUBLIC[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
