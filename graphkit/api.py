"""The library entry points: ``build`` (sources → graph) and ``write_outputs``.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import export, ingest, nlp as nlp_mod, render
from .errors import InputError, OutputError
from .extract import extract
from .graph import build_graph
from .kgraph import BuildReport, KnowledgeGraph
from .records import Article, ArticleResult, Skipped
from . import parallel
from .progress import Progress
from .runner import Run, open_engine
from .store import Store

Source = str | os.PathLike | Article


def _is_text(item: str) -> bool:
    """A raw article string rather than a path."""
    return "\n" in item or (len(item) > 255) or (" " in item.strip() and not Path(item).exists())


def read_sources(sources: Iterable[Source]) -> Iterator[Article | Skipped]:
    """Articles from a mix of paths, raw strings and ``Article`` records."""
    for item in sources:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, str) and _is_text(item):
            yield ingest.from_text(item)
        else:
            yield from ingest.read_articles([item])


def process(articles: Iterable[Article], *, model: str | None = None, nlp: Any = None,
            batch_size: int = 32) -> Iterator[ArticleResult]:
    """Parse and extract every article; yields one plain result per article."""
    nlp = nlp or nlp_mod.load_model(model)
    for doc, article in nlp_mod.pipe(nlp, ((a.text, a) for a in articles), batch_size=batch_size):
        yield extract(doc, article)


def build(sources: Source | Iterable[Source], *, model: str | None = None, nlp: Any = None,
          keep_isolated: bool = False, on_article: Callable[[ArticleResult], None] | None = None,
          on_skip: Callable[[Skipped], None] | None = None, jobs: int | None = None,
          store: str | os.PathLike | None = None, engine: str = "local", scheduler: str | None = None,
          batch_size: int = 32, progress: Progress | None = None) -> KnowledgeGraph:
    """Build the who-acts-on-whom graph from paths, directories, raw texts or articles.

    ``jobs`` worker processes parse in parallel (default: every core, or 1 when
    a loaded ``nlp`` is passed); ``store`` names a SQLite corpus store that
    keeps every result, so later runs only process new texts and the graph is
    rebuilt from the whole store; ``engine="dask"`` sends the work to the
    dask.distributed ``scheduler`` address instead.
    """
    if isinstance(sources, (str, os.PathLike, Article)):
        sources = [sources]
    started = time.perf_counter()
    progress = progress or Progress(enabled=False)
    jobs = jobs or (1 if nlp is not None else parallel.cpu_count())
    run = Run(Store(store, pipeline=f"model={model or 'default'}") if store else None, progress)
    try:
        eng = open_engine(engine, scheduler, model=model, batch_size=batch_size)
        try:
            todo = run.articles(read_sources(sources), on_skip)
            for batch in parallel.run(todo, jobs=jobs, model=model, nlp=nlp, batch_size=batch_size, engine=eng):
                run.finish(batch, on_article, on_skip)
        finally:
            if eng is not None:
                eng.close()
        results = run.final_results()
    finally:
        if run.store is not None:
            run.store.close()
    if not results:
        reasons = "; ".join(str(s) for s in run.skipped[:3]) or "no inputs given"
        raise InputError(f"no usable articles ({reasons}); pass .txt/.md/.html/.jsonl/.csv files or a folder")
    report = BuildReport(run.counts["articles"], run.counts["words"], tuple(run.skipped),
                         time.perf_counter() - started, cached=run.counts["cached"],
                         duplicates=run.counts["duplicates"], stored=len(results) if store else 0)
    return KnowledgeGraph(build_graph(results, keep_isolated=keep_isolated), report)


def prepare_out(out: str | os.PathLike) -> Path:
    """Create the output folder, or explain why it cannot be used."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output path {out} is a file; pass a folder with --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out} ({exc.strerror}); pass another --out") from None
    if not os.access(out, os.W_OK):
        raise OutputError(f"output folder {out} is not writable; pass another --out")
    return out


def write_outputs(kg: KnowledgeGraph, out: str | os.PathLike) -> dict[str, Path]:
    """Write graph.json, graph.graphml and graph.html into ``out``."""
    out = prepare_out(out)
    return {"json": export.write_json(kg.G, out / "graph.json"),
            "graphml": export.write_graphml(kg.G, out / "graph.graphml"),
            "html": render.write_html(kg.G, out / "graph.html")}
