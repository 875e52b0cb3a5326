"""Paths, directories, JSONL/CSV rows and stdin → ``Article`` records.

``read_articles`` yields an ``Article`` for every usable input and a ``Skipped``
record (file, reason, fix) for every unusable one, so one broken file never
stops the rest of the corpus.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import boilerplate
from .lexicon import load_lines
from .records import Article, Skipped

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl", ".ndjson", ".csv"}
ARTICLE_FIELDS = ("id", "title", "url", "date")


def content_id(text: str) -> str:
    """A short stable id from the article text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOMs honoured), falling back to cp1252/Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def _article(text: str, *, source: str, id: str = "", title: str = "", url: str = "",
             date: str = "", authors: Iterable[str] = (), clean: bool = True) -> Article | Skipped:
    if clean:
        cleaned = boilerplate.clean(text)
        body, title = cleaned.text, title or cleaned.title
        authors = tuple(authors) or cleaned.authors
    else:
        body = text.strip()
    if not body.strip():
        return Skipped(source, "empty", "no article text found; check that the file holds prose")
    return Article(id=id or url or source or content_id(body), text=body, title=title, url=url,
                   date=date, authors=tuple(authors), source=source)


def from_text(text: str, *, source: str = "", **meta: str) -> Article | Skipped:
    """One article from raw text (web-page boilerplate removed)."""
    return _article(text, source=source or content_id(text), **meta)


def from_html(html: str, *, source: str = "", **meta: str) -> Article | Skipped:
    """One article from an HTML page through trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not getattr(doc, "text", None):
        return Skipped(source, "no-article", "no article text found in the HTML page "
                       "(navigation or script only); save the article page itself")
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return _article(doc.text, source=source, title=meta.get("title") or doc.title or "",
                    url=meta.get("url") or doc.url or "", date=meta.get("date") or doc.date or "",
                    id=meta.get("id", ""), authors=authors, clean=False)


def _record(rec: dict, source: str) -> Article | Skipped:
    text = rec.get("text")
    if not isinstance(text, str):
        return Skipped(source, "no-text", "record has no 'text' field; give every record a 'text' string")
    meta = {k: str(rec[k]) for k in ARTICLE_FIELDS if rec.get(k) not in (None, "")}
    return from_text(text, source=source, **meta)


def _read_jsonl(text: str, source: str) -> Iterator[Article | Skipped]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except ValueError as exc:
            yield Skipped(where, "malformed", f"invalid JSON ({exc.msg}); fix or remove the line")
            continue
        if not isinstance(rec, dict):
            yield Skipped(where, "malformed", "line is not a JSON object; write one object per line")
            continue
        yield _record(rec, where)


def _read_csv(text: str, source: str) -> Iterator[Article | Skipped]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if "text" not in (reader.fieldnames or []):
        yield Skipped(source, "no-text-column", "CSV has no 'text' column; name the article column 'text'")
        return
    try:
        for row in reader:
            yield _record(row, f"{source}:{reader.line_num}")
    except csv.Error as exc:
        yield Skipped(f"{source}:{reader.line_num}", "malformed", f"broken CSV ({exc}); fix the quoting")


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if head.startswith((b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff")):
        return True
    return head.count(b"\x00") > len(head) // 10


def read_file(path: Path) -> Iterator[Article | Skipped]:
    """Articles from one file, dispatched on its suffix."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(source, "unreadable", f"cannot read file ({exc.strerror}); check its permissions")
        return
    if _looks_binary(data):
        yield Skipped(source, "binary", "binary file, not text; remove it or convert it to .txt")
        return
    text = decode(data).replace("\x00", "")
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        yield from _read_jsonl(text, source)
    elif suffix == ".csv":
        yield from _read_csv(text, source)
    elif suffix in HTML_SUFFIXES:
        yield from_html(text, source=source, id=source)
    else:
        yield from_text(text, source=source, id=source)


def iter_files(path: Path) -> Iterator[Path | Skipped]:
    """Supported files under a directory (recursive, sorted, symlink loops skipped)."""
    seen: set[str] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            yield Skipped(root, "symlink-loop", "directory visited twice (symlink loop); skipped")
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            p = Path(root, name)
            if p.stem.lower() in load_lines("skip_files.txt"):
                continue
            if p.suffix.lower() in SUFFIXES:
                yield p
            elif not name.startswith("."):
                yield Skipped(str(p), "unsupported", f"unsupported file type {p.suffix or '(none)'}; "
                              "use .txt, .md, .html, .jsonl or .csv")


def read_articles(inputs: Iterable[str | os.PathLike]) -> Iterator[Article | Skipped]:
    """Articles and skip notices for every input path, directory or ``-`` (stdin)."""
    for item in inputs:
        name = str(item)
        if name == "-":
            try:
                data = sys.stdin.buffer.read() if not sys.stdin.closed else b""
            except (OSError, ValueError):
                data = b""
            if not data.strip():
                yield Skipped("<stdin>", "empty", "standard input is empty or closed; pipe an article in")
            else:
                yield from_text(decode(data), source="<stdin>")
            continue
        path = Path(name)
        if not path.exists():
            yield Skipped(name, "not-found", "no such file or directory; check the path")
        elif path.is_dir():
            for p in iter_files(path):
                if isinstance(p, Skipped):
                    yield p
                else:
                    yield from read_file(p)
        else:
            yield from read_file(path)

