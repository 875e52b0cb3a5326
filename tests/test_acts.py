"""Acts in the constructions unseen news writes (issue 14): invented sentences, one class per test.

Actors are named per test (the fixed entity layer of ``test_relations``), so the tests exercise the
relation patterns on the real parse, not entity recognition.
"""

from __future__ import annotations

import pytest

from test_relations import G, L, O, P, relations, triples

pytestmark = pytest.mark.model


# -- acts carried by a verb's noun object -------------------------------------------------------

def test_light_verb_events_with_their_target(nlp):
    names = {"Harwick": O, "Delmont": O, "Jane Roe": P, "Justice Ministry": G}
    assert triples(nlp("The Justice Ministry unsealed charges against Jane Roe."), names) == {
        ("justice-ministry", "charged", "jane-roe")}
    assert ("harwick", "investigated", "delmont") in triples(
        nlp("Harwick launched an investigation into whether Delmont had broken the rules."), names)
    assert ("harwick", "investigated", "delmont") in triples(
        nlp("Harwick opened an inquiry into Delmont's accounts."), names)


def test_ending_an_event_is_not_the_event(nlp):
    names = {"Ostmark": G, "Varnia": G, "Harwick": O, "Delmont": O}
    rels = relations(nlp("Ostmark lifted sanctions on Varnia."), names)
    assert [(r.source, r.relation, r.target, r.category) for r in rels] == [
        ("ostmark", "lifted sanctions on", "varnia", "neutral")]
    rels = relations(nlp("Harwick dropped its lawsuit against Delmont."), names)
    assert [(r.relation, r.category) for r in rels] == [("dropped lawsuit against", "neutral")]
    assert triples(nlp("Harwick ended talks with Delmont."), names) == {("harwick", "ended talks with", "delmont")}


def test_answering_an_offer_points_at_its_author(nlp):
    names = {"Harwick": O, "Delmont": O}
    assert triples(nlp("Harwick has rejected a takeover offer from Delmont."), names) == {
        ("harwick", "rejected takeover offer from", "delmont")}
    assert triples(nlp("Harwick declined Delmont's request."), names) == {("harwick", "declined request by", "delmont")}
    assert triples(nlp("Harwick made a takeover offer for Delmont."), names) == {("harwick", "made offer for", "delmont")}


def test_undergoing_an_event_is_the_authors_act(nlp):
    names = {"Harwick": O, "Delmont": O, "Fraud Office": G}
    assert triples(nlp("Harwick faced charges from the Fraud Office."), names) == {("fraud-office", "charged", "harwick")}
    assert triples(nlp("Harwick came under criticism from Delmont."), names) == {("delmont", "criticized", "harwick")}
    assert triples(nlp("Harwick received a warning from the Fraud Office."), names) == {
        ("fraud-office", "warned", "harwick")}
    assert triples(nlp("Harwick drew a lawsuit from Delmont."), names) == {("delmont", "sued", "harwick")}


def test_holdings_restraining_orders_and_status_phrases(nlp):
    names = {"Harwick": O, "Delmont": O, "House of Commons": G, "Ruth Calder": P}
    assert triples(nlp("Harwick bought a 9% stake in Delmont in March."), names) == {
        ("harwick", "bought stake in", "delmont")}
    assert triples(nlp("Harwick has won an injunction stopping Delmont from selling its products."), names) == {
        ("harwick", "won injunction against", "delmont")}
    assert triples(nlp("The House of Commons voted to hold Ruth Calder in contempt."), names) == {
        ("house-of-commons", "voted to hold in contempt", "ruth-calder")}


def test_entering_an_agreement_and_relying_on(nlp):
    names = {"Harwick Air": O, "Delmont Airways": O, "Sam Okoro": P}
    assert triples(nlp("Harwick Air announced that it had entered into an agreement with Delmont Airways."),
                   names, {"it": "Harwick Air"}) == {("harwick-air", "made agreement with", "delmont-airways")}
    assert triples(nlp("Sam Okoro said he counted on Harwick Air to protect jobs."), names, {"he": "Sam Okoro"}) == {
        ("sam-okoro", "counted on", "harwick-air")}
    assert ("harwick-air", "intended to merge into", "delmont-airways") in triples(
        nlp("Harwick Air said it intends to merge its freight arm into Delmont Airways."), names, {"it": "Harwick Air"})
