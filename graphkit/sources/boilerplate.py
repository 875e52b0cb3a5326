"""Keep the article body of a pasted web page: title plus prose paragraphs.

Pasted pages carry bylines, share buttons, photo captions and credits,
related-link lists, newsletter prompts, "more from" sections and footers. Text
with none of these signs passes through unchanged. Otherwise a line is kept
when it reads like prose (long enough, ends like a sentence or a quotation) or
is a short sentence inside the body; the body ends at the first section marker
that starts site furniture; bylines become ``authors``. Every regex is bounded
so hostile input (megabyte lines, bracket floods) stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_lines

_PROSE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]{0,3}$|[.!?]\s{0,3}\*{0,3}$""")
_SENTENCE_START = re.compile(r"""^["'\u201c\u2018(]{0,2}[A-Z0-9\u00c0-\u024f]""")
_TIMESTAMP = re.compile(r"^\s*(\d{1,4}\s+(min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|"
                        r"month|months|year|years)\s+ago|\d{1,3}\s+min(ute)?s?\s+read)\s*$", re.I)
_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\s]{0,1000}\)")
_BOLD = re.compile(r"\*\*|__")
_CREDIT_TAIL = re.compile(r"(?:\b(?:image|photo|photograph|picture|credit|photo credit)\s*:\s*[^.:\n]{1,100}\.?"
                          r"|\((?:photo|image|picture)s?\s+(?:by|credit|:)[^()\n]{1,100}\))\s*$", re.I)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|,|;|\||&|\bvia\b|\band\b|\s-\s)\s*", re.I)
_BY = re.compile(r"^(?:(?:written|words|additional\s+reporting|reporting|report|text)\s+)?by\s+(.{2,300})$", re.I)
_NAME = re.compile(r"^([A-Z\u00c0-\u024f][\w'\u2019.\-]{0,30}(?:\s+[A-Z\u00c0-\u024f][\w'\u2019.\-]{0,30}){1,3})")
_INNER_BREAK = re.compile(r"[a-z0-9)][.!?][\"'\u201d\u2019]?\s+[A-Z\"\u201c]")
_LINK_LIST = "\x00link-list"  # stands for a dropped block of related links


@dataclass(frozen=True)
class CleanText:
    """Body text with the metadata recovered from the boilerplate."""

    text: str
    title: str = ""
    authors: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    return frozenset(load_lines(name))


def _head(par: str) -> str:
    """Lower-case words of a line, punctuation and icons removed."""
    return " ".join(re.sub(r"[^\w\s]", " ", par[:300]).lower().split())


def _in_list(par: str, name: str) -> bool:
    """The line is an entry of a word list, or starts with an entry ending in ``*``."""
    head = _head(par)
    for m in _words(name):
        if m.endswith("*"):
            if head == m[:-1] or head.startswith(m[:-1] + " "):
                return True
        elif head == m:
            return True
    return False


def _is_prose(par: str) -> bool:
    """A paragraph of running text: ends like a sentence, or is long and holds a sentence break
    (a quotation cut off at the end of a long paragraph is still body text)."""
    words = par.split()
    if len(words) < 8 or sum(c.isalpha() for c in par) / max(1, len(par)) <= 0.6:
        return False
    return bool(_PROSE_END.search(par.rstrip("* ")[-8:])) or (len(words) >= 25 and bool(_INNER_BREAK.search(par)))


def _is_sentence(par: str) -> bool:
    """A short sentence that can stand in the body ("So far, the fears appear unfounded.")."""
    return (len(par.split()) >= 3 and bool(_SENTENCE_START.match(par)) and bool(_PROSE_END.search(par[-8:]))
            and sum(c.isalpha() for c in par) / max(1, len(par)) > 0.6)


def has_prose(text: str) -> bool:
    """True when some line reads as a sentence (navigation menus and link lists do not)."""
    return any(_is_sentence(ln.strip()) for ln in text.splitlines())


@lru_cache(maxsize=None)
def _longest_first(name: str) -> tuple[str, ...]:
    return tuple(sorted(_words(name), key=len, reverse=True))


def _is_credit(par: str) -> bool:
    """A photo caption or credit: "Reuters", "EPA-EFE/REX/Shutterstock", "... Image: J. Doe (flickr)."."""
    if _CREDIT_TAIL.search(par[-200:]):
        return True
    head = _head(par)
    prefixes = _words("credit_prefixes.txt")
    if any(head.startswith(p + " ") and p.endswith("caption") for p in prefixes):
        return True
    body = par.strip()
    low = body.lower()
    for p in _longest_first("credit_prefixes.txt"):
        if low.startswith(p) and not low[len(p):len(p) + 1].isalpha():
            body = body[len(p):].lstrip(" :,-\u2013\u00a9")
            break
    parts = [p for p in _CREDIT_SPLIT.split(body.lower().strip(" .\u00a9")) if p]
    credits = _words("photo_credits.txt")
    if parts and len(body) < 120 and all(len(p.split()) <= 4 for p in parts) and any(p in credits for p in parts):
        return True
    caps = re.match(r"^([A-Z][A-Z\-]+(?:\s[A-Z][A-Z\-]+){0,2})\s+\S", par)
    return bool(caps) and caps.group(1).lower() in credits and not _PROSE_END.search(par[-8:])


def _is_share(par: str) -> bool:
    words = _head(par).split()
    return bool(words) and len(words) <= 12 and all(w in _words("share_words.txt") for w in words)


def _is_timestamp(par: str) -> bool:
    if _TIMESTAMP.match(par):
        return True
    words = re.sub(r"\d{1,2}[:.]\d{2}", " 0 ", _head(par)).split()
    return (2 <= len(words) <= 10 and any(w.isdigit() for w in words)
            and all(w.isdigit() or w in _words("date_words.txt") for w in words))


def _is_furniture(par: str) -> bool:
    """Lines dropped wherever they stand: prompts, share rows, credits, timestamps, footers."""
    low = par.lower()
    return (_in_list(par, "boilerplate_lines.txt") or _is_share(par) or _is_timestamp(par) or _is_credit(par)
            or low.startswith(("\u00a9", "(c) ", "copyright ")) or "all rights reserved" in low
            or ("newsletter" in low and any(w in low for w in ("sign up", "subscribe", "inbox"))))


def _name(part: str) -> str:
    m = _NAME.match(part.strip(" *"))
    if not m:
        return ""
    name = m.group(1).strip(" .")
    return name.title() if name.isupper() else name


def authors(par: str) -> tuple[str, ...]:
    """Author names when the line is a byline ("By Jane Smith and John Doe", "Jane Smith, Reporter")."""
    if len(par.split()) > 25 or _is_prose(par):
        return ()
    found: list[str] = []
    m = _BY.match(par.strip(" *"))
    if m:
        for part in re.split(r"\s*(?:,|;|\||&|\band\b)\s*", m.group(1)):
            part = re.sub(r"^(?:additional\s+)?(?:reporting|writing|words|text)\s+by\s+", "", part, flags=re.I)
            if re.match(r"^(?:editing|edited|graphics|photos?|video)\b", part, re.I):
                continue
            name = _name(part)
            if name and not _is_outlet(name):
                found.append(name)
        return tuple(found)
    roles = _words("byline_roles.txt")
    for chunk in re.split(r"\s+and\s+|\s*[;|]\s*", par):
        name, _, role = chunk.partition(",")
        head = _head(role)
        if role and any((r in head) if " " in r else (r in head.split()) for r in roles):
            if _name(name) and len(name.split()) <= 4 and not _is_outlet(_name(name)):
                found.append(_name(name))
    return tuple(found)


def _is_outlet(name: str) -> bool:
    """"Reuters", "Reuters Staff", "BBC News": an agency or desk, not a person."""
    words = name.lower().split()
    return words[0] in _words("photo_credits.txt") or any(w in _words("byline_roles.txt") for w in words)


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: continuation lines start lower-case, the block ends a sentence."""
    lower = sum(1 for ln in lines[1:] if ln[:1].islower())
    return lower * 3 >= len(lines) - 1 and _is_prose(" ".join(lines))


def _paragraphs(raw: str) -> list[str]:
    """Blank-line separated blocks; blocks of short, mostly non-prose lines (link lists) become ``_LINK_LIST``."""
    out = []
    for block in re.split(r"\n[ \t\u00a0]*\n", raw):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if len(lines) >= 2 and _is_wrapped(lines):
            out.append(" ".join(lines))
            continue
        short = sum(not _is_prose(ln) and not _is_sentence(ln) for ln in lines)
        if len(lines) >= 2 and short >= 2 and short * 2 >= len(lines) and all(len(ln.split()) <= 20 for ln in lines):
            out.append(_LINK_LIST)
            continue
        for ln in lines:
            out.append(_LINK_LIST if "](" in ln and len(_LINK.findall(ln)) >= 2 else ln)
    return out


def _signals(pars: list[str]) -> int:
    """How many lines are unmistakable page furniture (bylines near the top, credits, prompts...)."""
    lists = any(_is_prose(p) for p in pars)  # a block of short lines is a link list only beside prose
    n = sum(1 for i, p in enumerate(pars) if (p == _LINK_LIST and lists) or (_is_furniture(p) and not _is_timestamp(p))
            or (i < 8 and not _is_prose(p) and authors(p)))
    return n + sum(1 for p in pars if _in_list(p, "boilerplate_markers.txt"))


def looks_like_page(raw: str) -> bool:
    """True when the text has web-page furniture (short non-prose lines among prose)."""
    pars = _paragraphs(raw)
    if _signals(pars):
        return True
    short = sum(1 for p in pars if not _is_prose(p))
    return len(pars) >= 4 and short >= max(3, len(pars) // 4)


def clean(raw: str) -> CleanText:
    """Strip web-page boilerplate from plain text; plain prose passes through unchanged."""
    if not looks_like_page(raw):
        return CleanText(raw.strip())
    pars = _paragraphs(_BOLD.sub("", raw))
    title, found, body = "", [], []
    for par in pars:
        par = _LINK.sub(lambda m: m.group(1), par) if "](" in par and par != _LINK_LIST else par
        if body and _in_list(par, "boilerplate_markers.txt"):
            break
        if par == _LINK_LIST or not par.strip():
            continue
        names = authors(par)
        if names:
            found.extend(names)
            continue
        if _is_furniture(par):
            continue
        if _is_prose(par) or (body and _is_sentence(par)):
            body.append(par)
        elif not title and not body and 3 <= len(par.split()) <= 30:
            title = par
    if not body:
        return CleanText("", title, tuple(dict.fromkeys(found)))
    text = "\n\n".join([title, *body] if title else body)
    return CleanText(text, title, tuple(dict.fromkeys(found)))
