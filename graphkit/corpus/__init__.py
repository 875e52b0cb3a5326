"""Whole corpora: worker engines, the run's bookkeeping, the corpus store and progress.

``run_chunks`` cuts the articles into word-balanced chunks (``work``) and runs them on a
pool of worker processes (``engines.LocalPool``) or a Dask cluster (``dask_engine``),
largest first; ``Run`` keeps one build's counts and results and consults the SQLite
``Store`` so a rerun processes only new texts; ``Progress`` draws the status line.
"""

from .engines import Engine, EngineError, LocalPool, cpu_count, run_chunks, schedule
from .progress import Progress, duration, summary_lines
from .run import Run, open_engine
from .store import Store, StoreError
from .work import CHUNK_WORDS, MODELS, Chunk, Models, Outcome, chunk_articles, process_chunk, word_count

__all__ = ["CHUNK_WORDS", "MODELS", "Chunk", "Engine", "EngineError", "LocalPool", "Models", "Outcome", "Progress",
           "Run", "Store", "StoreError", "chunk_articles", "cpu_count", "duration", "open_engine",
           "process_chunk", "run_chunks", "schedule", "summary_lines", "word_count"]
