"""Constructions that show a name is a company, whatever the tagger calls it (``company_cues.json``).

The tagger often labels a company named like a person ("Harlow Pemberton") ``PERSON`` in every
mention. What no person does or has settles it: an organisation noun in apposition or as the
predicate ("X, the pump maker,"; "X is a Leeds retailer"), what only a company has ("X's chief
executive", "shares in X", "the board of X"; "X's shares fell", but not "X's shares in Y"), company
acts ("X reported a loss", "X said it would cut 400 jobs", "X sells pumps") and "the company" as the
subject right after a sentence whose subject is X (with no other organisation named there). The other
way, "X said she would ...", "X was assassinated" and "X's widow" show a person (``person_construction``).
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ..data import load_json

SUBJECTS = {"nsubj", "nsubjpass"}
PERSONAL = {"he", "she"}
CLAUSES = {"ccomp", "xcomp", "conj", "advcl"}


@lru_cache(maxsize=1)
def _cues() -> MappingProxyType:
    return load_json("company_cues.json")


@lru_cache(maxsize=1)
def _appositives() -> frozenset[str]:
    cues = _cues()
    before = load_json("entity_cues.json")["before"]["organization"]
    return frozenset(cues["appositives"]) | (frozenset(before) - frozenset(cues["not_appositives"]))


@lru_cache(maxsize=1)
def either_kind() -> frozenset[str]:
    """Organisation cue nouns a person is as often ("property developer Jo Roe", "film producer Jo Roe")."""
    return frozenset(_cues()["either_kind"])


def company_construction(doc: Any, start: int, end: int) -> int:
    """How surely the mention ``start:end`` stands where only a company stands: 2, 1 for a line of business
    ("X sells pumps", which a person may also be said to do: "Jo Roe sells cakes"), 0 when it does not."""
    root = doc[start:end].root
    if _appositive(root, start, end) or _possessed(root) or _founded(root) or _referred_back(doc, root, start, end):
        return 2
    return _acts(root)


def _org_noun(tok: Any) -> bool:
    """An organisation noun, not one of a person's trade ("the film maker", "a decision maker")."""
    if tok.pos_ != "NOUN" or not (tok.lower_ in _appositives() or tok.lemma_.lower() in _appositives()):
        return False
    return not any(c.dep_ in ("compound", "amod") and c.lower_ in _cues()["not_products"] for c in tok.children)


def _appositive(root: Any, start: int, end: int) -> bool:
    """"X, the pump maker,", "the retailer, X,", "the X company" and "X is a Leeds-based company"."""
    for tok in (*root.children, root.head):
        if tok.i in range(start, end) or not _org_noun(tok):
            continue
        if tok.dep_ == "appos" and tok.head.i == root.i or root.dep_ == "appos" and root.head.i == tok.i:
            return not any(c.dep_ == "prep" for c in tok.children)  # "X, the owner of ...": a holder, no kind
    if root.dep_ == "compound" and root.head.lower_ in _cues()["anaphors"] and root.head.i == end \
            and any(c.lower_ in ("the", "a") for c in root.head.children):
        return True  # "the Minox company", "a Pemberton firm"
    if root.dep_ in SUBJECTS and root.head.lemma_ == "be":
        return any(c.dep_ == "attr" and _org_noun(c) and not any(p.dep_ == "prep" for p in c.children)
                   for c in root.head.children)
    return False


def _founded(root: Any) -> bool:
    """"X was founded in 1901", "X, founded in 1901,": done only to a company or an institution."""
    passives = _cues()["passives"]
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in passives:
        return True
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in passives for c in root.children)


def _possessed_noun(tok: Any) -> str:
    """The possessed noun at ``tok``: one word or two ("chief executive", "share price")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and f"{tok.lower_} {nxt.lower_}" in _cues()["possessed"]:
        return f"{tok.lower_} {nxt.lower_}"
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and f"{prev.lower_} {tok.lower_}" in _cues()["possessed"]:
        return f"{prev.lower_} {tok.lower_}"
    return tok.lower_ if tok.lower_ in _cues()["possessed"] else ""


def held_in(tok: Any) -> bool:
    """"shares in Y", "a stake of 5% in Y": a holding in another company, which a person may have; "chief of
    staff": a person's aide."""
    if " ".join(t.lower_ for t in tok.doc[tok.i:tok.i + 3]) in _cues()["personal_aides"]:
        return True
    return tok.lower_ in _cues()["holdings"] and any(c.dep_ == "prep" and c.lower_ in ("in", "of")
                                                     for c in tok.children)


def _possessed(root: Any) -> bool:
    """"X's chief executive", "X shares", "shares in X", "the board of X", "workers at X", "the takeover of X";
    "X's shares" only as they move."""
    head = root.head
    if root.dep_ in ("poss", "compound") and head.i != root.i and (word := _possessed_noun(head)):
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in word.split() for c in head.children):
            return False  # "X's campaign chairman": a person's campaign has one
        if word not in _cues()["holdings"]:
            return True
        if held_in(head):
            return False  # "X's shares in Y": X holds them
        return root.dep_ == "compound" or head.dep_ in SUBJECTS and head.head.lemma_.lower() in _cues()["movements"]
    if root.dep_ != "pobj" or head.head.pos_ != "NOUN":
        return False
    owner = head.head
    if head.lower_ == "at":
        return owner.lower_ in _cues()["staff_at"]  # "workers at X", "bosses at X"
    if head.lower_ == "of" and (owner.lower_ in _cues()["deals_of"] or _possessed_noun(owner) in _cues()["deals_of"]):
        return True  # "the takeover of X", "the stock market listing of X"
    return head.lower_ in ("of", "in") and bool(_possessed_noun(owner))  # "shares in X", "the board of X"


def _verbs_of(root: Any) -> list[Any]:
    """The verbs a subject mention governs: its head and the conjoined verbs that share the subject."""
    if root.dep_ not in SUBJECTS or root.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = root.head
    return [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                    and not any(g.dep_ in SUBJECTS for g in c.children))]


def _acts(root: Any) -> int:
    """"X reported a loss", "X employs 2,000 people" (2), "X sells pumps" (1); "X said it would cut 400 jobs"."""
    best = 0
    for verb in _verbs_of(root):
        best = max(best, _company_act(verb))
        for clause in (c for c in verb.children if c.dep_ in CLAUSES and c.pos_ in ("VERB", "AUX")):
            subject = next((g for g in clause.children if g.dep_ in SUBJECTS), None)
            if subject is not None and subject.lower_ == "it":
                best = max(best, _company_act(clause))  # "X said it would cut 400 jobs": "it" is X, no person
    return best


def _company_act(verb: Any) -> int:
    objects = _cues()["acts"].get(verb.lemma_.lower())
    if not objects:
        return 0
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lower_ in objects or o.lemma_.lower() in objects for o in dobjs):
        return 2
    return int("*" in objects and any(_bare_product(verb, o) for o in dobjs))


def _bare_product(verb: Any, obj: Any) -> bool:
    """"sells industrial pumps", "makes frozen desserts": a bare plural or mass noun after a verb in the
    present tense (a habit, as a company's line of business is told), no work a person makes."""
    if verb.tag_ not in ("VBZ", "VBP") or obj.pos_ != "NOUN" or obj.lower_ in _cues()["not_products"]:
        return False
    return not any(c.dep_ in ("det", "poss") for c in obj.children)


def _referred_back(doc: Any, root: Any, start: int, end: int) -> bool:
    """"X cut prices. The company said ...": X is the first subject and the only organisation named in
    its sentence, and "the company" is the subject of a later clause there or the first of the next."""
    if not (root.dep_ in SUBJECTS or root.dep_ == "poss" and root.head.dep_ in SUBJECTS):
        return False
    sent = doc[start].sent
    if any(t.dep_ in SUBJECTS for t in doc[sent.start:start]):
        return False  # "X sells pumps, said Jo Roe. The company ...": Jo Roe is not what it refers to
    if any(e.label_ in ("ORG", "NORP", "FAC", "PRODUCT") and not (e.start == start and e.end == end)
           for e in sent.ents):
        return False
    stop = sent.end
    if stop < len(doc):
        stop = doc[stop].sent.end
    anaphors = _cues()["anaphors"]
    for tok in doc[end:stop]:
        if tok.dep_ in SUBJECTS and tok.lower_ in anaphors and any(c.lower_ == "the" for c in tok.children):
            # in X's own sentence, only as the subject of a verb above X's ("X cut prices, the company said"),
            # never inside what X says ("X said the company had lied")
            return tok.sent.start != sent.start or tok.head in root.ancestors
        if tok.sent.start != sent.start and tok.dep_ in SUBJECTS:
            return False  # the next sentence's first subject is someone else
    return False


def person_construction(doc: Any, start: int, end: int, tagged: bool = True) -> bool:
    """Where only a person stands (``person_signs``): "X said she would resign" (a company is "it"); for a name
    the tagger took for an actor (``tagged``) also "Jo Roe shot X", "X was assassinated", "X died", "the
    assassination of X", "X's widow"."""
    signs, root = _cues()["person_signs"], doc[start:end].root
    for verb in _verbs_of(root):
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl")):
            if any(g.dep_ in SUBJECTS and g.lower_ in PERSONAL for g in clause.children):
                return True
    if not tagged:
        return False
    head, lemma = root.head, root.head.lemma_.lower()
    if root.dep_ == "dobj" and lemma in signs["killing_verbs"] and lemma != "bear":
        return True
    if root.dep_ == "nsubjpass" and lemma in signs["killing_verbs"]:
        return True  # "X was assassinated", "X was born in 1907"
    if root.dep_ == "nsubj" and lemma in signs["dying_verbs"]:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in signs["killing_nouns"]:
        return True
    return root.dep_ == "poss" and head.lower_ in signs["possessions"]
