"""The Dask engine: chunks of articles parsed on a dask.distributed cluster.

``graphkit build CORPUS --engine dask --scheduler tcp://HOST:8786`` sends the
same word-balanced chunks as the local pool to the cluster's workers. Each
worker process loads the spaCy model once (into ``work.MODELS``, the model cache
the local pool's workers use too) and returns plain ``ArticleResult`` records; this process merges them into the store and
the graph. Workers need graphkit and the model installed; run them with
``--nthreads 1`` (one model per core) — threads of one worker share its model
and take turns.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from ..environment import DependencyError, require
from ..errors import GraphkitError
from ..nlp import ParseOptions
from .work import MODELS, Chunk, Outcome, process_chunk

_LOCK = threading.Lock()  # threads of one worker take turns with its model


class DaskError(GraphkitError):
    """dask.distributed is missing or the scheduler cannot be reached."""


def run_chunk(options: ParseOptions, articles: tuple) -> list[Outcome]:
    """The task a worker runs: parse and extract one chunk (one chunk at a time per process)."""
    with _LOCK:
        return process_chunk(MODELS.get(options.model), articles, options)


class DaskEngine:
    """Runs chunks on a dask.distributed cluster (the ``engines.Engine`` protocol)."""

    def __init__(self, client: Any, options: ParseOptions | None = None, *, own_client: bool = False) -> None:
        wait = require("dask").wait
        self.client, self.options = client, options or ParseOptions()
        self._wait, self._own = wait, own_client
        threads = sum(client.nthreads().values()) or 1
        self.slots = threads * 2  # keeps every worker fed while results travel back

    def submit(self, chunk: Chunk) -> Any:
        return self.client.submit(run_chunk, self.options, chunk.articles,
                                  pure=False, key=f"graphkit-chunk-{chunk.index}-{id(self):x}")

    def wait_any(self, futures: Iterable[Any]) -> Iterable[Any]:
        return self._wait(list(futures), return_when="FIRST_COMPLETED").done

    def close(self) -> None:
        if self._own:
            self.client.close()


def open_engine(scheduler: str | None, options: ParseOptions | None = None, *, timeout: float = 30) -> DaskEngine:
    """Connect to the scheduler at ``scheduler`` (``tcp://host:port``)."""
    if not scheduler:
        raise DaskError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786), "
                        "the address `dask scheduler` prints")
    try:
        Client = require("dask").Client
    except DependencyError as exc:
        raise DaskError(str(exc)) from None
    try:
        client = Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise DaskError(f"cannot reach dask scheduler {scheduler} ({str(exc).splitlines()[0][:120]}); "
                        "check the address and that `dask scheduler` is running") from None
    if not client.nthreads():
        client.close()
        raise DaskError(f"dask scheduler {scheduler} has no workers; start some with "
                        f"`dask worker {scheduler} --nthreads 1`")
    return DaskEngine(client, options, own_client=True)
