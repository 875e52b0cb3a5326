"""Arguments of predicates: which actor a noun phrase or a verb's subject names.

The patterns in :mod:`graphkit.relations.extract` ask two questions of the parse: *who
does this verb's act* (its agent, through active subjects, ``by``-agents of
passives, relative pronouns, participial modifiers, conjoined and controlled
clauses) and *which actor does this noun phrase name* (the entity of its head,
of an apposition, of the owner of a product, of the country of an agency).
Entity keys come from :class:`graphkit.entities.resolve.DocEntities`; this module only
reads the parse.
"""

from __future__ import annotations

from typing import Any

from ..entities import is_title
from .labels import lemma_of, verb_classes, words

ACTOR_TYPES = frozenset({"person", "organization", "government", "place"})
INDEPENDENT_POSSESSIVES = frozenset({"hers", "theirs", "ours", "mine", "yours"})
SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
# Clause links through which a clause without a subject takes its head's subject.
INHERITING = ("conj", "advcl", "xcomp", "pcomp", "ccomp")
# Prepositions of a passive verb whose object the parse often hangs the by-agent from
# ("charged with fraud by X", "shot in the courtyard of his home by X").
# Prepositions before a subject-less passive whose patient is the main clause's subject ("died after being shot").
UNDERGOING_PREPS = ("after", "before", "since", "despite", "without", "upon", "on", "when", "while")
MISATTACHED_AGENT_PREPS = ("with", "of", "over", "for", "in", "at", "on", "outside", "near", "during")


class Actors:
    """Entity lookups over one parsed document."""

    def __init__(self, ents: Any):
        self.ents = ents

    def key(self, tok: Any) -> str | None:
        """The actor key of ``tok`` itself, if it names a person, organisation, government or place."""
        k = self.ents.entity_at(tok.i)
        if not k:
            return None
        ent = self.ents.entities.get(k)
        return k if ent is not None and ent.type in ACTOR_TYPES else None

    def mention_text(self, tok: Any) -> str:
        """The words of the mention ``tok`` belongs to: the run of tokens mapped to its entity."""
        key = self.ents.entity_at(tok.i)
        if not key:
            return tok.text
        doc, start, end = tok.doc, tok.i, tok.i + 1
        while start > 0 and tok.i - start < 8 and self.ents.entity_at(start - 1) == key:
            start -= 1
        while end < len(doc) and end - tok.i < 8 and self.ents.entity_at(end) == key:
            end += 1
        return doc[start:end].text

    def type(self, key: str) -> str:
        ent = self.ents.entities.get(key)
        return ent.type if ent is not None else "other"

    def of_np(self, tok: Any, depth: int = 0) -> tuple[str, Any] | None:
        """The actor a noun phrase headed by ``tok`` names, with the token that names it.

        The head's own entity first; then an apposition ("the developer,
        Zentrix"); then, for product nouns, their maker ("Zentrix
        technology", "Zentrix's tools"); for institution nouns, their country
        ("US agencies").
        """
        if (tok.tag_ == "PRP$" and tok.dep_ != "poss") or tok.lower_ in INDEPENDENT_POSSESSIVES:
            return None  # "ended his [campaign]", "sold theirs": the thing owned, not its owner
        k = self.key(tok)
        if k:
            return k, tok
        if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"):
            return None
        if tok.dep_ == "appos" and tok.head != tok and depth < 2:
            k = self.key(tok.head)  # "Roe, the lawyer who ..." → Roe
            if k:
                return k, tok.head
        if tok.lower_ in words("group_nouns") and depth < 2:
            for c in tok.children:  # "a number of journalists", "members of the party"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.of_np(p, depth + 1)
        held = self._titled_holder(tok) if depth < 2 else None
        if held:
            return held
        postnominal = any(c.dep_ == "amod" and c.i > tok.i for c in tok.children)
        for c in tok.children:  # not "a judgement favorable to the plaintiff, X" (X is the plaintiff)
            if c.dep_ == "appos" and not postnominal:
                k = self.key(c)
                if k:
                    return k, c
        low = tok.lower_
        if low in words("polity_nouns") and depth < 2:  # "the state of Montana", "the city of X"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in (p for p in c.children if p.dep_ == "pobj"):
                        k = self.key(p)
                        if k and self.type(k) in ("place", "government"):
                            return k, p
        if low in words("artifact_nouns"):
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                    k = self.key(c)
                    if k and self.type(k) != "place":
                        return k, c
                if c.dep_ == "acl" and c.lemma_ in ("belong", "own", "operate", "run"):  # "facilities belonging to X"
                    for p in (p for q in c.children if q.dep_ in ("prep", "agent") and q.lower_ in ("to", "by")
                              for p in q.children if p.dep_ == "pobj"):
                        k = self.key(p)
                        if k and self.type(k) != "place":
                            return k, p
        elif low in words("institution_nouns") or tok.lemma_.lower() in words("institution_nouns"):
            for c in tok.children:
                if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < tok.i:  # "Russian diplomats"
                    k = self.key(c)
                    if k and self.type(k) in ("place", "government"):
                        return k, c
        return None

    def _titled_holder(self, tok: Any) -> tuple[str, Any] | None:
        """"Former commander of the Northern Fleet Ivan Roe criticised ...": the parse makes the title the
        subject and hangs the name off the organisation before it; the person is who acts."""
        if not is_title(tok):
            return None
        for p in (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"):
            k = self.key(p)
            first = min(t.i for t in p.subtree)
            start = p.i
            while start > 0 and self.ents.entity_at(start - 1) == k:
                start -= 1
            if k and self.type(k) == "person" and first < start and any(
                    t.text[:1].isupper() and self.key(t) != k for t in p.doc[first:start]):
                return k, p
        return None

    def owner(self, tok: Any) -> tuple[str, Any] | None:
        """The possessor of a non-actor noun ("Ford's practices" → Ford), for objects of acts."""
        for c in tok.children:
            if c.dep_ == "poss":
                k = self.key(c)
                if k and self.type(k) != "place":
                    return k, c
        for r in (c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in words("owning_verbs")):
            # "money that X had earned", "land belonging to X"
            owners = [c for c in r.children if c.dep_ == "nsubj" and not relative_head(c)] if r.dep_ == "relcl" else []
            owners += [p for q in r.children if q.dep_ == "prep" and q.lower_ == "to" for p in q.children
                       if p.dep_ == "pobj" and r.lemma_.lower() == "belong"]
            for o in owners:
                a = self.of_np(o)  # "that his client, X, had earned"
                if a and self.type(a[0]) != "place":
                    return a
        return None

    def np_list(self, tok: Any) -> list[tuple[str, Any]]:
        """:meth:`of_np` over ``tok`` and the noun phrases conjoined with it."""
        out = []
        group_at = getattr(self.ents, "group_at", None)
        for t in conjuncts(tok):
            listed = self._members(t) if t.lower_ in words("member_nouns") and not self.key(t) else []
            if listed:  # "sanctioned several officials, including X and Y", "allies such as X": the named ones
                out += listed
                continue
            a = self.of_np(t)
            group = group_at(t.i) if group_at is not None and not a else ()
            if a:
                out.append(a)
            elif group:  # "X and Y were arrested. Police charged them": both
                out += [(k, t) for k in group if self.type(k) in ACTOR_TYPES]
            elif t.lower_ in words("member_nouns") or t.lower_ in words("group_nouns") or t.pos_ == "NUM":
                out += self._members(t)  # "36 people, including X", "a group of rebels that included X": X among them
        return out


    def _members(self, t: Any) -> list[tuple[str, Any]]:
        """The actors named as members of an unnamed group ("including X", "that included X and Y")."""
        heads = [t] + [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                       if p.dep_ == "pobj"]
        found = [p for h in heads for c in h.children if c.dep_ == "prep" and _listing(c)
                 for p in c.children if p.dep_ == "pobj"]
        found += [o for h in heads for r in h.children if r.dep_ == "relcl" and r.lemma_ in ("include", "comprise")
                  for o in r.children if o.dep_ == "dobj"]
        return [b for p in found for b in (self.of_np(q) for q in conjuncts(p)) if b]


def _listing(prep: Any) -> bool:
    """A preposition that names members: "including X", "such as X"."""
    return prep.lower_ == "including" or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


def conjuncts(tok: Any) -> list[Any]:
    """``tok`` and every token coordinated with it ("X, Y and Z")."""
    out, stack = [], [tok]
    while stack and len(out) < 12:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def headline_passive(v: Any) -> bool:
    """A headline's passive without its auxiliary: "Globex fined by regulator", "X charged with murder of Y"."""
    if v.dep_ != "ROOT" or v.tag_ not in ("VBD", "VBN"):
        return False
    kids = list(v.children)
    if any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in kids) or not any(c.dep_ == "nsubj" for c in kids):
        return False
    lemma = v.lemma_.lower()
    if not (any(c.dep_ == "agent" for c in kids) or lemma in words("alleging_verbs") or lemma in words("punishing_verbs")):
        return False
    return v.sent[-1].text not in (".", "!", "?", '"', "'")  # a title line has no full stop


def is_passive(v: Any) -> bool:
    """A passive verb, a headline's passive, or a bare participle conjoined with one ("was shot and *wounded* by X")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in v.children) or headline_passive(v):
        return True
    return v.dep_ == "conj" and v.tag_ == "VBN" and v.head.pos_ in ("VERB", "AUX") and v.head.tag_ == "VBN" \
        and not any(c.dep_ in ("nsubj", "aux") for c in v.children) \
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in v.head.children)


def relative_head(tok: Any) -> Any | None:
    """The noun a relative pronoun stands for ("the firm *which* sued" → firm)."""
    if tok.lower_ in words("relative_pronouns") and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


def by_agents(v: Any) -> list[Any]:
    """Heads of the ``by``-agent phrase of a passive verb."""
    out = []
    for c in v.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and is_passive(v)):
            out.extend(p for p in c.children if p.dep_ == "pobj")
    if not out and is_passive(v):  # "X was shot and wounded by Y": the conjoined participle's agent
        out = [p for c in v.children if c.dep_ == "conj" and c.i > v.i and is_passive(c)
               and not any(x.dep_ in ("auxpass", "aux", "nsubjpass") for x in c.children)
               for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if not out and is_passive(v):  # "X was charged with fraud by prosecutors": the parse hangs "by" off "fraud"
        out = [q for c in v.children if c.dep_ == "prep" and c.lower_ in MISATTACHED_AGENT_PREPS
               for p in c.children if p.dep_ == "pobj" and p.lower_ not in words("artifact_nouns")
               for b in p.children if b.dep_ == "prep" and b.lower_ == "by"
               for q in b.children if q.dep_ == "pobj"]
    return out


def _authored(noun: Any) -> bool:
    """Whether a participle's noun is what an act is carried by rather than who acts: a document or message
    ("a statement condemning X") or a medium or place it appeared in ("on Twitter", "in a video")."""
    if noun.lower_ in words("document_nouns") and noun.dep_ in ("dobj", "pobj"):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in ("on", "in", "via", "through") and noun.head.head.pos_ != "VERB"


def _author(noun: Any) -> list[Any]:
    """Who a document speaks for: "a report by X accused Y", "X's statement condemned Y", "a letter from X"."""
    if noun.lower_ not in words("document_nouns"):
        return []
    return [c for c in noun.children if c.dep_ == "poss"] + \
        [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for p in c.children
         if p.dep_ == "pobj"]


def _wielder(noun: Any, depth: int) -> list[Any]:
    """Who wields an instrument ("X fired the shots that killed Y", "a bomb planted by X killed Y")."""
    if noun.lower_ not in words("instrument_nouns") or depth >= 6:
        return []
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return subject_tokens(noun.head, depth + 1)
    return [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for p in by_agents(c)]


def _chain_top(v: Any) -> Any:
    """The verb heading the control chain ``v`` belongs to ("refused" for "to give")."""
    for _ in range(6):
        if v.dep_ in ("xcomp",) and v.head != v:
            v = v.head
        else:
            break
    return v


def described(noun: Any) -> list[Any]:
    """Who a common noun describes through a copula or "as": "X was the gunman who …", "X, identified as the
    man who …" (the relative clause is about X)."""
    if noun.pos_ != "NOUN":
        return []
    if noun.lemma_.lower() in words("person_description_nouns"):
        # "the man who killed Y, X, was released": the parse hangs X off the object as its apposition
        named = [a for r in noun.children if r.dep_ == "relcl" for o in r.children if o.dep_ == "dobj"
                 for a in o.children if a.dep_ == "appos" and a.i > o.i and a.pos_ == "PROPN"
                 and a.right_edge.i + 1 < len(a.doc) and a.doc[a.right_edge.i + 1].text == ","]
        if named:
            return named
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return [c for c in noun.head.children if c.dep_ == "nsubj"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":
        verb = noun.head.head
        return patient_tokens(verb) if is_passive(verb) or verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "dobj"]
    return []


def _finite(v: Any) -> bool:
    return v.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _pcomp_subjects(v: Any, depth: int) -> list[Any]:
    """Subject of a gerund under a preposition: "accused X *of trying*" → X; "began *by hiring*" → subject."""
    prep, verb = v.head, v.head.head
    if verb.pos_ == "ADJ" and prep.lower_ in ("of", "to") and verb.lower_ in ("guilty", "innocent", "responsible", "liable"):
        # "found X guilty of murdering Y", "X was guilty of …"
        subs = [c for c in verb.children if c.dep_ in SUBJ]
        if subs or verb.dep_ not in ("acomp", "oprd") or depth >= 6:
            return subs
        objs = [c for c in verb.head.children if c.dep_ == "dobj"]
        return objs or (patient_tokens(verb.head, depth + 1) if is_passive(verb.head) else subject_tokens(verb.head, depth + 1))
    if verb.pos_ in ("NOUN", "PROPN") and prep.lower_ in ("of", "for") and verb.dep_ in ("dobj", "nsubjpass"):
        return [verb]  # "convicted X, the lawyer …, of trying to …" (the prepositional phrase hangs off X)
    if verb.pos_ not in ("VERB", "AUX") or verb == prep:
        return []
    if prep.lower_ in ("of", "for", "with") and not is_passive(verb):
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if objs:
            return objs
    if (prep.lower_ in ("of", "for", "with") or prep.lower_ in UNDERGOING_PREPS) and \
            (is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN")):
        return patient_tokens(verb, depth + 1)  # "X was charged with having attacked Y", "X was arrested after shooting Y"
    return subject_tokens(verb, depth + 1)


def subject_tokens(v: Any, depth: int = 0) -> list[Any]:
    """Tokens naming who performs ``v`` (before entity lookup).

    Active subjects (with relative pronouns replaced by their noun); the
    ``by``-agent of a passive; the noun a present participle modifies ("police
    firing tear gas"); the object of an object-control verb ("urged X to
    leave"); the subject of the clause a subject-less conjoined, adverbial or
    prepositional clause depends on. A passive without agent has none.
    """
    if headline_passive(v):
        return by_agents(v)
    subs = [c for c in v.children if c.dep_ in SUBJ] or [
        s for a in v.children if a.dep_ == "aux" and a.i < v.i for s in a.children if s.dep_ in SUBJ]  # "X has been [nsubj of been] encouraging"
    if subs:
        heads = [relative_head(s) or s for s in subs]
        heads += [d for s in subs if relative_head(s) is not None for d in described(relative_head(s))]
        return [w for h in heads for w in ((_wielder(h, depth) or _author(h)) if relative_head(h) is None else [])
                or [h]]
    if is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN"):
        return [w for h in by_agents(v) for w in _wielder(h, depth) or [h]]  # "killed by a bomb planted by X"
    if v.dep_ == "acl" and v.tag_ == "VBG" and depth < 6 and _authored(v.head):
        # "posted a message on Twitter blaming X", "issued a statement condemning X": the author acts
        verb = next((a for a in v.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return subject_tokens(verb, depth + 1) if verb is not None else []
    if v.dep_ == "acl" and v.tag_ == "VBG":  # "officials asking X", "calls by officials asking X"
        out = [v.head] + [p for c in v.head.children if c.dep_ == "prep" and c.lower_ == "by"
                          for p in c.children if p.dep_ == "pobj"]
        n = v.head  # "X joined the calls by officials asking Y to …": X asks too
        joined = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "by" else n.head if n.dep_ == "dobj" else None
        if joined is not None and joined.pos_ == "VERB" and joined.lemma_.lower() in words("joining_verbs") and depth < 6:
            out += [t for t in subject_tokens(joined, depth + 1) if t not in out]
        return out
    if v.dep_ == "relcl":
        if any(c.dep_ == "dobj" and relative_head(c) for c in v.children):
            return []
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)  # "the best person to help"
        return _wielder(v.head, depth) or [v.head] + ([] if infinitive else described(v.head))
    if depth >= 6 or v.head == v:
        return []
    if v.dep_ == "pcomp":
        return _pcomp_subjects(v, depth)
    if v.dep_ not in INHERITING or v.head.pos_ not in ("VERB", "AUX"):
        return []
    head = v.head
    if v.dep_ == "advcl" or (v.dep_ == "conj" and _finite(v) and not _finite(head)):
        return subject_tokens(_chain_top(head), depth + 1)
    if v.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in words("object_control_verbs"):
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and v.dep_ == "xcomp":
            return objs
    if is_passive(head) and v.dep_ == "conj":
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return patient_tokens(head, depth + 1)  # "X was sentenced by Y to prison and to pay Z": X pays
        return by_agents(head)
    return subject_tokens(head, depth + 1)


def patient_tokens(v: Any, depth: int = 0) -> list[Any]:
    """Tokens naming who undergoes a passive ``v`` ("X was sued", "the firm, sued by X",
    "X was hurt after being attacked by Y")."""
    subs = [c for c in v.children if c.dep_ in PASS_SUBJ] or (
        [c for c in v.children if c.dep_ == "nsubj"] if headline_passive(v) else [])
    if subs:
        return [relative_head(s) or s for s in subs]
    if v.dep_ == "acl" and v.tag_ == "VBN":
        return [v.head]
    if v.dep_ == "relcl" and is_passive(v):
        return [v.head]
    if depth < 4 and v.dep_ in ("advcl", "pcomp", "conj") and v.head != v:
        head = v.head.head if v.dep_ == "pcomp" else v.head
        if head.pos_ in ("VERB", "AUX") and is_passive(head):
            return patient_tokens(head, depth + 1)
        if head.pos_ in ("VERB", "AUX") and is_passive(v) and (v.dep_ != "pcomp" or v.head.lower_ in UNDERGOING_PREPS):
            return subject_tokens(head, depth + 1)  # "Y died after being shot by X", "Y resigned and was replaced by X"
    return []


def measure_nouns(v: Any) -> list[Any]:
    """The measure a voting verb acts on: "passed a *resolution*", "voted on a *motion*"."""
    nouns = [o for o in v.children if o.dep_ == "dobj"] + [p for c in v.children if c.dep_ == "prep"
                                                           and c.lower_ in ("on", "for", "in") for p in c.children
                                                           if p.dep_ == "pobj"]
    return [n for n in nouns if n.lower_ in words("measure_nouns")]


def measure_clauses(v: Any) -> list[Any]:
    """The infinitive of a measure voted on: "passed a resolution *to expel* X", "voted on a motion *to impeach* X"."""
    return [a for n in measure_nouns(v) for a in n.children
            if a.dep_ in ("acl", "relcl") and a.pos_ == "VERB" and any(t.dep_ == "aux" and t.lower_ == "to" for t in a.children)]


def shared_objects(v: Any) -> list[Any]:
    """"X shot and wounded Y", "police arrested and charged Y": a hostile verb right before a conjoined verb
    shares its object."""
    if verb_classes().get(lemma_of(v), ("neutral",))[0] != "conflict" or any(c.dep_ in ("prep", "ccomp", "xcomp")
                                                                          for c in v.children):
        return []
    for c in (c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > v.i):
        between = v.doc[v.i + 1: c.i]
        if all(t.dep_ in ("cc", "advmod") for t in between) and not any(t.dep_ in ("nsubj", "nsubjpass") for t in c.children):
            return [o for o in c.children if o.dep_ == "dobj"]
    return []
