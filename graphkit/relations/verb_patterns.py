"""The dependency patterns that find acts between actors.

:class:`Reader` reads one parsed document. ``verb_acts(v)`` starts at a verb
that heads a clause and walks its control chain ("refused *to give*", "ordered
… *to stop using*", "withdrew *from using*"), yielding an :class:`Act` for each
actor the chain acts on: direct and indirect objects, passive subjects,
prepositional objects, the object of a light verb's event noun ("filed a
lawsuit against"), circumstantial event nouns ("in talks with", "in response
to"). Noun-anchored patterns (``nominal_acts``, ``intention_acts``, circumstantial and
directive nouns) live in :mod:`graphkit.relations.noun_patterns`. Every method only reads the
children of the tokens it is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .acts import Act, negated as _negated, word_table as _table
from .arguments import (Actors, conjuncts, is_passive, measure_clauses, measure_nouns, patient_tokens, relative_head,
                        subject_tokens)
from .clause_patterns import ClausePatterns
from .labels import LabelParts, event_extra, event_nouns, lemma_of, noun_phrase, verb_classes, words
from .noun_objects import NounObjects
from .noun_patterns import NominalPatterns
from .patients import PatientPatterns, controlled_clauses, is_chain_member
from .recall import RecalledEvents, nouns_of_verb
from .speech import HEARSAY_VERBS

__all__ = ["Act", "Reader", "is_chain_member"]

MAX_CHAIN = 4


def _particle(tok: Any) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ == "prt")


def _no_act(v: Any) -> bool:
    """Verbs that relate without acting ("a region comprising X", "the list includes Y") and
    participles used as adjectives ("sitting President X"): no edges."""
    lemma = v.lemma_.lower()
    if lemma in words("non_act_verbs"):
        return True
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    return v.lower_ in words("attributive_participles") and nxt is not None and nxt.pos_ == "PROPN"


def _own_antecedent(v: Any, found: list) -> list:
    """"X, who killed Y, and Z", "X, convicted of killing Y; and Z, …": a relative or participial clause
    is about the noun it follows, not about the nouns coordinated with it after the clause."""
    top = v
    for _ in range(4):
        if top.dep_ in ("relcl", "acl") or top.head == top or top.dep_ not in ("xcomp", "pcomp", "prep", "conj"):
            break
        top = top.head
    if top.dep_ not in ("relcl", "acl"):
        return found
    later = {t.i for t in conjuncts(top.head) if t.i > top.i}
    return [(k, t) for k, t in found if t.i not in later]


def _reduced_relative(v: Any) -> bool:
    """"Globex, refused entry to Ostmark, returned home": a participle set off by commas right after its
    subject, misparsed as the sentence's finite verb with the real verb as its conjunct."""
    if v.tag_ not in ("VBD", "VBN") or v.dep_ != "ROOT" or v.i < 2 or v.doc[v.i - 1].text != ",":
        return False
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    if len(subj) != 1 or subj[0].right_edge.i not in (v.i - 2, v.i - 1):
        return False
    comma = next((c.i for c in v.children if c.dep_ == "punct" and c.text == "," and c.i > v.i), None)
    return comma is not None and any(c.dep_ == "conj" and c.pos_ == "VERB" and c.i > comma for c in v.children)


class Reader(NominalPatterns, NounObjects, ClausePatterns, RecalledEvents, PatientPatterns):
    """Reads the acts of one document."""

    def __init__(self, doc: Any, ents: Any):
        self.doc = doc
        self.actors = Actors(ents)
        self.events: dict[str, tuple[str, str, int]] = {}  # event noun → (agent, patient, sentence) last read

    # -- verbs ----------------------------------------------------------------
    def verb_acts(self, v: Any) -> Iterator[Act]:
        """Acts whose predicate chain starts at verb ``v``."""
        if v.lemma_.lower() == "be":  # copulas relate nothing, except "was in talks with"
            sources = [a for t in subject_tokens(v) for a in self.actors.np_list(t)]
            yield from self._circumstantial(v, sources)
            yield from self.behind_acts(v, sources)
            return
        if v.lemma_.lower() in words("involvement_verbs") and is_passive(v):
            yield from self._involved(v)
            return
        if _no_act(v):
            return
        if _reduced_relative(v):
            yield from self._reduced(v)
            return
        passive = is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN")
        accused = self._accused(v, passive)
        if accused:
            yield from self._alleged_events(v, accused)
        sources = [a for t in subject_tokens(v) for a in self.actors.np_list(t)]
        sources = _own_antecedent(v, sources)
        raising = v.lemma_.lower() in words("raising_passives")
        if passive and (v.lemma_.lower() in HEARSAY_VERBS or raising):
            # "X is said to have bribed Y": X bribed Y, reportedly; "X is set to acquire Y": "set to acquire"
            raised = [a for t in patient_tokens(v) for a in self.actors.np_list(t)]
            prev = LabelParts((lemma_of(v),), (False,), (_negated(v),), links=("",)) if raising else LabelParts(())
            for x in (c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")):
                yield from self._walk(x, raised, prev, is_passive(x), 1, "to" if raising else "")
        if lemma_of(v) in words("consequence_verbs"):
            subs = [relative_head(c) or c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")] or subject_tokens(v)
            h = v.head  # "X's complaint led to …": the complaint itself, not its author, is what led
            if v.dep_ == "relcl" and h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in event_nouns():
                subs = [h.head.head]  # "the investigation of X which led to …": the investigation led
            consequences = list(self.consequence_acts(v, subs))
            if consequences:
                yield from consequences
                return
        if not sources:
            if passive:
                yield from self._ordered(v)
                if lemma_of(v) == "blame":
                    yield from self.blamed_on_acts(v)
                patients = [a for t in patient_tokens(v) for a in self.actors.np_list(t)]
                yield from self._granted(v, patients, self._destinations(v))
                recalled = list(self.means_agent(v, patients)) or (
                    list(self.recalled_agent(v, patients)) if self.events else [])
                yield from recalled
                if not recalled:
                    self.remember_unagented(v, patients)
            return
        yield from self.claimed(v, sources)
        yield from self._declined(v, sources)
        found = False
        if not passive:
            yield from self.clause_acts(v, sources)
        for act in self._walk(v, sources, LabelParts(()), passive, 0):
            found = True
            yield act
        if not found and not passive and len({k for k, _t in sources}) > 1:
            yield from self._reciprocal(v, sources)

    def _favoured(self, v: Any, extra: dict) -> Iterator[tuple[str, Any, dict]]:
        """"ruled in favour of X", "voted in favor of X" → "ruled in favor of"."""
        for n in (p for c in v.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                  if p.dep_ == "pobj" and p.lemma_.lower() in ("favour", "favor")):
            for k, tok in (a for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                           if p.dep_ == "pobj" for a in self.actors.np_list(p)):
                yield k, tok, {**extra, "particle": "in favor of"}

    def _destinations(self, v: Any) -> list[tuple[str, Any]]:
        """Who grants an access noun: "refused entry *to Ostmark*" (Ostmark decides who enters it)."""
        nouns = [o for o in v.children if o.dep_ == "dobj" and o.lemma_.lower() in words("access_nouns")]
        return [a for h in nouns + [v] if nouns for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "into", "in")
                for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]

    def _granted(self, v: Any, patients: list, agents: list) -> Iterator[Act]:
        """"Y was refused entry to X", "Y, denied a visa by X, …" → X → Y "refused entry", "denied visa"."""
        noun = next((o for o in v.children if o.dep_ == "dobj" and o.lemma_.lower() in words("access_nouns")), None)
        parts = LabelParts((lemma_of(v),), (False,), (_negated(v),), noun=noun_phrase(noun) if noun is not None else "")
        for src, stok in agents:
            for k, tok in patients:
                if k != src:
                    yield Act(src, k, parts, v, stok, tok)

    def _reduced(self, v: Any) -> Iterator[Act]:
        """"Y, refused entry to X, returned home": a participle misparsed as the sentence's verb; Y undergoes it."""
        patients = [a for c in v.children if c.dep_ == "nsubj" for a in self.actors.np_list(c)]
        heads = [v] + [o for o in v.children if o.dep_ == "dobj" and o.lemma_.lower() in words("access_nouns")]
        agents = [a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
                  if p.dep_ == "pobj" for a in self.actors.np_list(p)] or self._destinations(v)  # "refused entry by X"
        yield from self._granted(v, patients, agents)

    def _declined(self, v: Any, sources: list) -> Iterator[Act]:
        """"X asked Y to delay its ruling, but Y declined" → Y → X "declined request by"."""
        if v.dep_ != "conj" or lemma_of(v) not in words("refusing_verbs") or \
                any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep") for c in v.children):
            return
        head = v.head
        if lemma_of(head) not in words("petitioning_verbs"):
            return
        asked = {k for o in head.children if o.dep_ == "dobj" for k, _t in self.actors.np_list(o)}
        askers = [a for t in subject_tokens(head) for a in self.actors.np_list(t)]
        parts = LabelParts((lemma_of(v),), (False,), (_negated(v),), noun="request", prep="by")
        for src, stok in (s for s in sources if s[0] in asked):
            for k, tok in askers:
                yield Act(src, k, parts, v, stok, tok)

    def _ordered(self, v: Any) -> Iterator[Act]:
        """"X was murdered on the orders of Y" → Y → X "ordered murder of"."""
        orders = [n for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "under", "upon", "by")
                  for n in c.children if n.dep_ == "pobj" and _table("directive_nouns").get(n.lower_) == "order"]
        if not orders:
            return
        lemma = lemma_of(v)
        nouns = nouns_of_verb().get(lemma, ())
        label = f"ordered {nouns[0]} of" if nouns else f"ordered to {lemma}"
        patients = [a for t in patient_tokens(v) for a in self.actors.np_list(t)]
        for n in orders:
            for agent, atok in self._authors(v, n) + [a for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                                                      for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]:
                for k, tok in patients:
                    yield Act(agent, k, LabelParts(("order", lemma), ready=label), v, atok, tok)

    def _accused(self, v: Any, passive: bool) -> list[tuple[str, Any]]:
        """Who a verb of alleging or punishing is about: "X was convicted", "charged X", "X is serving …"."""
        lemma = lemma_of(v)
        if lemma in words("serving_verbs") and not passive:
            toks = subject_tokens(v)
        elif lemma in words("alleging_verbs") or lemma in words("punishing_verbs"):
            toks = patient_tokens(v) if passive else [c for c in v.children if c.dep_ == "dobj"]
        elif lemma in ("find", "plead", "be") and any(c.dep_ in ("oprd", "acomp") and c.lower_ == "guilty" for c in v.children):
            # "found X guilty of", "X pleaded guilty to", "X was found guilty of"
            toks = patient_tokens(v) if passive else [c for c in v.children if c.dep_ == "dobj"] or subject_tokens(v)
        else:
            return []
        return [a for t in toks for a in self.actors.np_list(t)]

    def _reciprocal(self, v: Any, sources: list) -> Iterator[Act]:
        """"Police and protesters clashed", "X and Y met": one edge between the conjoined subjects."""
        lemma = lemma_of(v)
        objs = [c for c in v.children if c.dep_ == "dobj"]
        (a, atok), (b, btok) = sources[0], next(s for s in sources if s[0] != sources[0][0])
        keeps = lemma in words("organizing_verbs") or lemma in words("ending_verbs")
        if len(objs) == 1 and objs[0].lower_ in words("reciprocal_nouns") and (lemma in words("light_verbs") or keeps):
            # "X and Y signed an agreement" → X → Y "made agreement with"; "X and Y restored ties" → "restored ties with"
            role = self._noun_role(v, lemma, objs[0])
            extra = event_extra({**self._noun_extra(lemma, objs[0], role), "prep": "with"})
            chain_last = extra.pop("chain_last", lemma)
            yield Act(a, b, LabelParts((chain_last,), (False,), (_negated(v),), **extra), v, atok, btok)
            return
        xs = [x for x in v.children if x.dep_ == "xcomp" and lemma_of(x) in words("reciprocal_verbs")
              and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in x.children)]
        if xs and not objs and lemma not in words("negator_verbs"):  # "X and Y agreed to cooperate", "… plan to merge"
            prep = _table("prep_canonical").get(lemma_of(xs[0]), {}).get("with", "with")
            yield Act(a, b, LabelParts((lemma, lemma_of(xs[0])), (False, False), (_negated(v), _negated(xs[0])),
                                       prep=prep, links=("", "to")), v, atok, btok)
            return
        if lemma not in words("reciprocal_verbs") or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in v.children):
            return
        prep = _table("prep_canonical").get(lemma, {}).get("with", "with")
        yield Act(a, b, LabelParts((lemma,), (False,), (_negated(v),), prep=prep), v, atok, btok)

    def _walk(self, v: Any, sources: list, prev: LabelParts, passive: bool, depth: int, link: str = "") -> Iterator[Act]:
        lemma = raw = lemma_of(v)
        first = not prev.chain
        gerund = not first and v.tag_ == "VBG" and not any(c.lower_ == "to" for c in v.children)
        controlled = controlled_clauses(v) if depth < MAX_CHAIN else []
        if first and lemma in _table("control_canonical") and controlled:
            lemma = _table("control_canonical")[lemma]
        elif first and controlled and lemma in words("voting_verbs") and measure_nouns(v):
            lemma = "vote"  # "passed a resolution to expel X": the parse hangs the infinitive off the verb
        base = LabelParts(prev.chain + (lemma,), prev.gerunds + (gerund,), prev.negated + (_negated(v),),
                          _particle(v), links=prev.links + (link,))
        obj_control = raw in words("object_control_verbs")
        extended = False
        for target, ttok, extra in self._patients(v, passive, lemma):
            role = extra.pop("role", "")
            chain_last = extra.pop("chain_last", "")
            parts = replace(base, **event_extra(extra))
            if chain_last:
                parts = replace(parts, chain=parts.chain[:-1] + (chain_last,))
            called_on = extra.get("prep") in ("on", "upon") and not extra.get("noun")  # "called on X to …"
            if controlled and obj_control and (role in ("dobj", "dative", "passive") and not extra.get("prep")
                                               or called_on):
                x, xlink = controlled[0]
                if called_on:
                    xlink, parts = f"{extra['prep']} {xlink or 'to'}", replace(parts, prep="")
                parts = replace(parts, chain=parts.chain + (lemma_of(x),), gerunds=parts.gerunds + (False,),
                                negated=parts.negated + (_negated(x),), links=parts.links + (xlink,))
                extended = True
            if parts.prep and not parts.noun and not parts.event:
                parts = replace(parts, prep=_table("prep_canonical").get(parts.chain[-1], {}).get(parts.prep, parts.prep))
                same = _table("synonym_labels").get(f"{parts.chain[-1]} {parts.prep}".strip())
                weapon = all(c.lower_ in words("weapon_nouns") or (self.actors.type(target) == "person" and not any(
                    t.lemma_.lower() in words("nonlethal_nouns") for t in c.subtree)) for c in v.children if c.dep_ == "dobj")
                if same and len(parts.chain) == 1 and not any(parts.negated) and weapon:
                    parts = replace(parts, ready=same)  # "said to X" is "told X"
            for src, stok in sources:
                yield Act(src, target, parts, v, stok, ttok)
        for o in (o for o in v.children if o.dep_ == "dobj" and o.lower_ in words("purpose_nouns") and depth < MAX_CHAIN):
            for x in (a for a in o.children if a.dep_ in ("acl", "relcl") and a.pos_ == "VERB"
                      and any(t.dep_ == "aux" and t.lower_ == "to" for t in a.children)):
                yield from self._walk(x, sources, base, is_passive(x), depth + 1, "to")  # "agreed a deal to supply X"
        if depth < MAX_CHAIN and first and raw in words("voting_verbs"):
            vote = LabelParts(("vote",), (False,), (_negated(v),), links=("",))
            for x in measure_clauses(v):  # "passed a resolution to expel X", "voted on a motion to impeach X"
                yield from self._walk(x, sources, vote, is_passive(x), depth + 1, "to")
        for x, xlink in controlled:
            if not (extended and obj_control) and not (passive and obj_control):
                yield from self._walk(x, sources, base, is_passive(x), depth + 1, xlink)
            elif extended and first and raw in words("petitioning_verbs") and not passive:
                # "X asked the court to stop Y": X also sought to stop Y
                seek = LabelParts(("seek",), (False,), (_negated(v),), links=("",))
                yield from (a for a in self._walk(x, sources, seek, is_passive(x), depth + 1, "to")
                            if verb_classes().get(lemma_of(x), ("statement",))[0] != "statement"
                            and a.parts.chain[:2] == ("seek", lemma_of(x)))
        yield from self._circumstantial(v, sources)
        if not passive:
            yield from self._undergone(v, sources)
        if self.events:
            yield from self._recalled(v, sources, base, passive)
