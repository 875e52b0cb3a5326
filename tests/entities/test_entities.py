"""Entity rules on hand-built Docs: recovery, rejection, typing, aliases, keys."""

from __future__ import annotations

from support.entity_docs import article, build, keys_of

from graphkit.entities.resolve import resolve

ZENTRIX_SAID = ("Zentrix/NNP/PROPN/nsubj/1 said/VBD/VERB/ROOT/1/say it/PRP/PRON/nsubj/4 would/MD/AUX/aux/4 "
                "appeal/VB/VERB/ccomp/1 the/DT/DET/det/6 ruling/NN/NOUN/dobj/4 ././PUNCT/punct/1")


def run(vocab, spec, ents=(), **kw):
    doc = build(vocab, spec, ents)
    return doc, resolve(doc, article(doc, **kw))


# --- recovery -----------------------------------------------------------------------------------

def test_untagged_proper_noun_subject_is_recovered(vocab):
    doc, res = run(vocab, ZENTRIX_SAID)
    assert keys_of(res, doc, "Zentrix") == ["zentrix"]
    assert res.entities["zentrix"].type == "organization"


def test_cue_after_the_name_recovers_and_types_it(vocab):
    spec = ("Yesterday/NN/NOUN/npadvmod/3 Zentrix/NNP/PROPN/compound/2 shares/NNS/NOUN/nsubj/3 "
            "fell/VBD/VERB/ROOT/3/fall "
            "././PUNCT/punct/3")
    doc, res = run(vocab, spec)
    assert res.entity_at(1) == "zentrix"
    assert res.entities["zentrix"].type == "organization"


def test_sentence_initial_capital_of_a_common_word_is_not_recovered(vocab):
    spec = ("Harvest/NNP/PROPN/nsubj/1 began/VBD/VERB/ROOT/1/begin ././PUNCT/punct/1 The/DT/DET/det/4 "
            "harvest/NN/NOUN/nsubj/5 failed/VBD/VERB/ROOT/5/fail ././PUNCT/punct/5")
    doc, res = run(vocab, spec)
    assert res.entities == {}


def test_cue_noun_beats_the_taggers_label(vocab):
    spec = ("AI/NNP/PROPN/compound/1 firm/NN/NOUN/compound/2 Zentrix/NNP/PROPN/nsubj/3 hired/VBD/VERB/ROOT/3/hire "
            "Mara/NNP/PROPN/compound/5 Okonkwo/NNP/PROPN/dobj/3 ././PUNCT/punct/3")
    doc, res = run(vocab, spec, [(0, 1, "GPE"), (2, 3, "PERSON"), (4, 6, "PERSON")])
    assert res.entities["zentrix"].type == "organization"
    assert res.entities["mara-okonkwo"].type == "person"
    assert "ai" not in res.entities  # generic acronym rejected


def test_string_tagged_once_is_an_entity_everywhere(vocab):
    spec = ("Lumora/NNP/PROPN/nsubj/1 sued/VBD/VERB/ROOT/1/sue Zentrix/NNP/PROPN/dobj/1 ././PUNCT/punct/1 "
            "Analysts/NNS/NOUN/nsubj/5 expect/VBP/VERB/ROOT/5 Lumora/NNP/PROPN/compound/7 shares/NNS/NOUN/nsubj/8 "
            "to/TO/PART/aux/8 rise/VB/VERB/xcomp/5 ././PUNCT/punct/5")
    doc, res = run(vocab, spec, [(0, 1, "ORG")])
    lumora = [t.i for t in doc if t.text == "Lumora"]
    assert [res.entity_at(i) for i in lumora] == ["lumora", "lumora"]
    assert res.entities["lumora"].mentions == 2


# --- rejection ----------------------------------------------------------------------------------

def test_bracket_debris_and_stoplist_are_not_entities(vocab):
    spec = ("I]t/NNP/PROPN/nsubj/1 helps/VBZ/VERB/ROOT/1/help AI/NNP/PROPN/dobj/1 ././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "PERSON"), (2, 3, "ORG")])
    assert res.entities == {}


def test_authors_bylines_and_photo_credits_are_not_actors(vocab):
    byline = ("Jon/NNP/PROPN/compound/1 Tessler/NNP/PROPN/ROOT/1 ,/,/PUNCT/punct/1 Technology/NNP/PROPN/compound/4 "
              "reporter/NN/NOUN/appos/1 <NL>/_SP/SPACE/dep/4 ")
    credit = "REUTERS/NNP/PROPN/ROOT/6 <NL>/_SP/SPACE/dep/6 "
    body = ("Ilse/NNP/PROPN/compound/9 Marr/NNP/PROPN/nsubj/10 sued/VBD/VERB/ROOT/10/sue Zentrix/NNP/PROPN/dobj/10 "
            "././PUNCT/punct/10")
    doc, res = run(vocab, byline + credit + body, [(0, 2, "PERSON"), (6, 7, "ORG"), (8, 10, "PERSON"),
                                                   (11, 12, "ORG")], authors=("Ilse Marr",))
    assert set(res.entities) == {"zentrix"}


def test_wire_agency_that_reports_stays(vocab):
    spec = "Reuters/NNP/PROPN/nsubj/1 reported/VBD/VERB/ROOT/1/report it/PRP/PRON/dobj/1 ././PUNCT/punct/1"
    doc, res = run(vocab, spec, [(0, 1, "ORG")])
    assert "reuters" in res.entities


# --- typing -------------------------------------------------------------------------------------

def test_government_body_table_types_and_merges(vocab):
    spec = ("The/DT/DET/det/1 Pentagon/NNP/PROPN/nsubj/2 sanctioned/VBD/VERB/ROOT/2/sanction Zentrix/NNP/PROPN/dobj/2 "
            "././PUNCT/punct/2 The/DT/DET/det/7 US/NNP/PROPN/compound/7 Department/NNP/PROPN/nsubj/10 "
            "of/IN/ADP/prep/7 Defense/NNP/PROPN/pobj/8 said/VBD/VERB/ROOT/10/say so/RB/ADV/advmod/10 "
            "././PUNCT/punct/10")
    doc, res = run(vocab, spec, [(1, 2, "ORG"), (3, 4, "PERSON"), (5, 10, "ORG")])
    pentagon, dept = keys_of(res, doc, "Pentagon", "Department")
    assert pentagon == dept == "us-department-of-defense"
    assert res.entities[pentagon].type == "government"
    assert {"Pentagon", "US Department of Defense"} <= set(res.entities[pentagon].aliases)


def test_country_acting_is_government_and_locative_is_place(vocab):
    acting = ("Canada/NNP/PROPN/nsubj/1 sanctioned/VBD/VERB/ROOT/1/sanction Zentrix/NNP/PROPN/dobj/1 "
              "././PUNCT/punct/1")
    doc, res = run(vocab, acting, [(0, 1, "GPE"), (2, 3, "ORG")])
    assert res.entities["canadian-government"].type == "government"
    locative = ("Zentrix/NNP/PROPN/nsubj/1 moved/VBD/VERB/ROOT/1/move to/IN/ADP/prep/1 Kenya/NNP/PROPN/pobj/2 "
                "././PUNCT/punct/1")
    doc, res = run(vocab, locative, [(0, 1, "ORG"), (3, 4, "GPE")])
    assert res.entities["kenyan-government"].type == "place"


def test_country_qualifying_an_office_acts_as_a_state(vocab):
    spec = ("US/NNP/PROPN/compound/2 President/NNP/PROPN/compound/3 Ada/NNP/PROPN/compound/4 Quill/NNP/PROPN/nsubj/4 "
            "spoke/VBD/VERB/ROOT/4/speak ././PUNCT/punct/4")
    doc, res = run(vocab, spec, [(0, 1, "GPE"), (2, 4, "PERSON")])
    assert res.entity_at(0) == "united-states-government"
    assert res.entities["united-states-government"].type == "government"
    assert res.entity_at(1) is None  # the title itself is left to the relation side


def test_words_inside_names_decide_the_type(vocab):
    spec = ("The/DT/DET/det/1 Ministry/NNP/PROPN/nsubj/4 of/IN/ADP/prep/1 Fisheries/NNPS/PROPN/pobj/2 "
            "fined/VBD/VERB/ROOT/4/fine Nordhavn/NNP/PROPN/compound/7 Motor/NNP/PROPN/compound/7 "
            "Company/NNP/PROPN/dobj/4 ././PUNCT/punct/4 Nordhavn/NNP/PROPN/nsubj/10 said/VBD/VERB/ROOT/10/say "
            "it/PRP/PRON/nsubj/13 would/MD/AUX/aux/13 pay/VB/VERB/ccomp/10 ././PUNCT/punct/10")
    doc, res = run(vocab, spec, [(0, 4, "ORG"), (5, 8, "ORG"), (9, 10, "PERSON")])
    assert res.entities["ministry-of-fisheries"].type == "government"
    company = res.entities["nordhavn-motor-company"]
    assert company.type == "organization"
    assert res.entity_at(9) == "nordhavn-motor-company"  # shorter name joins the longer one


def test_titles_make_a_person_and_stay_outside_the_span(vocab):
    spec = ("Sir/NNP/PROPN/compound/2 Tobias/NNP/PROPN/compound/2 Wren/NNP/PROPN/nsubj/3 "
            "criticized/VBD/VERB/ROOT/3/criticize Zentrix/NNP/PROPN/dobj/3 ././PUNCT/punct/3")
    doc, res = run(vocab, spec, [(0, 3, "ORG"), (4, 5, "PERSON")])
    assert res.entity_at(0) is None
    assert res.entity_at(1) == res.entity_at(2) == "tobias-wren"
    assert res.entities["tobias-wren"].type == "person"
    assert "Sir Tobias Wren" in res.entities["tobias-wren"].aliases


def test_place_before_a_title_is_its_own_entity(vocab):
    spec = ("Oslo/NNP/PROPN/compound/1 Mayor/NNP/PROPN/compound/3 Ida/NNP/PROPN/compound/3 Solberg/NNP/PROPN/nsubj/4 "
            "wrote/VBD/VERB/ROOT/4/write ././PUNCT/punct/4")
    doc, res = run(vocab, spec, [(0, 1, "GPE"), (2, 4, "PERSON")])
    assert res.entity_at(0) == "oslo"
    assert res.entity_at(1) is None
    assert res.entity_at(3) == "ida-solberg"


# --- tables and cues added for the corpus -------------------------------------------------------

def test_region_is_a_place_whatever_the_tagger_says(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/1 moved/VBD/VERB/ROOT/1/move to/IN/ADP/prep/1 Vermont/NNP/PROPN/pobj/2 "
            "././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "ORG"), (3, 4, "PERSON")])
    assert res.entities["vermont"].type == "place"


def test_georgia_in_a_us_article_is_the_state(vocab):
    spec = ("The/DT/DET/det/1 U.S./NNP/PROPN/nsubj/2 sued/VBD/VERB/ROOT/2/sue Zentrix/NNP/PROPN/dobj/2 "
            "in/IN/ADP/prep/2 Georgia/NNP/PROPN/pobj/4 ././PUNCT/punct/2")
    doc, res = run(vocab, spec, [(1, 2, "GPE"), (3, 4, "ORG"), (5, 6, "GPE")])
    assert res.entity_at(5) == "georgia"
    assert "georgian-government" not in res.entities


def test_platform_after_a_speech_verb_is_an_organisation(vocab):
    spec = ("Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/2 posted/VBD/VERB/ROOT/2/post on/IN/ADP/prep/2 "
            "Chirper/NNP/PROPN/pobj/3 ././PUNCT/punct/2")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert res.entities["chirper"].type == "organization"


def test_given_name_makes_an_untyped_name_a_person(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/1 hired/VBD/VERB/ROOT/1/hire Robert/NNP/PROPN/compound/3 "
            "Vallance/NNP/PROPN/dobj/1 ././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "ORG"), (2, 4, "ORG")])
    assert res.entities["robert-vallance"].type == "person"


def test_sentence_initial_common_noun_tagged_as_name_is_rejected(vocab):
    spec = ("Observers/NNS/NOUN/nsubj/1/observer said/VBD/VERB/ROOT/1/say so/RB/ADV/advmod/1 ././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "PERSON")])
    assert res.entities == {}


def test_capitalised_institution_word_is_scoped_like_a_group(vocab):
    spec = ("Kenya/NNP/PROPN/nsubj/1 voted/VBD/VERB/ROOT/1/vote ././PUNCT/punct/1 Parliament/NNP/PROPN/nsubj/4 "
            "approved/VBD/VERB/ROOT/4/approve it/PRP/PRON/dobj/4 ././PUNCT/punct/4")
    doc, res = run(vocab, spec, [(0, 1, "GPE"), (3, 4, "ORG")])
    assert res.entity_at(3) == "kenyan-parliament"
    assert "parliament" not in res.entities


def test_age_and_title_apposition_make_a_person(vocab):
    spec = ("Sudir/NNP/PROPN/compound/1 Ammar/NNP/PROPN/nsubj/5 ,/,/PUNCT/punct/1 20/CD/NUM/appos/1 ,/,/PUNCT/punct/1 "
            "fled/VBD/VERB/ROOT/5/flee ././PUNCT/punct/5")
    doc, res = run(vocab, spec, [(0, 2, "GPE")])
    assert res.entities["sudir-ammar"].type == "person"
    spec = ("Gellert/NNP/PROPN/compound/1 Varo/NNP/PROPN/nsubj/7 ,/,/PUNCT/punct/1 the/DT/DET/det/6 "
            "government/NN/NOUN/compound/6 commissioner/NN/NOUN/appos/1 ,/,/PUNCT/punct/1 spoke/VBD/VERB/ROOT/7/speak "
            "././PUNCT/punct/7 Varo/NNP/PROPN/nsubj/10 left/VBD/VERB/ROOT/10/leave ././PUNCT/punct/10")
    doc, res = run(vocab, spec, [(0, 2, "ORG"), (9, 10, "GPE")])
    assert res.entities["gellert-varo"].type == "person"
    assert res.entity_at(9) == "gellert-varo"


def test_capitalised_common_word_used_in_lower_case_too_is_not_an_actor(vocab):
    spec = ("Reform/NNP/PROPN/nsubj/1 matters/VBZ/VERB/ROOT/1/matter ././PUNCT/punct/1 Zentrix/NNP/PROPN/nsubj/4 "
            "wants/VBZ/VERB/ROOT/4/want reform/NN/NOUN/dobj/4 ././PUNCT/punct/4")
    doc, res = run(vocab, spec, [(0, 1, "ORG"), (3, 4, "ORG")])
    assert set(res.entities) == {"zentrix"}


def test_bracketed_speaker_label_of_a_transcript_is_not_an_actor(vocab):
    spec = ("(/-LRB-/PUNCT/punct/1 QX/NNP/PROPN/dep/6 )/-RRB-/PUNCT/punct/1 Why/WRB/SCONJ/advmod/6 "
            "did/VBD/AUX/aux/6 Zentrix/NNP/PROPN/nsubj/6 leave/VB/VERB/ROOT/6 ?/./PUNCT/punct/6")
    doc, res = run(vocab, spec, [(1, 2, "ORG"), (5, 6, "ORG")])
    assert set(res.entities) == {"zentrix"}


def test_image_credits_and_affixed_adjectives_are_not_actors(vocab):
    spec = ("Crowds/NNS/NOUN/ROOT/0 ././PUNCT/punct/0 Image/NN/NOUN/ROOT/2 :/:/PUNCT/punct/2 Ola/NNP/PROPN/compound/5 "
            "Brand/NNP/PROPN/appos/2 ././PUNCT/punct/2 <NL>/_SP/SPACE/dep/6 anti-Zentrix/JJ/ADJ/amod/9 "
            "marchers/NNS/NOUN/nsubj/10 gathered/VBD/VERB/ROOT/10/gather ././PUNCT/punct/10")
    doc, res = run(vocab, spec, [(4, 6, "PERSON"), (8, 9, "ORG")])
    assert res.entities == {}


def test_unparsed_and_empty_docs_do_not_fail(vocab):
    from spacy.tokens import Doc

    doc = Doc(vocab, words=["Zentrix", "sued", "Ada", "Quill", "."], ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O"])
    res = resolve(doc, article(doc))
    assert {"zentrix", "ada-quill"} <= set(res.entities)
    empty = Doc(vocab, words=[])
    assert resolve(empty, article(empty)).entities == {}


def test_a_known_surface_inside_a_date_is_not_an_echo(vocab):
    spec = ("Mrs/NNP/PROPN/compound/1 May/NNP/PROPN/nsubj/2 resigned/VBD/VERB/ROOT/2/resign in/IN/ADP/prep/2 "
            "May/NNP/PROPN/pobj/3 ././PUNCT/punct/2")
    doc, res = run(vocab, spec, [(1, 2, "PERSON"), (4, 5, "DATE")])
    assert res.entity_at(1) == "may"
    assert res.entity_at(4) is None


def test_lower_case_modifiers_and_inner_articles_are_cut_from_names(vocab):
    spec = ("Ada/NNP/PROPN/nsubj/1 joined/VBD/VERB/ROOT/1/join major/JJ/ADJ/amod/4 Kettle/NNP/PROPN/compound/4 "
            "Group/NNP/PROPN/dobj/1 ././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(2, 5, "ORG")])
    assert res.entity_at(2) is None and res.entity_at(4) == "kettle-group"


def test_word_inside_a_title_phrase_and_leading_modal_are_not_names(vocab):
    spec = ("Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/7 ,/,/PUNCT/punct/1 Chief/NNP/PROPN/compound/5 "
            "Technological/NNP/PROPN/compound/5 Officer/NNP/PROPN/appos/1 ,/,/PUNCT/punct/1 resigned/VBD/VERB/ROOT/7 "
            "././PUNCT/punct/7 Will/MD/AUX/aux/12 Kettle/NNP/PROPN/compound/11 Group/NNP/PROPN/nsubj/12 "
            "fold/VB/VERB/ROOT/12 ?/./PUNCT/punct/12")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 6, "ORG"), (9, 12, "ORG")])
    assert set(res.entities) == {"ada-quill", "kettle-group"}


def test_full_personal_name_outweighs_labels_on_the_bare_surname(vocab):
    spec = ("Tevita/NNP/PROPN/compound/1 Moala/NNP/PROPN/nsubj/2 died/VBD/VERB/ROOT/2/die ././PUNCT/punct/2 "
            "Moala/NNP/PROPN/nsubj/5 led/VBD/VERB/ROOT/5/lead ././PUNCT/punct/5 Moala/NNP/PROPN/nsubj/8 "
            "won/VBD/VERB/ROOT/8/win ././PUNCT/punct/8 Tongan/JJ/ADJ/nsubj/11 voters/NNS/NOUN/ROOT/11 "
            "././PUNCT/punct/11")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (4, 5, "ORG"), (7, 8, "ORG"), (10, 11, "PERSON")])
    assert res.entities["tevita-moala"].type == "person"
    assert "tongan" not in res.entities


def test_team_named_for_a_place_the_article_names_is_an_organisation(vocab):
    spec = ("Fans/NNS/NOUN/nsubj/1 gathered/VBD/VERB/ROOT/1/gather in/IN/ADP/prep/1 {0}/NNP/PROPN/pobj/2 "
            "././PUNCT/punct/1 {0}/NNP/PROPN/compound/6 {1}/NNPS/PROPN/nsubj/7 left/VBD/VERB/ROOT/7/leave "
            "././PUNCT/punct/7")
    ents = [(3, 4, "GPE"), (5, 7, "PERSON")]
    _, res = run(vocab, spec.format("Ontario", "Kestrels"), ents)
    assert res.entities["ontario"].type == "place"
    assert res.entities["ontario-kestrels"].type == "organization"  # "<Region> <Team>", the region named on its own
    _, res = run(vocab, spec.format("Ontario", "Palace"), ents[:1] + [(5, 7, "FAC")])
    assert res.entities["ontario-palace"].type == "place"  # a building named for the region stays a place


def test_a_capital_that_acts_abroad_is_its_state_but_stays_a_city_where_it_locates(vocab):
    spec = ("Ukraine/NNP/PROPN/nsubj/1 accused/VBD/VERB/ROOT/1/accuse Moscow/NNP/PROPN/dobj/1 ././PUNCT/punct/1 "
            "Moscow/NNP/PROPN/nsubj/5 denied/VBD/VERB/ROOT/5/deny it/PRP/PRON/dobj/5 ././PUNCT/punct/5 "
            "Crowds/NNS/NOUN/nsubj/9 gathered/VBD/VERB/ROOT/9/gather in/IN/ADP/prep/9 Moscow/NNP/PROPN/pobj/10 "
            "././PUNCT/punct/9")
    doc, res = run(vocab, spec, [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE"), (11, 12, "GPE")])
    assert res.entity_at(2) == res.entity_at(4) == "russian-government"
    assert res.entities["russian-government"].type == "government"
    assert "Moscow" not in res.entities["russian-government"].aliases  # it acts for Russia, is no name of it
    assert res.entity_at(11) == "moscow"


def test_a_capital_in_a_story_of_one_country_or_with_its_own_mayor_stays_the_city(vocab):
    alone = ("Washington/NNP/PROPN/nsubj/1 sued/VBD/VERB/ROOT/1/sue Vantrell/NNP/PROPN/dobj/1 ././PUNCT/punct/1")
    doc, res = run(vocab, alone, [(0, 1, "GPE"), (2, 3, "ORG")])
    assert res.entity_at(0) != "united-states-government"
    mayor = ("The/DT/DET/det/1 mayor/NN/NOUN/nsubj/4 of/IN/ADP/prep/1 London/NNP/PROPN/pobj/2 "
             "praised/VBD/VERB/ROOT/4/praise France/NNP/PROPN/dobj/4 ././PUNCT/punct/4 "
             "London/NNP/PROPN/nsubj/8 welcomed/VBD/VERB/ROOT/8/welcome it/PRP/PRON/dobj/8 ././PUNCT/punct/8")
    doc, res = run(vocab, mayor, [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")])
    assert res.entity_at(7) == res.entity_at(3) != "uk-government"
