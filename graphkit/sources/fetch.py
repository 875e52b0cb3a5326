"""A polite HTTP fetcher: robots.txt, per-host limits, retries, redirects, size and type checks.

``Fetcher.fetch(url, kind)`` returns a ``Fetched`` page or raises ``FetchError``
(reason code + one-line message) which callers turn into a ``Skipped`` record.
Pages go through a ``PageCache``: a rerun sends ``If-None-Match`` /
``If-Modified-Since`` and a 304 answers from the cache; ``offline`` never
touches the network. Standard library only (``urllib``).
"""

from __future__ import annotations

import email.utils
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

from ..environment import __version__
from .page_cache import CachedPage, DirCache, NullCache, PageCache, default_cache_dir

T = TypeVar("T")
UA_TOKEN = "graphkit"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
# Content types accepted per kind of resource ("" = none declared: the body is sniffed).
ACCEPT = {
    "page": ("text/html", "application/xhtml+xml", "text/plain", ""),
    "feed": ("xml", "rss", "atom", "text/", ""),
    "sitemap": ("xml", "text/plain", "gzip", ""),
    "robots": ("text/", ""),
}
ACCEPT_HEADER = {
    "page": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9",
    "sitemap": "application/xml,text/xml;q=0.9,application/gzip;q=0.8,text/plain;q=0.5",
    "robots": "text/plain",
}
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"RIFF", b"\x00\x00\x00")


def user_agent() -> str:
    """``graphkit/VERSION (+news graph builder; ...)``: names the tool to site operators."""
    return f"{UA_TOKEN}/{__version__} (+news graph builder; honours robots.txt)"


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how far to fetch. Tests pass tiny delays and timeouts."""

    cache_dir: str | Path | None = None   # None: default_cache_dir()
    cache: PageCache | None = None         # overrides cache_dir (e.g. the corpus store)
    use_cache: bool = True
    offline: bool = False
    user_agent: str = ""                   # "": user_agent()
    timeout: float = 20.0                  # seconds per connect/read, and per page in total × 3
    max_bytes: int = 5_000_000             # per page, feed or robots.txt (after gzip decoding)
    max_sitemap_bytes: int = 50_000_000    # sitemaps may be this large (the protocol's own limit)
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0                   # first back-off in seconds, doubled on each retry
    max_wait: float = 120.0                # longest Retry-After honoured; longer gives up
    min_interval: float = 1.0              # seconds between requests to one host
    per_host: int = 2                      # parallel requests to one host
    workers: int = 8                       # parallel requests overall
    robots: bool = True
    max_crawl_delay: float = 30.0          # robots.txt Crawl-delay is honoured up to this
    robots_ttl: float = 86400.0            # a cached robots.txt (or its absence) is trusted this long

    def make_cache(self) -> PageCache:
        if self.cache is not None:
            return self.cache
        if not self.use_cache:
            return NullCache()
        return DirCache(Path(self.cache_dir) if self.cache_dir else default_cache_dir())


class FetchError(Exception):
    """A URL that could not be fetched: ``reason`` code and a one-line message with the fix."""

    def __init__(self, reason: str, message: str, status: int = 0):
        super().__init__(message)
        self.reason, self.message, self.status = reason, message, status


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: ``page`` (as now cached) and whether it changed since the cached copy."""

    requested: str
    page: CachedPage
    changed: bool = True

    @property
    def url(self) -> str:
        return self.page.url


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by ``Fetcher`` itself (robots, limit and cache on every hop)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


@dataclass
class _Host:
    slots: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_time: float = 0.0
    interval: float = 0.0


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset":
            return v.strip().strip("\"'")
    return ""


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing more than ``limit`` bytes (no zip bombs)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise FetchError("malformed", f"broken gzip data ({exc}); the server sent a corrupt file") from None
    if len(out) > limit:
        raise FetchError("too-large", f"more than {limit:,} bytes once decompressed; raise max_bytes to read it")
    return out


def check_url(url: str) -> str:
    """The URL itself when it is an absolute http(s) URL, else a ``bad-url`` FetchError."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("bad-url", "not an absolute http(s) URL; write it as https://host/path")
    return url.strip()


def is_binary(body: bytes) -> bool:
    head = body[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text
    return head.startswith(BINARY_MAGIC) or head.count(b"\x00") > len(head) // 10


class Fetcher:
    """Fetches URLs politely, sharing robots rules, host limits and a thread pool."""

    def __init__(self, options: FetchOptions | None = None, *, cache: PageCache | None = None):
        self.options = options or FetchOptions()
        self.cache = cache or self.options.make_cache()
        self.agent = self.options.user_agent or user_agent()
        self._opener = urllib.request.build_opener(_NoRedirect)
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._robot_locks: dict[str, threading.Lock] = {}
        self._down: set[str] = set()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=max(1, self.options.workers), thread_name_prefix="graphkit")

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def map(self, fn: Callable[[str], T], items: Iterable[str]) -> Iterator[T]:
        """``fn`` over ``items`` on the shared pool; results in input order."""
        return self._pool.map(fn, items)

    # -- host limits -------------------------------------------------------
    def _host(self, netloc: str) -> _Host:
        with self._lock:
            if netloc not in self._hosts:
                self._hosts[netloc] = _Host(threading.Semaphore(max(1, self.options.per_host)),
                                            interval=self.options.min_interval)
            return self._hosts[netloc]

    @contextmanager
    def _slot(self, url: str):
        """Hold one of the host's connection slots, after waiting for its rate limit."""
        host = self._host(urlsplit(url).netloc)
        with host.slots:
            with host.lock:
                now = time.monotonic()
                start = max(now, host.next_time)
                host.next_time = start + host.interval
            if start > now:
                time.sleep(start - now)
            yield

    # -- one HTTP exchange -------------------------------------------------
    def _read(self, resp, deadline: float, limit: int) -> bytes:
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            raise FetchError("too-large", f"{int(length):,} bytes, over the {limit:,}-byte limit; "
                             "raise max_bytes to read it")
        chunks, size = [], 0
        while chunk := resp.read(65536):
            size += len(chunk)
            if size > limit:
                raise FetchError("too-large", f"over the {limit:,}-byte limit; raise max_bytes to read it")
            if time.monotonic() > deadline:
                raise FetchError("timeout", "the server sends too slowly; try again later")
            chunks.append(chunk)
        body = b"".join(chunks)
        if resp.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip"):
            body = gunzip(body, limit)
        return body

    def _exchange(self, url: str, headers: dict[str, str], limit: int) -> tuple[int, http.client.HTTPMessage, bytes]:
        req = urllib.request.Request(url, headers={"User-Agent": self.agent, "Accept-Encoding": "gzip",
                                                   "Accept": "*/*", **headers})
        t, netloc = self.options.timeout, urlsplit(url).netloc
        if netloc in self._down:
            raise FetchError("unreachable", f"{netloc} refused an earlier connection in this run; check the address")
        try:
            with self._slot(url):
                try:
                    resp = self._opener.open(req, timeout=t)
                except urllib.error.HTTPError as exc:
                    with exc:
                        return exc.code, exc.headers, b""
                with resp:
                    return resp.status, resp.headers, self._read(resp, time.monotonic() + 3 * t, limit)
        except (TimeoutError, socket.timeout):
            raise FetchError("timeout", f"no answer within {t:g}s; try again later or raise the timeout") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise FetchError("timeout", f"no answer within {t:g}s; try again later") from None
            if isinstance(exc.reason, (ConnectionRefusedError, socket.gaierror)):
                self._down.add(netloc)  # no server there: fail the host's other URLs at once
                raise FetchError("unreachable", f"cannot connect ({exc.reason}); check the address") from None
            raise FetchError("connection-lost", f"connection failed ({exc.reason}); try again later") from None
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            raise FetchError("connection-lost", f"connection failed ({exc.__class__.__name__}); "
                             "try again later") from None

    def _request(self, url: str, headers: dict[str, str], limit: int) -> tuple[int, http.client.HTTPMessage, bytes]:
        """One request with retries and exponential back-off on 429/5xx and dropped connections."""
        o = self.options
        for attempt in range(o.retries + 1):
            try:
                status, hdrs, body = self._exchange(url, headers, limit)
            except FetchError as exc:
                if exc.reason != "connection-lost" or attempt == o.retries:
                    raise
                time.sleep(min(o.backoff * 2 ** attempt, o.max_wait))
                continue
            if status not in RETRY_STATUSES or attempt == o.retries:
                return status, hdrs, body
            wait = _retry_after(hdrs.get("Retry-After"))
            if wait is not None and wait > o.max_wait:
                raise FetchError(f"http-{status}", f"server asks to wait {wait:.0f}s (over max_wait "
                                 f"{o.max_wait:g}s); try again later", status)
            time.sleep(min(o.backoff * 2 ** attempt if wait is None else wait, o.max_wait))
        raise AssertionError("unreachable")  # pragma: no cover

    # -- robots.txt --------------------------------------------------------
    def robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The robots.txt rules of ``url``'s site, fetched once per run (and revalidated via the cache)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robot_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            return self._robots[origin]

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        url = origin + "/robots.txt"
        rp = urllib.robotparser.RobotFileParser(url)
        page = self.cache.get(url)
        if page is None or page.url != url or time.time() - page.fetched_at > self.options.robots_ttl:
            try:
                page = self._fetch(url, "robots", robots=False).page
            except FetchError as exc:
                # RFC 9309: 4xx (no robots.txt) allows all and is remembered; 5xx disallows all;
                # unreachable servers are allowed here because the page request then reports the failure.
                if 400 <= exc.status < 500 and exc.status != 429:
                    self.cache.put(CachedPage(url, b"", status=exc.status, fetched_at=time.time()))
                rp.disallow_all = exc.status >= 500 or exc.status == 429
                rp.parse([])
                return rp
        rp.parse(page.body.decode("utf-8", "replace").splitlines() if page.status < 400 else [])
        delay = rp.crawl_delay(UA_TOKEN)
        if delay:
            host = self._host(urlsplit(origin).netloc)
            host.interval = max(host.interval, min(float(delay), self.options.max_crawl_delay))
        return rp

    def allowed(self, url: str) -> bool:
        return not self.options.robots or self.robots(url).can_fetch(UA_TOKEN, url)

    # -- fetching with cache and redirects -----------------------------------
    def fetch(self, url: str, kind: str = "page") -> Fetched:
        """Fetch ``url`` (``kind`` page, feed, sitemap or robots), revalidating any cached copy."""
        return self._fetch(check_url(url), kind, robots=True)

    def _fetch(self, url: str, kind: str, *, robots: bool) -> Fetched:
        cached = self.cache.get(url)
        if self.options.offline:
            if cached is None:
                raise FetchError("not-cached", "not in the cache and --offline is set; run once online")
            return Fetched(url, cached, changed=False)
        hop = cached.url if cached is not None and url in cached.moved else url
        moved = list(cached.moved) if hop != url else []
        o = self.options
        limit = max(o.max_bytes, o.max_sitemap_bytes) if kind == "sitemap" else o.max_bytes
        permanent = True
        for _ in range(self.options.max_redirects + 1):
            if robots and not self.allowed(hop):
                raise FetchError("robots", "robots.txt of the site disallows this URL; graphkit respects it")
            entry = cached if cached is not None and cached.url == hop else self.cache.get(hop)
            entry = entry if entry is not None and entry.url == hop else None
            ask = {"Accept": ACCEPT_HEADER.get(kind, "*/*"), **(entry.conditional_headers() if entry else {})}
            status, headers, body = self._request(hop, ask, limit)
            if status in REDIRECT_STATUSES:
                target = headers.get("Location")
                if not target:
                    raise FetchError("bad-redirect", f"HTTP {status} without a Location; report it to the site",
                                     status)
                permanent = permanent and status in PERMANENT
                if permanent:
                    moved.append(hop)
                hop = check_url(urljoin(hop, target))
                continue
            return self._store(url, hop, kind, status, headers, body, entry, tuple(moved))
        raise FetchError("too-many-redirects", f"more than {self.options.max_redirects} redirects; "
                         "pass the final URL instead")

    def _store(self, url: str, hop: str, kind: str, status: int, headers, body: bytes,
               entry: CachedPage | None, moved: tuple[str, ...]) -> Fetched:
        if status == 304 and entry is not None:
            page = replace(entry, etag=headers.get("ETag") or entry.etag, moved=moved or entry.moved,
                           last_modified=headers.get("Last-Modified") or entry.last_modified,
                           fetched_at=time.time())
            changed = False
        elif 200 <= status < 300:
            ctype = headers.get("Content-Type", "")
            self._check_type(ctype, body, kind)
            page = CachedPage(hop, body, ctype, headers.get("ETag", ""), headers.get("Last-Modified", ""), moved,
                              fetched_at=time.time())
            changed = entry is None or entry.digest != page.digest
            if not changed:
                page = replace(page, extracted=entry.extracted)
        else:
            hint = {404: "the page is gone; remove the URL", 410: "the page is gone; remove the URL",
                    401: "the page needs a login", 403: "the site refuses graphkit; respect it"}
            raise FetchError(f"http-{status}", f"HTTP {status}; {hint.get(status, 'try again later')}", status)
        if page != entry:
            self.cache.put(page, (url,))
        return Fetched(url, page, changed)

    def _check_type(self, content_type: str, body: bytes, kind: str) -> None:
        media = _media_type(content_type)
        reason = "not-html" if kind == "page" else "wrong-type"
        if is_binary(body[:1024]) and not (kind == "sitemap" and body[:2] == b"\x1f\x8b"):
            raise FetchError(reason, f"binary content ({media or 'undeclared type'}), not a "
                             f"{kind}; graphkit reads HTML articles, not PDFs or images")
        if not any(a in media if a else not media for a in ACCEPT.get(kind, ("",))):
            raise FetchError(reason, f"content type {media} is not a {kind}; graphkit reads HTML articles, "
                             "RSS/Atom feeds and XML sitemaps")


def charset(page: CachedPage) -> str:
    """The declared character set of a cached page, if any."""
    return _charset(page.content_type)
