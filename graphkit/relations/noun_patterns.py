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
from .arguments import described, is_passive, patient_tokens, relative_head
from .labels import (LabelParts, agent_nouns, canonical_lemma, event_key, past, circumstantial_nouns, event_nouns, lemma_of,
                     verb_classes, words)
from ..data import load_json

CIRCUMSTANTIAL_PREPS = frozenset({"in", "during", "after", "following", "amid", "through", "via"})
DIRECTIVE_PREPS = frozenset({"per", "on", "at", "under", "upon", "by", "with"})  # not "after X's order": time
ALLEGED_PREPS = frozenset({"of", "for", "with", "over", "in", "to"})  # "arrested in the killing of Y", "pleaded guilty to"


def fixed_label(label: str, verb: str) -> LabelParts:
    """LabelParts for a ready-made label from the event-noun table."""
    return LabelParts((canonical_lemma(verb),), ready=label)


def target_preps(noun: str, label: str) -> tuple[str, ...]:
    """Prepositions that introduce the patient of an event noun ("attack *on*", "letter *to*", "ban *on*")."""
    explicit = load_json("nominals.json").get("target_preps", {}).get(noun)
    if explicit:
        return tuple(explicit)
    last = label.split()[-1]
    if last in words("relational_preps"):
        return (last, "for") if last == "to" else (last,)
    return ("of", "against")


def _denied_event(n: Any, verb: str, label: str) -> LabelParts | None:
    """"there is no negotiation with Y": the event noun under "no" is the act not done ("did not negotiate with")."""
    if not any(c.lower_ == "no" and c.dep_ in ("det", "neg") for m in [n, *n.children] for c in m.children):
        return None
    last = label.split()[-1]
    return LabelParts((canonical_lemma(verb),), negated=(True,), prep=last if last in words("relational_preps") else "")


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
                          if c.dep_ == "prep" and c.lower_ in target_preps(n.lower_, label)
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
                if prep.lower_ == "in" and lemma_of(v) in words("participating_verbs") and n.lower_ in event_nouns() \
                        and n.lower_ not in circumstantial_nouns():
                    yield from self._entered(n, sources, own_preps=True)  # "participated in the debate against X"
                elif prep.lower_ in CIRCUMSTANTIAL_PREPS:
                    owner = self.actors.owner(n)
                    if owner and owner[0] not in {k for k, _t in sources}:
                        continue  # "ruled in its dispute with Y": the dispute is its owner's (nominal_acts)
                    for k, tok, parts in self._circumstance_targets(n):
                        for src, stok in sources:
                            yield Act(src, k, parts, n, stok, tok)
                    if n.lower_ in words("reciprocal_nouns") and prep.lower_ == "in":  # "X is in talks to buy Y"
                        for x in (a for a in n.children if a.dep_ == "acl" and a.pos_ == "VERB"
                                  and any(t.dep_ == "aux" and t.lower_ == "to" for t in a.children)):
                            seed = LabelParts(("negotiate",), (False,), (False,), links=("",))
                            yield from self._walk(x, sources, seed, is_passive(x), 1, "to")
                elif prep.lower_ in ("into", "to") and lemma_of(v) in words("entering_verbs") and n.lower_ in event_nouns():
                    yield from self._entered(n, sources)

    def _entered(self, n: Any, sources: list, own_preps: bool = False) -> Iterator[Act]:
        """"X entered into an agreement with Y", "X went to war with Y", "X participated in the debate against Y"
        → the event noun's own label."""
        verb, label = event_nouns()[n.lower_]
        preps = set(target_preps(n.lower_, label)) | {"with"} if own_preps else {"with"}
        for w in (w for w in n.children if w.dep_ == "prep" and w.lower_ in preps):
            for k, tok in (a for p in w.children if p.dep_ == "pobj" for a in self.actors.np_list(p)):
                for src, stok in sources:
                    yield Act(src, k, fixed_label(label, verb), n, stok, tok)

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
                            yield k, tok, fixed_label("responded to", "respond")
            return
        if low == "protest":  # "resigned in protest at X's decision"
            siblings = list(n.head.head.children) if n.dep_ == "pobj" else []  # the parse hangs "at" off the verb
            for w in (w for w in list(n.children) + siblings if w.dep_ == "prep" and w.lower_ in ("at", "to", "against", "over")):
                for p in (c for c in w.children if c.dep_ == "pobj"):
                    for k, tok in [a for a in self.actors.np_list(p) or [self.actors.owner(p)] if a]:
                        yield k, tok, fixed_label("protested against", "protest")
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
                        yield k, tok, fixed_label(label, verb)

    def _agents_of_noun(self, n: Any) -> list[tuple[str, Any]]:
        """Who performs an event noun: its ``by``-phrase, else its possessor ("X's letter")."""
        owners, by = [], []
        for c in n.children:
            if c.dep_ == "poss":
                owners += self.actors.np_list(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                by += [a for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
            elif c.dep_ == "prep" and c.lower_ in ("of", "in"):  # "the assassination (in 1914) of Y by X": "by" under Y
                objs = [p for p in c.children if p.dep_ == "pobj"]
                objs += [q for p in objs if c.lower_ == "in" for d in p.children if d.dep_ == "prep" and d.lower_ == "of"
                         for q in d.children if q.dep_ == "pobj"]
                by += [a for p in objs for b in p.children if b.dep_ == "prep" and b.lower_ == "by"
                       for q in b.children if q.dep_ == "pobj" for a in self.actors.np_list(q)]
        return by or owners

    def _undergoer(self, n: Any) -> list[tuple[str, Any]]:
        """"Y's assassination by X": with a ``by``-agent, the possessor undergoes the event."""
        if not any(c.dep_ == "prep" and c.lower_ == "by" for c in n.children) or n.lower_ in words("reciprocal_nouns"):
            return []
        return [a for c in n.children if c.dep_ == "poss" for a in self.actors.np_list(c)]

    def _modifier_agents(self, n: Any) -> list[tuple[str, Any]]:
        """The state or organisation qualifying an act noun: "the Russian invasion of Y", "the Acme takeover
        of Y" (a government or organisation; "anti-government" and "pro-Acme" name no agent)."""
        doc = n.doc
        found = [a for c in n.children if c.dep_ in ("amod", "compound", "nmod") and c.i < n.i
                 and not (c.i >= 2 and doc[c.i - 1].text == "-")
                 for a in [self.actors.of_np(c)] if a and self.actors.type(a[0]) in ("government", "organization")]
        return found[:1]

    def intention_acts(self, n: Any) -> Iterator[Act]:
        """"X's decision to fire Y" → X → Y "decided to fire"; "X's refusal to meet Y"."""
        acl = [c for c in n.children if c.dep_ == "acl" and c.pos_ == "VERB"
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        sources = (self._agents_of_noun(n) or self._accused_of(n)) if acl else []
        if sources:
            prev = LabelParts((_table("intention_nouns")[n.lower_],), (False,), (False,), links=("",))
            for x in acl:
                yield from self._walk(x, sources, prev, is_passive(x), 1)

    def _accused_of(self, n: Any) -> list[tuple[str, Any]]:
        """"X was charged with conspiracy to murder Y", "accused X of a plot to kill Y": the accused plotted."""
        verb = n.head.head if n.dep_ == "pobj" and n.head.lower_ in ("with", "of", "for", "on") else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        return self._accused(verb, is_passive(verb))

    def consequence_acts(self, v: Any, subjects: list) -> Iterator[Act]:
        """"X's investigation led to the discovery of Y", "a tip from X resulted in the arrest of Y": the agent of
        the first event → the patient of the second, with the second's label."""
        agents = [a for s in subjects if s.lower_ in event_nouns() for a in self._agents_of_noun(s) + [
            b for c in s.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"
            for b in self.actors.np_list(p)]]
        if not agents:
            return
        for n in (p for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "in") for p in c.children
                  if p.dep_ == "pobj" and p.lower_ in event_nouns()):
            verb, label = event_nouns()[n.lower_]
            for k, tok in (a for c in n.children if c.dep_ == "prep" and c.lower_ in target_preps(n.lower_, label)
                           for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)):
                for src, stok in agents:  # the first event's agent led to the second, it did not do it
                    yield Act(src, k, LabelParts((canonical_lemma(verb),), ready=f"{past(lemma_of(v))} to {n.lower_} of"),
                              n, stok, tok)

    def backed_acts(self, part: Any) -> Iterator[Act]:
        """"an Iranian-backed militia", "the Saudi-led coalition", "a state-owned firm": X → the noun's actor."""
        doc = part.doc
        if part.i < 2 or doc[part.i - 1].text != "-" or part.dep_ != "amod":
            return
        agent = self.actors.of_np(doc[part.i - 2])
        target = self.actors.of_np(part.head)
        if agent and target and agent[0] != target[0]:
            verb = lemma_of(part)
            yield Act(agent[0], target[0], LabelParts((verb,)), part, agent[1], target[1])

    def agent_noun_acts(self, n: Any) -> Iterator[Act]:
        """"Y's assassin, X", "X, the killer of Y", "Y assassin X", "X was Y's killer" → X → Y "assassinated"."""
        verb = agent_nouns().get(n.lower_) or agent_nouns().get(n.lower_[:-1])  # "assassins"
        agents = self._agent_of(n) or self._appos_of_victim(n)
        if not verb or not agents:
            return
        victims = [self.actors.owner(n)] + [self.actors.of_np(c) for c in n.children
                                            if c.dep_ == "compound" and c.i < n.i]
        if n.dep_ == "compound":  # "Y's assassin X": the possessive hangs off the name
            victims += [o for o in [self.actors.owner(n.head)] if o and o[1].i < n.i]
        victims += [a for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
        victims = [v for v in victims if v and v[0] not in {k for k, _t in agents}]
        for k, tok in victims:
            for src, stok in agents:
                yield Act(src, k, LabelParts((canonical_lemma(verb),)), n, stok, tok)

    def suspect_acts(self, n: Any) -> Iterator[Act]:
        """"X, a suspect in the killing of Y", "X is the main suspect in Y's murder": X → Y "killed", alleged."""
        agents = self._agent_of(n)
        for p in (p for c in n.children if c.dep_ == "prep" and c.lower_ in ("in", "for") for p in c.children
                  if p.dep_ == "pobj"):
            e = self._connected_event(p)
            found = self._hostile_event(e) if e is not None else None
            if found is None:
                continue
            verb, label = found
            for k, tok in self._victims(e, label):
                for src, stok in agents:
                    if src != k:
                        yield Act(src, k, fixed_label(label, verb), e, stok, tok)

    def _hostile_event(self, n: Any) -> tuple[str, str] | None:
        """(verb, label) of a hostile event noun ("the attack", "the killing"), else None."""
        key = event_key(n)
        if not key:
            return None
        verb, label = event_nouns()[key]
        return (verb, label) if verb_classes().get(canonical_lemma(verb), ("",))[0] == "conflict" else None

    def _event_patients(self, n: Any, label: str) -> list[tuple[str, Any]]:
        return [a for c in n.children if c.dep_ == "prep" and c.lower_ in target_preps(event_key(n), label)
                for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]

    def behind_acts(self, v: Any, sources: list) -> Iterator[Act]:
        """"Y was behind the attack on Z" → Y → Z "attacked" (reported by whoever says so)."""
        for n in (p for c in v.children if c.dep_ == "prep" and c.lower_ == "behind" for p in c.children
                  if p.dep_ == "pobj"):
            event = self._hostile_event(n)
            for k, tok in self._event_patients(n, event[1]) if event else ():
                for src, stok in sources:
                    if src != k:
                        yield Act(src, k, fixed_label(event[1], event[0]), n, stok, tok)

    def blamed_on_acts(self, v: Any) -> Iterator[Act]:
        """"The attack on Z was blamed on Y" → Y → Z "attacked", alleged by the blamer."""
        agents = [a for c in v.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
                  if p.dep_ == "pobj" for a in self.actors.np_list(p)]
        for n in (n for n in patient_tokens(v) if agents):
            event = self._hostile_event(n)
            for k, tok in self._event_patients(n, event[1]) if event else ():
                for src, stok in agents:
                    if src != k:
                        yield Act(src, k, fixed_label(event[1], event[0]), n, stok, tok)

    def _appos_of_victim(self, n: Any) -> list[tuple[str, Any]]:
        """"The killer of Y, X, …": the parse hangs the agent's name off the victim as its apposition."""
        return [a for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
                for q in p.children if q.dep_ == "appos" and q.i > p.i for a in [self.actors.of_np(q)]
                if a and self.actors.type(a[0]) == "person" and a[0] != self.actors.key(p)]

    def _agent_of(self, n: Any) -> list[tuple[str, Any]]:
        """The actor an agent noun describes: its apposition, the name it modifies, or a copula's subject."""
        found = [self.actors.of_np(c) for c in n.children if c.dep_ == "appos"]
        if n.dep_ == "appos" or (n.dep_ == "compound" and n.head.i > n.i):
            found.append(self.actors.of_np(n.head) if n.dep_ == "compound" else (
                (self.actors.key(n.head), n.head) if self.actors.key(n.head) else None))
        if (n.dep_ == "attr" and n.head.lemma_ == "be") or (n.dep_ == "pobj" and n.head.lower_ == "as"):
            found += [a for c in described(n) for a in self.actors.np_list(c)]  # "X was Y's killer", "named X as …"
        doc = n.doc
        if not any(found) and n.i + 2 < len(doc) and doc[n.i + 1].text == ",":  # "Y's assassin, X, …" misparsed
            nxt = doc[n.i + 2]
            while nxt.head.i > nxt.i and self.actors.key(nxt.head) == self.actors.key(nxt):
                nxt = nxt.head
            if self.actors.key(nxt) and self.actors.type(self.actors.key(nxt)) == "person" \
                    and nxt.dep_ in ("appos", "npadvmod", "conj"):
                found.append((self.actors.key(nxt), nxt))
        return [a for a in found if a]

    def _alleged_events(self, v: Any, accused: list) -> Iterator[Act]:
        """"X was convicted of the murder of Y", "charged X with Y's killing", "serving a sentence for the
        murder of Y": the accused → the event's victim."""
        heads = [v] + [o for o in v.children if (o.dep_ == "dobj" and o.lower_ in words("sentence_nouns"))
                       or (o.dep_ in ("oprd", "acomp") and o.lower_ == "guilty")]  # "found X guilty of"
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ALLEGED_PREPS):
            for n in (p for p in prep.children if p.dep_ == "pobj"):
                n = self._connected_event(n)  # "in connection with the killing of Y"
                found = self._hostile_event(n) if n is not None else None
                if found is None:
                    continue
                verb, label = found
                for k, tok in self._victims(n, label):
                    for src, stok in accused:
                        yield Act(src, k, fixed_label(label, verb), n, stok, tok)

    @staticmethod
    def _connected_event(n: Any) -> Any | None:
        """The event noun a prepositional object names: itself, or the one "in connection with" names."""
        if n.lower_ != "connection":
            return n
        return next((p for c in n.children if c.dep_ == "prep" and c.lower_ == "with"
                     for p in c.children if p.dep_ == "pobj"), None)

    def _victims(self, n: Any, label: str) -> list[tuple[str, Any]]:
        """Who an event noun of violence is done to: its possessor, its ``of``-object, or the one whose death
        it was ("murder in the death of Y")."""
        found = [self.actors.owner(n)] + [a for c in n.children if c.dep_ == "prep" and c.lower_ in
                                          target_preps(n.lower_, label)
                                          for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
        found += [a for c in n.children if c.dep_ == "prep" and c.lower_ == "in" for d in c.children
                  if d.dep_ == "pobj" and d.lower_ in words("death_nouns") for a in self._victims(d, label)]
        return [a for a in found if a]

    def protest_acts(self, n: Any) -> Iterator[Act]:
        """"anti-government protests", "a rally against X", "the protest started out against X's measures":
        the protest's holder (its possessor or by-phrase, else the article's one protester group) → X."""
        agents = self._agents_of_noun(n) or self._only_group(words("protester_labels"))
        if not agents:
            return
        heads = [n] + ([n.head] if n.dep_ == "nsubj" and n.head.pos_ == "VERB" else [])
        targets = [a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "against"
                   for p in c.children if p.dep_ == "pobj" for a in (self.actors.np_list(p) or [self.actors.owner(p)]) if a]
        doc = n.doc
        for c in (c for c in n.children if c.dep_ in ("amod", "compound") and c.i >= 2 and c.i < n.i):
            if doc[c.i - 1].text == "-" and doc[c.i - 2].lower_ == "anti":  # "anti-government"
                found = self.actors.key(c) or (  # "anti-government": the article's one government
                    (self._only_group({"government"}) or [(None,)])[0][0] if c.lemma_.lower() == "government" else None)
                targets += [(found, c)] if found else []
        for k, tok in targets:
            for src, stok in agents:
                yield Act(src, k, fixed_label("protested against", "protest"), n, stok if stok is not None else n, tok)

    def _only_group(self, labels: frozenset | set) -> list[tuple[str, Any]]:
        """The article's one actor whose name ends with one of ``labels`` ("Serbian protesters"), as (key, None)."""
        keys = [k for k, e in self.actors.ents.entities.items() if e.label.lower().split()[-1:] and
                e.label.lower().split()[-1] in labels and self.actors.type(k) in ("organization", "government")]
        return [(keys[0], None)] if len(keys) == 1 else []

    def nominal_acts(self, n: Any) -> Iterator[Act]:
        """"X's letter to Y", "the designation of Y by X", "X's sale of its unit to Y", "the deal between X and Y"."""
        verb, label = event_nouns()[n.lower_]
        sources = self._agents_of_noun(n) or self._modifier_agents(n)
        if not sources:
            yield from self._between(n, verb, label)
            return
        by_prep = load_json("nominals.json")["prep_labels"].get(n.lower_, {})
        targets = target_preps(n.lower_, label)
        dated = [q for c in n.children if c.dep_ == "prep" for p in c.children  # "the assassination in 1914 of X"
                 if p.dep_ == "pobj" and (p.like_num or p.ent_type_ == "DATE") for q in p.children]
        for k, tok in self._undergoer(n):
            for src, stok in sources:
                yield Act(src, k, fixed_label(label, verb), n, stok, tok)
        for c in list(n.children) + dated:
            if c.dep_ != "prep" or c.lower_ not in targets:
                continue
            for p in c.children:
                for k, tok in self.actors.np_list(p) if p.dep_ == "pobj" else ():
                    for src, stok in sources:
                        yield Act(src, k, _denied_event(n, verb, label) or fixed_label(by_prep.get(c.lower_, label), verb),
                                  n, stok, tok)

    def _between(self, n: Any, verb: str, label: str) -> Iterator[Act]:
        """"the deal between X and Y", "talks between X and Y": one edge between the two."""
        if n.lower_ not in words("reciprocal_nouns"):
            return
        for c in (c for c in n.children if c.dep_ == "prep" and c.lower_ == "between"):
            found = [a for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
            keys = list(dict.fromkeys(k for k, _t in found))
            if len(keys) == 2:
                (a, atok), (b, btok) = found[0], next(f for f in found if f[0] == keys[1])
                yield Act(a, b, fixed_label(label, verb), n, atok, btok)
