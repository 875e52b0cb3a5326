"""Cross-article identity: one node per actor across a corpus, however each article names it.

Within an article, ``aliases`` joins "Jane Roe", "Roe" and "Ms Roe". Across articles each
article's canonical name is its own key, so one person can reach the graph as "Jane Roe",
"Roe", "Senator Jane Roe", "Jane Q. Roe" or "Jane Quinn Roe". ``merge_identities`` joins
those keys before the graph is assembled:

1. the same name once titles, initials, accents and the spelling of an Arabic article are
   ignored ("Senators Kamala Harris" = "Kamala Harris", "al-Sisi" = "el-Sisi");
2. full personal names with the same surname whose given names are one name
   (``given_name_variants.txt``: "Bill Weld" = "William Weld") and whose middle names are
   a part of the other's ("Robert Mugabe" = "Robert Gabriel Mugabe"), when no third name
   of that surname fits both in different ways;
3. a bare surname or given name ("Trump", "de Blasio", "Melania"; a given name only when one
   person of the corpus carries it) joins the one full name of the corpus that some evidence ties it to: another article called that person by it,
   the two share a title ("President Trump" / "President Donald Trump"), or one article
   names both; a gender that contradicts (an honorific, a given name) rules a name out, and
   with two candidates nothing joins ("Trump" never joins "Melania Trump" on the surname);
4. organisations and government bodies: the same name with a country written another way
   ("US Supreme Court" = "United States Supreme Court"), and an acronym or a name of two or
   more words that exactly one other node carries as an alias ("UKIP").

The merge is order-free (every decision reads the whole corpus, sorted), never joins two
full names that differ in more than the ways above, and never joins two actors that an edge
connects in some article ("Gloria Roe" and "her mother, Gloria Ann Roe").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..data import load_lines
from ..entities import ARTICLE_PREFIX, PARTICLES, fold, given_names, match_form, norm, slug, surname_only, tables
from ..records import ArticleResult, Entity

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NOT_INFORMATIVE = {"former", "then", "ex", "late", "acting", "interim", "the", "of", "and", "deputy", "vice",
                   "assistant", "chief", "senior", "general", "st", "saint"}
INITIAL = re.compile(r"^[a-z]\.?$")


@lru_cache(maxsize=1)
def _variants() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = defaultdict(set)
    for i, line in enumerate(load_lines("given_name_variants.txt")):
        for name in line.split("|"):
            groups[name.strip()].add(i)
    return {k: frozenset(v) for k, v in groups.items()}


def _same_given(a: str, b: str) -> bool:
    if a == b or re.sub(r"(.)\1", r"\1", a) == re.sub(r"(.)\1", r"\1", b):
        return True
    va, vb = _variants().get(a), _variants().get(b)
    return bool(va and vb and va & vb)


def _is_title_word(word: str) -> bool:
    titles = tables().titles
    w = word.lower().rstrip(".")
    return w in titles or (w.endswith("s") and w[:-1] in titles)


@dataclass
class _Actor:
    key: str
    labels: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    aliases: set = field(default_factory=set)
    articles: set = field(default_factory=set)
    mentions: int = 0

    @property
    def type(self) -> str:
        return max(sorted(self.types), key=lambda t: self.types[t]) if self.types else "other"

    @property
    def label(self) -> str:
        return max(self.labels.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


def person_form(label: str) -> tuple[tuple[str, ...], str]:
    """(name words, suffix) of a personal name, lower case: titles, initials and accents gone, particles and
    Arabic articles spelled one way ("Senator Abdel el-Sisi Jr." -> (("abdel", "al-sisi"), "jr"))."""
    words = [w for w in label.replace("\u2019", "'").split() if w]
    while len(words) > 1 and _is_title_word(words[0]):
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1].lower().strip(".,") in SUFFIXES:
        suffix = words[-1].lower().strip(".,")
        words = words[:-1]
    out = []
    for w in words:
        w = fold(w).lower().strip(".,")
        if INITIAL.match(w) and len(words) > 2:
            continue
        out.append(ARTICLE_PREFIX.sub("al-", w))
    return tuple(out), suffix


def _surname(words: tuple[str, ...]) -> tuple[str, ...]:
    """The surname with its particles: ("bill", "de", "blasio") -> ("de", "blasio")."""
    i = len(words) - 1
    while i > 0 and words[i - 1] in PARTICLES:
        i -= 1
    return words[i:]


def _titles_and_gender(actor: _Actor) -> tuple[set[str], str]:
    """Informative title words an actor is named with ("president", "senator") and the gender its honorifics
    and given name signal ('' when unknown or mixed)."""
    titles, genders = set(), set()
    for alias in actor.aliases:
        for w in alias.split():
            low = w.lower().rstrip(".")
            g = tables().titles.get(low)
            if g is None and low.endswith("s"):
                g = tables().titles.get(low[:-1])
                low = low[:-1] if g is not None else low
            if g is None:
                continue
            if g:
                genders.add(g)
            elif low not in NOT_INFORMATIVE:
                titles.add(low)
    words, _suffix = person_form(actor.label)
    if len(words) > 1 and not surname_only(actor.label) and words[0] in given_names():
        genders.add(given_names()[words[0]])
    return titles, next(iter(genders)) if len(genders) == 1 else ""


class _UF:
    """Union-find over keys that never joins two groups an edge connects: two actors that act on each other
    or are related ("her mother, Gloria Roe") are two."""

    def __init__(self, apart: dict[str, set[str]] | None = None) -> None:
        self.p: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.apart = apart or {}

    def find(self, a: str) -> str:
        if a not in self.p:
            self.p[a], self.members[a] = a, {a}
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or any(self.apart.get(m, set()) & self.members[rb] for m in self.members[ra]):
            return
        keep, gone = min(ra, rb), max(ra, rb)
        self.p[gone] = keep
        self.members[keep] |= self.members.pop(gone)


def _actors(results: list[ArticleResult]) -> dict[str, _Actor]:
    actors: dict[str, _Actor] = {}
    for res in results:
        for ent in res.entities:
            a = actors.setdefault(ent.key, _Actor(ent.key))
            a.labels[ent.label] += 1
            a.types[ent.type] += max(1, ent.mentions)
            a.aliases.update(ent.aliases, [ent.label])
            a.articles.add(res.article.id)
            a.mentions += ent.mentions
    return actors


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one surname that can be one person: given names of one group, and the middle names
    of one a part of the other's (in order)."""
    if not _same_given(a[0], b[0]):
        return False
    short, long_ = sorted((a[1:-1], b[1:-1]), key=len)
    it = iter(long_)
    return all(any(_same_given(w, x) for x in it) for w in short)


def _join_full_names(people: dict[str, tuple], uf: _UF) -> None:
    """Rules 1 and 2: the same form; compatible given and middle names when the compatible set is a clique."""
    by_form: dict[tuple, str] = {}
    by_surname: dict[tuple, list[tuple]] = defaultdict(list)
    for key in sorted(people):
        form = people[key]
        if form in by_form:
            uf.union(key, by_form[form])
        else:
            by_form[form] = key
            words, suffix = form
            if len(words) > 1 and not surname_only(" ".join(words)):
                by_surname[(_surname(words), suffix)].append(form)
    for forms in by_surname.values():
        mates = {f: [g for g in forms if g != f and _compatible(f[0], g[0])] for f in forms}
        clique = {f: all(_compatible(x[0], y[0]) for i, x in enumerate(m) for y in m[i + 1:]) for f, m in mates.items()}
        for f in forms:
            for g in mates[f]:
                if clique[f] and clique[g]:
                    uf.union(by_form[f], by_form[g])


def _join_bare_names(actors: dict[str, _Actor], people: dict[str, tuple], uf: _UF) -> None:
    """Rule 3: a bare surname (or given name) joins the one full name that evidence ties it to."""
    full: dict[str, list[str]] = defaultdict(list)        # surname / given name -> full-name keys
    for key in sorted(people):
        words, _suffix = people[key]
        if len(words) > 1 and not surname_only(" ".join(words)):
            full[" ".join(_surname(words))].append(key)
            full["given:" + words[0]].append(key)
    groups: dict[str, set[str]] = defaultdict(set)
    for key in people:
        groups[uf.find(key)].add(key)
    info = {k: _titles_and_gender(actors[k]) for k in people}
    for key in sorted(people):
        words, suffix = people[key]
        if suffix or not (len(words) == 1 or surname_only(" ".join(words))):
            continue
        bare = " ".join(words)
        titles, gender = info[key]
        found = set()
        given = full.get("given:" + bare, []) if len(words) == 1 else []
        if len({uf.find(g) for g in given}) > 1:
            given = []  # a given name that two people of the corpus carry ("Robert") alone names neither
        for cand in full.get(bare, []) + given:
            root = uf.find(cand)
            members = groups[root]
            c_titles = set().union(*(info[m][0] for m in members))
            c_genders = {info[m][1] for m in members} - {""}
            if gender and c_genders and gender not in c_genders:
                continue
            said = any(norm(a) == norm(actors[key].label) for m in members for a in actors[m].aliases)
            together = any(actors[key].articles & actors[m].articles for m in members)
            if said or together or (titles & c_titles):
                found.add(root)
        if len(found) == 1:
            uf.union(key, next(iter(found)))


def _join_organisations(actors: dict[str, _Actor], uf: _UF) -> None:
    """Rule 4: organisation and body names that differ in the country's spelling, and acronyms or longer
    names that exactly one other node carries as an alias."""
    orgs = {k: a for k, a in actors.items() if a.type in ("organization", "government")}
    by_form: dict[str, str] = {}
    holders: dict[str, set[str]] = defaultdict(set)
    for key in sorted(orgs):
        form = match_form(orgs[key].label)
        if form in by_form:
            uf.union(key, by_form[form])
        else:
            by_form[form] = key
        for alias in orgs[key].aliases:
            holders[norm(alias)].add(key)
    for key in sorted(orgs):
        label = orgs[key].label
        if not (re.fullmatch(r"[A-Z][A-Z&.]{1,7}", label) or len(label.split()) > 1):
            continue
        others = {uf.find(k) for k in holders.get(norm(label), ()) if k != key} - {uf.find(key)}
        if len(others) == 1:
            uf.union(key, next(iter(others)))


def identity_map(results: list[ArticleResult]) -> dict[str, tuple[str, str]]:
    """key -> (merged key, merged label) for every key whose node changes; order-free."""
    actors = _actors(results)
    people = {k: person_form(a.label) for k, a in actors.items() if a.type == "person"}
    apart: dict[str, set[str]] = defaultdict(set)
    for res in results:
        for r in res.relations:
            apart[r.source].add(r.target)
            apart[r.target].add(r.source)
    uf = _UF(apart)
    _join_full_names(people, uf)
    _join_bare_names(actors, people, uf)
    _join_organisations(actors, uf)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in actors:
        groups[uf.find(key)].append(key)
    out: dict[str, tuple[str, str]] = {}
    for members in groups.values():
        label = _group_label([actors[m] for m in members])
        rep = max(members, key=lambda m: (actors[m].label == label, actors[m].mentions, m))
        if actors[rep].label != label and (slug(label) in members or slug(label) not in actors):
            rep = slug(label)  # "Senators Jane Roe" -> key "jane-roe": the key is the label's slug
        for m in members:
            if m != rep or actors[m].labels.keys() != {label}:
                out[m] = (rep, label)
    return out


def _group_label(members: list[_Actor]) -> str:
    """The node label: the most used form without a leading title; for people a full name."""
    counts: Counter = Counter()
    for a in members:
        for label, n in a.labels.items():
            counts[label] += n
    person = any(a.type == "person" for a in members)

    def score(label: str) -> tuple:
        words = label.split()
        titled = len(words) > 1 and _is_title_word(words[0])
        full = len(words) > 1 and not surname_only(label)
        # on a tie a person keeps the shorter full name ("Ali Roe" over "Ali Hosseini Roe"), others the longer
        return (not titled, full or not person, counts[label], -len(words) if person else len(label), label)
    best = max(counts, key=score)
    words = best.split()
    while person and len(words) > 2 and _is_title_word(words[0]):
        words = words[1:]  # only titled forms were seen: "Senators Jane Roe" -> "Jane Roe"
    return " ".join(words)


def _merge_entities(ents: list[Entity], label: str, key: str) -> Entity:
    types: Counter = Counter()
    for e in ents:
        types[e.type] += max(1, e.mentions)
    typ = max(sorted(types), key=lambda t: types[t])
    aliases = sorted({a for e in ents for a in e.aliases} | {e.label for e in ents})
    return Entity(key, label, typ, tuple(aliases), sum(e.mentions for e in ents))


def merge_identities(results: list[ArticleResult]) -> list[ArticleResult]:
    """The results with every key of one actor replaced by one key and label (see the module rules)."""
    mapping = identity_map(results)
    if not mapping:
        return results
    out = []
    for res in results:
        if not any(e.key in mapping for e in res.entities):
            out.append(res)
            continue
        by_key: dict[str, list[Entity]] = defaultdict(list)
        labels: dict[str, str] = {}
        for e in res.entities:
            key, label = mapping.get(e.key, (e.key, e.label))
            by_key[key].append(e)
            labels[key] = label
        ents = tuple(_merge_entities(v, labels[k], k) for k, v in sorted(by_key.items()))

        def new(k: str) -> str:
            return mapping[k][0] if k in mapping else k
        rels = tuple(replace(r, source=new(r.source), target=new(r.target)) for r in res.relations
                     if new(r.source) != new(r.target))
        mentions = tuple(replace(m, entity=new(m.entity)) for m in res.mentions)
        out.append(replace(res, entities=ents, mentions=mentions, relations=rels))
    return out
