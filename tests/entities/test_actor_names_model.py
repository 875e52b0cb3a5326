"""Names the tagger cuts or glues, aliases and types, on invented sentences with the real model (``model``)."""

from __future__ import annotations

import pytest

from graphkit.pipeline import extract
from graphkit.records import Article

pytestmark = pytest.mark.model


def run(nlp, text, **kw):
    doc = nlp(text)
    return extract(doc, Article(id="m1", text=text, **kw))


def ents(res):
    return {e.key: e for e in res.entities}


def test_an_occupation_before_a_name_is_no_part_of_it(nlp):
    res = run(nlp, "Engineer Tomas Varga was injured. Podcaster Rhea Lund interviewed him. "
                   "Cosmonaut Pavel Orlov praised Varga.")
    got = ents(res)
    assert {"tomas-varga", "rhea-lund", "pavel-orlov"} <= set(got)
    assert not any(k.startswith(("engineer", "podcaster", "cosmonaut")) for k in got)


def test_a_given_name_that_is_also_a_noun_stays_in_the_name(nlp):
    got = ents(run(nlp, "Hunter Marlowe met Grant Hollis in Leeds."))
    assert {"hunter-marlowe", "grant-hollis"} <= set(got)


def test_a_surname_with_a_particle_or_an_article_joins_the_full_name(nlp):
    got = ents(run(nlp, "Mayor Luca de Santis opened the bridge. De Santis said it was safe. "
                        "Abu Karim al-Rawi was arrested. Al-Rawi denied the charges."))
    assert "de-santis" not in got and "al-rawi" not in got
    assert "De Santis" in got["luca-de-santis"].aliases


def test_a_place_glued_before_a_person_is_two_names(nlp):
    got = ents(run(nlp, "The Senator from Vermont Mara Quist trailed him with 815 delegates. Quist later conceded."))
    assert "mara-quist" in got and got["mara-quist"].type == "person"
    assert not any("vermont-mara" in k for k in got)


def test_an_acronym_never_joins_a_phrase_with_the_same_initials(nlp):
    got = ents(run(nlp, "The U.S. sanctioned Zentrix. Unlike Senators, members of the House serve two years."))
    assert not any("Unlike Senators" in e.aliases for e in got.values())


def test_aliases_are_names_not_common_phrases(nlp):
    text = ("The Kenyan government fined Zentrix on Monday. The government said its cabinet would meet. "
            "Your cabinet failed, the opposition told the president. His administration denied it.")
    got = ents(run(nlp, text))
    gov = got["kenyan-government"]
    assert "Kenyan government" in gov.aliases
    assert not {"its cabinet", "Your cabinet", "His administration"} & set(gov.aliases)


def test_a_title_before_a_country_is_no_alias_of_the_country(nlp):
    got = ents(run(nlp, "Former Vice President of the United States Jo Pell visited Canada. "
                        "The United States sanctioned Iran."))
    us = got["united-states-government"]
    assert not any("Vice President" in a for a in us.aliases)


def test_the_publisher_of_the_article_is_no_actor_in_it(nlp):
    text = "Zentrix chief Ada Quill told Wikinews the plant would close. Wikinews contacted the union."
    res = run(nlp, text, url="https://en.wikinews.org/wiki/Zentrix_closes_plant")
    assert "wikinews" not in ents(res)
    assert all("wikinews" not in (r.source, r.target) for r in res.relations)
    other = run(nlp, text, url="https://example.org/story")
    assert "wikinews" in ents(other)


def test_an_outlet_that_only_reports_is_no_actor_but_its_acts_stay(nlp):
    res = run(nlp, "Reuters reported that Zentrix fined Globex. The BBC contacted Zentrix.")
    pairs = {(r.source, r.target) for r in res.relations}
    assert not any(s == "reuters" for s, _ in pairs)
    assert ("bbc", "zentrix") in pairs


def test_intergovernmental_agencies_are_organisations_and_the_eu_is_no_place(nlp):
    got = ents(run(nlp, "The World Health Organization praised Norway. Norway later left the European Union."))
    assert got["world-health-organization"].type == "organization"
    assert got["european-union"].type in ("government", "organization")


def test_parties_named_by_plural_or_nickname_are_organisations(nlp):
    got = ents(run(nlp, "Ms Hale is the second MP to leave the Conservatives this year. The Tories lost seats, "
                        "and Peter Crane quit to join the Liberal Democrats. Sinn Féin gained."))
    assert got["conservative-party"].type == "organization"
    assert {"Conservatives", "Tories"} <= set(got["conservative-party"].aliases)
    assert got["liberal-democrats"].type == got["sinn-fein"].type == "organization"


def test_an_organisation_the_tagger_cut_short_is_whole(nlp):
    got = ents(run(nlp, "In April, the House Oversight and Reform Committee authorized subpoenas. The Oversight "
                        "Committee later voted. Documents related to Operation Fast and Furious were withheld. "
                        "She met officers of the Brigade de Recherche et d\u2019Intervention."))
    committee = got["house-oversight-and-reform-committee"]
    assert "Oversight Committee" in committee.aliases
    assert "operation-fast-and-furious" in got and "furious" not in got
    assert any(k.startswith("brigade-de-recherche-et") for k in got)


def test_a_possessive_before_a_bare_company_word_stays_in_the_name(nlp):
    got = ents(run(nlp, "The retailer agreed to buy its rival Morwen's Group. Google's YouTube grew."))
    assert "morwen-s-group" in got and "group" not in got
    assert "youtube" in got and "google" in got


def test_a_comma_after_an_adjective_inside_an_organisation_name(nlp):
    got = ents(run(nlp, "The Nordic Educational, Scientific and Cultural Federation (NESCF) questioned the plan."))
    assert any("Educational, Scientific" in e.label for e in got.values())
    assert not any(e.label.endswith("Educational") for e in got.values())


def test_a_longer_form_with_an_institution_word_types_the_name(nlp):
    got = ents(run(nlp, "Visitors crowded the Santa Lucia Museum on Monday. Santa Lucia will close in May."))
    assert got["santa-lucia-museum"].type == "organization"


def test_two_names_joined_by_and_are_two_actors(nlp):
    got = ents(run(nlp, "Scientists compared Ebola and Zika. The Competition and Markets Authority ruled."))
    assert not any(" and Zika" in e.label for e in got.values())
    assert "competition-and-markets-authority" in got


def test_a_relative_pronoun_tells_a_person_from_a_company(nlp):
    got = ents(run(nlp, "Brenmoor, which owns 240 stores, has struggled. Tarkin Vell, who leads the union, spoke."))
    assert got["brenmoor"].type == "organization" and got["tarkin-vell"].type == "person"


def test_a_demonym_before_a_name_is_no_place_glued_to_a_person(nlp):
    got = ents(run(nlp, "The Thai Raksa Chart Party nominated her. The Thai Raksa Chart party was founded by "
                        "supporters of the Shinawatra family."))
    assert not any(e.key == "raksa-chart" for e in got.values())


def test_a_surname_that_is_also_a_title_ends_the_name(nlp):
    got = ents(run(nlp, "Carla Bishop sued the Harwick Company. Dr. Samuel Royston King Jr. praised her. "
                        "King Harald opened the bridge."))
    assert {"carla-bishop", "samuel-royston-king-jr"} <= set(got)
    assert "jr" not in got and "harald" in got
    got = ents(run(nlp, '"Birther King" Tomas Varga, a former candidate, sued the Harwick Company.'))
    assert "birther-king" not in got


def test_a_hyphenated_name_in_capitals_is_one_name(nlp):
    got = ents(run(nlp, "Rhea Lund threatened GMA-TVK on Monday."))
    assert "gma-tvk" in got and "tvk" not in got


def test_a_council_whose_first_words_the_tagger_took_for_a_person_is_whole(nlp):
    got = ents(run(nlp, "The law gives victims a chance, said Fran Pelton, an executive of the state Crime Victim "
                        "and Witness Advisory Council."))
    assert "crime-victim-and-witness-advisory-council" in got
    assert "crime-victim" not in got and "witness-advisory-council" not in got


def test_malay_honorifics_are_titles_not_names(nlp):
    got = ents(run(nlp, "Tan Sri Musa Karim, a businessman, attended. Datuk Seri Anwar Salleh and Datin Paduka "
                        "Siti Rahmah met him."))
    assert {"musa-karim", "anwar-salleh", "siti-rahmah"} <= set(got)
    assert not any(k.startswith(("tan", "datuk", "datin")) for k in got)


def test_a_telescope_named_after_a_person_is_no_person(nlp):
    got = ents(run(nlp, "With NASA's James Webb Telescope scheduled to be deployed next year, researchers could "
                        "observe smaller planets."))
    assert got["james-webb-telescope"].type == "other"


def test_a_generic_government_phrase_is_no_alias_of_one_country(nlp):
    got = ents(run(nlp, "Canberra said on Monday that the federal government of Australia would act. The federal "
                        "government said the law would change. The Kenyan government agreed."))
    aliases = {a.lower() for e in got.values() for a in e.aliases}
    assert "federal government" not in aliases
    assert any("kenyan government" == a for a in aliases)


def test_the_adjective_the_tagger_cut_off_a_party_plural_stays_in_its_name(nlp):
    got = ents(run(nlp, "The Free Democrats' leader, Karl Imhof, resigned. US Democrats said nothing."))
    assert got["free-democrats"].type == "organization"
    assert "Free Democrats" not in got.get("democratic-party", got["free-democrats"]).aliases or \
        "democratic-party" not in got
    assert "democratic-party" in got and "us-democrats" not in got


def test_a_possessive_inside_an_institution_name_stays_in_it(nlp):
    got = ents(run(nlp, "Barlow's Holdings plc made an offer for Kestrel Foods. The Information Commissioner's Office "
                        "(ICO) said it would look at the deal. Pilots at the British Airline Pilots' Association "
                        "(Balpa) voted to strike."))
    assert "barlow-s-holdings-plc" in got and "holdings" not in got
    assert "ICO" in got["information-commissioner-s-office"].aliases and "office" not in got
    assert "Balpa" in got["british-airline-pilots-association"].aliases and "balpa" not in got


def test_singular_party_forms_and_abbreviated_councillor(nlp):
    got = ents(run(nlp, "One Lib Dem MP, Oliver Strang, said it would fail. Tory MP Jane Roe agreed. Councillor "
                        "Derek Vine objected. Cllr Vine said the plan was wrong."))
    assert "Lib Dem" in got["liberal-democrats"].aliases and "lib-dem" not in got
    assert "conservative-party" in got
    assert "cllr-vine" not in got and "Cllr Vine" in got["derek-vine"].aliases


def test_a_sentence_opening_word_with_an_age_in_apposition_is_a_person(nlp):
    got = ents(run(nlp, "Winter, 53, a former Harwick University law professor, took the bench in 1982. "
                        "Meanwhile, 12, the youngest, survived."))
    assert got["winter"].type == "person"
    assert "meanwhile" not in got


def test_a_surname_shared_by_a_person_and_a_company_joins_the_person_only(nlp):
    got = ents(run(nlp, "Pryceworth Holdings said profit rose. Dennis Pryceworth, the founder, said Pryceworth "
                        "would expand."))
    assert got["pryceworth-holdings"].type == "organization"
    assert "Dennis Pryceworth" not in got["pryceworth-holdings"].aliases
    assert got["dennis-pryceworth"].type == "person"


def test_an_honorific_picks_the_one_of_two_same_surname_people_of_its_gender(nlp):
    got = ents(run(nlp, "Carla Rees leads the party. Tom Rees, her brother, is a councillor. Ms Rees said the vote "
                        "was fair. Mr Rees disagreed."))
    assert "Ms Rees" in got["carla-rees"].aliases and "Mr Rees" in got["tom-rees"].aliases
    assert "Mr Rees" not in got["carla-rees"].aliases


def test_a_newspaper_name_word_makes_an_organisation(nlp):
    got = ents(run(nlp, "Brenda Coyle told the Harwick Gazette that the plan was flawed. Tom Lee wrote to the "
                        "Dunmore Chronicle."))
    assert got["harwick-gazette"].type == got["dunmore-chronicle"].type == "organization"


def test_a_company_named_with_its_founders_possessive_is_one_actor(nlp):
    got = ents(run(nlp, "Golden Harvest weighed a takeover approach from rival Barlow's. Barlow's Holdings plc made "
                        "an offer of 310p a share last month."))
    company = got["barlow-s-holdings-plc"]
    assert company.type == "organization" and "Barlow" in company.aliases
    assert "barlow" not in got
