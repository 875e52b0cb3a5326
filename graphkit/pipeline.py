"""Parse and extract: articles → parsed pieces → one ``ArticleResult`` of plain records per article.

``process`` is the one parse-and-extract path, used by the serial API and by every engine's
workers; ``extract`` turns one parsed article into records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dataclasses import replace

from .entities import country_of, drop_publishers, resolve
from .nlp import ParseOptions, extract_pieces, load_model, parse_pieces
from .records import Article, ArticleResult, Entity, Relation
from .relations import extract_relations


class TokenCache:
    """A read-only view of a ``Doc`` that builds each ``Token`` object once.

    spaCy makes a new ``Token`` object on every iteration or index of a Doc, and the
    extraction walks each Doc a dozen times; serving the tokens and sentences from a
    list roughly halves the cost of extraction. Everything else is the Doc's own.
    """

    __slots__ = ("_doc", "_tokens", "_sents")

    def __init__(self, doc: Any):
        self._doc = doc
        self._tokens = list(doc)
        self._sents: tuple | None = None

    def __iter__(self) -> Iterator[Any]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, i: Any) -> Any:
        return self._tokens[i] if isinstance(i, int) else self._doc[i]

    @property
    def sents(self) -> Iterator[Any]:
        if self._sents is None:
            self._sents = tuple(self._doc.sents)
        return iter(self._sents)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)


def extract(doc: Any, article: Article) -> ArticleResult:
    """Resolve the entities of a parsed article, then read the relations between them."""
    doc = TokenCache(doc)
    ents = resolve(doc, article)
    found, rels = drop_publishers(article, list(ents.entities.values()),
                                  list(extract_relations(doc, ents, article=article)))
    kept = {e.key for e in found}
    typed = office_states(found, rels)
    mentions = tuple(m for m in ents.mentions if m.entity in kept)
    return ArticleResult(article, tuple(sorted(typed, key=lambda e: e.key)), mentions, tuple(rels))


def office_states(ents: Iterable[Entity], rels: Iterable[Relation]) -> list[Entity]:
    """Type as a government a country whose office a role edge names ("President Jane Roe" -> president of
    the main country's government), or that a role edge makes a member of a body ("agencies from X were part
    of the task force"): the state is meant, even where no sentence has the country itself act, so its node
    is never the bare place."""
    served = {r.target for r in rels if r.kind == "role"} | {r.source for r in rels if r.kind == "role"}
    return [replace(e, type="government") if e.type == "place" and e.key in served and country_of(e.label)
            else e for e in ents]


def process(articles: Iterable[Article], options: ParseOptions | None = None, *,
            nlp: Any = None) -> Iterator[ArticleResult]:
    """Parse and extract every article; yields one plain result per article (``nlp``: a loaded
    pipeline, else the model ``options`` name is loaded)."""
    options = options or ParseOptions()
    nlp = nlp or load_model(options.model)
    # long articles are parsed in bounded pieces and merged back (memory stays flat)
    yield from extract_pieces(parse_pieces(nlp, articles, batch_size=options.batch_size), extract)
