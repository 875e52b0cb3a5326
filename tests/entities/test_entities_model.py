"""End-to-end entity resolution with the real spaCy model (marked ``model``)."""

from __future__ import annotations

import pytest

from graphkit.entities.resolve import resolve
from graphkit.records import Article

pytestmark = pytest.mark.model


def run(nlp, text, **kw):
    doc = nlp(text)
    return doc, resolve(doc, Article(id="m1", text=text, **kw))


def first(doc, word):
    return next(t for t in doc if t.text == word).i


def test_partial_names_titles_and_pronouns_resolve(nlp):
    text = ("Foreign Minister Ingrid Halvorsen criticized Brightline Logistics on Monday. "
            "Halvorsen said the company had misled regulators. She said it must repay the subsidy.")
    doc, res = run(nlp, text)
    assert [k for k, e in res.entities.items() if e.type == "person"] == ["ingrid-halvorsen"]
    assert res.entity_at(first(doc, "Foreign")) is None
    assert res.entity_at(first(doc, "She")) == "ingrid-halvorsen"
    assert res.entity_at(first(doc, "company")) == res.entity_at(first(doc, "Brightline"))


def test_government_bodies_and_countries(nlp):
    text = ("The Pentagon said on Tuesday that the Department of Defense would review the contract. "
            "The United States also asked Canada to share its data, officials in Ottawa said.")
    doc, res = run(nlp, text)
    assert res.entity_at(first(doc, "Pentagon")) == res.entity_at(first(doc, "Department")) \
        == "us-department-of-defense"
    assert res.entities["us-department-of-defense"].type == "government"
    assert res.entities["united-states-government"].type == "government"


def test_byline_and_agency_credit_are_not_actors(nlp):
    text = ("By Petra Lindqvist, Europe correspondent\n\n"
            "REUTERS Protesters gather outside the ministry\n\n"
            "Hollis Energy sued the Norwegian government on Friday, the company said.")
    doc, res = run(nlp, text)
    assert not any("lindqvist" in k or "reuters" in k for k in res.entities)
    assert {"hollis-energy", "norwegian-government"} <= set(res.entities)


def test_unnamed_groups_of_people_are_actors_of_their_own_article(nlp):
    text = ("Gorvan Mining said the workers had been paid. The striking workers blocked the mine. "
            "Chilean students marched on Tuesday. Many farmers criticised the ministry. Gorvan Mining workers sued.")
    doc, res = run(nlp, text)
    workers = res.entity_at(first(doc, "workers"))
    assert workers and res.entities[workers].label == "workers" and workers != "workers"  # keyed by the article
    assert res.entity_at([t.i for t in doc if t.text == "workers"][1]) == workers
    assert res.entities[res.entity_at(first(doc, "students"))].label == "Chilean students"
    assert res.entities[res.entity_at(first(doc, "farmers"))].label == "farmers"
    assert res.entity_at([t.i for t in doc if t.text == "workers"][-1]) == "gorvan-mining"  # they speak for it
    text3 = "The court ordered Vantor Energy to repay workers. The company said it would appeal."
    doc3, res3 = run(nlp, text3)
    assert res3.entity_at(first(doc3, "company")) == "vantor-energy"  # never the workers
    text2 = "The workers blocked the mine."
    other = resolve(nlp(text2), Article(id="m2", text=text2))
    assert other.entities and not set(other.entities) & {workers}


def test_a_body_named_with_its_country_is_the_group_of_that_country(nlp):
    text = "The Parliament of Norway passed the bill. The Norwegian parliament rejected it later."
    doc, res = run(nlp, text)
    assert res.entity_at(first(doc, "Parliament")) == res.entity_at(first(doc, "parliament"))


def test_a_hyphenated_name_the_tagger_cut_stays_whole(nlp):
    text = "Officials ordered DMR-TVN to stop. DMR-TVN CEO Maria Lopez said refunds were offered."
    doc, res = run(nlp, text)
    assert res.entity_at(first(doc, "DMR")) == res.entity_at(first(doc, "TVN")) == "dmr-tvn"


def test_examples_of_a_company_noun_and_outlets_that_report_are_organisations(nlp):
    text = ("Harvell lost customers to smaller discount stores like Biedronka and Lidl. Ortek reported a loss. "
            "Officials said the Kaufland chain was among the buyers.")
    doc, res = run(nlp, text)
    for word in ("Biedronka", "Lidl", "Ortek", "Kaufland"):
        assert res.entities[res.entity_at(first(doc, word))].type == "organization", word
