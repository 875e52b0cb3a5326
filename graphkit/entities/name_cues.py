"""Cue words around a name that imply its type (used by :mod:`graphkit.entities.name_spans`).

"AI firm X" and "X boss" make X an organisation, "X, 67," and "X, the commissioner" a person, "the island of
X" a place; round 5 adds "the mayor of X" (a place), "president of X" (an organisation: ``role_titles.json:
staff_titles``), "FNTU Secretary X" (the acronym is X's body), "stores like X and Y", "X reports" (organisations).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..data import load_json
from .company_cues import either_kind, held_in
from .gazetteer import country_of, given_names, tables
from .non_names import is_title

ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def name_cue(doc: Any, s: int, e: int) -> str:
    """Type implied by a cue noun in apposition/compound before the name or as the head after it."""
    t = tables()
    root = doc[s:e].root
    for tok in (*root.children, root.head if root.dep_ == "appos" else root):
        if tok.i not in range(s, e) and (tok.dep_ == "appos" or root.dep_ == "appos") and tok.pos_ == "NOUN" and \
                (tok.lower_ in t.titles or t.cue_before.get(tok.lower_) == "person") and not _named_after(tok):
            return "person"  # "X, the Hungarian Government commissioner"
    for tok in (root.head, *root.children, doc[s - 1] if s > 0 else root):
        if tok.i in range(s, e) or (tok.dep_ == "poss" and tok.head == root):
            continue  # "the department's Al Roe": the owner, not a word for what the name is
        if tok.lower_ in t.cue_before and (tok.i < s) and tok.pos_ in ("NOUN", "PROPN"):
            if e - s > 1 and tok.lower_ in either_kind():
                return ""  # "property developer Jo Roe": a person's trade as often as a company's
            return t.cue_before[tok.lower_]
    relative = _relative_cue(root)
    if relative:
        return relative
    if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and doc[e + 1].text.isdigit() \
            and 0 < int(doc[e + 1].text) < 120 and (e + 2 == len(doc) or doc[e + 2].is_punct):
        return "person"  # "Jane Roe, 67, said": an age in apposition
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "via"):
        host = root.head.head
        if host.lemma_.lower() in t.platform_verbs or host.head.lemma_.lower() in t.platform_verbs:
            return "organization"
    example = root.head if root.dep_ == "pobj" else root.head.head if root.dep_ == "conj" and root.head.dep_ == "pobj" \
        else None  # "stores like Biedronka and Lidl", "firms such as X", "companies including X"
    if example is not None and example.lower_ in ("like", "including", "as") and \
            t.cue_before.get(example.head.lemma_.lower()) == "organization" and example.head.pos_ == "NOUN":
        return "organization"
    if root.dep_ == "nsubj" and e - s == 1 and root.head.lower_ in ("reports", "reported") and \
            doc[s].lower_ not in given_names():
        return "organization"  # "Rudaw reports ...": an outlet, not a person
    if root.dep_ == "pobj" and root.head.lower_ == "of" and t.cue_before.get(root.head.head.lower_) == "place":
        return "place"  # "the island of Majorca", "the city of Lyon"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _jurisdiction_of(root.head.head):
        return "place"  # "the mayor of Dunmore", "Mayor Lisa Chen of Dunmore"
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.head.pos_ == "NOUN" \
            and root.head.head.lower_ in _staff_titles():
        return "organization"  # "president of Eaglebrook Plastics", "publisher of the Huntington Herald"
    named = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if named.lemma_.lower() in ("know", "call", "name", "dub") and named.dep_ == "acl" and \
            named.head.lower_ in t.cue_before and named.head.i < s:
        return t.cue_before[named.head.lower_]  # "a website known as X", "a group called X"
    if e < len(doc) and doc[e].lower_ in t.cue_after and root.dep_ in ("compound", "nmod") and \
            (root.head.i == e or (doc[e].dep_ in ("compound", "amod") and doc[e].head == root.head)):
        return t.cue_after[doc[e].lower_]  # "X boss", "X coach Jane Roe" (both compounds of the name)
    if e - s == 1 and ACRONYM.match(doc[s].text) and e + 1 < len(doc) and is_title(doc[e]) \
            and doc[e].text[:1].isupper() and doc[e + 1].text[:1].isupper() and country_of(doc[s].text) is None:
        return "organization"  # "FNTU Secretary Rosa Ibarra": an acronym before a titled name is its body
    if e + 1 < len(doc) and doc[e].tag_ == "POS" and t.cue_after.get(doc[e + 1].lower_, "other") != "other" \
            and not held_in(doc[e + 1]):
        return t.cue_after[doc[e + 1].lower_]  # "X's shares"; but "X's film" is X's, not X; "X's shares in Y"
    return ""


def _jurisdiction_of(tok: Any) -> bool:
    """A title whose holder belongs to a place ("mayor", "governor"), itself or right before the name it
    heads ("Mayor Lisa Chen of ...")."""
    words = place_titles()
    if tok.pos_ == "NOUN":
        return tok.lower_ in words
    return tok.pos_ == "PROPN" and (tok.lower_ in words or any(c.dep_ == "compound" and c.i < tok.i and
                                                               c.lower_ in words for c in tok.children))


@lru_cache(maxsize=1)
def _staff_titles() -> frozenset[str]:
    """Titles held in an organisation (``role_titles.json: staff_titles``): what follows "president of" that is
    no country or known body is a company, a party or a club, not a person."""
    return frozenset(load_json("role_titles.json")["staff_titles"])


@lru_cache(maxsize=1)
def place_titles() -> frozenset[str]:
    """Titles whose "of X" names a place (``role_titles.json: place_titles``): "the mayor of Dunmore"."""
    return frozenset(load_json("role_titles.json")["place_titles"])


def _named_after(title: Any) -> bool:
    """"the prosecutor general of Tehran, Jo Roe": the title names its own holder after its organisation."""
    return any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for c in title.children if c.dep_ == "prep"
               for p in c.children if p.dep_ == "pobj" for a in p.children)


def _relative_cue(root: Any) -> str:
    """"X, who ..." is a person; "X, which ..." is not ("Morwen's Group, which owns 240 stores")."""
    for c in root.children:
        if c.dep_ == "relcl" and c.i > root.i:
            rel = next((t for t in c.subtree if t.lower_ in ("who", "whom", "whose", "which")), None)
            if rel is not None and rel.i < c.i:
                return "person" if rel.lower_ in ("who", "whom") else "organization" if rel.lower_ == "which" else ""
    return ""
