"""Names the tagger missed (used by :mod:`graphkit.entities.names`).

``recovered_names`` reads runs of capitalised proper nouns the tagger left untagged ("Kelso-Brandt",
"Region 2 Border Police"), cut like a tagged span, as names when they stand in an argument position
(``propn``) or next to a cue noun that types them (``cue``); a run that is what a title is of is a
department ("Secretary of Defense" -> ``title-of``) or, when it holds a proper-name word, a name. A
sentence-initial capital that is an ordinary word elsewhere in the article, and words inside a title
phrase ("Chief Technological Officer"), are no names.
"""

from __future__ import annotations

from typing import Any

from .gazetteer import tables
from .name_spans import (CONNECTORS, Name, collective_tail, conjoined_places, has_proper_word, name_pieces,
                         span_name, title_of)
from .non_names import is_title

ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative", "agent", "oprd",
            "ROOT", "npadvmod"}


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


def _common_word(tok: Any, lower_words: set[str]) -> bool:
    """A sentence-initial capital that is an ordinary word elsewhere in the article."""
    return tok.is_sent_start and tok.lower_ in lower_words


def recovered_names(doc: Any, main_country: str) -> list[Name]:
    """Names in the proper-noun runs the tagger left untagged (sources ``propn``, ``cue``, ``title-of``)."""
    out = []
    lower_words = {t.text for t in doc if t.is_lower}
    for s0, e0 in _propn_runs(doc):
        # "Ebola and HIV" are two names; "Competition and Markets Authority" (an institution word closes it) one
        split = [p for s1, e1 in name_pieces(doc, s0, e0, True)
                 for p in conjoined_places(doc, s1, e1, doc[e1 - 1].lower_ not in tables().name_words)]
        for s, e in split:
            root = doc[s:e].root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and is_title(root.head.head):
                n = title_of(doc, s, e, main_country)
                if n:
                    out.append(n)
                if n or not (has_proper_word(doc, s, e) or (e - s >= 2 and doc[e - 1].lower_ in tables().name_words)):
                    continue  # "Secretary of Defense": a portfolio; "chief executive of Vantrell", "commander of
                    # the Region 2 Border Patrol Police": a name
            if s > 0 and e < len(doc) and is_title(doc[s - 1]) and is_title(doc[e]) \
                    and doc[e].lower_ not in tables().post_nominals:
                continue  # "Chief Technological Officer": a word inside a title phrase
            n = span_name(doc, s, e, "", "propn")
            if n is None:
                continue
            n = collective_tail(doc, n)
            if n.cue:
                n.source = "cue"
            elif root.dep_ not in ARG_DEPS or (e - s == 1 and not n.titles and _common_word(doc[s], lower_words)):
                continue
            out.append(n)
    return out + _aged(doc)


def _aged(doc: Any) -> list[Name]:
    """"Winter, 53, a former law professor, ...": a capitalised word opening a sentence with an age in
    apposition is a person's name, whatever the tagger made of it."""
    out = []
    for t in doc:
        if t.is_sent_start and t.text.istitle() and t.is_alpha and not t.ent_type_ and t.pos_ in ("NOUN", "PROPN") \
                and t.i + 3 < len(doc) and doc[t.i + 1].text == "," and doc[t.i + 2].text.isdigit() \
                and 0 < int(doc[t.i + 2].text) < 120 and doc[t.i + 3].text == "," and not is_title(t):
            n = span_name(doc, t.i, t.i + 1, "PERSON", "cue")
            if n is not None:
                out.append(n)
    return out
