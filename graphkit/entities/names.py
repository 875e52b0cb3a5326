"""Name mentions in a parsed article: the tagger's entities plus the names it missed.

A ``Name`` (:mod:`~graphkit.entities.name_spans`) is the bare name of an actor as a token span, titles
outside it. ``find_names`` gathers the candidates of both sources: the model's entities (``ner``,
:mod:`~graphkit.entities.tagged_names`) and proper-noun runs in argument positions or next to a cue
noun (``propn``/``cue``, :mod:`~graphkit.entities.recovered_names`), with department names read out of
a title ("Secretary of Defense" -> ``title-of``) from either. It widens ships and products into their
full names ("MV Jane Roe", "Airbus A320"), splits a unit named before its institution, and rejects
false names: stoplisted strings, bracket debris, authors and bylines, caption credits of photo
agencies; overlaps go to the earliest, longest name.
"""

from __future__ import annotations

import re
from typing import Any

from .gazetteer import norm, tables, word_lemmas
from .name_spans import PARTICLES, Name, span_name
from .non_names import (byline_spans, common_noun, credit, credit_spans, in_spans, is_title, is_vessel_prefix,
                        speaker_label, title_phrase)
from .recovered_names import recovered_names
from .tagged_names import tagged_names

__all__ = ["PARTICLES", "Name", "byline_spans", "credit_spans", "find_names", "in_spans", "is_title"]

AFFIXED = re.compile(r"^(anti|pro|ex|non|post|pre|neo|pan|mid|then|all|trans|inter|intra)-", re.I)
DEBRIS = re.compile(r"[\[\]{}()<>|*#@_=+\\/]|^\W|https?:|\.(com|org|net)\b")
PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{1,12}$")
MODEL_CODE = re.compile(r"^(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]*[A-Z0-9]$")
YEAR = re.compile(r"^(1[89]|20)\d\d$")
UNIT_HEADS = {"college", "school", "faculty", "institute", "department", "hospital", "center", "centre", "laboratory"}
PARENT_HEADS = {"university", "college", "academy", "institute", "system"}


def product_model(doc: Any, n: Name) -> Name | None:
    """'Vantage QX7', 'Airbus A320': a maker's name followed by a model code names a product (a thing,
    never an actor); the code joins the name. None when no model code follows."""
    if n.end >= len(doc) or not doc[n.end - 1].whitespace_:
        return None
    code = doc[n.end].text
    if not MODEL_CODE.match(code) or YEAR.match(code):
        return None
    end = n.end + 1
    if end < len(doc) and doc[end - 1].whitespace_ and doc[end].is_upper and doc[end].is_alpha and len(doc[end]) <= 4:
        end += 1  # "737 MAX"
    model = doc[n.end:end].text
    raw = f"{n.raw or n.text} {model}"
    return Name(n.start, end, f"{n.text} {model}", n.label, n.source, n.titles, "product", raw=raw)


def vessel(doc: Any, n: Name) -> Name | None:
    """'MV Jane Roe', 'HMS Victory': a ship or boat name keeps its prefix and is typed as a thing.

    Returns the widened name, or None when the name is no vessel. A lone prefix is no name at all.
    """
    first = doc[n.start]
    if is_vessel_prefix(first):
        return Name(n.start, n.end, n.text, n.label, n.source, (), "vessel", raw=n.text) if n.end - n.start > 1 \
            else None
    if n.start > 0 and is_vessel_prefix(doc[n.start - 1]) and doc[n.start - 1].whitespace_:
        s = n.start - 1
        text = f"{doc[s].text} {n.text}"
        return Name(s, n.end, text, n.label, n.source, (), "vessel", raw=text)
    return None


def reject(doc: Any, n: Name, authors: set[str], bylines: list[tuple[int, int]]) -> bool:
    """True for strings that are not actors."""
    t = tables()
    key = norm(n.text)
    if not key or (key in t.stop and not n.titles) or len(key) < 2:
        return True  # a title keeps a stoplisted word a name: "Mrs May"
    if DEBRIS.search(n.text) or not n.text[:1].isalnum():
        return True
    bare_title = n.text.lower() in t.titles or (n.text.lower().endswith("s") and n.text.lower()[:-1] in t.titles)
    if not any(c.isupper() for c in n.text) or key in authors or bare_title or AFFIXED.match(n.text):
        return True
    if any(key in a.split(" ") or key == a for a in authors):
        return True
    if key in t.demonyms and key not in t.countries:
        return True  # "Tongan time", "Serbians": a demonym is not a named actor
    if in_spans(doc, n.start, bylines) or key in t.groups or speaker_label(doc, n) or common_noun(doc, n) \
            or title_phrase(doc, n):
        return True
    if n.end - n.start == 1 and is_vessel_prefix(doc[n.start]):
        return True  # "MV" alone
    if PARTY_TAG.match(doc[max(0, n.start - 2):n.end].text) or PARTY_TAG.match(n.text):
        return True  # "Sen. Jane Roe, D-Ariz.,": a party and state tag, no actor
    return credit(doc, n)


def _unit_of_institution(doc: Any, n: Name) -> list[Name]:
    """"Queens College of the City University of New York": a unit named before the institution it belongs to
    is two names (the relation side makes the unit part of it); other names stay whole."""
    words = [t.lower_ for t in doc[n.start:n.end]]
    for k in range(1, len(words) - 2):
        if words[k] == "of" and words[k + 1] == "the" and words[k - 1] in UNIT_HEADS and k >= 1 \
                and PARENT_HEADS & set(words[k + 2:]) and doc[n.start + k - 1].text[:1].isupper():
            first, second = span_name(doc, n.start, n.start + k, n.label, n.source), \
                span_name(doc, n.start + k + 2, n.end, n.label, n.source)
            return [x for x in (first, second) if x is not None] or [n]
    return [n]


def find_names(doc: Any, *, authors: tuple[str, ...] = (), main_country: str = "",
               skip: list[tuple[int, int]] | None = None) -> tuple[list[Name], set]:
    """Every bare-name mention of the doc (overlaps removed, earliest-longest first) and the author keys."""
    bylines = byline_spans(doc) + credit_spans(doc) if skip is None else skip
    author_keys = {norm(a) for a in authors}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and in_spans(doc, ent.start, bylines):
            author_keys.add(norm(ent.text))
    cands = tagged_names(doc, main_country) + recovered_names(doc, main_country)
    cands = [vessel(doc, n) or product_model(doc, n) or n for n in cands]
    cands = [p for n in cands for p in _unit_of_institution(doc, n)]
    cands.sort(key=lambda n: (n.start, -(n.end - n.start)))
    inner_caps = {t.text for t in doc if not t.is_sent_start and t.text[:1].isupper()}
    out, taken = [], set()
    for n in cands:
        if any(i in taken for i in range(n.start, n.end)) or reject(doc, n, author_keys, bylines):
            continue
        first = doc[n.start]
        if n.end - n.start == 1 and first.is_sent_start and first.tag_ and first.tag_ not in ("NNP", "NNPS") \
                and first.text not in inner_caps and n.cue != "person":
            continue  # "Observers said ...": a capitalised common noun the tagger called a name
        if n.end - n.start == 1 and first.is_sent_start and first.dep_ == "compound" and \
                tables().cue_before.get(first.head.lower_) == "organization" and first.lower_ in \
                word_lemmas(first.lower_).get("NOUN", ()):
            continue  # "Software company Tenaro ...": the company's sector, not a name
        taken.update(range(n.start, n.end))
        out.append(n)
    return out, author_keys
