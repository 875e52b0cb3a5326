"""A news site on 127.0.0.1 for the fetch tests: pages, feeds, sitemaps and misbehaving URLs.

``NewsSite`` serves a route table from a ``ThreadingHTTPServer`` on an
ephemeral loopback port and records every request (path, whether it was
conditional, User-Agent, time) and the peak number of requests in flight.
Every 200 carries an ETag and Last-Modified; a matching ``If-None-Match`` or
``If-Modified-Since`` gets 304.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests go straight to 127.0.0.1, never through a proxy configured on the machine."""
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)

PORT_STORY = [
    "The Harbour Board of Eastmere fined Northwind Freight on Tuesday after an inspection found that the "
    "company had dumped ballast water inside the protected bay for three consecutive months.",
    "Inspectors said the fine of two million crowns was the largest the board has ever imposed, and that "
    "Northwind Freight would also have to pay for the cleaning of the affected moorings.",
    "A spokesperson for Northwind Freight said the company would appeal the decision and accused the board "
    "of ignoring the results of its own water samples taken in the spring.",
    "The Fishermen's Union of Eastmere welcomed the fine and called on the regional government to suspend "
    "the company's licence until the appeal is decided by the maritime court.",
    "The regional government has not commented, but its environment office said it was studying the "
    "inspection report and would publish its conclusions before the end of the month.",
]
COUNCIL_STORY = [
    "The city council of Westbrook approved a new transport plan on Monday that will close the old river "
    "bridge to private cars and expand the tram network to the northern districts.",
    "Mayor Helena Varga said the plan would cut travel times for commuters by a fifth, while the "
    "opposition Civic Party criticised the cost and demanded an independent audit of the budget.",
    "The transport authority will begin tendering for the first tram line in the autumn, and the bridge "
    "will close to cars once the new bus lanes on the ring road are finished next year.",
    "Shop owners near the bridge said they feared losing customers, and their association asked the "
    "council to compensate businesses whose turnover falls during the construction works.",
]
STRIKE_STORY = [
    "Workers at the Lindholm steel plant began an indefinite strike on Thursday after talks between the "
    "Metalworkers Federation and the plant's owner, Ardent Holdings, broke down overnight.",
    "The federation is demanding a seven percent pay rise and a guarantee that no jobs will be cut when "
    "the plant's two oldest furnaces are replaced with electric ones over the next three years.",
    "Ardent Holdings said its offer of four percent was final and warned that a long strike would put "
    "contracts with car makers at risk, accusing the federation of endangering the plant's future.",
    "The labour ministry offered to mediate and invited both sides to a meeting on Monday morning.",
]
BUDGET_STORY = [
    "The finance ministry of Norland presented a budget on Wednesday that raises spending on hospitals and "
    "schools while freezing the salaries of senior civil servants for a second year.",
    "The Norland Employers Council praised the decision to leave business taxes unchanged, but the Green "
    "Alliance said the budget did nothing to meet the country's climate targets.",
    "Parliament will debate the budget next week, and the governing coalition expects to pass it with the "
    "support of two independent members.",
]


def article_page(title: str, paragraphs: list[str], *, date: str, author: str, canonical: str = "",
                 extra: str = "", site: str = "The Eastmere Courier") -> bytes:
    """An article page with site chrome, metadata (date, author, canonical) and the story."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
{canon}<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}">
<meta property="og:title" content="{title}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>
{body}{extra}</article></main>
<footer><p>Copyright {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>
""".encode("utf-8")


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    length: bool = True          # send Content-Length
    validators: bool = True      # send ETag/Last-Modified and honour conditional requests
    drop: bool = False           # close the connection without answering


class NewsSite:
    """Serves ``routes`` (path → Response, or a list served in turn, the last one repeating)."""

    def __init__(self, routes: dict[str, Response | list[Response]]):
        self.routes = routes
        self.log: list[tuple[str, bool, str, float]] = []
        self.in_flight = self.peak = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)

    def __enter__(self) -> NewsSite:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str | None = None) -> list[tuple[str, bool, str, float]]:
        return [r for r in self.log if path is None or r[0] == path]

    def _next(self, path: str) -> Response | None:
        route = self.routes.get(path.split("?", 1)[0])
        if isinstance(route, list):
            served = sum(1 for r in self.log if r[0] == path) - 1
            return route[min(served, len(route) - 1)]
        return route

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
                with site._lock:
                    site.log.append((self.path, conditional, self.headers.get("User-Agent", ""), time.monotonic()))
                    site.in_flight += 1
                    site.peak = max(site.peak, site.in_flight)
                    resp = site._next(self.path)
                try:
                    if resp and resp.delay:  # the server "works" on the request: it counts as in flight
                        time.sleep(resp.delay)
                finally:
                    # Counted out before the answer is written: once the client has the bytes it may
                    # send its next request before this thread could decrement the count.
                    with site._lock:
                        site.in_flight -= 1
                try:
                    self._serve(resp or Response(404, b"<html><body>Not found</body></html>"))
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _serve(self, resp: Response) -> None:
                if resp.drop:
                    self.close_connection = True
                    return
                etag = '"' + hashlib.sha1(resp.body).hexdigest()[:16] + '"'
                inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
                # RFC 9110: If-None-Match, when sent, decides alone.
                if resp.status == 200 and resp.validators and (inm == etag if inm else ims == LAST_MODIFIED):
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(resp.status)
                self.send_header("Content-Type", resp.content_type)
                if resp.status == 200 and resp.validators:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", LAST_MODIFIED)
                for k, v in resp.headers:
                    self.send_header(k, v)
                if resp.length:
                    self.send_header("Content-Length", str(len(resp.body)))
                self.end_headers()
                for i in range(0, len(resp.body), 65536):
                    self.wfile.write(resp.body[i:i + 65536])

        return Handler


def rss(items: list[tuple[str, str]], *, title: str = "Eastmere Courier") -> bytes:
    entries = "".join(f"<item><title>{t}</title><link>{u}</link>"
                      f"<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>" for u, t in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.invalid/</link><description>News</description>{entries}</channel></rss>"
            ).encode()


def atom(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(f'<entry><title>{t}</title><link rel="alternate" href="{u}"/><id>{u}</id>'
                      f"<updated>2026-03-03T09:00:00Z</updated></entry>" for u, t in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Courier</title><id>urn:courier</id><updated>2026-03-03T09:00:00Z</updated>{entries}</feed>"
            ).encode()


def news_sitemap(items: list[tuple[str, str]]) -> bytes:
    urls = "".join(f"<url><loc>{u}</loc><news:news><news:publication><news:name>Courier</news:name>"
                   f"<news:language>en</news:language></news:publication>"
                   f"<news:publication_date>2026-03-04</news:publication_date><news:title>{t}</news:title>"
                   f"</news:news></url>" for u, t in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def sitemap_index(locs: list[str], *, gz: bool = False) -> bytes:
    body = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in locs)
    data = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>').encode()
    return gzip.compress(data, mtime=0) if gz else data
