"""Typing a company the tagger calls a person (and a person it calls an organisation), on hand-built Docs."""

from __future__ import annotations

import pytest
from support.entity_docs import article, build

from graphkit.entities.resolve import resolve
from graphkit.records import Article

SELLS = ("Harlow/NNP/PROPN/compound/1 Pemberton/NNP/PROPN/nsubj/2 sells/VBZ/VERB/ccomp/8/sell "
         "industrial/JJ/ADJ/amod/4 pumps/NNS/NOUN/dobj/2/pump to/IN/ADP/dative/2 farms/NNS/NOUN/pobj/5/farm "
         ",/,/PUNCT/punct/8 said/VBD/VERB/ROOT/8/say Dana/NNP/PROPN/compound/10 Whit/NNP/PROPN/nsubj/8 "
         ",/,/PUNCT/punct/10 an/DT/DET/det/15 assistant/JJ/ADJ/amod/15 product/NN/NOUN/compound/15 "
         "manager/NN/NOUN/appos/10 ././PUNCT/punct/8")


def types(vocab, spec, ents):
    doc = build(vocab, spec, ents)
    return {k: e.type for k, e in resolve(doc, article(doc)).entities.items()}


def test_subject_of_a_line_of_business_is_a_company(vocab):
    got = types(vocab, SELLS, [(0, 2, "PERSON"), (9, 11, "PERSON")])
    assert got["harlow-pemberton"] == "organization"
    assert got["dana-whit"] == "person"  # the speaker of the sentence is no subject of "sells"


def test_person_with_a_given_name_who_sells_stays_a_person(vocab):
    spec = ("Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/2 sells/VBZ/VERB/ROOT/2/sell handmade/JJ/ADJ/amod/4 "
            "jewellery/NN/NOUN/dobj/2 ././PUNCT/punct/2")
    assert types(vocab, spec, [(0, 2, "PERSON")])["jane-roe"] == "person"


def test_shares_in_a_name_make_it_a_company(vocab):
    spec = ("Shares/NNS/NOUN/nsubj/4/share in/IN/ADP/prep/0 Harlow/NNP/PROPN/compound/3 Pemberton/NNP/PROPN/pobj/1 "
            "fell/VBD/VERB/ROOT/4/fall on/IN/ADP/prep/4 Tuesday/NNP/PROPN/pobj/5 ././PUNCT/punct/4")
    assert types(vocab, spec, [(2, 4, "PERSON")])["harlow-pemberton"] == "organization"


def test_holder_of_shares_in_a_company_stays_a_person(vocab):
    spec = ("Marla/NNP/PROPN/compound/1 Quent/NNP/PROPN/poss/3 's/POS/PART/case/1 shares/NNS/NOUN/nsubj/7/share "
            "in/IN/ADP/prep/3 Harlow/NNP/PROPN/compound/6 Pemberton/NNP/PROPN/pobj/4 doubled/VBD/VERB/ROOT/7/double "
            "././PUNCT/punct/7")
    got = types(vocab, spec, [(0, 2, "PERSON"), (5, 7, "PERSON")])
    assert got["marla-quent"] == "person"
    assert got["harlow-pemberton"] == "organization"


def test_it_that_cuts_jobs_after_a_name_shows_a_company(vocab):
    spec = ("Harlow/NNP/PROPN/compound/1 Pemberton/NNP/PROPN/nsubj/2 said/VBD/VERB/ROOT/2/say it/PRP/PRON/nsubj/5 "
            "would/MD/AUX/aux/5 cut/VB/VERB/ccomp/2 400/CD/NUM/nummod/7 jobs/NNS/NOUN/dobj/5/job ././PUNCT/punct/2")
    assert types(vocab, spec, [(0, 2, "PERSON")])["harlow-pemberton"] == "organization"


def test_the_company_after_a_subject_refers_back_to_it_but_not_inside_what_a_person_says(vocab):
    spec = ("Harlow/NNP/PROPN/compound/1 Pemberton/NNP/PROPN/nsubj/2 raised/VBD/VERB/ROOT/2/raise "
            "prices/NNS/NOUN/dobj/2/price ././PUNCT/punct/2 The/DT/DET/det/6 company/NN/NOUN/nsubj/7 "
            "said/VBD/VERB/ROOT/7/say costs/NNS/NOUN/nsubj/10/cost had/VBD/AUX/aux/10/have "
            "soared/VBN/VERB/ccomp/7/soar ././PUNCT/punct/7")
    assert types(vocab, spec, [(0, 2, "PERSON")])["harlow-pemberton"] == "organization"
    spec = ("Orla/NNP/PROPN/compound/1 Teague/NNP/PROPN/nsubj/2 said/VBD/VERB/ROOT/2/say the/DT/DET/det/4 "
            "company/NN/NOUN/nsubj/6 had/VBD/AUX/aux/6/have misled/VBN/VERB/ccomp/2/mislead "
            "regulators/NNS/NOUN/dobj/6/regulator ././PUNCT/punct/2")
    assert types(vocab, spec, [(0, 2, "PERSON")])["orla-teague"] == "person"


def test_organisation_noun_in_apposition_but_not_a_persons_trade(vocab):
    spec = ("Harlow/NNP/PROPN/compound/1 Pemberton/NNP/PROPN/nsubj/7 ,/,/PUNCT/punct/1 the/DT/DET/det/5 "
            "{w}/NN/NOUN/compound/5 maker/NN/NOUN/appos/1 ,/,/PUNCT/punct/1 said/VBD/VERB/ROOT/7/say "
            "sales/NNS/NOUN/nsubj/9/sale slowed/VBD/VERB/ccomp/7/slow ././PUNCT/punct/7")
    assert types(vocab, spec.format(w="pump"), [(0, 2, "PERSON")])["harlow-pemberton"] == "organization"
    assert types(vocab, spec.format(w="film"), [(0, 2, "PERSON")])["harlow-pemberton"] == "person"


def test_titled_person_keeps_the_labels_weight_against_a_company_sign(vocab):
    spec = ("Ms/NNP/PROPN/compound/2 Harlow/NNP/PROPN/compound/2 Pemberton/NNP/PROPN/nsubj/3 "
            "sells/VBZ/VERB/ROOT/3/sell industrial/JJ/ADJ/amod/5 pumps/NNS/NOUN/dobj/3/pump ././PUNCT/punct/3")
    assert types(vocab, spec, [(1, 3, "PERSON")])["harlow-pemberton"] == "person"


def test_bare_surname_the_tagger_calls_an_organisation_stays_the_person(vocab):
    spec = ("Kyle/NNP/PROPN/compound/1 Zentaro/NNP/PROPN/nsubjpass/3 was/VBD/AUX/auxpass/3/be "
            "charged/VBN/VERB/ROOT/3/charge ././PUNCT/punct/3")
    ents = [(0, 2, "PERSON")]
    for k in range(8):  # "Zentaro was released." eight times, each "Zentaro" tagged ORG
        i = 5 + 4 * k
        spec += (f" Zentaro/NNP/PROPN/nsubjpass/{i + 2} was/VBD/AUX/auxpass/{i + 2}/be "
                 f"released/VBN/VERB/ROOT/{i + 2}/release ././PUNCT/punct/{i + 2}")
        ents.append((i, i + 1, "ORG"))
    assert types(vocab, spec, ents)["kyle-zentaro"] == "person"


def test_workers_at_a_name_make_it_a_company(vocab):
    spec = ("Workers/NNS/NOUN/nsubj/4/worker at/IN/ADP/prep/0 Harlow/NNP/PROPN/compound/3 Pemberton/NNP/PROPN/pobj/1 "
            "voted/VBD/VERB/ROOT/4/vote to/TO/PART/aux/6 strike/VB/VERB/xcomp/4 ././PUNCT/punct/4")
    assert types(vocab, spec, [(2, 4, "PERSON")])["harlow-pemberton"] == "organization"


def test_a_persons_chief_of_staff_is_no_company_cue(vocab):
    spec = ("Jaylen/NNP/PROPN/compound/1 Orr/NNP/PROPN/poss/3 's/POS/PART/case/1 chief/NN/NOUN/nsubj/6 "
            "of/IN/ADP/prep/3 staff/NN/NOUN/pobj/4 resigned/VBD/VERB/ROOT/6/resign ././PUNCT/punct/6")
    assert types(vocab, spec, [(0, 2, "PERSON")])["jaylen-orr"] == "person"


def test_he_or_she_in_what_a_name_says_makes_it_a_person(vocab):
    spec = ("Tavi/NNP/PROPN/compound/1 Hollin/NNP/PROPN/nsubj/2 said/VBD/VERB/ROOT/2/say {w}/PRP/PRON/nsubj/4 "
            "was/VBD/AUX/ccomp/2/be happy/JJ/ADJ/acomp/4 ././PUNCT/punct/2")
    assert types(vocab, spec.format(w="she"), [(0, 2, "ORG")])["tavi-hollin"] == "person"
    assert types(vocab, spec.format(w="it"), [(0, 2, "ORG")])["tavi-hollin"] == "organization"


def test_victim_of_a_killing_and_owner_of_a_widow_is_a_person(vocab):
    spec = ("Kofi/NNP/PROPN/compound/1 Mensa/NNP/PROPN/nsubj/2 shot/VBD/VERB/ROOT/2/shoot Zentaro/NNP/PROPN/dobj/2 "
            "in/IN/ADP/prep/2 1921/CD/NUM/pobj/4 ././PUNCT/punct/2")
    assert types(vocab, spec, [(0, 2, "PERSON"), (3, 4, "ORG")])["zentaro"] == "person"
    spec = ("Zentaro/NNP/PROPN/poss/2 's/POS/PART/case/0 widow/NN/NOUN/nsubj/3 said/VBD/VERB/ROOT/3/say "
            "the/DT/DET/det/5 trial/NN/NOUN/nsubj/6 was/VBD/AUX/ccomp/3/be unfair/JJ/ADJ/acomp/6 ././PUNCT/punct/3")
    assert types(vocab, spec, [(0, 1, "ORG")])["zentaro"] == "person"


def test_former_before_an_organisation_and_its_executive_is_no_title_of_it(vocab):
    spec = ("Former/JJ/ADJ/amod/2 Pemberton/NNP/PROPN/compound/2 executive/NN/NOUN/compound/4 "
            "Sharon/NNP/PROPN/compound/4 Vale/NNP/PROPN/nsubj/6 has/VBZ/AUX/aux/6/have raised/VBN/VERB/ROOT/6/raise "
            "money/NN/NOUN/dobj/6 ././PUNCT/punct/6")
    got = types(vocab, spec, [(1, 2, "PERSON"), (3, 5, "PERSON")])
    assert got["pemberton"] == "organization"
    assert got["sharon-vale"] == "person"


def test_name_before_the_word_company_is_the_company(vocab):
    spec = ("His/PRP$/PRON/poss/1 sons/NNS/NOUN/nsubj/2/son founded/VBD/VERB/ROOT/2/found the/DT/DET/det/5 "
            "Pemberton/NNP/PROPN/compound/5 company/NN/NOUN/dobj/2 in/IN/ADP/prep/2 1949/CD/NUM/pobj/6 "
            "././PUNCT/punct/2")
    assert types(vocab, spec, [(4, 5, "PERSON")])["pemberton"] == "organization"


def test_a_trade_a_person_has_as_often_as_a_company_is_no_cue_before_a_full_name(vocab):
    spec = ("Activist/JJ/ADJ/amod/1 {w}/NN/NOUN/compound/3 Harlan/NNP/PROPN/compound/3 Kettering/NNP/PROPN/nsubj/4 "
            "bought/VBD/VERB/ROOT/4/buy the/DT/DET/det/6 site/NN/NOUN/dobj/4 ././PUNCT/punct/4")
    assert types(vocab, spec.format(w="investor"), [(2, 4, "PERSON")])["harlan-kettering"] == "person"
    assert types(vocab, spec.format(w="firm"), [(2, 4, "PERSON")])["harlan-kettering"] == "organization"


def test_founded_is_done_to_a_company_and_born_to_a_person(vocab):
    spec = ("Harlow/NNP/PROPN/compound/1 Pemberton/NNP/PROPN/nsubjpass/3 was/VBD/AUX/auxpass/3/be "
            "{w}/VBN/VERB/ROOT/3/{lemma} in/IN/ADP/prep/3 1901/CD/NUM/pobj/4 ././PUNCT/punct/3")
    founded = types(vocab, spec.format(w="founded", lemma="found"), [(0, 2, "PERSON")])
    assert founded["harlow-pemberton"] == "organization"
    born = types(vocab, spec.format(w="born", lemma="bear"), [(0, 2, "ORG")])
    assert born["harlow-pemberton"] == "person"


@pytest.mark.model
def test_role_of_a_speaker_at_a_company_named_like_a_person(nlp):
    from graphkit.pipeline import extract

    text = ("Harlow Pemberton sells industrial pumps to farms and may develop a smaller pump for home use, "
            "said Dana Whit, an assistant product manager.")
    res = extract(nlp(text), Article("a", text))
    assert {e.key: e.type for e in res.entities} == {"harlow-pemberton": "organization", "dana-whit": "person"}
    assert ("dana-whit", "harlow-pemberton") in {(r.source, r.target) for r in res.relations if r.kind == "role"}
