"""Role constructions beyond one title on one name (used by :mod:`graphkit.roles`).

* coordinated titles: "Zentrix chairman and chief executive Jane Roe", "Party leader and Prime
  Minister Jane Roe": the first title belongs to the name after the second;
* counterparts: "X and his Greek, Cypriot and French counterparts, A, B and C, respectively" gives
  A, B and C the office X holds, of the Greek, Cypriot and French governments, in that order;
* the body a title names by its own word ("Transport Commissioner X" -> the article's one
  "... Commission"; ``role_titles.json: title_bodies``);
* affiliations without a title: "Jane Doe of Acme", "Jane Doe, 47, of Acme", "Jane Doe at Acme";
  membership verbs (:mod:`graphkit.relations.role_verbs`);
* organisation descriptions: "Acme is a subsidiary of Globex", "X serves as the seat of Y";
* national bodies: "the Turkish Ministry of Foreign Affairs", "the UK's National Crime Agency" are part
  of that country's government; named units: "the House Oversight Committee" is part of the House.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..data import load_json
from ..entities import body_of, country_hint, country_of, norm, slug, tables
from ..records import Article, Relation
from .role_orgs import owned_people
from .role_verbs import memberships

LIST_WORDS = frozenset({",", "and", "&", "respectively", "as", "well"})


def coordinated_person(last: Any, actors: Any, is_title_at: Callable[[Any], Any]) -> tuple[str, Any] | None:
    """The person of a title coordinated with a second title on a name ("leader and Prime Minister Jane Roe")."""
    doc = last.doc
    i = last.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("and", "&"):
        return None
    j = i + 1
    while j < len(doc) and j - i <= 5 and not actors.key(doc[j]):
        if not (is_title_at(doc[j]) or doc[j].is_title or doc[j].lower_ in ("of", "the")):
            return None
        j += 1
    if j >= len(doc) or j == i + 1 or not is_title_at(doc[i + 1]):
        return None
    key = actors.key(doc[j])
    return (key, doc[j]) if key and actors.type(key) == "person" else None


def adjacent_person(last: Any, actors: Any) -> tuple[str, Any] | None:
    """The person named right after a title, or after its comma, whatever the parse made of it ("coach Jane Roe
    said", where the tagger read "coach" as a verb; "the party's leader, Jane Roe announced")."""
    doc = last.doc
    i = last.i + 1
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].pos_ == "PROPN":
        i += 1  # "the party's leader, Jane Roe announced": an apposition the parser lost
    nxt = doc[i] if i < len(doc) else None
    key = actors.key(nxt) if nxt is not None and nxt.pos_ == "PROPN" else None
    return (key, nxt) if key and actors.type(key) == "person" else None


def person_after_body(last: Any, actors: Any) -> tuple[tuple[str, Any], tuple[str, Any]] | None:
    """"former commander of the Baltic Fleet Ivan Roe", "Prime Minister of Slovakia Jo Roe": (the person, the
    organisation or country) when the name follows the title's organisation directly."""
    doc = last.doc
    i = last.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("of", "at", "to", "for"):
        return None  # "Ambassador to Peru Ann Gill", "Special Representative for Iran Jo Roe"
    i += 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    org = actors.key(doc[i]) if i < len(doc) else None
    if not org or not (actors.type(org) in ("organization", "government") or geographic(actors, org)):
        return None  # "commander of the Baltic Fleet Jo Roe", "Prime Minister of Slovakia Jo Roe"
    org_tok = doc[i]
    while i < len(doc) and actors.key(doc[i]) == org:
        i += 1
    key = actors.key(doc[i]) if i < len(doc) else None
    return ((key, doc[i]), (org, org_tok)) if key and actors.type(key) == "person" else None


def adjacent_body(title: Any, actors: Any, want: tuple[str, ...]) -> tuple[str, Any] | None:
    """The organisation named right before a title, or before one or two lower-case nouns that qualify it
    ("Zentrix boss X", "Caloundra coach X", "Acme floor leader X", "Lund University botany Professor X")."""
    i = title.i - 1
    while i >= 0 and title.i - i <= 2 and title.doc[i].is_lower and title.doc[i].pos_ == "NOUN" \
            and title.doc[i].dep_ in ("compound", "amod") and not actors.key(title.doc[i]):
        i -= 1
    prev = title.doc[i] if i >= 0 else None
    key = actors.key(prev) if prev is not None and prev.pos_ in ("PROPN", "NOUN") else None
    return (key, prev) if key and actors.type(key) in want else None


def _people_after(noun: Any, actors: Any) -> list[tuple[str, Any]]:
    """The persons listed right after a noun: ", A, B and C" (one entry per person, in order)."""
    doc, out, i = noun.doc, [], noun.i + 1
    while i < len(doc):
        key = actors.key(doc[i])
        if key and actors.type(key) == "person":
            if not out or out[-1][0] != key or doc[i - 1].lower_ in LIST_WORDS:
                out.append((key, doc[i]))
            while i + 1 < len(doc) and actors.key(doc[i + 1]) == key:
                i += 1
        elif doc[i].lower_ not in LIST_WORDS or doc[i].lower_ == "respectively":
            break
        i += 1
    return out


def _countries_before(noun: Any, actors: Any) -> list[tuple[str, Any]]:
    """Governments named by the modifiers of a noun, in order ("Greek, Cypriot and French counterparts")."""
    out = []
    for t in noun.doc[max(0, noun.i - 8):noun.i]:
        key = actors.key(t)
        head = t
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head  # "Greek, Cypriot and French": the list hangs off its first word
        if key and actors.type(key) in ("government", "place") and head.head == noun:
            if not out or out[-1][0] != key:
                out.append((key, t))
    return out


def counterparts(doc: Any, actors: Any, offices: dict[str, str], article: Article,
                 evidence: Callable) -> Iterator[Relation]:
    """Role edges for "X and his Greek and French counterparts, A and B(, respectively)": A and B hold X's
    office (``offices``: person key -> role label already read) for those countries, pairwise in order."""
    for noun in doc:
        if noun.lemma_.lower() != "counterpart" or noun.pos_ != "NOUN":
            continue
        people, countries = _people_after(noun, actors), _countries_before(noun, actors)
        if not people or len(people) != len(countries):
            continue
        holder = actors.key(noun.head) if noun.dep_ == "conj" else None
        owner = next((actors.key(c) for c in noun.children if c.dep_ == "poss" and actors.key(c)), None)
        label = offices.get(owner or holder or "", "counterpart of")
        for (person, ptok), (country, ctok) in zip(people, countries):
            if person == country:
                continue
            ev = replace(evidence(noun, article, None, ""), source_text=actors.mention_text(ptok),
                         target_text=actors.mention_text(ctok))
            yield Relation(person, country, label, label.split()[0], "role", "neutral", 0, ev)


@lru_cache(maxsize=1)
def _title_bodies() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load_json("role_titles.json").get("title_bodies", {}).items()}


def body_named_by_title(title_text: str, doc: Any, actors: Any) -> tuple[str, Any] | None:
    """The one organisation or body of the article whose name ends in the word a title names
    ("commissioner" -> "European Commission", "senator" -> "Senate"), with its first mention token;
    None unless exactly one."""
    words = _title_bodies().get(title_text.split()[-1] if title_text else "")
    return _body_ending_in(words, doc, actors) if words else None


def body_named_by_modifier(title: Any, doc: Any, actors: Any) -> tuple[str, Any] | None:
    """"Council leader X", "union boss X": the one body of the article whose name ends in the common noun
    before the title ("Ashford Vale Council")."""
    words = {c.lemma_.lower() for c in title.children if c.dep_ == "compound" and c.pos_ == "NOUN"
             and c.i < title.i and c.lemma_.lower() in tables().name_words}
    return _body_ending_in(tuple(words), doc, actors) if words else None


def _body_ending_in(words: tuple[str, ...], doc: Any, actors: Any) -> tuple[str, Any] | None:
    found = {key for key, ent in actors.ents.entities.items()
             if ent.type in ("government", "organization") and ent.label.split()
             and ent.label.split()[-1].lower() in words}
    if len(found) != 1:
        return None
    key = next(iter(found))
    tok = next((t for t in doc if actors.key(t) == key), None)
    return (key, tok) if tok is not None else None


def geographic(actors: Any, key: str) -> bool:
    """Whether an entity is a country, region or city by name ("of Georgia", "of New York")."""
    ent = actors.ents.entities.get(key)
    if ent is None or actors.type(key) not in ("place", "government"):
        return False
    return country_of(ent.label) is not None or bool(country_hint(ent.label)) or actors.type(key) == "place"


def _right_after(doc: Any, tok: Any, c: Any) -> bool:
    """Whether ``c`` follows the name ``tok`` directly, after a comma ("Jane Doe, of Acme,") or after an age
    ("Jane Doe, 47, of Acme")."""
    if c.i == tok.i + 1 or (c.i == tok.i + 2 and doc[tok.i + 1].text == ","):
        return True
    return c.i == tok.i + 4 and doc[tok.i + 1].text == "," and doc[tok.i + 2].like_num and doc[tok.i + 3].text == ","


def _conjoined_before(tok: Any, actors: Any) -> list[tuple[str, Any]]:
    """The person coordinated right before ``tok`` ("Jo Roe and Al Poe of Acme": Jo Roe)."""
    head = tok.head if tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ == "PROPN" else None
    key = actors.key(head) if head is not None else None
    if not key or actors.type(key) != "person" or key == actors.key(tok):
        return []
    mid = [t.lower_ for t in tok.doc[head.i + 1:tok.i] if actors.key(t) not in (key, actors.key(tok))]
    return [(key, head)] if mid == ["and"] else []


def _described_org(doc: Any, p: Any, actors: Any) -> tuple[str, Any] | None:
    """The organisation behind a common noun after "X of": "the consulting firm Orvane" (the name right
    after the firm noun), "the law firm of Baxter Hale", "the agency's division of ..." (a unit's owner)."""
    low = p.lemma_.lower()
    if tables().cue_before.get(low) == "organization" or tables().cue_before.get(p.lower_) == "organization":
        nxt = doc[p.i + 1] if p.i + 1 < len(doc) else None
        named = actors.of_np(nxt) if nxt is not None and nxt.pos_ == "PROPN" else None
        named = named or next((actors.of_np(g) for q in p.children if q.dep_ == "prep" and q.lower_ == "of"
                               for g in q.children if g.dep_ == "pobj" and actors.of_np(g)), None)
        if named:
            return named
    return actors.owner(p) if low in UNIT_WORDS or low in ("department", "office", "board", "staff") else None


def affiliations(doc: Any, actors: Any, titled: set[int], article: Article, evidence: Callable) -> Iterator[Relation]:
    """"Jane Doe of Acme", "Jane Doe, 47, of Acme", "Jane Doe at the Acme Institute" (no title): jane-doe → acme
    "member of"; and membership verbs ("X sits on the board of Acme", "X works for Acme", "X served in the
    Senate")."""
    for tok in doc:
        if tok.i in titled or tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        key = actors.key(tok)
        if not key or actors.type(key) != "person":
            continue
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "at") and _right_after(doc, tok, c):
                for p in (p for p in c.children if p.dep_ == "pobj"):
                    org = actors.of_np(p) or _described_org(doc, p, actors)
                    if any(d.dep_ == "det" for d in tok.children) or (org and geographic(actors, org[0])):
                        continue  # "the Kim Kardashian of Pakistan", "Jane Doe of Georgia"
                    if not org or org[0] == key or actors.type(org[0]) not in ("organization", "government"):
                        continue
                    for k, t in [(key, tok), *_conjoined_before(tok, actors)]:  # "A and B of Acme": both
                        ev = replace(evidence(t, article, None, ""), source_text=actors.mention_text(t),
                                     target_text=actors.mention_text(org[1]))
                        yield Relation(k, org[0], "member of", "member", "role", "neutral", 0, ev)
    yield from memberships(doc, actors, article, evidence)
    yield from owned_people(doc, actors, titled, article, evidence)
    yield from _own_parties(doc, actors, article, evidence)


PARTY_WORDS = frozenset({"party", "union", "movement", "front", "alliance", "league", "coalition", "bloc"})


def _own_parties(doc: Any, actors: Any, article: Article, evidence: Callable) -> Iterator[Relation]:
    """"Jane Roe's Progressive Party won": a person's party (a name ending in a party word) is theirs."""
    for tok in doc:
        key = actors.key(tok)
        if not key or actors.type(key) != "person" or tok.dep_ != "poss":
            continue
        org = actors.key(tok.head)
        ent = actors.ents.entities.get(org) if org else None
        if ent is None or ent.type != "organization" or ent.label.split()[-1].lower() not in PARTY_WORDS:
            continue
        ev = replace(evidence(tok, article, None, ""), source_text=actors.mention_text(tok),
                     target_text=actors.mention_text(tok.head))
        yield Relation(key, org, "member of", "member", "role", "neutral", 0, ev)


def _body_actor(tok: Any, actors: Any) -> tuple[str, Any] | None:
    """The organisation or government a noun names, itself or through a compound ("the US president")."""
    a = actors.of_np(tok)
    if a:
        return a
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            k = actors.key(c)
            if k and actors.type(k) in ("organization", "government"):
                return k, c
    return None


def _bodies_from(noun: Any, actors: Any) -> list[tuple[str, Any]]:
    """"Agencies from A, B and C", "police of A and B": an unnamed plural of institutions stands for the
    countries or organisations it comes from, one by one."""
    if noun.tag_ not in ("NNS", "NNPS") or noun.pos_ != "NOUN":
        return []
    return [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "in")
            for p in c.children if p.dep_ == "pobj" for a in actors.np_list(p)]


def _org_appositions(doc: Any, actors: Any, parts: Any, article: Article, evidence: Callable) -> Iterator[Relation]:
    """"Pellham's largest shareholder, Ardent Capital, ...", "Ardent Capital, a subsidiary of Globex, ...": an
    organisation in apposition to a part noun with an owner; "its Kestrel chain" (the name before the part noun);
    "UOKiK, the Polish anti-monopoly agency" (the country of a demonym as the owner)."""
    for n in doc:
        if n.lower_ not in parts or actors.key(n):
            continue
        owners = [c for c in n.children if c.dep_ == "poss"] + \
            [p for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for p in c.children if p.dep_ == "pobj"]
        named = [c for c in n.children if c.dep_ in ("compound", "amod") and c.i < n.i and actors.key(c)]
        owners += [c for c in named if country_of(actors.ents.entities[actors.key(c)].label) is not None]
        demonyms = [c for c in n.children if c.dep_ == "amod" and c.i < n.i and not actors.key(c) and c.text[:1].isupper()
                    and (cc := country_of(c.text)) is not None and slug(cc.government) in actors.ents.entities]
        holders = [c for c in n.children if c.dep_ == "appos"] + ([n.head] if n.dep_ == "appos" else [])
        holders += [c for c in named if c.dep_ == "compound" and c.pos_ == "PROPN" and c not in owners and owners]
        for h in holders:
            held = actors.of_np(h)
            if not held or actors.type(held[0]) not in ("organization", "government"):
                continue
            targets = [_body_actor(o, actors) for o in owners] + \
                [(slug(country_of(c.text).government), c) for c in demonyms]  # "the Polish anti-monopoly agency"
            for target in targets:
                if target and target[0] != held[0]:
                    label = parts[n.lower_]
                    ev = replace(evidence(n, article, None, ""), source_text=actors.mention_text(held[1]),
                                 target_text=actors.mention_text(target[1]))
                    yield Relation(held[0], target[0], label, label.split()[0], "role", "neutral", 0, ev)


def org_descriptions(doc: Any, actors: Any, article: Article, evidence: Callable) -> Iterator[Relation]:
    """"The Chancellery refers to the chancellor's office", "Acme is a subsidiary of Globex",
    "X serves as the seat of Y": organisation → organisation edges of kind ``role``."""
    tables = load_json("role_titles.json")
    parts, linking = tables.get("org_parts", {}), tables.get("org_linking_verbs", {})
    for v in doc:
        prep = linking.get(v.lemma_.lower()) if v.pos_ in ("VERB", "AUX") else None
        if prep is None:
            continue
        subj = [a for s in v.children if s.dep_ == "nsubj" for a in actors.np_list(s) or _bodies_from(s, actors)]
        subj = [a for a in subj if actors.type(a[0]) in ("organization", "government") or geographic(actors, a[0])]
        if not subj or any(c.dep_ == "neg" for c in v.children):
            continue
        heads = [c for c in v.children if c.dep_ == "attr"] if not prep else \
            [p for c in v.children if c.dep_ == "prep" and c.lower_ == prep for p in c.children if p.dep_ == "pobj"]
        for n in (n for n in heads if n.lower_ in parts and not actors.key(n)):
            owners = [c for c in n.children if c.dep_ == "poss"]
            owners += [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            for o in owners:
                target = _body_actor(o, actors)
                for key, stok in subj:
                    if target and target[0] != key:
                        label = parts[n.lower_]
                        ev = replace(evidence(v, article, None, ""), source_text=actors.mention_text(stok),
                                     target_text=actors.mention_text(target[1]))
                        yield Relation(key, target[0], label, label.split()[0], "role", "neutral", 0, ev)
    yield from _org_appositions(doc, actors, parts, article, evidence)


BODY_WORDS = frozenset({"ministry", "department", "agency", "office", "bureau", "police", "commission", "council",
                        "parliament", "assembly", "senate", "congress", "court", "embassy", "service", "authority",
                        "directorate", "secretariat", "inspectorate", "administration"})


def _country_of_body(doc: Any, tok: Any, actors: Any, key: str) -> str | None:
    """The government key of the country that prefixes a body's name ("Turkish Ministry of ...") or owns it
    ("the UK's National Crime Agency"), when that government is an actor of the article."""
    words = actors.ents.entities[key].label.split()
    for k in (3, 2, 1):
        country = country_of(" ".join(words[:k])) if len(words) > k else None
        if country is not None:
            gov = slug(country.government)
            return gov if gov in actors.ents.entities and gov != key else None
    if tok.i >= 2 and doc[tok.i - 1].tag_ == "POS":
        owner = actors.key(doc[tok.i - 2])
        ent = actors.ents.entities.get(owner) if owner else None
        if ent is not None and country_of(ent.label) is not None and owner != key:
            return owner
    return None


def national_bodies(doc: Any, actors: Any, article: Article, evidence: Callable,
                    connected: set[str]) -> Iterator[Relation]:
    """"The Turkish Ministry of Foreign Affairs", "the UK's National Crime Agency": a government body named
    with its country and with no edge of its own (``connected``) is part of that country's government, so the
    actor is in the graph, tied to its state; a body that acts shows its state through its name already."""
    mentions = getattr(actors.ents, "mentions", None)
    named = {m.entity for m in mentions if m.kind == "name"} if mentions is not None else set(actors.ents.entities)
    done: set[str] = set(connected) | (set(actors.ents.entities) - named)  # groups ("US military") are no bodies
    for tok in doc:
        key = actors.key(tok)
        if not key or key in done or actors.type(key) != "government" or (tok.i and actors.key(doc[tok.i - 1]) == key):
            continue
        words = actors.ents.entities[key].label.lower().split()
        if country_of(actors.ents.entities[key].label) is not None or not set(words) & BODY_WORDS:
            done.add(key)
            continue  # the country's own node; armed forces ("US Military") speak for the state themselves
        gov = _country_of_body(doc, tok, actors, key)
        if gov:
            done.add(key)
            ev = replace(evidence(tok, article, None, ""), source_text=actors.mention_text(tok), target_text="")
            yield Relation(key, gov, "part of", "part", "role", "neutral", 0, ev)


UNIT_WORDS = frozenset({"committee", "subcommittee", "caucus", "delegation", "division", "unit", "branch", "wing",
                        "panel", "directorate", "bureau", "team"})


def named_units(doc: Any, actors: Any, article: Article, evidence: Callable) -> Iterator[Relation]:
    """"The House Oversight and Reform Committee" in an article that names the House: a unit whose name begins
    with another body's name is part of that body (one edge per unit)."""
    units = [k for k, e in actors.ents.entities.items() if e.label.split() and len(e.label.split()) >= 3
             and e.label.split()[-1].lower() in UNIT_WORDS]
    if not units:
        return
    ents = {k: e for k, e in actors.ents.entities.items() if e.type in ("organization", "government")
            and country_of(e.label) is None}
    names = {norm(a): k for k, e in ents.items() for a in (e.label, *e.aliases)}
    countries = {b.country for e in ents.values() if (b := body_of(e.label))}

    def named(text: str) -> str | None:
        if norm(text) in names:
            return names[norm(text)]
        for c in sorted(countries):  # "House" is the House of Representatives where the table says so
            body = body_of(text, c)
            if body and norm(body.name) in names:
                return names[norm(body.name)]
        return None
    for key, ent in sorted(ents.items()):
        words = ent.label.split()
        if len(words) < 3 or words[-1].lower() not in UNIT_WORDS:
            continue
        parent = next((p for k in (3, 2, 1) if (p := named(" ".join(words[:k]))) and p != key), None)
        tok = next((t for t in doc if actors.key(t) == key), None)
        if parent and tok is not None:
            ev = replace(evidence(tok, article, None, ""), source_text=actors.mention_text(tok), target_text="")
            yield Relation(key, parent, "part of", "part", "role", "neutral", 0, ev)
