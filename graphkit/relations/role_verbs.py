"""Roles carried by a verb rather than a title (used by :mod:`graphkit.relations.role_forms`).

* membership verbs (``role_titles.json: membership_verbs``, lemma -> prepositions): "X sits on the board
  of Acme", "X works for Acme", "X, who served 24 years in the Senate", "X was elected to the Assembly",
  "X defected to the Greens": x -> the body "member of";
* leading verbs (``role_titles.json: leading_verbs``, lemma -> label) with a person subject and an
  organisation or government object: "X, who heads Acme" -> "head of", "X founded Acme" -> "founder of",
  "X joined Acme" -> "member of".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..data import load_json
from ..records import Article, Relation

BODY_TYPES = ("organization", "government")


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
