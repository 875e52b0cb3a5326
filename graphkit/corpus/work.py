"""The unit of work of every engine: chunks of articles, what a worker does with one, its model.

A chunk holds consecutive articles of about ``CHUNK_WORDS`` words with their input
positions. ``process_chunk`` parses and extracts them through ``pipeline.process`` and
returns one picklable outcome per article (an ``ArticleResult``, or a ``Skipped`` with
reason ``error`` when that article raised). ``MODELS`` is the one model cache of a
worker process, used by the local pool and the Dask engine alike: each worker loads a
pipeline once and keeps it for every chunk it runs.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..nlp import ParseOptions, load_model
from ..pipeline import process
from ..records import Article, ArticleResult, Skipped

CHUNK_WORDS = 3000  # words per unit of work: large enough to batch, small enough to balance

Outcome = ArticleResult | Skipped


def word_count(text: str) -> int:
    """The cost measure of an article: whitespace-separated words."""
    return len(text.split())


@dataclass(frozen=True)
class Chunk:
    """A unit of work: articles with their input positions."""

    index: int
    positions: tuple[int, ...]
    articles: tuple[Article, ...]
    words: int


def chunk_articles(articles: Iterable[Article], *, chunk_words: int | None = None) -> Iterator[Chunk]:
    """Group consecutive articles into chunks of about ``chunk_words`` words."""
    limit = max(1, chunk_words or CHUNK_WORDS)
    pos: list[int] = []
    arts: list[Article] = []
    words = index = 0
    for i, art in enumerate(articles):
        n = word_count(art.text)
        if arts and words + n > limit:
            yield Chunk(index, tuple(pos), tuple(arts), words)
            index, pos, arts, words = index + 1, [], [], 0
        pos.append(i)
        arts.append(art)
        words += n
    if arts:
        yield Chunk(index, tuple(pos), tuple(arts), words)


def iter_outcomes(nlp: Any, articles: Iterable[Article], options: ParseOptions | None = None) -> Iterator[Outcome]:
    """Parse and extract articles in one stream (through ``pipeline.process``); one outcome each, in order.

    If anything fails, the articles handed to the model but not yet finished
    are retried one by one, so only the one that fails becomes a ``Skipped``:
    one broken article never stops a corpus. Ctrl-C is not caught.
    """
    options = options or ParseOptions()
    one = replace(options, batch_size=1)
    source = iter(articles)
    pending: deque[Article] = deque()  # handed to the model, outcome not yet yielded

    def feed() -> Iterator[Article]:
        for art in source:
            pending.append(art)
            yield art

    while True:
        try:
            for res in process(feed(), options, nlp=nlp):
                pending.popleft()
                yield res
            return
        except Exception:
            if not pending:
                raise
        while pending:
            art = pending.popleft()
            try:
                yield from process([art], one, nlp=nlp)
            except Exception as exc:
                yield failure(art, exc)


def process_chunk(nlp: Any, articles: Iterable[Article], options: ParseOptions | None = None) -> list[Outcome]:
    """All outcomes of one chunk as a picklable list (what a worker returns)."""
    return list(iter_outcomes(nlp, articles, options))


def failure(art: Article, exc: Exception) -> Skipped:
    """The record of an article whose parsing or extraction raised: reason ``error``, traceback kept."""
    return Skipped.error(art.source or art.id, exc, "parsing and extraction")


class Models:
    """The spaCy pipelines of this process by key (a model name, or a key for a pipeline the
    caller passed in), each loaded once; thread-safe."""

    def __init__(self) -> None:
        self._loaded: dict[str | None, Any] = {}
        self._lock = threading.Lock()

    def get(self, key: str | None) -> Any:
        """The pipeline for ``key``, loading the model of that name on first use."""
        with self._lock:
            if key not in self._loaded:
                self._loaded[key] = load_model(key)
            return self._loaded[key]

    def put(self, key: str | None, nlp: Any) -> None:
        """Keep an already loaded pipeline under ``key`` (a forked worker inherits it)."""
        with self._lock:
            self._loaded[key] = nlp

    def drop(self, key: str | None) -> None:
        with self._lock:
            self._loaded.pop(key, None)


MODELS = Models()  # per process: each worker process has its own
