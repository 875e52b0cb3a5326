"""Acts carried by a clause complement, mixed into :class:`graphkit.patterns.Reader`.

* judgements through an adjective: "the court found X guilty", "the judge ruled X's practice
  unconstitutional", "the king considered it inappropriate for X to run" → "found guilty",
  "ruled unconstitutional", "considered inappropriate";
* demands: "the court says X must repay", "Y said X should resign" → "ordered to repay" (a court or
  regulator speaking), "demanded to repay" (must), "urged to resign" (should);
* wishes about someone else: "I hope that X will come back", "Y wants X to stop" → "hoped to come back",
  "wanted to stop" (the same shape as "urged to …": the target is the one who should act);
* demands in the subjunctive: "X recommended that Y withdraw", "X demanded Y leave" → "recommended to
  withdraw", "demanded to leave" (Y's act itself is not asserted);
* claims about someone: a verb of contested assertion (``relation_words.json: claiming_verbs``: "claim",
  "allege", "accuse", "charge") reporting an act of the clause's subject: "X claims Y smuggles arms", "X
  alleged that Y had helped Z", "X charged that Y hid its losses" → X → Y "made claims about" (statement),
  "X claimed Y attacked Z" → X → Y "accused" (a hostile act), whoever Y is said to have acted on. No claim
  about a state ("claimed Y was the largest", ``state_verbs``), a passive clause (its agent is reached
  through the act itself, see :func:`graphkit.relations.extract_relations`), a clause of time or cause
  ("minutes before Y voted, X claimed …"), and none by the subject's own side ("X's allies claimed he …").

The clause's own act ("X repays Y") is left to the verb patterns, which keep it unasserted under a
modal (see :func:`graphkit.relations.extract_relations`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .labels import LabelParts, complement_nouns, lemma_of, verb_classes, words
from .acts import Act, negated as _negated
from .speech import circumstance

DEMAND_MODALS = {"must": "demand", "should": "urge", "ought": "urge"}


def subjunctive(c: Any) -> bool:
    """Whether clause ``c`` is a demand's subjunctive ("recommended that the troops *withdraw*")."""
    if c.dep_ != "ccomp" or c.head.lemma_.lower() not in words("demanding_verbs") or c.pos_ not in ("VERB", "AUX"):
        return False
    if any(a.dep_ in ("aux", "auxpass") and a.lower_ not in ("be", "not") for a in c.children):
        return False
    return c.tag_ == "VB" or (c.tag_ == "VBP" and c.head.tag_ == "VBD")


def _clause_adjective(c: Any) -> Any | None:
    """The evaluative adjective a complement clause predicates ("X guilty", "X is unconstitutional")."""
    if c.pos_ == "ADJ":
        return c
    if c.lemma_ == "be":
        return next((a for a in c.children if a.dep_ == "acomp" and a.pos_ == "ADJ"), None)
    return None


class ClausePatterns:
    """Clause-complement patterns; expects ``self.actors`` from the reader."""

    actors: Any

    def clause_acts(self, v: Any, sources: list) -> Iterator[Act]:
        """Judgements, demands and wishes whose clause names another actor."""
        lemma = lemma_of(v)
        for c in (c for c in v.children if c.dep_ in ("ccomp", "xcomp", "oprd")):
            if lemma in words("judging_verbs"):
                yield from self._judged(v, lemma, c, sources)
            if lemma in words("speech_verbs") or lemma in words("judging_verbs"):
                yield from self._demanded(v, c, sources)
            if lemma in words("wishing_verbs") and c.dep_ == "ccomp":
                yield from self._wished(v, lemma, c, sources)
            if subjunctive(c):
                yield from self._wished(v, lemma, c, sources)
            if lemma in words("claiming_verbs") and c.dep_ == "ccomp" and not _negated(v):
                yield from self._claimed_about(v, c, sources)

    def _subjects_of_clause(self, c: Any) -> list[tuple[str, Any]]:
        """Actors a clause is about: its subject, the owner of a thing subject ("X's practice", "the
        election of X"), or the ``for``-subject of an extraposed "it" ("it inappropriate for X to run")."""
        found = []
        for s in (s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")):
            if s.lower_ == "it":
                found += [a for x in c.children if x.dep_ in ("advcl", "xcomp", "ccomp")
                          for t in x.children if t.dep_ == "nsubj" for a in self.actors.np_list(t)]
                continue
            direct = self.actors.np_list(s)
            found += direct or [a for a in [self.actors.owner(s)] + [
                a for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                for q in p.children if q.dep_ == "pobj" for a in self.actors.np_list(q)] if a]
        return found

    def _judged(self, v: Any, lemma: str, c: Any, sources: list) -> Iterator[Act]:
        adj = _clause_adjective(c)
        if adj is None or adj.lemma_.lower() not in complement_nouns():
            return
        parts = LabelParts((lemma,), (False,), (_negated(v) or _negated(c),), complement=adj.lemma_.lower())
        for k, tok in self._subjects_of_clause(c):
            for src, stok in sources:
                yield Act(src, k, parts, v, stok, tok)

    def _demanded(self, v: Any, c: Any, sources: list) -> Iterator[Act]:
        modal = next((a.lower_ for a in c.children if a.dep_ == "aux" and a.lower_ in DEMAND_MODALS), None)
        if modal is None or c.pos_ not in ("VERB", "AUX") or _negated(c) or c.lemma_ in ("be", "have"):
            return  # "said the military must be able to …" states a need, demands nothing of it
        for k, tok in (a for s in c.children if s.dep_ == "nsubj" for a in self.actors.np_list(s)):
            for src, stok in sources:
                verb = "order" if modal == "must" and self._imposes(src, stok) else DEMAND_MODALS[modal]
                parts = LabelParts((verb, lemma_of(c)), (False, False), (False, False), links=("", "to"))
                yield Act(src, k, parts, v, stok, tok)

    def _imposes(self, key: str, tok: Any) -> bool:
        """Whether an actor can impose what it says must happen (a court, a judge, a regulator): its name or
        the title before the mention says so."""
        label = self.actors.ents.entities[key].label.lower().split()
        before = [t.lower_ for t in tok.doc[max(0, tok.left_edge.i - 2): tok.i]]
        return any(w in words("imposing_words") for w in label + before)

    def _wished(self, v: Any, lemma: str, c: Any, sources: list) -> Iterator[Act]:
        if c.pos_ not in ("VERB", "AUX") or any(a.dep_ == "aux" and a.lower_ in DEMAND_MODALS for a in c.children):
            return
        for k, tok in (a for s in c.children if s.dep_ == "nsubj" for a in self.actors.np_list(s)):
            parts = LabelParts((lemma, lemma_of(c)), (False, False), (_negated(v), _negated(c)), links=("", "to"),
                               particle=" ".join(p.lower_ for p in c.children if p.dep_ in ("prt", "advmod")
                                                 and p.lower_ in ("back", "out", "down", "up", "off", "away")))
            for src, stok in sources:
                yield Act(src, k, parts, v, stok, tok)

    def _claimed_about(self, v: Any, c: Any, sources: list) -> Iterator[Act]:
        """X → Y for "X claims Y smuggles arms": the claim verb ``v`` reports clause ``c`` with Y its active
        subject; "accused" when the act is hostile, as a reported hostile act's accusation."""
        if c.pos_ not in ("VERB", "AUX") or c.lemma_.lower() in words("state_verbs") or circumstance(c) \
                or any(a.dep_ in ("nsubjpass", "auxpass") for a in c.children):
            return  # "claimed X was the largest …", "claimed soldiers had been killed": no act of X's
        hostile = verb_classes().get(lemma_of(c), ("neutral",))[0] == "conflict"
        ready = "accused" if hostile else "made claims about"
        parts = LabelParts(("accuse" if hostile else "claim",), (False,), (False,), ready=ready)
        for k, tok in (a for s in c.children if s.dep_ == "nsubj" and s.lower_ not in ("it", "this")
                       for a in self.actors.np_list(s)):
            for src, stok in sources:
                if not self._own_side(stok, src, k):
                    yield Act(src, k, parts, v, stok, tok)

    def _own_side(self, speaker_tok: Any, speaker: str, subject: str) -> bool:
        """Whether the speaker's phrase names the subject ("X's allies", "associates of X") or carries his
        surname: a claim of the subject's own side, none about him."""
        if any(self.actors.key(t) == subject for t in speaker_tok.subtree):
            return True
        ents = self.actors.ents.entities
        if speaker not in ents or subject not in ents or ents[subject].type != "person":
            return False
        return ents[subject].label.split()[-1].lower() in ents[speaker].label.lower().split()  # his surname
