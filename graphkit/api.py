"""The library entry points: ``build`` (sources → graph) and ``write_outputs``.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import outputs
from .outputs import prepare_out
from .sources import files as ingest
from .errors import InputError, OutputError
from .graph import build_graph, with_outlets
from .knowledge_graph import BuildReport, KnowledgeGraph
from .records import Article, ArticleResult, Notice, Skipped
from .sources.textio import MAX_CHARS
from .sources.web import FetchOptions, WebReader, WebSource, is_url
from .corpus import engines as parallel
from .corpus.progress import Progress
from .corpus.run import Run, open_engine
from .corpus.store import Store

Source = str | os.PathLike | Article | WebSource


def _is_text(item: str) -> bool:
    """A raw article string rather than a path ("my notes.txt" or "a/b c" is a path even when missing)."""
    if "\n" in item or len(item) > 255:
        return True
    item = item.strip()
    looks_like_path = (Path(item).suffix.lower() in ingest.SUFFIXES or item.startswith(("/", "./", "../", "~"))
                       or (os.sep in item and item[-1:] not in ".!?\"'\u201d"))
    try:
        exists = Path(item).exists()
    except (OSError, ValueError):  # a NUL byte or an over-long name: not a usable path
        return True
    return " " in item and not looks_like_path and not exists


def read_sources(sources: Iterable[Source], *, web: WebReader | None = None, max_chars: int = MAX_CHARS,
                 on_warning: Callable[[Notice], None] | None = None) -> Iterator[Article | Skipped]:
    """Articles from a mix of paths, raw strings, ``Article`` records and web inputs (ids made unique).

    Web inputs (http(s) URLs, ``Feed``, ``Sitemap``, ``UrlList``) are read last,
    together, by ``web`` (a default ``WebReader`` when not given), whose fetch
    threads are released when they are done. ``max_chars`` limits every article.
    """
    def items() -> Iterator[Article | Skipped]:
        online = []
        for item in sources:
            if isinstance(item, Article):
                yield ingest.limit(item, max_chars=max_chars, on_warning=on_warning)
            elif is_url(item):
                online.append(item)
            elif isinstance(item, str) and _is_text(item):
                yield ingest.from_text(item, max_chars=max_chars, on_warning=on_warning)
            else:
                yield from ingest.read_articles([item], max_chars=max_chars, on_warning=on_warning)
        if online:
            reader = web or WebReader()
            try:
                for art in reader.read(online):
                    yield art if isinstance(art, Skipped) else ingest.limit(art, max_chars=max_chars,
                                                                            on_warning=on_warning)
            finally:
                reader.close()
    return ingest.unique_ids(items(), on_warning=on_warning)


def build(sources: Source | Iterable[Source], *, model: str | None = None, nlp: Any = None,
          keep_isolated: bool = False, on_article: Callable[[ArticleResult], None] | None = None,
          on_skip: Callable[[Skipped], None] | None = None,
          fetch: FetchOptions | None = None, max_chars: int = MAX_CHARS,
          on_warning: Callable[[Notice], None] | None = None, jobs: int | None = None,
          store: str | os.PathLike | None = None, engine: str = "local", scheduler: str | None = None,
          batch_size: int = 32, progress: Progress | None = None) -> KnowledgeGraph:
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
    jobs = jobs or (1 if nlp is not None else parallel.cpu_count())
    run = Run(Store(store, pipeline=f"model={model or 'default'}") if store else None, progress)
    try:
        eng = open_engine(engine, scheduler, model=model, batch_size=batch_size)
        try:
            todo = run.articles(read_sources(sources, web=web, max_chars=max_chars, on_warning=warn),
                                on_skip)
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
                         duplicates=run.counts["duplicates"], stored=len(results) if store else 0,
                         sources=web.sources, warnings=tuple(warnings))
    G = build_graph(results, keep_isolated=keep_isolated)
    if report.sources:  # web inputs: edges count the distinct outlets behind their evidence
        G = with_outlets(G, report.sources)
    return KnowledgeGraph(G, report)


def write_outputs(kg: KnowledgeGraph, out: str | os.PathLike, *, max_nodes: int | None = None) -> dict[str, Path]:
    """Write graph.json, graph.graphml and graph.html into ``out``.

    ``max_nodes`` limits only the HTML page (top-ranked actors); the files keep the whole graph.
    """
    out = prepare_out(out)
    try:
        return {"json": outputs.write_json(kg.G, out / "graph.json"),
                "graphml": outputs.write_graphml(kg.G, out / "graph.graphml"),
                "html": outputs.write_html(kg.G, out / "graph.html", max_nodes=max_nodes)}
    except OSError as exc:  # disk full, folder removed mid-run: earlier files stay complete
        raise OutputError(f"cannot write into {out} ({exc.strerror or exc}); free space or pass another --out") from None
