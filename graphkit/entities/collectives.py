"""Unnamed collective actors: "the government", "police", "protesters", "a White House spokesperson".

Groups come from ``collective_actors.json``. Each mention is scoped so unrelated articles do not
share a node: "the government" / "the administration" -> the government of the country in the
modifier ("the Kenyan government", "the government of Kenya") or of the article's main country;
"Kent police" -> "Kent police"; an unqualified "police" or "jury" -> the
force of the article's main city or region ("local" groups), else of the main country ("domestic"
groups); an unqualified group that is neither ("troops", "rebels"), or one with an unscoped modifier
("foreign security forces"), stays unresolved. Representatives ("a White House spokesperson", "UK
officials", "members of the opposition") speak or act for the actor that qualifies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .gazetteer import body_of, country_of, tables
from .keys import slug
from .names import is_title
from ..data import load_json
from ..records import Entity, Mention

GENERIC_DETS = {"any", "no", "every", "each", "such", "more", "less", "much", "many", "few", "all"}
QUANTIFIERS = {"many", "several", "few", "other", "some", "more", "most", "numerous", "hundreds", "thousands",
               "dozens", "million", "millions", "countless", "various", "fellow"}
GROUP_MEMBERS = {"officer", "party", "force", "member", "official", "unit", "politician", "leader"}

@dataclass
class Info:
    """What reference resolution knows about one actor."""

    type: str
    titles: set
    words: set
    gender: str = ""
    country: bool = False
    plural: bool = False
    group: bool = False       # an unnamed collective actor ("police"), never what "the city" names
    described: set = field(default_factory=set)  # nouns the article describes it with ("supermarket chain X")


def _add_entity(out: Any, key: str, label: str, typ: str, surface: str) -> None:
    """Create the entity or add a mention to it; a government phrase makes a country node act.
    An empty ``surface`` adds a mention but no alias."""
    ent = out.entities.get(key)
    if ent is None:
        out.entities[key] = Entity(key, label, typ, tuple(sorted({label, surface} - {""})), 1)
    else:
        new_type = "government" if typ == "government" and ent.type == "place" else ent.type
        out.entities[key] = replace(ent, aliases=tuple(sorted(set(ent.aliases) | ({surface} - {""}))),
                                    mentions=ent.mentions + 1, type=new_type)


@lru_cache(maxsize=1)
def _plain_qualifiers() -> frozenset[str]:
    """Qualifiers that leave a group mention a name of its actor ("federal government", "national police")."""
    return frozenset(load_json("collective_actors.json")["government_qualifiers"])


GOVERNMENT_HEADS = {"government", "administration", "cabinet"}
LOWER_LEVELS = {"local", "state", "provincial", "municipal", "regional", "city", "county", "district", "town"}


def _named_surface(doc: Any, tok: Any, out: Any) -> str:
    """The words of a group mention as an alias: the head with a name, a country or a plain qualifier of the
    group table ("Kenyan police", "the Trump administration", "federal government", "journalists"); '' for
    phrases that name no one in particular ("his administration", "your cabinet", "a lesser government",
    "local government"), which must not tie unrelated actors together across a corpus."""
    start = tok.left_edge.i if tok.left_edge.i >= tok.i - 3 else tok.i
    words = [t for t in doc[start:tok.i + 1] if not (t.i == start and t.lower_ == "the")]
    some_name = False
    for t in words[:-1]:
        named = out.entity_at(t.i) or (country_of(t.text) is not None and t.text[:1].isupper())
        plain = t.lower_ in _plain_qualifiers() and t.lower_ not in LOWER_LEVELS
        if not (named or plain or t.dep_ == "compound" and t.lower_ in tokens_of_group(tok)):
            return ""
        some_name = some_name or bool(named)
    if len(words) > 1 and not some_name and tok.lemma_.lower() in GOVERNMENT_HEADS:
        return ""  # "federal government", "the national government": every country's, no name of one
    return " ".join(" ".join(t.text for t in words).split())


def tokens_of_group(tok: Any) -> set[str]:
    """The words of the two-word group form a head belongs to ("election" of "election commission")."""
    return {w for form in tables().groups if " " in form and form.endswith(tok.lemma_.lower()) for w in form.split()}


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
        two = next((groups.get(f"{c.lower_} {tok.lemma_.lower()}") for c in tok.children
                    if c.dep_ in ("compound", "amod") and c.i == tok.i - 1), None)  # "Foreign Ministry official"
        return two or groups.get(f"{tok.lemma_.lower()} {tok.head.lemma_}") or groups.get(tok.lemma_.lower())
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            two = groups.get(f"{c.lower_} {tok.lemma_.lower()}") or groups.get(f"{c.lower_} {tok.lower_}")
            if two:
                return two
    hit = groups.get(tok.lemma_.lower()) or groups.get(tok.lower_)
    if hit and hit[1].get("plural_only") and tok.tag_ not in ("NNS", "NNPS"):
        return None
    if hit and hit[1].get("singular_only") and tok.tag_ in ("NNS", "NNPS"):
        return None  # "new governments often ...": governments in general, not one actor
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


def office_holders(doc: Any, out: Any) -> dict[str, tuple[set, set]]:
    """person key -> (countries that qualify the person's titles, the title words), read from the words
    before each name mention: "US President Jane Roe" gives ({United States}, {president})."""
    found: dict[str, tuple[set, set]] = {}
    for i, key in out.token_entity.items():
        if out.token_entity.get(i - 1) == key or out.type_of(key) != "person":
            continue
        countries, words = found.setdefault(key, (set(), set()))
        j = i - 1
        while j >= 0 and i - j <= 4 and is_title(doc[j]):
            words.add(doc[j].lower_)
            j -= 1
        if j < i - 1 and j >= 0:
            owner = out.entity_at(j)
            country = country_of(out.entities[owner].label) if owner else country_of(doc[j].text)
            if country is not None:
                countries.add(country.name)
    return found


def _office_country(scope: dict, out: Any, person: str, main: Any) -> Any:
    """The country whose government "<person> administration" is: the one qualifying the person's office
    ("US President X"); else, for a titled person, the main country, unless another person holds the same
    office there ("Ukrainian President Y" in an article mostly about Ukraine leaves "X administration"
    unresolved); an untitled person's administration stays unresolved."""
    if "holders" not in scope:
        scope["holders"] = office_holders(scope["doc"], out)
    holders = scope["holders"]
    countries, words = holders.get(person, (set(), set()))
    if len(countries) == 1:
        return country_of(next(iter(countries)))
    if main is None or countries or not words:
        return None  # "the Trump administration" with Trump never titled: no guess
    rivals = any(main.name in c and w & words for k, (c, w) in holders.items() if k != person)
    return None if rivals else main


def _group_label(tok: Any, gid: str, spec: dict, out: Any, main: Any, scope: dict) -> tuple[str, str] | None:
    """(label, type) of the node a group mention belongs to, or None when it cannot be scoped."""
    kind, q = _qualifier(tok, out)
    if not kind and any(c.lower_ in tables().unscoped and c.lower_ not in gid.split() for c in tok.children):
        return None
    if spec["scope"] == "government":
        country = q if kind == "country" else main
        if kind == "other" and out.type_of(q) == "person":
            country = _office_country(scope, out, q, main)  # "the Trump administration"
        return (country.government, "government") if country is not None else None
    if kind == "country":
        label = f"{q.demonym} {gid}"
    elif kind == "place":
        label = f"{q} {gid}"
    elif gid in scope["latest"]:
        label = scope["latest"][gid]
    elif scope["place"] and spec.get("local"):
        label = f"{scope['place']} {gid}"
    elif main is not None and spec.get("domestic"):
        label = f"{main.demonym} {gid}"
    else:
        return None
    return label, spec["type"]


def _named_body(label: str, gid: str, out: Any) -> str:
    """The article's one named body a scoped group is ("the supreme court" in an article naming the "US
    Supreme Court"): same head words and the same country; '' when none or several."""
    from .aliases import match_form

    want = match_form(label)
    found = {e.label for e in out.entities.values() if e.type in ("government", "organization")
             and gid in e.label.lower() and match_form(e.label) == want}  # also "Parliament of Norway"
    return next(iter(found)) if len(found) == 1 else ""


def _capitalised(tok: Any) -> bool:
    """A group head written as a name ("the Foreign Ministry", "Coast Guard"), not at a sentence start."""
    return tok.text[:1].isupper() and not tok.is_sent_start


def _article_group(tok: Any, gid: str, article_id: str, proper: bool = False) -> tuple[str, str]:
    """(label, key) of a group that is one actor of its article only: "the international task force" is
    "international task force" ("Foreign Ministry" as written when ``proper``), keyed by the article so
    unrelated articles never share it."""
    import hashlib

    if tok.dep_ == "compound" and tok.head.i == tok.i + 1:
        tok = tok.head  # "task" of "the international task force": the phrase's head
    if proper:
        words = [t.text for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.text[:1].isupper() and t.dep_ != "det"]
        label = " ".join(words) or gid
    else:
        mods = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and c.is_lower
                and c.lower_ not in gid.split() and c.lower_ not in QUANTIFIERS and c.pos_ != "NUM"]
        label = " ".join([*mods, gid])
    return label, f"{slug(label)}-{hashlib.sha1(article_id.encode()).hexdigest()[:8]}"


def _owned_group(tok: Any, gid: str, out: Any, article_id: str, proper: bool) -> tuple[str, str]:
    """:func:`_article_group`, with the group's country or named owner in front ("Chilean students", "Dunmore
    University students"); still a node of its article alone."""
    label, key = _article_group(tok, gid, article_id, proper)
    kind, q = ("", None) if proper else _qualifier(tok, out)
    owner = q.demonym if kind == "country" else q if kind == "place" else \
        out.entities[q].label if kind == "other" and out.entities[q].type != "person" else ""
    if not owner:
        return label, key
    return f"{owner} {label}", f"{slug(owner)}-{key}"


def resolve_groups(doc: Any, out: Any, main: Any, info: dict, article_id: str = "") -> None:
    """Map collective nouns onto scoped group nodes, creating them in ``out`` as needed."""
    scope = {"latest": {}, "own": {}, "place": main_place(doc, out), "doc": doc}
    for tok in doc:
        hit = None if tok.i in out.token_entity else _group_head(tok)
        if not hit or _several_owners(tok) or any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in tok.children):
            continue  # "any opposition", "no police": not a particular actor
        if hit[1]["scope"] == "government" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            continue  # "produced a minority government", "a new government": not the government in office
        gid, spec = hit
        found = None if spec["scope"] == "article" else _group_label(tok, gid, spec, out, main, scope)
        own = found is None and (spec["scope"] == "article" or (main is None and _capitalised(tok)))
        if own and spec["scope"] == "article" and tok.lower_ in tables().representatives \
                and _qualifier(tok, out)[0] == "other":
            continue  # "Acme workers" speak for Acme (representatives)
        if own:  # "the international task force"; "the Foreign Ministry" where no country is named
            label, key = scope["own"].get(gid) or _owned_group(tok, gid, out, article_id, spec["scope"] != "article")
            scope["own"][gid] = (label, key)
            typ = spec["type"]
        elif found is None:
            continue
        else:
            label, typ = found
            body = body_of(label, main.name if main else "")
            label = body.name if body else _named_body(label, gid, out) or label
            scope["latest"][gid] = label
            key = slug(label)
        _add_entity(out, key, label, typ, label if own else _named_surface(doc, tok, out))
        member = tok.dep_ in ("compound", "amod") and tok.head.lemma_ in GROUP_MEMBERS
        for h in [tok, tok.head] if member else [tok]:
            out.token_entity[h.i] = key
        out.mentions.append(Mention(key, tok.idx, tok.idx + len(tok.text), tok.text, "nominal"))
        words = set(gid.split()) if own and spec["scope"] == "article" else set(label.lower().split())
        info.setdefault(key, Info(typ, set(), words,
                                  plural=tok.tag_ == "NNS" or spec.get("plural_only", False), group=True))


def resolve_representatives(doc: Any, out: Any) -> None:
    """'a White House spokesperson', 'UK officials', 'members of the X party' (also capitalised: 'Members of
    Parliament') speak or act for X."""
    reps = tables().representatives
    for tok in doc:
        if tok.i in out.token_entity or tok.lower_ not in reps or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        acting = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.lower_ == "by")
        if not acting:
            continue  # "a member of the X dynasty" as a predicate is a role for the relation side
        if any(c.dep_ in ("appos", "compound") and c.i > tok.i and (out.entity_at(c.i) or c.dep_ == "appos" and any(
                out.entity_at(g.i) for g in c.children if g.dep_ in ("appos", "compound") and g.pos_ == "PROPN"))
               for c in tok.children) or \
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
