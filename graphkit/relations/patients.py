"""Which actors a verb acts on: its objects, prepositional objects and the patients of controlled
clauses ("urged X to stop buying from Y"), for the verb patterns of ``verb_patterns.Reader``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .acts import word_table as _table
from .arguments import measure_nouns, patient_tokens, relative_head, shared_objects
from .labels import event_nouns, noun_phrase, verb_classes, words

PASSIVE_TARGET_PREPS = ("to", "against")
KEEP_PREP_AFTER_OBJECT = frozenset({"to", "with", "against", "at", "into", "toward", "towards"})

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


def _rival_preps(v: Any) -> list[Any]:
    """"competed for the role against X": an ``against`` the parse hangs off the object of ``for``."""
    return [q for c in v.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"
            for q in p.children if q.dep_ == "prep" and q.lower_ == "against"]


def controlled_clauses(v: Any) -> list[tuple[Any, str]]:
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


class PatientPatterns:
    """The patients of a verb (mixed into ``verb_patterns.Reader``, which provides ``actors`` and the noun
    and clause patterns these methods consult)."""

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
            owner = self.actors.owner(noun)  # "suspended Acme's permit" → "suspended permit of"
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
        if speechy and lemma in words("object_control_verbs") and controlled_clauses(v):
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
