"""Acts carried by a verb's noun object, mixed into :class:`graphkit.patterns.Reader`.

What a verb does to its object noun decides whose act the noun names:

* a light verb *performs* the event: "filed a lawsuit against X" → "sued" X;
* an ending verb stops it: "lifted sanctions on X", "ended talks with X" (verb and noun kept, the
  category flipped);
* an answering verb responds to someone else's act: "rejected the offer from X" → X is the author;
* an undergoing or receiving verb suffers it: "faced charges from X", "came under criticism from X",
  "received a warning from X" → X → the subject, with the event's own label ("charged");
* a holding noun names a share of an actor: "bought a stake in X" → "bought stake in";
* a restraining order reaches the actor its participle acts on: "won an injunction stopping X from …";
* a status phrase completes the label: "held X in contempt" → "held in contempt";
* a clause after an event noun names its patient: "an investigation into whether X …".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .labels import (canonical_lemma, circumstantial_nouns, event_key, event_nouns, lemma_of, noun_phrase, strip_prep,
                     words)
from .acts import Act, word_table as _table
from .noun_patterns import fixed_label, target_preps

AUTHOR_PREPS = ("from", "by")


def _particle_lemma(v: Any, lemma: str) -> str:
    """"call off", "turn down": the lemma with its particle (or a following preposition pair)."""
    prt = [c.lower_ for c in v.children if c.dep_ == "prt"]
    return f"{lemma} {prt[0]}" if prt else lemma


class NounObjects:
    """Noun-object patterns; expects ``self.actors`` from the reader."""

    actors: Any

    def _noun_role(self, v: Any, lemma: str, noun: Any) -> str:
        """How verb ``v`` relates to its object noun: ``ending``, ``answer``, ``undergone``, ``holding`` or ''."""
        if noun is None or noun.pos_ == "PRON":
            return ""
        low, full = noun.lower_, _particle_lemma(v, lemma)
        if noun.lemma_.lower() in words("holding_nouns") or low in words("holding_nouns"):
            return "holding"
        if not event_key(noun):
            return ""
        if full in words("ending_verbs") or lemma in words("ending_verbs"):
            return "ending"
        if lemma in words("organizing_verbs"):
            return "organizing"  # "orchestrated the attacks on X"
        if full in words("responding_verbs") or (lemma in words("responding_verbs") and full == lemma):
            return "answer"
        if lemma in words("undergoing_verbs") or lemma in words("receiving_verbs"):
            return "undergone" if self._authors(v, noun) else ""  # "won the bid" keeps its own reading
        return ""

    def _noun_extra(self, lemma: str, noun: Any, role: str = "") -> dict:
        """Label extras for a verb's object noun: an event noun's own label, or the noun itself."""
        if noun is None:
            return {}
        low = noun.lower_
        if low in words("quantity_nouns") or noun.pos_ == "PRON":
            return {}  # "took over a third of X"; "raised it with X"
        low = event_key(noun) or low
        if role == "undergone":
            return {}
        if role in ("ending", "answer", "holding", "organizing"):
            return {"noun": noun_phrase(noun)}  # "lifted sanctions on", "rejected offer from", "bought stake in"
        light = lemma in words("light_verbs") and (low in event_nouns() or lemma not in words("weak_light_verbs"))
        if light and low in event_nouns() and lemma not in words("receiving_verbs"):
            verb, label = event_nouns()[low]
            return {"event": strip_prep(label), "chain_last": canonical_lemma(verb)}
        if light or low in circumstantial_nouns():  # "resumed talks with"
            return {"noun": noun_phrase(noun)}
        return {}

    def _noun_preps(self, lemma: str, noun: Any, role: str) -> tuple[str, ...] | frozenset:
        """The prepositions of the object noun that introduce the act's target."""
        if role == "holding":
            return ("in", "of")
        if role in ("ending", "organizing"):
            return target_preps(event_key(noun), event_nouns()[event_key(noun)][1])
        if role in ("answer", "undergone"):
            return ()
        return words("relational_preps") if lemma in words("light_verbs") else ("with",)

    def _noun_targets(self, lemma: str, noun: Any, extra: dict, role: str) -> Iterator[tuple[str, Any, dict]]:
        """Targets reached through the object noun: its prepositions, a clause after an event noun
        ("an investigation into whether X …") and a restraining participle ("an injunction stopping X")."""
        preps = self._noun_preps(lemma, noun, role)
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps):
            pextra = {**extra, "prep": prep.lower_}
            yield from self._prep_objects(prep, lemma, pextra, owners=True)
            if event_key(noun):
                yield from self._clause_subjects(prep, pextra)
        if role in ("answer", "undergone") or not extra.get("noun") or noun.lower_ in words("document_nouns"):
            return  # "passed a law banning X": the participle's own act (args._authored) says it
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"):
            if lemma_of(acl) in words("restraining_verbs"):
                for o in (o for o in acl.children if o.dep_ == "dobj"):
                    for k, tok in self.actors.np_list(o):
                        yield k, tok, {**extra, "prep": "against"}

    def _clause_subjects(self, prep: Any, extra: dict) -> Iterator[tuple[str, Any, dict]]:
        """"an investigation into whether X had broken the rules" → X."""
        for clause in (c for c in prep.children if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX")):
            for s in (s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")):
                yield from ((k, tok, extra) for k, tok in self.actors.np_list(s))

    def _authors(self, v: Any, noun: Any) -> list[tuple[str, Any]]:
        """Who an event noun is by: its possessor ("X's offer"), or a ``from``/``by`` phrase on it or its verb."""
        found = [self.actors.owner(noun)]
        made = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # "the lawsuit filed by X"
        for head in (noun, v, *made):
            found += [a for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in AUTHOR_PREPS
                      for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
        return [a for a in found if a]

    def _answered(self, v: Any, noun: Any) -> Iterator[tuple[str, Any, dict]]:
        """"rejected the offer from X", "declined X's request" → X, label "rejected offer from"; without an
        author, the event's own participants: "blocked the merger of X and Y" → "blocked merger of"."""
        if not self._authors(v, noun):
            for k, tok in (a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)):
                yield k, tok, {"noun": noun_phrase(noun), "prep": "of"}
            return
        for k, tok in self._authors(v, noun):
            via = next((a for a in tok.ancestors if a.dep_ in ("prep", "agent")), None)
            yield k, tok, {"noun": noun_phrase(noun), "prep": "from" if via is not None and via.lower_ == "from" else "by"}

    def _undergone(self, v: Any, sources: list) -> Iterator[Act]:
        """"X faced charges from Y", "X came under criticism from Y", "X received a warning from Y" → Y → X."""
        lemma = lemma_of(v)
        nouns = [c for c in v.children if c.dep_ == "dobj" and self._noun_role(v, lemma, c) == "undergone"]
        if lemma == "come":
            nouns += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "under" for p in c.children
                      if p.dep_ == "pobj" and event_key(p)]
        for n in nouns:
            verb, label = event_nouns()[event_key(n)]
            for agent, atok in self._authors(v, n):
                for src, stok in sources:
                    yield Act(agent, src, fixed_label(label, verb), v, atok, stok)

    def _status(self, v: Any, lemma: str) -> str:
        """"held X in contempt", "took X into custody", "placed X under arrest": the phrase that completes the act."""
        table = _table("status_phrases").get(lemma)
        if not table:
            return ""
        for prep in (c for c in v.children if c.dep_ == "prep" and c.lower_ in table):
            for p in (p for p in prep.children if p.dep_ == "pobj"):
                if p.lemma_.lower() in table[prep.lower_] or p.lower_ in table[prep.lower_]:
                    mods = [m.lower_ for m in p.lefts if m.dep_ == "compound"]  # "house arrest"
                    return " ".join([prep.lower_, *mods, p.lower_])
        return ""

    def _complement(self, v: Any, lemma: str, ent_objs: list, plain: list) -> str:
        """The defining complement of "designated X a risk" / "named X as chair" / "held X in contempt"."""
        if lemma not in words("complement_verbs"):
            return self._status(v, lemma) if ent_objs else ""
        for c in v.children:
            if c.dep_ == "oprd" or (c.dep_ == "dobj" and ent_objs and c in plain and c.i > ent_objs[0].i):
                # a noun names a category ("a risk", "chair"); "described as 'marred by …'" is no label
                return noun_phrase(c) if c.pos_ in ("NOUN", "PROPN") else ""
            if c.dep_ == "prep" and c.lower_ == "as" and ent_objs:
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj and not self.actors.of_np(pobj[0]):
                    return noun_phrase(pobj[0]) if pobj[0].pos_ in ("NOUN", "PROPN") else ""
        return ""

    def _sought(self, prep: Any) -> Iterator[tuple[str, Any, dict]]:
        """"called for X's resignation", "asked for the release of X" → "called for resignation of" X;
        "called for G7 action", "called for talks by X" → "called for action by" X."""
        for p in (p for p in prep.children if p.dep_ == "pobj"):
            patient = p.lower_ in words("sought_nouns")
            if not patient and p.lemma_.lower() not in words("sought_acts"):
                continue
            found = [self.actors.owner(p)] + [a for c in p.children if c.dep_ == "prep" and c.lower_ == ("of" if patient else "by")
                                              for q in c.children if q.dep_ == "pobj" for a in self.actors.np_list(q)]
            if not patient:
                found += [self.actors.of_np(c) for c in p.children if c.dep_ in ("compound", "nmod") and c.i < p.i]
            for a in (a for a in found if a):
                yield a[0], a[1], {"particle": "for", "noun": p.lemma_.lower(), "prep": "of" if patient else "by"}

    def _left_agreement(self, v: Any, lemma: str, objs: list) -> Iterator[tuple[str, Any, dict]]:
        """"withdrew (the US) from the treaty with X", "pulled out of its deal with X", "quit the alliance with X"
        → "withdrew from treaty with", "quit alliance with" (the partner left, not the agreement)."""
        if lemma not in words("leaving_verbs"):
            return
        nouns = [(o, "") for o in objs if lemma != "withdraw"] + [
            (p, c.lower_) for c in v.children if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out")
            for p in [q for q in c.children if q.dep_ == "pobj"] + [q for d in c.children if d.dep_ == "prep"
                                                                    for q in d.children if q.dep_ == "pobj"]]
        for n, prep in ((n, prep) for n, prep in nouns if n.lower_ in words("reciprocal_nouns")):
            particle = "out of" if prep in ("of", "out") else prep
            withs = [c for h in (n, v) for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "between")]
            for k, tok in (a for c in withs for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)):
                yield k, tok, {"particle": particle, "noun": noun_phrase(n).split()[-1], "prep": "with"}
