"""One article's text or HTML page → an ``Article`` record.

Every way in (a file, a JSON record or CSV row, a fetched page, a string) ends here: the text is
sanitised, its web-page boilerplate removed, the headline put first as a paragraph of its own and the
size limit applied; what was changed is reported as ``Notice`` records, an input with no prose as a
``Skipped`` one. ``files`` reads paths and record files into these functions; ``web`` fetched pages.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import boilerplate, textio
from ..environment import DependencyError, require
from ..records import Article, Notice, Skipped, text_hash
from .textio import MAX_CHARS

Item = Article | Skipped | Notice
OnWarning = Callable[[Notice], None] | None
log = logging.getLogger("graphkit")


def warn(notice: Notice, on_warning: OnWarning) -> None:
    """Hand a notice to ``on_warning`` (default: the ``graphkit`` logger)."""
    (on_warning or (lambda n: log.warning("%s", n)))(notice)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read; built once per run (``graphkit.build``) and handed down unchanged."""

    max_chars: int = MAX_CHARS  # longest article body; longer ones are cut at a paragraph (0: no limit)


def content_id(text: str) -> str:
    """A short stable id from the article text."""
    return "sha256:" + text_hash(text)[:16]


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOMs honoured), falling back to Windows-1252 byte by byte."""
    return textio.decode(data)[0]


def display(path: str | os.PathLike) -> str:
    """A path as printable text (undecodable bytes in file names shown as U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def route(items: Iterable[Item], on_warning: OnWarning) -> Iterator[Article | Skipped]:
    """Pass articles and skips on; hand notices to ``on_warning`` (default: the ``graphkit`` logger)."""
    for item in items:
        if isinstance(item, Notice):
            warn(item, on_warning)
        else:
            yield item


def make(text: str, *, source: str, opts: ReadOptions, cut_bytes: int = 0,
          empty: str = "no article text found; check that the input holds prose", **meta) -> Iterator[Item]:
    """Sanitise, strip boilerplate and apply the size limit to one article's text."""
    max_chars = opts.max_chars
    cap, whole = textio.raw_cap(max_chars), len(text)
    precut = bool(cap) and whole > cap
    if precut:  # bound the work of every later step (a 20 MB CSV cell, a huge JSON string)
        text = textio.truncate(text, cap)
    text, notes = textio.sanitize(text)
    for note in notes:
        reason = "long-run" if "without spaces" in note else "control-chars"
        yield Notice(source, reason, f"{note}; check the input if the text looks damaged")
    meta = {k: textio.clean_field(v) for k, v in meta.items() if isinstance(v, str)} | \
        {"authors": tuple(textio.clean_field(a, 200) for a in meta.get("authors") or ())}
    authors, title = meta.pop("authors"), meta.pop("title", "")
    cleaned = boilerplate.clean(text)
    text, title, authors = cleaned.text, title or cleaned.title, authors or cleaned.authors
    if not text:
        yield Skipped(source, "empty", empty)
        return
    text = with_headline(text, title)
    if cut_bytes or precut or len(text) > max_chars > 0:
        size = f"file is {cut_bytes:,} bytes" if cut_bytes else f"article is {max(whole, len(text)):,} characters"
        text = textio.truncate(text, max_chars)
        yield Notice(source, "truncated", f"{size}, over the --max-chars limit of {max_chars:,}; kept the first "
                     f"{len(text):,} characters; raise --max-chars or split the article")
    url = meta.get("url", "")
    yield Article(id=meta.get("id") or url or source or content_id(text), text=text, title=title, url=url,
                  date=meta.get("date", ""), authors=tuple(dict.fromkeys(a for a in authors if a)), source=source)


def with_headline(body: str, title: str) -> str:
    """The body with the headline as its first paragraph (headlines state acts too)."""
    title = " ".join(title.split())
    if not title or " ".join(body[: len(title) + 200].split()).startswith(title):
        return body
    return f"{title}\n\n{body}"


def html_paragraphs(text: str, title: str = "") -> str:
    """An HTML extractor's text (one paragraph a line) as blank-line paragraphs, without a first line that
    repeats the headline: ``with_headline`` puts it back as a paragraph of its own, so a headline without
    a full stop never runs into the first sentence."""
    pars = [line.strip() for line in text.splitlines() if line.strip()]
    if len(pars) > 1 and " ".join(pars[0].split()).casefold() == " ".join(title.split()).casefold():
        pars = pars[1:]
    return "\n\n".join(pars)


def html_article(html: str, *, source: str, opts: ReadOptions, cut_bytes: int = 0, **meta) -> Iterator[Item]:
    try:
        trafilatura = require("html")
    except DependencyError as exc:
        yield Skipped(source, "missing-dependency", str(exc))
        return
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # a third-party parser on hostile markup: report, never crash the run
        yield Skipped(source, "malformed", f"HTML could not be parsed ({type(exc).__name__}); "
                      "save the page again or convert it to .txt")
        return
    yield from html_items(doc, source=source, opts=opts, cut_bytes=cut_bytes, **meta)


def html_items(doc: object, *, source: str, opts: ReadOptions, cut_bytes: int = 0,
               fix: str = "save the article page itself", defaults: dict | None = None, **meta) -> Iterator[Item]:
    """The one HTML-to-article path, for saved pages and fetched ones: what trafilatura extracted from a
    page (``doc``) → notices, then the ``Article`` (or a ``Skipped`` ending with ``fix``).

    The page must hold prose; ``meta`` wins over the page's own metadata, which wins over
    ``defaults`` (a feed's title and date); then the text gets the cleaning every text gets.
    """
    text = getattr(doc, "text", None) or ""
    if not boilerplate.has_prose(text):
        yield Skipped(source, "no-article", f"no article text found in the HTML page (navigation or script "
                      f"only); {fix}")
        return
    authors = tuple(a.strip() for a in (getattr(doc, "author", None) or "").split(";") if a.strip())
    for key in ("title", "url", "date"):
        meta[key] = meta.get(key) or getattr(doc, key, None) or (defaults or {}).get(key) or ""
    text = html_paragraphs(text, meta["title"])
    yield from make(text, source=source, opts=opts, cut_bytes=cut_bytes, authors=authors,
                     empty=f"no article text left after removing page furniture; {fix}", **meta)


def text_items(text: str, *, source: str, opts: ReadOptions, **meta: str) -> Iterator[Item]:
    """One article's raw text → notices about what was changed, then the ``Article`` (or a ``Skipped``):
    sanitised, boilerplate removed, headline first, size limit applied."""
    yield from make(text, source=source, opts=opts, **meta)


def from_text(text: str, options: ReadOptions | None = None, *, source: str = "", on_warning: OnWarning = None,
              **meta: str) -> Article | Skipped:
    """One article from raw text (web-page boilerplate removed, size limit applied)."""
    src = source or content_id(text)
    items = list(route(make(text, source=src, opts=options or ReadOptions(), **meta), on_warning))
    return items[-1]


def from_html(html: str, options: ReadOptions | None = None, *, source: str = "", on_warning: OnWarning = None,
              **meta: str) -> Article | Skipped:
    """One article from an HTML page through trafilatura."""
    src = source or content_id(html)
    return list(route(html_article(html, source=src, opts=options or ReadOptions(), **meta), on_warning))[-1]
