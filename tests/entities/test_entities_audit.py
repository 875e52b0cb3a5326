"""Entity rules added after auditing unseen news articles: vessels, common nouns, titles, scoping."""

from __future__ import annotations

from support.entity_docs import article, build, keys_of

from graphkit.entities.resolve import main_country, resolve
from graphkit.entities.gazetteer import country_hint


def run(vocab, spec, ents=(), **kw):
    doc = build(vocab, spec, ents)
    return doc, resolve(doc, article(doc, **kw))


# --- vessels --------------------------------------------------------------------------------------

SHIP = ("Zentrix/NNP/PROPN/nsubj/1 renamed/VBD/VERB/ROOT/1/rename its/PRP$/PRON/poss/3 ship/NN/NOUN/dobj/1 "
        "MV/NNP/PROPN/compound/6 Jane/NNP/PROPN/compound/6 Roe/NNP/PROPN/appos/3 ././PUNCT/punct/1")


def test_ship_prefix_makes_a_vessel_not_an_actor(vocab):
    doc, res = run(vocab, SHIP, [(0, 1, "ORG"), (5, 7, "PERSON")])
    assert res.entity_at(5) == "mv-jane-roe"
    assert res.entities["mv-jane-roe"].type == "other"
    assert "mv" not in res.entities and "jane-roe" not in res.entities


def test_prefix_alone_is_no_name(vocab):
    spec = "MV/NNP/PROPN/nsubj/1 sailed/VBD/VERB/ROOT/1/sail ././PUNCT/punct/1"
    _doc, res = run(vocab, spec, [(0, 1, "ORG")])
    assert res.entities == {}


# --- common nouns dressed as names ------------------------------------------------------------------

def test_word_with_an_indefinite_article_is_no_name(vocab):
    spec = ("The/DT/DET/det/1 court/NN/NOUN/nsubj/3 will/MD/AUX/aux/3 make/VB/VERB/ROOT/3 an/DT/DET/det/5 "
            "Order/NN/NOUN/dobj/3 ././PUNCT/punct/3")
    _doc, res = run(vocab, spec, [(5, 6, "ORG")])
    assert "order" not in res.entities


def test_capitalised_plural_common_noun_is_no_name(vocab):
    spec = "Members/NNPS/PROPN/nsubj/1 protested/VBD/VERB/ROOT/1/protest ././PUNCT/punct/1"
    _doc, res = run(vocab, spec)
    assert res.entities == {}


def test_unknown_plural_proper_noun_stays_a_name(vocab):
    spec = "Zentrons/NNPS/PROPN/nsubj/1 protested/VBD/VERB/ROOT/1/protest ././PUNCT/punct/1"
    _doc, res = run(vocab, spec)
    assert list(res.entities) == ["zentrons"]


# --- titles -----------------------------------------------------------------------------------------

def test_plural_title_is_stripped_and_never_a_node(vocab):
    spec = ("Representatives/NNPS/PROPN/compound/2 Jane/NNP/PROPN/compound/2 Roe/NNP/PROPN/nsubj/3 "
            "spoke/VBD/VERB/ROOT/3/speak ././PUNCT/punct/3 Representatives/NNPS/PROPN/nsubj/6 "
            "voted/VBD/VERB/ROOT/6/vote ././PUNCT/punct/6")
    _doc, res = run(vocab, spec, [(0, 3, "PERSON"), (5, 6, "ORG")])
    assert list(res.entities) == ["jane-roe"]
    assert res.entities["jane-roe"].type == "person"


def test_second_word_of_a_two_word_title_is_cut_from_a_person_span(vocab):
    spec = ("Chief/NNP/PROPN/compound/3 Executive/NNP/PROPN/compound/3 Jane/NNP/PROPN/compound/3 "
            "Roe/NNP/PROPN/nsubj/4 resigned/VBD/VERB/ROOT/4/resign ././PUNCT/punct/4")
    _doc, res = run(vocab, spec, [(1, 4, "PERSON")])
    assert list(res.entities) == ["jane-roe"]  # not "Executive Jane Roe"


def test_french_honorific_joins_the_full_name(vocab):
    spec = ("Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/2 met/VBD/VERB/ROOT/2/meet Tom/NNP/PROPN/compound/4 "
            "Poe/NNP/PROPN/dobj/2 ././PUNCT/punct/2 Mme/NNP/PROPN/compound/7 Roe/NNP/PROPN/nsubj/8 "
            "complained/VBD/VERB/ROOT/8/complain ././PUNCT/punct/8")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON")])
    assert res.entity_at(7) == "jane-roe"
    assert "mme-roe" not in res.entities


def test_surname_with_arabic_article_joins_the_full_name(vocab):
    spec = ("Karim/NNP/PROPN/compound/1 al-Zafir/NNP/PROPN/nsubj/2 spoke/VBD/VERB/ROOT/2/speak ././PUNCT/punct/2 "
            "Zafir/NNP/PROPN/nsubj/5 left/VBD/VERB/ROOT/5/leave ././PUNCT/punct/5")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert res.entity_at(4) == "karim-al-zafir"
    assert "zafir" not in res.entities


# --- acronyms ---------------------------------------------------------------------------------------

def _bracketed(acronym):
    return (f"Zentrix/NNP/PROPN/nsubj/4 (/-LRB-/PUNCT/punct/0 {acronym}/NNP/PROPN/appos/0 )/-RRB-/PUNCT/punct/0 "
            f"grew/VBD/VERB/ROOT/4/grow ././PUNCT/punct/4 {acronym}/NNP/PROPN/nsubj/7 hired/VBD/VERB/ROOT/7/hire "
            "././PUNCT/punct/7")


def test_bracketed_acronym_of_a_one_word_name_must_share_its_first_letter(vocab):
    _doc, res = run(vocab, _bracketed("LQT"), [(0, 1, "ORG"), (2, 3, "ORG"), (6, 7, "ORG")])
    assert {"zentrix", "lqt"} <= set(res.entities)
    _doc, res = run(vocab, _bracketed("ZTX"), [(0, 1, "ORG"), (2, 3, "ORG"), (6, 7, "ORG")])
    assert len(res.entities) == 1  # a matching acronym still joins its name


# --- collective actors --------------------------------------------------------------------------------

def test_plural_governments_are_no_particular_government(vocab):
    spec = ("Kenya/NNP/PROPN/nsubj/1 voted/VBD/VERB/ROOT/1/vote ././PUNCT/punct/1 New/JJ/ADJ/amod/4 "
            "governments/NNS/NOUN/nsubj/5/government suspend/VBP/VERB/ROOT/5 parliament/NN/NOUN/dobj/5 "
            "././PUNCT/punct/5 The/DT/DET/det/9 government/NN/NOUN/nsubj/10 resigned/VBD/VERB/ROOT/10/resign "
            "././PUNCT/punct/10")
    doc, res = run(vocab, spec, [(0, 1, "GPE")])
    assert res.entity_at(4) is None
    assert res.entity_at(9) == res.entity_at(0) == "kenyan-government"


def _administration(first_sentence):
    spec = (first_sentence + " Kenya/NNP/PROPN/nsubj/{v} criticized/VBD/VERB/ROOT/{v}/criticize the/DT/DET/det/{a} "
            "Roe/NNP/PROPN/compound/{a} administration/NN/NOUN/dobj/{v} ././PUNCT/punct/{v} Kenya/NNP/PROPN/nsubj/{w} "
            "protested/VBD/VERB/ROOT/{w}/protest ././PUNCT/punct/{w}")
    n = len(first_sentence.split())
    return spec.format(v=n + 1, a=n + 4, w=n + 7), n


def test_person_administration_is_the_government_of_the_persons_country(vocab):
    first = ("US/NNP/PROPN/compound/3 President/NNP/PROPN/compound/3 Jane/NNP/PROPN/compound/3 "
             "Roe/NNP/PROPN/nsubj/4 visited/VBD/VERB/ROOT/4/visit Kenya/NNP/PROPN/dobj/4 ././PUNCT/punct/4")
    spec, n = _administration(first)
    ents = [(0, 1, "GPE"), (2, 4, "PERSON"), (5, 6, "GPE"), (n, n + 1, "GPE"), (n + 3, n + 4, "PERSON"),
            (n + 6, n + 7, "GPE")]
    doc, res = run(vocab, spec, ents)
    assert main_country(doc) == "Kenya"
    assert res.entity_at(n + 4) == "united-states-government"


def test_person_administration_stays_unresolved_when_the_office_is_anothers(vocab):
    first = ("Kenyan/JJ/ADJ/amod/3 President/NNP/PROPN/compound/3 Tom/NNP/PROPN/compound/3 Poe/NNP/PROPN/nsubj/4 "
             "met/VBD/VERB/ROOT/4/meet President/NNP/PROPN/compound/6 Roe/NNP/PROPN/dobj/4 ././PUNCT/punct/4")
    spec, n = _administration(first)
    ents = [(0, 1, "NORP"), (2, 4, "PERSON"), (6, 7, "PERSON"), (n, n + 1, "GPE"), (n + 3, n + 4, "PERSON"),
            (n + 6, n + 7, "GPE")]
    doc, res = run(vocab, spec, ents)
    assert main_country(doc) == "Kenya"
    assert res.entity_at(n + 4) is None  # not the Kenyan government: Kenya's president is Poe


# --- the article's main country -----------------------------------------------------------------------

def test_country_prefixed_organisations_count_for_the_main_country(vocab):
    spec = ("Kenya/NNP/PROPN/nsubj/1 asked/VBD/VERB/ROOT/1/ask the/DT/DET/det/5 Turkish/NNP/PROPN/compound/5 "
            "Soil/NNP/PROPN/compound/5 Institute/NNP/PROPN/dobj/1 and/CC/CCONJ/cc/5 the/DT/DET/det/10 "
            "Turkish/NNP/PROPN/compound/10 Grain/NNP/PROPN/compound/10 Board/NNP/PROPN/conj/5 ././PUNCT/punct/1")
    doc = build(vocab, spec, [(0, 1, "GPE"), (3, 6, "ORG"), (8, 11, "ORG")])
    assert main_country(doc) == "Turkey"


def test_regions_point_to_their_country_by_its_table_name():
    assert country_hint("Texas") == "United States"


# --- site furniture ------------------------------------------------------------------------------------

WIKI_TAIL = """Zentrix sued Lumora on Monday over a contract dispute, according to a court filing seen by reporters.

Lumora said it would fight the case and called the claims baseless in a statement released the same day.

Have an opinion on this story? Share this:

This page is archived, and is no longer publicly editable. Articles presented on Wikinews reflect the
specific time at which they were written.
"""


def test_wiki_archive_notice_and_opinion_prompt_end_the_body():
    from graphkit.sources.boilerplate import clean
    text = clean(WIKI_TAIL).text
    assert "Lumora said" in text
    assert "archived" not in text and "opinion" not in text


def test_common_nouns_joined_by_and_before_a_title_are_part_of_the_title(vocab):
    spec = ("Police/NNP/PROPN/compound/4 and/CC/CCONJ/cc/0 Crime/NNP/PROPN/conj/0 Commissioner/NNP/PROPN/compound/5 "
            "Jane/NNP/PROPN/compound/5 Roe/NNP/PROPN/nsubj/6 spoke/VBD/VERB/ROOT/6/speak ././PUNCT/punct/6")
    _doc, res = run(vocab, spec, [(0, 3, "ORG"), (4, 6, "PERSON")])
    assert list(res.entities) == ["jane-roe"]


def test_name_of_a_national_branch_does_not_absorb_its_parent(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/1 sold/VBD/VERB/ROOT/1/sell Zentrix/NNP/PROPN/compound/3 Polska/NNP/PROPN/dobj/1 "
            "././PUNCT/punct/1")
    _doc, res = run(vocab, spec, [(0, 1, "ORG"), (2, 4, "ORG")])
    assert res.entity_at(0) == "zentrix" and res.entity_at(2) == "zentrix-polska"


# --- matching forms -------------------------------------------------------------------------------------

def test_name_with_and_without_accents_is_one_actor(vocab):
    spec = ("Jarosław/NNP/PROPN/compound/1 Kaczyński/NNP/PROPN/nsubj/2 spoke/VBD/VERB/ROOT/2/speak ././PUNCT/punct/2 "
            "Jaroslaw/NNP/PROPN/compound/5 Kaczynski/NNP/PROPN/nsubj/6 left/VBD/VERB/ROOT/6/leave ././PUNCT/punct/6")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (4, 6, "PERSON")])
    assert res.entity_at(0) == res.entity_at(4) == "jaroslaw-kaczynski"
    assert len(res.entities) == 1


def test_country_spelled_two_ways_inside_a_name_is_one_actor(vocab):
    spec = ("The/DT/DET/det/3 United/NNP/PROPN/compound/2 States/NNP/PROPN/compound/3 Embassy/NNP/PROPN/nsubj/4 "
            "declined/VBD/VERB/ROOT/4/decline ././PUNCT/punct/4 The/DT/DET/det/8 U.S./NNP/PROPN/compound/8 "
            "Embassy/NNP/PROPN/nsubj/9 spoke/VBD/VERB/ROOT/9/speak ././PUNCT/punct/9")
    doc, res = run(vocab, spec, [(1, 4, "ORG"), (7, 9, "ORG")])
    assert res.entity_at(3) == res.entity_at(8) is not None


def test_slug_transliterates_letters_without_a_decomposition():
    from graphkit.entities.keys import slug
    assert slug("Jarosław Kaczyński") == slug("Jaroslaw Kaczynski") == "jaroslaw-kaczynski"


# --- first person in quotes ----------------------------------------------------------------------------

def test_first_person_in_a_quote_spoken_by_a_pronoun_is_the_pronouns_antecedent(vocab):
    spec = ('Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/2 denied/VBD/VERB/ROOT/2/deny it/PRP/PRON/dobj/2 '
            '././PUNCT/punct/2 "/``/PUNCT/punct/10 I/PRP/PRON/nsubj/7/I lied/VBD/VERB/ccomp/10/lie '
            '"/\'\'/PUNCT/punct/10 she/PRP/PRON/nsubj/10/she said/VBD/VERB/ROOT/10/say ././PUNCT/punct/10')
    doc, res = run(vocab, spec, [(0, 2, "PERSON")])
    assert res.entity_at(9) == "ada-quill"  # she
    assert res.entity_at(6) == "ada-quill"  # I


# --- products -------------------------------------------------------------------------------------------

def test_maker_and_model_code_name_a_product_apart_from_the_maker(vocab):
    spec = ("The/DT/DET/det/2 Zentrix/NNP/PROPN/compound/2 ZX90/NNP/PROPN/nsubj/3 struck/VBD/VERB/ROOT/3/strike "
            "Tom/NNP/PROPN/compound/5 Poe/NNP/PROPN/dobj/3 ././PUNCT/punct/3 Zentrix/NNP/PROPN/nsubj/8 "
            "declined/VBD/VERB/ROOT/8/decline ././PUNCT/punct/8")
    _doc, res = run(vocab, spec, [(1, 2, "ORG"), (2, 3, "PRODUCT"), (4, 6, "PERSON"), (7, 8, "ORG")])
    assert res.entity_at(1) == res.entity_at(2) == "zentrix-zx90"
    assert res.entities["zentrix-zx90"].type == "other"
    assert res.entity_at(7) == "zentrix" and res.entities["zentrix"].type == "organization"


def test_a_year_after_a_name_is_no_model_code(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/2 2019/CD/NUM/nummod/0 opened/VBD/VERB/ROOT/2/open ././PUNCT/punct/2")
    _doc, res = run(vocab, spec, [(0, 1, "ORG")])
    assert list(res.entities) == ["zentrix"]


def test_two_places_tagged_as_one_entity_are_two_names(vocab):
    spec = ("Turkey/NNP/PROPN/nsubj/1 claimed/VBD/VERB/ROOT/1/claim Crete/NNP/PROPN/dobj/1 and/CC/CCONJ/cc/2 "
            "Cyprus/NNP/PROPN/conj/2 ././PUNCT/punct/1")
    _doc, res = run(vocab, spec, [(0, 1, "GPE"), (2, 5, "ORG")])
    assert res.entity_at(2) != res.entity_at(4)
    assert res.entity_at(4) == "cypriot-government"
    spec = ("Trinidad/NNP/PROPN/compound/2 and/CC/CCONJ/cc/0 Tobago/NNP/PROPN/nsubj/3 voted/VBD/VERB/ROOT/3/vote "
            "././PUNCT/punct/3")
    _doc, res = run(vocab, spec, [(0, 3, "GPE")])
    assert len(res.entities) == 1 and res.entity_at(0) == res.entity_at(2)


def test_we_of_a_person_speaking_for_an_organisation_is_the_organisation(vocab):
    spec = ('Zentrix/NNP/PROPN/compound/1 leader/NN/NOUN/compound/3 Jane/NNP/PROPN/compound/3 Roe/NNP/PROPN/nsubj/4 '
            'said/VBD/VERB/ROOT/4/say ,/,/PUNCT/punct/4 "/``/PUNCT/punct/4 we/PRP/PRON/nsubj/8/we '
            'won/VBD/VERB/ccomp/4/win ././PUNCT/punct/4 "/\'\'/PUNCT/punct/4')
    doc, res = run(vocab, spec, [(0, 1, "ORG"), (2, 4, "PERSON")])
    assert res.entity_at(7) == "zentrix"


def test_we_of_a_person_with_no_organisation_stays_unresolved(vocab):
    spec = ('Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/2 said/VBD/VERB/ROOT/2/say ,/,/PUNCT/punct/2 '
            '"/``/PUNCT/punct/2 we/PRP/PRON/nsubj/6/we won/VBD/VERB/ccomp/2/win ././PUNCT/punct/2 "/\'\'/PUNCT/punct/2')
    doc, res = run(vocab, spec, [(0, 2, "PERSON")])
    assert res.entity_at(5) is None


def test_country_prefixed_name_joins_the_same_name_without_it(vocab):
    spec = ("The/DT/DET/det/5 United/NNP/PROPN/compound/2 States/NNP/PROPN/compound/5 Grain/NNP/PROPN/compound/5 "
            "Safety/NNP/PROPN/compound/5 Board/NNP/PROPN/nsubj/6 ruled/VBD/VERB/ROOT/6/rule ././PUNCT/punct/6 "
            "The/DT/DET/det/11 Grain/NNP/PROPN/compound/11 Safety/NNP/PROPN/compound/11 Board/NNP/PROPN/nsubj/12 "
            "appealed/VBD/VERB/ROOT/12/appeal ././PUNCT/punct/12")
    _doc, res = run(vocab, spec, [(1, 6, "ORG"), (9, 12, "ORG")])
    assert res.entity_at(5) == res.entity_at(11) is not None
    assert len(res.entities) == 1


def test_possessor_after_formerly_is_no_other_name(vocab):
    spec = ("Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/10 ,/,/PUNCT/punct/1 formerly/RB/ADV/advmod/1 "
            "the/DT/DET/det/5 Zentrix/NNP/PROPN/poss/8 's/POS/PART/case/5 chief/NN/NOUN/compound/8 "
            "aide/NN/NOUN/appos/1 ,/,/PUNCT/punct/1 resigned/VBD/VERB/ROOT/10/resign ././PUNCT/punct/10")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (5, 6, "ORG")])
    assert res.entity_at(0) == "jane-roe" and res.entity_at(5) == "zentrix"


def test_title_word_opening_an_institutions_name_stays_in_it(vocab):
    spec = ("The/DT/DET/det/3 General/NNP/PROPN/compound/3 Services/NNP/PROPN/compound/3 "
            "Administration/NNP/PROPN/nsubj/4 hired/VBD/VERB/ROOT/4/hire Jane/NNP/PROPN/compound/6 "
            "Roe/NNP/PROPN/dobj/4 ././PUNCT/punct/4")
    _doc, res = run(vocab, spec, [(1, 4, "ORG"), (5, 7, "PERSON")])
    assert res.entity_at(1) == "general-services-administration"


def test_post_nominal_letters_are_a_title(vocab):
    spec = ("Judge/NNP/PROPN/compound/2 Jane/NNP/PROPN/compound/2 Roe/NNP/PROPN/nsubj/4 QC/NNP/PROPN/appos/2 "
            "ruled/VBD/VERB/ROOT/4/rule ././PUNCT/punct/4")
    _doc, res = run(vocab, spec, [(0, 4, "PERSON")])
    assert list(res.entities) == ["jane-roe"]


def test_an_indefinite_government_is_not_the_government_in_office(vocab):
    spec = ("Kenya/NNP/PROPN/nsubj/1 voted/VBD/VERB/ROOT/1/vote ././PUNCT/punct/1 The/DT/DET/det/4 "
            "election/NN/NOUN/nsubj/5 produced/VBD/VERB/ROOT/5/produce a/DT/DET/det/8 minority/NN/NOUN/compound/8 "
            "government/NN/NOUN/dobj/5 ././PUNCT/punct/5")
    _doc, res = run(vocab, spec, [(0, 1, "GPE")])
    assert res.entity_at(8) is None


def test_capitalised_common_noun_labelled_as_a_thing_is_no_name(vocab):
    spec = ("Roe/NNP/PROPN/nsubj/1 faced/VBD/VERB/ROOT/1/face charges/NNS/NOUN/dobj/1 of/IN/ADP/prep/2 "
            "Treason/NNP/PROPN/pobj/3 ././PUNCT/punct/1")
    _doc, res = run(vocab, spec, [(0, 1, "PERSON"), (4, 5, "LAW")])
    assert "treason" not in res.entities


def test_untitled_persons_administration_is_not_guessed(vocab):
    first = ("Tom/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/2 visited/VBD/VERB/ROOT/2/visit Kenya/NNP/PROPN/dobj/2 "
             "././PUNCT/punct/2")
    spec, n = _administration(first)
    ents = [(0, 2, "PERSON"), (3, 4, "GPE"), (n, n + 1, "GPE"), (n + 3, n + 4, "PERSON"), (n + 6, n + 7, "GPE")]
    _doc, res = run(vocab, spec, ents)
    assert res.entity_at(n + 4) is None  # Roe holds no office in the article: not Kenya's government


def test_partial_name_without_accents_joins_the_accented_full_name(vocab):
    spec = ("Recep/NNP/PROPN/compound/1 Erdoğan/NNP/PROPN/nsubj/2 spoke/VBD/VERB/ROOT/2/speak ././PUNCT/punct/2 "
            "Erdogan/NNP/PROPN/nsubj/5 left/VBD/VERB/ROOT/5/leave ././PUNCT/punct/5")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert res.entity_at(4) == res.entity_at(0) == "recep-erdogan"


def test_country_name_tagged_as_a_person_is_the_country(vocab):
    spec = ("Benin/NNP/PROPN/nsubj/1 signed/VBD/VERB/ROOT/1/sign the/DT/DET/det/3 deal/NN/NOUN/dobj/1 "
            "././PUNCT/punct/1")
    _doc, res = run(vocab, spec, [(0, 1, "PERSON")])
    assert res.entity_at(0) == "beninese-government"
    assert res.entities["beninese-government"].type == "government"


def test_name_listed_with_people_is_a_person(vocab):
    spec = ("Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/6 and/CC/CCONJ/cc/1 Kofi/NNP/PROPN/compound/4 "
            "Zentaro/NNP/PROPN/conj/1 both/DT/DET/advmod/6 resigned/VBD/VERB/ROOT/6/resign ././PUNCT/punct/6")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 5, "ORG")])
    assert res.entities["kofi-zentaro"].type == "person"


def test_organisation_ending_in_a_common_noun_listed_with_people_stays_an_organisation(vocab):
    spec = ("Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/6 and/CC/CCONJ/cc/1 Zentaro/NNP/PROPN/compound/4 "
            "Nation/NNP/PROPN/conj/1 both/DT/DET/advmod/6 sued/VBD/VERB/ROOT/6/sue ././PUNCT/punct/6")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 5, "ORG")])
    assert res.entities["zentaro-nation"].type == "organization"


def test_institution_word_closing_a_name_beats_a_given_name(vocab):
    spec = ("Jane/NNP/PROPN/compound/2 Roe/NNP/PROPN/compound/2 Hospital/NNP/PROPN/nsubj/3 "
            "treated/VBD/VERB/ROOT/3/treat him/PRP/PRON/dobj/3 ././PUNCT/punct/3")
    _doc, res = run(vocab, spec, [(0, 3, "PERSON")])
    assert res.entities["jane-roe-hospital"].type in ("organization", "place")


def test_inner_capital_marks_a_brand_not_a_person(vocab):
    spec = "UpZento/NNP/PROPN/nsubj/1 found/VBD/VERB/ROOT/1/find the/DT/DET/det/3 data/NN/NOUN/dobj/1 ././PUNCT/punct/1"
    _doc, res = run(vocab, spec, [(0, 1, "PERSON")])
    assert res.entities["upzento"].type == "organization"
    spec = "McZento/NNP/PROPN/nsubj/1 found/VBD/VERB/ROOT/1/find the/DT/DET/det/3 data/NN/NOUN/dobj/1 ././PUNCT/punct/1"
    _doc, res = run(vocab, spec, [(0, 1, "PERSON")])
    assert res.entities["mczento"].type == "person"


def test_object_of_a_locative_preposition_is_a_place(vocab):
    spec = ("Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/2 fell/VBD/VERB/ROOT/2/fall ill/JJ/ADJ/acomp/2 "
            "in/IN/ADP/prep/2 Zentosk/NNP/PROPN/pobj/4 ././PUNCT/punct/2")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (5, 6, "ORG")])
    assert res.entities["zentosk"].type == "place"


def test_company_one_invests_in_is_no_place(vocab):
    spec = ("Jane/NNP/PROPN/compound/1 Roe/NNP/PROPN/nsubj/2 invested/VBD/VERB/ROOT/2/invest "
            "in/IN/ADP/prep/2 Zentosk/NNP/PROPN/pobj/3 ././PUNCT/punct/2")
    _doc, res = run(vocab, spec, [(0, 2, "PERSON"), (4, 5, "ORG")])
    assert res.entities["zentosk"].type == "organization"


def test_possessive_of_a_plural_noun_inside_an_organisation_name_stays(vocab):
    spec = ("The/DT/DET/det/4 Zentaro/NNP/PROPN/compound/2 Workers/NNPS/PROPN/poss/4 '/POS/PART/case/2 "
            "Party/NNP/PROPN/nsubj/5 protested/VBD/VERB/ROOT/5/protest ././PUNCT/punct/5 Zentrix/NNP/PROPN/poss/9 "
            "'s/POS/PART/case/7 Lumora/NNP/PROPN/nsubj/10 grew/VBD/VERB/ROOT/10/grow ././PUNCT/punct/10")
    _doc, res = run(vocab, spec, [(1, 5, "ORG"), (7, 10, "ORG")])
    assert res.entity_at(1) == res.entity_at(4) == "zentaro-workers-party"
    assert res.entity_at(7) == "zentrix" and res.entity_at(9) == "lumora"


def test_possessive_after_a_known_body_is_still_cut(vocab):
    spec = ("The/DT/DET/det/6 United/NNP/PROPN/compound/2 Nations/NNPS/PROPN/poss/6 '/POS/PART/case/2 "
            "Grain/NNP/PROPN/compound/6 Safety/NNP/PROPN/compound/6 Board/NNP/PROPN/nsubj/7 "
            "ruled/VBD/VERB/ROOT/7/rule ././PUNCT/punct/7")
    _doc, res = run(vocab, spec, [(1, 7, "ORG")])
    assert res.entity_at(1) != res.entity_at(5)


def test_owner_of_a_film_is_not_the_film(vocab):
    spec = ("Zentarska/NNP/PROPN/poss/2 's/POS/PART/case/0 film/NN/NOUN/nsubj/3 "
            "shocked/VBD/VERB/ROOT/3/shock viewers/NNS/NOUN/dobj/3 ././PUNCT/punct/3")
    _doc, res = run(vocab, spec)
    assert res.entities["zentarska"].type != "other"


def test_capitalised_members_of_a_body_act_for_it(vocab):
    spec = ("Members/NNPS/PROPN/nsubj/3 of/IN/ADP/prep/0 Zentrix/NNP/PROPN/pobj/1 boycotted/VBD/VERB/ROOT/3/boycott "
            "the/DT/DET/det/5 vote/NN/NOUN/dobj/3 ././PUNCT/punct/3")
    _doc, res = run(vocab, spec, [(2, 3, "ORG")])
    assert res.entity_at(0) == "zentrix"
    assert "members" not in res.entities


def test_body_of_a_country_and_the_demonym_form_are_one_actor(vocab):
    spec = ("The/DT/DET/det/2 Kenyan/JJ/ADJ/amod/2 Senate/NNP/PROPN/nsubj/3 voted/VBD/VERB/ROOT/3/vote "
            "././PUNCT/punct/3 The/DT/DET/det/6 Senate/NNP/PROPN/nsubj/9 of/IN/ADP/prep/6 Kenya/NNP/PROPN/pobj/7 "
            "adjourned/VBD/VERB/ROOT/9/adjourn ././PUNCT/punct/9")
    _doc, res = run(vocab, spec, [(1, 3, "ORG"), (6, 9, "ORG")])
    assert res.entity_at(2) == res.entity_at(6) == "kenyan-senate"


def test_acronym_does_not_displace_a_long_name_ending_in_a_country(vocab):
    spec = ("The/DT/DET/det/3 Grain/NNP/PROPN/compound/2 Association/NNP/PROPN/nsubj/6 of/IN/ADP/prep/2 "
            "Kenya/NNP/PROPN/pobj/3 (/-LRB-/PUNCT/punct/2 GAK/NNP/PROPN/appos/2 )/-RRB-/PUNCT/punct/2 "
            "sued/VBD/VERB/ROOT/8/sue ././PUNCT/punct/8")
    spec = spec.replace("nsubj/6", "nsubj/8").replace("det/3", "det/2")
    _doc, res = run(vocab, spec, [(1, 5, "ORG"), (6, 7, "ORG")])
    assert res.entity_at(1) == res.entity_at(6) == "grain-association-of-kenya"
