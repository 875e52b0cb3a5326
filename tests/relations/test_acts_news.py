"""More construction classes of unseen news (issue 14, second round): invented sentences, one class per test.

Actors are named per test (the fixed entity layer of ``test_relations``), so the tests exercise the
relation patterns on the real parse, not entity recognition.
"""

from __future__ import annotations

import pytest

from test_relations import G, O, P, relations, triples

pytestmark = pytest.mark.model


def test_members_listed_by_such_as_or_including_are_the_targets(nlp):
    names = {"Ostmark": G, "Varnia": G, "Harwick": O, "Jane Roe": P, "John Doe": P}
    assert ("ostmark", "urged to restrict", "varnia") in triples(
        nlp("Ostmark has been urging allies such as Varnia to restrict Harwick's sales."), names)
    rels = triples(nlp("Ostmark sanctioned several Varnian officials, including Jane Roe and John Doe."),
                   {**names, "Varnian": G})
    assert {("ostmark", "sanctioned", "jane-roe"), ("ostmark", "sanctioned", "john-doe")} <= rels
    assert not any(t == "varnian" for _s, _r, t in rels)


def test_a_claim_about_someone_is_a_statement_about_them(nlp):
    names = {"Ostmark": G, "Varnia": G, "Harwick": O, "Delmont": O}
    rels = relations(nlp("Ostmark claimed Harwick supplied rifles to the rebels."), names)
    assert {(r.source, r.relation, r.target, r.kind) for r in rels} == {
        ("ostmark", "made claims about", "harwick", "statement")}
    assert ("ostmark", "made claims about", "varnia") in triples(
        nlp("Ostmark alleged that Varnia had helped the rebels by selling fuel."), names)
    assert ("ostmark", "accused", "varnia") in triples(nlp("Ostmark claimed Varnia attacked Delmont."), names)
    assert not any(r.source == "ostmark" for r in relations(
        nlp("Ostmark did not claim that Varnia attacked Delmont."), names))
    assert triples(nlp("Ostmark said Varnia supplied rifles to the rebels."), names) == set()


def test_a_demand_in_the_subjunctive_points_at_who_should_act(nlp):
    names = {"Jane Roe": P, "Ostmark": G, "Varnia": G, "Harwick": O}
    assert triples(nlp("Jane Roe recommended that the Varnia troops leave Ostmark."), {
        "Jane Roe": P, "Varnia troops": O, "Ostmark": G}) == {("jane-roe", "recommended to leave", "varnia-troops")}
    assert triples(nlp("Jane Roe demanded that Varnia free the prisoners."), names) == {
        ("jane-roe", "demanded to free", "varnia")}
    assert triples(nlp("Ostmark insisted that Varnia is a threat."), names) == set()


# -- killing (and other violence) told through nouns, participles and verdicts ------------------

KILL_NAMES = {"Pavel Orsk": P, "Tomas Brel": P, "Jane Roe": P, "Ostmark": G}


def test_a_killing_named_by_a_noun_with_its_agent_and_victim(nlp):
    for text in ("Tomas Brel's assassination by Pavel Orsk stunned Ostmark.",
                 "The assassination in 1921 of Tomas Brel by Pavel Orsk started a war.",
                 "The assassin of Tomas Brel, Pavel Orsk, was never caught."):
        assert ("pavel-orsk", "assassinated", "tomas-brel") in triples(nlp(text), KILL_NAMES), text
    assert not any(s == "tomas-brel" for s, _r, _t in triples(
        nlp("The assassin of Tomas Brel, Pavel Orsk, was never caught."), KILL_NAMES))


def test_a_killing_alleged_or_admitted_through_a_verdict_or_an_arrest(nlp):
    for text in ("Pavel Orsk was found guilty of the assassination of Tomas Brel.",
                 "The jury found Pavel Orsk guilty of murdering Tomas Brel.",
                 "Pavel Orsk pleaded guilty to the murder of Tomas Brel.",
                 "Pavel Orsk was arrested in the killing of Tomas Brel.",
                 "Pavel Orsk was arrested in connection with the killing of Tomas Brel.",
                 "Pavel Orsk is charged with first-degree murder in the death of Tomas Brel.",
                 "Pavel Orsk is serving 30 years in prison for the murder of Tomas Brel."):
        pairs = {(s, t) for s, _r, t in triples(nlp(text), KILL_NAMES)}
        assert ("pavel-orsk", "tomas-brel") in pairs, text


def test_the_subject_undergoes_a_subjectless_passive_after_it(nlp):
    assert ("pavel-orsk", "shot", "tomas-brel") in triples(
        nlp("Tomas Brel died after being shot by Pavel Orsk."), KILL_NAMES)
    assert ("pavel-orsk", "killed", "tomas-brel") in triples(
        nlp("Tomas Brel was killed by a bomb planted by Pavel Orsk."), KILL_NAMES)
    assert ("pavel-orsk", "replaced", "tomas-brel") in triples(
        nlp("Tomas Brel resigned and was replaced by Pavel Orsk."), KILL_NAMES)


def test_coordinated_verbs_share_their_object_or_agent(nlp):
    names = {**KILL_NAMES, "Harwick police": G}
    assert {("pavel-orsk", "shot", "tomas-brel"), ("pavel-orsk", "killed", "tomas-brel")} <= triples(
        nlp("Pavel Orsk shot and killed Tomas Brel on Monday."), names)
    assert {("harwick-police", "arrested", "jane-roe"), ("harwick-police", "charged", "jane-roe")} <= triples(
        nlp("Harwick police arrested and charged Jane Roe on Monday."), names)
    assert {("pavel-orsk", "shot", "tomas-brel"), ("pavel-orsk", "wounded", "tomas-brel")} <= triples(
        nlp("Tomas Brel was shot and wounded by Pavel Orsk."), names)
    assert ("pavel-orsk", "assassinated", "tomas-brel") in triples(
        nlp("Pavel Orsk was tried and convicted for the assassination of Tomas Brel."), names)
    assert triples(nlp("Pavel Orsk resigned and joined Harwick police."), names, kind="action") == {
        ("pavel-orsk", "joined", "harwick-police")}


def test_the_subject_of_a_passive_acts_in_the_gerund_after_it(nlp):
    assert ("pavel-orsk", "shot", "tomas-brel") in triples(
        nlp("Pavel Orsk was arrested after shooting Tomas Brel."), KILL_NAMES)


def test_a_description_by_copula_or_as_carries_its_relative_clause(nlp):
    for text in ("Pavel Orsk was the gunman who killed Tomas Brel.",
                 "Pavel Orsk is the man who shot Tomas Brel."):
        assert ("pavel-orsk", "tomas-brel") in {(s, t) for s, _r, t in triples(nlp(text), KILL_NAMES)}, text
    assert ("pavel-orsk", "assassinated", "tomas-brel") in triples(
        nlp("Investigators identified Pavel Orsk as the assassin of Tomas Brel."), KILL_NAMES)
    assert triples(nlp("The man who killed Tomas Brel, Pavel Orsk, was released."), KILL_NAMES) == {
        ("pavel-orsk", "killed", "tomas-brel")}


def test_a_suspect_or_a_plot_points_at_the_victim(nlp):
    assert ("pavel-orsk", "killed", "tomas-brel") in triples(
        nlp("Pavel Orsk, a suspect in the killing of Tomas Brel, fled to Ostmark."), KILL_NAMES)
    assert ("pavel-orsk", "murdered", "tomas-brel") in triples(
        nlp("Pavel Orsk is the main suspect in the murder of Tomas Brel."), KILL_NAMES)
    assert ("pavel-orsk", "conspired to murder", "tomas-brel") in triples(
        nlp("Pavel Orsk was charged with conspiracy to murder Tomas Brel."), KILL_NAMES)
    assert ("pavel-orsk", "plotted assassination of", "tomas-brel") in triples(
        nlp("Pavel Orsk plotted the assassination of Tomas Brel."), KILL_NAMES)


# -- legislatures and agreements ----------------------------------------------------------------

def test_a_measure_voted_on_carries_its_act(nlp):
    names = {"Senate": O, "Jane Roe": P, "Varnian troops": O, "Parliament of Ostmark": O}
    assert triples(nlp("The Senate passed a resolution to remove Governor Jane Roe."), names) == {
        ("senate", "voted to remove", "jane-roe")}
    assert triples(nlp("The Parliament of Ostmark voted on a resolution to expel Varnian troops."), names) == {
        ("parliament-of-ostmark", "voted to expel", "varnian-troops")}
    assert triples(nlp("The Senate rejected a motion to impeach Jane Roe."), names) == set()


def test_leaving_an_agreement_is_an_act_on_the_partner(nlp):
    names = {"Harwick": O, "Delmont": O, "Jane Roe": P, "Ostmark": G, "Varnia": G}
    assert ("jane-roe", "withdrew from agreement with", "varnia") in triples(
        nlp("President Jane Roe withdrew from the trade agreement with Varnia."), names)
    assert ("harwick", "pulled out of venture with", "delmont") in triples(
        nlp("Harwick pulled out of its joint venture with Delmont."), names)


def test_an_envoy_stands_for_the_country_and_partners_agree_to_act_together(nlp):
    names = {"Ostmark": G, "Varnian": G, "Varnia": G, "Harwick": O, "Delmont": O}
    assert triples(nlp("Ostmark summoned the Varnian ambassador over the arrests."), names) == {
        ("ostmark", "summoned", "varnian")}
    assert ("ostmark", "expelled", "varnia") in triples(nlp("Ostmark expelled Varnia's ambassador on Tuesday."), names)
    assert triples(nlp("Harwick and Delmont agreed to cooperate on research."), names) == {
        ("harwick", "agreed to cooperate with", "delmont")}
    assert triples(nlp("Harwick and Delmont refused to negotiate."), names) == set()


def test_a_reduced_passive_with_its_agent_after_the_access_noun(nlp):
    names = {"Jane Roe": P, "Ostmark": G, "Varnia": G}
    assert triples(nlp("Jane Roe, refused entry by Ostmark, flew back to Varnia."), names) == {
        ("ostmark", "refused entry", "jane-roe")}


def test_raising_passives_and_appeals_against_an_authored_ruling(nlp):
    names = {"Harwick": O, "Delmont": O, "High Court": O}
    assert triples(nlp("Harwick is set to acquire Delmont."), names) == {("harwick", "set to acquire", "delmont")}
    assert triples(nlp("Delmont appealed the ruling by the High Court."), names) == {
        ("delmont", "appealed ruling by", "high-court")}


def test_idioms_of_conflict_and_settlement(nlp):
    names = {"Harwick": O, "Delmont": O, "Ostmark": G, "Varnia": G}
    assert triples(nlp("Ostmark declared war on Varnia."), names) == {("ostmark", "waged war on", "varnia")}
    assert triples(nlp("Harwick took Delmont to court over unpaid bills."), names) == {("harwick", "sued", "delmont")}
    assert triples(nlp("Harwick settled with Delmont for $5 million."), names) == {("harwick", "settled with", "delmont")}
    assert ("ostmark", "rejected allegations by", "varnia") in triples(
        nlp("Ostmark rejected the allegations by Varnia."), names)


def test_responsibility_for_an_attack_and_passives_with_a_thing_subject(nlp):
    names = {"Harwick": O, "Delmont": O, "Ostmark": G, "Varnia": G, "Jane Roe": P}
    rels = relations(nlp("Ostmark said Varnia was behind the attack on Harwick."), names)
    got = {(r.source, r.relation, r.target) for r in rels}
    assert {("varnia", "attacked", "harwick"), ("ostmark", "accused", "varnia")} <= got
    assert next(r for r in rels if r.source == "varnia").evidence.reported_by == "ostmark"
    assert ("varnia", "attacked", "harwick") in triples(nlp("The attack on Harwick was blamed on Varnia."), names)
    assert triples(nlp("The award was given to Jane Roe by Harwick."), names) == {("harwick", "gave to", "jane-roe")}
    assert triples(nlp("The bill was passed in Ostmark by Harwick."), names) == set()


def test_an_act_its_agent_was_cleared_of_is_not_asserted(nlp):
    for text in ("Pavel Orsk was acquitted of defrauding Jane Roe.",
                 "Pavel Orsk was found not guilty of the murder of Tomas Brel.",
                 "Pavel Orsk pleaded not guilty to murdering Tomas Brel."):
        assert not any(s == "pavel-orsk" for s, _r, _t in triples(nlp(text), KILL_NAMES)), text
    assert ("pavel-orsk", "murdered", "tomas-brel") in triples(
        nlp("Pavel Orsk was found guilty of murdering Tomas Brel."), KILL_NAMES)


def test_facing_a_fine_is_the_fining_authoritys_act(nlp):
    names = {"Harwick": O, "European Commission": O}
    assert triples(nlp("Harwick faces a fine from the European Commission."), names) == {
        ("european-commission", "fined", "harwick")}


def test_a_headline_passive_without_its_auxiliary(nlp):
    names = {**KILL_NAMES, "Harwick": O, "European Commission": O}
    assert triples(nlp("Harwick fined by European Commission over cartel"), names) == {
        ("european-commission", "fined", "harwick")}
    assert ("pavel-orsk", "murdered", "tomas-brel") in triples(
        nlp("Pavel Orsk charged with murder of Tomas Brel"), names)
    assert triples(nlp("Harwick sued the European Commission"), names) == {("harwick", "sued", "european-commission")}
