"""Name mentions in a parsed article: the tagger's entities plus the names it missed.

A ``Name`` is the bare name of an actor as a token span: titles, honorifics,
determiners and possessive endings are outside it ("Lagos Governor Dame Amara
Okafor" gives "Lagos" and "Amara Okafor", with the titles "governor" and "dame"
recorded on the second). Sources: the model's entities (``ner``), proper-noun
runs in argument positions or next to a cue noun (``propn``/``cue``), and
department names read out of a title ("Secretary of Defense" -> ``title-of``).
False names are rejected: stoplisted strings, bracket debris, authors and
bylines, caption credits of photo agencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import body_of, country_hint, country_of, given_names, norm, tables, word_lemmas
from .name_cues import name_cue, place_titles
from .non_names import (byline_spans, common_noun, credit, credit_spans, in_spans, is_title, is_vessel_prefix,
                        speaker_label, title_phrase)

__all__ = ["Name", "byline_spans", "credit_spans", "find_names", "in_spans", "is_title"]

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative", "agent", "oprd",
            "ROOT", "npadvmod"}
PARTICLES = {"de", "du", "der", "von", "van", "al", "bin", "la", "le", "da", "di", "del", "dos", "ibn"}
NON_NOMINAL = {"AUX", "VERB", "ADV", "SCONJ", "CCONJ", "PRON", "PART", "INTJ"}
CONNECTORS = {"of", "and", "&", "for", "de", "du", "der", "von", "van", "al", "bin", "la", "le"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
HYPHEN_SUFFIXES = {"based", "born", "led", "backed", "owned", "run", "funded", "made", "style", "era", "linked",
                   "affiliated", "bound", "wide", "like", "controlled", "allied", "aligned", "focused", "centric"}
GROUP_TAILS = {"family", "dynasty", "clan", "household"}
AFFIXED = re.compile(r"^(anti|pro|ex|non|post|pre|neo|pan|mid|then|all|trans|inter|intra)-", re.I)
DEBRIS = re.compile(r"[\[\]{}()<>|*#@_=+\\/]|^\W|https?:|\.(com|org|net)\b")


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


def _pieces(doc: Any, start: int, end: int, person: bool = True) -> list[tuple[int, int]]:
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
    if not start < i < end - 1 or not doc[i + 1].text[:1].isupper() or i - start > 2:
        return False
    owner_name = doc[start:i].text
    if body_of(owner_name) or country_of(owner_name):
        return False  # "United Nations' Food and Agriculture Organization": an owner of its own
    owner = doc[i - 1].lower_
    lemmas = word_lemmas(owner).get("NOUN") or ()
    if owner == "people" or (bool(lemmas) and owner not in lemmas):
        return True
    # "Morwen's Group", "Hale's Holdings": what follows is only a company word, no name of its own
    rest = [t for t in doc[i + 1:end] if t.tag_ != "POS"]
    return bool(rest) and all(tables().name_words.get(t.lower_) == "organization" for t in rest)


def _trim(doc: Any, s: int, e: int) -> tuple[int, int]:
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
        return _trim(doc, s, e - 2)
    if e - s > 2 and is_title(doc[e - 1]) and doc[e - 2].lower_ in ("for", "as"):  # "Jane Roe for President"
        return _trim(doc, s, e - 2)
    return s, e


def _name(doc: Any, s: int, e: int, label: str, source: str) -> Name | None:
    s, e = _trim(doc, s, e)
    if e <= s:
        return None
    text = " ".join(doc[s:e].text.split())
    titles, first = _title_words(doc, s)
    cue = name_cue(doc, s, e)
    if cue == "place" and s > 0 and doc[s - 1].lower_ == "of":
        titles, first = [], s  # "the mayor of Dunmore": the title is the mayor's, not the town's
    raw = " ".join(doc[first:e].text.split()) if titles else text
    return Name(s, e, text, label, source, tuple(titles), cue, raw=raw)


def _glued(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a span over tokens written without spaces ("Chan-o-cha" tagged as "Chan")."""
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text == "-" or doc[end - 1].text == "-") \
            and not doc[end].is_space and doc[end].text not in ("'s", "\u2019s"):
        if doc[end].text == "-" and end + 1 < len(doc) and (doc[end + 1].pos_ in ("VERB", "ADJ", "NOUN")
                                                             and doc[end + 1].lower_ in HYPHEN_SUFFIXES):
            break
        end += 1
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text == "-" or doc[start].text == "-") \
            and not doc[start - 1].is_space:
        start -= 1
    return start, end


NAME_JOINERS = {"and", "&", "of", "de", "et", "des", "du", "la", "del", "della", "y", "und", "for"}
ELIDED = re.compile(r"^[dl][\u2019'][A-Z]")


def _capital(tok: Any) -> bool:
    return not tok.ent_type_ and tok.pos_ in ("PROPN", "X", "NOUN") and \
        (tok.text[:1].isupper() or bool(ELIDED.match(tok.text))) and not tok.is_sent_start


def _whole_org(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen an organisation the tagger cut short over the capitalised words of its name: "House Oversight and
    [Reform Committee]", "[Operation Fast and] Furious", "[Brigade de Recherche] et d'Intervention". Words to the
    left must hang into the name; words to the right follow a joining word."""
    while end + 1 < len(doc) and doc[end].lower_ in NAME_JOINERS and doc[end].whitespace_ and _capital(doc[end + 1]) \
            and not is_title(doc[end + 1]):  # not "the Court of Appeals and [Judge] Jo Roe"
        end += 2
        while end < len(doc) and _capital(doc[end]) and doc[end - 1].whitespace_:
            end += 1
    while end < len(doc) and doc[end - 1].lower_ in ("and", "&", "of") and _capital(doc[end]):
        end += 1  # the tagger kept the joining word but not the word after it
    while end < len(doc) and _capital(doc[end]) and doc[end].lower_ in tables().name_words \
            and tables().name_words[doc[end].lower_] in ("organization", "government") and not is_title(doc[end]):
        end += 1  # "[Montana Highway] Patrol Officer X": the institution word closing the name
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and doc[end + 1].ent_type_ == "ORG" \
            and doc[end + 1].ent_iob_ == "B" and any(t.lower_ in ("of", "for") for t in doc[start:end]):
        k = end + 2
        while k < len(doc) and doc[k].ent_iob_ == "I":
            k += 1
        if not _proper(doc, end + 1, k):
            end = k  # "Federal Service for Television and [Radio Broadcasting]": a portfolio of common words
    s = start
    while s > 0 and (_capital(doc[s - 1]) or (doc[s - 1].lower_ in ("and", "&") and s - 1 > 0 and _capital(doc[s - 2]))):
        s -= 1
    if s < start and _capital(doc[s]) and all(start <= t.head.i < end or s <= t.head.i < end for t in doc[s:start]):
        start = s
    return _common_words_and(doc, start, end), end


def _common_words_and(doc: Any, start: int, end: int) -> int:
    """Where an institution's name begins when the tagger took the common words before its "and" for a
    person: "the state [Crime Victim] and [Witness Advisory Council]" is one council. The words are
    capitalised common English words (no given name, title or country) and the name ends in an
    institution word."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "&") or doc[end - 1].lower_ not in tables().name_words:
        return start
    k = start - 1
    while k > 0 and _common_capital(doc[k - 1]):
        k -= 1
    return k if k < start - 1 and doc[k].ent_iob_ == "B" else start


def _common_capital(tok: Any) -> bool:
    """A capitalised common English word the tagger took for (part of) a person's name."""
    low = tok.lower_
    return tok.text[:1].isupper() and tok.ent_type_ == "PERSON" and bool(word_lemmas(low)) \
        and low not in given_names() and not is_title(tok) and country_of(tok.text) is None


def _collective_tail(doc: Any, n: Name) -> Name:
    """'the Vidal family', 'the Osei dynasty': the group noun joins the name."""
    nxt = doc[n.end] if n.end < len(doc) else None
    if nxt is not None and nxt.lower_ in GROUP_TAILS and doc[n.start:n.end].root.head.i == nxt.i:
        return Name(n.start, n.end + 1, f"{n.text} {nxt.text}", "", n.source, n.titles, "organization",
                    raw=f"{n.raw} {nxt.text}")
    return n


AGENTIVE = re.compile(r"[a-z](er|eer|or|ist|ian|naut|man|woman|ess)$")


def occupation_word(tok: Any) -> bool:
    """A capitalised occupation that can stand before a personal name: "Engineer", "Podcaster", "Cosmonaut"
    (an agent noun the English lexicon knows as a noun, or an unknown word with an agent ending), never a
    known given name ("Walter", "Christian") or a word like "Grant" or "Rose"."""
    low = tok.lower_
    if not tok.is_title or low in PARTICLES or low in given_names() or not AGENTIVE.search(low):
        return False
    lemmas = word_lemmas(low)
    return not lemmas or low in lemmas.get("NOUN", ())


def _personal_rest(doc: Any, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` reads as a personal name: two or more capitalised words, each but the surname
    a known given name or a word the English lexicon does not know ("Pavel Orlov", not "Pavel Industries")."""
    words = doc[start:end]
    if len(words) < 2 or words[-1].lower_ in tables().name_words:
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and
               (t.lower_ in given_names() or not word_lemmas(t.lower_) or t.i == end - 1) for t in words)


def _without_occupation(doc: Any, start: int, end: int, label: str) -> tuple[int, str]:
    """Cut a capitalised occupation off the front of a span: "Cosmonaut Ivan Roe" -> "Ivan Roe" (a person,
    whatever label the tagger gave the whole); a PERSON span of one occupation before a name goes entirely."""
    while start < end and occupation_word(doc[start]) and start + 1 < len(doc) and doc[start + 1].pos_ == "PROPN":
        if label == "PERSON" and end - start != 2 and (end - start == 1 or doc[start + 1].lower_ in given_names()
                                                       or not word_lemmas(doc[start + 1].lower_)):
            start += 1
        elif label != "PERSON" and _personal_rest(doc, start + 1, end):
            start, label = start + 1, "PERSON"
        else:
            break
    return start, label


def _ner_names(doc: Any, main_country: str) -> list[Name]:
    out = []
    named = _own_names(doc)
    for ent in doc.ents:
        label = ent.label_
        if label not in NAME_LABELS:
            continue
        start, end = _glued(doc, ent.start, ent.end)
        own = named
        if label == "ORG":
            start, end = _whole_org(doc, start, end)
            own = frozenset() if doc[start].ent_type_ == "PERSON" else named  # joined over "[Crime Victim] and"
        if label == "PERSON":   # "Anna Michael" when only "Michael" was tagged
            while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ \
                    and doc[start - 1].dep_ == "compound" and not is_title(doc[start - 1]) \
                    and doc[start - 1].is_title and not (end - start > 1 and occupation_word(doc[start - 1])) \
                    and doc[start - 1].lower_ not in tables().name_words \
                    and doc[start - 1].lower_ not in tables().portfolios:  # not "the Northern Fleet" + "Ivan Roe"
                start -= 1
        start, label = _without_occupation(doc, start, end, label)
        if start == end:
            continue
        whole = body_of(doc[start:end].text) is not None  # "the UN General Assembly" stays whole
        pieces = [(start, end)] if whole else _pieces(doc, start, end, label == "PERSON")
        for s, e in [p for s0, e0 in pieces for p in _conjoined_places(doc, s0, e0, label == "PERSON", own)]:
            s, e = _trim(doc, s, e)
            if e <= s or (s > 0 and is_title(doc[s - 1]) and (is_title(doc[e - 1]) or
                                                             (e < len(doc) and is_title(doc[e]) and
                                                              doc[e].lower_ not in tables().post_nominals))):
                continue  # "Chief Technological Officer": words inside a title phrase
            k = _portfolio_before_person(doc, s, e)
            if k:  # "Secretary of Homeland Security Jo Roe" as one span: the department, the person
                out.extend(n for n in (_title_of(doc, s, k, main_country), _name(doc, k, e, "PERSON", "ner")) if n)
                continue
            k = _place_before_person(doc, s, e)
            if k:  # "Senator from Vermont Jane Roe", "Prime Minister of Slovakia Jo Roe" as one span: place, person
                out.extend(n for n in (_name(doc, s, k, "GPE", "ner"), _name(doc, k, e, "PERSON", "ner")) if n)
                continue
            if s >= 2 and doc[s - 1].lower_ == "of" and is_title(doc[s - 2]) or \
                    is_title(doc[s]) and e - s > 2 and doc[s + 1].lower_ == "of":
                s = s + 2 if doc[s + 1].lower_ == "of" and is_title(doc[s]) else s  # "[Archbishop of] Gdańsk"
                n = _title_of(doc, s, e, main_country)
                if n is None and (_proper(doc, s, e) or _named_after_title(doc, s, e)):
                    n = _name(doc, s, e, label, "ner")  # "chairman of Ashgrove Bank": a name, not a portfolio
            else:
                n = _name(doc, s, e, label, "ner")
            if n:
                out.append(_collective_tail(doc, n))
    return out


def _proper(doc: Any, s: int, e: int) -> bool:
    """Whether a span holds a proper-name word: one the English lexicon does not know as a common word, or a
    country ("Ashgrove Bank", "Bank of England"; not the portfolio "Foreign Affairs", "Homeland Security")."""
    return any(t.text[:1].isupper() and (not word_lemmas(t.lower_) or country_of(t.text)) for t in doc[s:e])


def _named_after_title(doc: Any, s: int, e: int) -> bool:
    """Whether common words after "<title> of" name an organisation ("director of Royal Mail", "founder of
    Free Software Foundation"), not a portfolio ("Secretary of Homeland Security", "Director of National
    Intelligence"): an institution word ends it, or the title is no public office and no portfolio word is in it."""
    t = tables()
    if doc[e - 1].lower_ in t.name_words:
        return True
    title = doc[s - 2]
    return title.lower_ not in t.offices and not any(w.lower_ in t.portfolios for w in doc[s:e]) \
        and not (s >= 3 and f"{doc[s - 3].lower_} {title.lower_}" in t.offices)


def _portfolio_before_person(doc: Any, s: int, e: int) -> int:
    """Where a person's name begins after the portfolio of "<title> of" glued before it ("Secretary of
    [Homeland Security Jo Roe]"); 0 if it does not."""
    if s < 2 or doc[s - 1].lower_ != "of" or not is_title(doc[s - 2]):
        return 0
    return next((k for k in range(s + 1, e - 1) if doc[k - 1].lower_ in tables().portfolios
                 and _personal_rest(doc, k, e)), 0)


def _place_before_person(doc: Any, s: int, e: int) -> int:
    """Where a person's name begins after a place or body glued before it ("Vermont Jane Roe", "the Baltic
    Fleet Ivan Roe"); 0 if it does not. The first part is a country, region or city of the tables or ends in
    an institution word; the rest is a known given name and a surname."""
    if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in place_titles():
        return _person_after_place(doc, s, e)  # "Mayor of [Dunmore Piotr Lenski]"
    for k in range(1, min(4, e - s - 1)):
        if e - (s + k) < 2 or not doc[s + k].text[:1].isupper() or any(t.tag_ == "POS" for t in doc[s:s + k + 1]):
            continue
        head, t = norm(doc[s:s + k].text), tables()
        place = head in t.countries or head in t.regions or head in t.cities  # a place's name, not a demonym
        if doc[s + k].lower_ not in given_names():  # an unknown given name only after a country: "Slovakia Igor Roe"
            if head in t.countries and not t.countries[head].ambiguous and _personal_rest(doc, s + k, e):
                return s + k
            continue
        if place or (k > 1 and doc[s + k - 1].lower_ in t.name_words and _personal_rest(doc, s + k, e)):
            return s + k
    return 0


def _person_after_place(doc: Any, s: int, e: int) -> int:
    """Where the person begins in "<place> <person>" after "Mayor of": at a known given name, else the last
    two words ("New South Wales Jo Roe"); 0 when no personal name closes the span."""
    ks = [k for k in range(s + 1, e - 1) if _personal_rest(doc, k, e)]
    return next((k for k in ks if doc[k].lower_ in given_names()), ks[-1] if ks else 0)


def _conjoined_places(doc: Any, s: int, e: int, person: bool = False,
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


def _own_names(doc: Any) -> frozenset:
    """The first word of every name the tagger found, and every one-word name: what the article names alone."""
    out = set()
    for ent in doc.ents:
        words = ent.text.split()
        if words and words[0].lower() not in ("the", "a", "an") and "and" not in ent.text.split():
            out.update({words[0], ent.text})
    return frozenset(out)


def _inner_hyphen(doc: Any, i: int) -> bool:
    """A hyphen written without spaces inside a name ("Kelso-Brandt", "Rolls-Royce"), not a dash between words."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _propn_runs(doc: Any) -> list[tuple[int, int]]:
    """Runs of capitalised proper nouns the tagger left untagged, joined by connectors and inner hyphens."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        tok = doc[i]
        if tok.pos_ == "PROPN" and not tok.ent_type_ and (tok.is_title or tok.is_upper or tok.text[:1].isupper()):
            j = i + 1
            while j < n and not doc[j].ent_type_ and (
                    doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
                    or ((doc[j].lower_ in CONNECTORS or _inner_hyphen(doc, j)) and j + 1 < n
                        and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() and not doc[j + 1].ent_type_)
                    or (doc[j].like_num and doc[j].text.isdigit() and len(doc[j].text) <= 3 and j + 1 < n
                        and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper())):  # "Region 2 Border Police"
                j += 1
            s = i  # "Kelso-Brandt" at a sentence start: the tagger may read "Kelso" as a common noun
            while s >= 2 and _inner_hyphen(doc, s - 1) and doc[s - 2].text[:1].isupper() \
                    and not doc[s - 2].ent_type_ and (not runs or runs[-1][1] <= s - 2):
                s -= 2
            runs.append((s, j))
            i = j
        else:
            i += 1
    return runs


def _title_of(doc: Any, s: int, e: int, main_country: str) -> Name | None:
    """'Secretary of Defense' -> the defense department, if the body table knows it."""
    text = doc[s:e].text
    for frame in ("Department of {}", "Ministry of {}", "{} Department", "{} Ministry"):
        body = body_of(frame.format(text), main_country)
        if body:
            return Name(s, e, text, "ORG", "title-of", body=body.name, raw=text)
    return None


def _common_word(tok: Any, lower_words: set[str]) -> bool:
    """A sentence-initial capital that is an ordinary word elsewhere in the article."""
    return tok.is_sent_start and tok.lower_ in lower_words


def _recovered(doc: Any, main_country: str) -> list[Name]:
    out = []
    lower_words = {t.text for t in doc if t.is_lower}
    for s0, e0 in _propn_runs(doc):
        # "Ebola and HIV" are two names; "Competition and Markets Authority" (an institution word closes it) one
        split = [p for s1, e1 in _pieces(doc, s0, e0, True)
                 for p in _conjoined_places(doc, s1, e1, doc[e1 - 1].lower_ not in tables().name_words)]
        for s, e in split:
            root = doc[s:e].root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and is_title(root.head.head):
                n = _title_of(doc, s, e, main_country)
                if n:
                    out.append(n)
                if n or not (_proper(doc, s, e) or (e - s >= 2 and doc[e - 1].lower_ in tables().name_words)):
                    continue  # "Secretary of Defense": a portfolio; "chief executive of Vantrell", "commander of
                    # the Region 2 Border Patrol Police": a name
            if s > 0 and e < len(doc) and is_title(doc[s - 1]) and is_title(doc[e]) \
                    and doc[e].lower_ not in tables().post_nominals:
                continue  # "Chief Technological Officer": a word inside a title phrase
            n = _name(doc, s, e, "", "propn")
            if n is None:
                continue
            n = _collective_tail(doc, n)
            if n.cue:
                n.source = "cue"
            elif root.dep_ not in ARG_DEPS or (e - s == 1 and not n.titles and _common_word(doc[s], lower_words)):
                continue
            out.append(n)
    return out


RANKS = {"lt", "capt", "sgt", "col", "cmdr", "adm", "maj", "cpl", "pvt", "insp", "supt", "det", "gen", "officer",
         "captain", "sergeant", "lieutenant", "colonel", "major", "commander", "inspector", "chief", "spokesman",
         "spokeswoman", "spokesperson"}
PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{1,12}$")
MODEL_CODE = re.compile(r"^(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]*[A-Z0-9]$")
YEAR = re.compile(r"^(1[89]|20)\d\d$")


def product_model(doc: Any, n: Name) -> Name | None:
    """'Vantage QX7', 'Airbus A320': a maker's name followed by a model code names a product (a thing,
    never an actor); the code joins the name. None when no model code follows."""
    if n.end >= len(doc) or not doc[n.end - 1].whitespace_:
        return None
    code = doc[n.end].text
    if not MODEL_CODE.match(code) or YEAR.match(code):
        return None
    end = n.end + 1
    if end < len(doc) and doc[end - 1].whitespace_ and doc[end].is_upper and doc[end].is_alpha and len(doc[end]) <= 4:
        end += 1  # "737 MAX"
    model = doc[n.end:end].text
    raw = f"{n.raw or n.text} {model}"
    return Name(n.start, end, f"{n.text} {model}", n.label, n.source, n.titles, "product", raw=raw)


def vessel(doc: Any, n: Name) -> Name | None:
    """'MV Jane Roe', 'HMS Victory': a ship or boat name keeps its prefix and is typed as a thing.

    Returns the widened name, or None when the name is no vessel. A lone prefix is no name at all.
    """
    first = doc[n.start]
    if is_vessel_prefix(first):
        return Name(n.start, n.end, n.text, n.label, n.source, (), "vessel", raw=n.text) if n.end - n.start > 1 \
            else None
    if n.start > 0 and is_vessel_prefix(doc[n.start - 1]) and doc[n.start - 1].whitespace_:
        s = n.start - 1
        text = f"{doc[s].text} {n.text}"
        return Name(s, n.end, text, n.label, n.source, (), "vessel", raw=text)
    return None


def reject(doc: Any, n: Name, authors: set[str], bylines: list[tuple[int, int]]) -> bool:
    """True for strings that are not actors."""
    t = tables()
    key = norm(n.text)
    if not key or (key in t.stop and not n.titles) or len(key) < 2:
        return True  # a title keeps a stoplisted word a name: "Mrs May"
    if DEBRIS.search(n.text) or not n.text[:1].isalnum():
        return True
    bare_title = n.text.lower() in t.titles or (n.text.lower().endswith("s") and n.text.lower()[:-1] in t.titles)
    if not any(c.isupper() for c in n.text) or key in authors or bare_title or AFFIXED.match(n.text):
        return True
    if any(key in a.split(" ") or key == a for a in authors):
        return True
    if key in t.demonyms and key not in t.countries:
        return True  # "Tongan time", "Serbians": a demonym is not a named actor
    if in_spans(doc, n.start, bylines) or key in t.groups or speaker_label(doc, n) or common_noun(doc, n) \
            or title_phrase(doc, n):
        return True
    if n.end - n.start == 1 and is_vessel_prefix(doc[n.start]):
        return True  # "MV" alone
    if PARTY_TAG.match(doc[max(0, n.start - 2):n.end].text) or PARTY_TAG.match(n.text):
        return True  # "Sen. Jane Roe, D-Ariz.,": a party and state tag, no actor
    return credit(doc, n)


UNIT_HEADS = {"college", "school", "faculty", "institute", "department", "hospital", "center", "centre", "laboratory"}
PARENT_HEADS = {"university", "college", "academy", "institute", "system"}


def _unit_of_institution(doc: Any, n: Name) -> list[Name]:
    """"Queens College of the City University of New York": a unit named before the institution it belongs to
    is two names (the relation side makes the unit part of it); other names stay whole."""
    words = [t.lower_ for t in doc[n.start:n.end]]
    for k in range(1, len(words) - 2):
        if words[k] == "of" and words[k + 1] == "the" and words[k - 1] in UNIT_HEADS and k >= 1 \
                and PARENT_HEADS & set(words[k + 2:]) and doc[n.start + k - 1].text[:1].isupper():
            first, second = _name(doc, n.start, n.start + k, n.label, n.source), \
                _name(doc, n.start + k + 2, n.end, n.label, n.source)
            return [x for x in (first, second) if x is not None] or [n]
    return [n]


def find_names(doc: Any, *, authors: tuple[str, ...] = (), main_country: str = "",
               skip: list[tuple[int, int]] | None = None) -> tuple[list[Name], set]:
    """Every bare-name mention of the doc (overlaps removed, earliest-longest first) and the author keys."""
    bylines = byline_spans(doc) + credit_spans(doc) if skip is None else skip
    author_keys = {norm(a) for a in authors}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and in_spans(doc, ent.start, bylines):
            author_keys.add(norm(ent.text))
    cands = _ner_names(doc, main_country) + _recovered(doc, main_country)
    cands = [vessel(doc, n) or product_model(doc, n) or n for n in cands]
    cands = [p for n in cands for p in _unit_of_institution(doc, n)]
    cands.sort(key=lambda n: (n.start, -(n.end - n.start)))
    inner_caps = {t.text for t in doc if not t.is_sent_start and t.text[:1].isupper()}
    out, taken = [], set()
    for n in cands:
        if any(i in taken for i in range(n.start, n.end)) or reject(doc, n, author_keys, bylines):
            continue
        first = doc[n.start]
        if n.end - n.start == 1 and first.is_sent_start and first.tag_ and first.tag_ not in ("NNP", "NNPS") \
                and first.text not in inner_caps:
            continue  # "Observers said ...": a capitalised common noun the tagger called a name
        if n.end - n.start == 1 and first.is_sent_start and first.dep_ == "compound" and \
                tables().cue_before.get(first.head.lower_) == "organization" and first.lower_ in \
                word_lemmas(first.lower_).get("NOUN", ()):
            continue  # "Software company Tenaro ...": the company's sector, not a name
        taken.update(range(n.start, n.end))
        out.append(n)
    return out, author_keys
