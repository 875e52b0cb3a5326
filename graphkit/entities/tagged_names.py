"""Name mentions from the tagger's entities (used by :mod:`graphkit.entities.names`).

``tagged_names`` reads every entity of a name label: a span is widened over what the tagger cut
short (hyphen-glued tokens, an organisation's joined words, a person's untagged given name), loses a
capitalised occupation before a person ("Cosmonaut Ivan Roe"), is cut into bare names
(:func:`~graphkit.entities.name_spans.name_pieces`), split where two places or people were tagged as one
("Crete and Cyprus") or a place is glued before a person ("Vermont Jane Roe"), and read as a
department when it is what a title is of ("Secretary of Defense").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .gazetteer import body_of, country_of, given_names, norm, tables, word_lemmas
from .name_cues import place_titles
from .name_spans import (PARTICLES, Name, collective_tail, conjoined_places, has_proper_word, name_pieces,
                         span_name, title_of, trim)
from .non_names import is_title

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
HYPHEN_SUFFIXES = {"based", "born", "led", "backed", "owned", "run", "funded", "made", "style", "era", "linked",
                   "affiliated", "bound", "wide", "like", "controlled", "allied", "aligned", "focused", "centric"}
NAME_JOINERS = {"and", "&", "of", "de", "et", "des", "du", "la", "del", "della", "y", "und", "for"}
ELIDED = re.compile(r"^[dl][\u2019'][A-Z]")
AGENTIVE = re.compile(r"[a-z](er|eer|or|ist|ian|naut|man|woman|ess)$")


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
        if not has_proper_word(doc, end + 1, k):
            end = k  # "Federal Service for Television and [Radio Broadcasting]": a portfolio of common words
    s = start
    while s > 0 and (_capital(doc[s - 1]) or (doc[s - 1].lower_ in ("and", "&") and s - 1 > 0 and _capital(doc[s - 2]))):
        s -= 1
    if s < start and _capital(doc[s]) and all(start <= t.head.i < end or s <= t.head.i < end for t in doc[s:start]):
        start = s
    return _common_words_and(doc, start, end), _company_words_after_possessive(doc, end)


def _company_words_after_possessive(doc: Any, end: int) -> int:
    """"[Barlow's] [Holdings] plc": company words after an organisation's possessive end its name."""
    k = end + (end < len(doc) and doc[end].tag_ == "POS")
    if doc[k - 1].tag_ != "POS":
        return end
    words, j = tables().name_words, k
    while j < len(doc) and words.get(doc[j].lower_) == "organization" and doc[j - 1].whitespace_ \
            and (doc[j].text[:1].isupper() or j > k):
        j += 1
    return j if j > k else end


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
            if k > 1 and doc[s + k - 1].lower_ in t.name_words and not word_lemmas(doc[s + k].lower_) \
                    and len(doc[s + k].text) > 2 and doc[s + k].is_alpha \
                    and _personal_rest(doc, s + k, e) and country_of(doc[e - 1].text) is None:
                return s + k  # "the Soviet Navy Pavel Orlov": a name no English word, after the body
            continue
        if place or (k > 1 and doc[s + k - 1].lower_ in t.name_words and _personal_rest(doc, s + k, e)):
            return s + k
    return 0


def _body_after_place(doc: Any, start: int, end: int, label: str) -> tuple[int, int, str]:
    """"[California] Highway Patrol", "[Soviet] Navy": a place or demonym the tagger cut off the body named after
    it, when untagged capitalised words ending in an institution word follow (an organisation's span)."""
    k = end
    while k < len(doc) and (_capital(doc[k]) and not is_title(doc[k]) and doc[k - 1].whitespace_ or
                            _plural_possessive(doc, k) and k > end):
        k += 1
    words = tables().name_words
    if k > end and words.get(doc[k - 1].lower_) in ("organization", "government") and not \
            (k < len(doc) and doc[k].lower_ in ("'s", "’s")):
        return start, k, "ORG"
    return start, end, label


def _plural_possessive(doc: Any, k: int) -> bool:
    """The apostrophe of "Pilots' Association" inside a name: after a plural, before a capitalised word."""
    return doc[k].tag_ == "POS" and doc[k].text in ("'", "’") and doc[k - 1].lower_.endswith("s") \
        and k + 1 < len(doc) and _capital(doc[k + 1])


def _party_adjective(doc: Any, start: int, end: int) -> bool:
    """"[Free] Democrats", "[Social] Democrats": the capitalised word the tagger cut off a party's plural name
    (a party form of ``parties.json``) belongs to it, unless it is a country, a demonym or a title."""
    if start == 0 or norm(doc[start:end].text) not in tables().parties:
        return False
    w = doc[start - 1]
    keep = w.text[:1].isupper() and not w.ent_type_ and not w.is_sent_start and w.head.i in range(start, end) \
        and not is_title(w) and country_of(w.text) is None and w.pos_ in ("ADJ", "PROPN")
    return keep


def _person_after_place(doc: Any, s: int, e: int) -> int:
    """Where the person begins in "<place> <person>" after "Mayor of": at a known given name, else the last
    two words ("New South Wales Jo Roe"); 0 when no personal name closes the span."""
    ks = [k for k in range(s + 1, e - 1) if _personal_rest(doc, k, e)]
    return next((k for k in ks if doc[k].lower_ in given_names()), ks[-1] if ks else 0)


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


def _person_part(doc: Any, k: int, e: int) -> Name | None:
    """The person of a span split after a place or body: the body before it is no cue to its type."""
    n = span_name(doc, k, e, "PERSON", "ner")
    return replace(n, cue="") if n is not None and n.cue != "person" else n


def _own_names(doc: Any) -> frozenset:
    """The first word of every name the tagger found, and every one-word name: what the article names alone."""
    out = set()
    for ent in doc.ents:
        words = ent.text.split()
        if words and words[0].lower() not in ("the", "a", "an") and "and" not in ent.text.split():
            out.update({words[0], ent.text})
    return frozenset(out)


def tagged_names(doc: Any, main_country: str) -> list[Name]:
    """Bare names in the tagger's entities of a name label (sources ``ner``, ``title-of``)."""
    out = []
    named = _own_names(doc)
    for ent in doc.ents:
        label = ent.label_
        if label not in NAME_LABELS:
            continue
        start, end = _glued(doc, ent.start, ent.end)
        own = named
        if label in ("GPE", "NORP"):
            start, end, label = _body_after_place(doc, start, end, label)
        if label in ("NORP", "ORG") and _party_adjective(doc, start, end):
            start, label = start - 1, "ORG"
        if label == "PERSON" and _company_words_after_possessive(doc, end) > end:
            label = "ORG"  # "[Barlow]'s Holdings plc": a company named after its founder
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
        pieces = [(start, end)] if whole else name_pieces(doc, start, end, label == "PERSON")
        for s, e in [p for s0, e0 in pieces for p in conjoined_places(doc, s0, e0, label == "PERSON", own)]:
            s, e = trim(doc, s, e)
            if e <= s or (s > 0 and is_title(doc[s - 1]) and (is_title(doc[e - 1]) or
                                                             (e < len(doc) and is_title(doc[e]) and
                                                              doc[e].lower_ not in tables().post_nominals))):
                continue  # "Chief Technological Officer": words inside a title phrase
            k = _portfolio_before_person(doc, s, e)
            if k:  # "Secretary of Homeland Security Jo Roe" as one span: the department, the person
                out.extend(n for n in (title_of(doc, s, k, main_country), _person_part(doc, k, e)) if n)
                continue
            k = _place_before_person(doc, s, e)
            if k:  # "Senator from Vermont Jane Roe", "Prime Minister of Slovakia Jo Roe" as one span: place, person
                out.extend(n for n in (span_name(doc, s, k, "GPE", "ner"), _person_part(doc, k, e)) if n)
                continue
            if s >= 2 and doc[s - 1].lower_ == "of" and is_title(doc[s - 2]) or \
                    is_title(doc[s]) and e - s > 2 and doc[s + 1].lower_ == "of":
                s = s + 2 if doc[s + 1].lower_ == "of" and is_title(doc[s]) else s  # "[Archbishop of] Gdańsk"
                n = title_of(doc, s, e, main_country)
                if n is None and (has_proper_word(doc, s, e) or _named_after_title(doc, s, e)):
                    n = span_name(doc, s, e, label, "ner")  # "chairman of Ashgrove Bank": a name, not a portfolio
            else:
                n = span_name(doc, s, e, label, "ner")
            if n:
                out.append(collective_tail(doc, n))
    return out
