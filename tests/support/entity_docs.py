"""Hand-built spaCy Docs for the entity and coreference tests (no model needed).

A sentence is written as space-separated tokens ``word/TAG/POS/dep/head[/lemma]``
(head = absolute token index, the root points at itself; the word ``<NL>`` is a
paragraph break; a ``-`` tagged HYPH is written without spaces); entities as
``(start, end, label)`` token spans.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graphkit.records import Article

NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "'s", "\u2019s", "%", "n't"}


def build(vocab, spec: str, ents=()) -> Doc:
    words, tags, pos, deps, heads, lemmas = [], [], [], [], [], []
    for item in spec.split(" "):
        parts = item.split("/")
        word, tag, p, dep, head = parts[:5]
        word = "\n\n" if word == "<NL>" else word   # a paragraph break token
        lemma = parts[5] if len(parts) > 5 else (word if p == "PROPN" else word.lower())
        words.append(word)
        tags.append(tag)
        pos.append(p)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma)
    spaces, open_quote = [], False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w == '"':
            open_quote = not open_quote
        space = nxt is not None and nxt not in NO_SPACE_BEFORE and "\n" not in w and nxt != "\n\n" and w != "(" and \
            not (w == '"' and open_quote) and not (nxt == '"' and open_quote)
        spaces.append(space)
    for i, t in enumerate(tags):  # a HYPH-tagged "-" is written without spaces ("Kelso-Brandt")
        if t == "HYPH" and i > 0:
            spaces[i - 1] = spaces[i] = False
    iob = ["O"] * len(words)
    for s, e, label in ents:
        iob[s] = f"B-{label}"
        for k in range(s + 1, e):
            iob[k] = f"I-{label}"
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
               ents=iob)


def article(doc: Doc, **kw) -> Article:
    return Article(id=kw.pop("id", "t1"), text=doc.text, **kw)


def keys_of(res, doc: Doc, *words: str) -> list:
    """Entity keys of the first token with each given text."""
    out = []
    for w in words:
        tok = next(t for t in doc if t.text == w)
        out.append(res.entity_at(tok.i))
    return out
