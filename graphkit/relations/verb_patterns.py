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
from types import MappingProxyType
from typing import Any

from .arguments import Actors, is_passive, patient_tokens, relative_head, subject_tokens
from .labels import (LabelParts, canonical_lemma, circumstantial_nouns, event_extra, event_nouns, lemma_of,
                     noun_phrase, strip_prep, verb_classes, words)
from .acts import Act, negated as _negated, word_table as _table
from .noun_patterns import NominalPatterns

__all__ = ["Act", "Reader", "is_chain_member"]

MAX_CHAIN = 4
KEEP_PREP_AFTER_OBJECT = frozenset({"to", "with", "against", "at", "into", "toward", "towards"})


def _particle(tok: Any) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ == "prt")


def _second_object_after_comma(o: Any, objs: list) -> bool:
    """"issued a judgement favorable to the plaintiff, X": X, set off by a comma after another object,
    is an apposition the parse read as a second object."""
    edge = o.left_edge
    comma = edge.text == "," or (edge.i > 0 and o.doc[edge.i - 1].text == ",")
    return comma and any(p.i < o.i for p in objs if p is not o)


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


def is_chain_member(v: Any) -> bool:
    """A controlled clause read together with its head ("refused *to give*", "stop *using*")."""
    if v.dep_ == "xcomp" and v.pos_ in ("VERB", "AUX"):
        return True
    if v.dep_ == "advcl" and v.head.lemma_.lower() in words("object_control_verbs"):
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


@lru_cache(maxsize=None)
def _nouns_of_verb() -> dict[str, tuple[str, ...]]:
    """Verb lemma → its event nouns ("designate" → ("designation",))."""
    out: dict[str, list[str]] = {}
    for noun, (verb, _label) in event_nouns().items():
        out.setdefault(canonical_lemma(verb), []).append(noun)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


class Reader(NominalPatterns):
    """Reads the acts of one document."""

    def __init__(self, doc: Any, ents: Any):
        self.doc = doc
        self.actors = Actors(ents)
        self.events: dict[str, tuple[str, str, int]] = {}  # event noun → (agent, patient, sentence) last read

    def remember(self, act: Act, kind: str) -> None:
        """Note an act so a later "the designation"/"the ban" can be traced to its agent and patient."""
        if kind == "role" or not act.parts.chain:
            return
        for noun in _nouns_of_verb().get(act.parts.chain[-1], ()):
            self.events[noun] = (act.source, act.target, act.anchor.sent.start)

    def _recalled(self, v: Any, sources: list, base: LabelParts) -> Iterator[Act]:
        """"Y challenged the designation" after "X designated Y …" → Y → X; "X threatened the designation" → X → Y."""
        for o in v.children:
            if o.dep_ != "dobj" or o.lower_ not in self.events or self.actors.of_np(o):
                continue
            if not any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in o.children):
                continue
            if any(d.dep_ in ("compound", "amod", "nmod") for d in o.children):
                continue  # "the impeachment investigation" is another event than the one recalled
            agent, patient, sent = self.events[o.lower_]
            if sent == o.sent.start:
                continue  # the act that named the event ("pursued the prosecution of X") is no recall
            parts = replace(base, noun=o.lower_)
            for src, stok in sources:
                other = agent if src == patient else patient if src == agent else None
                if other:
                    yield Act(src, other, parts, v, stok, o)

    # -- verbs ----------------------------------------------------------------
    def verb_acts(self, v: Any) -> Iterator[Act]:
        """Acts whose predicate chain starts at verb ``v``."""
        if v.lemma_.lower() == "be":  # copulas relate nothing, except "was in talks with"
            sources = [a for t in subject_tokens(v) for a in self.actors.np_list(t)]
            yield from self._circumstantial(v, sources)
            return
        if v.lemma_.lower() in words("involvement_verbs") and is_passive(v):
            yield from self._involved(v)
            return
        if _no_act(v):
            return
        passive = is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN")
        sources = [a for t in subject_tokens(v) for a in self.actors.np_list(t)]
        if not sources:
            return
        found = False
        for act in self._walk(v, sources, LabelParts(()), passive, 0):
            found = True
            yield act
        if not found and not passive and len({k for k, _t in sources}) > 1:
            yield from self._reciprocal(v, sources)

    def _reciprocal(self, v: Any, sources: list) -> Iterator[Act]:
        """"Police and protesters clashed", "X and Y met": one edge between the conjoined subjects."""
        lemma = lemma_of(v)
        objs = [c for c in v.children if c.dep_ == "dobj"]
        (a, atok), (b, btok) = sources[0], next(s for s in sources if s[0] != sources[0][0])
        if len(objs) == 1 and objs[0].lower_ in words("reciprocal_nouns") and lemma in words("light_verbs"):
            # "X and Y signed an agreement" → X → Y "made agreement with"
            extra = event_extra({**self._noun_extra(lemma, objs[0]), "prep": "with"})
            chain_last = extra.pop("chain_last", lemma)
            yield Act(a, b, LabelParts((chain_last,), (False,), (_negated(v),), **extra), v, atok, btok)
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
                if same and len(parts.chain) == 1 and not any(parts.negated):
                    parts = replace(parts, ready=same)  # "said to X" is "told X"
            for src, stok in sources:
                yield Act(src, target, parts, v, stok, ttok)
        for x, xlink in controlled:
            if not (extended and obj_control) and not (passive and obj_control):
                yield from self._walk(x, sources, base, is_passive(x), depth + 1, xlink)
        yield from self._circumstantial(v, sources)
        if self.events and not passive:
            yield from self._recalled(v, sources, base)

    def _patients(self, v: Any, passive: bool, lemma: str) -> Iterator[tuple[str, Any, dict]]:
        """(target, token, label extras) for each actor ``v`` acts on; an actor already reached as
        a direct object is not reached again through a prepositional phrase ("thanked X for his service")."""
        direct: set[str] = set()
        found = list(self._all_patients(v, passive, lemma))
        sought = {k for k, _t, extra in found if extra.get("particle") == "for"}  # "asked X for his resignation"
        hostile = verb_classes().get(lemma, ("neutral",))[0] == "conflict"
        for k, tok, extra in found:
            if extra.get("role") == "passive" and not hostile and self.actors.type(k) == "place" and not _country(k):
                continue  # "the Gulf, which was joined by X", "the bridge, administered by X"
            if extra.get("role") == "dobj":
                if k in sought:
                    continue
                direct.add(k)
            elif k in direct and not extra.get("noun") and not extra.get("event"):
                continue
            yield k, tok, extra

    def _all_patients(self, v: Any, passive: bool, lemma: str) -> Iterator[tuple[str, Any, dict]]:
        if passive:
            for t in patient_tokens(v):
                for k, tok in self.actors.np_list(t):
                    yield k, tok, {"role": "passive"}
            return
        objs = [c for c in v.children if c.dep_ == "dobj" and not relative_head(c)]
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
        extra = self._noun_extra(lemma, noun)
        movement = lemma in words("movement_verbs")
        if complement or lemma in words("complement_verbs"):  # "called it a matter of …": "it" is no actor
            ent_objs = [o for o in ent_objs if o.lower_ not in ("it", "this", "that")]
        for o in ent_objs:
            # "granted X a pardon" / "gave X access": the second object is the light verb's noun
            second = extra if noun is not None and noun.i > o.i else {}
            oextra = {**second, "prep": "to"} if second else {"complement": complement, "role": "dobj"}
            for k, tok in self.actors.np_list(o):
                if not (movement and self.actors.type(k) in ("place", "government")):
                    yield k, tok, oextra
        if noun is not None and extra.get("noun") and verb_classes().get(lemma, ("neutral",))[0] in ("conflict", "cooperation"):
            owner = self.actors.owner(noun)  # "suspended Mahan's permit" → "suspended permit of"
            if owner:
                yield owner[0], owner[1], {**extra, "prep": "of"}
        if noun is not None and not extra and verb_classes().get(lemma, ("neutral",))[0] in ("conflict", "cooperation"):
            owner = self.actors.owner(noun)  # "criticized Ford's practices"; "dismissed X's lawsuit"
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
                for c in (c for c in o.children if c.dep_ == "nmod" and c.i < o.i):
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
        yield from self._prep_patients(v, lemma, noun, extra)

    def _prep_patients(self, v: Any, lemma: str, noun: Any, extra: dict) -> Iterator[tuple[str, Any, dict]]:
        """Targets in prepositional phrases: of the light verb's noun ("filed a lawsuit *against* X")
        or of the verb ("negotiated *with* X"), filtered by the verb's class."""
        if noun is not None and extra:
            noun_preps = words("relational_preps") if lemma in words("light_verbs") else ("with",)
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in noun_preps:
                    yield from self._prep_objects(prep, lemma, {**extra, "prep": prep.lower_}, owners=True)
        speechy = lemma in words("speech_verbs") or verb_classes().get(lemma, ("",))[0] == "statement"
        allowed = words("speech_preps") if speechy else words("verb_preps")
        if speechy and lemma in words("object_control_verbs") and _controlled(v):
            allowed = allowed | {"on", "upon"}  # "called on X to …"
        if lemma not in verb_classes() and lemma not in words("light_verbs"):
            allowed = frozenset()  # prepositional objects only for verbs the lexicon knows
        blocked = tuple(_table("prep_blocked").get(lemma, ()))
        if lemma not in words("from_verbs"):
            blocked += ("from",)  # "operates independently from X" is no act on X
        for prep in v.children:
            if prep.dep_ == "prep" and prep.lower_ == "for" and lemma in words("sought_verbs"):
                yield from self._sought(prep)
            if prep.dep_ != "prep" or prep.lower_ not in allowed or prep.lower_ in blocked:
                continue
            if noun is not None and not extra:
                pextra = {"prep": prep.lower_} if prep.lower_ in KEEP_PREP_AFTER_OBJECT else {}
            else:
                pextra = {**extra, "prep": prep.lower_}
            yield from self._prep_objects(prep, lemma, pextra)

    def _sought(self, prep: Any) -> Iterator[tuple[str, Any, dict]]:
        """"called for X's resignation", "asked for the release of X" → "called for resignation of" X."""
        for p in (p for p in prep.children if p.dep_ == "pobj" and p.lower_ in words("sought_nouns")):
            found = [self.actors.owner(p)] + [a for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                                              for q in c.children if q.dep_ == "pobj" for a in self.actors.np_list(q)]
            for a in (a for a in found if a):
                yield a[0], a[1], {"particle": "for", "noun": p.lemma_.lower(), "prep": "of"}

    def _complement(self, v: Any, lemma: str, ent_objs: list, plain: list) -> str:
        """The defining complement of "designated X a risk" / "named X as chair"."""
        if lemma not in words("complement_verbs"):
            return ""
        for c in v.children:
            if c.dep_ == "oprd" or (c.dep_ == "dobj" and ent_objs and c in plain and c.i > ent_objs[0].i):
                # a noun names a category ("a risk", "chair"); "described as 'marred by …'" is no label
                return noun_phrase(c) if c.pos_ in ("NOUN", "PROPN") else ""
            if c.dep_ == "prep" and c.lower_ == "as" and ent_objs:
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj and not self.actors.of_np(pobj[0]):
                    return noun_phrase(pobj[0]) if pobj[0].pos_ in ("NOUN", "PROPN") else ""
        return ""

    def _noun_extra(self, lemma: str, noun: Any) -> dict:
        """Label extras for a light verb's object: an event noun's own label, or the noun itself."""
        if noun is None:
            return {}
        low = noun.lower_
        if low in words("quantity_nouns") or noun.pos_ == "PRON":
            return {}  # "took over a third of X"; "raised it with X"
        light = lemma in words("light_verbs") and (low in event_nouns() or lemma not in words("weak_light_verbs"))
        if light and low in event_nouns() and lemma not in words("receiving_verbs"):
            # "received a payment from X" is X's act, not the subject's: keep "received payment from"
            verb, label = event_nouns()[low]
            return {"event": strip_prep(label), "chain_last": canonical_lemma(verb)}
        if light or low in circumstantial_nouns():  # "resumed talks with"
            return {"noun": noun_phrase(noun)}
        return {}

    def _prep_objects(self, prep: Any, lemma: str, extra: dict, owners: bool = False) -> Iterator[tuple[str, Any, dict]]:
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            found = self.actors.np_list(p)
            if not found and owners and prep.lower_ == "of":
                owner = self.actors.owner(p)  # "an investigation of Ford's practices"
                found = [owner] if owner else []
            if not found and prep.lower_ == "against" and not extra.get("noun") and not extra.get("event"):
                owner = self.actors.owner(p)  # "protested against the government's measures"
                if owner and self.actors.type(owner[0]) != "place":
                    yield owner[0], owner[1], {**extra, "particle": "against", "noun": p.lemma_.lower(), "prep": "by"}
                continue
            for k, tok in found:
                if self.actors.type(k) == "place" and prep.lower_ not in words("place_target_preps"):
                    continue
                if lemma in words("movement_verbs") and self.actors.type(k) in ("place", "government"):
                    continue
                yield k, tok, extra
