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


# -- killing and violence ------------------------------------------------------------------------

def test_agent_nouns_name_the_act(nlp):
    names = {"Jane Doe": P, "John Roe": P}
    for text in ("Jane Doe's assassin, John Roe, was hanged.", "John Roe, the assassin of Jane Doe, was hanged.",
                 "Jane Doe's killer John Roe was arrested.", "John Roe was Jane Doe's killer."):
        assert {(s, t) for s, _r, t in triples(nlp(text), names)} == {("john-roe", "jane-doe")}, text
    assert triples(nlp("The execution of Doe assassin John Roe was delayed."), {"Doe": P, "John Roe": P}) == {
        ("john-roe", "assassinated", "doe")}


def test_killing_through_an_instrument_an_order_or_a_group(nlp):
    names = {"Jane Doe": P, "John Roe": P, "Sam Poe": P}
    assert triples(nlp("John Roe fired the shots that killed Jane Doe."), names) == {("john-roe", "killed", "jane-doe")}
    assert triples(nlp("A bomb planted by John Roe killed Jane Doe."), names) == {("john-roe", "killed", "jane-doe")}
    assert triples(nlp("Jane Doe was murdered on the orders of John Roe."), names) == {
        ("john-roe", "ordered murder of", "jane-doe")}
    assert triples(nlp("Jane Doe was assassinated by a group of rebels that included John Roe and Sam Poe."), names) == {
        ("john-roe", "assassinated", "jane-doe"), ("sam-poe", "assassinated", "jane-doe")}
    assert triples(nlp("Jane Doe was slain by John Roe."), names) == {("john-roe", "killed", "jane-doe")}
    assert triples(nlp("John Roe fired his pistol at Jane Doe."), names) == {("john-roe", "shot at", "jane-doe")}


def test_convicted_charged_or_serving_for_a_killing(nlp):
    names = {"Jane Doe": P, "John Roe": P, "Police": G}
    for text in ("John Roe was convicted of the murder of Jane Doe.", "John Roe was convicted of Jane Doe's killing.",
                 "John Roe is serving a life sentence for the murder of Jane Doe.",
                 "John Roe, convicted of murdering Jane Doe, died in prison.",
                 "John Roe, who was charged with having assassinated Jane Doe, died."):
        assert {(s, t) for s, _r, t in triples(nlp(text), names)} == {("john-roe", "jane-doe")}, text
    rels = relations(nlp("Police charged John Roe with the murder of Jane Doe."), names)
    assert {(r.source, r.relation, r.target, r.evidence.reported_by) for r in rels} == {
        ("police", "charged", "john-roe", ""), ("john-roe", "murdered", "jane-doe", "police")}
    assert triples(nlp("John Roe was acquitted of the murder of Jane Doe."), names) == set()


def test_relative_clause_subject_is_its_antecedent_alone(nlp):
    names = {"Jane Doe": P, "John Roe": P, "Sam Poe": P, "Ann Lee": P}
    t = triples(nlp("Her clients have included John Roe, who killed Jane Doe, and Sam Poe and Ann Lee."), names)
    assert {(s, tt) for s, _r, tt in t} == {("john-roe", "jane-doe")}
    t = triples(nlp("John Roe, convicted of killing Jane Doe; and Sam Poe, a former reporter convicted of fraud."), names)
    assert {(s, tt) for s, _r, tt in t} == {("john-roe", "jane-doe")}


# -- clause complements: judgements, demands, wishes; modality ------------------------------------

def test_judgements_through_an_adjective(nlp):
    names = {"High Court": G, "Harwick": O, "Gray Tull": P, "government": G, "Thai royals": O, "king": P}
    assert triples(nlp("The High Court found Harwick guilty of fraud."), names) == {("high-court", "found guilty", "harwick")}
    assert triples(nlp("Gray Tull ruled the government's practice of registering men is unconstitutional."), names) == {
        ("gray-tull", "ruled unconstitutional", "government")}
    assert triples(nlp("The king considered it inappropriate for Thai royals to run for office."), names) == {
        ("king", "considered inappropriate", "thai-royals")}
    assert triples(nlp("Harwick found it difficult to work with the government."), names) == set()


def test_demands_and_wishes_point_at_who_should_act(nlp):
    names = {"High Court": G, "Harwick": O, "Delmont": O, "Ostmark": G, "Jane Roe": P, "Sam Okoro": P}
    assert triples(nlp("The High Court said Harwick must repay Delmont."), names) == {
        ("high-court", "ordered to repay", "harwick")}  # the repayment itself is not asserted
    assert triples(nlp("Jane Roe said Ostmark should pay for the damage."), names) == {("jane-roe", "urged to pay", "ostmark")}
    assert triples(nlp("Jane Roe said Ostmark must leave."), names) == {("jane-roe", "demanded to leave", "ostmark")}
    assert triples(nlp("I hope that Sam Okoro will come back."), names, {"i": "Jane Roe"}) == {
        ("jane-roe", "hoped to come back", "sam-okoro")}


def test_possibilities_and_alternatives_assert_nothing(nlp):
    names = {"Harwick": O, "Delmont": O, "Sam Okoro": P}
    assert triples(nlp("Harwick could sue Delmont."), names) == set()
    assert triples(nlp("Harwick chose to negotiate rather than sue Delmont."), names) == set()
    assert triples(nlp("Harwick should apologise to Delmont, analysts said."), names) == set()
    assert ("harwick", "sued", "delmont") in triples(nlp("Harwick said it would sue Delmont."), names, {"it": "Harwick"})
    t = triples(nlp("Sam Okoro said the rules should change, and his critics blame him for the losses."), {
        "Sam Okoro": P, "critics": O}, {"him": "Sam Okoro"})
    assert t == {("critics", "blamed", "sam-okoro")}


def test_participle_of_a_message_is_its_authors_act(nlp):
    names = {"Mike Tull": P, "Twitter": O, "Ostmark": G, "ministry": G, "Officials": G}
    assert triples(nlp("Mike Tull posted a message on Twitter blaming Ostmark for the attacks."), names) == {
        ("mike-tull", "blamed", "ostmark")}
    assert triples(nlp("The ministry issued a statement condemning Ostmark."), names) == {("ministry", "condemned", "ostmark")}
    assert triples(nlp("Officials asking Ostmark to leave met on Monday."), names) == {
        ("officials", "asked to leave", "ostmark")}


# -- reaching actors across sentences (entity layer + relations, real model) ----------------------

def article_triples(nlp, text):
    from graphkit.pipeline import extract
    from graphkit.records import Article

    res = extract(nlp(text), Article("a", text))
    return {(r.source, r.relation, r.target) for r in res.relations}


def test_a_description_prefers_the_actor_described_so(nlp):
    text = ("Supermarket chain Harlow Stores agreed to sell its stores to Brightwater Capital. "
            "The retailer also sued Globex Corporation last year.")
    assert ("harlow-stores", "sued", "globex-corporation") in article_triples(nlp, text)
    text = ("The watchdog, the Financial Conduct Authority, fined Castlegate Bank on Monday. "
            "Harlow Stores said it welcomed the news.")
    t = article_triples(nlp, text)
    assert ("financial-conduct-authority", "fined", "castlegate-bank") in t
    assert not any(s == "harlow-stores" and r == "fined" for s, r, _t in t)


def test_a_description_with_a_name_in_it_is_that_name(nlp):
    text = "Brightwater Capital, which already owns the Cashel Foods chain, bought Harlow Stores in May."
    t = article_triples(nlp, text)
    assert ("brightwater-capital", "owned", "cashel-foods") in t
    assert ("brightwater-capital", "owned", "harlow-stores") not in t


def test_a_later_sentence_recalls_the_act_by_a_bare_noun(nlp):
    t = article_triples(nlp, "Acme Corp asked the Ministry of Finance to waive the fee. The ministry declined the request.")
    assert ("ministry-of-finance", "declined request", "acme-corp") in t
    t = article_triples(nlp, "The High Court ordered Vantor Energy to repay customers. "
                             "The company said it would appeal against the decision.")
    assert ("vantor-energy", "appealed against decision", "high-court") in t
    t = article_triples(nlp, "French President Emmanuel Macron called for G7 action on Monday. "
                             "The call was quickly seconded by German Chancellor Angela Merkel.")
    assert ("emmanuel-macron", "called for action by", "g7") in t
    assert ("angela-merkel", "seconded call by", "emmanuel-macron") in t
    t = article_triples(nlp, "Acme Corp sold its Irish business to Brightwater Capital. "
                             "The Competition Authority said it would examine the deal.")
    assert ("competition-authority", "examined deal by", "acme-corp") in t
    # the sentence that names the event does not recall it, and a modified noun is another event
    t = article_triples(nlp, "Acme Corp asked the Ministry of Finance to waive the fee. "
                             "The ministry declined the tax request.")
    assert not any(r.startswith("declined") for _s, r, _t in t)


def test_protests_are_the_protesters_acts(nlp):
    text = ("Thousands of protesters joined a rally against the government in Minsk. "
            "The protests continued on Sunday against President Alexander Lukashenko. "
            "Anti-government protests have been taking place since Tuesday.")
    t = {(s, r, tt) for s, r, tt in article_triples(nlp, text) if r == "protested against"}
    assert {(s, tt) for s, _r, tt in t} == {("belarusian-protesters", "belarusian-government"),
                                             ("belarusian-protesters", "alexander-lukashenko")}


def test_a_contested_claim_about_an_act_is_a_claim_about_its_agent(nlp):
    names = {"Ostmark": G, "Jane Roe": P, "rebels": O}
    rels = relations(nlp("Jane Roe claimed the rebels were armed by Ostmark."), names)
    assert ("jane-roe", "made claims about", "ostmark", "statement") in {
        (r.source, r.relation, r.target, r.kind) for r in rels}
    rels = relations(nlp("Jane Roe said the rebels were armed by Ostmark."), names)
    assert not any(r.source == "jane-roe" for r in rels)


def test_nominal_sale_and_deal_between(nlp):
    names = {"Harwick": O, "Delmont": O, "Initech": O}
    assert triples(nlp("Harwick's sale of its unit to Delmont was approved."), names) == {("harwick", "sold to", "delmont")}
    assert triples(nlp("The deal between Harwick and Delmont collapsed."), names) == {("harwick", "made deal with", "delmont")}


def test_asking_someone_to_act_on_a_third_party(nlp):
    names = {"Harwick": O, "Delmont": O, "High Court": G}
    assert triples(nlp("Harwick asked the High Court to stop Delmont from selling the drug."), names) == {
        ("harwick", "asked to stop", "high-court"), ("harwick", "sought to stop", "delmont")}


def test_reduced_passives_point_from_who_grants(nlp):
    names = {"Globex": O, "Ostmark": G, "Jane Roe": P, "Paris": L}
    assert triples(nlp("Globex, refused entry to Ostmark, returned home."), names) == {("ostmark", "refused entry", "globex")}
    assert triples(nlp("Jane Roe was refused entry to Ostmark."), names) == {("ostmark", "refused entry", "jane-roe")}
    assert triples(nlp("Jane Roe, denied a visa by Ostmark, stayed in Paris."), names) == {
        ("ostmark", "denied visa", "jane-roe")}
    assert triples(nlp("Globex, however, sued Ostmark."), names) == {("globex", "sued", "ostmark")}


def test_things_that_are_not_actors(nlp):
    names = {"Deval Patrick": P, "Andrew Yang": P, "Kitty Mak": P, "Hong Kong": G, "Sam Poe": P, "America": G}
    assert triples(nlp("Deval Patrick ended his on Wednesday morning."), names, {"his": "Andrew Yang"}) == set()
    assert triples(nlp("We are trying to do the best we can for Hong Kong."), names, {"we": "Kitty Mak"}) == set()
    assert triples(nlp("The toilet is an artwork entitled America made by Sam Poe."), names) == set()


def test_author_of_an_event_through_a_participle(nlp):
    names = {"Supreme Court": G, "Texas": G, "Phil Tull": P, "Nabil Hasan": P}
    assert triples(nlp("The Supreme Court rejected a lawsuit filed by Texas."), names) == {
        ("supreme-court", "rejected lawsuit by", "texas")}
    assert triples(nlp("Phil Tull praised the quality of Nabil Hasan's work."), names) == {("phil-tull", "praised", "nabil-hasan")}


def test_pronoun_in_an_adverbial_clause_prefers_the_clause_it_depends_on(nlp):
    text = ("Doctors examined Jane Doe on the day Ann Lee was injured, and the nurses who treated "
            "John Roe after he was stabbed by Sam Poe.")
    t = article_triples(nlp, text)
    assert ("sam-poe", "stabbed", "john-roe") in t
    assert ("sam-poe", "stabbed", "ann-lee") not in t


def test_modality_is_kept_on_the_evidence(nlp):
    names = {"Globex": O, "Acme": O, "Harlow Stores": O, "Brightwater": O, "Police": G, "Jane Roe": P}

    def modal(text):
        return {(r.source, r.target, r.evidence.modality) for r in relations(nlp(text), names) if r.kind == "action"}
    assert modal("Globex allegedly bribed Acme.") == {("globex", "acme", "alleged")}
    assert modal("Globex reportedly paid Acme.") == {("globex", "acme", "reported")}
    assert modal("Globex is said to have bribed Acme.") == {("globex", "acme", "reported")}
    assert modal("Harlow Stores to sell its Irish arm to Brightwater") == {("harlow-stores", "brightwater", "intended")}
    assert modal("Globex will sue Acme.") == {("globex", "acme", "intended")}
    assert ("jane-roe", "acme", "alleged") in modal("Police accused Jane Roe of attacking Acme.")
    assert modal("Globex sued Acme.") == {("globex", "acme", "")}


def test_events_recalled_by_their_means_or_claimed(nlp):
    t = article_triples(nlp, "The Russian army killed Jane Roe in an airstrike on Monday. "
                             "John Poe, who was also killed in the airstrike, was her aide. "
                             "Sam Okoro spoke out against the attack.")
    assert ("russian-military", "killed", "john-poe") in t
    assert ("sam-okoro", "spoke out against attack by", "russian-military") in t
    names = {"Harwick Oil": O, "Kandor Front": O}
    assert triples(nlp("The Kandor Front claimed responsibility for the attack on Harwick Oil."), names) == {
        ("kandor-front", "claimed responsibility for attack on", "harwick-oil")}


def test_refusing_a_request_in_the_same_sentence(nlp):
    names = {"Ostmark": G, "Gray Tull": P}
    assert ("gray-tull", "declined request by", "ostmark") in triples(
        nlp("Ostmark asked Gray Tull to delay his ruling, but he declined."), names, {"he": "Gray Tull"})


def test_adjectival_acts_and_protest_phrases(nlp):
    names = {"Popular Front": O, "Iranian": G, "Boris Lane": P, "Theresa Maye": P, "Jeremy Holt": P}
    assert ("iranian", "backed", "popular-front") in triples(
        nlp("The Popular Front, an Iranian-backed militia, attacked the base."), names)
    assert triples(nlp("Boris Lane resigned in protest at Theresa Maye's Brexit agreement."), names) == {
        ("boris-lane", "protested against", "theresa-maye")}
    assert triples(nlp("Boris Lane competed for the role against Jeremy Holt."), names) == {
        ("boris-lane", "competed against", "jeremy-holt")}


def test_organized_events_means_and_participation(nlp):
    names = {"Omar Said": P, "Ostmark": G, "Jane Roe": P, "Texas": L, "Acme": O, "Globex": O, "Joe Lane": P, "Tom Bird": P}
    assert triples(nlp("Omar Said orchestrated the attacks on Ostmark in 2001."), names) == {
        ("omar-said", "orchestrated attacks on", "ostmark")}
    assert triples(nlp("Jane Roe has been killed in an Ostmark counter-terrorism operation."), names) == {
        ("ostmark", "killed", "jane-roe")}
    assert triples(nlp("Jane Roe was killed in a Texas shooting."), names) == set()
    assert triples(nlp("Tom Bird traveled to Texas to participate in the debate against Joe Lane."), names) == {
        ("tom-bird", "debated", "joe-lane")}
    assert triples(nlp("Acme took part in talks with Globex."), names) == {("acme", "held talks with", "globex")}
    assert triples(nlp("Acme criticized the attacks on Globex."), names) == set()


def test_lawmakers_as_a_collective_actor_and_a_recalled_vote(nlp):
    text = ("British MPs voted by 311 votes to 293 to find Home Secretary Ruth Calder in contempt of Parliament. "
            "Ms Calder criticised the vote, saying it was political theatre.")
    t = article_triples(nlp, text)
    assert ("british-lawmakers", "voted to find in contempt", "ruth-calder") in t
    assert ("ruth-calder", "criticized vote", "british-lawmakers") in t


def test_one_event_leading_to_another(nlp):
    names = {"Fraud Office": G, "Sam Poe": P, "Harwick": O, "Delmont": O, "John Roe": P}
    assert ("fraud-office", "led to discovery of", "harwick") in triples(
        nlp("It was the Fraud Office's investigation of Sam Poe which led to the discovery of Harwick."), names)
    assert triples(nlp("Delmont's complaint led to the arrest of John Roe."), names) == {
        ("delmont", "led to arrest of", "john-roe")}
    assert triples(nlp("John Roe led the raid on Harwick."), names) == {("john-roe", "led raid on", "harwick")}


def test_business_and_court_phrasings(nlp):
    names = {"Harwick": O, "Delmont": O, "Market Authority": G, "EU": G, "Ostmark": G, "Varnia": G, "Supreme Court": G,
             "judge": P}
    cases = [("Harwick has agreed a deal to supply Delmont with robots.", ("harwick", "agreed to supply", "delmont")),
             ("Harwick is in talks to buy Delmont.", ("harwick", "negotiated to buy", "delmont")),
             ("The Market Authority has blocked the merger of Harwick and Delmont.",
              ("market-authority", "blocked merger of", "harwick")),
             ("The EU has fined Delmont €4.3bn for abusing its dominance.", ("eu", "fined", "delmont")),
             ("Ostmark cut diplomatic ties with Varnia.", ("ostmark", "cut ties with", "varnia")),
             ("Ostmark and Varnia restored diplomatic ties.", ("ostmark", "restored ties with", "varnia")),
             ("Ostmark recalled its ambassador from Varnia.", ("ostmark", "recalled ambassador from", "varnia")),
             ("The Supreme Court overturned the ruling against Harwick.",
              ("supreme-court", "overturned ruling against", "harwick")),
             ("A judge has ruled in favour of Harwick.", ("judge", "ruled in favor of", "harwick"))]
    for text, expected in cases:
        assert expected in triples(nlp(text), names), text
    t = triples(nlp("A judge ruled in favour of Harwick in its dispute with Delmont."), names, {"its": "Harwick"})
    assert ("judge", "disputed with", "delmont") not in t and ("harwick", "disputed with", "delmont") in t


def test_no_edge_from_a_place_modifier_a_need_or_an_anti_issue(nlp):
    names = {"Police": G, "Cheltenham": O, "Pentagon": G, "military": G}
    assert triples(nlp("Police arrested a 36-year-old Cheltenham man on suspicion of burglary."), names) == set()
    assert triples(nlp("The Pentagon has said the military must be able to use technology."), names) == set()
    text = "Thousands of protesters march in anti-Brexit protest in London. The government said nothing."
    assert not any(r == "protested against" for _s, r, _t in article_triples(nlp, text))
