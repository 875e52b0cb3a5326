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
Dask engine (``dask_engine``); with one job everything runs in this process,
one article at a time. The chunks and what a worker does with one are in
``corpus.work``.
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
from typing import Any, Protocol

from ..errors import GraphkitError
from ..nlp import ParseOptions, check_model, load_model
from ..records import Article
from .work import MODELS, Chunk, Outcome, chunk_articles, iter_outcomes, process_chunk

WINDOW_WORDS = 400_000  # read-ahead: chunks are ordered largest first within this many words


class EngineError(GraphkitError):
    """A worker pool or cluster failed."""


def cpu_count() -> int:
    """Cores this process may use (affinity-aware)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS/Windows
        return max(1, os.cpu_count() or 1)


class Engine(Protocol):
    """Something that runs chunks: ``slots`` chunks may be in flight at once."""

    slots: int

    def submit(self, chunk: Chunk) -> Any: ...

    def wait_any(self, futures: Iterable[Any]) -> Iterable[Any]: ...

    def close(self) -> None: ...


# --- worker-process side -----------------------------------------------------------------------

def _init_worker(key: str | None, nlp: Any) -> None:
    """Load the model once per worker (or keep the one inherited through fork or sent to it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it lets running chunks finish
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    if nlp is not None:
        MODELS.put(key, nlp)
    else:
        MODELS.get(key)


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when its parent is gone (e.g. killed with SIGKILL): no orphan keeps a model."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _run_chunk(key: str | None, articles: tuple[Article, ...], options: ParseOptions) -> list[Outcome]:
    return process_chunk(MODELS.get(key), articles, options)


class LocalPool:
    """A pool of ``jobs`` worker processes, each holding one copy of the model.

    On Linux workers are forked, so a model the caller already loaded is shared
    copy-on-write instead of loaded again; elsewhere they are spawned and load it.
    """

    def __init__(self, jobs: int, options: ParseOptions, *, nlp: Any = None) -> None:
        if nlp is None:
            check_model(options.model)
        self.slots = jobs + 1  # one chunk queued behind the running ones keeps every worker busy
        self.options = options
        # a pipeline the caller loaded is kept under a key of its own, never mistaken for a model name
        self.key = options.model if nlp is None else f"<pipeline {id(nlp):x}>"
        self.given = nlp is not None
        fork = "fork" in mp.get_all_start_methods()
        ctx = mp.get_context("fork" if fork else "spawn")
        if fork and nlp is not None:
            MODELS.put(self.key, nlp)  # inherited by the forked workers
            nlp = None
        self.pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(self.key, nlp))

    def submit(self, chunk: Chunk) -> Future:
        return self.pool.submit(_run_chunk, self.key, chunk.articles, self.options)

    def wait_any(self, futures: Iterable[Future]) -> Iterable[Future]:
        return wait(list(futures), return_when=FIRST_COMPLETED).done

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.given:
            MODELS.drop(self.key)


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


def run_chunks(articles: Iterable[Article], options: ParseOptions | None = None, *, jobs: int | None = None,
               nlp: Any = None, engine: Engine | None = None,
               chunk_words: int | None = None) -> Iterator[list[tuple[int, Outcome]]]:
    """Process articles on ``jobs`` processes (or ``engine``); yield each finished batch.

    A batch is a list of ``(input position, outcome)``: one chunk from workers,
    in completion order (sort by position for a deterministic order), or one
    article at a time, in order, when everything runs in this process — with
    one job, or when the whole input fits in one chunk.
    """
    options = options or ParseOptions()
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
        yield from _in_process(_chain(first, chunks), nlp or load_model(options.model), options)
        return
    pool = LocalPool(jobs, options, nlp=nlp)
    try:
        for chunk, outcomes in schedule(pool, _chain(first, chunks)):
            yield list(zip(chunk.positions, outcomes))
    finally:
        pool.close()


def _in_process(chunks: Iterable[Chunk], nlp: Any, options: ParseOptions) -> Iterator[list[tuple[int, Outcome]]]:
    """One stream through the model in this process, one article at a time."""
    positions: deque[int] = deque()

    def articles() -> Iterator[Article]:
        for chunk in chunks:
            for pos, art in zip(chunk.positions, chunk.articles):
                positions.append(pos)
                yield art

    for outcome in iter_outcomes(nlp, articles(), options):
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
