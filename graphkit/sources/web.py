"""Articles from the web: URLs, feeds, sitemaps and URL lists → ``Article``/``Skipped`` records.

``WebReader.read`` discovers page links, fetches them politely in parallel
(``graphkit.sources.fetch``), extracts each page once through the same path as a saved
HTML file (``articles.html_items``: trafilatura, then sanitising, boilerplate removal and
the headline; the result and its notices are kept in the page cache and reused while
the page is unchanged) and merges copies of one story published by several outlets
(``graphkit.sources.dedup``).
Every failure is one ``Skipped`` record naming the URL; the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, replace
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from . import articles
from .page_cache import CachedPage
from .dedup import Deduplicator
from ..environment import DependencyError, require
from .feeds import Feed, Link, Sitemap, UrlList, discover
from .fetch import Fetcher, FetchError, FetchOptions, charset, check_url
from ..records import Article, Notice, Skipped
from .articles import ReadOptions

WebSource = str | Feed | Sitemap | UrlList
log = logging.getLogger("graphkit")
EXTRACTION_VERSION = 3  # raise when extract_page changes what it produces


def is_url(item: object) -> bool:
    """Whether an input names something on the web (an http(s) URL or a feed/sitemap/URL list)."""
    if isinstance(item, (Feed, Sitemap, UrlList)):
        return True
    return isinstance(item, str) and item.strip().lower().startswith(("http://", "https://"))


def canonical_url(found: str, page_url: str) -> str:
    """The page's canonical URL if it names a proper article address, else the fetched URL.

    Relative canonicals are resolved; a canonical pointing to a site's home page
    (a common template mistake) is ignored so distinct articles keep distinct ids.
    """
    if not found:
        return page_url
    url = urljoin(page_url, found.strip())
    try:
        check_url(url)
    except FetchError:
        return page_url
    if urlsplit(url).path in ("", "/") and urlsplit(page_url).path not in ("", "/"):
        return page_url
    return url


def _declared_canonical(tree) -> str:
    """``<link rel=canonical>``, else ``og:url``, as written in the page (maybe relative)."""
    for el in tree.iterfind(".//link[@href]"):
        if "canonical" in (el.get("rel") or "").lower().split():
            return el.get("href", "")
    for el in tree.iterfind(".//meta[@content]"):
        if (el.get("property") or el.get("name") or "").lower() == "og:url":
            return el.get("content", "")
    return ""


def extract_page(page: CachedPage, *, source: str, link: Link | None = None,
                 on_warning: Callable[[Notice], None] | None = None) -> Article | Skipped:
    """The article of one fetched page: text, title, date, authors and canonical URL.

    The page goes through the same path as a saved HTML file (trafilatura, then the
    cleaning every text gets); notices about what was changed go to ``on_warning``.
    No size limit is applied here: the extraction is cached, the limit is the run's.
    """
    trafilatura = require("html")

    enc = charset(page)
    try:
        text = page.body.decode(enc) if enc else articles.decode(page.body)
    except (LookupError, UnicodeDecodeError):
        text = articles.decode(page.body)
    link = link or Link(source)
    whole = ReadOptions(max_chars=0)
    if page.content_type.split(";")[0].strip().lower() == "text/plain":
        items = articles.text_items(text, source=source, opts=whole, id=page.url, url=page.url, title=link.title,
                                 date=link.date)
    else:
        # Without a declared charset trafilatura reads the bytes itself (<meta charset>, detection).
        tree = trafilatura.utils.load_html(text if enc and text else page.body)
        declared = _declared_canonical(tree) if tree is not None else ""
        doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False) if tree is not None else None
        url = canonical_url(declared, page.url)
        items = articles.html_items(doc, source=source, opts=whole, fix="pass the article's own URL", id=url, url=url,
                                 defaults={"title": link.title, "date": link.date})
    *notices, result = list(items)
    for notice in notices:
        (on_warning or (lambda n: log.warning("%s", n)))(notice)
    return result


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Names the extraction code: a cached extraction made by another version is redone."""
    from importlib.metadata import version

    return f"graphkit-web/{EXTRACTION_VERSION} trafilatura/{version('trafilatura')}"


def _to_dict(item: Article | Skipped, notices: list[Notice]) -> dict:
    d = asdict(item)
    kept = {"extractor": extractor_version(), "notices": [asdict(n) for n in notices]}
    if isinstance(item, Article):
        return {**kept, "article": {**d, "authors": list(item.authors)}}
    return {**kept, "skipped": d}


def _from_dict(d: dict, source: str) -> tuple[Article | Skipped, list[Notice]]:
    notices = [Notice(**{**n, "source": source}) for n in d.get("notices", ())]
    if "article" in d:
        a = d["article"]
        return Article(**{**a, "authors": tuple(a.get("authors", ())), "source": source}), notices
    return Skipped(**{**d["skipped"], "source": source}), notices


class WebReader:
    """Reads URLs, feeds, sitemaps and URL lists with one fetcher, cache and deduplicator.

    ``sources`` maps each kept article id to every URL it was read from (the
    kept one first) once ``read`` has run; ``duplicates`` counts merged copies.
    """

    def __init__(self, options: FetchOptions | None = None, *, fetcher: Fetcher | None = None,
                 dedup: bool = True, threshold: float = 0.9):
        self.options = options or FetchOptions()
        self._fetcher, self._owns = fetcher, fetcher is None
        self.dedup = Deduplicator(threshold=threshold) if dedup else None
        self.duplicates = 0

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    @property
    def sources(self) -> dict[str, tuple[str, ...]]:
        return {k: tuple(v) for k, v in self.dedup.sources.items()} if self.dedup else {}

    def close(self) -> None:
        """Release the fetch threads (a later ``read`` starts new ones); a given fetcher stays open."""
        if self._fetcher is not None and self._owns:
            self._fetcher.close()
            self._fetcher = None

    def _page(self, link: Link) -> tuple[Article | Skipped, list[Notice]]:
        try:
            fetched = self.fetcher.fetch(link.url, "page")
        except FetchError as exc:
            return Skipped(link.url, exc.reason, exc.message), []
        page = fetched.page
        if page.extracted and not fetched.changed and page.extracted.get("extractor") == extractor_version():
            return _from_dict(page.extracted, link.url)
        notices: list[Notice] = []
        try:
            result = extract_page(page, source=link.url, link=link, on_warning=notices.append)
        except DependencyError as exc:
            return Skipped(link.url, "missing-dependency", str(exc)), []  # not cached: a fixed install redoes it
        except Exception as exc:  # hostile markup or a bug: this page only
            return Skipped.error(link.url, exc, "extracting the page"), []
        aliases = (link.url, result.id) if isinstance(result, Article) else (link.url,)
        self.fetcher.cache.put(replace(page, extracted=_to_dict(result, notices)), aliases)
        return result, notices

    def read(self, items: Iterable[WebSource], *,
             on_warning: Callable[[Notice], None] | None = None) -> Iterator[Article | Skipped]:
        """Articles and skip notices for every web input, in input order; notices about pages that were
        used but changed go to ``on_warning`` (default: the ``graphkit`` logger)."""
        warn = on_warning or (lambda n: log.warning("%s", n))
        links: list[Link] = []
        for found in discover(self.fetcher, items):
            if isinstance(found, Skipped):
                yield found
            else:
                links.append(found)
        seen: set[str] = set()
        for result, notices in self.fetcher.map(self._page, links):
            if isinstance(result, Skipped):
                yield result
                continue
            if result.id in seen:  # a page at a second URL with the same canonical URL
                result = replace(result, id=result.source, url=result.source)
            if self.dedup is not None and self.dedup.add(result) is not None:
                self.duplicates += 1
                continue
            seen.add(result.id)
            for notice in notices:
                warn(notice)
            yield result
