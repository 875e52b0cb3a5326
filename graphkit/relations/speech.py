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
DENIAL_VERBS = frozenset({"deny", "dispute", "refute", "dismiss", "reject", "disavow", "rebut", "contradict"})
# Speech verbs of contested assertion: their report of any act that is not cooperation is a claim about its agent.
CLAIMING_VERBS = frozenset({"claim", "allege", "accuse", "charge"})
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
        if head == cur or cur.dep_ not in CLIMB_LINKS:
            return None
        if cur.dep_ in REPORT_LINKS and speech_verb(head):
            if cur.i < head.i and not _set_off(cur):
                return None  # "X did Y but Z said …": a misattached clause, not a report
            return head
        cur = head
    return None


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


def claimed_subjects(verb: Any, actors: Any) -> list[tuple[str, Any, Any]]:
    """"The government claims Acme flies arms to the rebels", "Police allege Roe stole the cars": a verb of
    contested assertion makes a claim about the active subject of the clause it reports, whatever that
    clause does; a passive clause
    ("claimed protesters were sent by X") is a claim about its agent, read with the act itself. Returns
    (speaker key, subject key, subject token) for each such subject."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in CLAIMING_VERBS:
        return []
    speakers = [a for t in subject_tokens(verb) for a in actors.np_list(t)]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
               and not any(g.dep_ in ("nsubjpass", "auxpass") for g in c.children)]
    subjects = [a for c in clauses for t in c.children if t.dep_ == "nsubj" and t.lower_ != "it"
                for a in actors.np_list(t)]  # "X claimed it had lost money": itself, or a guess
    return [(k, s, stok) for k, ktok in speakers[:1] for s, stok in subjects if s != k and not _side_of(ktok, k, s, actors)]


def _side_of(speaker_tok: Any, speaker: str, subject: str, actors: Any) -> bool:
    """Whether the speaker is named by the subject ("X's allies", "associates of X"): a claim of X's own side."""
    if any(actors.key(t) == subject for t in speaker_tok.subtree):
        return True
    ents = actors.ents.entities
    if speaker not in ents or subject not in ents or ents[subject].type != "person":
        return False
    return ents[subject].label.split()[-1].lower() in ents[speaker].label.lower().split()  # his surname


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
