"""Label normalisation, categories and the shipped lexicons (no model needed)."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from graphkit.relations.labels import (LabelParts, base_form, canonical_lemma, classify, event_nouns, kind_of, noun_phrase, past,
                             render, verb_classes, words)
from graphkit.data import load_json
from graphkit.records import CATEGORIES


@pytest.mark.parametrize("parts, label", [
    (LabelParts(("criticize",)), "criticized"),
    (LabelParts(("seek",), noun="retribution", prep="against"), "sought retribution against"),
    (LabelParts(("invite", "grow")), "invited to grow"),
    (LabelParts(("order", "stop", "use"), gerunds=(False, False, True)), "ordered to stop using"),
    (LabelParts(("refuse", "give"), noun="access", prep="to"), "refused to give access to"),
    (LabelParts(("endorse",), negated=(True,)), "did not endorse"),
    (LabelParts(("decide", "play"), negated=(False, True), prep="for"), "decided not to play for"),
    (LabelParts(("withdraw", "use"), gerunds=(False, True), links=("", "from")), "withdrew from using"),
    (LabelParts(("designate",), complement="supply-chain risk"), "designated supply-chain risk"),
    (LabelParts(("crack",), particle="down", prep="on"), "cracked down on"),
    (LabelParts(("sue",), event="sued"), "sued"),
    (LabelParts(("plan", "sue"), event="sued"), "planned to sue"),
    (LabelParts(("talk",), event="held talks with"), "held talks with"),
    (LabelParts(("talk",), ready="held talks with"), "held talks with"),
])
def test_render(parts, label):
    assert render(parts) == label


def test_labels_are_lower_case_and_single_spaced():
    label = render(LabelParts(("Criticize",), noun="  Policy ", prep="On"))
    assert label == label.lower() and "  " not in label and label == label.strip()


@pytest.mark.parametrize("lemma, want", [("criticise", "criticize"), ("apologise", "apologize"),
                                         ("analyse", "analyze"), ("sue", "sue"), ("Praise", "praise")])
def test_british_spellings_fold_onto_the_lexicon(lemma, want):
    assert canonical_lemma(lemma) == want


@pytest.mark.parametrize("lemma, form", [("seek", "sought"), ("designate", "designated"), ("hold", "held"),
                                         ("withdraw", "withdrew"), ("stop", "stopped")])
def test_past_tense(lemma, form):
    assert past(lemma) == form


@pytest.mark.parametrize("parts, expected", [
    (LabelParts(("invite", "grow")), ("cooperation", 1)),
    (LabelParts(("criticize",)), ("conflict", -1)),
    (LabelParts(("refuse", "give")), ("conflict", -1)),          # refusal flips cooperation
    (LabelParts(("continue", "embed")), ("cooperation", 1)),     # transparent verbs are skipped
    (LabelParts(("endorse",), negated=(True,)), ("conflict", -1)),
    (LabelParts(("attack",), negated=(True,)), ("neutral", 0)),
    (LabelParts(("designate",), complement="supply-chain risk"), ("conflict", -1)),
    (LabelParts(("designate",), complement="partner"), ("cooperation", 1)),
    (LabelParts(("say",)), ("statement", 0)),
    (LabelParts(("frobnicate",)), ("neutral", 0)),
    (LabelParts(("reach",), ready="contacted"), ("statement", 0)),
])
def test_classify(parts, expected):
    assert classify(parts) == expected


def test_kind_follows_category():
    assert kind_of("statement") == "statement"
    assert {kind_of(c) for c in ("cooperation", "conflict", "neutral")} == {"action"}


def _np(vocab, words_, heads, deps, tags):
    pos = ["NOUN" if t.startswith("NN") else "DET" if t == "DT" else "ADJ" for t in tags]
    return Doc(vocab, words=words_, heads=heads, deps=deps, tags=tags, pos=pos)


def test_noun_phrase_hyphenates_compound_chains(vocab):
    doc = _np(vocab, ["a", "supply", "chain", "risk"], [3, 2, 3, 3], ["det", "compound", "compound", "ROOT"],
              ["DT", "NN", "NN", "NN"])
    assert noun_phrase(doc[3]) == "supply-chain risk"


def test_noun_phrase_keeps_a_single_compound_and_drops_adjectives(vocab):
    doc = _np(vocab, ["a", "security", "threat"], [2, 2, 2], ["det", "compound", "ROOT"], ["DT", "NN", "NN"])
    assert noun_phrase(doc[2]) == "security threat"
    doc = _np(vocab, ["unfettered", "access"], [1, 1], ["amod", "ROOT"], ["JJ", "NN"])
    assert noun_phrase(doc[1]) == "access"


def test_noun_phrase_singularises_but_keeps_event_plurals(vocab):
    doc = _np(vocab, ["taxes"], [0], ["ROOT"], ["NNS"])
    assert noun_phrase(doc[0]) == "tax"
    doc = _np(vocab, ["talks"], [0], ["ROOT"], ["NNS"])
    assert noun_phrase(doc[0]) == "talks"


# -- the shipped tables ------------------------------------------------------------------------

def test_verb_lexicon_is_well_formed():
    data = load_json("verbs.json")
    seen: dict[str, str] = {}
    for category, by_polarity in data.items():
        if category.startswith("_"):
            continue
        assert category in CATEGORIES
        for polarity, lemmas in by_polarity.items():
            assert int(polarity) in (-1, 0, 1)
            for lemma in lemmas:
                assert lemma == lemma.lower().strip() and lemma not in seen, lemma
                seen[lemma] = category
    assert len(verb_classes()) == len(seen) > 300


def test_quad_classes_cover_the_issue_examples():
    classes = verb_classes()
    for lemma in ("invite", "praise", "support", "agree", "meet", "endorse", "fund"):
        assert classes[lemma][0] == "cooperation", lemma
    for lemma in ("criticize", "accuse", "sue", "sanction", "ban", "attack", "kill", "arrest", "investigate"):
        assert classes[lemma][0] == "conflict", lemma


def test_event_noun_labels_are_past_tense_phrases():
    for noun, (verb, label) in event_nouns().items():
        assert label == label.lower() and re.fullmatch(r"[a-z -]+", label), noun
        first = label.split()[0]
        assert past(base_form(first)) == first, label


def test_role_titles_are_lower_case_and_end_in_a_preposition():
    data = load_json("role_titles.json")
    for table in ("titles", "family"):
        for title, label in data[table].items():
            assert title == title.lower() and label.split()[-1] in ("of", "for", "to", "at"), title
    assert set(data["jurisdiction"]) <= set(data["titles"]) | set(data["family"])


def test_word_classes_exist():
    for name in ("speech_verbs", "object_control_verbs", "light_verbs", "relational_preps", "verb_preps",
                 "movement_verbs", "artifact_nouns", "institution_nouns", "group_nouns", "complement_verbs"):
        assert words(name), name
