"""Plural references in coreference: actors named together ("X and Y") as one antecedent of "they",
"them" and of plural descriptions ("the two men", "both companies": ``plural`` of ``data/descriptions.json``).
"""

from __future__ import annotations

from typing import Any

from ..data import load_json, load_lines
from ..records import Mention

SUBJ = {"nsubj", "nsubjpass"}


def note_group(tok: Any, key: str, out: Any, info: dict, state: dict) -> None:
    """Remember actors named together ("X and Y", "X, Y and Z") as one plural antecedent."""
    def actor(k: str | None) -> bool:
        return bool(k) and k in info and (info[k].type in ("person", "organization", "government") or info[k].country)
    if tok.dep_ == "poss" or not actor(key):
        return  # "X and Y's mother": whose mother, not who acts; "London and Paris" are places
    keys, stack = [key], [c for c in tok.children if c.dep_ == "conj"]
    while stack and len(keys) < 6:
        c = stack.pop(0)
        if any(g.dep_ == "case" for g in c.children):
            continue  # "Baloch and Waseem's mother" (misparsed): Waseem is a possessor
        k = out.token_entity.get(c.i) or next((out.token_entity[g.i] for g in c.children  # "X and President Y"
                                               if g.dep_ in ("appos", "compound") and g.i in out.token_entity), None)
        if actor(k) and k not in keys:
            keys.append(k)
        stack.extend(g for g in c.children if g.dep_ == "conj")
    if len(keys) > 1:
        state["groups"].append((tok.i, tuple(keys), state["sent_no"], tok.dep_))


def recent_group(state: dict, tok: Any, window: int, exclude: frozenset, size: int = 0,
                 types: tuple = ()) -> tuple[int, tuple[str, ...], int, str] | None:
    """The latest group named before ``tok`` within ``window`` sentences, if it has ``size`` members of
    ``types``. A pronoun (no ``types``) takes only a group that acts or is acted on, not one under a
    preposition ("the agreement between X and Y … They": the others at the table)."""
    for g_i, keys, g_sent, dep in reversed(state["groups"]):
        if state["sent_no"] - g_sent > window:
            return None
        if g_i >= tok.i or (not types and dep == "pobj"):
            continue
        if set(keys) & exclude or (size and len(keys) != size) or \
                (types and any(state["info"][k].type not in types for k in keys)):
            return None  # "Trump and Erdogan spoke. Then both nations …": not an older pair of nations
        return g_i, keys, g_sent, dep
    return None


def own_subject(tok: Any, cand: Any) -> bool:
    """Whether ``cand`` is the subject of the verb a non-reflexive object pronoun ``tok`` depends on."""
    if tok.dep_ not in ("dobj", "pobj", "dative") or tok.lower_.endswith(("self", "selves")):
        return False
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok.head)
    return cand.dep_ in SUBJ and cand.head.i == verb.i


def group_first(group: tuple, history: list, key: str) -> bool:
    """Whether a group is a better antecedent than the single actor ``key``: named later, or as the subject
    of a sentence not before the actor's last mention."""
    last_i, last_sent = next(((h_i, h_sent) for h_i, k, h_sent, *_rest in reversed(history) if k == key), (-1, -1))
    g_i, _keys, g_sent, dep = group
    return g_i > last_i or (dep in SUBJ and g_sent >= last_sent)


def plural_description(tok: Any, info: dict, state: dict, exclude: frozenset) -> tuple[str, ...] | None:
    """"the two men", "both companies", "the pair": the actors named together within two sentences
    (``plural`` of ``data/descriptions.json``: the types they must have; a number must be their count)."""
    types = load_json("descriptions.json")["plural"].get(tok.lemma_.lower()) or \
        load_json("descriptions.json")["plural"].get(tok.lower_)
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
    if not types or not dets & {"the", "both", "two", "three", "four"} or tok.dep_ == "compound":
        return None
    if any(c.dep_ in ("amod", "compound", "prep", "relcl", "acl") for c in tok.children):
        return None  # "the two British men", "the companies involved": not just the ones named
    size = next((n for w, n in (("two", 2), ("both", 2), ("three", 3), ("four", 4)) if w in dets), 0)
    group = recent_group(state, tok, 2, exclude, size, tuple(types))
    return group[1] if group else None


def headline_counts(doc: Any, out: Any) -> None:
    """"Hundreds arrested ... by X" over "337 suspected users were arrested ...": a bare count as the subject of
    the first sentence (``quantity_words.txt``) is the counted group of people the next three sentences name
    (a plural actor with a number before it)."""
    sents = list(doc.sents)
    group = next((k for s in sents[1:4] for t in s if (k := out.token_entity.get(t.i))
                  and t.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in t.children)
                  and out.type_of(k) not in (None, "place")), None)
    if group is None:
        return
    for tok in sents[0] if len(sents) > 1 else ():
        if tok.lower_ in load_lines("quantity_words.txt") and tok.i not in out.token_entity \
                and tok.dep_ in ("ROOT", "nsubj", "nsubjpass") and not any(c.dep_ == "prep" for c in tok.children):
            out.token_entity[tok.i] = group
            out.mentions.append(Mention(group, tok.idx, tok.idx + len(tok.text), tok.text, "nominal"))
