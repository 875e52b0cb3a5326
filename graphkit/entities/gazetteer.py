"""Indexed views of the entity data tables in ``graphkit/data`` (loaded once, cached).

Every word list the entity rules consult lives in a data file; this module only
builds lookup structures from them: titles and the gender they imply, the
non-entity stoplist, photo agencies, cue nouns per type, countries with their
aliases and demonyms, well-known government bodies with their aliases, definite
descriptions and unnamed collective actors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from functools import lru_cache
from types import MappingProxyType

from ..data import load_json, load_lines


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Matching form of a name: lower case, single spaces, no dots in acronyms, no leading "the"."""
    s = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\.|\s|$)", "", s)  # U.S. -> us, U.K. -> uk
    s = re.sub(r"'s$", "", s)
    return s.strip(" .,;:\"'")


# letters that Unicode does not decompose into a base letter plus an accent
_TRANSLIT = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                           "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "ð": "d"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """``text`` without accents: "Jarosław Kaczyński" -> "Jaroslaw Kaczynski"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Country:
    name: str
    government: str
    demonym: str
    ambiguous: bool = False
    supranational: bool = False


@dataclass(frozen=True)
class Body:
    name: str
    country: str
    type: str = "government"


@dataclass
class Tables:
    titles: dict[str, str] = field(default_factory=dict)          # title -> gender ('' unknown)
    multi_titles: tuple[tuple[str, ...], ...] = ()                 # multi-word titles, longest first
    stop: frozenset = frozenset()
    agencies: frozenset = frozenset()
    cue_before: dict[str, str] = field(default_factory=dict)      # cue noun -> type
    cue_after: dict[str, str] = field(default_factory=dict)
    name_words: dict[str, str] = field(default_factory=dict)      # word inside a name -> type
    countries: dict[str, Country] = field(default_factory=dict)   # norm(alias/name) -> country
    demonyms: dict[str, Country] = field(default_factory=dict)    # norm(demonym) -> country
    bodies: dict[str, Body] = field(default_factory=dict)         # norm(alias) -> body (unconditional)
    bound_bodies: dict[str, Body] = field(default_factory=dict)   # norm(alias) -> body (main country only)
    descriptions: dict[str, dict] = field(default_factory=dict)
    description_classes: tuple[frozenset, ...] = ()
    generic_descriptions: frozenset = frozenset()
    groups: dict[str, tuple[str, dict]] = field(default_factory=dict)  # head lemma -> (group id, spec)
    unscoped: frozenset = frozenset()
    offices: frozenset = frozenset()
    portfolios: frozenset = frozenset()   # words of a government portfolio ("Secretary of Homeland Security")
    regions: dict[str, str] = field(default_factory=dict)         # norm(region) -> country name ('' unknown)
    cities: dict[str, Country] = field(default_factory=dict)      # norm(city) -> country
    capitals: dict[str, Country] = field(default_factory=dict)    # norm(capital) -> its country (seat of government)
    platform_verbs: frozenset = frozenset()
    representatives: frozenset = frozenset()
    post_nominals: frozenset = frozenset()                        # "qc", "mp": letters after a name
    vessel_prefixes: frozenset = frozenset()                      # "mv", "hms": ship-name prefixes
    parties: dict[str, str] = field(default_factory=dict)         # norm(form) -> party name ("tories" -> ...)


def _titles(t: Tables) -> None:
    multi = []
    for line in load_lines("entity_titles.txt"):
        word, _, gender = line.partition("|")
        t.titles[word] = gender
        if " " in word:
            multi.append(tuple(word.split()))
    t.multi_titles = tuple(sorted(multi, key=len, reverse=True))


def _countries(t: Tables) -> None:
    for row in load_json("countries.json")["countries"]:
        dem = row["demonyms"][0] if row["demonyms"] else row["name"]
        c = Country(row["name"], row.get("government") or f"{dem} government", dem, bool(row.get("ambiguous")),
                    bool(row.get("supranational")))
        for alias in [row["name"], *row["aliases"]]:
            t.countries.setdefault(norm(alias), c)
        for d in row["demonyms"]:
            t.demonyms.setdefault(norm(d), c)
        t.countries.setdefault(norm(c.government), c)
        for city in row.get("cities", ()):
            t.cities.setdefault(norm(city), c)
        if row.get("capital"):
            t.capitals.setdefault(norm(row["capital"]), c)


def _bodies(t: Tables) -> None:
    for row in load_json("government_bodies.json")["bodies"]:
        body = Body(row["name"], row["country"], row.get("type", "government"))
        target = t.bound_bodies if row.get("name_bound") else t.bodies
        target.setdefault(norm(row["name"]), body)
        for alias in row["aliases"]:
            if alias.startswith("~"):
                t.bound_bodies.setdefault(norm(alias[1:]), body)
            else:
                t.bodies.setdefault(norm(alias), body)


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The indexed entity tables (built on first use)."""
    t = Tables()
    _titles(t)
    t.stop = frozenset(load_lines("entity_stoplist.txt"))
    t.agencies = frozenset(load_lines("photo_agencies.txt"))
    cues = load_json("entity_cues.json")
    for typ, words in cues["before"].items():
        for w in words:
            t.cue_before.setdefault(w, typ)
    for typ, words in cues["after"].items():
        for w in words:
            t.cue_after.setdefault(w, typ)
    for typ, words in cues["name_words"].items():
        for w in words:
            t.name_words.setdefault(w, typ)
    _countries(t)
    _bodies(t)
    for line in load_lines("regions.txt"):
        name, _, country = line.partition("|")
        t.regions[norm(name)] = country
    t.platform_verbs = frozenset(cues.get("platform_verbs", ()))
    descriptions = load_json("descriptions.json")
    t.descriptions = descriptions["heads"]
    t.description_classes = tuple(frozenset(c) for c in descriptions["classes"])
    t.generic_descriptions = frozenset(descriptions["generic"])
    coll = load_json("collective_actors.json")
    for gid, spec in coll["groups"].items():
        for form in spec["forms"]:
            t.groups[form] = (gid, spec)
    t.unscoped = frozenset(coll.get("unscoped_qualifiers", ()))
    t.representatives = frozenset(coll.get("representatives", ()))
    t.offices = frozenset(load_lines("office_titles.txt"))
    t.portfolios = frozenset(load_lines("portfolio_words.txt"))
    t.vessel_prefixes = frozenset(load_lines("vessel_prefixes.txt"))
    t.post_nominals = frozenset(load_lines("post_nominals.txt"))
    for row in load_json("parties.json")["parties"]:
        for form in [row["name"], *row["forms"]]:
            t.parties.setdefault(norm(form), row["name"])
    return _read_only(t)


def _read_only(t: Tables) -> Tables:
    """The tables with every mapping read-only: every caller shares one cached copy."""
    for f in fields(t):
        value = getattr(t, f.name)
        if isinstance(value, dict):
            setattr(t, f.name, MappingProxyType(value))
    return t


@lru_cache(maxsize=1)
def given_names() -> MappingProxyType:
    """Common given names and the gender they usually signal (``first_names.txt``)."""
    return MappingProxyType(dict(line.split("|", 1) for line in load_lines("first_names.txt")))


def country_of(text: str) -> Country | None:
    """The country a name, alias or demonym denotes, if any."""
    t, n = tables(), norm(text)
    return t.countries.get(n) or t.demonyms.get(n)


def country_hint(text: str) -> str:
    """The country a name points to for the article's main country: itself, a city, a region or a demonym."""
    t, n = tables(), norm(text)
    c = t.countries.get(n) or t.demonyms.get(n) or t.cities.get(n)
    if c is not None:
        return "" if c.ambiguous or c.supranational else c.name
    region = t.regions.get(n, "")
    c = country_of(region) if region else None
    return c.name if c is not None else region  # the table is read lower-cased: "united states" -> "United States"


def body_of(text: str, main_country: str = "") -> Body | None:
    """The well-known government body a name denotes, stripping a leading country marker."""
    t, n = tables(), norm(text)
    hit = t.bodies.get(n)
    if hit:
        return hit
    words = n.split(" ")
    for k in range(min(3, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        c = t.countries.get(head) or t.demonyms.get(head)
        if c is None:
            continue
        hit = t.bodies.get(rest) or t.bound_bodies.get(rest)
        if hit and hit.country == c.name:
            return hit
        return None
    hit = t.bound_bodies.get(n)
    if hit and hit.country == main_country:
        return hit
    return None


@lru_cache(maxsize=1 << 16)
def word_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The English lexicon's lemmas of a lower-case word by part of speech (lemminflect), cached: names are
    looked up again and again across a corpus."""
    from lemminflect import getAllLemmas

    return getAllLemmas(word)
