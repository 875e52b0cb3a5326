"""Entity typing: person, organization, government, place or other.

* Table hits decide first: a government body is ``government``.
* Countries and other geopolitical names (cities, states, tagged GPE) are
  ``government`` when at least one mention acts (agent preference): subject of
  a verb, passive agent ("by Britain"), object of a verb, or object of
  "with"/"against"; otherwise ``place`` ("in London", "London-based").
* Other names are typed by weighted votes: the tagger's label (1 per mention),
  a title or honorific before the name (person, 3), a cue noun around it
  ("AI firm X" organization, "X boss" organization, "X model" other; 3 per
  mention) and words inside the name ("... Motor Company", "Ministry of ...",
  "... Police"; 4 for the last such word of the canonical name).
* What only a company does or has (:mod:`company_cues`: "X, the pump maker", "X's chief executive",
  "shares in X", "X reported a loss", "the company" right after X) outweighs the tagger's ``PERSON``:
  4 plus 3 per such mention, and ``PERSON`` labels then count half (unless a mention shows a person).
  What only a person undergoes or has ("X said she would ...", "X was assassinated", "X's widow") is a
  person's sign (3), and otherwise the tagger's label on the bare surname of a full personal name ("Kyle
  Roe" ... "Roe") counts for the person. "Former" alone is no title ("former Zentrix executive Jo Roe").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any


from .aliases import Cluster
from .company_cues import company_construction, person_construction
from ..data import load_json
from .gazetteer import body_of, country_hint, country_of, given_names, tables, word_lemmas

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "NORP": "other",
               "FAC": "place", "PRODUCT": "other", "EVENT": "other", "WORK_OF_ART": "other", "LAW": "other"}
CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")
SURNAME_CAMEL = re.compile(r"^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z]")
LOCATIVE = {"in", "near", "outside", "inside", "across", "around", "throughout"}
NOT_LOCATIVE = {"invest", "participate", "believe", "involve", "engage", "specialize", "succeed", "result", "trust",
                "help", "assist", "interest", "lead", "join", "enrol", "enroll"}  # "invested in X" is no place
AGENT_DEPS = {"nsubj", "nsubjpass", "dative", "csubj"}
AGENT_PREPS = {"by", "with", "against"}


def is_agent(doc: Any, start: int, end: int) -> bool:
    """Whether a mention acts in its clause (rather than locating something).

    Acting: subject of a verb, passive agent ("by Britain"), object of a verb that
    also takes a clause ("urged the US to waive"), object of "with"/"against".
    """
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    dep, head = root.dep_, root.head
    if dep in AGENT_DEPS:
        return head.pos_ in ("VERB", "AUX")
    if dep == "dobj":
        return any(c.dep_ in ("xcomp", "ccomp") for c in head.children)
    if dep == "pobj":
        return head.lower_ in AGENT_PREPS or head.dep_ == "agent"
    return False


def is_polity(doc: Any, start: int, end: int) -> bool:
    """A country acting as a state: an agent, or qualifying a public office ("US President")."""
    if is_agent(doc, start, end):
        return True
    offices = tables().offices
    root = doc[start:end].root
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and (nxt.lower_ in offices or nxt.lemma_.lower() in offices):
        return True
    if nxt is not None and end + 1 < len(doc) and f"{nxt.lower_} {doc[end + 1].lower_}" in offices:
        return True
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.lemma_.lower() in offices:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and start >= 2:
        title = root.head.head
        return title.lemma_.lower() in offices or title.lower_ in offices
    return False


def _name_word_type(canonical: str) -> str:
    words = canonical.lower().replace("'s", "").split()
    nw = tables().name_words
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w == "state" and k and not (country_hint(" ".join(words[:k])) or " ".join(words[:k]) in tables().regions):
            continue  # "Washington State" is a place; "Islamic State" is not
        if w in nw:
            return nw[w]
    return ""


def _body_word(name: str) -> str:
    """"Congress", "Senate", "Knesset": a one-word name that is itself a public body's word is that body
    ("served in Congress" is no place)."""
    return "government" if tables().name_words.get(name.lower()) == "government" else ""


def _club_cue(doc: Any, n: Any) -> bool:
    """"Caloundra coach X", "Leeds manager X": a place name before a title only a club or company has (not a
    jurisdiction: "Kent's chief constable", "London Mayor")."""
    if n.cue != "organization" or n.end >= len(doc) or doc[n.end].lower_ not in tables().cue_after:
        return False
    return doc[n.end].lower_ not in load_json("role_titles.json")["jurisdiction"]


def _firm_cue(doc: Any, n: Any) -> bool:
    """"Engineering firm Pellham", "the carrier Lumo": an organisation noun right before the name."""
    return n.cue == "organization" and n.start > 0 and tables().cue_before.get(doc[n.start - 1].lower_) == "organization"


def _geo_like(doc: Any, cluster: Cluster) -> bool:
    labels = Counter(n.label for n in cluster.names if n.label)
    geo = labels["GPE"] + labels["LOC"]
    if cluster.kind in ("country", "region"):
        return True
    personal = any(n.titles or n.cue == "person" or _club_cue(doc, n) or _firm_cue(doc, n)
                   or (n.label == "PERSON" and n.end - n.start > 1) for n in cluster.names)
    return geo > 0 and geo >= sum(labels.values()) - geo and not personal


def _locative(doc: Any, n: Any) -> bool:
    """A mention as the object of a locative preposition: "near X"; "in X" only after a verb of place."""
    root = doc[n.start:n.end].root
    prep = root.head
    if n.titles or root.dep_ != "pobj" or prep.lower_ not in LOCATIVE:
        return False
    return prep.lower_ != "in" or (prep.head.pos_ in ("VERB", "AUX") and prep.head.lemma_.lower() not in NOT_LOCATIVE)


def _listed_with_people(doc: Any, start: int, end: int) -> bool:
    """Whether a name is coordinated with a name the tagger called a person ("X, Y and Z") and does not end
    in a common noun ("Blackfeet Nation" listed beside people stays what it is)."""
    root = doc[start:end].root
    mates = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    if not any(m.ent_type_ == "PERSON" and not start <= m.i < end for m in mates):
        return False
    return not word_lemmas(doc[end - 1].lower_).get("NOUN")  # "... Nation", "... Community" stay


def _titled(n: Any) -> bool:
    """A title shows a person; "former" alone does not ("former Zentrix executive Jo Roe": Zentrix's)."""
    return any(t.lower() not in load_json("company_cues.json")["non_titles"] for t in n.titles)


def _company_mentions(doc: Any, cluster: Cluster, votes: Counter) -> int:
    """The mentions where only a company stands ("X's chief executive", "X reported a loss"), which then
    outweigh the tagger's ``PERSON``; where a mention shows a person ("Ms Roe", "Roe, 45,", "X said she would
    ...", "X's widow", 3 each) each counts 2, and where the name opens with a given name and the sign is only a line of
    business ("Jo Roe sells cakes") each is a cue (3)."""
    strength = [company_construction(doc, n.start, n.end) for n in cluster.names]
    words = cluster.canonical.split()
    given = len(words) > 1 and words[0].lower() in given_names()
    selves = sum(LABEL_TYPES.get(n.label) != "other" and person_construction(doc, n.start, n.end, bool(n.label))
                 for n in cluster.names)  # a thing's name ("the last Incan King") stays a thing
    if selves:
        votes["person"] += 3 * selves  # "X said she would resign" (a company is "it"), "X was assassinated"
    personal = selves or any(_titled(n) or n.cue == "person" for n in cluster.names)
    if personal and any(strength):  # 2, short of a person's sign: "Jo Roe, deputy leader, ..., group,"
        votes["organization"] += 2 * sum(1 for k in strength if k)
    elif given and 1 in strength:
        votes["organization"] += 3 * strength.count(1)
    return 0 if personal else sum(1 for k in strength if k == 2 or k == 1 and not given)


def _surnames(cluster: Cluster) -> frozenset[str]:
    """Last words of the cluster's full personal names ("Kyle Roe": a given name, tagged ``PERSON``): the
    tagger's ``ORG`` or ``GPE`` on such a bare surname later ("Roe was released") is its guess at an unknown
    word, and counts for the person."""
    return frozenset(n.text.split()[-1] for n in cluster.names if n.label == "PERSON" and n.end - n.start > 1
                     and n.text.split()[0].lower() in given_names())


def type_cluster(doc: Any, cluster: Cluster) -> str:
    """The article-level type of one cluster."""
    if cluster.kind == "body":
        body = body_of(cluster.canonical)
        return body.type if body is not None else "government"
    if cluster.kind == "party":
        return "organization"
    if cluster.kind == "country":
        country = country_of(cluster.canonical)
        supranational = country is not None and country.supranational  # the EU: a union of states, not a place
        return "government" if cluster.acting or supranational else "place"
    if any(n.cue in ("vessel", "product") for n in cluster.names):
        return "other"  # "MV Jane Roe", "Vantage QX7": a ship or a product, never an actor
    word = _name_word_type(cluster.canonical) if len(cluster.canonical.split()) > 1 else _body_word(cluster.canonical)
    if not word:  # "Hagia Sophia" also named "Hagia Sophia Museum": the longer form's institution word
        longer = [n.text for n in cluster.names if len(n.text.split()) > len(cluster.canonical.split())]
        word = next((w for t in sorted(longer) if (w := _name_word_type(t))), "")
    if _geo_like(doc, cluster) and word in ("", "place"):
        agent = any(is_agent(doc, n.start, n.end) for n in cluster.names)
        return "government" if agent else "place"
    votes: Counter = Counter()
    # a one-word name the tables do not know (no title, no given name): the tagger's guess is weak against a cue
    bare = all(n.end - n.start == 1 and not n.titles for n in cluster.names) and \
        cluster.canonical.lower() not in given_names() and any(n.cue for n in cluster.names)
    company = _company_mentions(doc, cluster, votes)
    surnames = frozenset() if company else _surnames(cluster)
    for n in cluster.names:
        if n.label:  # what only a company does or has makes the tagger's PERSON a weak guess
            label = "PERSON" if n.text in surnames else n.label
            votes[LABEL_TYPES.get(label, "other")] += 0.5 if bare or (company and label == "PERSON") else 1
        if _titled(n):
            votes["person"] += 3
        if n.cue:
            votes[n.cue] += 3
        if n.label == "PERSON" and n.end - n.start > 1 and not company:
            votes["person"] += 2  # a full personal name outweighs stray labels on the bare surname
        if n.end - n.start == 1 and CAMEL.match(n.text) and not SURNAME_CAMEL.match(n.text):
            votes["organization"] += 2  # "UpGuard", "EastMed": an inner capital marks a brand, not a person
        if not word and n.end - n.start > 1 and _listed_with_people(doc, n.start, n.end):
            votes["person"] += 2  # "Jane Roe, Tom Poe and Ann Lee": a name in a list of people
    if word not in ("government", "organization") and all(_locative(doc, n) for n in cluster.names):
        votes["place"] += 2 * len(cluster.names)  # only ever "in Omsk", "near Ain Issa": a place
    if company:
        votes["organization"] += 4 + 3 * company  # "X's chief executive", "shares in X", "X reported a loss"
    if word:
        votes[word] += 4 + len(cluster.names)
        if cluster.canonical.lower().split()[-1] in tables().name_words:
            votes[word] += 3  # "Mary Fenwick Hospital": an institution word closing the name beats a given name
    first = cluster.canonical.split()[0].lower() if 2 <= len(cluster.canonical.split()) <= 4 else ""
    if first in given_names():
        votes["person"] += 3
    if not votes:
        return "organization" if cluster.canonical.isupper() else "person" \
            if len(cluster.canonical.split()) in (2, 3) else "organization"
    order = ("government", "organization", "person", "place", "other")
    return max(votes, key=lambda t: (votes[t], -order.index(t)))


@lru_cache(maxsize=1)
def _geo_suffixes() -> frozenset:
    return frozenset(load_json("entity_cues.json")["geo_suffixes"])


def club_of_place(cluster: Cluster, places: set[str]) -> bool:
    """"<Place> <Word>" where the article names the place on its own ("Utah" and "Utah Jazz"): a club or
    team named for the place, an organisation. The word must be an ordinary capitalised word: no
    abbreviation ("DC"), given name, name word ("... Times", "... County") or geographic suffix ("... Strip"),
    and no mention may carry a title or a person cue."""
    words = cluster.canonical.split()
    if len(words) < 2 or " ".join(words[:-1]) not in places:
        return False
    last = words[-1]
    if not (last.isalpha() and last[0].isupper() and not last.isupper()):
        return False
    low = last.lower()
    if low in given_names() or low in tables().name_words or low in _geo_suffixes():
        return False
    return not any(n.titles or n.cue == "person" for n in cluster.names)
