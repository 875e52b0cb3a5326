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
* claims about someone ("X claims Y smuggles arms": X → Y, :mod:`graphkit.relations.clause_patterns`) and
  accusations of a reported act's agent ("X said Y attacked Z": X → Y "accused", here);
* role edges from titles (:mod:`graphkit.relations.roles`);
* speech: who a reported act is reported by (:mod:`graphkit.relations.speech`).

Labels, categories and polarities come from :mod:`graphkit.relations.labels`. Each verb is
visited once and only its own children are read, so the cost is linear in the
document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from . import roles, speech
from .arguments import Actors, by_agents, is_passive
from .labels import agent_nouns, classify, event_nouns, kind_of, render, words
from .acts import Act, negated
from .clause_patterns import subjunctive
from .role_forms import national_bodies
from .verb_patterns import Reader, is_chain_member
from ..entities import country_of
from ..records import Article, Evidence, Relation

def _evidence(tok: Any, article: Article, act: Act | None, reported_by: str, actors: Actors | None = None,
              modality: str = "") -> Evidence:
    sent = tok.sent
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + lead
    return Evidence(article.id, body, start, start + len(body), reported_by=reported_by,
                    source_text=actors.mention_text(act.source_tok) if act and actors else "",
                    target_text=actors.mention_text(act.target_tok) if act and actors else "", modality=modality)


def _question(tok: Any) -> bool:
    """Whether ``tok`` is in a question ("Did the government cause any trouble?")."""
    sent = tok.sent
    last = sent[-1] if sent[-1].text.strip() else sent[max(0, len(sent) - 2)]
    return last.text == "?" or (last.is_quote and len(sent) > 1 and sent[-2].text == "?")


def _imperative(tok: Any) -> bool:
    """Whether ``tok`` heads a command ("take a knife and attack them"): base form, no subject, no auxiliary."""
    cur = tok
    for _ in range(4):
        if cur.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cur.children):
            return False
        if cur.dep_ == "xcomp":  # 'told her: "take a knife …"' (a quoted command, not "told her to take")
            return any(t.is_quote or t.text == ":" for t in cur.doc[cur.head.i + 1: cur.i])
        if cur.dep_ != "conj":
            return cur.dep_ in ("ROOT", "ccomp", "parataxis")
        cur = cur.head
    return False


HYPOTHETICAL = frozenset({"could", "might", "may", "would"})
# Modals under which a clause states a possibility, an obligation or a demand, not an act.
UNASSERTED = frozenset({"could", "might", "may", "must", "should", "ought", "can", "ca"})
ALTERNATIVE = frozenset({"rather", "instead"})


def _unasserted(tok: Any) -> bool:
    """Whether ``tok`` is under a modal of possibility or obligation ("X could sue Y", "Y must repay Z") or an
    alternative set aside ("… rather than sue Y", "instead of suing Y")."""
    cur = tok
    for _ in range(4):
        kids = list(cur.children)
        if any(c.dep_ == "aux" and c.lower_ in UNASSERTED for c in kids) or subjunctive(cur):
            return True  # "recommended that the troops withdraw": a demand, not an act
        if any(c.lower_ == "than" and any(g.lower_ == "rather" for g in cur.doc[max(0, c.i - 1): c.i]) for c in kids) \
                or (cur.dep_ == "pcomp" and cur.head.lower_ == "of" and cur.i >= 2 and cur.doc[cur.head.i - 1].lower_ == "instead"):
            return True
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
        if cur.dep_ not in ("xcomp", "conj") or cur.head == cur or (cur.dep_ == "conj" and own_subject):
            return False  # "… should be opened, and his critics blame him": the second clause is asserted
        cur = cur.head
    return False


def _if_clause(v: Any) -> bool:
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children)


def _conditional(tok: Any) -> bool:
    """Whether ``tok`` is in an "if"/"unless" clause ("… if Pakistan defeated India") or in the clause it
    conditions, with a modal ("If X were removed, the Senate could disqualify him")."""
    cur = tok
    for _ in range(6):
        if _if_clause(cur):
            return True
        if any(_if_clause(c) for c in cur.children) and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL
                                                                 for c in cur.children):
            return True  # "… could disqualify him"; "if …, I will raise it" is a stated intent
        if cur.dep_ not in ("conj", "xcomp", "pcomp", "prep") or cur.head == cur:
            return False
        cur = cur.head
    return False


def _accuser(tok: Any, source: str, actors: Any) -> str:
    """Who alleges the act at ``tok`` ("Prosecutors accused X of trying to extort Y", "X was arrested
    by police for attacking Y"): the act is theirs to report, like a reported speech act."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("pcomp", "pobj") and cur.head.lower_ in ("of", "for", "with", "over"):
            verb = cur.head.head
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in words("alleging_verbs"):
                return ""
            heads = by_agents(verb) if is_passive(verb) else [c for c in verb.children if c.dep_ == "nsubj"]
            keys = [k for h in heads for k, _t in actors.np_list(h) if k != source]
            return keys[0] if keys else ""
        if cur.dep_ not in ("xcomp", "conj") or cur.head == cur:
            return ""
        cur = cur.head
    return ""


def _cleared(tok: Any) -> bool:
    """Whether the act at ``tok`` is one its agent was cleared of ("X was acquitted of defrauding Y", "found not
    guilty of the murder of Y", "pleaded not guilty to attacking Y")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("pcomp", "pobj", "prep", "xcomp", "conj") or cur.head == cur:
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in words("clearing_verbs"):
            return True
        if cur.lower_ == "guilty" and (negated(cur) or any(c.lower_ == "not" for c in cur.children)):
            return True
        if cur.pos_ in ("VERB", "AUX") and any(c.lower_ == "guilty" for c in cur.children):
            return negated(cur) or any(g.lower_ == "not" for c in cur.children if c.lower_ == "guilty" for g in c.children)
    return False


def _open_question(tok: Any) -> bool:
    """Whether ``tok`` heads an embedded question ("did not disclose *whether* it received …")."""
    cur = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in cur.children) and cur.dep_ in ("ccomp", "advcl"):
            return cur.dep_ == "ccomp" or any(c.lower_ == "whether" for c in cur.children)
        if cur.dep_ not in ("conj", "xcomp") or cur.head == cur:
            return False
        cur = cur.head
    return False


def _to_relation(act: Act, article: Article, actors: Actors) -> Relation | None:
    if act.source == act.target:
        return None
    label = render(act.parts)
    if not label:
        return None
    if speech.denied(act.anchor) or _question(act.anchor) or _open_question(act.anchor) \
            or _conditional(act.anchor) or _imperative(act.anchor) or _unasserted(act.anchor) or _cleared(act.anchor):
        return None  # "X denied that Y bribed Z", "Did Y bribe Z?" assert nothing about Y and Z
    category, polarity = classify(act.parts)
    accuser = _accuser(act.anchor, act.source, actors)
    reporter = speech.reported_by(act.anchor, act.source, actors) or accuser
    modality = speech.modality(act.anchor, accuser) if kind_of(category) != "statement" else ""
    return Relation(act.source, act.target, label, act.parts.chain[-1] if len(act.parts.chain) else "",
                    kind_of(category), category, polarity, _evidence(act.anchor, article, act, reporter, actors, modality))


def _states(label: str) -> set[str]:
    """The countries a body's name names ("Federal Aviation Office of Germany", "German government")."""
    words = label.split()
    return {c.name for n in (1, 2, 3) for i in range(len(words) - n + 1)
            for c in [country_of(" ".join(words[i:i + n]))] if c is not None}


def _same_state(a: str, b: str, actors: Actors) -> bool:
    """Whether two government actors are bodies of one state (a state reporting its own body's act)."""
    ents = actors.ents.entities
    if a not in ents or b not in ents or actors.type(a) != "government" or actors.type(b) != "government":
        return False
    return bool(_states(ents[a].label) & _states(ents[b].label))


def _accusation(rel: Relation, act: Act, actors: Actors) -> Relation | None:
    """"X claimed that Y attacked Z": besides Y → Z, the statement edge X → Y "accused"; "X alleged that Y
    sent Z" (an act that is not hostile, under a verb of contested assertion): X → Y "made claims about"."""
    ev = rel.evidence
    if not ev.reported_by or ev.reported_by in (rel.source, rel.target) or rel.category == "cooperation" \
            or any(act.parts.negated):
        return None  # "X said there was no negotiation with Z" is no hostile act of Y's to accuse
    verb = speech.reporter_of(act.anchor)
    if verb is not None and negated(verb):
        return None  # "X did not claim that Y attacked Z" accuses no one
    lemma = verb.lemma_.lower() if verb is not None else ""
    hostile = rel.category == "conflict" and lemma in speech.ACCUSING_VERBS
    if hostile and _same_state(ev.reported_by, rel.source, actors):
        return None  # "German officials said the Federal Aviation Office of Germany suspended X's permit": a report
    if not hostile and lemma not in words("claiming_verbs"):
        return None
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in act.anchor.children):
        return None  # "X wrote that a country could demand …" weighs a possibility, accuses no one
    label, pred, cat, pol = ("accused", "accuse", "conflict", -1) if hostile else ("made claims about", "claim", "statement", 0)
    return Relation(ev.reported_by, rel.source, label, pred, "statement", cat, pol,
                    replace(ev, reported_by="", source_text="", target_text=act.source_tok.text))


def extract_relations(doc: Any, ents: Any, *, article: Article) -> Iterator[Relation]:
    """Yield the directed acts, roles and statements between the actors of one parsed article."""
    reader = Reader(doc, ents)
    seen: set[tuple] = set()
    nominals = event_nouns()
    intentions = words("intention_nouns")
    acts_found: list[Relation] = []
    agents, protests, backing = agent_nouns(), words("protest_nouns"), words("compound_participles")
    suspects = words("suspect_nouns")
    for tok in doc:
        acts: Iterator[Act] = iter(())
        low, pos = tok.lower_, tok.pos_
        if pos in ("PUNCT", "DET", "ADP", "CCONJ", "PART", "NUM", "SPACE", "SYM"):
            continue
        if low in agents or low[:-1] in agents:
            acts = reader.agent_noun_acts(tok)
        elif pos == "NOUN" and low in suspects:
            acts = reader.suspect_acts(tok)
        elif pos == "NOUN" and low in protests:
            acts = reader.protest_acts(tok)
        elif pos in ("VERB", "AUX") and tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.lemma_.lower() in backing:
            acts = reader.backed_acts(tok)
        elif pos in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and not is_chain_member(tok):
            acts = reader.verb_acts(tok)
        elif pos in ("NOUN", "PROPN") and low in nominals:
            acts = reader.nominal_acts(tok)
        elif pos == "NOUN" and low in intentions:
            acts = reader.intention_acts(tok)
        for act in acts:
            rel = _to_relation(act, article, reader.actors)
            if rel is None:
                continue
            reader.remember(act, rel.kind)
            for r in (rel, _accusation(rel, act, reader.actors)):
                key = r and (r.source, r.target, r.relation, r.evidence.start)
                if r is not None and key not in seen:
                    seen.add(key)
                    acts_found.append(r)
    role_rels = []
    for rel in roles.role_relations(doc, reader.actors, article=article, evidence=_evidence):
        key = (rel.source, rel.target, rel.relation, rel.evidence.start)
        if key not in seen:
            seen.add(key)
            role_rels.append(rel)
    # "Zentrix coach Jane Roe said": a title the parser read as a verb ("Zentrix coached Jane Roe") is the role
    titles = {(r.target, r.source, r.evidence.start, r.predicate) for r in role_rels}
    kept = [r for r in acts_found if (r.source, r.target, r.evidence.start, r.predicate) not in titles] + role_rels
    yield from kept
    yield from national_bodies(doc, reader.actors, article, _evidence, {k for r in kept for k in (r.source, r.target)})
