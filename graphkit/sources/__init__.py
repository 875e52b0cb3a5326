"""Reading: paths, folders, records, stdin and the web become ``Article`` records.

``read_sources`` takes any mix of inputs; ``read_articles`` reads paths, folders and
stdin (``files``); ``WebReader`` fetches URLs, feeds, sitemaps and URL lists politely
(``web``, ``fetch``, ``feeds``, ``page_cache``) and merges copies of one story
(``dedup``). Every unusable input becomes a ``Skipped`` record with a one-line reason and
fix; every input that was used but changed becomes a ``Notice``.
"""

from .dedup import Deduplicator, outlet
from .feeds import Feed, Link, Sitemap, UrlList
from .fetch import Fetcher, FetchError, FetchOptions
from .articles import ReadOptions, from_html, from_text, with_headline
from .files import STDIN, SUFFIXES, limit, read_articles, read_file, unique_ids
from .inputs import Source, is_text, read_sources
from .page_cache import CachedPage, DirCache, NullCache, PageCache, default_cache_dir
from .textio import MAX_CHARS
from .web import WebReader, WebSource, is_url

__all__ = ["MAX_CHARS", "STDIN", "SUFFIXES", "CachedPage", "Deduplicator", "DirCache", "Feed", "FetchError",
           "FetchOptions", "Fetcher", "Link", "NullCache", "PageCache", "ReadOptions", "Sitemap", "Source", "UrlList",
           "WebReader", "WebSource", "default_cache_dir", "from_html", "from_text", "is_text", "is_url", "limit",
           "outlet", "read_articles", "read_file", "read_sources", "unique_ids", "with_headline"]
