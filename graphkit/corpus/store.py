"""The corpus store: one SQLite file holding every article processed and what was extracted.

Articles are keyed by the SHA-256 of their text, so a re-run processes nothing
new, a folder with ten more files processes those ten, and the same text from
two files or feeds is processed once and recorded under both sources. Each
batch of results is written in one transaction: a run killed at any moment
keeps every finished article and never half of one. The graph is rebuilt from
the whole store.

Tables (query them with ``sqlite3`` or Datasette):
``articles`` (hash, id, title, url, date, authors, source, text, words, pipeline,
added, result), ``sources`` (source, hash, id, title, url, date), ``entities``,
``mentions`` and ``relations`` (one row per record, with the evidence columns).
``articles.result`` is the JSON of the extracted records, from which the graph
is rebuilt exactly.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import sqlite3
import time
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import GraphkitError
from ..sources import STDIN
from .work import word_count
from ..records import Article, ArticleResult, text_hash

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT PRIMARY KEY, id TEXT NOT NULL, title TEXT, url TEXT, date TEXT, authors TEXT,
    source TEXT, text TEXT NOT NULL, words INTEGER, pipeline TEXT, added TEXT, result TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    source TEXT NOT NULL, hash TEXT NOT NULL, id TEXT, title TEXT, url TEXT, date TEXT,
    PRIMARY KEY (source, hash));
CREATE INDEX IF NOT EXISTS sources_hash ON sources (hash);
CREATE TABLE IF NOT EXISTS entities (
    hash TEXT NOT NULL, key TEXT NOT NULL, label TEXT, type TEXT, aliases TEXT, mentions INTEGER,
    PRIMARY KEY (hash, key));
CREATE TABLE IF NOT EXISTS mentions (
    hash TEXT NOT NULL, entity TEXT, start INTEGER, "end" INTEGER, text TEXT, kind TEXT);
CREATE INDEX IF NOT EXISTS mentions_hash ON mentions (hash);
CREATE TABLE IF NOT EXISTS relations (
    hash TEXT NOT NULL, seq INTEGER NOT NULL, source TEXT, target TEXT, relation TEXT, predicate TEXT,
    kind TEXT, category TEXT, polarity INTEGER, article TEXT, sentence TEXT, start INTEGER, "end" INTEGER,
    reported_by TEXT, source_text TEXT, target_text TEXT, modality TEXT, PRIMARY KEY (hash, seq));
"""


class StoreError(GraphkitError):
    """The store file cannot be opened or written."""


# --- records <-> JSON --------------------------------------------------------------------------
def _encode(res: ArticleResult) -> str:
    data = {f.name: _plain(getattr(res, f.name)) for f in dataclasses.fields(res) if f.name != "article"}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _decode(tp: Any, value: Any) -> Any:
    """Rebuild a value of type ``tp`` (a records dataclass, tuple, optional …) from JSON."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin in (tuple, list):
        args = typing.get_args(tp)
        item = args[0] if args else Any
        seq = [_decode(item, v) for v in value]
        return tuple(seq) if origin is tuple else seq
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        hints, names = _fields(tp)
        return tp(**{k: _decode(hints[k], v) for k, v in value.items() if k in names})
    return value


@functools.lru_cache(maxsize=None)
def _fields(tp: type) -> tuple[dict, frozenset[str]]:
    """A record class's resolved type hints and field names (resolved once per class)."""
    return typing.get_type_hints(tp), frozenset(f.name for f in dataclasses.fields(tp))


def _result(article: Article, result_json: str) -> ArticleResult:
    data = json.loads(result_json)
    hints, names = _fields(ArticleResult)
    fields = names - {"article"}
    return ArticleResult(article, **{k: _decode(hints[k], v) for k, v in data.items() if k in fields})


class Store:
    """A corpus store at ``path`` (created when missing)."""

    def __init__(self, path: str | os.PathLike, *, pipeline: str = "") -> None:
        self.path = Path(path)
        self.pipeline = pipeline
        if self.path.is_dir():
            raise StoreError(f"store path {self.path} is a folder; pass a file such as {self.path / 'corpus.db'}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self._check_version()
            self._add_columns()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot use {self.path} as a graphkit store ({exc}); "
                             "pass a new file with --store") from None
        except OSError as exc:
            raise StoreError(f"cannot create store {self.path} ({exc.strerror}); pass another --store") from None

    def _add_columns(self) -> None:
        """Columns added after a store was created (schema 1 stays readable): evidence ``modality``."""
        cols = {row[1] for row in self.db.execute("PRAGMA table_info(relations)")}
        if "modality" not in cols:
            with self.db:
                self.db.execute("ALTER TABLE relations ADD COLUMN modality TEXT")

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            with self.db:
                self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif row[0] != SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema {row[0]}, this graphkit writes {SCHEMA_VERSION}; "
                             "pass a new file with --store")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- reading ---------------------------------------------------------------------------------
    def has(self, digest: str) -> bool:
        """Whether the article with this content hash is already processed."""
        return self.db.execute("SELECT 1 FROM articles WHERE hash=?", (digest,)).fetchone() is not None

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles WHERE hash IN (SELECT hash FROM sources)"
                               ).fetchone()[0]

    def sources(self, digest: str) -> list[str]:
        """Every source the text with this hash was read from."""
        rows = self.db.execute("SELECT source FROM sources WHERE hash=? ORDER BY source", (digest,))
        return [r[0] for r in rows]

    def results(self, *, with_text: bool = False) -> Iterator[ArticleResult]:
        """Every stored result, ordered by article id then hash (texts left out unless asked)."""
        text = "text" if with_text else "''"
        rows = self.db.execute(f"SELECT id, {text}, title, url, date, authors, source, result "
                               "FROM articles WHERE hash IN (SELECT hash FROM sources) ORDER BY id, hash")
        for aid, body, title, url, date, authors, source, result in rows:
            art = Article(aid, body, title or "", url or "", date or "", tuple(json.loads(authors or "[]")),
                          source or "")
            yield _result(art, result)

    # --- writing ---------------------------------------------------------------------------------
    def add_source(self, digest: str, article: Article) -> None:
        """Record that ``article`` (from its source) has the text ``digest``.

        A source whose text changed (an edited file) now points at the new text;
        ``prune`` later drops stored texts no source points at any more.
        """
        src = article.source or article.id
        with self.db:
            if src != STDIN:  # stdin never supersedes an earlier text
                self.db.execute("DELETE FROM sources WHERE source=? AND hash<>?", (src, digest))
            self.db.execute("INSERT OR IGNORE INTO sources VALUES (?,?,?,?,?,?)",
                            (src, digest, article.id, article.title, article.url, article.date))

    def prune(self) -> int:
        """Drop stored articles that no source points at any more; returns how many."""
        orphans = [r[0] for r in self.db.execute(
            "SELECT hash FROM articles WHERE hash NOT IN (SELECT hash FROM sources)")]
        with self.db:
            for digest in orphans:
                for table in ("articles", "entities", "mentions", "relations"):
                    self.db.execute(f"DELETE FROM {table} WHERE hash=?", (digest,))
        return len(orphans)

    def save(self, results: Iterable[ArticleResult]) -> int:
        """Store a batch of results in one transaction; returns how many were new."""
        new = 0
        added = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        with self.db:
            for res in results:
                new += self._insert(res, added)
        return new

    def _insert(self, res: ArticleResult, added: str) -> int:
        a = res.article
        digest = text_hash(a.text)
        cur = self.db.execute(
            "INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (digest, a.id, a.title, a.url, a.date, json.dumps(list(a.authors)), a.source, a.text,
             word_count(a.text), self.pipeline, added, _encode(res)))
        if cur.rowcount == 0:
            return 0
        self.db.execute("INSERT OR IGNORE INTO sources VALUES (?,?,?,?,?,?)",
                        (a.source or a.id, digest, a.id, a.title, a.url, a.date))
        self.db.executemany("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?)",
                            [(digest, e.key, e.label, e.type, json.dumps(list(e.aliases)), e.mentions)
                             for e in res.entities])
        self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?)",
                            [(digest, m.entity, m.start, m.end, m.text, m.kind) for m in res.mentions])
        self.db.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                            [_relation_row(digest, i, r) for i, r in enumerate(res.relations)])
        return 1


def _relation_row(digest: str, seq: int, r: Any) -> tuple:
    ev = r.evidence
    evcols = ((ev.article, ev.sentence, ev.start, ev.end, ev.reported_by, ev.source_text, ev.target_text, ev.modality)
              if ev is not None else (None,) * 8)
    return (digest, seq, r.source, r.target, r.relation, r.predicate, r.kind, r.category, r.polarity, *evcols)
