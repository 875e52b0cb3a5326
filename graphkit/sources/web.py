"""Articles from the web: URLs, feeds, sitemaps and URL lists → ``Article``/``Skipped`` records.

``WebReader.read`` discovers page links, fetches them politely in parallel
(``graphkit.sources.fetch``), extracts each page once with trafilatura (the result is
kept in the page cache and reused while the page is unchanged) and merges
copies of one story published by several outlets (``graphkit.sources.dedup``).
Every failure is one ``Skipped`` record naming the URL; the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from . import files as ingest
from .page_cache import CachedPage
from .dedup import Deduplicator
from ..environment import DependencyError, require
from .feeds import Feed, Link, Sitemap, UrlList, discover
from .fetch import Fetcher, FetchError, FetchOptions, charset, check_url
from ..records import Article, Skipped

WebSource = str | Feed | Sitemap | UrlList
EXTRACTION_VERSION = 2  # raise when extract_page changes what it produces
_SENTENCE_END = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")")


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


def _has_prose(text: str) -> bool:
    """Whether extracted text holds at least one sentence (not just link labels of an index page)."""
    return any(len(line.split()) >= 6 and line.rstrip().endswith(_SENTENCE_END) for line in text.splitlines())


def extract_page(page: CachedPage, *, source: str, link: Link | None = None) -> Article | Skipped:
    """The article of one fetched page: text, title, date, authors and canonical URL (trafilatura)."""
    trafilatura = require("html")

    enc = charset(page)
    try:
        text = page.body.decode(enc) if enc else ingest.decode(page.body)
    except (LookupError, UnicodeDecodeError):
        text = ingest.decode(page.body)
    link = link or Link(source)
    if page.content_type.split(";")[0].strip().lower() == "text/plain":
        return ingest.from_text(text, source=source, id=page.url, url=page.url, title=link.title, date=link.date)
    # Without a declared charset trafilatura reads the bytes itself (<meta charset>, detection).
    tree = trafilatura.utils.load_html(text if enc and text else page.body)
    declared = _declared_canonical(tree) if tree is not None else ""
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False) if tree is not None else None
    if doc is None or not _has_prose(getattr(doc, "text", "") or ""):
        return Skipped(source, "no-article", "no article text found on the page (navigation or script only); "
                       "pass the article's own URL")
    url = canonical_url(declared, page.url)
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Article(id=url, text=ingest.with_headline(ingest.html_paragraphs(doc.text, doc.title or ""), doc.title or ""), title=doc.title or link.title, url=url,
                   date=doc.date or link.date, authors=authors, source=source)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Names the extraction code: a cached extraction made by another version is redone."""
    from importlib.metadata import version

    return f"graphkit-web/{EXTRACTION_VERSION} trafilatura/{version('trafilatura')}"


def _to_dict(item: Article | Skipped) -> dict:
    d = asdict(item)
    if isinstance(item, Article):
        return {"extractor": extractor_version(), "article": {**d, "authors": list(item.authors)}}
    return {"extractor": extractor_version(), "skipped": d}


def _from_dict(d: dict, source: str) -> Article | Skipped:
    if "article" in d:
        a = d["article"]
        return Article(**{**a, "authors": tuple(a.get("authors", ())), "source": source})
    return Skipped(**{**d["skipped"], "source": source})


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

    def _page(self, link: Link) -> Article | Skipped:
        try:
            fetched = self.fetcher.fetch(link.url, "page")
        except FetchError as exc:
            return Skipped(link.url, exc.reason, exc.message)
        page = fetched.page
        if page.extracted and not fetched.changed and page.extracted.get("extractor") == extractor_version():
            return _from_dict(page.extracted, link.url)
        try:
            result = extract_page(page, source=link.url, link=link)
        except DependencyError as exc:
            return Skipped(link.url, "missing-dependency", str(exc))  # not cached: a fixed install redoes it
        except Exception as exc:  # hostile markup or a bug: this page only
            return Skipped.error(link.url, exc, "extracting the page")
        aliases = (link.url, result.id) if isinstance(result, Article) else (link.url,)
        self.fetcher.cache.put(replace(page, extracted=_to_dict(result)), aliases)
        return result

    def read(self, items: Iterable[WebSource]) -> Iterator[Article | Skipped]:
        """Articles and skip notices for every web input, in input order."""
        links: list[Link] = []
        for found in discover(self.fetcher, items):
            if isinstance(found, Skipped):
                yield found
            else:
                links.append(found)
        seen: set[str] = set()
        for result in self.fetcher.map(self._page, links):
            if isinstance(result, Skipped):
                yield result
                continue
            if result.id in seen:  # a page at a second URL with the same canonical URL
                result = replace(result, id=result.source, url=result.source)
            if self.dedup is not None and self.dedup.add(result) is not None:
                self.duplicates += 1
                continue
            seen.add(result.id)
            yield result
