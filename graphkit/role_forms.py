"""Role constructions beyond one title on one name (used by :mod:`graphkit.roles`).

* coordinated titles: "Zentrix chairman and chief executive Jane Roe", "Party leader and Prime
  Minister Jane Roe": the first title belongs to the name after the second;
* counterparts: "X and his Greek, Cypriot and French counterparts, A, B and C, respectively" gives
  A, B and C the office X holds, of the Greek, Cypriot and French governments, in that order;
* the body a title names by its own word ("Transport Commissioner X" -> the article's one
  "... Commission"; ``role_titles.json: title_bodies``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .lexicon import load_json
from .records import Article, Relation

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
    """The person named right after a title, whatever the parse made of it ("coach Jane Roe said", where the
    tagger read "coach" as a verb)."""
    doc = last.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    key = actors.key(nxt) if nxt is not None and nxt.pos_ == "PROPN" else None
    return (key, nxt) if key and actors.type(key) == "person" else None


def adjacent_body(title: Any, actors: Any, want: tuple[str, ...]) -> tuple[str, Any] | None:
    """The organisation named right before a title ("Zentrix boss X", "Caloundra coach X")."""
    prev = title.doc[title.i - 1] if title.i > 0 else None
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
    if not words:
        return None
    found = {key for key, ent in actors.ents.entities.items()
             if ent.type in ("government", "organization") and ent.label.split()
             and ent.label.split()[-1].lower() in words}
    if len(found) != 1:
        return None
    key = next(iter(found))
    tok = next((t for t in doc if actors.key(t) == key), None)
    return (key, tok) if tok is not None else None
