"""Coreference: unnamed collective actors, pronouns and definite descriptions.

* Collective actors (``collective_actors.json``): "the government", "federal
  government", "Trump administration" -> the government of the country named in the
  modifier, else of the article's main country; "Northamptonshire police",
  "police" -> "<place> police" (or the main country's, or the police force already
  named in the article); "protesters", "journalists", "the opposition" likewise.
  Without any country in the article an unqualified group stays unresolved, so
  unrelated articles never share a bare "police" node.
* Pronouns (``pronouns.json``): the antecedent is the best compatible mention in
  the current and two previous sentences: he/she -> a person (gender from
  honorifics and earlier pronouns), it/its -> an organisation, government body or
  acting country, they/their -> a plural group, organisation or government.
  Subjects are preferred, nearer sentences more so; a non-possessive object
  pronoun never takes the subject of its own verb; pleonastic "it" is skipped.
* Definite descriptions (``descriptions.json``): "the company", "the AI developer",
  "the ministry", "the mayor", "the party" -> the most recent actor of a fitting
  type (and title or name word) within eight sentences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from .entity_tables import body_of, country_of, tables
from .lexicon import load_json
from .records import Entity, Mention
from .typing_rules import given_names

SUBJ = {"nsubj", "nsubjpass"}
SPEECH = {"say", "tell", "write", "add", "state", "announce", "claim", "argue", "note", "explain", "ask", "reply",
          "respond", "insist", "warn", "comment", "continue", "conclude", "declare", "tweet", "post"}
NEW_REFERENT = {"opposing", "rival", "other", "another", "second", "new", "different", "competing", "former",
                "previous", "next", "same"}
GROUP_MEMBERS = {"officer", "party", "force", "member", "official", "unit", "politician", "leader"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}


@dataclass
class _Info:
    type: str
    titles: set
    words: set
    gender: str = ""
    country: bool = False
    plural: bool = False


def _slug(name: str) -> str:
    from .entities import slug
    return slug(name)


def _add_entity(out: Any, key: str, label: str, typ: str, surface: str) -> None:
    """Create the entity or add a mention to it; a government phrase makes a country node act."""
    ent = out.entities.get(key)
    if ent is None:
        out.entities[key] = Entity(key, label, typ, tuple(sorted({label, surface})), 1)
    else:
        new_type = "government" if typ == "government" and ent.type == "place" else ent.type
        out.entities[key] = replace(ent, aliases=tuple(sorted(set(ent.aliases) | {surface})),
                                    mentions=ent.mentions + 1, type=new_type)


def _qualifier(tok: Any, out: Any) -> tuple[str, Any]:
    """('country', Country) | ('place', label) | ('other', key) | ('', None) for a group head's modifier."""
    kids = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i]
    kids += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"]
    for c in kids:
        key = out.entity_at(c.i)
        if key:
            c_country = country_of(out.entities[key].label)
            if c_country:
                return "country", c_country
            ent = out.entities[key]
            if ent.type in ("place", "government") and ent.type != "person":
                return "place", ent.label
            return "other", key
        country = country_of(c.text)
        if country:
            return "country", country
    return "", None


def _group_head(tok: Any) -> tuple[str, dict] | None:
    """The collective group a noun heads ("police", "protesters", "opposition parties")."""
    groups = tables().groups
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.dep_ in ("compound", "amod"):
        head = tok.head.lemma_.lower()
        if head not in GROUP_MEMBERS and head not in tables().titles:
            return None
        return groups.get(f"{tok.lemma_.lower()} {tok.head.lemma_}") or groups.get(tok.lemma_.lower())
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            two = groups.get(f"{c.lower_} {tok.lemma_.lower()}") or groups.get(f"{c.lower_} {tok.lower_}")
            if two:
                return two
    hit = groups.get(tok.lemma_.lower()) or groups.get(tok.lower_)
    if hit and hit[1].get("plural_only") and tok.tag_ not in ("NNS", "NNPS"):
        return None
    return hit


def main_place(doc: Any, out: Any) -> str:
    """The city or region an article names most (at least twice), by its entity label; '' if none."""
    counts: dict[str, int] = {}
    for m in out.mentions:
        ent = out.entities.get(m.entity)
        if ent is not None and m.kind == "name" and ent.type in ("place", "government") \
                and not country_of(ent.label) and not body_of(ent.label):
            counts[ent.label] = counts.get(ent.label, 0) + 1
    best = max(sorted(counts), key=lambda k: counts[k], default="")
    return best if best and counts[best] >= 2 and doc is not None else ""


def _several_owners(tok: Any) -> bool:
    """"the navies of China, India and Russia": a group owned by several actors is not one node."""
    owners = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(x.dep_ == "conj" for g in owners for x in g.children)


def _collectives(doc: Any, out: Any, main: Any, info: dict) -> None:
    latest: dict[str, str] = {}
    place = main_place(doc, out)
    for tok in doc:
        if tok.i in out.token_entity:
            continue
        hit = _group_head(tok)
        if not hit:
            continue
        gid, spec = hit
        if _several_owners(tok):
            continue
        kind, q = _qualifier(tok, out)
        if not kind and any(c.lower_ in tables().unscoped for c in tok.children):
            continue
        if spec["scope"] == "government":
            country = q if kind == "country" else main
            if country is None:
                continue
            label, typ = country.government, "government"
        else:
            if kind == "country":
                label = f"{q.demonym} {gid}"
            elif kind == "place":
                label = f"{q} {gid}"
            elif gid in latest:
                label = latest[gid]
            elif place and spec.get("local"):
                label = f"{place} {gid}"
            elif main is not None and spec.get("domestic"):
                label = f"{main.demonym} {gid}"
            else:
                continue
            typ = spec["type"]
        body = body_of(label, main.name if main else "")
        label = body.name if body else label
        latest[gid] = label
        key = _slug(label)
        surface = " ".join(doc[tok.left_edge.i if tok.left_edge.i >= tok.i - 3 else tok.i:tok.i + 1].text.split())
        surface = surface[4:] if surface.lower().startswith("the ") else surface
        _add_entity(out, key, label, typ, surface)
        out.token_entity[tok.i] = key
        heads = [tok] + ([tok.head] if tok.dep_ in ("compound", "amod") and tok.head.lemma_ in GROUP_MEMBERS else [])
        for h in heads:
            out.token_entity[h.i] = key
        out.mentions.append(Mention(key, tok.idx, tok.idx + len(tok.text), tok.text, "nominal"))
        info.setdefault(key, _Info(typ, set(), set(label.lower().split()), plural=tok.tag_ == "NNS"
                                   or spec.get("plural_only", False)))


def _representatives(doc: Any, out: Any) -> None:
    """'a White House spokesperson', 'UK officials', 'members of the X party' speak or act for X."""
    reps = tables().representatives
    for tok in doc:
        if tok.i in out.token_entity or tok.lower_ not in reps or tok.pos_ != "NOUN":
            continue
        if any(c.dep_ in ("appos", "compound") and out.entity_at(c.i) and c.i > tok.i for c in tok.children) or \
                (tok.i + 1 < len(doc) and out.entity_at(tok.i + 1) and doc[tok.i + 1].pos_ == "PROPN"):
            continue  # "spokesperson Jane Doe": a named person, a role edge for the relation side
        owner = None
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i and out.entity_at(c.i):
                owner = out.entity_at(c.i)
            elif c.dep_ == "prep" and c.lower_ in ("for", "of", "from"):
                objs = [g for g in c.children if g.dep_ == "pobj" and out.entity_at(g.i)]
                owner = out.entity_at(objs[0].i) if objs else owner
        if owner and out.entities[owner].type != "person":
            out.token_entity[tok.i] = owner
            out.mentions.append(Mention(owner, tok.idx, tok.idx + len(tok.text), tok.text, "nominal"))


def _pleonastic(tok: Any) -> bool:
    """Expletive "it": "it is important to ...", "it seems that ...", "it would have been costly to ..."."""
    if tok.lower_ != "it":
        return False
    head = tok.head
    if tok.dep_ == "expl" or head.lemma_ in ("rain", "snow"):
        return True
    if head.lemma_ not in ("be", "seem", "appear", "take", "remain", "become"):
        return False
    preds = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")]
    clauses = [c for t in [head, *preds] for c in t.children if c.dep_ in ("ccomp", "xcomp", "csubj", "advcl")]
    return bool(clauses)


def _cataphor(tok: Any, out: Any, ok: Any) -> str | None:
    """"To modernize its army, Hungary ...": a possessive in a fronted clause names the coming subject."""
    if tok.dep_ != "poss":
        return None
    root = tok.sent.root
    if tok.i >= root.i:
        return None
    for c in root.children:
        if c.dep_ in SUBJ and c.i > tok.i and not (c.left_edge.i <= tok.i <= c.right_edge.i):
            key = out.token_entity.get(c.i)
            return key if key and ok(key) else None
    return None


def _compatible(p: dict, inf: _Info) -> bool:
    if p["number"] == "sg" and p["animate"]:
        return inf.type == "person" and (not inf.gender or inf.gender == p.get("gender"))
    if p["number"] == "sg":
        return inf.type in ("organization", "government") and not inf.plural
    return inf.plural or (inf.type in ("organization", "government") and not inf.country)


def _pick(history: list, tok: Any, sent_no: int, ok: Any, window: int, *, prefer_subj: bool = True,
          exclude: frozenset = frozenset(), counts: dict | None = None, block: Any = None) -> str | None:
    """Best antecedent key in ``history`` for the reference ``tok`` (None if nothing fits)."""
    best, best_score = None, None
    possessive = tok.dep_ == "poss"
    if tok.dep_ in ("dobj", "pobj", "dative") and not tok.lower_.endswith(("self", "selves")):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        own = {k for h_i, k, _s, h_dep, h_head in history[-12:] if h_head == verb.i and h_dep in SUBJ}
        exclude = exclude | own
    for h_i, key, h_sent, h_dep, h_head in reversed(history):
        if sent_no - h_sent > window:
            break
        if key in exclude or not ok(key):
            continue
        subj_bonus = 1.5 if prefer_subj and h_dep in SUBJ and not (possessive and h_sent == sent_no) else 0.0
        salience = math.log2(1 + counts.get(key, 0)) if counts else 0.0
        score = -(0.5 if counts else 2.0) * (sent_no - h_sent) + subj_bonus + salience - 0.001 * (tok.i - h_i)
        if best_score is None or score > best_score:
            best, best_score, best_i = key, score, h_i
    if best is not None and block is not None and _blocked(tok, best_i, block):
        return None
    return best


def _blocked(tok: Any, ant_i: int, block: tuple) -> bool:
    """An unnamed noun of the pronoun's number between it and its antecedent is the likelier antecedent."""
    out, plural = block
    tags = ("NNS",) if plural else ("NN",)
    for t in tok.doc[max(tok.sent.start, ant_i + 1):tok.i]:
        if t.tag_ in tags and t.dep_ not in ("compound", "amod", "npadvmod", "attr") and t.i not in out.token_entity \
                and t.lemma_.lower() not in ("time", "year", "week", "day", "month", "way"):
            return True
    return False


def _quotes(doc: Any) -> list[int]:
    """Quote number of every token (0 outside quotes; 1, 2, ... inside the n-th quote)."""
    marks, out, q, n = {'"', "\u201c", "\u201d", "``", "''"}, [], 0, 0
    for tok in doc:
        if tok.text in marks:
            if q:
                q = 0
            else:
                n += 1
                q = n
            out.append(0)
            continue
        out.append(q)
    return out


def _speakers(doc: Any, out: Any, quote_of: list[int]) -> dict[int, frozenset]:
    """For each quote, the actors that speak it (subjects of speech verbs in its sentences)."""
    sents: dict[int, set] = {}
    for tok in doc:
        if quote_of[tok.i]:
            sents.setdefault(quote_of[tok.i], set()).add(tok.sent.start)
    result = {}
    for q, starts in sents.items():
        keys = set()
        for st in starts:
            for t in doc[st].sent:
                key = out.token_entity.get(t.i)  # may be None: "Dunn's mother, X, said"
                if not quote_of[t.i] and t.dep_ in SUBJ and t.head.lemma_ in SPEECH:
                    keys.update(k for k in [key] + [out.token_entity.get(c.i) for c in t.children
                                                    if c.dep_ in ("appos", "conj")] if k)
        result[q] = frozenset(keys) or result.get(q - 1, frozenset())  # a quote that goes on
    return result


def _description(tok: Any, out: Any) -> dict | None:
    heads = tables().descriptions
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) or tok.dep_ == "compound":
        return None
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    if len(mods) > 2 or any(c.lower_ in NEW_REFERENT for c in mods):
        return None
    if tok.i + 1 < len(doc_of(tok)) and out.entity_at(tok.i + 1):
        return None
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is not None and f"{prev.lower_} {tok.lower_}" in heads:
        return heads[f"{prev.lower_} {tok.lower_}"]
    return heads.get(tok.lemma_.lower()) or heads.get(tok.lower_)


def doc_of(tok: Any) -> Any:
    return tok.doc


def _fits(spec: dict, inf: _Info) -> bool:
    if inf.type not in spec["types"]:
        return False
    if spec.get("title") and spec["title"] not in inf.titles:
        return False
    if spec.get("name_word") and spec["name_word"] not in inf.words:
        return False
    if spec.get("country") and not inf.country:
        return False
    return True


def resolve_references(doc: Any, out: Any, *, clusters: dict, main_country: str = "") -> None:
    """Map collective nouns, pronouns and definite descriptions in ``doc`` onto ``out``'s entities."""
    info: dict[str, _Info] = {}
    title_gender = tables().titles
    first_names = given_names()
    for key, c in clusters.items():
        titles = {t for n in c.names for t in n.titles}
        genders = {title_gender.get(t, "") for t in titles} - {""}
        first = c.canonical.split()[0].lower() if " " in c.canonical else ""
        if not genders and first in first_names:
            genders = {first_names[first]}
        info[key] = _Info(out.entities[key].type, titles, set(c.canonical.lower().split()),
                          gender=genders.pop() if len(genders) == 1 else "", country=c.kind == "country")
    _collectives(doc, out, country_of(main_country) if main_country else None, info)
    _representatives(doc, out)
    pronouns = load_json("pronouns.json")
    sent_starts = {s.start: k for k, s in enumerate(doc.sents)}
    quote_of = _quotes(doc)
    speakers = _speakers(doc, out, quote_of)
    history: list = []
    counts: dict[str, int] = {}
    sent_no = -1
    for tok in doc:
        if tok.i in sent_starts:
            sent_no = sent_starts[tok.i]
        key = out.token_entity.get(tok.i)
        if key:
            root = tok if tok.head.i == tok.i or out.token_entity.get(tok.head.i) != key else None
            if root is not None and tok.dep_ not in MODIFIER_DEPS:
                history.append((tok.i, key, sent_no, tok.dep_, tok.head.i))
                counts[key] = counts.get(key, 0) + 1
            continue
        quote = quote_of[tok.i]
        exclude = speakers.get(quote, frozenset()) if quote else frozenset()
        p = pronouns.get(tok.lower_)
        if p and tok.pos_ == "PRON":
            if _pleonastic(tok) or (quote and not p["animate"] and tok.dep_ != "poss"):
                continue
            plural = p["number"] == "pl"
            block = (out, plural) if not p["animate"] and (plural or tok.dep_ != "poss") else None
            fits = (lambda k, p=p: k in info and _compatible(p, info[k]))
            ant = _cataphor(tok, out, fits) or _pick(history, tok, sent_no, fits, 1 if plural else 2,
                                                     exclude=exclude, block=block)
            kind = "pronoun"
        else:
            spec = _description(tok, out) if tok.pos_ == "NOUN" else None
            if not spec:
                continue
            ant = _pick(history, tok, sent_no, lambda k: k in info and _fits(spec, info[k]), 8,
                        prefer_subj=False, exclude=exclude, counts=counts)
            kind = "nominal"
        if ant is None:
            continue
        if kind == "pronoun" and p.get("gender") and info[ant].type == "person" and not info[ant].gender:
            info[ant].gender = p["gender"]
        out.token_entity[tok.i] = ant
        out.mentions.append(Mention(ant, tok.idx, tok.idx + len(tok.text), tok.text, kind))
        history.append((tok.i, ant, sent_no, tok.dep_, tok.head.i))
        counts[ant] = counts.get(ant, 0) + 1
