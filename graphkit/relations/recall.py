"""Events recalled by a definite noun in a later sentence, mixed into :class:`graphkit.patterns.Reader`.

After "X designated Y …", "Y challenged the designation" is Y → X; after "X asked the embassy to waive
…", "the embassy declined the request" is the embassy → X; after "X called for G7 action", "the call
was seconded by Z" is Z → X ("seconded call by"); after "the court ordered Y to pay", "Y appealed against
the decision" is Y → the court. Which nouns recall which acts comes from the event-noun table (the
noun of each verb of the act's chain) and ``nominals.json: recalls`` (generic nouns: "the deal",
"the decision", "the request"). An event is recalled only from a later sentence, within a few
sentences, and only by a bare definite noun ("the impeachment investigation" is another event).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .labels import LabelParts, canonical_lemma, event_nouns, verb_classes, words
from .acts import Act
from ..data import load_json

RECALL_WINDOW = 5  # sentences for a third party's stand on an event
PARTICIPANT_WINDOW = 40  # sentences for a participant's own recall ("Y challenged the designation")
RECALL_DETS = ("the", "this", "that")
MEANS_PREPS = ("in", "with", "during", "through", "via")


@lru_cache(maxsize=None)
def nouns_of_verb() -> dict[str, tuple[str, ...]]:
    """Verb lemma → the nouns that may recall its act ("designate" → "designation"; "sell" → "sale", "deal")."""
    out: dict[str, list[str]] = {}
    for noun, (verb, _label) in event_nouns().items():
        out.setdefault(canonical_lemma(verb), []).append(noun)
    for noun, verbs in load_json("nominals.json")["recalls"].items():
        for verb in verbs:
            out.setdefault(verb, []).append(noun)
    return MappingProxyType({k: tuple(dict.fromkeys(v)) for k, v in out.items()})


def _responding(lemma: str) -> bool:
    """Verbs by which a third party takes a stand on someone's act ("seconded the call", "examined the deal")."""
    return lemma in words("evaluative_verbs") or lemma in words("responding_verbs") or lemma in words("joining_verbs") \
        or lemma in words("reviewing_verbs")


class RecalledEvents:
    """Remembers acts and reads their recall; expects ``self.actors``, ``self.doc`` and ``self.events``."""

    actors: Any
    events: dict

    def _sentence_no(self, tok: Any) -> int:
        if not hasattr(self, "_sent_numbers"):
            self._sent_numbers = {s.start: i for i, s in enumerate(self.doc.sents)}
        return self._sent_numbers.get(tok.sent.start, 0)

    def remember(self, act: Act, kind: str) -> None:
        """Note an act so that a later "the designation"/"the request" can be traced to its agent and patient;
        the event nouns it was done in or with ("killed X in an airstrike") recall it too."""
        if kind == "role" or not act.parts.chain:
            return
        self._note(act.parts.chain, act.source, act.target, act.anchor)
        for c in (c for c in act.anchor.children if c.dep_ == "prep" and c.lower_ in MEANS_PREPS):
            for p in (p for p in c.children if p.dep_ == "pobj" and self._eventful(p)):
                self.events[p.lemma_.lower()] = (act.source, act.target, self._sentence_no(act.anchor))

    def _note(self, chain: tuple, source: str | None, target: str, anchor: Any) -> None:
        for lemma in chain:
            for noun in nouns_of_verb().get(lemma, ()):
                self.events[noun] = (source, target, self._sentence_no(anchor))

    @staticmethod
    def _eventful(noun: Any) -> bool:
        return noun.lower_ in event_nouns() or noun.lower_ in words("instrument_nouns") or \
            noun.lemma_.lower() in words("instrument_nouns")

    def remember_unagented(self, verb: Any, patients: list) -> None:
        """"X was hit by drone strikes": no agent, but a later "Y claimed responsibility for the attacks" names it."""
        for k, _tok in patients:
            self._note((canonical_lemma(verb.lemma_),), None, k, verb)

    def _event(self, noun: Any) -> tuple | None:
        """The remembered event a bare definite noun recalls, if any."""
        key = noun.lower_ if noun.lower_ in self.events else noun.lemma_.lower()
        if key not in self.events or self.actors.of_np(noun) or self.actors.owner(noun):
            return None
        if not any(d.dep_ == "det" and d.lower_ in RECALL_DETS for d in noun.children):
            return None
        if any(d.dep_ in ("compound", "amod", "nmod") or (d.dep_ == "prep" and d.lower_ in ("of", "by", "from"))
               for d in noun.children):
            return None  # "the impeachment investigation", "the request by Y": another event, or named there
        agent, patient, sent = self.events[key]
        gap = self._sentence_no(noun) - sent
        return (key, agent, patient, gap) if gap > 0 else None

    def recalled_agent(self, v: Any, patients: list) -> Iterator[Act]:
        """"Y was also killed in the airstrike" (after "X killed Z in an airstrike") → X → Y."""
        for c in (c for c in v.children if c.dep_ in ("prep", "agent") and c.lower_ in MEANS_PREPS + ("by",)):
            for p in (p for p in c.children if p.dep_ == "pobj"):
                found = self._event(p)
                if not found or not found[1] or found[3] > RECALL_WINDOW:
                    continue
                for k, tok in patients:
                    if k != found[1]:
                        yield Act(found[1], k, LabelParts((canonical_lemma(v.lemma_),)), v, p, tok)

    def means_agent(self, v: Any, patients: list) -> Iterator[Act]:
        """"Y was killed in a US operation", "in an Israeli airstrike": the actor that qualifies the means acts."""
        for c in (c for c in v.children if c.dep_ == "prep" and c.lower_ in MEANS_PREPS):
            for n in (p for p in c.children if p.dep_ == "pobj" and (self._eventful(p) or
                                                                      p.lemma_.lower() in words("operation_nouns"))):
                agents = {a for t in n.subtree if t.i < n.i for a in [self.actors.of_np(t)] if a
                          and self.actors.type(a[0]) in ("government", "organization")}
                for agent, atok in sorted(agents, key=lambda a: a[1].i)[:1]:
                    for k, tok in patients:
                        if k != agent:
                            yield Act(agent, k, LabelParts((canonical_lemma(v.lemma_),)), v, atok, tok)

    def claimed(self, v: Any, sources: list) -> Iterator[Act]:
        """"X claimed responsibility for the attack on Y" / "for the attacks" (recalled) → X → Y."""
        for o in (o for o in v.children if o.dep_ == "dobj" and o.lemma_.lower() in ("responsibility", "credit")):
            for p in (p for c in o.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                      if p.dep_ == "pobj" and (p.lower_ in event_nouns() or p.lemma_.lower() in event_nouns())):
                noun = p.lemma_.lower() if p.lemma_.lower() in event_nouns() else p.lower_
                label = f"claimed responsibility for {noun}"
                targets = [a for c in p.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of")
                           for q in c.children if q.dep_ == "pobj" for a in self.actors.np_list(q)]
                found = self._event(p) if not targets else None
                if found and found[3] <= RECALL_WINDOW:
                    targets = [(found[2], p)]
                for k, tok in targets:
                    for src, stok in sources:
                        if src != k:
                            yield Act(src, k, LabelParts(("claim",), ready=label + " on"), v, stok, tok)

    def _recall_nouns(self, v: Any, passive: bool) -> Iterator[tuple[Any, str]]:
        """Bare definite nouns an act of ``v`` may recall, with the preposition that introduces them: its
        object, its passive subject, a prepositional object ("appealed *against* the decision")."""
        for c in v.children:
            if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass"):
                yield c, ""
            elif c.dep_ == "prep" and c.lower_ in ("against", "to", "with", "on", "over", "of"):
                yield from ((p, c.lower_) for p in c.children if p.dep_ == "pobj")

    def _recalled(self, v: Any, sources: list, base: LabelParts, passive: bool = False) -> Iterator[Act]:
        """"Y challenged the designation" after "X designated Y" → Y → X; a third party's stand on it → its agent."""
        lemma = base.chain[-1] if base.chain else ""
        for o, link in self._recall_nouns(v, passive):
            found = self._event(o)
            if not found:
                continue
            noun, agent, patient, gap = found
            for src, stok in sources:
                other = agent if src == patient else patient if src == agent else None
                particle = " ".join(w for w in (base.particle, link) if w)  # "responded to ruling"
                if other and gap <= PARTICIPANT_WINDOW:
                    yield Act(src, other, replace(base, noun=noun, prep="", particle=particle), v, stok, o)
                elif not other and agent and gap <= RECALL_WINDOW and (_responding(lemma) or link == "against") \
                        and (verb_classes().get(lemma, ("neutral",))[0] != "statement" or link == "against"):
                    yield Act(src, agent, replace(base, noun=noun, prep="by", particle=particle), v, stok, o)
