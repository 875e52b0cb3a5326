"""Claims about someone, one rule (``ClausePatterns._claimed_about``): invented sentences, one construction
per test, on the real parse with the fixed entity layer of ``test_relations``."""

from __future__ import annotations

import pytest

from test_relations import G, O, P, relations, triples

pytestmark = pytest.mark.model

NAMES = {"Kestrel Bank": O, "Ostmark Corp": O, "Varnia": G, "Jane Roe": P, "Tom Hale": P, "Harwick": O}


def claims(nlp, text, pronouns=None):
    """(speaker, label, subject, kind) of the claim edges ("made claims about", "accused") of ``text``."""
    return {(r.source, r.relation, r.target, r.kind) for r in relations(nlp(text), NAMES, pronouns)
            if r.relation in ("made claims about", "accused")}


def test_a_claimed_act_is_a_statement_about_its_subject(nlp):
    assert claims(nlp, "Kestrel Bank claims Ostmark Corp flies arms to the rebels.") == {
        ("kestrel-bank", "made claims about", "ostmark-corp", "statement")}
    assert claims(nlp, "Kestrel Bank alleged that Ostmark Corp had helped the rebels.") == {
        ("kestrel-bank", "made claims about", "ostmark-corp", "statement")}


def test_a_claimed_hostile_act_is_an_accusation(nlp):
    assert {(s, r, t) for s, r, t, _k in claims(nlp, "Kestrel Bank alleged that Ostmark Corp attacked the village.")} \
        == {("kestrel-bank", "accused", "ostmark-corp")}


def test_charging_or_accusing_that_someone_acted_is_a_claim(nlp):
    assert ("kestrel-bank", "accused", "ostmark-corp") in triples(
        nlp("Kestrel Bank charged that Ostmark Corp stole the designs."), NAMES)
    assert ("varnia", "accused", "ostmark-corp") in triples(
        nlp("Varnia accused that Ostmark Corp stole the designs."), NAMES)


def test_every_speaker_makes_the_claim(nlp):
    got = {(s, t) for s, _r, t, _k in claims(nlp, "Jane Roe and Tom Hale claimed Ostmark Corp hid its losses.")}
    assert got == {("jane-roe", "ostmark-corp"), ("tom-hale", "ostmark-corp")}


def test_a_pronoun_subject_is_the_actor_it_stands_for(nlp):
    assert ("tom-hale", "accused", "jane-roe") in triples(
        nlp("Tom Hale claimed she stole the money."), NAMES, {"she": "Jane Roe"})
    assert claims(nlp, "Tom Hale claimed he had won the vote.", {"he": "Tom Hale"}) == set()
    assert claims(nlp, "Kestrel Bank claimed it had won the contract.", {"it": "Kestrel Bank"}) == set()


def test_a_claim_about_a_state_is_no_claim(nlp):
    assert claims(nlp, "Kestrel Bank alleged that Ostmark Corp remains the owner.") == set()
    assert claims(nlp, "Kestrel Bank claimed Ostmark Corp was the largest lender.") == set()


def test_a_passive_clause_is_a_claim_about_its_agent(nlp):
    got = triples(nlp("Kestrel Bank claimed that Ostmark Corp was sued by Varnia."), NAMES)
    assert ("kestrel-bank", "accused", "varnia") in got
    assert not any(s == "kestrel-bank" and t == "ostmark-corp" for s, _r, t in got)


def test_a_clause_of_time_before_the_claim_is_not_what_is_claimed(nlp):
    text = ("On Friday, hours before Harwick voted to send them to the full board for a hearing, Tom Hale claimed "
            "the papers were covered by privilege.")
    assert claims(nlp, text) == set()  # the parse hangs "voted" off "claimed" as a second complement


def test_the_subjects_own_side_claims_nothing_about_him(nlp):
    names = {**NAMES, "Associates": O, "Tom Hale's": P}
    rels = relations(nlp("Associates of Tom Hale alleged he drank poisoned tea."), names, {"he": "Tom Hale"})
    assert not [r for r in rels if r.relation == "made claims about"]
    rels = relations(nlp("Associates of Tom Hale alleged Jane Roe drank the poisoned tea."), names)
    assert ("associates", "made claims about", "jane-roe") in {(r.source, r.relation, r.target) for r in rels}


def test_a_claim_not_made_denied_or_asked_claims_nothing(nlp):
    assert claims(nlp, "Kestrel Bank did not claim that Ostmark Corp hid its losses.") == set()
    assert claims(nlp, "Varnia denied that Kestrel Bank alleged Ostmark Corp hid its losses.") == set()
    assert claims(nlp, "Did Kestrel Bank claim that Ostmark Corp hid its losses?") == set()
