"""Roles carried by a verb rather than a title (used by :mod:`graphkit.relations.role_forms`).

* membership verbs (``role_titles.json: membership_verbs``, lemma -> prepositions): "X sits on the board
  of Acme", "X works for Acme", "X, who served 24 years in the Senate", "X was elected to the Assembly",
  "X defected to the Greens": x -> the body "member of";
* leading verbs (``role_titles.json: leading_verbs``, lemma -> label) with a person subject and an
  organisation or government object: "X, who heads Acme" -> "head of", "X founded Acme" -> "founder of",
  "X joined Acme" -> "member of";
* the holder of a predicative title: "X, who is a captain in Y", "Acme named X chief executive" (the
  object), "X is believed to be the leader of Y", "detained X, considered to be the leader of Y";
* occupations no title table lists, known by their agentive ending, in apposition to a person and placed in
  an organisation by "at", "with" or "for": "X, an ecologist at Dunmore University", "X, a plant physiologist
  with the agency's research service", "X, a lobbyist for Acme" -> "ecologist at", "lobbyist for".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
import re
from typing import Any

from ..data import load_json
from ..records import Article, Relation
from .arguments import relative_head

BODY_TYPES = ("organization", "government")
AGENT_SUFFIX = re.compile(r"[a-z]{3}(er|eer|or|ist|ian|ant|ent|man|woman)$")
PLACING_PREPS = {"at": "at", "with": "at", "for": "for"}
RAISING = frozenset({"consider", "believe", "think", "say", "seem", "appear", "know", "report"})


@lru_cache(maxsize=1)
def _membership_verbs() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load_json("role_titles.json").get("membership_verbs", {}).items()}


@lru_cache(maxsize=1)
def _leading_verbs() -> dict[str, str]:
    return dict(load_json("role_titles.json").get("leading_verbs", {}))


def _people(v: Any, actors: Any) -> list[tuple[str, Any]]:
    """The persons who do ``v``: its subjects, or the noun its relative clause hangs on ("X, who heads Y")."""
    subj = [a for s in v.children if s.dep_ in ("nsubj", "nsubjpass") for a in actors.np_list(s)]
    if not subj and v.dep_ in ("relcl", "acl"):
        subj = list(actors.np_list(v.head))
    if not subj and v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        return _people(v.head, actors)  # "X is a major in A and works at B"
    return [a for a in subj if actors.type(a[0]) == "person"]


def _edge(key: str, org: tuple[str, Any], label: str, v: Any, stok: Any, actors: Any, article: Article,
          evidence: Callable) -> Relation:
    ev = replace(evidence(v, article, None, ""), source_text=actors.mention_text(stok),
                 target_text=actors.mention_text(org[1]))
    return Relation(key, org[0], label, label.split()[0], "role", "neutral", 0, ev)


def _body_of_object(p: Any, actors: Any) -> tuple[str, Any] | None:
    """The organisation a prepositional object names: itself, its owner ("Acme's board"), or what it is
    of ("the board of Acme")."""
    org = actors.of_np(p) or actors.owner(p)
    if not org:
        org = next((actors.of_np(g) for q in p.children if q.dep_ == "prep" and q.lower_ == "of"
                    for g in q.children if g.dep_ == "pobj" and actors.of_np(g)), None)
    return org if org and actors.type(org[0]) in BODY_TYPES else None


def memberships(doc: Any, actors: Any, article: Article, evidence: Callable) -> Iterator[Relation]:
    """Membership and leading verbs with a person subject and an organisation or body (see the module)."""
    verbs, leading = _membership_verbs(), _leading_verbs()
    for v in doc:
        lemma = v.lemma_.lower()
        if v.pos_ != "VERB" or (lemma not in verbs and lemma not in leading) \
                or any(c.dep_ in ("neg", "xcomp", "ccomp") for c in v.children):
            continue
        people = _people(v, actors)
        for c in (c for c in v.children if c.dep_ == "prep" and c.lower_ in verbs.get(lemma, ())):
            for p in (p for p in c.children if p.dep_ == "pobj"):
                org = _body_of_object(p, actors)
                for key, stok in (a for a in people if org and a[0] != org[0]):
                    yield _edge(key, org, "member of", v, stok, actors, article, evidence)
        if lemma not in leading:
            continue
        for o in (o for o in v.children if o.dep_ == "dobj"):
            for org in (a for a in actors.np_list(o) if actors.type(a[0]) in BODY_TYPES):
                for key, stok in (a for a in people if a[0] != org[0]):
                    yield _edge(key, org, leading[lemma], v, stok, actors, article, evidence)


def _apposed_person(noun: Any, actors: Any) -> tuple[str, Any] | None:
    """The person a common noun describes in apposition ("X, an ecologist"), also as the second of two
    coordinated nouns ("X, an ecologist and entomologist")."""
    for n in (noun, noun.head if noun.dep_ == "conj" else None):
        if n is not None and n.dep_ == "appos" and n.head != n:
            k = actors.key(n.head)
            if k and actors.type(k) == "person":
                return k, n.head
    return None


def occupations(doc: Any, actors: Any, known: Callable[[Any], bool], article: Article,
                evidence: Callable) -> Iterator[Relation]:
    """Occupation nouns outside the title tables (``known``) with "at", "with" or "for" an organisation."""
    for n in doc:
        if n.pos_ != "NOUN" or n.tag_ != "NN" or not AGENT_SUFFIX.search(n.lower_) or known(n):
            continue
        person = _apposed_person(n, actors)
        if not person:
            continue
        for c in (c for c in n.children if c.dep_ == "prep" and c.lower_ in PLACING_PREPS):
            for p in (p for p in c.children if p.dep_ == "pobj"):
                org = actors.of_np(p) or (actors.owner(p) if p.pos_ == "NOUN" else None)
                if org and org[0] != person[0] and actors.type(org[0]) in BODY_TYPES:
                    label = f"{n.lower_} {PLACING_PREPS[c.lower_]}"
                    yield _edge(person[0], org, label, n, person[1], actors, article, evidence)


def copular_holder(title: Any, actors: Any, objects: bool = True) -> tuple[str, Any] | None:
    """The person a predicative title describes: "X is the CEO of Y", "X, who is a captain in Y", "Acme
    named X chief executive" (the object), "X is considered to be the leader of Y", "Y arrested X,
    considered to be a leader of Z" (the noun the participle follows)."""
    verb = title.head
    objs = [c for c in verb.children if c.dep_ == "dobj"] if objects and title.dep_ == "oprd" else []
    subjects = objs or [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and not objects and verb.dep_ in ("relcl", "acl"):
        subjects = [verb.head]  # "X, holding the post of head of Y"
    if not subjects and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in RAISING:
        outer = verb.head  # "considered (by Y) to be": the raised subject or object
        subjects = [c for c in outer.children if c.dep_ in ("nsubjpass", "dobj")]
        if not subjects and outer.dep_ in ("advcl", "acl") and outer.tag_ == "VBN" and outer.i >= 2 \
                and outer.doc[outer.i - 1].text == ",":
            subjects = [outer.doc[outer.i - 2]] + ([outer.head] if outer.dep_ == "acl" else [])
    for s in subjects:
        a = actors.of_np(relative_head(s)) if relative_head(s) is not None else actors.of_np(s)
        if a and actors.type(a[0]) == "person":  # "X, who is a captain in the Coast Guard"
            return a
        if s.lower_ == "who" and relative_head(s) is not None:
            return _person_above(relative_head(s), actors)
    return None


def _person_above(tok: Any, actors: Any) -> tuple[str, Any] | None:
    """The person a "who" clause describes when the parse hung it on a later noun of the person's apposition
    ("X, former director of Acme, who holds ..."): up through prepositions and appositions."""
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "appos") or tok.head == tok:
            return None
        tok = tok.head
        a = actors.of_np(tok) if tok.dep_ != "prep" else None
        if a and actors.type(a[0]) == "person":
            return a
    return None
