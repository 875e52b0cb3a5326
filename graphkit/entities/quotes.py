"""Quotes in coreference: which tokens are quoted, who speaks each quote, and "I"/"we" inside it.

Inside a quote the speaker (subject of the speech verb, its apposition or conjunct) is never the
antecedent of a third-person pronoun, and "I"/"my" (or "we"/"our" for an organisation, government or
group) are the quote's one speaker; a quote spoken by a pronoun ("'I did not,' he said") gets its
speaker once that pronoun is resolved, and so do the quotes that continue it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .gazetteer import tables
from ..data import load_json, load_lines
from ..records import Mention

SUBJ = {"nsubj", "nsubjpass"}


def quote_numbers(doc: Any) -> list[int]:
    """Quote number of every token (0 outside quotes; 1, 2, ... inside the n-th quote)."""
    marks, out, q, n = {'"', "\u201c", "\u201d", "``", "''"}, [], 0, 0
    for tok in doc:
        if tok.text in marks:
            if q:
                q = 0
            else:
                n += 1
                q = n
            out.append(0)
            continue
        out.append(q)
    return out


def quote_sentences(doc: Any, quote_of: list[int]) -> dict[int, list[int]]:
    """Start tokens of the sentences each quote touches."""
    sents: dict[int, list[int]] = {}
    for tok in doc:
        q = quote_of[tok.i]
        if q and tok.sent.start not in sents.setdefault(q, []):
            sents[q].append(tok.sent.start)
    return sents


def _quote_speakers(doc: Any, out: Any, quote_of: list[int], starts: list[int]) -> frozenset:
    """The actors that speak a quote: subjects of speech verbs (with their appositions) outside it."""
    keys = set()
    for st in starts:
        for t in doc[st].sent:
            if not quote_of[t.i] and t.dep_ in SUBJ and t.head.lemma_ in _speech_verbs():
                cands = [t] + [c for c in t.children if c.dep_ in ("appos", "conj")]
                keys.update(k for k in (out.token_entity.get(c.i) for c in cands) if k)
    return frozenset(keys)


def speakers(doc: Any, out: Any, quote_of: list[int], sents: dict | None = None) -> dict[int, frozenset]:
    """For each quote, its speakers; a quote with none continues the previous one's."""
    result: dict[int, frozenset] = {}
    for q, starts in sorted((sents if sents is not None else quote_sentences(doc, quote_of)).items()):
        result[q] = _quote_speakers(doc, out, quote_of, starts) or result.get(q - 1, frozenset())
    return result


def first_person(tok: Any, out: Any, info: dict, state: dict) -> str | None:
    """"I", "my" (and "we" for an organisation) inside a quote -> its one speaker."""
    q = state["quote_of"][tok.i]
    first = state["pronouns"]["_first_person"]
    plural = tok.lower_ in first["plural"]
    if not q or tok.pos_ != "PRON" or not (plural or tok.lower_ in first["singular"]):
        return None
    speakers = _quote_speakers(tok.doc, out, state["quote_of"], state["quote_sents"].get(q, [])) \
        or state["speakers"].get(q, frozenset())
    if len(speakers) != 1:
        return None
    key = next(iter(speakers))
    inf = info.get(key)
    if inf is None:
        return None
    if plural:  # "we" is an organisation, a government or a group speaking, never one person
        if inf.type == "person" and not inf.plural:
            return _affiliation(tok.doc, out, state["quote_of"], state["quote_sents"].get(q, []), key)
        return key
    return key if inf.type == "person" else None


def _affiliation(doc: Any, out: Any, quote_of: list[int], starts: list[int], person: str) -> str | None:
    """The one organisation a speaking person is named with in the speech sentence: "Zentrix leader Jane
    Roe said", "said Jane Roe, the leader of Zentrix" -> Zentrix, so that her "we" is Zentrix."""
    found = set()
    for st in starts:
        for t in doc[st].sent:
            if quote_of[t.i] or out.token_entity.get(t.i) != person or out.token_entity.get(t.i - 1) == person:
                continue
            j = t.i - 1
            while j >= 0 and doc[j].lower_ in tables().titles:
                j -= 1
            if j < t.i - 1 and j >= 0 and out.token_entity.get(j):
                found.add(out.token_entity[j])  # "Zentrix leader Jane Roe"
            h = t
            while h.head.i != h.i and out.token_entity.get(h.head.i) == person:
                h = h.head  # the head token of the name
            for a in (c for c in h.children if c.dep_ == "appos"):  # "Jane Roe, the leader of Zentrix"
                found.update(out.token_entity.get(g.i) for p in a.children if p.dep_ == "prep"
                             and p.lower_ in ("of", "for") for g in p.children if g.dep_ == "pobj")
            if h.dep_ == "appos" and h.head.i not in out.token_entity:  # "a Zentrix spokesperson, Jane Roe"
                found.update(out.token_entity.get(c.i) for c in h.head.children if c.dep_ in ("compound", "poss", "nmod"))
    orgs = {k for k in found if k and k != person and out.type_of(k) in ("organization", "government")}
    return next(iter(orgs)) if len(orgs) == 1 else None


def late_first_person(doc: Any, out: Any, info: dict, state: dict) -> None:
    """'"I did not," he said': a quote whose speaker is a pronoun is known once that pronoun is resolved,
    after the quote; its "I"/"my" get the speaker then (and so do those of the quotes that continue it)."""
    first = state["pronouns"]["_first_person"]
    words = set(first["singular"]) | set(first["plural"])
    todo = [t for t in doc if state["quote_of"][t.i] and t.lower_ in words and t.i not in out.token_entity]
    if todo:
        state["speakers"] = speakers(doc, out, state["quote_of"], state["quote_sents"])
    for tok in todo:
        speaker = first_person(tok, out, info, state)
        if speaker:
            out.token_entity[tok.i] = speaker
            out.mentions.append(Mention(speaker, tok.idx, tok.idx + len(tok.text), tok.text, "pronoun"))


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Verbs whose subject speaks a quote: the speech verbs of ``data/relation_words.json`` and the
    quote verbs of ``data/quote_verbs.txt`` ("continued")."""
    return frozenset(load_json("relation_words.json")["speech_verbs"]) | frozenset(load_lines("quote_verbs.txt"))
