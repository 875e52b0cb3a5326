"""Alias resolution within one article: which name mentions denote the same actor.

Rules, in order (each joins groups of mentions with a union-find):

1. the same matching form (case, dots in acronyms, "the", "'s" ignored);
2. the government-body table ("Pentagon" = "Department of Defense" = "DoD") and the
   country table ("US" = "U.S." = "United States" = "America");
3. acronyms: "Federal Bureau of Investigation (FBI)" and initials ("MIT" for
   "Massachusetts Institute of Technology"); an acronym defined by a lower-case phrase
   ("artificial intelligence (AI)") is a common noun and is rejected;
4. explicit statements: "X, also known as Y", "X, formerly Y", "X (now Y)",
   "X is another/a secondary name (given ...) for/to Y";
5. partial person names ("Okafor", "Amara", "Dame Amara" with titles already stripped)
   join the one full name containing them; a surname shared by two full names
   ("Ana Vidal", "Rui Vidal") joins neither and is dropped;
6. a shorter organisation name that begins exactly one longer one ("Vantage" ->
   "Vantage Motor Company"), and a name ending in an institution word whose words stand in
   exactly one longer one ("the Commission" -> "the European Commission").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..data import load_lines
from .gazetteer import body_of, country_hint, country_of, fold, given_names, norm, tables
from .names import PARTICLES, Name

ARTICLE_PREFIX = re.compile(r"^(al|el|ad|an|ar|as|ash|at|az)-", re.I)
STOP_INITIALS = {"of", "and", "the", "for", "&", "de", "in", "on"}
ALIAS_BETWEEN = [
    # ", also known as", "(formerly called", ", known within the community as" -- a comma, bracket or adverb is
    # required so that "X called Y" (a verb) never joins two actors
    re.compile(r"^\s*[,(]\s*(also|otherwise|better|formerly|previously|now|since|once)?\s*"
               r"(known|called|named|referred to|renamed|rebranded)\b[^,;.()]{0,40}?(\s+as)?(\s+the)?\s*[\"']?$",
               re.I),
    re.compile(r"^\s*[,(]?\s*(also|otherwise|better|formerly|previously|once)\s+"
               r"(known|called|named|referred to)(\s+as)?(\s+the)?\s*$", re.I),
    re.compile(r"^\s*[,(]\s*(formerly|previously|now|or|a\.k\.a\.?|aka)(\s+the)?\s*$", re.I),
    re.compile(r"^\s*(is|was|are)\s+(also\s+)?(another|a|an|the)\s+([\w-]+\s+){0,3}(name|title|term)\b"
               r"[^.;]{0,60}?\b(for|to|of)(\s+the)?\s*$", re.I),
]


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, a: int) -> int:
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


@dataclass
class Cluster:
    """Mentions that denote one actor, with its canonical name and what anchored it."""

    names: list[Name]
    canonical: str
    kind: str = "name"        # body | country | party | region | name
    surfaces: set = field(default_factory=set)
    acting: bool = False      # a country mention acts as a state (see entities.country_nodes)


def anchor(n: Name, main_country: str) -> tuple[str, str]:
    """(kind, canonical) for names the tables know; ('name', text) otherwise."""
    if n.body:
        return "body", n.body
    body = body_of(n.text, main_country)
    if body:
        return "body", body.name
    key = norm(n.text)
    c = country_of(n.text)
    if n.label == "PERSON" and c is not None and not c.ambiguous and key == norm(c.name) and not n.titles:
        return "country", c.name  # "Benin" tagged as a person
    if n.label != "PERSON":
        if c and c.ambiguous and (n.label != "GPE" or (key in tables().regions and main_country == "United States")):
            c = None
        if c and (key != norm(c.demonym) or key == norm(c.name)):
            return "country", c.name
    if key in tables().parties:
        return "party", tables().parties[key]  # "the Tories" = "Conservative Party"
    if key in tables().regions:
        return "region", n.text
    return "name", n.text


def match_form(text: str) -> str:
    """The matching form of a name: ``norm`` without accents ("Kaczyński" = "Kaczynski"), with a leading
    country alias or demonym written the table's way ("United States Embassy" = "U.S. Embassy"), and a
    trailing "of <country>" moved to the front ("Parliament of Iraq" = "Iraqi Parliament")."""
    key = fold(norm(text))
    of_country = _of_country(key)
    if of_country:
        return of_country
    words = key.split(" ")
    for k in range(min(3, len(words) - 1), 0, -1):
        c = tables().countries.get(" ".join(words[:k])) or tables().demonyms.get(" ".join(words[:k]))
        if c is not None:
            return " ".join([fold(norm(c.name)), *words[k:]])
    return key


def _of_country(key: str) -> str:
    """"parliament of iraq" -> "iraq parliament", the form "Iraqi Parliament" matches too; '' otherwise."""
    m = re.fullmatch(r"(\S+(?: \S+){0,2}) of (?:the )?(.+)", key)
    c = tables().countries.get(m.group(2)) if m and " of " not in m.group(1) else None
    return f"{fold(norm(c.name))} {m.group(1)}" if c is not None else ""


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in STOP_INITIALS).upper()


def _may_abbreviate(name: str, acronym: str) -> bool:
    """Whether a bracketed acronym can stand for the name before it. Several-word names may carry an
    acronym of another language ("People's Protection Units (YPG)"); a one-word name must at least begin
    with the acronym's letter: "Notes from Poland (NFP)" does not make NFP an alias of Poland."""
    return len(name.split()) > 1 or name[:1].upper() == acronym[:1].upper()


def _word_acronym(name: str, short: str) -> bool:
    """An acronym written as a word ("Balpa" for "British Airline Pilots' Association", "Nato"): one capitalised
    word of 3-6 letters that begins like the name, holds its initials in order and reads as letters of it."""
    initials = _initials(name)
    low = short.lower()
    return short.isalpha() and short[:1].isupper() and short[1:].islower() and 3 <= len(short) <= 6 \
        and len(initials) >= 3 and low[0] == initials[0].lower() and _subsequence(initials.lower(), low) \
        and _subsequence(low, name.lower())


def _acronyms(doc: Any, names: list[Name], uf: _UF, rejected: set) -> None:
    by_start = {n.start: i for i, n in enumerate(names)}
    for i, n in enumerate(names):
        e = n.end
        if e + 2 < len(doc) + 1 and e + 2 <= len(doc) - 1 and doc[e].text == "(" and doc[e + 2].text == ")":
            j = by_start.get(e + 1)
            if j is not None and (names[j].text.isupper() or _word_acronym(n.text, names[j].text)) \
                    and _may_abbreviate(n.text, names[j].text):
                uf.union(i, j)
        j = by_start.get(e + 1) if e + 1 < len(doc) and doc[e].text == "(" else None
        if j is not None and n.text.isupper() and 2 <= len(n.text) <= 6 and names[j].end < len(doc) \
                and doc[names[j].end].text == ")" and len(names[j].text.split()) > 1 \
                and tables().name_words.get(names[j].text.split()[-1].lower()) == "organization":
            uf.union(i, j)  # "SHP (Social Democrat Populist Party)": the acronym first, its name in brackets
    for i, tok in enumerate(doc):
        if tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")" and doc[i + 1].is_upper \
                and i > 0 and doc[i - 1].is_lower and doc[i - 1].pos_ in ("NOUN", "ADJ") and not doc[i - 1].ent_type_:
            rejected.add(norm(doc[i + 1].text))
    long_names = defaultdict(list)
    for i, n in enumerate(names):
        if n.end - n.start > 1 and not _person_like(n):  # initials name organisations, not people ("FM")
            long_names[_initials(n.text)].append(i)
    for i, n in enumerate(names):
        if n.text.isupper() and 2 <= len(n.text) <= 6 and n.end - n.start == 1 and not country_of(n.text):
            cands = {norm(names[j].text) for j in long_names.get(n.text.replace(".", ""), [])}
            if len(cands) == 1:
                uf.union(i, long_names[n.text.replace(".", "")][0])


def _statements(doc: Any, names: list[Name], uf: _UF) -> None:
    by_sent = defaultdict(list)
    for i, n in enumerate(names):
        by_sent[doc[n.start].sent.start].append(i)
    for idx in by_sent.values():
        for a_pos, a in enumerate(idx):
            for b in idx[a_pos + 1:a_pos + 4]:
                between = doc[names[a].end:names[b].start].text
                if len(between) < 90 and any(p.search(between) for p in ALIAS_BETWEEN):
                    if _renamed(doc, names[a], names[b]):
                        uf.union(a, b)
                    break


def _renamed(doc: Any, a: Name, b: Name) -> bool:
    """Whether the second name of an alias statement is the first's other name: not a possessor ("X, formerly
    the Y's chief of staff"), and not a person named beside an organisation or place."""
    if b.end < len(doc) and doc[b.end].tag_ == "POS":
        return False
    kinds = {"person" if n.label == "PERSON" or n.titles else "thing" if n.label in ("ORG", "GPE", "FAC") else ""
             for n in (a, b)}
    return kinds != {"person", "thing"}


def _person_like(n: Name) -> bool:
    return n.cue not in ("vessel", "product") and (n.label == "PERSON" or bool(n.titles) or n.cue == "person")


def _name_words(text: str) -> list[str]:
    """The words of a name that a partial mention may use: accents folded ("Erdogan" = "Erdoğan"), initials
    dropped, and a word with an Arabic article ("al-Assad", "el-Sisi") also stands for its bare form ("Assad")."""
    out = []
    for w in text.split():
        if re.fullmatch(r"[A-Z]\.?", w):
            continue
        w = w.lower() if w.lower() in PARTICLES else fold(w)
        w = ARTICLE_PREFIX.sub("al-", w)  # "Al-Assad", "el-Sisi", "as-Sadr": one article, spelled its way
        out.append(w)
        bare = ARTICLE_PREFIX.sub("", w)
        if bare != w and bare[:1].isupper():
            out.append(bare)
    return out


def surname_only(text: str) -> bool:
    """A surname with its particle and no given name: "de Blasio", "van der Berg", "al-Assad"."""
    words = text.split()
    while words and words[0].lower() in PARTICLES:
        words = words[1:]
    if len(text.split()) == 1:
        return bool(ARTICLE_PREFIX.match(text))
    return len(words) == 1


def _partials(names: list[Name], uf: _UF, kinds: list[str]) -> set[int]:
    """Join partial person names to their full name; return mentions of ambiguous surnames."""
    full: dict[str, set[str]] = defaultdict(set)      # token -> full names containing it
    rep: dict[str, int] = {}
    for i, n in enumerate(names):
        words = _name_words(n.text)
        if len(n.text.split()) > 1 and not surname_only(n.text) and _person_like(n) and kinds[i] == "name":
            key = " ".join(words)
            rep.setdefault(key, i)
            for w in words:
                full[w].add(key)
    ambiguous = set()
    for i, n in enumerate(names):
        if kinds[i] != "name":
            continue
        words = _name_words(n.text)
        key = " ".join(words)
        if key in rep:
            uf.union(i, rep[key])
            continue
        hosts = set.intersection(*(full.get(w, set()) for w in words)) if words else set()
        if len(hosts) > 1:
            hosts = _of_gender(hosts, n)  # "Ms Rees" beside Carla Rees and Tom Rees: Carla
        if len(hosts) == 1:
            uf.union(i, rep[next(iter(hosts))])
        elif len(hosts) > 1 and (len(words) == 1 or surname_only(n.text)):
            ambiguous.add(i)
    return ambiguous


def _title_gender(n: Name) -> str:
    """The one gender the mention's honorifics give ("Ms", "Sir"); '' for none or a mix."""
    genders = {tables().titles.get(t, "") for t in n.titles} - {""}
    return next(iter(genders)) if len(genders) == 1 else ""


def _honorific(n: Name) -> str:
    """The gender an honorific gives a one-word name ("Ms Rees" and "Mr Rees" are two people); '' otherwise."""
    return _title_gender(n) if len(n.text.split()) == 1 else ""


def _of_gender(hosts: set[str], n: Name) -> set[str]:
    """The full names whose given name does not have the other gender than the mention's honorific (all when
    it has none): "Ms Rees" is not Tom Rees, and may be a Rees of a given name of unknown gender."""
    gender = _title_gender(n)
    if not gender:
        return hosts
    return {h for h in hosts if given_names().get(h.split()[0].lower(), gender) == gender} or hosts


def _country_prefixed(names: list[Name], uf: _UF, kinds: list[str], first: dict) -> None:
    """"United States General Services Administration" = "General Services Administration" when the article
    uses both: a country prefix before a name of two or more words that also stands alone."""
    for i, n in enumerate(names):
        if kinds[i] != "name" or n.label == "PERSON":
            continue
        words = match_form(n.text).split(" ")
        for k in range(min(3, len(words) - 2), 0, -1):
            if " ".join(words[:k]) in tables().countries:
                j = first.get(("name", " ".join(words[k:]), ""))
                if j is not None:
                    uf.union(i, j)
                break


def _own_body(rest: list[str]) -> bool:
    """The words that lengthen a name make it a body of its own, not the same actor: a national branch
    ("Harvell" + "Polska", "Acme" + "UK Ltd") or a unit ("Ford" + "Foundation", a broadcaster + "News Channel")."""
    return bool(country_of(" ".join(rest))) or any(country_of(w) for w in rest) \
        or rest[-1].lower() in load_lines("unit_heads.txt")


def _prefixes(names: list[Name], uf: _UF, kinds: list[str]) -> None:
    longer: dict[str, set[str]] = defaultdict(set)
    rep: dict[str, int] = {}
    for i, n in enumerate(names):
        if kinds[i] == "name" and n.label != "PERSON" and not n.titles and n.cue not in ("vessel", "product"):
            words = n.text.split()
            rep.setdefault(n.text, i)
            for k in range(1, len(words)):
                if not _own_body(words[k:]):
                    longer[" ".join(words[:k])].add(n.text)
                    if re.search(r"['\u2019]s$", words[k - 1]):  # "Barlow" (or "Barlow's") of "Barlow's Holdings"
                        longer[" ".join(words[:k])[:-2]].add(n.text)
    people = {uf.find(j) for j, m in enumerate(names) if _person_like(m) and len(m.text.split()) > 1}
    for i, n in enumerate(names):
        hosts = longer.get(n.text, ())
        known_place = n.label in ("GPE", "LOC") and (country_hint(n.text) or norm(n.text) in tables().regions)
        if kinds[i] != "name" or len(hosts) != 1 or known_place or n.titles or uf.find(i) in people:
            continue  # "Lumo" (tagged a place) is "Lumo Airways"; "Georgia" stays apart from "Georgia Power";
            # "Pryce", already Dennis Pryce's surname, never also joins "Pryce Holdings"
        host = rep[next(iter(hosts))]
        if n.label != "PERSON" or names[host].label == "ORG":
            uf.union(i, host)


def _suffixes(names: list[Name], uf: _UF, kinds: list[str]) -> None:
    """"Edison spokesman X" beside "Southern California Edison": a one-word organisation name that closes exactly
    one longer organisation name is its short form, unless the word is an institution or legal-form word ("Bank",
    "Post") or the longer name is a person's."""
    longer: dict[str, set[str]] = defaultdict(set)
    rep: dict[str, int] = {}
    for i, n in enumerate(names):
        words = n.text.split()
        if kinds[i] == "name" and n.label == "ORG" and len(words) > 1 and not n.titles \
                and not any(w.islower() for w in words):  # "Coalition to Defeat X" ends in its object, not its head
            longer[words[-1]].add(n.text)
            rep.setdefault(n.text, i)
    for i, n in enumerate(names):
        hosts = longer.get(n.text, ())
        if kinds[i] != "name" or len(hosts) != 1 or " " in n.text or n.label not in ("ORG", "") or n.titles \
                or n.text.lower() in tables().name_words or country_hint(n.text):
            continue
        uf.union(i, rep[next(iter(hosts))])


def _subsequence(short: Any, long_: Any) -> bool:
    """Whether the items of ``short`` appear in ``long_`` in order (words of names, letters of an acronym)."""
    it = iter(long_)
    return all(w in it for w in short)


def _short_forms(names: list[Name], uf: _UF) -> None:
    """"the Commission" = "the European Commission", "the Oversight Committee" = "the House Oversight and Reform
    Committee": a name ending in an institution word whose words all stand, in order, in the one longer name
    of the article that ends in that word; with two such longer names it joins neither."""
    ends: dict[str, dict[str, int]] = defaultdict(dict)
    for i, n in enumerate(names):
        words = n.text.split()
        if len(words) > 1 and n.label != "PERSON" and not n.titles:
            ends[words[-1].lower()].setdefault(norm(n.text), i)
    for i, n in enumerate(names):
        words = norm(n.text).split()
        if n.label == "PERSON" or not words or words[-1] not in tables().name_words:
            continue
        hosts = [j for form, j in ends.get(words[-1], {}).items()
                 if len(form.split()) > len(words) and _subsequence(words, form.split())]
        if len(hosts) == 1:
            uf.union(i, hosts[0])


INITIAL = re.compile(r"[A-Z]\.?")


def _canonical(members: list[Name], kind: str, anchor_name: str) -> str:
    """The node label: the table name, else the most frequent full person name (middle initials
    dropped, so "Donald J. Trump" and "Donald Trump" are one key), else the longest form."""
    if kind in ("body", "country", "party"):
        return anchor_name
    forms = Counter(" ".join(n.text.split()) for n in members)
    multi = [f for f in forms if len(f.split()) > 1 and not surname_only(f)]
    if multi and any(_person_like(n) for n in members):
        best = max(multi, key=lambda f: (forms[f], -sum(bool(INITIAL.fullmatch(w)) for w in f.split()), len(f), f))
        words = best.split()
        best = " ".join([words[0], *[w for w in words[1:-1] if not INITIAL.fullmatch(w)], words[-1]])
    else:  # the longest form; "Iraqi Parliament" before "Parliament of Iraq", as groups name it so
        best = max(forms, key=lambda f: (len(f.split()) > 1, not _of_country(fold(norm(f))), len(f.split()),
                                         forms[f], f))
    return re.sub(r"\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?", lambda m: "".join(g for g in m.groups() if g), best)


def cluster_names(doc: Any, names: list[Name], main_country: str = "") -> tuple[list[Cluster], set]:
    """Group name mentions into clusters (one per actor); also returns rejected acronym keys."""
    uf = _UF(len(names))
    anchors = [anchor(n, main_country) for n in names]
    kinds = [k for k, _ in anchors]
    first: dict[tuple, int] = {}
    for i, (kind, canon) in enumerate(anchors):
        key = (kind, norm(canon)) if kind != "name" else ("name", match_form(names[i].text), _honorific(names[i]))
        if key in first:
            uf.union(i, first[key])
        else:
            first[key] = i
    rejected: set = set()
    _acronyms(doc, names, uf, rejected)
    _statements(doc, names, uf)
    ambiguous = _partials(names, uf, kinds)
    _prefixes(names, uf, kinds)
    _suffixes(names, uf, kinds)
    _short_forms(names, uf)
    _country_prefixed(names, uf, kinds, first)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(names)):
        if i not in ambiguous and norm(names[i].text) not in rejected:
            groups[uf.find(i)].append(i)
    out = []
    for idx in groups.values():
        members = [names[i] for i in idx]
        table = [anchors[i] for i in idx if anchors[i][0] in ("body", "country", "party")]
        kind, canon = (table[0] if table else ("region" if any(anchors[i][0] == "region" for i in idx) else "name", ""))
        if kind == "country" and any(a[0] == "body" for a in table):
            kind, canon = next(a for a in table if a[0] == "body")
        c = Cluster(members, _canonical(members, kind, canon), kind)
        c.surfaces = {n.text for n in members} | {n.raw for n in members if n.raw}
        out.append(c)
    return out, rejected
