"""Any mix of inputs → ``Article`` records: paths and folders, raw article strings, ``Article``
records and web inputs (URLs, feeds, sitemaps, URL lists), with ids made unique across them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..records import Article, Notice, Skipped
from . import articles, files
from .articles import ReadOptions
from .web import WebReader, WebSource, is_url

Source = str | os.PathLike | Article | WebSource


def is_text(item: str) -> bool:
    """A raw article string rather than a path ("my notes.txt" or "a/b c" is a path even when missing)."""
    if "\n" in item or len(item) > 255:
        return True
    item = item.strip()
    looks_like_path = (Path(item).suffix.lower() in files.SUFFIXES or item.startswith(("/", "./", "../", "~"))
                       or (os.sep in item and item[-1:] not in ".!?\"'\u201d"))
    try:
        exists = Path(item).exists()
    except (OSError, ValueError):  # a NUL byte or an over-long name: not a usable path
        return True
    return " " in item and not looks_like_path and not exists


def read_sources(sources: Iterable[Source], options: ReadOptions | None = None, *, web: WebReader | None = None,
                 on_warning: Callable[[Notice], None] | None = None) -> Iterator[Article | Skipped]:
    """Articles from a mix of paths, raw strings, ``Article`` records and web inputs (ids made unique).

    Web inputs (http(s) URLs, ``Feed``, ``Sitemap``, ``UrlList``) are read last,
    together, by ``web`` (a default ``WebReader`` when not given), whose fetch
    threads are released when they are done. ``options.max_chars`` limits every article.
    """
    options = options or ReadOptions()

    def items() -> Iterator[Article | Skipped]:
        online = []
        for item in sources:
            if isinstance(item, Article):
                yield files.limit(item, options, on_warning=on_warning)
            elif is_url(item):
                online.append(item)
            elif isinstance(item, str) and is_text(item):
                yield articles.from_text(item, options, on_warning=on_warning)
            else:
                yield from files.read_articles([item], options, on_warning=on_warning)
        if online:
            reader = web or WebReader()
            try:
                for art in reader.read(online, on_warning=on_warning):
                    yield art if isinstance(art, Skipped) else files.limit(art, options, on_warning=on_warning)
            finally:
                reader.close()
    return files.unique_ids(items(), on_warning=on_warning)
