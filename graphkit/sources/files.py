"""Paths, directories, JSON/JSONL/CSV rows and stdin → ``Article`` records.

``read_articles`` yields an ``Article`` for every usable input and a ``Skipped``
record (file, reason, fix) for every unusable one, so one broken file never
stops the rest of the corpus. Inputs that are used but changed (truncated to the
size limit, re-decoded, control characters removed) are reported as ``Notice``
records through ``on_warning``. Reading is bounded: a text file is read only up
to what the ``max_chars`` limit can use, JSONL/CSV files are streamed row by row.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from . import textio
from .articles import (Item, OnWarning, ReadOptions, content_id, display, html_article as _html, make as _make,
                       route as _route, warn)
from ..data import load_json, load_lines
from ..records import Article, Notice, Skipped

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
ARTICLE_FIELDS = ("id", "title", "url", "date")
STDIN = "<stdin>"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article")
CSV_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)  # a 20 MB text cell is read (and truncated), not refused


def _record(rec: object, source: str, opts: ReadOptions) -> Iterator[Item]:
    """An article from one JSON object or CSV row (``text`` required; id/title/url/date/authors kept)."""
    if not isinstance(rec, dict):
        yield Skipped(source, "malformed", "record is not a JSON object; write one {\"text\": ...} object per line")
        return
    text = rec.get("text")
    if not isinstance(text, str):
        yield Skipped(source, "no-text", "record has no 'text' string; give every record a 'text' field")
        return
    meta = {k: str(rec[k]) for k in ARTICLE_FIELDS if rec.get(k) not in (None, "")}
    authors = rec.get("authors") or rec.get("author") or ()
    meta["authors"] = tuple(str(a) for a in authors) if isinstance(authors, list) else \
        tuple(a.strip() for a in str(authors).split(";") if a.strip())
    yield from _make(text, source=source, opts=opts, empty="record's 'text' is empty; "
                     "fill it or remove the record", **meta)


def _lines(fh: io.BufferedIOBase, source: str) -> Iterator[str | Notice]:
    """Decoded lines of a binary stream (BOM-aware); one ``Notice`` for the first line that is not UTF-8."""
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    enc = textio.bom_encoding(head)
    if enc:
        yield from io.TextIOWrapper(fh, encoding=enc, errors="replace", newline="")
        return
    warned = False
    for n, raw in enumerate(fh, 1):
        line, note = textio.decode(raw)
        if note and not warned:
            warned = True
            yield Notice(source, "encoding", f"line {n} is {note}; save the file as UTF-8")
        yield line


def _read_jsonl(fh, source: str, opts: ReadOptions) -> Iterator[Item]:
    seen = False
    for n, line in enumerate(_lines(fh, source), 1):
        if isinstance(line, Notice):
            yield line
            continue
        if not line.strip():
            continue
        seen, where = True, f"{source}:{n}"
        try:
            rec = json.loads(line.replace("\x00", ""), strict=False)
        except ValueError as exc:
            yield Skipped(where, "malformed", f"invalid JSON ({getattr(exc, 'msg', exc)}); fix or remove the line")
            continue
        yield from _record(rec, where, opts)
    if not seen:
        yield Skipped(source, "empty", "no records in the file; write one JSON object per line")


def _read_json(fh, source: str, opts: ReadOptions) -> Iterator[Item]:
    text, note = textio.decode(fh.read())
    if note:
        yield Notice(source, "encoding", f"{note}; save the file as UTF-8")
    try:
        data = json.loads(text.replace("\x00", ""), strict=False)
    except ValueError as exc:
        yield Skipped(source, "malformed", f"invalid JSON ({getattr(exc, 'msg', exc)}); fix the file "
                      "or write one object per line as .jsonl")
        return
    rows = data if isinstance(data, list) else [data]
    if not rows:
        yield Skipped(source, "empty", "no records in the file; give it a list of {\"text\": ...} objects")
    for i, rec in enumerate(rows):
        yield from _record(rec, f"{source}:{i + 1}" if isinstance(data, list) else source, opts)


def _read_csv(fh, source: str, opts: ReadOptions) -> Iterator[Item]:
    if csv.field_size_limit() < CSV_FIELD_LIMIT:  # raised when a CSV is read, never at import
        csv.field_size_limit(CSV_FIELD_LIMIT)  # (the csv module has only this process-wide setting)
    notices: list[Notice] = []

    def lines() -> Iterator[str]:
        for line in _lines(fh, source):
            if isinstance(line, Notice):
                notices.append(line)
            else:
                yield line.replace("\x00", "")

    reader = csv.reader(lines())
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Skipped(source, "malformed", f"broken CSV header ({exc}); fix the first line")
        return
    cols = [c.strip().lower() for c in header or []]
    if "text" not in cols:
        found = ", ".join(repr(c) for c in cols[:8]) or "none"
        yield Skipped(source, "no-text-column", f"CSV has no 'text' column (columns: {found}); "
                      "name the article column 'text'")
        return
    rows, last = 0, reader.line_num
    try:
        for row in reader:
            yield from notices
            notices.clear()
            where, last = f"{source}:{last + 1}", reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            yield from _record(dict(zip(cols, row)), where, opts)
    except csv.Error as exc:
        yield Skipped(f"{source}:{last + 1}", "malformed", f"broken CSV ({exc}); the rest of the file was not "
                      "read, fix the quoting")
    yield from notices
    if not rows:
        yield Skipped(source, "empty", "CSV has a header but no rows; add articles under the 'text' column")


def _read_document(path: Path, source: str, suffix: str, opts: ReadOptions) -> Iterator[Item]:
    """A single-article file (text, Markdown, HTML) read up to the size limit."""
    html = suffix in HTML_SUFFIXES or _looks_html(path)
    data, size = textio.read_head(path, textio.byte_cap(opts.max_chars, html))
    if not data.strip():
        yield Skipped(source, "empty", "file is empty; remove it or save the article text into it" if not data
                      else "file holds only whitespace; remove it or save the article text into it")
        return
    text, note = textio.decode(data)
    if note:
        yield Notice(source, "encoding", f"{note}; save the file as UTF-8")
    cut = size if size > len(data) else 0
    if html:
        yield from _html(text, source=source, opts=opts, cut_bytes=cut, id=source)
    else:
        yield from _make(text, source=source, opts=opts, cut_bytes=cut, id=source)


def _looks_html(path: Path) -> bool:
    """A page saved under a text suffix (``<!DOCTYPE html>``/``<html>`` first)."""
    with path.open("rb") as fh:
        head = fh.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_STARTS)


def _read_file(path: Path, opts: ReadOptions) -> Iterator[Item]:
    source = display(path)
    if not path.is_file():
        kind = "a folder" if path.is_dir() else "not a regular file (FIFO, socket or device)"
        yield Skipped(source, "unreadable", f"{kind}, cannot be read as an article; remove it or pass real files")
        return
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            what = textio.binary_kind(fh.read(textio.SNIFF_BYTES))
            if what:
                yield Skipped(source, "binary", f"{what}")
                return
            fh.seek(0)
            if suffix in RECORD_SUFFIXES:
                reader = {".csv": _read_csv, ".json": _read_json}.get(suffix, _read_jsonl)
                yield from reader(fh, source, opts)
                return
        yield from _read_document(path, source, suffix, opts)
    except OSError as exc:
        yield Skipped(source, "unreadable", f"cannot read file ({exc.strerror or exc}); check that it exists "
                      "and that you may read it")
    except Exception as exc:  # a bug or a third-party parser on hostile input: this file only, never the run
        yield Skipped.error(source, exc, "reading")


def read_file(path: str | os.PathLike, options: ReadOptions | None = None, *,
              on_warning: OnWarning = None) -> Iterator[Article | Skipped]:
    """Articles from one file, dispatched on its suffix (unknown suffixes are read as text)."""
    yield from _route(_read_file(Path(path), options or ReadOptions()), on_warning)


def _unsupported(p: Path) -> Skipped:
    hints = load_json("file_hints.json")
    hint = hints.get(p.suffix.lower(), "use .txt, .md, .html, .jsonl, .json or .csv")
    return Skipped(display(p), "unsupported", f"unsupported file type {p.suffix or '(no suffix)'}; {hint}")


def iter_files(path: Path) -> Iterator[Path | Skipped]:
    """Supported files under a directory: recursive, sorted; hidden entries, symlink loops and
    graphkit's own outputs (an ``--out`` folder inside the input) skipped."""
    seen: set[str] = set()
    errors: list[OSError] = []
    skip_names = set(load_lines("skip_files.txt"))
    for root, dirs, files in os.walk(path, followlinks=True, onerror=errors.append):
        while errors:
            err = errors.pop(0)
            yield Skipped(display(err.filename or root), "unreadable",
                          f"cannot list folder ({err.strerror or err}); check its permissions")
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            yield Skipped(display(root), "symlink-loop", "folder already read through another path "
                          "(symlink loop); skipped, remove the link to silence this")
            continue
        seen.add(real)
        ours = set(load_lines("output_files.txt")) if {"graph.json", "graph.graphml"} <= set(files) else set()
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d.lower() not in ours)
        for name in sorted(files):
            p = Path(root, name)
            if name.startswith(".") or p.stem.lower() in skip_names or name.lower() in ours:
                continue
            yield p if p.suffix.lower() in SUFFIXES else _unsupported(p)
    for err in errors:
        yield Skipped(display(err.filename or path), "unreadable",
                      f"cannot list folder ({err.strerror or err}); check its permissions")


def _read_stdin(opts: ReadOptions) -> Iterator[Item]:
    stream = getattr(sys, "stdin", None)
    if stream is None or getattr(stream, "closed", True):
        yield Skipped(STDIN, "stdin-closed", "standard input is closed; pipe an article in "
                      "(`cat article.txt | graphkit build -`) or pass files")
        return
    cap = textio.byte_cap(opts.max_chars, html=True)
    try:
        raw = getattr(stream, "buffer", stream)
        data = raw.read(cap + 1) if cap else raw.read()
    except (OSError, ValueError) as exc:
        yield Skipped(STDIN, "stdin-closed", f"cannot read standard input ({exc}); pipe an article in or pass files")
        return
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if not data.strip():
        yield Skipped(STDIN, "empty", "standard input is empty; pipe an article in "
                      "(`cat article.txt | graphkit build -`)")
        return
    cut = bool(cap) and len(data) > cap
    yield from _read_buffer(data[:cap] if cut else data, STDIN, opts, cut=cut)


def _read_buffer(data: bytes, source: str, opts: ReadOptions, cut: bool = False) -> Iterator[Item]:
    """Piped bytes: sniffed as JSONL, HTML or plain text."""
    what = textio.binary_kind(data[: textio.SNIFF_BYTES])
    if what:
        yield Skipped(source, "binary", what)
        return
    text, note = textio.decode(data)
    if note:
        yield Notice(source, "encoding", f"{note}; send UTF-8")
    start = text.lstrip()[:200].lower()
    if start.startswith("{") and not cut:
        yield from _read_jsonl(io.BytesIO(text.encode("utf-8", "replace")), source, opts)
    elif start.encode().startswith(_HTML_STARTS):
        yield from _html(text, source=source, opts=opts, cut_bytes=len(data) if cut else 0)
    else:
        yield from _make(text, source=source, opts=opts, cut_bytes=len(data) if cut else 0)


def _read_inputs(inputs: Iterable[str | os.PathLike], opts: ReadOptions) -> Iterator[Item]:
    for item in inputs:
        name = os.fspath(item)
        if name == "-":
            yield from _read_stdin(opts)
            continue
        path = Path(name)
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except (OSError, ValueError) as exc:  # e.g. a name with a NUL byte or far too long
            yield Skipped(display(name), "not-found", f"unusable path ({exc}); check the path")
            continue
        if not exists:
            broken = " (a broken symlink)" if path.is_symlink() else ""
            yield Skipped(display(name), "not-found", f"no such file or directory{broken}; check the path")
        elif is_dir:
            for p in iter_files(path):
                if isinstance(p, Skipped):
                    yield p
                else:
                    yield from _read_file(p, opts)
        else:
            yield from _read_file(path, opts)


def read_articles(inputs: Iterable[str | os.PathLike], options: ReadOptions | None = None, *,
                  on_warning: OnWarning = None) -> Iterator[Article | Skipped]:
    """Articles and skip notices for every input path, folder or ``-`` (stdin).

    ``options.max_chars`` limits each article's body (0: no limit); longer articles are
    truncated at a paragraph boundary and reported through ``on_warning``.
    """
    yield from _route(_read_inputs(inputs, options or ReadOptions()), on_warning)


def unique_ids(items: Iterable[Article | Skipped], *, on_warning: OnWarning = None) -> Iterator[Article | Skipped]:
    """Make article ids unique across a run: an exact repeat is skipped, a clash of ids is renamed.

    A second article with the id of an earlier one but different text gets
    ``id#<content hash>`` (stable whatever the order of inputs) and a notice.
    """
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            digest = content_id(item.text)
            if seen.get(item.id) == digest:
                yield Skipped(item.source, "duplicate", f"same article as {item.id!r} read before; "
                              "remove the copy")
                continue
            if item.id in seen:
                new = f"{item.id}#{digest}"
                warn(Notice(
                    item.source, "duplicate-id", f"id {item.id!r} already used by another article; "
                    f"renamed to {new!r}, give each record its own id"), on_warning)
                item = replace(item, id=new)
            seen[item.id] = digest
        yield item


def limit(article: Article, options: ReadOptions | None = None, *, on_warning: OnWarning = None) -> Article:
    """An ``Article`` record passed in directly, cut to ``options.max_chars`` with a notice when longer."""
    max_chars = (options or ReadOptions()).max_chars
    if max_chars <= 0 or len(article.text) <= max_chars:
        return article
    text = textio.truncate(article.text, max_chars)
    notice = Notice(article.source or article.id, "truncated", f"article is {len(article.text):,} characters, "
                    f"over the --max-chars limit of {max_chars:,}; kept the first {len(text):,} characters; "
                    "raise --max-chars or split the article")
    warn(notice, on_warning)
    return replace(article, text=text)
