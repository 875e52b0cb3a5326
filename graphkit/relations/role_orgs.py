"""The organisations one title reaches beyond the one it names (used by :mod:`graphkit.relations.roles`).

* coordinated organisations: "chairman of Harlow Foods and Kestrel Bank" -> both;
* the institution a unit belongs to: "a professor at Dunmore College of the State University" -> the college and
  the university (the entity layer keeps them as two names);
* national branches and named units of an organisation the article names: "Harvell Polska" is `branch of` Harvell,
  "Acme News Channel" `channel of` Acme;
* the organisation that owns an untitled person: "Vantrell's Jane Roe", "the department's Al Poe" -> member of;
* the organisation before "whose <title>": "Acme, whose chief executive, X," -> Acme;
* a body noun before a staff title that names another body ("Council leader X said Acme ...": not Acme's);
* the organisation a titled speaker speaks about: "Acme will close the plant, said Jane Roe, a product
  manager" -> the one organisation (no country) that is the subject of what the speaker said, for a title held
  in an organisation (``role_titles.json: staff_titles``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..data import load_json
from ..entities import country_of, is_outlet, tables, word_lemmas
from ..records import Article, Relation

BODY_TYPES = ("organization", "government")


def conjoined_orgs(org: tuple[str, Any], person: str, actors: Any) -> list[tuple[str, Any]]:
    """The organisations coordinated with a title's organisation ("chairman of A and B"), of its type."""
    tok = org[1]
    while tok.dep_ in ("compound", "appos") and actors.key(tok.head) == org[0]:
        tok = tok.head
    if tok.dep_ != "pobj" and not any(c.dep_ == "conj" for c in tok.children):
        return []
    typ = actors.type(org[0])
    return [a for a in actors.np_list(tok)[1:] if a[0] not in (org[0], person) and actors.type(a[0]) == typ]


def parent_institution(org: tuple[str, Any], actors: Any) -> tuple[str, Any] | None:
    """The organisation named right after a unit's name by "of the" ("Dunmore College of the State University
    of Vermont"), which the entity layer keeps as two names."""
    doc, i = org[1].doc, org[1].i
    while i + 1 < len(doc) and actors.key(doc[i + 1]) == org[0]:
        i += 1
    if i + 3 >= len(doc) or doc[i + 1].lower_ != "of" or doc[i + 2].lower_ != "the":
        return None
    key = actors.key(doc[i + 3])
    return (key, doc[i + 3]) if key and key != org[0] and actors.type(key) == actors.type(org[0]) else None


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(load_json("relation_words.json")["speech_verbs"])


def reported_org(person: Any, actors: Any, is_country: Callable[[str], bool]) -> tuple[str, Any] | None:
    """The one organisation or body (not a country) that is the subject of the clause a person reports:
    "Acme sells parts, said X, a manager" -> Acme; None when there is none or several."""
    v = person.head
    if person.dep_ != "nsubj" or v.lemma_.lower() not in _speech_verbs():
        return None
    start = min(person.left_edge.i, v.i)  # "..., said X" or "..., X said"
    before = [v.head] if v.dep_ in ("parataxis", "ccomp") and v.head.i < v.i else []  # "said" hung on the report

    def adjoining(c: Any) -> bool:
        """A report that ends right before the speaker's comma (or a closing quote and comma)."""
        end = min(c.right_edge.i, start - 1)
        while end > c.i and v.doc[end].is_punct:
            end -= 1
        gap = v.doc[end + 1: start]
        return 1 <= len(gap) <= 2 and any(t.text == "," for t in gap) and all(t.is_punct for t in gap)
    clauses = [c for c in v.children if c.dep_ == "ccomp" and (c.i > v.i or adjoining(c))]
    clauses += [c for c in before if adjoining(c)]
    clauses += [c for cl in list(clauses) for c in cl.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    found = {a for cl in clauses for s in cl.children if s.dep_ in ("nsubj", "nsubjpass")
             for a in actors.np_list(s) if actors.type(a[0]) in BODY_TYPES and not is_country(a[0])}
    keys = {k for k, _t in found}
    return next(iter(found)) if len(keys) == 1 else None


def previous_subject_org(person: Any, actors: Any, is_country: Callable[[str], bool]) -> tuple[str, Any] | None:
    """"Norvane said profits rose. Chief executive Jo Roe said ...": a speaker whose sentence names no
    organisation holds a staff title in the one organisation (not a country) the sentence before has as its
    main subject; None otherwise."""
    sent = person.sent
    if person.dep_ != "nsubj" or person.head.lemma_.lower() not in _speech_verbs() or sent.start == 0 \
            or any(actors.key(t) and actors.type(actors.key(t)) in BODY_TYPES for t in sent):
        return None
    prev = person.doc[sent.start - 1].sent
    found = {a for s in prev.root.children if s.dep_ in ("nsubj", "nsubjpass")
             for a in actors.np_list(s) if actors.type(a[0]) == "organization" and not is_country(a[0])
             and not is_outlet(actors.ents.entities[a[0]])}  # "Reuters reported ...": the source, no employer
    return next(iter(found)) if len({k for k, _t in found}) == 1 else None


UNIT_LABELS = {"channel": "channel of", "subsidiary": "subsidiary of"}


def branches(doc: Any, actors: Any, article: Article, evidence: Callable) -> Iterator[Relation]:
    """"Harvell Polska" beside "Harvell": a national branch (the longer name adds a country, a demonym or the
    country's own name) is `branch of` the shorter; "Corvin News Channel" beside "Corvin" `part of` it."""
    orgs = {e.label: k for k, e in actors.ents.entities.items() if e.type == "organization"}
    for label, key in sorted(orgs.items()):
        words = label.split()
        for k in range(len(words) - 1, 0, -1):
            parent = orgs.get(" ".join(words[:k]))
            if parent is None or parent == key:
                continue
            rest = words[k:]
            national = bool(country_of(" ".join(rest))) or any(country_of(w) for w in rest)
            unit = rest[-1].lower() in UNIT_LABELS  # not "Ford Foundation" (no part of the company)
            tok = next((t for t in doc if actors.key(t) == key), None)
            if tok is not None and (national or unit):
                rel = "branch of" if national else UNIT_LABELS[rest[-1].lower()]
                ev = replace(evidence(tok, article, None, ""), source_text=actors.mention_text(tok), target_text="")
                yield Relation(key, parent, rel, rel.split()[0], "role", "neutral", 0, ev)
            break


def owned_people(doc: Any, actors: Any, titled: set[int], article: Article,
                 evidence: Callable) -> Iterator[Relation]:
    """"Vantrell's Jane Roe said", "the department's Al Poe": an untitled person an organisation or body owns is
    its member (a person's, country's or place's possessive is no membership: "Britain's Jo Roe")."""
    for tok in doc:
        key = actors.key(tok) if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and tok.i not in titled \
            and tok.dep_ != "compound" else None
        if not key or actors.type(key) != "person" or not _personal(actors.ents.entities[key].label):
            continue
        for c in (c for c in tok.children if c.dep_ == "poss" and any(k.dep_ == "case" for k in c.children)):
            org = actors.key(c)
            ent = actors.ents.entities.get(org) if org else None
            if ent is None or org == key or ent.type not in ("organization", "government") or country_of(ent.label):
                continue
            ev = replace(evidence(tok, article, None, ""), source_text=actors.mention_text(tok),
                         target_text=actors.mention_text(c))
            yield Relation(key, org, "member of", "member", "role", "neutral", 0, ev)


def _personal(label: str) -> bool:
    """A person's name, not a thing the tagger took for one: some word is no common English word and the
    last is no word of an institution or a thing ("Public Licensed", "James Webb Telescope")."""
    words = label.lower().split()
    return any(not word_lemmas(w) for w in words) and words[-1] not in tables().name_words


def whose_owner(holders: list[Any], actors: Any) -> tuple[str, Any] | None:
    """The antecedent of "whose" before a title: "Acme, whose chief executive ..." -> Acme."""
    for t in holders:
        if any(c.lower_ == "whose" for c in t.children):
            verb = t if t.dep_ == "appos" else next((a for a in t.ancestors if a.dep_ == "relcl"), None)
            return actors.of_np(verb.head) if verb is not None else None  # the clause's or apposition's noun
    return None


@lru_cache(maxsize=1)
def _kind_modifiers() -> frozenset[str]:
    return frozenset(load_json("role_titles.json")["kind_modifiers"])


def other_body(title: Any, label: str) -> bool:
    """"Council leader X said Acme ...": a body noun before the title names another body than the organisation
    the speaker talks about (not a kind word: "a company official", "station chief")."""
    words = set(label.lower().split())
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < title.i and c.lemma_.lower() in tables().name_words
               and c.lemma_.lower() not in words and c.lemma_.lower() not in _kind_modifiers()
               for c in title.children)
