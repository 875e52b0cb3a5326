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
from typing import Any

from .labels import LabelParts, canonical_lemma, event_nouns, verb_classes, words
from .lexicon import load_json
from .nominal_patterns import Act

RECALL_WINDOW = 5  # sentences for a third party's stand on an event
PARTICIPANT_WINDOW = 40  # sentences for a participant's own recall ("Y challenged the designation")
RECALL_DETS = ("the", "this", "that")


@lru_cache(maxsize=None)
def nouns_of_verb() -> dict[str, tuple[str, ...]]:
    """Verb lemma → the nouns that may recall its act ("designate" → "designation"; "sell" → "sale", "deal")."""
    out: dict[str, list[str]] = {}
    for noun, (verb, _label) in event_nouns().items():
        out.setdefault(canonical_lemma(verb), []).append(noun)
    for noun, verbs in load_json("nominals.json")["recalls"].items():
        for verb in verbs:
            out.setdefault(verb, []).append(noun)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


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
        """Note an act so that a later "the designation"/"the request" can be traced to its agent and patient."""
        if kind == "role" or not act.parts.chain:
            return
        for lemma in act.parts.chain:
            for noun in nouns_of_verb().get(lemma, ()):
                self.events[noun] = (act.source, act.target, self._sentence_no(act.anchor))

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
            noun = o.lower_ if o.lower_ in self.events else o.lemma_.lower()
            if noun not in self.events or self.actors.of_np(o) or self.actors.owner(o):
                continue
            if not any(d.dep_ == "det" and d.lower_ in RECALL_DETS for d in o.children):
                continue
            if any(d.dep_ in ("compound", "amod", "nmod") or (d.dep_ == "prep" and d.lower_ in ("of", "by", "from"))
                   for d in o.children):
                continue  # "the impeachment investigation", "the request by Y": another event, or named there
            agent, patient, sent = self.events[noun]
            gap = self._sentence_no(o) - sent
            if gap <= 0:
                continue  # the act that named the event ("pursued the prosecution of X") is no recall
            for src, stok in sources:
                other = agent if src == patient else patient if src == agent else None
                particle = " ".join(w for w in (base.particle, link) if w)  # "responded to ruling"
                if other and gap <= PARTICIPANT_WINDOW:
                    yield Act(src, other, replace(base, noun=noun, prep="", particle=particle), v, stok, o)
                elif not other and gap <= RECALL_WINDOW and _responding(lemma) \
                        and verb_classes().get(lemma, ("neutral",))[0] != "statement":
                    yield Act(src, agent, replace(base, noun=noun, prep="by", particle=particle), v, stok, o)
