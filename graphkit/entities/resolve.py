"""Entity resolution for one parsed article: find, type and merge every actor.

``resolve(doc, article)`` runs the stages in order:

1. ``names.find_names``: the model's entities plus recovered proper names, as bare
   spans (titles outside), with false names rejected;
2. ``aliases.cluster_names``: mentions that denote the same actor are joined and
   given a canonical name (tables, acronyms, alias statements, partial names);
3. document consistency: every other occurrence of a cluster's surface forms in the
   article becomes a mention too (a string recognised once is recognised everywhere);
4. ``typing_rules.type_cluster``: one type per actor;
5. ``coref``: unnamed collective actors ("the government", "police"), pronouns and
   definite descriptions are mapped onto the actors.

The result maps tokens to entity keys for the relation extractor. Keys are slugs of
canonical names, so one canonical name is one node across articles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from . import coref
from .aliases import Cluster, cluster_names
from .gazetteer import body_of, country_hint, country_of, norm, tables
from .keys import slug
from .names import Name, byline_spans, credit_spans, find_names, in_spans, is_title
from .plurals import headline_counts
from ..data import load_json, load_lines
from ..records import Article, Entity, Mention
from .typing_rules import club_of_place, is_agent, is_polity, type_cluster


NUMERIC_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


@dataclass
class DocEntities:
    """The entities of one parsed article and the tokens that refer to them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    token_entity: dict[int, str] = field(default_factory=dict)
    main_government: str | None = None  # key of the article's main country's government, if it is an entity
    token_group: dict[int, tuple[str, ...]] = field(default_factory=dict)  # "they" = "X and Y" named before

    def entity_at(self, i: int) -> str | None:
        """Key of the entity that token ``i`` belongs to, if any."""
        return self.token_entity.get(i)

    def group_at(self, i: int) -> tuple[str, ...]:
        """The actors a plural reference at token ``i`` stands for together ("they", "the two men"), if any."""
        return self.token_group.get(i, ())

    def type_of(self, key: str | None) -> str | None:
        """The type of an entity key (None for unknown keys)."""
        ent = self.entities.get(key) if key else None
        return ent.type if ent else None


def main_country(doc: Any) -> str:
    """The country the article is mostly about: most mentions of its names, demonyms, cities, regions
    and known bodies; a tie goes to the country mentioned first."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG", "LOC", "FAC"):
            text = re.sub(r"^(the|The)\s+", "", ent.text)
            if not text:
                continue
            words = text.split()
            # "Turkish Ministry of ...", "United States House of Representatives": a country prefix counts
            hint = country_hint(text) or next(
                (h for k in range(min(3, len(words)), 0, -1) if (h := country_hint(" ".join(words[:k])))), "")
            if not hint and ent.label_ in ("ORG", "FAC"):
                body = body_of(text)
                hint = body.country if body else ""
            if hint:
                counts[hint] += 1
                first.setdefault(hint, ent.start)
    return min(counts, key=lambda k: (-counts[k], first[k])) if counts else ""


def _common_words(doc: Any, clusters: list[Cluster]) -> list[Cluster]:
    """Drop actors named only by one capitalised word that the article also uses in lower case
    ("Democracy", "Reform", "Left"): a common noun capitalised for emphasis, not a name."""
    lower = {t.text for t in doc if t.is_lower}
    keep = []
    for c in clusters:
        common = c.kind == "name" and all(
            n.end - n.start == 1 and not n.titles and n.cue != "person" and n.text.lower() in lower for n in c.names)
        if not common:
            keep.append(c)
    return keep


def _surface_index(clusters: list[Cluster]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    index: dict[str, list] = {}
    stop = tables().stop
    for ci, c in enumerate(clusters):
        for n in c.names:
            words = tuple(n.text.split())
            if norm(n.text) in stop or len(n.text) < 2:
                continue
            index.setdefault(words[0], []).append((words, ci))
    for v in index.values():
        v.sort(key=lambda x: -len(x[0]))
    return index


def _echo(doc: Any, clusters: list[Cluster], taken: set[int], skip: list[tuple[int, int]]) -> None:
    """Document consistency: untagged repeats of a known surface form become mentions."""
    index = _surface_index(clusters)
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        hit = None
        if i not in taken and tok.text in index:
            for words, ci in index[tok.text]:
                j = i + len(words)
                if j <= n and all(doc[i + k].text == w and i + k not in taken for k, w in enumerate(words)):
                    before = doc[i - 1] if i else None
                    after = doc[j] if j < n else None
                    glued = any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and not is_title(t)
                                and t.i not in taken for t in (before, after))
                    numeric = any(doc[k].ent_type_ in NUMERIC_ENTS for k in range(i, j))
                    if not glued and not numeric and not in_spans(doc, i, skip):
                        hit = (words, ci, j)
                    break
        if hit:
            words, ci, j = hit
            clusters[ci].names.append(Name(i, j, " ".join(words), "", "echo", raw=" ".join(words)))
            taken.update(range(i, j))
            i = j
        else:
            i += 1


GROUP_OFFICES = frozenset({"government", "administration", "authorities", "regime", "army", "military", "forces",
                           "troops", "navy"})  # collective groups read their demonym themselves (groups.py)


ACT_PREPS = frozenset({"of", "on", "against", "into", "to", "with", "for", "in"})
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """Nouns of acts (``events`` of ``data/nominals.json``)."""
    return frozenset(load_json("nominals.json")["events"])


def _holds_office(doc: Any, tok: Any) -> bool:
    """Whether a demonym qualifies a personal public office: "Egyptian foreign minister", "the Greek prime
    minister", "Turkish President", "his Greek, Cypriot and French counterparts"."""
    offices = tables().offices - GROUP_OFFICES
    head = tok
    while head.dep_ == "conj" and head.head.i < head.i and head.head.i != head.i:
        head = head.head  # "Greek, Cypriot and French counterparts": the list hangs off its first word
    if head.dep_ not in ("amod", "compound", "nmod") or head.head.i <= tok.i:
        return False
    noun = head.head
    words = doc[tok.i + 1: noun.i + 1]
    text = " ".join(t.lower_ for t in words if t.dep_ not in ("cc", "punct", "conj") or t.i == noun.i)
    return any(text.endswith(o) for o in offices) or noun.lemma_.lower() in offices | {"counterpart"}


def _acts_on_a_name(tok: Any) -> bool:
    """Whether a demonym qualifies an act noun aimed at a named actor: "the Russian invasion of Ukraine",
    "Chinese sanctions on Acme" (the state is the agent of the act)."""
    noun = tok.head
    if tok.dep_ not in ("amod", "compound", "nmod") or noun.i <= tok.i or noun.lower_ not in _event_nouns():
        return False
    return any(c.dep_ == "prep" and c.lower_ in ACT_PREPS and any(p.dep_ == "pobj" and p.ent_type_ in ACTOR_ENTS
                                                                   for p in c.children) for c in noun.children)


def office_demonyms(doc: Any, clusters: list[Cluster], taken: set[int]) -> None:
    """A demonym qualifying a public office names that country's government, which becomes an actor:
    "Egyptian foreign minister Jane Roe" makes "Egyptian" a mention of the Egyptian government (typed
    ``government``: the office is the state's), so the role edge has its organisation."""
    by_country = {country_of(c.canonical).name: c for c in clusters if c.kind == "country" and country_of(c.canonical)}
    demonyms, countries = tables().demonyms, tables().countries
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        country = demonyms.get(tok.lower_)
        if country is None or country.ambiguous or tok.lower_ in countries or \
                not (_holds_office(doc, tok) or _acts_on_a_name(tok)):
            continue
        name = Name(tok.i, tok.i + 1, tok.text, "NORP", "office", raw=tok.text)
        if country.name in by_country:
            by_country[country.name].names.append(name)
        else:
            by_country[country.name] = Cluster([name], country.name, "country", {tok.text})
            clusters.append(by_country[country.name])
        taken.add(tok.i)


def _city_office(doc: Any, c: Cluster) -> bool:
    """Whether the article ties an office of the city itself to a mention: "London Mayor X", "the mayor of
    Paris", "Washington Governor X" (``city_offices.txt``)."""
    offices = load_lines("city_offices.txt")
    for n in c.names:
        after = doc[n.end: n.end + 2].text.lower()
        root = doc[n.start:n.end].root
        before = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
        if any(after == o or after.startswith(o + " ") for o in offices) \
                or (before is not None and before.lemma_.lower() in offices):
            return True
    return False


PLACE_PREPS = frozenset({"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "around",
                         "through", "toward", "towards", "via", "over", "throughout", "within"})


def _in_place(doc: Any, n: Name) -> bool:
    """A mention that locates ("protests in Moscow", "flew to Beijing") or qualifies ("Moscow police")."""
    root = doc[n.start:n.end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("compound", "amod", "nmod"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def capital_states(doc: Any, clusters: list[Cluster]) -> list[Cluster]:
    """"Moscow denied ...", "talks between Washington and Beijing": a capital that acts stands for its
    state in an article that names another country too. Then its mentions that do not locate join the
    country's node ("accused Moscow", not as an alias of it); "protests in Moscow" stays the city. In a story of one
    country ("Washington sued the administration": the US state) or one that names an office of the city
    itself ("London Mayor X"), a capital is never read so."""
    capitals = tables().capitals
    countries = {c.canonical: c for c in clusters if c.kind == "country"}
    named = set(countries) | {capitals[norm(c.canonical)].name for c in clusters if norm(c.canonical) in capitals}
    out = []
    for c in clusters:
        country = capitals.get(norm(c.canonical)) if c.kind != "country" else None
        abroad = country is not None and bool(named - {country.name}) and not _city_office(doc, c)
        names = [n for n in c.names if n.label != "PERSON"]
        acts = abroad and any(is_agent(doc, n.start, n.end) for n in names)
        acting = [n for n in names if not _in_place(doc, n)] if acts else []
        if not acting:
            out.append(c)
            continue
        state = countries.get(country.name)
        if state is None:
            state = countries[country.name] = Cluster([], country.name, "country")
            out.append(state)
        for n in acting:
            n.source = "capital"
        state.names.extend(acting)
        c.names = [n for n in c.names if n not in acting]
        if c.names:
            out.append(c)
    return out


def country_nodes(doc: Any, clusters: list[Cluster]) -> list[Cluster]:
    """Name every country after its government: one node per country and its state.

    "The United States urged ...", "US President X", "the US government" and "returned
    to the US" are one actor, keyed by the government's name ("United States
    government") so that "the government" and "federal government" join it too. The
    node is typed ``government`` when a mention acts (subject, agent, qualifier of a
    public office such as "US President") and ``place`` otherwise.
    """
    for c in clusters:
        country = country_of(c.canonical) if c.kind == "country" else None
        if country is None:
            continue
        c.canonical = country.government
        c.acting = any(n.source == "office" or is_polity(doc, n.start, n.end) or _acts_on_a_name(doc[n.end - 1])
                       for n in c.names)  # "US sanctions on Iran": the state acts
    return clusters


def _entities(doc: Any, clusters: list[Cluster]) -> tuple[dict[str, Entity], list[Cluster], list[str]]:
    by_key: dict[str, list[Cluster]] = {}
    for c in clusters:
        by_key.setdefault(slug(c.canonical), []).append(c)
    ents, merged, keys = {}, [], []
    for key, group in by_key.items():
        c = group[0]
        for other in group[1:]:
            c.names.extend(other.names)
            c.surfaces |= other.surfaces
        typ = type_cluster(doc, c)
        texts = {n.text for n in c.names if n.source != "capital"}  # "Moscow" acts for Russia, is no name of it
        # a title belongs to a person: "Captain America", "Former US" are no names of a country
        surfaces = {s for s in c.surfaces | texts if s and (typ == "person" or s in texts)}
        ents[key] = Entity(key, c.canonical, typ, tuple(sorted(surfaces)), len(c.names))
        merged.append(c)
        keys.append(key)
    places = {e.label for e in ents.values() if e.type == "place"}
    for key, c in zip(keys, merged):
        if ents[key].type in ("person", "place") and club_of_place(c, places):
            ents[key] = replace(ents[key], type="organization")  # "Utah Jazz" beside "Utah"
    return ents, merged, keys


def resolve(doc: Any, article: Article) -> DocEntities:
    """Find, type and merge the entity mentions of one parsed article.

    ``doc`` should carry the tagger, parser and entity annotations; a Doc without sentence
    boundaries is treated as one sentence (its boundaries are set in place).
    """
    if len(doc) == 0:
        return DocEntities()
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        for tok in doc:
            tok.is_sent_start = tok.i == 0
    country = main_country(doc)
    skip = byline_spans(doc) + credit_spans(doc)
    names, _authors = find_names(doc, authors=article.authors, main_country=country, skip=skip)
    names = [n for n in names if n.label != "NORP" or norm(n.text) in tables().parties]  # "the Tories" acts
    clusters, _rejected = cluster_names(doc, names, country)
    clusters = _common_words(doc, clusters)
    taken = {i for c in clusters for n in c.names for i in range(n.start, n.end)}
    _echo(doc, clusters, taken, skip)
    office_demonyms(doc, clusters, taken)
    clusters = country_nodes(doc, capital_states(doc, clusters))
    ents, clusters, keys = _entities(doc, clusters)
    out = DocEntities(entities=ents)
    for c, key in zip(clusters, keys):
        for n in c.names:
            span = doc[n.start:n.end]
            out.mentions.append(Mention(key, span.start_char, span.end_char, span.text))
            for i in range(n.start, n.end):
                out.token_entity[i] = key
    coref.resolve_references(doc, out, clusters=dict(zip(keys, clusters)), main_country=country,
                             article_id=article.id)
    headline_counts(doc, out)
    main = country_of(country) if country else None
    if main is not None and slug(main.government) in out.entities:
        out.main_government = slug(main.government)
    out.mentions.sort(key=lambda m: (m.start, m.end, m.entity))
    return out
