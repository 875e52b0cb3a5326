"""Tests that tell a name from what only looks like one, shared by the name finder and the resolver.

Titles ("Mayor", "Representatives"), bylines and image credits, interview speaker labels, photo-agency
credits, common nouns written with a capital ("an Order", "Members of ..."), common nouns that qualify a
title ("Police and Crime" Commissioner) and ship-name prefixes ("MV", "HMS").
"""

from __future__ import annotations

import re
from typing import Any


from .gazetteer import country_hint, norm, tables, word_lemmas

BYLINE = re.compile(r"(^|\n)\s*by\s+[A-Z]|\b(correspondent|reporter|editor|writer|journalist|contributor|"
                    r"columnist|staff)\b", re.I)
CREDIT = re.compile(r"\b(Image|Images|Photo|Photos|Photograph|Picture|Credit|Photo credit|Video)\s*:", re.I)


def is_title(tok: Any) -> bool:
    if tok.pos_ in ("ADP", "DET", "CCONJ", "SCONJ") and not tok.is_title:
        return False
    titles = tables().titles
    if tok.lower_ in titles or tok.lower_.rstrip(".") in titles:
        return True
    # a plural title before several names or one: "Representatives Jane Roe, ...", "officers X and Y"
    return tok.tag_ in ("NNS", "NNPS") and tok.lower_.endswith("s") and tok.lower_[:-1] in titles \
        and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text[:1].isupper()


def byline_spans(doc: Any) -> list[tuple[int, int]]:
    """Character spans of byline lines near the top: verbless lines naming a reporter role, or 'By X'."""
    out, pos = [], 0
    for line in doc.text[:1500].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or not BYLINE.search(line):
            continue
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and not any(t.pos_ == "VERB" for t in span):
            out.append((start, end))
    return out


def credit_spans(doc: Any) -> list[tuple[int, int]]:
    """Character spans of image credits: from "Image:", "Photo:", "Credit:" ... to the end of the line."""
    text = doc.text
    out = []
    for m in CREDIT.finditer(text):
        end = text.find("\n", m.start())
        out.append((m.start(), end if end >= 0 else len(text)))
    return out


def in_spans(doc: Any, i: int, spans: list[tuple[int, int]]) -> bool:
    c = doc[i].idx
    return any(s <= c < e for s, e in spans)


def credit(doc: Any, n: Any) -> bool:
    """A photo-agency name in a caption or credit line ("REUTERS Protesters gather ...")."""
    first = doc[n.start]
    if first.is_upper and norm(first.text) in tables().agencies and n.end - n.start > 1:
        return True
    if norm(n.text) not in tables().agencies:
        return False
    root = doc[n.start:n.end].root
    shouted = n.text.isupper() and len(n.text.replace(".", "")) > 3  # "REUTERS"; "AP", "AFP" are always capitals
    return shouted or root.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "agent", "poss") or \
        not any(t.pos_ == "VERB" for t in root.sent)


def speaker_label(doc: Any, n: Any) -> bool:
    """'(WN) What do you ...', 'WN: What ...': a short speaker label opening a line of an interview."""
    s, e = n.start, n.end
    while s > 0 and doc[s - 1].text == "(" and e < len(doc) and doc[e].text == ")":
        s, e = s - 1, e + 1  # "(WN)", "((WN))"
    line_start = s == 0 or "\n" in doc[s - 1].text or "\n" in doc[s - 1].whitespace_
    if not line_start or not n.text.isupper() or len(n.text) > 4:
        return False
    return s < n.start or (e < len(doc) and doc[e].text == ":")


def common_noun(doc: Any, n: Any) -> bool:
    """A one-word 'name' that is a common noun: "an Order", "Prime Minister's Questions", "Members of ..."

    The word takes an indefinite article; or the tagger did not call it an organisation, person or place and
    it is a plural the tagger read as a common noun or the English lexicon knows as the plural of one, or
    a common noun the lexicon knows that the tagger gave a thing label (product, work, event, law).
    """
    if n.end - n.start != 1 or n.titles or n.cue:
        return False
    tok = doc[n.start]
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return True
    if n.label not in ("", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"):
        return False
    lemmas = word_lemmas(tok.lower_).get("NOUN", ())
    if tok.tag_ == "NNS" or (lemmas and tok.lower_ not in lemmas):
        return True  # a plural: "Members", "Questions"
    # a singular common noun given a capital ("Treason, Bribery, ...", "Sentencing") that no tagger called a name
    return bool(lemmas) and n.label != "" and not tok.is_sent_start


def title_phrase(doc: Any, n: Any) -> bool:
    """"Police and Crime" before "Commissioner", "Health and Safety" before "Minister": common nouns joined
    by "and" that qualify a title are part of the title, not a name; so is a portfolio before a public office
    ("Transport Commissioner", "Commerce Secretary", "Energy Minister")."""
    words = [t for t in doc[n.start:n.end] if t.lower_ not in ("and", "&", ",")]
    if n.end >= len(doc) or not is_title(doc[n.end]) or n.label == "PERSON":
        return False
    common = all(t.text[:1].isupper() and "NOUN" in word_lemmas(t.lower_) for t in words)
    if len(words) == n.end - n.start:  # no "and": only a portfolio before a public office, no country ("US")
        if n.text.isupper() or country_hint(n.text) or norm(n.text) in tables().regions:
            return False
        lemmas = word_lemmas(words[0].lower_)
        if len(words) == 1 and "ADJ" in lemmas and "NOUN" not in lemmas and "PROPN" not in lemmas:
            return True  # "Presidential Spokesperson X": an adjective of the title
        office = doc[n.end].lower_ in tables().offices or doc[n.end].lemma_.lower() in tables().offices
        return common and office and len(words) <= 2 and not any(t.lower_ in tables().name_words for t in words)
    return common


def is_vessel_prefix(tok: Any) -> bool:
    """An upper-case ship prefix ("MV", "HMS", "USS") from ``vessel_prefixes.txt``."""
    return tok.text.isupper() and tok.lower_ in tables().vessel_prefixes
