"""Bounded NLP work for long articles: parse in chunks, merge the results back.

spaCy's parser needs memory in proportion to the text it is given, so an
article longer than ``CHUNK_CHARS`` is cut at paragraph (else sentence, else
word) boundaries, and chunks go through ``nlp.pipe`` in batches of at most
``BATCH_CHARS`` characters. The
chunk results are shifted back to offsets in the whole article and merged into
one ``ArticleResult``, so memory stays flat however long an article is. Entity
names are resolved within each chunk (a surname is joined to a full name only
when both fall in the same chunk).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..records import Article, ArticleResult, dominant_type

CHUNK_CHARS = 50_000  # longest text handed to the parser at once (most articles are one chunk)
BATCH_CHARS = 100_000  # characters parsed together in one nlp.pipe batch
BATCH_SIZE = 32  # texts parsed together in one nlp.pipe batch (at most; BATCH_CHARS bounds it too)
_SEPARATORS = ("\n\n", "\n", ". ", "? ", "! ", " ")


@dataclass(frozen=True)
class Piece:
    """One chunk of an article on its way through the pipeline."""

    article: Article
    offset: int = 0
    last: bool = True


def split_text(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``(offset, chunk)`` pairs covering ``text`` exactly, each at most ``size`` characters."""
    out, pos = [], 0
    while len(text) - pos > size:
        end = pos + size
        cut = end
        for sep in _SEPARATORS:
            i = text.rfind(sep, pos + size // 2, end)
            if i > 0:
                cut = i + len(sep)
                break
        out.append((pos, text[pos:cut]))
        pos = cut
    out.append((pos, text[pos:]))
    return out


def pieces(articles: Iterable[Article], size: int = CHUNK_CHARS) -> Iterator[tuple[str, Piece]]:
    """``(text, Piece)`` pairs for ``nlp.pipe(..., as_tuples=True)``; short articles are one piece."""
    for article in articles:
        if len(article.text) <= size:
            yield article.text, Piece(article)
            continue
        parts = split_text(article.text, size)
        for n, (offset, chunk) in enumerate(parts):
            yield chunk, Piece(replace(article, text=chunk), offset, n == len(parts) - 1)


def batches(items: Iterable[tuple[str, Piece]], *, batch_size: int = BATCH_SIZE,
            batch_chars: int = BATCH_CHARS) -> Iterator[list[tuple[str, Piece]]]:
    """Groups of at most ``batch_size`` pieces and about ``batch_chars`` characters (parser memory)."""
    group: list[tuple[str, Piece]] = []
    chars = 0
    for item in items:
        if group and (len(group) >= batch_size or chars + len(item[0]) > batch_chars):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += len(item[0])
    if group:
        yield group


def parse(nlp: Any, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE,
          size: int = CHUNK_CHARS) -> Iterator[tuple[Any, Piece]]:
    """``(doc, Piece)`` for every chunk of every article, batched by count and by characters."""
    for group in batches(pieces(articles, size), batch_size=batch_size):
        yield from nlp.pipe(group, as_tuples=True, batch_size=len(group))


def shift(result: ArticleResult, offset: int) -> ArticleResult:
    """The result with every character offset moved by ``offset``."""
    if not offset:
        return result
    mentions = tuple(replace(m, start=m.start + offset, end=m.end + offset) for m in result.mentions)
    relations = tuple(
        replace(r, evidence=replace(r.evidence, start=r.evidence.start + offset, end=r.evidence.end + offset))
        if r.evidence is not None else r for r in result.relations)
    return replace(result, mentions=mentions, relations=relations)


def merge(article: Article, results: list[ArticleResult]) -> ArticleResult:
    """One result for the whole article from its (already shifted) chunk results."""
    if len(results) == 1:
        return replace(results[0], article=article)
    by_key: dict[str, list] = {}
    for res in results:
        for ent in res.entities:
            by_key.setdefault(ent.key, []).append(ent)
    entities = []
    for key in sorted(by_key):
        ents = by_key[key]
        types, labels = Counter(), Counter()
        for e in ents:
            types[e.type] += max(1, e.mentions)
            labels[e.label] += max(1, e.mentions)
        entities.append(replace(
            ents[0], label=max(labels.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0],
            type=dominant_type(types),
            aliases=tuple(sorted({a for e in ents for a in e.aliases})), mentions=sum(e.mentions for e in ents)))
    return replace(results[0], article=article, entities=tuple(entities),
                   mentions=tuple(m for r in results for m in r.mentions),
                   relations=tuple(r for res in results for r in res.relations))


def run(parsed: Iterable[tuple[Any, Piece]], extract: Callable[[Any, Article], ArticleResult]
        ) -> Iterator[ArticleResult]:
    """Extract every parsed piece and yield one merged result per article, in input order."""
    pending: list[ArticleResult] = []
    for doc, piece in parsed:
        pending.append(shift(extract(doc, piece.article), piece.offset))
        if piece.last:
            yield merge(piece.article if len(pending) == 1 else _whole(pending, piece), pending)
            pending = []


def _whole(pending: list[ArticleResult], piece: Piece) -> Article:
    """The full article back from its chunks (they cover the text exactly, in order)."""
    return replace(piece.article, text="".join(r.article.text for r in pending))
