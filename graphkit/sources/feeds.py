"""Where article URLs come from: RSS/Atom feeds, (news) sitemaps and URL-list files.

``Feed``, ``Sitemap`` and ``UrlList`` are source markers accepted by
``graphkit.build`` beside paths and URLs; ``discover`` turns them into ``Link``
records (a page URL plus the title and date the feed or sitemap gave for it).
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from ..environment import DependencyError, require
from .fetch import Fetcher, FetchError, check_url, gunzip
from .articles import decode
from ..records import Skipped

MAX_SITEMAP_BYTES = 50_000_000  # the sitemap protocol's limit, uncompressed
MAX_SITEMAP_DEPTH = 3  # sitemap index → sitemap → ... at most this deep
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Feed:
    """An RSS 2.0 / RSS 1.0 / Atom feed URL; every entry's link is read."""

    url: str


@dataclass(frozen=True)
class Sitemap:
    """A sitemap, news sitemap or sitemap index URL (XML, gzipped XML or plain text)."""

    url: str


@dataclass(frozen=True)
class UrlList:
    """A text file of article URLs, one per line (blank lines and ``#`` comments ignored)."""

    path: str


@dataclass(frozen=True)
class Link:
    """A page to read, with what the feed or sitemap said about it (used when the page says nothing)."""

    url: str
    title: str = ""
    date: str = ""


def _day(parsed: time.struct_time | None) -> str:
    """``YYYY-MM-DD``, the form trafilatura gives page dates in."""
    return time.strftime("%Y-%m-%d", parsed) if parsed else ""


def _iso_day(value: str) -> str:
    return value[:10] if _DAY.match(value) else ""


def parse_feed(body: bytes, *, base: str) -> list[Link]:
    """The entry links of an RSS/Atom document (relative links resolved against ``base``)."""
    feedparser = require("feeds")
    parsed = feedparser.parse(body, response_headers={"content-location": base})
    if parsed.bozo and not parsed.entries:
        raise FetchError("malformed", f"not a readable RSS/Atom feed ({parsed.get('bozo_exception', '')!s:.80}); "
                         "check the feed URL")
    links = []
    for entry in parsed.entries:
        url = entry.get("link") or next((lk.get("href") for lk in entry.get("links", []) if lk.get("href")), "")
        if url:
            date = _day(entry.get("published_parsed") or entry.get("updated_parsed"))
            links.append(Link(urljoin(base, url), entry.get("title", ""), date))
    return links


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(el: ET.Element, name: str) -> str:
    for sub in el.iter():
        if _local(sub.tag) == name and sub.text:
            return sub.text.strip()
    return ""


def parse_sitemap(body: bytes, *, base: str) -> tuple[list[Link], list[str]]:
    """Page links and child sitemap URLs of a sitemap (news tags read when present)."""
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body, MAX_SITEMAP_BYTES)
    head = body.lstrip()[:1]
    if head != b"<":
        lines = (ln.strip() for ln in decode(body).splitlines())
        return [Link(ln) for ln in lines if ln.startswith(("http://", "https://"))], []
    if b"<!ENTITY" in body:
        raise FetchError("malformed", "sitemap declares XML entities; graphkit refuses them for safety")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise FetchError("malformed", f"not a readable XML sitemap ({exc}); check the sitemap URL") from None
    links, children = [], []
    for el in root:
        loc = _child_text(el, "loc")
        if not loc:
            continue
        if _local(el.tag) == "sitemap":
            children.append(urljoin(base, loc))
        elif _local(el.tag) == "url":
            date = _iso_day(_child_text(el, "publication_date") or _child_text(el, "lastmod"))
            links.append(Link(urljoin(base, loc), _child_text(el, "title"), date))
    if _local(root.tag) not in ("urlset", "sitemapindex"):
        raise FetchError("malformed", f"XML root <{_local(root.tag)}> is not a sitemap; check the sitemap URL")
    return links, children


def read_url_file(path: str | Path) -> Iterator[Link | Skipped]:
    """Links from a file of URLs, one a line; bad lines are reported, not fatal."""
    try:
        text = decode(Path(path).read_bytes())
    except OSError as exc:
        yield Skipped(str(path), "unreadable", f"cannot read URL list ({exc.strerror}); check the path")
        return
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            yield Link(check_url(line))
        except FetchError as exc:
            yield Skipped(f"{path}:{n}", exc.reason, f"{line[:60]!r} is {exc.message}")


def _feed(fetcher: Fetcher, url: str) -> list[Link | Skipped]:
    try:
        return list(parse_feed(fetcher.fetch(url, "feed").page.body, base=url))
    except FetchError as exc:
        return [Skipped(url, exc.reason, f"feed: {exc.message}")]
    except DependencyError as exc:
        return [Skipped(url, "missing-dependency", str(exc))]


def _sitemap(fetcher: Fetcher, url: str, depth: int = 0, seen: set | None = None) -> list[Link | Skipped]:
    seen = set() if seen is None else seen
    seen.add(url)
    try:
        links, children = parse_sitemap(fetcher.fetch(url, "sitemap").page.body, base=url)
    except FetchError as exc:
        return [Skipped(url, exc.reason, f"sitemap: {exc.message}")]
    out: list[Link | Skipped] = list(links)
    for child in children:
        if child in seen:
            continue
        if depth + 1 >= MAX_SITEMAP_DEPTH:
            out.append(Skipped(child, "too-deep", f"sitemap nested deeper than {MAX_SITEMAP_DEPTH} levels; "
                               "pass the inner sitemap with --sitemap"))
            continue
        out.extend(_sitemap(fetcher, child, depth + 1, seen))
    return out


def _expand(fetcher: Fetcher, item: str | Feed | Sitemap | UrlList) -> list[Link | Skipped]:
    if isinstance(item, Feed):
        return _feed(fetcher, item.url)
    if isinstance(item, Sitemap):
        return _sitemap(fetcher, item.url)
    if isinstance(item, UrlList):
        return list(read_url_file(item.path))
    try:
        return [Link(check_url(str(item)))]
    except FetchError as exc:
        return [Skipped(str(item), exc.reason, exc.message)]


def discover(fetcher: Fetcher, items: Iterable[str | Feed | Sitemap | UrlList]) -> Iterator[Link | Skipped]:
    """Every page link named by the inputs (feeds and sitemaps fetched in parallel), each URL once."""
    seen: set[str] = set()
    for found in fetcher.map(lambda it: _expand(fetcher, it), list(items)):
        for link in found:
            if isinstance(link, Skipped):
                yield link
            elif link.url not in seen:
                seen.add(link.url)
                yield link
