"""Coreference: pronouns and definite descriptions, after the collective actors (``groups``).

* Pronouns (``pronouns.json``): the antecedent is the best compatible mention in
  the current and two previous sentences (one for they/their): he/she -> a person
  (gender from honorifics, given names and earlier pronouns), it/its -> an
  organisation, government body or acting country, they/their -> a plural group,
  organisation or government. Subjects are preferred, nearer sentences more so; a
  non-reflexive object pronoun never takes the subject of its own verb; pleonastic
  "it" is skipped; an unnamed noun of the same number between pronoun and candidate
  blocks "it"/"they"; inside a quote the speaker is never the antecedent of "he"/"she",
  "it" is left alone, and "I"/"my" ("we"/"our" for an organisation) are the one speaker;
  a possessive in a fronted clause names the coming subject (quotes: ``quotes.py``). A known
  gender outweighs the subject preference; a far "he"/"she" is the article's one main figure
  of that gender; "they" may be actors named together (``plurals.py``).
* Definite descriptions (``descriptions.json``): "the company", "the AI developer",
  "the ministry", "the mayor", "the party" -> the best actor of a fitting type (and
  title or name word) within eight sentences, weighted by how often it was named;
  "the two men", "both companies" -> the actors named together.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from .gazetteer import country_of, given_names, tables
from .collectives import Info, resolve_groups, resolve_representatives
from .plurals import group_first, note_group, own_subject, plural_description, recent_group
from .quotes import first_person, late_first_person, quote_numbers, quote_sentences, speakers
from ..data import load_json
from ..records import Mention

SUBJ = {"nsubj", "nsubjpass"}
NEW_REFERENT = {"opposing", "rival", "other", "another", "second", "new", "different", "competing", "former",
                "previous", "next", "same"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}


def _named_head(tok: Any, key: str, out: Any, info: dict) -> bool:
    """A name before the common noun that says what it is ("the Unison union", "the Tata group"): the phrase
    is a mention of that organisation."""
    head = tok.head
    return tok.dep_ == "compound" and head.i == tok.i + 1 and head.pos_ == "NOUN" and head.i not in out.token_entity \
        and key in info and info[key].type in ("organization", "government") \
        and tables().cue_before.get(head.lemma_.lower()) == "organization"


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


def _reflexive(tok: Any, out: Any, info: dict, p: dict) -> str | None:
    """"Carroll introduced himself": a reflexive object is the subject of its own verb (a person for
    "himself"/"herself", whatever gender was guessed for it), else no one."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subj = next((c for c in verb.children if c.dep_ in SUBJ), None) if verb is not None else None
    key = out.token_entity.get(subj.i) if subj is not None else None
    if not key or key not in info:
        return None
    person = info[key].type == "person"
    return key if (person if p["animate"] else not person) or p["number"] == "pl" else None


def _compatible(p: dict, inf: Info) -> bool:
    if p["number"] == "sg" and p["animate"]:
        return inf.type == "person" and (not inf.gender or inf.gender == p.get("gender"))
    if p["number"] == "sg":
        return inf.type in ("organization", "government") and not inf.plural
    return inf.plural or (inf.type in ("organization", "government") and not inf.country)


def _pick(history: list, tok: Any, sent_no: int, ok: Any, window: int, *, prefer_subj: bool = True,
          exclude: frozenset = frozenset(), counts: dict | None = None, block: Any = None,
          prefer: Any = None) -> str | None:
    """Best antecedent key in ``history`` for the reference ``tok`` (None if nothing fits)."""
    best, best_score = None, None
    possessive = tok.dep_ == "poss"
    governing = _governing_verb(tok) if prefer_subj else None
    if tok.dep_ in ("dobj", "pobj", "dative") and not tok.lower_.endswith(("self", "selves")):
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok.head)
        own = {k for h_i, k, _s, h_dep, h_head in history[-12:] if h_head == verb.i and h_dep in SUBJ}
        exclude = exclude | own
    for h_i, key, h_sent, h_dep, h_head in reversed(history):
        if sent_no - h_sent > window:
            break
        if key in exclude or not ok(key):
            continue
        subj_bonus = 1.5 if prefer_subj and h_dep in SUBJ and not (possessive and h_sent == sent_no) else 0.0
        if governing is not None and h_head == governing:
            subj_bonus += 2.0  # "… took Y to hospital after he was shot": an argument of the clause it depends on
        salience = math.log2(1 + counts.get(key, 0)) if counts else 0.0
        salience += prefer(key) if prefer else 0.0
        score = -(0.5 if counts else 2.0) * (sent_no - h_sent) + subj_bonus + salience - 0.001 * (tok.i - h_i)
        if best_score is None or score > best_score:
            best, best_score, best_i = key, score, h_i
    if best is not None and block is not None and _blocked(tok, best_i, block):
        return None
    return best


def _protagonist(tok: Any, gender: str, info: dict, state: dict, exclude: frozenset) -> str | None:
    """"He"/"she" with no person of its gender in the window: the article's one main figure of that gender
    (known to be of that gender, named in the first four sentences (with the headline) and at least three times, at least twice
    as often as any other person who may be of that gender); never past an unnamed person noun in the
    pronoun's sentence ("the emperor, when he …")."""
    if any(t.lower_ in tables().titles and t.i not in state["out"].token_entity and t.pos_ == "NOUN"
           for t in tok.doc[tok.sent.start:tok.i]):
        return None
    counts, history = state["counts"], state["history"]
    ranked = sorted((n, k) for k, n in counts.items() if k in info and k not in exclude
                    and info[k].type == "person" and info[k].gender in (gender, "") and not info[k].plural)
    if not ranked or ranked[-1][0] < 3 or (len(ranked) > 1 and ranked[-2][0] * 2 > ranked[-1][0]):
        return None
    key = ranked[-1][1]
    first = next((h_sent for _i, k, h_sent, *_rest in history if k == key), 99)
    return key if info[key].gender == gender and first <= 3 else None


def _governing_verb(tok: Any) -> int | None:
    """For the subject of an adverbial clause ("after he was shot", "when she left"), the index of the verb
    that clause depends on: its arguments are the pronoun's likeliest antecedents."""
    verb = tok.head
    if tok.dep_ not in SUBJ or verb.dep_ != "advcl" or verb.head == verb:
        return None
    return verb.head.i


def _blocked(tok: Any, ant_i: int, block: tuple) -> bool:
    """An unnamed noun of the pronoun's number between it and its antecedent is the likelier antecedent."""
    out, plural = block
    tags = ("NNS",) if plural else ("NN",)
    # an object "it" looks back into the sentence before ("X signed a deal. Regulators approved it.")
    start = ant_i + 1 if tok.dep_ in ("dobj", "pobj") and not plural else max(tok.sent.start, ant_i + 1)
    for t in tok.doc[start:tok.i]:
        if t.tag_ in tags and t.dep_ not in ("compound", "amod", "npadvmod", "attr") and t.i not in out.token_entity \
                and t.lemma_.lower() not in ("time", "year", "week", "day", "month", "way"):
            return True
    return False


def _description(tok: Any, out: Any) -> dict | None:
    heads = tables().descriptions
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                          for c in tok.children):
        return None  # "the companies" are not one actor; "this airline" is "the airline"
    if any(c.dep_ == "appos" and out.entity_at(c.i) for c in tok.children) or \
            (tok.dep_ == "appos" and out.entity_at(tok.head.i)):
        return None  # "the watchdog, the Financial Conduct Authority, …": the apposition names it
    if any(c.dep_ == "prep" and c.lower_ == "of" and not _charge(c) for c in tok.children) or tok.dep_ == "compound":
        return None  # "the president of Ruritania" is another one; "accused the firm of hiding …" is not
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    if len(mods) > 2 or any(c.lower_ in NEW_REFERENT for c in mods):
        return None
    if tok.i + 1 < len(tok.doc) and out.entity_at(tok.i + 1):
        return None
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is not None and f"{prev.lower_} {tok.lower_}" in heads:
        return heads[f"{prev.lower_} {tok.lower_}"]
    return heads.get(tok.lemma_.lower()) or heads.get(tok.lower_)


def _charge(of: Any) -> bool:
    """Whether an "of" phrase after a description is what it is accused of ("of hiding defects", "of fraud"
    after "accused the company"), not a complement of the noun."""
    return any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in of.children) or \
        (of.head.dep_ == "dobj" and of.head.head.lemma_ in _alleging_verbs())


def _described(doc: Any, out: Any, info: dict) -> None:
    """Note the common nouns each actor is described with: "supermarket chain X", "X, an investment group",
    "the lender X", "X is a bank" (so that "the retailer" or "the bank" finds the actor described so)."""
    for i, key in out.token_entity.items():
        tok, inf = doc[i], info.get(key)
        if inf is None or out.token_entity.get(tok.head.i) == key and tok.head.i != i:
            continue  # only the head token of a mention
        nouns = [c for c in tok.children if c.dep_ in ("compound", "nmod", "appos") and c.pos_ == "NOUN"
                 and c.i not in out.token_entity]
        nouns += [g for c in nouns for g in c.children if c.dep_ == "compound" and g.dep_ == "compound"
                  and g.pos_ in ("NOUN", "PROPN") and g.i not in out.token_entity]
        if tok.dep_ in ("appos", "compound") and tok.head.pos_ == "NOUN" and tok.head.i not in out.token_entity:
            nouns.append(tok.head)  # "the investment group Brightwater"
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            nouns += [c for c in tok.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        inf.described.update(n.lemma_.lower() for n in nouns)


def _head_class(head: str) -> frozenset:
    """The nouns a description head stands for ("lender" → bank, lender); empty for generic heads."""
    for group in tables().description_classes:
        if head in group:
            return group
    return frozenset({head})


def _evidence_filter(spec: dict, head: str, candidates: list, info: dict) -> Any:
    """Narrow a description's candidates to the actors described by its head (or a synonym), when any is;
    a head that is generic ("the company") or has no such actor in view keeps every candidate."""
    if head in tables().generic_descriptions:  # "the group" after "the Ravel Group": the name's own word
        named = {k for k in candidates if head in info[k].words}
        return named or None
    words = _head_class(head)
    hits = {k for k in candidates if words & (info[k].described | info[k].words)}
    return hits or None


def _fits(spec: dict, inf: Info, head: str = "") -> bool:
    if inf.type not in spec["types"] or (inf.group and head in _firm_heads()):
        return False  # "the company" is never the unnamed "reporters" or "protesters"
    if spec.get("title") and spec["title"] not in inf.titles and spec["title"] not in inf.described:
        return False  # "the mayor" after "Jane Roe, the mayor of Lyon," too
    if spec.get("name_word") and spec["name_word"] not in inf.words:
        return bool(spec.get("or_body")) and inf.type == "government" and not (inf.country or inf.group)
    if spec.get("country") and not inf.country:
        return False
    if inf.group and inf.plural:
        return False  # a singular description ("the company") never names a group of people ("the workers")
    if spec.get("city") and (inf.country or inf.group):
        return False  # "the capital city" is a named city, never a country or "the police"
    return True


def _actor_info(out: Any, clusters: dict) -> dict[str, Info]:
    """Type, titles, name words and gender (from honorifics or a given name) of every named actor."""
    info: dict[str, Info] = {}
    title_gender, first_names = tables().titles, given_names()
    for key, c in clusters.items():
        titles = {t for n in c.names for t in n.titles}
        genders = {title_gender.get(t, "") for t in titles} - {""}
        first = c.canonical.split()[0].lower() if " " in c.canonical else ""
        if not genders and first in first_names:
            genders = {first_names[first]}
        info[key] = Info(out.entities[key].type, titles, set(c.canonical.lower().split()),
                         gender=genders.pop() if len(genders) == 1 else "", country=c.kind == "country")
    return info


def _antecedent(tok: Any, out: Any, info: dict, state: dict) -> tuple[str | None, str, dict]:
    """(antecedent key, mention kind, pronoun features) for one unmapped token."""
    quote = state["quote_of"][tok.i]
    speaker = first_person(tok, out, info, state) if quote else None
    if speaker:
        return speaker, "pronoun", {}
    exclude = state["speakers"].get(quote, frozenset()) if quote else frozenset()
    history, sent_no = state["history"], state["sent_no"]
    p = state["pronouns"].get(tok.lower_)
    if p and tok.pos_ == "PRON":
        if _pleonastic(tok) or (quote and not p["animate"] and tok.dep_ != "poss"):
            return None, "", p
        plural = p["number"] == "pl"
        block = (out, plural) if not p["animate"] and (plural or tok.dep_ != "poss") else None
        fits = (lambda k: k in info and _compatible(p, info[k]))
        # "The minister accused her …. She …": a known gender outweighs the subject of unknown gender
        known = (lambda k: 2.0 if info[k].gender == p["gender"] else 0.0) if p.get("gender") else None
        if tok.lower_.endswith(("self", "selves")) and tok.dep_ in ("dobj", "pobj", "dative"):
            return _reflexive(tok, out, info, p), "pronoun", p  # the subject or no one
        ant = _cataphor(tok, out, fits) or \
            _pick(history, tok, sent_no, fits, 1 if plural else 2, exclude=exclude, block=block, prefer=known)
        if ant is None and p.get("gender") and _pick(history, tok, sent_no, fits, 2, exclude=exclude) is None:
            ant = _protagonist(tok, p["gender"], info, state, exclude)
        if plural and not quote:
            group = recent_group(state, tok, 1, exclude)
            if group is not None and (own_subject(tok, tok.doc[group[0]]) or _blocked(tok, group[0], (out, True))):
                group = None  # "X and Y blamed them": someone else; "… the parents said they …": the parents
            if group is not None and (ant is None or group_first(group, history, ant)):
                return group[1], "pronoun", p
        return ant, "pronoun", p
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        return plural_description(tok, info, state, exclude), "nominal", {}
    spec = _description(tok, out) if tok.pos_ == "NOUN" else None
    if not spec:
        return None, "", {}
    named = [out.entity_at(c.i) for c in tok.children if c.dep_ == "compound" and out.entity_at(c.i)]
    fits = (lambda k: k in info and _fits(spec, info[k], tok.lemma_.lower()))
    if named:  # "the Cashel Foods chain" is Cashel Foods
        return (named[-1], "nominal", {}) if fits(named[-1]) else (None, "", {})
    near = {k for _i, k, h_sent, _d, _h in history if sent_no - h_sent <= 8 and fits(k)}
    narrowed = _evidence_filter(spec, tok.lemma_.lower(), sorted(near), info)
    ok = fits if narrowed is None else (lambda k: k in narrowed)
    ant = _pick(history, tok, sent_no, ok, 8, prefer_subj=True, exclude=exclude, counts=state["counts"])
    return ant, "nominal", {}


def resolve_references(doc: Any, out: Any, *, clusters: dict, main_country: str = "", article_id: str = "") -> None:
    """Map collective nouns, pronouns and definite descriptions in ``doc`` onto ``out``'s entities
    (``article_id`` keys the groups that are actors of one article only)."""
    info = _actor_info(out, clusters)
    resolve_groups(doc, out, country_of(main_country) if main_country else None, info, article_id)
    _described(doc, out, info)
    resolve_representatives(doc, out)
    quote_of = quote_numbers(doc)
    quote_sents = quote_sentences(doc, quote_of)
    state = {"pronouns": load_json("pronouns.json"), "quote_of": quote_of,
             "speakers": speakers(doc, out, quote_of, quote_sents),
             "quote_sents": quote_sents, "history": [], "counts": {}, "sent_no": -1, "groups": [], "info": info,
             "out": out}
    sent_starts = {s.start: k for k, s in enumerate(doc.sents)}
    history, counts = state["history"], state["counts"]
    for tok in doc:
        state["sent_no"] = sent_starts.get(tok.i, state["sent_no"])
        key = out.token_entity.get(tok.i)
        if key:
            root = tok.head.i == tok.i or out.token_entity.get(tok.head.i) != key
            if root and tok.dep_ not in MODIFIER_DEPS:
                history.append((tok.i, key, state["sent_no"], tok.dep_, tok.head.i))
                counts[key] = counts.get(key, 0) + 1
                note_group(tok, key, out, info, state)
            elif root and _named_head(tok, key, out, info):  # "The Unison union warned ... Its leader"
                history.append((tok.head.i, key, state["sent_no"], tok.head.dep_, tok.head.head.i))
                counts[key] = counts.get(key, 0) + 1
            continue
        ant, kind, p = _antecedent(tok, out, info, state)
        if isinstance(ant, tuple):  # "they", "the two men": the actors named together before
            out.token_group[tok.i] = ant
            out.mentions.extend(Mention(k, tok.idx, tok.idx + len(tok.text), tok.text, kind) for k in ant)
            state["groups"].append((tok.i, ant, state["sent_no"], tok.dep_))
            continue
        if ant is None:
            continue
        if kind == "pronoun" and p.get("gender") and info[ant].type == "person" and not info[ant].gender:
            info[ant].gender = p["gender"]
        out.token_entity[tok.i] = ant
        out.mentions.append(Mention(ant, tok.idx, tok.idx + len(tok.text), tok.text, kind))
        history.append((tok.i, ant, state["sent_no"], tok.dep_, tok.head.i))
        counts[ant] = counts.get(ant, 0) + 1
    late_first_person(doc, out, info, state)


@lru_cache(maxsize=1)
def _alleging_verbs() -> frozenset[str]:
    """Verbs whose object is accused "of" something (``alleging_verbs`` of ``data/relation_words.json``)."""
    return frozenset(load_json("relation_words.json")["alleging_verbs"])


@lru_cache(maxsize=1)
def _firm_heads() -> frozenset[str]:
    """Description heads that name a firm, never an unnamed group (``firms`` of ``data/descriptions.json``)."""
    return frozenset(load_json("descriptions.json")["firms"])
