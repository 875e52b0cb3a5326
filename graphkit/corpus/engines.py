"""Parsing on every core: word-balanced chunks handed out largest first.

The spaCy model is the cost of a build, so the corpus is cut into chunks of
roughly ``CHUNK_WORDS`` words (an article longer than that is a chunk of its
own) and each worker process — which loads the model once — takes the next
chunk as soon as it is free. Chunks are handed out largest first from a
read-ahead window, so one 20,000-word article does not leave the other workers
idle at the end of a run. Workers return plain ``ArticleResult`` records, never
Docs; callers re-order them by input position, so the graph does not depend on
which worker finished first.

The same ``Engine`` protocol drives the local pool (``LocalPool``) and the
Dask engine (``engine_dask``); with one job everything runs in this process,
one article at a time.
"""

from __future__ import annotations

import heapq
from collections import deque
import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from .. import nlp as nlp_mod
from ..errors import GraphkitError
from ..pipeline import process
from ..records import Article, ArticleResult, Skipped

CHUNK_WORDS = 3000  # words per unit of work: large enough to batch, small enough to balance
WINDOW_WORDS = 400_000  # read-ahead: chunks are ordered largest first within this many words

Outcome = ArticleResult | Skipped


class EngineError(GraphkitError):
    """A worker pool or cluster failed."""


def cpu_count() -> int:
    """Cores this process may use (affinity-aware)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS/Windows
        return max(1, os.cpu_count() or 1)


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


def iter_outcomes(nlp: Any, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[Outcome]:
    """Parse and extract articles in one stream (through ``pipeline.process``); one outcome each, in order.

    If anything fails, the articles handed to the model but not yet finished
    are retried one by one, so only the one that fails becomes a ``Skipped``:
    one broken article never stops a corpus. Ctrl-C is not caught.
    """
    source = iter(articles)
    pending: deque[Article] = deque()  # handed to the model, outcome not yet yielded

    def feed() -> Iterator[Article]:
        for art in source:
            pending.append(art)
            yield art

    while True:
        try:
            for res in process(feed(), nlp=nlp, batch_size=batch_size):
                pending.popleft()
                yield res
            return
        except Exception:
            if not pending:
                raise
        while pending:
            art = pending.popleft()
            try:
                yield from process([art], nlp=nlp, batch_size=1)
            except Exception as exc:
                yield _failure(art, exc)


def process_chunk(nlp: Any, articles: Iterable[Article], *, batch_size: int = 32) -> list[Outcome]:
    """All outcomes of one chunk as a picklable list (what a worker returns)."""
    return list(iter_outcomes(nlp, articles, batch_size=batch_size))


def _failure(art: Article, exc: Exception) -> Skipped:
    return Skipped.error(art.source or art.id, exc, "parsing and extraction")


class Engine(Protocol):
    """Something that runs chunks: ``slots`` chunks may be in flight at once."""

    slots: int

    def submit(self, chunk: Chunk) -> Any: ...

    def wait_any(self, futures: Iterable[Any]) -> Iterable[Any]: ...

    def close(self) -> None: ...


def check_model(model: str | None) -> None:
    """Fail early, in this process, when the model workers would load does not exist."""
    import importlib.util
    from pathlib import Path

    name = model or nlp_mod.default_model()
    try:
        found = Path(name).exists() or importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise nlp_mod.ModelError(f"cannot load spaCy model {name!r} (not an installed package or a folder); "
                                 f"install one with `{nlp_mod.INSTALL_HINT}` or pass --model NAME_OR_PATH")


# --- worker-process side -----------------------------------------------------------------------
_WORKER_NLP: Any = None


def _init_worker(model: str | None, nlp: Any) -> None:
    """Load the model once per worker (or keep the one inherited through fork)."""
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it lets running chunks finish
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    if nlp is not None:
        _WORKER_NLP = nlp
    elif _WORKER_NLP is None:
        _WORKER_NLP = nlp_mod.load_model(model)


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when its parent is gone (e.g. killed with SIGKILL): no orphan keeps a model."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _run_chunk(articles: tuple[Article, ...], batch_size: int) -> list[Outcome]:
    return process_chunk(_WORKER_NLP, articles, batch_size=batch_size)


class LocalPool:
    """A pool of ``jobs`` worker processes, each holding one copy of the model.

    On Linux workers are forked, so a model the caller already loaded is shared
    copy-on-write instead of loaded again; elsewhere they are spawned and load it.
    """

    def __init__(self, jobs: int, *, model: str | None = None, nlp: Any = None, batch_size: int = 32) -> None:
        global _WORKER_NLP
        if nlp is None:
            check_model(model)
        self.slots = jobs + 1  # one chunk queued behind the running ones keeps every worker busy
        self.batch_size = batch_size
        fork = "fork" in mp.get_all_start_methods()
        ctx = mp.get_context("fork" if fork else "spawn")
        if fork and nlp is not None:
            _WORKER_NLP, nlp = nlp, None  # inherited by the forked workers
        self.pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(model, nlp))

    def submit(self, chunk: Chunk) -> Future:
        return self.pool.submit(_run_chunk, chunk.articles, self.batch_size)

    def wait_any(self, futures: Iterable[Future]) -> Iterable[Future]:
        return wait(list(futures), return_when=FIRST_COMPLETED).done

    def close(self) -> None:
        global _WORKER_NLP
        self.pool.shutdown(wait=True, cancel_futures=True)
        _WORKER_NLP = None


def schedule(engine: Engine, chunks: Iterable[Chunk], *,
             window_words: int | None = None) -> Iterator[tuple[Chunk, list[Outcome]]]:
    """Run chunks on ``engine``, largest first within the read-ahead window; yield as they finish."""
    window = window_words or WINDOW_WORDS
    source = iter(chunks)
    heap: list[tuple[int, int, Chunk]] = []
    buffered, exhausted = 0, False
    running: dict[Any, Chunk] = {}
    while True:
        while not exhausted and buffered < window:
            chunk = next(source, None)
            if chunk is None:
                exhausted = True
            else:
                heapq.heappush(heap, (-chunk.words, chunk.index, chunk))
                buffered += chunk.words
        while heap and len(running) < engine.slots:
            _, _, chunk = heapq.heappop(heap)
            buffered -= chunk.words
            running[engine.submit(chunk)] = chunk
        if not running:
            return
        for fut in engine.wait_any(running):
            chunk = running.pop(fut)
            yield chunk, _result(fut)


def _result(fut: Any) -> list[Outcome]:
    try:
        return fut.result()
    except BrokenProcessPool:
        raise EngineError("a worker process died (out of memory or killed); "
                          "rerun with fewer --jobs or with --jobs 1") from None


def run(articles: Iterable[Article], *, jobs: int | None = None, model: str | None = None, nlp: Any = None,
        batch_size: int = 32, engine: Engine | None = None,
        chunk_words: int | None = None) -> Iterator[list[tuple[int, Outcome]]]:
    """Process articles on ``jobs`` processes (or ``engine``); yield each finished batch.

    A batch is a list of ``(input position, outcome)``: one chunk from workers,
    in completion order (sort by position for a deterministic order), or one
    article at a time, in order, when everything runs in this process — with
    one job, or when the whole input fits in one chunk.
    """
    chunks = chunk_articles(articles, chunk_words=chunk_words)
    if engine is not None:
        for chunk, outcomes in schedule(engine, chunks):
            yield list(zip(chunk.positions, outcomes))
        return
    jobs = jobs or cpu_count()
    first = list(_take(chunks, 2))
    if not first:
        return  # nothing to do: the model is never loaded
    if jobs <= 1 or len(first) < 2:
        yield from _in_process(_chain(first, chunks), nlp or nlp_mod.load_model(model), batch_size)
        return
    pool = LocalPool(jobs, model=model, nlp=nlp, batch_size=batch_size)
    try:
        for chunk, outcomes in schedule(pool, _chain(first, chunks)):
            yield list(zip(chunk.positions, outcomes))
    finally:
        pool.close()


def _in_process(chunks: Iterable[Chunk], nlp: Any, batch_size: int) -> Iterator[list[tuple[int, Outcome]]]:
    """One stream through the model in this process, one article at a time."""
    positions: deque[int] = deque()

    def articles() -> Iterator[Article]:
        for chunk in chunks:
            for pos, art in zip(chunk.positions, chunk.articles):
                positions.append(pos)
                yield art

    for outcome in iter_outcomes(nlp, articles(), batch_size=batch_size):
        yield [(positions.popleft(), outcome)]


def _take(it: Iterator[Chunk], n: int) -> Iterator[Chunk]:
    for _ in range(n):
        item = next(it, None)
        if item is None:
            return
        yield item


def _chain(first: list[Chunk], rest: Iterator[Chunk]) -> Iterator[Chunk]:
    yield from first
    yield from rest
