"""Acts read from nouns rather than verbs: nominalisations with an agent ("X's letter to Y"),
intentions ("X's decision to fire Y"), circumstantial event nouns ("in talks with Y", "in response
to Y"), directives ("on the advice of Y") and involvement in an event ("X was involved in a collision
which killed Y"). :class:`NominalPatterns` is mixed into :class:`graphkit.relations.verb_patterns.Reader`; the
:class:`~graphkit.relations.acts.Act` records it yields are defined in :mod:`graphkit.relations.acts`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .acts import Act, negated as _negated, word_table as _table
from .arguments import is_passive, patient_tokens, relative_head
from .labels import LabelParts, canonical_lemma, circumstantial_nouns, event_nouns, lemma_of, words
from ..data import load_json

CIRCUMSTANTIAL_PREPS = frozenset({"in", "during", "after", "following", "amid", "through", "via"})
DIRECTIVE_PREPS = frozenset({"per", "on", "at", "under", "upon", "by", "with"})  # not "after X's order": time


def _fixed(label: str, verb: str) -> LabelParts:
    """LabelParts for a ready-made label from the event-noun table."""
    return LabelParts((canonical_lemma(verb),), ready=label)


def _target_preps(noun: str, label: str) -> tuple[str, ...]:
    """Prepositions that introduce the patient of an event noun ("attack *on*", "letter *to*", "ban *on*")."""
    explicit = load_json("nominals.json").get("target_preps", {}).get(noun)
    if explicit:
        return tuple(explicit)
    last = label.split()[-1]
    if last in words("relational_preps"):
        return (last, "for") if last == "to" else (last,)
    return ("of", "against")


class NominalPatterns:
    """Noun-anchored patterns; expects ``self.actors`` and ``self._walk`` from the reader."""

    actors: Any

    def _involved(self, v: Any) -> Iterator[Act]:
        """"X was involved in a collision which killed Y" / "in the killing of Y" → X → Y "involved in killing"."""
        sources = [a for t in patient_tokens(v) for a in self.actors.np_list(t)]
        for n in (p for c in v.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"):
            found: list[tuple[str, Any, str, bool]] = []
            for r in (r for r in n.children if r.dep_ == "relcl" and r.pos_ == "VERB"):
                objs = patient_tokens(r) if is_passive(r) else [o for o in r.children if o.dep_ == "dobj" and not relative_head(o)]
                found += [(k, tok, lemma_of(r), _negated(r)) for o in objs for k, tok in self.actors.np_list(o)]
            if n.lower_ in event_nouns():
                verb, label = event_nouns()[n.lower_]
                found += [(k, tok, canonical_lemma(verb), False) for c in n.children
                          if c.dep_ == "prep" and c.lower_ in _target_preps(n.lower_, label)
                          for p in c.children if p.dep_ == "pobj" for k, tok in self.actors.np_list(p)]
            for k, tok, lemma, neg in found:
                parts = LabelParts(("involve", lemma), (False, True), (False, neg), links=("", "in"))
                for src, stok in sources:
                    yield Act(src, k, parts, v, stok, tok)

    def _circumstantial(self, v: Any, sources: list) -> Iterator[Act]:
        """"In talks with Y, X …", "X said in a filing to Y", "X withdrew in response to Y's statement"."""
        for prep in v.children:
            if prep.dep_ != "prep":
                continue
            for n in prep.children:
                if n.dep_ != "pobj":
                    continue
                if prep.lower_ in DIRECTIVE_PREPS and n.lower_ in _table("directive_nouns"):
                    yield from self._directed_by(n, sources)
                if prep.lower_ in CIRCUMSTANTIAL_PREPS:
                    for k, tok, parts in self._circumstance_targets(n):
                        for src, stok in sources:
                            yield Act(src, k, parts, n, stok, tok)

    def _directed_by(self, n: Any, sources: list) -> Iterator[Act]:
        """"X left on the advice of Y", "X acted at the request of Y": Y → X "advised"/"requested"."""
        verb = _table("directive_nouns")[n.lower_]
        agents = [a for c in n.children if c.dep_ == "poss" for a in self.actors.np_list(c)]
        agents += [a for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
                   for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
        for agent, atok in agents:
            for target, ttok in sources:
                yield Act(agent, target, LabelParts((verb,)), n, atok, ttok)

    def _circumstance_targets(self, n: Any) -> Iterator[tuple[str, Any, LabelParts]]:
        low = n.lower_
        if low == "response":
            for w in n.children:
                if w.dep_ == "prep" and w.lower_ == "to":
                    for p in (c for c in w.children if c.dep_ == "pobj"):
                        found = self.actors.np_list(p) or [a for q in p.children if q.dep_ == "prep"
                                                           and q.lower_ in ("from", "by")
                                                           for r in q.children if r.dep_ == "pobj"
                                                           for a in self.actors.np_list(r)]
                        for k, tok in found:
                            yield k, tok, _fixed("responded to", "respond")
            return
        if low not in circumstantial_nouns() or low not in event_nouns():
            return
        verb, label = event_nouns()[low]
        if low in ("interview", "interviews"):  # "In an interview with X, Y said": Y is the one interviewed
            verb, label = "speak", "spoke with"
        for w in n.children:
            if w.dep_ == "prep" and w.lower_ in ("with", "to"):
                for p in (c for c in w.children if c.dep_ == "pobj"):
                    for k, tok in self.actors.np_list(p):
                        yield k, tok, _fixed(label, verb)

    def _agents_of_noun(self, n: Any) -> list[tuple[str, Any]]:
        sources = []
        for c in n.children:
            if c.dep_ == "poss":
                sources += self.actors.np_list(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                sources += [a for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
        return sources

    def intention_acts(self, n: Any) -> Iterator[Act]:
        """"X's decision to fire Y" → X → Y "decided to fire"; "X's refusal to meet Y"."""
        acl = [c for c in n.children if c.dep_ == "acl" and c.pos_ == "VERB"
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        sources = self._agents_of_noun(n) if acl else []
        if sources:
            prev = LabelParts((_table("intention_nouns")[n.lower_],), (False,), (False,), links=("",))
            for x in acl:
                yield from self._walk(x, sources, prev, is_passive(x), 1)

    def nominal_acts(self, n: Any) -> Iterator[Act]:
        """"X's letter to Y", "the designation of Y by X"."""
        verb, label = event_nouns()[n.lower_]
        sources = self._agents_of_noun(n)
        if not sources:
            return
        targets = _target_preps(n.lower_, label)
        for c in n.children:
            if c.dep_ != "prep" or c.lower_ not in targets:
                continue
            for p in c.children:
                for k, tok in self.actors.np_list(p) if p.dep_ == "pobj" else ():
                    for src, stok in sources:
                        yield Act(src, k, _fixed(label, verb), n, stok, tok)
