"""The library entry points: ``build`` (sources → graph) and ``write_outputs``.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import outputs
from .corpus import Progress, Run, Store, cpu_count, open_engine, run_chunks
from .errors import InputError, OutputError
from .graph import build_graph, with_outlets
from .knowledge_graph import BuildReport, KnowledgeGraph
from .nlp import BATCH_SIZE, ParseOptions
from .outputs import prepare_out
from .records import Article, ArticleResult, Notice, Skipped
from .sources import MAX_CHARS, FetchOptions, ReadOptions, Source, WebReader, is_url, read_sources


def build(sources: Source | Iterable[Source], *, model: str | None = None, nlp: Any = None,
          keep_isolated: bool = False, on_article: Callable[[ArticleResult], None] | None = None,
          on_skip: Callable[[Skipped], None] | None = None,
          fetch: FetchOptions | None = None, max_chars: int = MAX_CHARS,
          on_warning: Callable[[Notice], None] | None = None, jobs: int | None = None,
          store: str | os.PathLike | None = None, engine: str = "local", scheduler: str | None = None,
          batch_size: int = BATCH_SIZE, progress: Progress | None = None) -> KnowledgeGraph:
    """Build the who-acts-on-whom graph from paths, directories, raw texts, articles or web inputs.

    ``fetch`` sets how URLs, feeds and sitemaps are fetched and cached (``FetchOptions``).
    ``max_chars`` limits each article's body (longer ones are truncated with a
    warning, 0: no limit); warnings about inputs that were used but changed go
    to ``on_warning`` and into ``report.warnings``.
    ``jobs`` worker processes parse in parallel (default: every core, or 1 when
    a loaded ``nlp`` is passed); ``store`` names a SQLite corpus store that
    keeps every result, so later runs only process new texts and the graph is
    rebuilt from the whole store; ``engine="dask"`` sends the work to the
    dask.distributed ``scheduler`` address instead.
    """
    if isinstance(sources, (str, os.PathLike, Article)) or is_url(sources):
        sources = [sources]
    web = WebReader(fetch)
    started = time.perf_counter()
    warnings: list[Notice] = []

    def warn(notice: Notice) -> None:
        warnings.append(notice)
        if on_warning:
            on_warning(notice)
    progress = progress or Progress(enabled=False)
    read, parse = ReadOptions(max_chars), ParseOptions(model, batch_size)  # built once, handed down
    jobs = jobs or (1 if nlp is not None else cpu_count())
    run = Run(Store(store, pipeline=f"model={model or 'default'}") if store else None, progress)
    try:
        eng = open_engine(engine, scheduler, parse)
        try:
            todo = run.articles(read_sources(sources, read, web=web, on_warning=warn), on_skip)
            for batch in run_chunks(todo, parse, jobs=jobs, nlp=nlp, engine=eng):
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
                         duplicates=run.counts["duplicates"], stored=len(results) if store else 0,
                         sources=web.sources, warnings=tuple(warnings))
    G = build_graph(results, keep_isolated=keep_isolated)
    if report.sources:  # web inputs: edges count the distinct outlets behind their evidence
        G = with_outlets(G, report.sources)
    return KnowledgeGraph(G, report)


def write_outputs(kg: KnowledgeGraph, out: str | os.PathLike, *, max_nodes: int | None = None,
                  title: str = "graphkit") -> dict[str, Path]:
    """Write graph.json, graph.graphml and graph.html into ``out``.

    ``max_nodes`` limits only the HTML page (top-ranked actors); the files keep the whole graph.
    ``title`` heads the page.
    """
    out = prepare_out(out)
    try:
        return {"json": outputs.write_json(kg.G, out / "graph.json"),
                "graphml": outputs.write_graphml(kg.G, out / "graph.graphml"),
                "html": outputs.write_html(kg.G, out / "graph.html", max_nodes=max_nodes, title=title)}
    except OSError as exc:  # disk full, folder removed mid-run: earlier files stay complete
        raise OutputError(f"cannot write into {out} ({exc.strerror or exc}); free space or pass another --out") from None
