"""The page cache: fetched bodies with their validators and extraction, keyed by URL.

``PageCache`` is the small interface the fetcher needs; ``DirCache`` keeps pages
in a folder (default ``~/.cache/graphkit/pages``) and the corpus store can
implement the same three methods to keep pages beside the articles. A page is
found by the URL it was fetched from and by every alias (the requested URL
before redirects, the canonical URL named by the page).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..fileio import atomic_write

CACHE_ENV = "GRAPHKIT_CACHE"


@dataclass(frozen=True)
class CachedPage:
    """One fetched resource as kept between runs.

    ``url`` is where the body was fetched from (after redirects); ``moved`` lists
    URLs that permanently redirect (301/308) to it, so a rerun goes straight to
    ``url``; ``extracted`` holds the extraction result (``{"article": {...}}`` or
    ``{"skipped": {...}}``) reused while the body is unchanged. ``status`` is 200,
    or the 4xx of a missing robots.txt (kept so it is not asked again every run);
    ``fetched_at`` is when the server last answered (epoch seconds).
    """

    url: str
    body: bytes
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    moved: tuple[str, ...] = ()
    extracted: dict | None = None
    status: int = 200
    fetched_at: float = 0.0

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    def conditional_headers(self) -> dict[str, str]:
        """``If-None-Match``/``If-Modified-Since`` for a revalidating request."""
        h = {}
        if self.etag:
            h["If-None-Match"] = self.etag
        if self.last_modified:
            h["If-Modified-Since"] = self.last_modified
        return h


@runtime_checkable
class PageCache(Protocol):
    """What the fetcher needs from a cache (the corpus store can implement it)."""

    def get(self, url: str) -> CachedPage | None:
        """The page fetched from ``url`` or aliased to it, if kept."""

    def put(self, page: CachedPage, aliases: tuple[str, ...] = ()) -> None:
        """Keep ``page`` under ``page.url`` and every alias."""


class NullCache:
    """A cache that keeps nothing (``--no-cache``)."""

    def get(self, url: str) -> CachedPage | None:
        return None

    def put(self, page: CachedPage, aliases: tuple[str, ...] = ()) -> None:
        return None


def default_cache_dir() -> Path:
    """``$GRAPHKIT_CACHE``, else ``$XDG_CACHE_HOME/graphkit``, else ``~/.cache/graphkit``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "graphkit"


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]


@dataclass
class DirCache:
    """Pages kept as files: ``pages/KEY.json`` (metadata), ``KEY.body`` and ``index/KEY`` (aliases).

    Writes are atomic (temporary file + rename), so worker threads and
    interrupted runs never leave a half-written page.
    """

    root: Path
    _made: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root).expanduser()

    def _dirs(self) -> tuple[Path, Path]:
        pages, index = self.root / "pages", self.root / "index"
        if not self._made:
            pages.mkdir(parents=True, exist_ok=True)
            index.mkdir(parents=True, exist_ok=True)
            self._made = True
        return pages, index

    def _load(self, url: str) -> CachedPage | None:
        pages = self.root / "pages"
        try:
            meta = json.loads((pages / f"{_key(url)}.json").read_text(encoding="utf-8"))
            body = (pages / f"{_key(url)}.body").read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url or meta.get("digest") != hashlib.sha256(body).hexdigest():
            return None  # another URL's page under a colliding key, or a write in progress
        meta["moved"] = tuple(meta.get("moved", ()))
        return CachedPage(body=body, **{k: v for k, v in meta.items() if k in _META_FIELDS})

    def get(self, url: str) -> CachedPage | None:
        page = self._load(url)
        if page is not None:
            return page
        try:
            target = (self.root / "index" / _key(url)).read_text(encoding="utf-8")
        except OSError:
            return None
        return self._load(target) if target != url else None

    def put(self, page: CachedPage, aliases: tuple[str, ...] = ()) -> None:
        pages, index = self._dirs()
        meta = {k: v for k, v in asdict(page).items() if k != "body"}
        meta["digest"] = page.digest
        atomic_write(pages / f"{_key(page.url)}.body", page.body)
        atomic_write(pages / f"{_key(page.url)}.json", json.dumps(meta, sort_keys=True).encode("utf-8"))
        for alias in dict.fromkeys(aliases):
            if alias and alias != page.url:
                atomic_write(index / _key(alias), page.url.encode("utf-8"))


_META_FIELDS = {"url", "content_type", "etag", "last_modified", "moved", "extracted", "status", "fetched_at"}
