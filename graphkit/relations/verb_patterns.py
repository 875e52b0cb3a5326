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
from functools import lru_cache
from typing import Any

from .acts import Act, negated as _negated, word_table as _table
from .arguments import (Actors, conjuncts, is_passive, measure_clauses, measure_nouns, patient_tokens, relative_head,
                        shared_objects, subject_tokens)
from .clause_patterns import ClausePatterns
from .labels import (LabelParts, canonical_lemma, circumstantial_nouns, event_extra, event_nouns, lemma_of,
                     noun_phrase, strip_prep, verb_classes, words)
from .noun_objects import NounObjects
from .noun_patterns import NominalPatterns
from .recall import RecalledEvents, nouns_of_verb
from .speech import HEARSAY_VERBS

__all__ = ["Act", "Reader", "is_chain_member"]

MAX_CHAIN = 4
PASSIVE_TARGET_PREPS = ("to", "against")
KEEP_PREP_AFTER_OBJECT = frozenset({"to", "with", "against", "at", "into", "toward", "towards"})


def _particle(tok: Any) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ == "prt")


def _second_object_after_comma(o: Any, objs: list) -> bool:
    """"issued a judgement favorable to the plaintiff, X": X, set off by a comma after another object,
    is an apposition the parse read as a second object."""
    edge = o.left_edge
    comma = edge.text == "," or (edge.i > 0 and o.doc[edge.i - 1].text == ",")
    return comma and any(p.i < o.i for p in objs if p is not o)


def _alleged(v: Any) -> bool:
    """Whether ``v`` is the act someone is accused or convicted of ("accused of keeping X's money")."""
    prep = v.head
    return v.dep_ == "pcomp" and prep.lower_ in ("of", "for") and prep.head.pos_ in ("VERB", "AUX") \
        and prep.head.lemma_.lower() in words("alleging_verbs")


def _country(key: str) -> bool:
    """Whether an entity key names a country's government (a country in a place role keeps its key)."""
    return key.endswith("-government")


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


def _rival_preps(v: Any) -> list[Any]:
    """"competed for the role against X": an ``against`` the parse hangs off the object of ``for``."""
    return [q for c in v.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"
            for q in p.children if q.dep_ == "prep" and q.lower_ == "against"]


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


def is_chain_member(v: Any) -> bool:
    """A controlled clause read together with its head ("refused *to give*", "stop *using*")."""
    if v.dep_ == "xcomp" and v.pos_ in ("VERB", "AUX"):
        return True
    if v.dep_ == "advcl" and (v.head.lemma_.lower() in words("object_control_verbs") or (
            v.head.lemma_.lower() in words("voting_verbs") and measure_nouns(v.head))):
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        return has_to and not any(c.dep_ in ("nsubj", "mark") for c in v.children)
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ == "from" and v.head.head.pos_ == "VERB":
        return not any(c.dep_ == "dobj" for c in v.head.head.children)  # "withdrew from using"
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ == "to":
        h = v.head.head.head if v.head.head.dep_ == "acomp" else v.head.head  # "pleaded guilty to defrauding"
        return h.pos_ == "VERB" and h.lemma_.lower() in words("gerund_to_verbs")
    return False


def _controlled(v: Any) -> list[tuple[Any, str]]:
    """(clause, linking word) for each clause ``v`` controls."""
    out = []
    for c in v.children:
        if c.i > v.i and is_chain_member(c):
            out.append((c, ""))
        elif c.dep_ == "prep" and c.lower_ in ("from", "to"):
            out.extend((p, c.lower_) for p in c.children if is_chain_member(p))
        elif c.dep_ == "acomp":  # "pleaded guilty to defrauding"
            out.extend((p, f"{c.lower_} to") for q in c.children if q.dep_ == "prep" and q.lower_ == "to"
                       for p in q.children if is_chain_member(p))
    return out


class Reader(NominalPatterns, NounObjects, ClausePatterns, RecalledEvents):
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
        controlled = _controlled(v) if depth < MAX_CHAIN else []
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

    def _patients(self, v: Any, passive: bool, lemma: str) -> Iterator[tuple[str, Any, dict]]:
        """(target, token, label extras) for each actor ``v`` acts on; an actor already reached as
        a direct object is not reached again through a prepositional phrase ("thanked X for his service")."""
        direct: set[str] = set()
        found = list(self._all_patients(v, passive, lemma))
        sought = {k for k, _t, extra in found if extra.get("particle") == "for"}  # "asked X for his resignation"
        hostile = verb_classes().get(lemma, ("neutral",))[0] == "conflict"
        creating = lemma in words("creation_verbs")
        for k, tok, extra in found:
            if extra.get("role") == "passive" and not hostile and self.actors.type(k) == "place" and not _country(k):
                continue  # "the Gulf, which was joined by X", "the bridge, administered by X"
            if creating and extra.get("role") in ("passive", "dobj") and self.actors.type(k) in ("place", "government"):
                continue  # "an artwork entitled America made by X": one makes things, not countries
            if extra.get("role") == "dobj":
                if k in sought:
                    continue
                direct.add(k)
            elif k in direct and not extra.get("noun") and not extra.get("event"):
                continue
            yield k, tok, extra

    def _all_patients(self, v: Any, passive: bool, lemma: str) -> Iterator[tuple[str, Any, dict]]:
        if passive:
            found = [a for t in patient_tokens(v) for a in self.actors.np_list(t)]
            for k, tok in found:
                yield k, tok, {"role": "passive"}
            if not found and lemma in verb_classes():  # "the matter was referred to X by Y" → Y → X "referred to"
                for prep in (c for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ in PASSIVE_TARGET_PREPS):
                    yield from self._prep_objects(prep, lemma, {"prep": prep.lower_})
            return
        objs = [c for c in v.children if c.dep_ == "dobj" and not relative_head(c)] or shared_objects(v)
        if v.dep_ == "relcl" and any(relative_head(c) for c in v.children if c.dep_ == "dobj"):
            head = self.actors.of_np(v.head)  # "the incident in X, which police declared …": often misattached
            if not (head and self.actors.type(head[0]) == "place" and not _country(head[0])
                    and verb_classes().get(lemma, ("neutral",))[0] != "conflict"):
                objs.append(v.head)
        ent_objs = [o for o in objs if self.actors.np_list(o) and not _second_object_after_comma(o, objs)]
        if lemma in words("content_speech_verbs"):
            ent_objs = []  # "said hundreds of X fighters escaped": one says things, not people
        plain = [o for o in objs if o not in ent_objs]
        complement = self._complement(v, lemma, ent_objs, plain)
        noun = next((o for o in plain if not complement or noun_phrase(o) != complement), None)
        if noun is None:  # "granted X a pardon" misread as an apposition to X
            noun = next((a for c in v.children if c.dep_ in ("dative", "dobj") for a in c.children
                         if a.dep_ == "appos" and a.i > c.i and a.lower_ in event_nouns() and not self.actors.key(a)), None)
        role = self._noun_role(v, lemma, noun)
        extra = self._noun_extra(lemma, noun, role)
        movement = lemma in words("movement_verbs")
        if complement or lemma in words("complement_verbs"):  # "called it a matter of …": "it" is no actor
            ent_objs = [o for o in ent_objs if o.lower_ not in ("it", "this", "that")]
        to_court = lemma in ("take", "haul", "drag") and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_.lower() == "court" for p in c.children) for c in v.children)
        for o in ent_objs:
            # "granted X a pardon" / "gave X access": the second object is the light verb's noun
            second = extra if noun is not None and noun.i > o.i else {}
            oextra = {**second, "prep": "to"} if second else {"complement": complement, "role": "dobj"}
            if to_court:
                oextra = {"event": "sued", "role": "dobj"}  # "took X to court"
            for k, tok in self.actors.np_list(o):
                if not (movement and self.actors.type(k) in ("place", "government")):
                    yield k, tok, oextra
        if role == "answer":
            yield from self._answered(v, noun)
        elif noun is not None and extra.get("noun") and role != "holding" \
                and (verb_classes().get(lemma, ("neutral",))[0] in ("conflict", "cooperation") or _alleged(v)):
            owner = self.actors.owner(noun)  # "suspended Mahan's permit" → "suspended permit of"
            if owner:
                yield owner[0], owner[1], {**extra, "prep": "of"}
        if noun is not None and not extra and not role and \
                (verb_classes().get(lemma, ("neutral",))[0] in ("conflict", "cooperation") or _alleged(v)):
            owner = self.actors.owner(noun)  # "criticized Ford's practices"; "dismissed X's lawsuit"
            if owner is None and lemma in words("evaluative_verbs"):  # "praised the quality of X's work"
                owner = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                              if p.dep_ == "pobj" for o in [self.actors.owner(p)] if o), None)
            if owner:
                eventful = noun.lower_ in event_nouns() or noun.lower_ in words("intention_nouns") \
                    or noun.lower_ in _table("directive_nouns")
                if eventful:
                    yield owner[0], owner[1], {"noun": noun.lemma_.lower(), "prep": "by"}
                elif lemma in words("evaluative_verbs"):  # judging X's practices judges X
                    yield owner[0], owner[1], {"role": "dobj"}
                else:  # "sold X's seat" is no sale of X
                    yield owner[0], owner[1], {"noun": noun.lemma_.lower(), "prep": "of"}
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                for p in (p for p in prep.children if p.dep_ == "pobj"):  # "overturned the convictions of X"
                    for k, tok in self.actors.np_list(p):
                        if self.actors.type(k) != "place":
                            yield k, tok, {"noun": noun_phrase(noun), "prep": "of"}
        for o in plain:  # "fined Google 2 billion euros": the parse hangs the recipient off the sum
            if any(n.dep_ in ("nummod", "quantmod") or n.tag_ == "$" for n in o.subtree if n != o):
                money = o.ent_type_ == "MONEY" or any(n.tag_ == "$" for n in o.subtree)  # "fined Google €4.3bn"
                for c in (c for c in o.children if (c.dep_ == "nmod" or (money and c.dep_ == "compound")) and c.i < o.i):
                    for k, tok in self.actors.np_list(c):
                        yield k, tok, {"role": "dative"}
        for c in v.children:
            if c.dep_ == "dative":
                heads = [p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
                for k, tok in (a for h in heads for a in self.actors.np_list(h)):
                    if extra:
                        yield k, tok, {**extra, "prep": "to"}
                    elif noun is not None and c.pos_ == "ADP":  # "sold its stores to X" → "sold to"
                        yield k, tok, {"prep": c.lower_}
                    else:
                        yield k, tok, {"role": "dative"}
        yield from self._prep_patients(v, lemma, noun, extra, role)
        yield from self._left_agreement(v, lemma, objs)

    def _prep_patients(self, v: Any, lemma: str, noun: Any, extra: dict, role: str = "") -> Iterator[tuple[str, Any, dict]]:
        """Targets in prepositional phrases: of the verb's object noun ("filed a lawsuit *against* X",
        :meth:`_noun_targets`) or of the verb ("negotiated *with* X"), filtered by the verb's class."""
        if noun is not None and (extra or role):
            yield from self._noun_targets(lemma, noun, extra, role)
        speechy = lemma in words("speech_verbs") or verb_classes().get(lemma, ("",))[0] == "statement"
        allowed = words("speech_preps") if speechy else words("verb_preps")
        if speechy and lemma in words("object_control_verbs") and _controlled(v):
            allowed = allowed | {"on", "upon"}  # "called on X to …"
        if lemma not in verb_classes() and (lemma not in words("light_verbs") or
                                            (lemma in words("weak_light_verbs") and not extra)):
            allowed = frozenset()  # prepositional objects only for verbs the lexicon knows ("did the best for X": none)
        blocked = tuple(_table("prep_blocked").get(lemma, ()))
        if lemma not in words("from_verbs"):
            blocked += ("from",)  # "operates independently from X" is no act on X
        if role in ("answer", "undergone"):
            blocked += ("from", "by")  # the event's author: read by _answered / _undergone
        yield from self._favoured(v, extra)
        for prep in list(v.children) + _rival_preps(v):
            if prep.dep_ == "prep" and prep.lower_ == "for" and lemma in words("sought_verbs"):
                yield from self._sought(prep)
            if prep.dep_ != "prep" or prep.lower_ not in allowed or prep.lower_ in blocked:
                continue
            if noun is not None and not extra:
                pextra = {"prep": prep.lower_} if prep.lower_ in KEEP_PREP_AFTER_OBJECT else {}
            else:
                pextra = {**extra, "prep": prep.lower_}
            yield from self._prep_objects(prep, lemma, pextra, owners=bool(extra.get("event")))

    def _prep_objects(self, prep: Any, lemma: str, extra: dict, owners: bool = False) -> Iterator[tuple[str, Any, dict]]:
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            found = self.actors.np_list(p)
            if not found and owners and prep.lower_ in ("of", "into"):
                owner = self.actors.owner(p)  # "an investigation of Ford's practices"
                found = [owner] if owner else []
            if not found and prep.lower_ == "against" and not extra.get("noun") and not extra.get("event"):
                owner = self.actors.owner(p) or next(iter(self._authors(p, p)), None)  # "against X's measures",
                # "voted against the takeover by X"
                if owner and self.actors.type(owner[0]) != "place":
                    yield owner[0], owner[1], {**extra, "particle": "against", "noun": p.lemma_.lower(), "prep": "by"}
                continue
            for k, tok in found:
                if self.actors.type(k) == "place" and prep.lower_ not in words("place_target_preps"):
                    continue
                if lemma in words("movement_verbs") and self.actors.type(k) in ("place", "government"):
                    continue
                yield k, tok, extra
