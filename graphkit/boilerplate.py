"""Keep the article body of a pasted web page: title plus prose paragraphs.

Pasted pages carry bylines, share buttons, photo credits, related-link lists,
newsletter prompts and "more from" sections. A paragraph is kept when it reads
like prose (long enough, ends like a sentence or a quotation); the body ends at
the first section marker that starts site furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import load_lines

_PROSE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*$|[.!?]\s*\**$""")
_BYLINE = re.compile(r"^\s*(by\s+)?([A-Z][\w'\-]+(\s+[A-Z][\w'\-]+){1,3})\s*,\s*[^.]{0,80}"
                     r"(correspondent|reporter|editor|writer|journalist)\b", re.I)
_TIMESTAMP = re.compile(r"^\s*(\d+\s+(min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks)\s+ago"
                        r"|updated\b.*|published\b.*)\s*$", re.I)
_LINK_LIST = "\x00link-list"  # stands for a dropped block of related links
_MARKUP = re.compile(r"\*\*|\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class CleanText:
    """Body text with the metadata recovered from the boilerplate."""

    text: str
    title: str = ""
    authors: tuple[str, ...] = ()


def _paragraphs(raw: str) -> list[str]:
    """Blank-line separated blocks; a block that is mostly short link-like lines is dropped whole."""
    out = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if len(lines) >= 2 and sum(not _is_prose(ln) for ln in lines) * 2 >= len(lines):
            out.append(_LINK_LIST)
            continue
        out.extend(lines)
    return out


def _is_marker(par: str, markers: set[str]) -> bool:
    """A heading from the marker list, or a prompt starting with a ``prefix*`` marker."""
    head = re.sub(r"[^\w\s]", "", par).strip().lower()
    if head in markers:
        return True
    return any(m.endswith("*") and head.startswith(m[:-1]) for m in markers)


def _is_prose(par: str) -> bool:
    words = par.split()
    if len(words) < 8 or not _PROSE_END.search(par.rstrip("* ")):
        return False
    letters = sum(c.isalpha() for c in par)
    return letters / max(1, len(par)) > 0.6


def _authors(par: str) -> tuple[str, ...]:
    if not _BYLINE.match(par):
        return ()
    names = re.findall(r"(?:^|and\s+|,\s*)\**([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,3})\**\s*,", par)
    return tuple(n.strip() for n in names)


def looks_like_page(raw: str) -> bool:
    """True when the text has web-page furniture (short non-prose lines among prose)."""
    pars = _paragraphs(raw)
    short = sum(1 for p in pars if not _is_prose(p))
    return len(pars) >= 4 and short >= max(3, len(pars) // 4)


def clean(raw: str) -> CleanText:
    """Strip web-page boilerplate from plain text; plain prose passes through unchanged."""
    if not looks_like_page(raw):
        return CleanText(raw.strip())
    markers = set(load_lines("boilerplate_markers.txt"))
    pars = _paragraphs(_MARKUP.sub(lambda m: m.group(1) or "", raw))
    title = ""
    authors: list[str] = []
    body: list[str] = []
    for par in pars:
        if body and _is_marker(par, markers):
            break
        if par == _LINK_LIST or _TIMESTAMP.match(par):
            continue
        found = _authors(par)
        if found:
            authors.extend(found)
            continue
        if _is_prose(par):
            body.append(par)
        elif not title and not body and len(par.split()) >= 3 and not _is_marker(par, markers):
            title = par
    if not body:
        return CleanText("", title, tuple(authors))
    text = "\n\n".join([title, *body] if title else body)
    return CleanText(text, title, tuple(dict.fromkeys(authors)))
