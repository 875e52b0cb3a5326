"""Role edges: person → organisation/place (or person) from titles.

"Lagos Governor Amara Okafor" → okafor → lagos "governor of"; "Zentrix boss Ada
Quill" → quill → zentrix "boss of"; "Jane Roe, Under Secretary of
Defense" → roe → the department of defense "secretary of"; "X, the king's
sister" → x → king "sister of"; "X is the CEO of Y". Title words come from the
shipped table ``data/role_titles.json``; the entity tokens come from the
entity layer (titles are not inside mention spans).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..data import load_json
from ..entities import country_of, slug, tables, word_lemmas
from ..records import Article, Relation
from .role_orgs import (branches, conjoined_orgs, other_body, parent_institution, previous_subject_org, reported_org,
                        whose_owner)
from .role_verbs import copular_holder, occupations
from .role_forms import (adjacent_body, adjacent_person, affiliations, body_named_by_modifier, body_named_by_title,
                         coordinated_person, counterparts, geographic, named_units, org_descriptions,
                         person_after_body)

COPULAS = frozenset({"be", "become", "remain", "serve", "named", "name", "appoint", "elect", "consider", "make"})
ORG_LINKS = ("compound", "amod", "nmod", "poss")
MAX_CLIMB = 4
POSTS = frozenset({"position", "post", "office", "role", "job", "rank", "title", "seat"})


@lru_cache(maxsize=None)
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str], int]:
    data = load_json("role_titles.json")
    titles = {**{w: f"{w} of" for w in data.get("occupations", ())}, **data["titles"]}
    family = data["family"]
    longest = max(len(t.split()) for t in list(titles) + list(family))
    return titles, family, frozenset(data["qualifiers"]), longest


def _title_at(tok: Any) -> tuple[str, bool, Any] | None:
    """(label, is_family, last token) of the longest title starting at ``tok``."""
    titles, family, _q, longest = _tables()
    doc = tok.doc
    for n in range(min(longest, len(doc) - tok.i), 0, -1):
        span = doc[tok.i: tok.i + n]
        raw = re.sub(r"\s+", " ", span.text.lower())
        for text in (raw, re.sub(r"\s*-\s*", " ", raw)):  # "then-prime-minister"
            if text in titles:
                return titles[text], False, span[-1]
            if text in family:
                return family[text], True, span[-1]
    return None


def _person_of(title: Any, actors: Any) -> tuple[str, Any] | None:
    """The person a title token describes: the name it modifies, its apposition, or the copular subject."""
    for c in title.children:  # "US President Donald Trump and Turkish President Y": the name right after the title
        if c.dep_ == "appos" and c.i > title.i:
            k = actors.key(c)
            if k and actors.type(k) == "person" and all(actors.key(t) == k for t in title.doc[title.i + 1: c.i]):
                return k, c
    for c in title.children:  # "the director of X, Y": the name is apposed to the organisation
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "at"):
            for a in (a for p in c.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"):
                k = actors.key(a)
                if k and actors.type(k) == "person":
                    return k, a
    h, cur = title, title
    for _ in range(MAX_CLIMB):
        if cur.dep_ in ("compound", "amod", "nmod") and cur.head != cur:
            h = cur.head
            k = actors.key(h)
            if k:
                return (k, h) if actors.type(k) == "person" else None
            cur = h
            continue
        break
    if cur.dep_ == "appos":  # "X, the nominee of Y, …"; "Sen. X, D-Utah, chairman of Y": past a party tag
        for h in (cur.head, cur.head.head if cur.head.dep_ == "appos" and not actors.key(cur.head) else None):
            k = actors.key(h) if h is not None else None
            if k and actors.type(k) == "person":
                return k, h
    for c in cur.children:  # "the nominee, X, …"
        if c.dep_ == "appos":
            k = actors.key(c)
            if k and actors.type(k) == "person":
                return k, c
    late = next((c for c in cur.head.children if c.dep_ == "appos" and c.i > cur.i), None) \
        if cur.dep_ == "conj" else None
    k = actors.key(late) if late is not None else None
    if k and actors.type(k) == "person":
        return k, late  # "his wife, A, and the secretary of B, C": C (parsed onto "wife")
    if cur.dep_ == "conj" and cur.head.pos_ == "NOUN" and cur.head.i < cur.i and _title_at(cur.head) \
            and cur.head.dep_ != "conj":  # "X, director of A and a member of B": the first title's holder
        found = _person_of(cur.head, actors)
        if found:
            return found
    if cur.dep_ == "conj" and cur.head.pos_ == "NOUN" and cur.head.dep_ == "appos":  # "X, editor and columnist"
        k = actors.key(cur.head.head)
        if k and actors.type(k) == "person":
            return k, cur.head.head
    first = cur.head.head.head if cur.dep_ == "conj" and cur.head.dep_ == "pobj" else None
    if first is not None and cur.head.head.dep_ == "prep" and first.pos_ == "NOUN" and _title_at(first):
        found = _person_of(first, actors)  # "X, a professor at A and president of B" parsed as "A and president"
        if found:
            return found
    if cur.dep_ in ("attr", "oprd") and cur.head.lemma_.lower() in COPULAS:
        return copular_holder(cur, actors)
    if cur.dep_ == "pobj" and cur.head.lower_ == "as" and cur.head.head.pos_ in ("VERB", "AUX"):
        return _as_person(cur.head.head, actors)
    post = cur.head.head if cur.dep_ == "pobj" and cur.head.lower_ == "of" else None
    if post is not None and post.lower_ in POSTS and post.dep_ == "dobj":  # "X holds the post of head of Y"
        return copular_holder(post, actors, objects=False)
    return None


def _as_person(verb: Any, actors: Any) -> tuple[str, Any] | None:
    """The person of "X served as …", "Y appointed X as …", "X … her position as …"."""
    args = [c for c in verb.children if c.dep_ == "dobj"] + [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for t in args:
        k = actors.key(t)
        if k and actors.type(k) == "person":
            return k, t
        if t.dep_ == "dobj":  # "retains her status as a member of …"
            owner = actors.owner(t)
            if owner and actors.type(owner[0]) == "person":
                return owner
    return None


TAIL = "\t"  # index prefix for the last word of a name
GENERIC_NAME_WORDS = frozenset({"department", "ministry", "office", "of", "the", "and", "for", "national",
                                "federal", "state", "states", "united", "us", "u.s.", "agency", "council"})


def _domain_index(actors: Any) -> dict[str, list[str]]:
    """Content word → keys of government/organisation entities named with it ("Defense" → DoD)."""
    index: dict[str, list[str]] = {}
    for key, ent in actors.ents.entities.items():
        if ent.type not in ("government", "organization"):
            continue
        for name in {ent.label, *ent.aliases}:
            found = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", name)]
            for w in found + [TAIL + found[-1]] if found else []:
                if len(w) > 2:
                    index.setdefault(w, [])
                    if key not in index[w]:
                        index[w].append(key)
    return index


def _by_domain(tok: Any, domains: Callable[[], dict]) -> tuple[str, Any] | None:
    """The one organisation whose name contains the word ``tok`` and its compounds.

    "Secretary of *Defense*" → the Department of Defense; "*Police* director" →
    the police force of the article; "Director of *National Intelligence*" is
    not the Central Intelligence Agency (every word must be in the name).
    """
    if tok.pos_ not in ("PROPN", "NOUN") or tok.lower_ in GENERIC_NAME_WORDS:
        return None
    needed = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and c.is_alpha] + [tok.lower_]
    index = domains()
    # the word must end the organisation's name ("Defense" in "Department of Defense", "police")
    keys = [k for k in index.get(TAIL + tok.lower_, []) if all(k in index.get(w, []) for w in needed)]
    return (keys[0], tok) if len(keys) == 1 else None


def _fits(actors: Any, a: tuple[str, Any] | None, want: tuple[str, ...], jurisdiction: bool) -> bool:
    """Whether ``a`` can be the organisation of a title: places only for jurisdiction titles ("Mayor")."""
    if not a or actors.type(a[0]) not in want:
        return False
    return jurisdiction or actors.type(a[0]) == "organization" or \
        (actors.type(a[0]) != "place" and a[1].ent_type_ not in ("GPE", "NORP", "LOC"))


def _org_of(title: Any, last: Any, actors: Any, family: bool, domains: Callable[[], dict],
            person: Any = None) -> tuple[str, Any] | None:
    """The organisation (or relative) a title ties its holder to.

    Read from the title's own prepositional phrase ("head of X"), the name's ("Prime Minister Y
    of X"), the title's modifiers ("X boss", "X's chief executive") or the name's possessor
    ("X's CEO Y"); then from organisations named by a word of the title ("Police chief").
    """
    text = _title_text(title, last)
    want = ("person",) if family else ("organization", "government", "place")
    if text in _table("person_titles"):
        want = want + ("person",)
    jurisdiction = family or text in _table("jurisdiction")
    last_word = _tables()[1 if family else 0].get(text, "").split()[-1:] or ["of"]
    preps = ("of", "for") + ((last_word[0],) if last_word[0] in ("to", "at") else ()) \
        + (("from",) if jurisdiction and not family else ()) + (() if family else ("at", "with")) \
        + (("in",) if not (family or jurisdiction) else ()) + (("to",) if text in _table("envoy_titles") else ())
    # "Senator from Vermont"; "a researcher at X", "head of policy at X", "an analyst with X", "an activist in X"
    holders = [last] + ([] if last == title else [title])
    if text in _table("envoy_titles"):  # "US Special Representative for Iran X", "UK Ambassador to Peru X": the sender
        sender = next((a for c in [*title.children, *last.children, *(person.children if person is not None else ())]
                       if c.dep_ in ORG_LINKS and c.i < title.i and (a := actors.of_np(c))
                       and country_of(actors.ents.entities[a[0]].label) is not None), None)
        if sender:
            return sender
    if last.dep_ == "conj" and last.head.pos_ == "NOUN" and not actors.key(last.head) and not _title_at(last.head):
        holders.append(last.head)  # "X, editor and columnist for Y": the preposition hangs on the first noun
    on_name = person is not None and person.i > last.i and (last.head == person or last.head.head == person)
    after_name = [c for c in person.children if c.i > person.i] if on_name else []
    for c in _title_preps([c for t in holders for c in t.children] + after_name, actors):
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in (p for p in c.children if p.dep_ == "pobj"):
                a = actors.of_np(p)
                if a and not jurisdiction and geographic(actors, a[0]):
                    continue  # "Acme's CEO for Central Europe", "chairman Jane Doe of New York": not the place's
                if a and actors.type(a[0]) in want:
                    return a
                a = actors.owner(p)  # "a member of X's legal team"
                if a and (actors.type(a[0]) in want or p.lower_ in _table("person_groups")):
                    return a
                a = next((b for c in p.children if c.dep_ in ("compound", "nmod") and c.i < p.i and p.pos_ == "NOUN"
                          and (b := actors.of_np(c)) and actors.type(b[0]) in ("organization", "government")), None)
                if a and not geographic(actors, a[0]):
                    return a  # "deputy leader of the KDP parliamentary group", "a member of the Acme board"
                if not family and p.pos_ == "PROPN":
                    a = _by_domain(p, domains)
                    if a:
                        return a
    owner = whose_owner(holders, actors)
    if _fits(actors, owner, want, jurisdiction):
        return owner  # "Sinn Féin, whose finance spokesperson, X": the party, not a ministry of finance
    mods = [c for t in holders for c in t.children if c.dep_ in ORG_LINKS and c.i < title.i]
    if on_name:  # "X's CEO Y": the possessive hangs off the name; "US Attorney Y": so may the qualifier
        mods += [c for c in person.children if c.dep_ in ORG_LINKS and c.i < title.i]
    office = text in _offices()
    for c in sorted(mods, key=lambda t: -t.i):
        a = actors.of_np(c)
        if _fits(actors, a, want, jurisdiction):
            return a
        for cc in c.children:  # "US Secretary": "US" hangs off a qualifier
            if cc.dep_ in ORG_LINKS:
                a = actors.of_np(cc)
                if _fits(actors, a, want, jurisdiction):
                    return a
        if not family and not a:
            a = _by_domain(c, domains)
            if a and (not office or actors.type(a[0]) == "government"):
                return a  # "Energy Minister X" is no minister of a company named "... Energy"
    if not family and last != title:  # "police chief", "party leader": the body is in the title
        for t in title.doc[title.i: last.i]:
            key = actors.key(t)
            if key and actors.type(key) in ("organization", "government") and t.pos_ == "PROPN":
                return key, t  # "Police and Crime Commissioner X" where "Police" is the county's force
            a = None if key else _by_domain(t, domains)
            if a:
                return a
    return None


def _title_preps(kids: list[Any], actors: Any) -> list[Any]:
    """The title's prepositions, and those one level down a common noun ("head of policy at X", "director
    of research at X")."""
    out = []
    for c in kids:
        out.append(c)
        if c.dep_ == "prep" and c.lower_ in ("of", "for"):
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and not actors.key(p):
                    out += [g for g in p.children if g.dep_ == "prep" and g.lower_ in ("at", "for", "with")]
    return out


def _staff_title(text: str) -> bool:
    """A title held in an organisation (``staff_titles``), also as the head of a longer one ("chief executive")."""
    return text in _table("staff_titles") or (" " in text and text.split()[-1] in _table("staff_titles")
                                              and text not in _offices())


def _org_spoken_about(title: Any, last: Any, person: Any, actors: Any) -> tuple[str, Any] | None:
    """The company a speaker with a staff title and no organisation speaks about: "Acme sells X, said Y, a
    manager", or the subject of the sentence before ("Acme said ... Chief executive Y said ..."); never one
    that a body noun before the title rules out ("Council leader Y said Acme ...")."""
    def is_country(key: str) -> bool:
        return country_of(actors.ents.entities[key].label) is not None

    org = reported_org(person, actors, is_country)
    if not org and _bare_staff_title(title, last):
        org = previous_subject_org(person, actors, is_country)
    return None if org and other_body(last, actors.ents.entities[org[0]].label) else org


def _bare_staff_title(title: Any, last: Any) -> bool:
    """A company title with nothing after it that says whose ("Chief executive X said"; not "X, spokesperson
    for the governor", not "President X")."""
    return _title_text(title, last) not in _offices() and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with") for c in last.children)


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """Public offices (``office_titles.txt``): their holders serve a government, never a company."""
    return tables().offices


def _title_text(title: Any, last: Any) -> str:
    """The title's words, lower case, hyphens as spaces ("then-prime-minister" → "prime minister")."""
    raw = re.sub(r"\s+", " ", title.doc[title.i: last.i + 1].text.lower())
    titles, family, _q, _n = _tables()
    return raw if raw in titles or raw in family else re.sub(r"\s*-\s*", " ", raw)


@lru_cache(maxsize=None)
def _table(name: str) -> frozenset[str]:
    """A word list from ``data/role_titles.json`` (``jurisdiction``, ``person_titles``, ``person_groups``)."""
    return frozenset(load_json("role_titles.json")[name])


def _portfolio(title: Any, actors: Any) -> bool:
    """A capitalised portfolio before a public office ("Commerce Secretary", "Energy Minister"): a national
    office even when the office word alone is not ("Secretary" of what?)."""
    prev = title.doc[title.i - 1] if title.i > 0 else None
    return prev is not None and prev.text[:1].isupper() and not prev.is_sent_start and not actors.key(prev) \
        and "NOUN" in word_lemmas(prev.lower_) and title.lower_ in _offices()


def _implicit_country(title: Any, last: Any, person: Any, main: str, actors: Any) -> str | None:
    """The government "Prime Minister X" (no country named) serves, if the text makes it plain.

    The title must be a national one, sit right on the name (compound or apposition) and name no
    other body ("President X of Y", "president of the court"). The country is the only one in view
    (this sentence and the two before it) that can have the title ("Prime Minister" is no US office);
    for a title only some countries have ("Foreign Secretary"), the only such country in the article;
    with no country in view, the only country of the article that can have it.
    """
    text = _title_text(title, last)
    if text not in _table("national_titles") and not _portfolio(title, actors):
        return None
    if not (last.head == person or person.head == last or (last.dep_ == "compound" and last.head.head == person)):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("of", "for") for t in (last, person) for c in t.children):
        return None
    sent = title.sent
    start = sent.start
    for _ in range(2):
        if start > 0:
            start = title.doc[start - 1].sent.start
    in_view = _countries_between(title.doc, start, sent.end)
    if not in_view:  # the only country of the article that can have the title
        return main if _title_fits(text, _countries_between(title.doc, 0, len(title.doc))) == {main} else None
    fits = _title_fits(text, in_view)
    told = len(fits) < len(in_view)  # the title itself ruled a country in view out
    if not fits and in_view and _title_rule(text).get("only"):
        fits, told = _title_fits(text, _countries_between(title.doc, 0, len(title.doc))), True
    if len(fits) != 1:
        return None
    key = next(iter(fits))
    return key if key == main or (told and actors.type(key) == "government") else None


def _title_rule(title: str) -> dict:
    return load_json("role_titles.json").get("title_countries", {}).get(title, {})


def _title_fits(title: str, countries: dict[str, str]) -> set[str]:
    """Keys of the countries in view that can have ``title`` ("Prime Minister" is no US office,
    "Foreign Secretary" a British one: ``role_titles.json: title_countries``)."""
    rule = _title_rule(title)
    only, never = set(rule.get("only", ())), set(rule.get("not", ()))
    return {k for k, name in countries.items() if (not only or name in only) and name not in never}


def _countries_between(doc: Any, start: int, end: int) -> dict[str, str]:
    """Government key → country name for the countries named (or named by a demonym) in ``doc[start:end]``."""
    out: dict[str, str] = {}
    for ent in doc.ents:
        if ent.start >= start and ent.end <= end and ent.label_ in ("GPE", "NORP"):
            country = country_of(re.sub(r"^(the|The)\s+", "", ent.text))
            if country is not None and not country.supranational:
                out[slug(country.government)] = country.name
    return out


def role_relations(doc: Any, actors: Any, *, article: Article, evidence: Callable) -> Iterator[Relation]:
    """Yield one role edge per title that ties a named person to a named organisation, place or relative."""
    index: dict[str, list[str]] | None = None

    def domains() -> dict[str, list[str]]:
        nonlocal index
        if index is None:
            index = _domain_index(actors)
        return index

    titles, family, qualifiers, _n = _tables()
    firsts = {t.split()[0] for t in list(titles) + list(family)}
    firsts |= {f.split("-")[0] for f in firsts}
    skip_until = -1
    explicit: set[str] = set()
    titled: set[int] = set()
    implicit: dict[str, Relation] = {}
    offices: dict[str, str] = {}  # person -> the label of their public office, for "counterparts"
    main = getattr(actors.ents, "main_government", None)
    for tok in doc:
        if tok.i <= skip_until or tok.lower_ not in firsts:
            continue
        found = _title_at(tok)
        if not found or (actors.key(tok) and found[2] == tok and actors.type(actors.key(tok)) == "person"):
            continue  # a title word a group took ("a Foreign Ministry official, X") still names X's office
        label, is_family, last = found
        skip_until = last.i
        nxt = last.head
        if last.dep_ in ("compound", "amod") and nxt.i == last.i + 1 and nxt.lower_ in firsts and _title_at(nxt):
            continue  # "Chief Superintendent X": the head title speaks for the phrase
        glued = None if is_family else person_after_body(last, actors)
        person = _person_of(last, actors) or (_person_of(tok, actors) if last != tok else None) \
            or coordinated_person(last, actors, _title_at) or adjacent_person(last, actors) or (glued and glued[0])
        if not person:
            continue
        titled.add(person[1].i)
        org = glued[1] if glued and glued[0] == person else _org_of(tok, last, actors, is_family, domains, person[1])
        if glued and glued[0] == person and _title_text(tok, last) in _table("envoy_titles"):
            org = _org_of(tok, last, actors, is_family, domains, person[1]) or org  # the sender first
        if not org and not is_family:
            org = adjacent_body(tok, actors, ("organization", "government")) \
                or body_named_by_title(_title_text(tok, last), doc, actors) or body_named_by_modifier(last, doc, actors)
        if not org and _staff_title(_title_text(tok, last)):
            org = _org_spoken_about(tok, last, person[1], actors)
        country = _implicit_country(tok, last, person[1], main, actors) if not org and main else None
        if country and country != person[0]:
            ev = evidence(tok, article, None, "")
            implicit.setdefault(person[0], Relation(person[0], country, label, label.split()[0], "role", "neutral", 0,
                                                    replace(ev, source_text=actors.mention_text(person[1]))))
        if not org or org[0] == person[0]:
            continue
        if actors.type(org[0]) in ("government", "place"):
            explicit.add(person[0])
            offices.setdefault(person[0], label)
        if actors.type(org[0]) == "organization":  # "chief executive" of a company is its CEO
            label = load_json("role_titles.json")["org_labels"].get(_title_text(tok, last), label)
        if _title_text(tok, last) in _table("envoy_titles") and doc[org[1].i - 1].lower_ in ("to", "the") \
                and "to" in (doc[org[1].i - 1].lower_, doc[org[1].i - 2].lower_):
            label = f"{_title_text(tok, last)} to"  # "the ambassador to Peru": sent to it, not its own
        ev = replace(evidence(tok, article, None, ""), source_text=actors.mention_text(person[1]),
                     target_text=actors.mention_text(org[1]))
        yield Relation(person[0], org[0], label, label.split()[0], "role", "neutral", 0, ev)
        parent = parent_institution(org, actors)
        for more in conjoined_orgs(org, person[0], actors) + ([parent] if parent else []):
            yield replace(Relation(person[0], more[0], label, label.split()[0], "role", "neutral", 0, ev),
                          evidence=replace(ev, target_text=actors.mention_text(more[1])))  # "chairman of A and B"
        if parent:  # "a professor at Dunmore College of the State University": the college is part of it
            yield Relation(org[0], parent[0], "part of", "part", "role", "neutral", 0,
                           replace(ev, source_text=actors.mention_text(org[1]), target_text=actors.mention_text(parent[1])))
    yield from affiliations(doc, actors, titled, article, evidence)
    yield from occupations(doc, actors, lambda t: _title_at(t) is not None, article, evidence)
    yield from org_descriptions(doc, actors, article, evidence)
    yield from named_units(doc, actors, article, evidence)
    yield from branches(doc, actors, article, evidence)
    yield from counterparts(doc, actors, {**{k: r.relation for k, r in implicit.items()}, **offices}, article, evidence)
    # "Prime Minister X" with no country named: the article's main country, unless X's country is named elsewhere
    for key, rel in sorted(implicit.items()):
        if key not in explicit:
            yield rel
