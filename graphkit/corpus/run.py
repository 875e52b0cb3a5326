"""The bookkeeping of one ``graphkit.build`` run: engine choice, store look-ups, counts, results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from . import engines
from ..errors import InputError
from ..nlp import ParseOptions
from .progress import Progress
from ..records import Article, ArticleResult, Skipped, text_hash
from .store import Store
from .work import word_count


def open_engine(engine: str, scheduler: str | None, options: ParseOptions | None = None) -> engines.Engine | None:
    """``None`` for the local pool (``engines.run_chunks`` opens it), else a connected cluster engine."""
    if engine == "local":
        if scheduler:
            raise InputError(f"--scheduler {scheduler} needs --engine dask; add it or drop --scheduler")
        return None
    if engine == "dask":
        from . import dask_engine  # needs dask.distributed, an optional extra

        return dask_engine.open_engine(scheduler, options)
    raise InputError(f"unknown engine {engine!r}; pass --engine local or --engine dask")


class Run:
    """The bookkeeping of one build: skips, counts, store writes, results by input position."""

    def __init__(self, store: Store | None, progress: Progress) -> None:
        self.store, self.progress = store, progress
        self.skipped: list[Skipped] = []
        self.counts = {"articles": 0, "words": 0, "cached": 0, "duplicates": 0}
        self.results: dict[int, ArticleResult] = {}
        self.pending: set[str] = set()

    def skip(self, item: Skipped, on_skip: Callable[[Skipped], None] | None) -> None:
        self.skipped.append(item)
        if on_skip:
            on_skip(item)

    def articles(self, items: Iterable[Article | Skipped], on_skip: Callable | None) -> Iterator[Article]:
        """Articles to process: skips reported, texts already stored (or seen this run) left out."""
        for item in items:
            if isinstance(item, Skipped):
                self.skip(item, on_skip)
                continue
            if self.store is not None:
                digest = text_hash(item.text)
                self.store.add_source(digest, item)
                if self.store.has(digest) or digest in self.pending:
                    self.counts["cached" if digest not in self.pending else "duplicates"] += 1
                    continue
                self.pending.add(digest)
            self.progress.read(word_count(item.text))
            yield item
        self.progress.reading_done()

    def finish(self, batch: list, on_article: Callable | None, on_skip: Callable | None) -> None:
        """One finished chunk: count it, report it, keep or store its results."""
        done = [(pos, out) for pos, out in batch if isinstance(out, ArticleResult)]
        for _, out in batch:
            if isinstance(out, Skipped):
                self.skip(out, on_skip)
        if self.store is not None:
            self.store.save(out for _, out in done)
        words = 0
        for pos, res in done:
            words += word_count(res.article.text)
            if on_article:
                on_article(res)
            if self.store is None:  # texts are not needed any more: keep memory flat
                self.results[pos] = replace(res, article=replace(res.article, text=""))
        self.counts["articles"] += len(done)
        self.counts["words"] += words
        self.progress.advance(len(done), words)

    def final_results(self) -> list[ArticleResult]:
        """Results in input order, or the whole store rebuilt."""
        self.progress.close()
        if self.store is not None:
            self.store.prune()
            return list(self.store.results())
        return [self.results[k] for k in sorted(self.results)]
