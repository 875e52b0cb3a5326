"""Relation labels: past-tense verb phrases, their category and polarity.

A label is what a reader would say: "designated supply-chain risk", "invited to
grow", "refused to give access to", "did not endorse". It is built from the
parts a pattern found (the verb chain, a defining complement, a preposition) so
that the same act in two articles gets the same string and aggregates into one
edge. Categories and polarities come from the shipped verb lexicon
(``data/verbs.json``) and event-noun table (``data/nominals.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ..data import load_json



@lru_cache(maxsize=None)
def verb_classes() -> dict[str, tuple[str, int]]:
    """Verb lemma → (category, polarity) from ``data/verbs.json``."""
    out: dict[str, tuple[str, int]] = {}
    for category, by_polarity in load_json("verbs.json").items():
        if category.startswith("_"):
            continue
        for polarity, lemmas in by_polarity.items():
            for lemma in lemmas:
                out[lemma] = (category, int(polarity))
    return MappingProxyType(out)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A word class from ``data/relation_words.json`` (e.g. ``speech_verbs``)."""
    return frozenset(load_json("relation_words.json")[name])


@lru_cache(maxsize=None)
def event_nouns() -> dict[str, tuple[str, str]]:
    """Event noun → (verb lemma, label) for nominalisations."""
    return MappingProxyType({k: tuple(v) for k, v in load_json("nominals.json")["events"].items()})


def event_key(tok: Any) -> str:
    """The event-noun table entry for ``tok``: its own form, else its lemma ("warnings" → "warning"); '' if none."""
    table = event_nouns()
    low = tok.lower_
    if low in table:
        return low
    lemma = tok.lemma_.lower()
    return lemma if lemma in table and tok.pos_ == "NOUN" else ""


@lru_cache(maxsize=None)
def agent_nouns() -> dict[str, str]:
    """Agent noun → verb lemma of the act it names ("assassin" → "assassinate")."""
    return dict(load_json("nominals.json")["agent_nouns"])


@lru_cache(maxsize=None)
def circumstantial_nouns() -> frozenset[str]:
    """Event nouns that relate a clause's subject to their ``with``-object ("in talks with")."""
    return frozenset(load_json("nominals.json")["circumstantial"])


@lru_cache(maxsize=None)
def complement_nouns() -> dict[str, tuple[str, int]]:
    """Object-complement head noun → (category, polarity)."""
    return MappingProxyType({k: (v[0], int(v[1])) for k, v in load_json("nominals.json")["complements"].items()})


@lru_cache(maxsize=None)
def _verb_canonical() -> dict[str, str]:
    return dict(load_json("relation_words.json")["verb_canonical"])


def canonical_lemma(lemma: str) -> str:
    """Lower-case lemma with British ``-ise``/``-yse`` spellings folded onto the lexicon's form."""
    lemma = lemma.lower().strip()
    lemma = _verb_canonical().get(lemma, lemma)  # "slay" → "kill"
    classes = verb_classes()
    if lemma in classes:
        return lemma
    for a, b in (("ise", "ize"), ("yse", "yze"), ("our", "or")):
        if lemma.endswith(a) and lemma[: -len(a)] + b in classes:
            return lemma[: -len(a)] + b
    return lemma


@lru_cache(maxsize=4096)
def past(lemma: str) -> str:
    """Simple past of a verb lemma ("seek" → "sought"); multiword lemmas inflect the first word."""
    from lemminflect import getInflection

    head, _, rest = lemma.partition(" ")
    forms = getInflection(head, tag="VBD")
    form = forms[0] if forms else (head + "ed" if not head.endswith("e") else head + "d")
    return (form + " " + rest).strip()


@lru_cache(maxsize=4096)
def gerund(lemma: str) -> str:
    """The -ing form of a verb lemma."""
    from lemminflect import getInflection

    forms = getInflection(lemma, tag="VBG")
    return forms[0] if forms else lemma + "ing"


def noun_phrase(head: Any) -> str:
    """A short normalised rendering of a noun: compounds hyphenated, determiners dropped.

    "a supply chain risk" → "supply-chain risk"; "a security threat" → "security
    threat"; "unfettered access" → "access"; plurals other than event nouns
    ("talks") are singular.
    """
    mods: list[Any] = []
    stack = [c for c in head.lefts if c.dep_ == "compound"]
    while stack and len(mods) < 4:
        t = stack.pop()
        mods.append(t)
        stack.extend(c for c in t.lefts if c.dep_ == "compound")
    mods = sorted((m for m in mods if m.is_alpha), key=lambda t: t.i)
    mods += [c for c in head.lefts if c.dep_ == "amod" and c.tag_ == "VBG" and not mods]  # "running mate"
    low = head.text.lower()
    if head.like_num or head.ent_type_ == "MONEY" or head.tag_ == "CD":
        return "money" if head.ent_type_ == "MONEY" or any(c.tag_ == "$" for c in head.subtree) else low
    text = low if low in event_nouns() or head.tag_ not in ("NNS", "NNPS") else _singular(low)
    if not mods:
        return text
    return "-".join(m.text.lower() for m in mods) + " " + text


@lru_cache(maxsize=4096)
def _singular(noun: str) -> str:
    from lemminflect import getLemma

    forms = getLemma(noun, upos="NOUN")
    return forms[0] if forms else noun


@dataclass(frozen=True)
class LabelParts:
    """What a pattern found, before it becomes a label.

    ``chain`` holds the verb lemmas from the governing verb down to the verb whose
    argument is the target (["invite", "grow"]); ``gerunds`` marks the ones that
    appear as -ing forms ("stop using"), ``links`` the word joining each to the
    previous one ("to", "from"), ``negated`` the ones under "not"/"never".
    ``event`` is a ready label from the event-noun table that replaces the last
    verb ("filed a lawsuit against" → "sued"); ``ready`` a complete label.
    """

    chain: tuple[str, ...]
    gerunds: tuple[bool, ...] = ()
    negated: tuple[bool, ...] = ()
    particle: str = ""
    noun: str = ""
    prep: str = ""
    complement: str = ""
    ready: str = ""
    links: tuple[str, ...] = ()
    event: str = ""


@lru_cache(maxsize=4096)
def base_form(word: str) -> str:
    """Base form of a past-tense verb ("sought" → "seek")."""
    from lemminflect import getLemma

    forms = getLemma(word, upos="VERB")
    return forms[0] if forms else word


def _verb_form(lemma: str, first: bool, gerund_form: bool, negated: bool, link: str) -> str:
    if first:
        return ("did not " + lemma) if negated else past(lemma)
    link = link if link else ("" if gerund_form else "to")
    form = gerund(lemma) if gerund_form else lemma
    return " ".join(w for w in ("not" if negated else "", link, form) if w)


def render(parts: LabelParts) -> str:
    """The label for ``parts``: lower case, past tense, single-spaced."""
    if parts.ready:
        return parts.ready
    n = len(parts.chain)
    ger = parts.gerunds or (False,) * n
    neg = parts.negated or (False,) * n
    links = parts.links or ("",) * n
    words_ = [_verb_form(lem, i == 0, ger[i], neg[i], links[i]) for i, lem in enumerate(parts.chain)]
    if parts.event:
        first, _, rest = parts.event.partition(" ")
        if n == 1:
            words_ = [("did not " + base_form(first)) if neg[0] else first]
        else:
            words_[-1] = _verb_form(base_form(first), False, False, neg[-1], links[-1])
        words_.append(rest)
    else:
        for part in (parts.particle, parts.complement, parts.noun, parts.prep):
            if part:
                words_.append(part)
    return re.sub(r"\s+", " ", " ".join(words_)).strip().lower()


def classify(parts: LabelParts) -> tuple[str, int]:
    """(category, polarity) of an act from its verb chain, complement and noun.

    The first verb in the chain that is not transparent ("continue", "plan",
    "try") decides; negators ("refuse", "stop") and "not" flip the polarity of
    what follows, turning cooperation into conflict.
    """
    classes, transparent, negators = verb_classes(), words("transparent_verbs"), words("negator_verbs")
    flip = False
    neg = parts.negated or (False,) * len(parts.chain)
    for i, lemma in enumerate(parts.chain):
        flip ^= bool(neg[i])
        last = i == len(parts.chain) - 1
        if lemma in negators and not last:
            flip = not flip
            continue
        if lemma in transparent and not last:
            continue
        category, polarity = classes.get(lemma, ("neutral", 0))
        if category == "neutral" and parts.ready:  # "reached out to" → "contacted"
            category, polarity = classes.get(base_form(parts.ready.split()[0]), (category, polarity))
        if parts.complement:
            head = parts.complement.split()[-1].split("-")[-1]
            if category == "neutral" and head in complement_nouns():
                category, polarity = complement_nouns()[head]
        ending = lemma in words("ending_verbs") or f"{lemma} {parts.particle}" in words("ending_verbs")
        if parts.noun and (category in ("neutral", "statement") or ending):
            noun_verb = event_nouns().get(parts.noun.split()[-1], ("", ""))[0]
            if noun_verb in classes and classes[noun_verb][0] in ("cooperation", "conflict"):
                category, polarity = classes[noun_verb]  # "lifted sanctions on" ends a conflict act
                category, polarity = _flipped(category, polarity, ending)
            elif category == "neutral" and parts.noun.split()[-1] in complement_nouns():  # "issued warrant for"
                category, polarity = complement_nouns()[parts.noun.split()[-1]]
        if category == "neutral" and parts.particle.endswith("favor of"):  # "ruled in favor of"
            category, polarity = "cooperation", 1
        if category == "neutral" and not ending and "against" in (parts.prep, parts.particle):  # "voted against"
            category, polarity = "conflict", -1
        return _flipped(category, polarity, flip)
    return ("neutral", 0)


def _flipped(category: str, polarity: int, flip: bool) -> tuple[str, int]:
    if not flip:
        return category, polarity
    if category == "cooperation":
        return "conflict", -1
    if category == "conflict":
        return "neutral", 0
    return category, -polarity if polarity else 0


def kind_of(category: str) -> str:
    """Edge kind for an act of ``category``: statements are ``statement``, the rest ``action``."""
    return "statement" if category == "statement" else "action"


def lemma_of(tok: Any) -> str:
    """Canonical verb lemma; lemminflect's lemma wins when only it is in the lexicon ("fined")."""
    return _lemma(tok.lemma_ or tok.text, tok.lower_, tok.pos_ in ("VERB", "AUX"))


@lru_cache(maxsize=8192)
def _lemma(lemma: str, lower: str, verb: bool) -> str:
    lemma = canonical_lemma(lemma)
    if lemma not in verb_classes() and verb:
        from lemminflect import getLemma

        alt = getLemma(lower, upos="VERB")
        if alt and canonical_lemma(alt[0]) in verb_classes():
            return canonical_lemma(alt[0])
    return lemma


def strip_prep(label: str) -> str:
    """An event label without its final preposition (the pattern adds the real one)."""
    words_ = label.split()
    if len(words_) > 1 and words_[-1] in words("relational_preps"):
        words_ = words_[:-1]
    return " ".join(words_)


def event_extra(extra: dict) -> dict:
    """Turn a light verb + event noun ("filed lawsuit against") into the event's own label ("sued")."""
    if "event" not in extra:
        return extra
    extra = dict(extra)
    label = extra["event"]
    if len(label.split()) == 1:  # a bare verb ("sued") takes no preposition
        extra.pop("prep", None)
    else:
        extra["event"] = label + " " + extra.pop("prep", "")
    return extra
