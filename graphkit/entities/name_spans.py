"""The ``Name`` record and how a token span becomes one (used by :mod:`graphkit.entities.names`).

A ``Name`` is the bare name of an actor as a token span: titles, honorifics, determiners and
possessive endings are outside it ("Lagos Governor Dame Amara Okafor" gives "Lagos" and "Amara
Okafor", with the titles "governor" and "dame" recorded on the second). ``name_pieces`` cuts a span at
line breaks, punctuation, possessives and title words; ``trim`` drops determiners, connectors and
glued ranks at its edges; ``span_name`` makes the ``Name`` with the titles before it and its type
cue. Shared by both sources of names (:mod:`~graphkit.entities.tagged_names`,
:mod:`~graphkit.entities.recovered_names`): places joined by "and" as two names, the group noun of a
family, whether a span holds a proper-name word, and departments read out of a title ("Secretary of
Defense" -> ``title-of``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .gazetteer import body_of, country_hint, country_of, given_names, tables, word_lemmas
from .name_cues import name_cue
from .non_names import is_title

PARTICLES = {"de", "du", "der", "von", "van", "al", "bin", "la", "le", "da", "di", "del", "dos", "ibn"}
NON_NOMINAL = {"AUX", "VERB", "ADV", "SCONJ", "CCONJ", "PRON", "PART", "INTJ"}
CONNECTORS = {"of", "and", "&", "for", "de", "du", "der", "von", "van", "al", "bin", "la", "le"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
OWNED_BODIES = {"government", "administration", "cabinet", "family", "dynasty", "clan", "household"}
GROUP_TAILS = {"family", "dynasty", "clan", "household"}
RANKS = {"lt", "capt", "sgt", "col", "cmdr", "adm", "maj", "cpl", "pvt", "insp", "supt", "det", "gen", "officer",
         "captain", "sergeant", "lieutenant", "colonel", "major", "commander", "inspector", "chief", "spokesman",
         "spokeswoman", "spokesperson"}


@dataclass
class Name:
    """One bare-name mention: tokens ``start:end`` of the doc."""

    start: int
    end: int
    text: str
    label: str = ""
    source: str = "ner"
    titles: tuple[str, ...] = ()
    cue: str = ""
    body: str = ""          # canonical government body forced by the title-of rule
    raw: str = ""           # surface form with its titles, for the aliases
    extra: dict = field(default_factory=dict)


def _splits_at(doc: Any, i: int, start: int, end: int, person: bool) -> bool:
    """Whether the title word at ``i`` separates names inside an entity span."""
    if person and i > 0 and f"{doc[i - 1].lower_} {doc[i].lower_}" in tables().titles:
        return True  # "Chief" + "Executive Carrie Lam": the second word of a two-word title
    if not is_title(doc[i]):
        return False
    if person:
        return not _title_surname(doc, i, start, end)
    before = doc[i - 1].lower_ if i > start else ""
    after = doc[i + 1].lower_ if i + 1 < end else ""
    # "General Assembly", "General Services Administration": the title word is part of an institution's name
    named = any(doc[k].lower_ in tables().name_words for k in range(i + 1, end))
    return i + 1 < end and before != "of" and after != "of" and not named


def _title_surname(doc: Any, i: int, start: int, end: int) -> bool:
    """A title word ending a person's name after a given name: "Stephen King", "Martin Luther King Jr."."""
    rest = [doc[k].lower_.rstrip(".") for k in range(i + 1, end)]
    prev = doc[i - 1] if i > start else None
    named = prev is not None and (prev.lower_ in given_names() or i - start >= 2)  # "Carla Bishop", "Billie Jean King"
    return named and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not is_title(prev) \
        and all(w in NAME_SUFFIXES for w in rest)


def _title_words(doc: Any, start: int) -> tuple[list[str], int]:
    """Title words just before token ``start`` and the index where the title phrase begins.

    Walks left over title words, and over "of"/capitalised words only while a title
    word lies within three tokens further left ("Secretary of Defense Jane Roe");
    another name ("President X of Iran") stops the walk.
    """
    out, i, first = [], start - 1, start
    k = start - 1 if start and doc[start - 1].lower_ != "the" else start - 2
    if k >= 0 and doc[k].lower_ == "of":
        return [], start  # "the CEO of (the) Vantrell Group": the name is what the title is of, not titled
    while i >= 0 and start - i <= 6:
        tok = doc[i]
        if is_title(tok):
            out.append(tok.lower_.rstrip("."))
            first = i
        elif (tok.lower_ in ("of", "the", "-") or (tok.is_title and not tok.is_sent_start)) \
                and tok.ent_type_ not in ("PERSON", "GPE") and any(is_title(doc[k]) for k in range(max(0, i - 3), i)):
            pass
        elif first == i + 1 and f"{tok.lower_} {doc[i + 1].lower_}" in tables().titles:
            first = i  # "Prime Minister Jane Roe": the first word of a two-word title is no title alone
        else:
            break
        i -= 1
    words = list(reversed(out))
    text = " ".join(doc[first:start].text.lower().split())
    for multi in tables().multi_titles:
        if " ".join(multi) in text:
            words.append(" ".join(multi))
    return words, first


def name_pieces(doc: Any, start: int, end: int, person: bool = True) -> list[tuple[int, int]]:
    """Cut a span at whitespace, punctuation, possessives and title words."""
    out, cur = [], start
    for i in range(start, end):
        tok = doc[i]
        inner_the = tok.text == "the" and i > start and doc[i - 1].lower_ not in CONNECTORS  # "X the Party"
        possessive = (tok.tag_ == "POS" or tok.lower_ in ("'s", "\u2019s")) and not \
            (not person and _group_possessive(doc, i, start, end))
        cut = tok.is_space or possessive or inner_the or \
            (tok.is_punct and tok.text not in ("&", "-", ".", "'") and not _adjective_comma(doc, i, start, end, person)) \
            or _splits_at(doc, i, start, end, person)
        if cut:
            if i > cur:
                out.append((cur, i))
            cur = i + 1
    if end > cur:
        out.append((cur, end))
    return [(s, e) for s, e in out if not (e - s == 1 and doc[s].text in (".", "-", "&", "'")) and not
            (e - s == 1 and e < end and f"{doc[s].lower_} {doc[e].lower_}" in tables().titles)]  # "Tan" of "Tan Sri"


def _adjective_comma(doc: Any, i: int, start: int, end: int, person: bool) -> bool:
    """"United Nations Educational, Scientific and Cultural Organization": a comma after an adjective inside an
    organisation's name that ends in an institution word is part of the name."""
    if person or doc[i].text != "," or not start < i < end - 2:
        return False
    before = word_lemmas(doc[i - 1].lower_)
    return "ADJ" in before and "NOUN" not in before and doc[end - 1].lower_ in tables().name_words


def _group_possessive(doc: Any, i: int, start: int, end: int) -> bool:
    """"Kurdistan Workers' Party", "People's Protection Units": a possessive after a plural common noun inside
    an organisation's name belongs to the name, and so does one before a bare company word ("Morwen's Group");
    "Google's YouTube", "House of Representatives' Committee" are still cut."""
    while start < i and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    if not start < i < end - 1 or not doc[i + 1].text[:1].isupper() or i - start > 3:
        return False
    owner_name = doc[start:i].text
    if body_of(owner_name) or country_of(owner_name):
        return False  # "United Nations' Food and Agriculture Organization": an owner of its own
    owner = doc[i - 1].lower_
    lemmas = word_lemmas(owner).get("NOUN") or ()
    if owner == "people" or (bool(lemmas) and owner not in lemmas):
        return True
    # "Morwen's Group", "Hale's Holdings plc", "the Information Commissioner's Office (ICO)": what follows is only
    # institution words, no name of its own
    rest = [t for t in doc[i + 1:end] if t.tag_ != "POS"]
    rest = rest[:next((k for k, t in enumerate(rest) if t.text == "("), len(rest))]
    return bool(rest) and all(tables().name_words.get(t.lower_) in ("organization", "government")
                              and t.lower_ not in OWNED_BODIES for t in rest)


def trim(doc: Any, s: int, e: int) -> tuple[int, int]:
    """Drop leading determiners, connectors, lower-case modifiers ("major US"), non-nominal words
    ("Will Red Hat ...") and trailing connectors."""
    while s < e and (doc[s].lower_ in ("the", "a", "an", "of", "and", "for", "&") or doc[s].is_punct
                     or (doc[s].is_lower and doc[s].lower_ not in PARTICLES and e - s > 1)
                     or (doc[s].pos_ in NON_NOMINAL and e - s > 1)):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in CONNECTORS or
                     (e - s > 1 and doc[e - 1].lower_.rstrip(".") in tables().post_nominals) or
                     (e - s > 1 and doc[e - 1].text[:1].isupper() and is_title(doc[e - 1]) and
                      doc[e - 1].lower_.rstrip(".") in RANKS)):
        e -= 1  # "Coast Guard Lt.": a rank glued after the body is the next name's title
    if e - s > 2 and doc[e - 1].like_num and doc[e - 2].is_punct:  # "X Party - 365" in a results list
        return trim(doc, s, e - 2)
    if e - s > 2 and is_title(doc[e - 1]) and doc[e - 2].lower_ in ("for", "as"):  # "Jane Roe for President"
        return trim(doc, s, e - 2)
    return s, e


def span_name(doc: Any, s: int, e: int, label: str, source: str) -> Name | None:
    """The ``Name`` of tokens ``s:e`` once trimmed, with the titles before it and its type cue; None if
    nothing is left."""
    s, e = trim(doc, s, e)
    if e <= s:
        return None
    text = " ".join(doc[s:e].text.split())
    titles, first = _title_words(doc, s)
    cue = name_cue(doc, s, e)
    if cue == "place" and s > 0 and doc[s - 1].lower_ == "of":
        titles, first = [], s  # "the mayor of Dunmore": the title is the mayor's, not the town's
    raw = " ".join(doc[first:e].text.split()) if titles else text
    return Name(s, e, text, label, source, tuple(titles), cue, raw=raw)


def collective_tail(doc: Any, n: Name) -> Name:
    """'the Vidal family', 'the Osei dynasty': the group noun joins the name."""
    nxt = doc[n.end] if n.end < len(doc) else None
    if nxt is not None and nxt.lower_ in GROUP_TAILS and doc[n.start:n.end].root.head.i == nxt.i:
        return Name(n.start, n.end + 1, f"{n.text} {nxt.text}", "", n.source, n.titles, "organization",
                    raw=f"{n.raw} {nxt.text}")
    return n


def has_proper_word(doc: Any, s: int, e: int) -> bool:
    """Whether a span holds a proper-name word: one the English lexicon does not know as a common word, or a
    country ("Ashgrove Bank", "Bank of England"; not the portfolio "Foreign Affairs", "Homeland Security")."""
    return any(t.text[:1].isupper() and (not word_lemmas(t.lower_) or country_of(t.text)) for t in doc[s:e])


def conjoined_places(doc: Any, s: int, e: int, person: bool = False,
                      named: frozenset = frozenset()) -> list[tuple[int, int]]:
    """"Crete and Cyprus" tagged as one entity: two places joined by "and" are two names, unless the whole
    is one country ("Trinidad and Tobago"); a span the tagger calls a person is never two people or things
    joined by "and" ("Jane Roe and Tom Poe", "Ebola and HIV"); nor are two names the article uses on their own
    (``named``: first words of its other names: "the deal between Kestrel and Lumo")."""
    ands = [i for i in range(s + 1, e - 1) if doc[i].lower_ in ("and", "&")]
    if len(ands) != 1 or country_of(doc[s:e].text):
        return [(s, e)]
    i = ands[0]
    apart = doc[s:i].text in named and doc[i + 1:e].text in named
    if not (person or apart or country_hint(doc[s:i].text) or country_hint(doc[i + 1:e].text)):
        return [(s, e)]
    return [(s, i), (i + 1, e)]


def title_of(doc: Any, s: int, e: int, main_country: str) -> Name | None:
    """'Secretary of Defense' -> the defense department, if the body table knows it."""
    text = doc[s:e].text
    for frame in ("Department of {}", "Ministry of {}", "{} Department", "{} Ministry"):
        body = body_of(frame.format(text), main_country)
        if body:
            return Name(s, e, text, "ORG", "title-of", body=body.name, raw=text)
    return None
