"""Relations between actors, read from the dependency parse.

``extract_relations(doc, ents, article=...)`` yields :class:`~graphkit.records.Relation`
records for every act, role and statement between two resolved entities:

* verbs with their agents (active subjects, ``by``-agents, relative pronouns,
  participles, conjoined and adverbial clauses) and patients (direct and
  indirect objects, passive subjects, prepositional objects), object
  complements ("designated X a risk") and control chains ("invited X to grow",
  "refused to give access to");
* nominalisations with an agent ("X's letter to Y") and circumstantial event
  nouns ("in talks with Y");
* role edges from titles (:mod:`graphkit.roles`);
* speech: who a reported act is reported by (:mod:`graphkit.speech`).

Labels, categories and polarities come from :mod:`graphkit.labels`. Each verb is
visited once and only its own children are read, so the cost is linear in the
document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from . import roles, speech
from .args import Actors, conjuncts, is_passive, patient_tokens, relative_head, subject_tokens
from .labels import LabelParts, canonical_lemma, circumstantial_nouns, classify, event_nouns, kind_of, noun_phrase, render, verb_classes, words
from .records import Article, Evidence, Relation

NEG_DEPS = ("neg",)
MAX_CHAIN = 4
KEEP_PREP_AFTER_OBJECT = frozenset({"to", "with", "against", "at", "into", "on", "onto", "toward", "towards"})


@dataclass(frozen=True)
class Act:
    """One candidate edge before it becomes a record."""

    source: str
    target: str
    parts: LabelParts
    anchor: Any  # the verb or noun the act was read from
    source_tok: Any
    target_tok: Any


def _lemma(tok: Any) -> str:
    """Canonical verb lemma; lemminflect's lemma wins when only it is in the lexicon ("fined")."""
    lemma = canonical_lemma(tok.lemma_ or tok.text)
    if lemma not in verb_classes() and tok.pos_ in ("VERB", "AUX"):
        from lemminflect import getLemma

        alt = getLemma(tok.lower_, upos="VERB")
        if alt and canonical_lemma(alt[0]) in verb_classes():
            return canonical_lemma(alt[0])
    return lemma


def _negated(tok: Any) -> bool:
    return any(c.dep_ in NEG_DEPS or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children)


def _particle(tok: Any) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ == "prt")


def _is_chain_member(v: Any) -> bool:
    """A controlled clause read together with its head ("refused *to give*", "stop *using*")."""
    if v.dep_ == "xcomp" and v.pos_ in ("VERB", "AUX"):
        return True
    if v.dep_ == "advcl" and v.head.lemma_.lower() in words("object_control_verbs"):
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        return has_to and not any(c.dep_ in ("nsubj", "mark") for c in v.children)
    return False


def _controlled(v: Any) -> list[Any]:
    return [c for c in v.children if c.i > v.i and _is_chain_member(c)]


class _Reader:
    """Reads the acts of one document."""

    def __init__(self, doc: Any, ents: Any):
        self.doc = doc
        self.actors = Actors(ents)

    # -- verbs ----------------------------------------------------------------
    def verb_acts(self, v: Any) -> Iterator[Act]:
        """Acts whose predicate chain starts at verb ``v``."""
        passive = is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN")
        sources = [a for t in subject_tokens(v) for a in self.actors.np_list(t)]
        if not sources:
            return
        yield from self._walk(v, sources, (), (), (), passive, 0)

    def _walk(self, v: Any, sources: list, chain: tuple, ger: tuple, neg: tuple,
              passive: bool, depth: int) -> Iterator[Act]:
        lemma = _lemma(v)
        gerund = bool(chain) and v.tag_ == "VBG" and not any(c.lower_ == "to" for c in v.children)
        chain, ger, neg = chain + (lemma,), ger + (gerund,), neg + (_negated(v),)
        if len(chain) == 1 and lemma in words("control_canonical") and _controlled(v):
            chain = (words_map("control_canonical")[lemma],)
        base = LabelParts(chain, ger, neg, _particle(v))
        controlled = _controlled(v) if depth < MAX_CHAIN else []
        for target, ttok, extra in self._patients(v, passive):
            role = extra.pop("role", "")
            parts = replace(base, **extra)
            if controlled and role in ("dobj", "dative") and not extra.get("prep"):
                x = controlled[0]
                parts = replace(parts, chain=chain + (_lemma(x),), gerunds=ger + (False,),
                                negated=neg + (_negated(x),))
            for src, stok in sources:
                yield Act(src, target, parts, v, stok, ttok)
        has_entity_obj = any(self.actors.np_list(c) for c in v.children if c.dep_ in ("dobj", "dative"))
        for x in controlled:
            if not has_entity_obj:
                yield from self._walk(x, sources, chain, ger, neg, is_passive(x), depth + 1)
        yield from self._circumstantial(v, sources)

    def _patients(self, v: Any, passive: bool) -> Iterator[tuple[str, Any, dict]]:
        """(target, token, label extras) for each actor ``v`` acts on."""
        lemma = _lemma(v)
        if passive:
            for t in patient_tokens(v):
                for k, tok in self.actors.np_list(t):
                    yield k, tok, {}
            return
        objs = [c for c in v.children if c.dep_ == "dobj" and not relative_head(c)]
        if v.dep_ == "relcl" and any(relative_head(c) for c in v.children if c.dep_ == "dobj"):
            objs.append(v.head)
        ent_objs = [o for o in objs if self.actors.of_np(o)]
        plain = [o for o in objs if o not in ent_objs]
        complement = ""
        for c in v.children:
            if c.dep_ in ("oprd",) or (c.dep_ == "dobj" and ent_objs and c in plain and c.i > ent_objs[0].i):
                complement = noun_phrase(c)
            elif c.dep_ == "prep" and c.lower_ == "as" and ent_objs:
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj and not self.actors.of_np(pobj[0]):
                    complement = noun_phrase(pobj[0])
        for o in ent_objs:
            for k, tok in self.actors.np_list(o):
                yield k, tok, {"complement": complement, "role": "dobj"}
        light = lemma in words("light_verbs")
        noun = next((o for o in plain if not complement or noun_phrase(o) != complement), None)
        noun_text = noun_phrase(noun) if noun is not None and (light or noun.lower_ in event_nouns()) else ""
        for c in v.children:
            if c.dep_ == "dative":
                for k, tok in self.actors.np_list(c):
                    yield k, tok, ({"noun": noun_text, "prep": "to"} if noun_text else {"role": "dative"})
        if noun is not None and noun_text:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in words("relational_preps"):
                    yield from self._prep_objects(prep, lemma, {"noun": noun_text, "prep": prep.lower_})
        allowed = words("speech_preps") if lemma in words("speech_verbs") else words("relational_preps")
        for prep in v.children:
            if prep.dep_ != "prep" or prep.lower_ not in allowed:
                continue
            if noun is not None and not noun_text:
                extra = {"prep": prep.lower_} if prep.lower_ in KEEP_PREP_AFTER_OBJECT else {}
            else:
                extra = {"noun": noun_text, "prep": prep.lower_}
            yield from self._prep_objects(prep, lemma, extra)

    def _prep_objects(self, prep: Any, lemma: str, extra: dict) -> Iterator[tuple[str, Any, dict]]:
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            for k, tok in self.actors.np_list(p):
                if self.actors.type(k) == "place" and (prep.lower_ not in words("place_target_preps")
                                                      or lemma in words("movement_verbs")):
                    continue
                yield k, tok, extra

    def _circumstantial(self, v: Any, sources: list) -> Iterator[Act]:
        """"In talks with Y, X …" / "X was in negotiations with Y": the subject relates to Y."""
        for prep in v.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "after", "following", "amid"):
                continue
            for n in prep.children:
                if n.dep_ != "pobj" or n.lower_ not in circumstantial_nouns() or n.lower_ not in event_nouns():
                    continue
                verb, label = event_nouns()[n.lower_]
                for w in n.children:
                    if w.dep_ == "prep" and w.lower_ == "with":
                        for p in w.children:
                            for k, tok in self.actors.np_list(p) if p.dep_ == "pobj" else ():
                                for src, stok in sources:
                                    yield Act(src, k, _fixed(label, verb), n, stok, tok)

    # -- nominalisations ------------------------------------------------------
    def nominal_acts(self, n: Any) -> Iterator[Act]:
        """"X's letter to Y", "the designation of Y by X"."""
        verb, label = event_nouns()[n.lower_]
        sources = []
        for c in n.children:
            if c.dep_ == "poss":
                sources += self.actors.np_list(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                sources += [a for p in c.children if p.dep_ == "pobj" for a in self.actors.np_list(p)]
        if not sources:
            return
        want = label.split()[-1] if label.split()[-1] in words("relational_preps") else ""
        for c in n.children:
            if c.dep_ != "prep" or c.lower_ not in ("of", "to", "against", "with", "on", "into", "for"):
                continue
            if want and c.lower_ != want and not (want == "to" and c.lower_ == "for"):
                continue
            for p in c.children:
                for k, tok in self.actors.np_list(p) if p.dep_ == "pobj" else ():
                    for src, stok in sources:
                        yield Act(src, k, _fixed(label, verb), n, stok, tok)


def words_map(name: str) -> dict[str, str]:
    """A word → word table from ``data/relation_words.json``."""
    from .lexicon import load_json

    return load_json("relation_words.json")[name]


def _fixed(label: str, verb: str) -> LabelParts:
    """LabelParts for a ready-made label from the event-noun table."""
    return LabelParts((canonical_lemma(verb),), ready=label)


def _evidence(tok: Any, article: Article, act: Act | None, reported_by: str) -> Evidence:
    sent = tok.sent
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + lead
    return Evidence(article.id, body, start, start + len(body), reported_by=reported_by,
                    source_text=_mention_text(act.source_tok) if act else "",
                    target_text=_mention_text(act.target_tok) if act else "")


def _mention_text(tok: Any) -> str:
    """The surface words of the mention ``tok`` belongs to (its compound name)."""
    left = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = left[0].i if left else tok.i
    return tok.doc[start: tok.i + 1].text


def _to_relation(act: Act, article: Article, actors: Actors) -> Relation | None:
    if act.source == act.target:
        return None
    label = render(act.parts)
    if not label:
        return None
    category, polarity = classify(act.parts)
    reporter = speech.reported_by(act.anchor, act.source, actors)
    return Relation(act.source, act.target, label, act.parts.chain[-1] if len(act.parts.chain) else "",
                    kind_of(category), category, polarity, _evidence(act.anchor, article, act, reporter))


def extract_relations(doc: Any, ents: Any, *, article: Article) -> Iterator[Relation]:
    """Yield the directed acts, roles and statements between the actors of one parsed article."""
    reader = _Reader(doc, ents)
    seen: set[tuple] = set()
    nominals = event_nouns()
    for tok in doc:
        acts: Iterator[Act] = iter(())
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and not _is_chain_member(tok):
            acts = reader.verb_acts(tok)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in nominals:
            acts = reader.nominal_acts(tok)
        for act in acts:
            rel = _to_relation(act, article, reader.actors)
            if rel is None:
                continue
            key = (rel.source, rel.target, rel.relation, rel.evidence.start)
            if key not in seen:
                seen.add(key)
                yield rel
    for rel in roles.role_relations(doc, reader.actors, article=article, evidence=_evidence):
        key = (rel.source, rel.target, rel.relation, rel.evidence.start)
        if key not in seen:
            seen.add(key)
            yield rel
