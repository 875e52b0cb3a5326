"""Reported speech: who a reported act is reported by.

"X said that Y banned Z" is Y → Z (an action), and its evidence carries
``reported_by: X``; X → Z is never produced. Direct quotes parse the same way
('"…," Y wrote'). Edges to the addressee of a speech verb ("X told the BBC")
are ordinary statement edges, produced by the verb patterns with the
``statement`` category of the lexicon.
"""

from __future__ import annotations

from typing import Any

from .arguments import subject_tokens
from .labels import words

# Dependency links a reported clause can hang from, up to the speech verb.
REPORT_LINKS = ("ccomp", "parataxis")
CLIMB_LINKS = ("xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "prep", "dobj", "nsubj",
               "nsubjpass", "attr", "ccomp", "parataxis", "dative", "appos", "compound", "poss")
MAX_CLIMB = 10
CIRCUMSTANCE_MARKS = frozenset({"before", "after", "when", "while", "since", "until", "because", "as", "once",
                                "upon", "on"})
DENIAL_VERBS = frozenset({"deny", "dispute", "refute", "dismiss", "reject", "disavow", "rebut", "contradict"})
# Speech verbs whose report of a hostile act is an accusation by the speaker.
ACCUSING_VERBS = frozenset({"say", "claim", "allege", "accuse", "charge", "insist", "argue", "assert", "contend",
                            "suggest", "complain", "blame", "write", "tell", "tweet", "state"})


def speech_verb(tok: Any) -> bool:
    """Whether ``tok`` is a verb of saying/writing/claiming (lexicon ``speech_verbs``)."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in words("speech_verbs")


def reporter_of(anchor: Any) -> Any | None:
    """The speech verb whose reported clause contains ``anchor``, if any."""
    cur = anchor
    for _ in range(MAX_CLIMB):
        head = cur.head
        if head == cur or cur.dep_ not in CLIMB_LINKS or circumstance(cur):
            return None
        if cur.dep_ in REPORT_LINKS and speech_verb(head):
            if cur.i < head.i and not _set_off(cur):
                return None  # "X did Y but Z said …": a misattached clause, not a report
            return head
        cur = head
    return None


def circumstance(clause: Any) -> bool:
    """An adverbial clause of time or cause ("minutes before X voted …, Y claimed …", "upon learning …"):
    the circumstance of the speech, not what is said."""
    return (clause.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS
                                                      for c in clause.children)) \
        or (clause.dep_ == "pcomp" and clause.head.lower_ in CIRCUMSTANCE_MARKS)


def _set_off(clause: Any) -> bool:
    """Whether a clause before its speech verb is set off by punctuation ('"…," X said', '…, X said')."""
    edge = clause.right_edge
    if edge.is_punct or edge.is_quote:
        return True
    nxt = edge.doc[edge.i + 1] if edge.i + 1 < len(edge.doc) else None
    return nxt is not None and (nxt.is_punct or nxt.is_quote)


def _according_to(anchor: Any, actors: Any) -> str:
    """The source of "According to X, …" attached to the clause of ``anchor`` (or a clause above it)."""
    cur = anchor
    for _ in range(MAX_CLIMB):
        for c in cur.children:
            if c.lower_ == "according":
                for to in (t for t in c.children if t.lower_ == "to"):
                    for p in (p for p in to.children if p.dep_ == "pobj"):
                        found = actors.np_list(p) or _author(p, actors)
                        if found:
                            return found[0][0]
        if cur.head == cur or cur.dep_ not in CLIMB_LINKS:
            return ""
        cur = cur.head
    return ""


def _author(p: Any, actors: Any) -> list:
    """The author of a statement noun: "according to a tweet by X", "according to X's statement"."""
    for c in p.children:
        if c.dep_ == "poss":
            return actors.np_list(c)
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return [a for q in c.children if q.dep_ == "pobj" for a in actors.np_list(q)]
    return []


def reported_by(anchor: Any, source: str, actors: Any) -> str:
    """Key of the speaker reporting the act read at ``anchor``; empty if none or the source itself.

    The subject of the speech verb whose clause holds the act, else the source of an
    "according to X" phrase.
    """
    verb = reporter_of(anchor)
    if verb is None:
        key = _according_to(anchor, actors)
        return key if key != source else ""
    for t in subject_tokens(verb):
        for key, _tok in actors.np_list(t):
            if key != source:
                return key
            return ""
    return ""


def denied(anchor: Any) -> bool:
    """Whether the clause of ``anchor`` is reported by a denial ("X denied that …", "X rejected claims that …")."""
    verb = reporter_of(anchor)
    return verb is not None and verb.lemma_.lower() in DENIAL_VERBS


ALLEGING_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "ostensibly"})
REPORTING_ADVERBS = frozenset({"reportedly", "apparently", "seemingly"})
HEARSAY_VERBS = frozenset({"say", "believe", "think", "understand", "report", "rumour", "rumor", "know", "claim"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
INTENT_VERBS = frozenset({"plan", "intend", "aim", "prepare", "seek", "want", "hope", "expect", "vow", "promise",
                          "pledge", "agree", "decide", "propose", "offer", "set"})


def _clause_chain(anchor: Any) -> list[Any]:
    """``anchor`` and the verbs it is controlled by or conjoined to, up to its clause's head."""
    chain, cur = [anchor], anchor
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "conj", "pcomp", "advcl") or cur.head == cur:
            break
        cur = cur.head if cur.dep_ != "pcomp" else cur.head.head
        chain.append(cur)
    return chain


def modality(anchor: Any, accuser: str = "") -> str:
    """How the sentence holds the act read at ``anchor`` when it does not simply assert it: ``alleged``
    ("allegedly", "the alleged attack", an accuser's charge), ``reported`` ("reportedly", "is said to",
    "according to reports"), ``intended`` ("will sell", "plans to buy", a headline's "to sell"); '' otherwise."""
    chain = _clause_chain(anchor)
    kids = [c for v in chain for c in v.children]
    words_ = {c.lower_ for c in kids if c.dep_ in ("advmod", "amod", "aux")}
    accused = any(v.dep_ == "pcomp" and v.head.lower_ in ("of", "for") and v.head.head.lemma_.lower()
                  in words("alleging_verbs") for v in chain)  # "X was accused of keeping Y's money"
    if accuser or accused or words_ & ALLEGING_ADVERBS or "alleged" in words_:
        return "alleged"
    top = chain[-1]
    hearsay = any(v.dep_ == "xcomp" and v.head.lemma_.lower() in HEARSAY_VERBS and  # "X is said to have bribed Y"
                  any(c.dep_ == "auxpass" for c in v.head.children) for v in chain)
    if words_ & REPORTING_ADVERBS or hearsay or _according_to_reports(anchor):
        return "reported"
    if words_ & FUTURE_AUX or any(v.lemma_.lower() in INTENT_VERBS and v is not anchor for v in chain) or \
            (top.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)):
        return "intended"
    return ""


def _according_to_reports(anchor: Any) -> bool:
    """"According to reports/sources/media, …": hearsay without a named source."""
    cur = anchor
    for _ in range(MAX_CLIMB):
        for c in cur.children:
            if c.lower_ == "according":
                return any(p.dep_ == "pobj" and p.lemma_.lower() in ("report", "source", "media", "account")
                           for t in c.children if t.lower_ == "to" for p in t.children)
        if cur.head == cur or cur.dep_ not in CLIMB_LINKS:
            return False
        cur = cur.head
    return False
