"""Writers and readers of every output: graph.json, GraphML, GEXF, CSV, Cypher and the HTML page.

``FORMATS`` is the registry the CLI's ``export`` command and ``KnowledgeGraph.write`` use:
one ``Format`` per format with its file suffix, text form, writer and reader. To add a
format, write its module here (``dumps_x``/``write_x``/``read_x`` taking the graph
first) and add one entry. ``prepare_out`` checks an output folder before any work.
Every writer goes through :func:`graphkit.fileio.atomic_write`: no file is ever half written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..errors import OutputError
from .csv_tables import dumps_csv, read_csv, write_csv
from .cypher import dumps_cypher, write_cypher
from .flat import LIST_ATTRS, LIST_SEP, join_list, split_list, xml_safe
from .gexf import UNDATED_CHOICES, dumps_gexf, read_gexf, write_gexf
from .graphml import dumps_graphml, read_graphml, write_graphml
from .html import iframe_html, page_data, to_html, write_html
from .node_link import dumps_json, read_json, to_json_data, write_json


@dataclass(frozen=True)
class Format:
    """One file format: how it is named, written, serialised and read back."""

    name: str
    suffix: str  # after the graph's stem; "-csv" names the folder the CSV tables go in
    write: Callable[..., Path | tuple[Path, ...]]
    dumps: Callable[..., str | tuple[str, ...]] | None = None
    read: Callable[[str | os.PathLike], nx.Graph] | None = None
    collapsible: bool = True  # the writer takes ``collapsed=``
    dated: bool = False  # the writer takes ``undated=``


FORMATS = {f.name: f for f in (
    Format("graphml", ".graphml", write_graphml, dumps_graphml, read_graphml),
    Format("gexf", ".gexf", write_gexf, dumps_gexf, read_gexf, dated=True),
    Format("csv", "-csv", write_csv, dumps_csv, read_csv),
    Format("cypher", ".cypher", write_cypher, dumps_cypher),
    Format("json", ".json", write_json, dumps_json, read_json, collapsible=False),
)}
SUFFIXES = {name: f.suffix for name, f in FORMATS.items()}


def write(G: nx.MultiDiGraph, path: str | os.PathLike, *, format: str, collapsed: bool = False,
          undated: str = "keep") -> list[Path]:
    """Write ``G`` in one of ``FORMATS`` to ``path`` (a folder for ``csv``); returns the files written."""
    fmt = FORMATS.get(format)
    if fmt is None:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    options = {"collapsed": collapsed} if fmt.collapsible else {}
    if fmt.dated:
        options["undated"] = undated
    written = fmt.write(G, path, **options)
    return list(written) if isinstance(written, tuple) else [written]


def prepare_out(out: str | os.PathLike) -> Path:
    """Create the output folder, or explain why it cannot be used."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output path {out} is a file; pass a folder with --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out} ({exc.strerror}); pass another --out") from None
    try:  # os.access is always true for root; a real write is the only honest test
        fd, probe = tempfile.mkstemp(dir=out, prefix=".graphkit-write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"output folder {out} is not writable ({exc.strerror}); pass another --out") from None
    return out


__all__ = ["FORMATS", "Format", "LIST_ATTRS", "LIST_SEP", "SUFFIXES", "UNDATED_CHOICES", "dumps_csv", "dumps_cypher",
           "dumps_gexf", "dumps_graphml", "dumps_json", "iframe_html", "join_list", "page_data",
           "prepare_out", "read_csv", "read_gexf", "read_graphml", "read_json", "split_list", "to_html",
           "to_json_data", "write", "write_csv", "write_cypher", "write_gexf", "write_graphml", "write_html",
           "write_json", "xml_safe"]
