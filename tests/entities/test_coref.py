"""Coreference on hand-built Docs: pronouns, definite descriptions, collective actors."""

from __future__ import annotations

from support.entity_docs import article, build

from graphkit.entities.resolve import resolve


def run(vocab, spec, ents=(), **kw):
    doc = build(vocab, spec, ents)
    return doc, resolve(doc, article(doc, **kw))


def kinds(res):
    return {(m.text, m.entity, m.kind) for m in res.mentions if m.kind != "name"}


def test_it_resolves_to_the_organisation_subject(vocab):
    spec = ("Nordhavn/NNP/PROPN/nsubj/1 said/VBD/VERB/ROOT/1/say it/PRP/PRON/nsubj/4 would/MD/AUX/aux/4 "
            "pay/VB/VERB/ccomp/1 ././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "ORG")])
    assert res.entity_at(2) == "nordhavn"
    assert ("it", "nordhavn", "pronoun") in kinds(res)


def test_it_never_takes_a_person_and_he_never_takes_an_organisation(vocab):
    spec = ("Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/2 left/VBD/VERB/ROOT/2/leave Zentrix/NNP/PROPN/dobj/2 "
            "././PUNCT/punct/2 He/PRP/PRON/nsubj/6/he said/VBD/VERB/ROOT/6/say it/PRP/PRON/nsubj/8 "
            "failed/VBD/VERB/ccomp/6/fail ././PUNCT/punct/6")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 4, "ORG")])
    assert res.entity_at(5) == "ada-quill"
    assert res.entity_at(7) == "zentrix"


def test_she_skips_a_man_named_by_his_honorific(vocab):
    spec = ("Mrs/NNP/PROPN/compound/2 Ola/NNP/PROPN/compound/2 Brand/NNP/PROPN/nsubj/3 met/VBD/VERB/ROOT/3/meet "
            "Mr/NNP/PROPN/compound/5 Kettering/NNP/PROPN/dobj/3 ././PUNCT/punct/3 She/PRP/PRON/nsubj/8/she "
            "left/VBD/VERB/ROOT/8/leave ././PUNCT/punct/8")
    doc, res = run(vocab, spec, [(1, 3, "PERSON"), (5, 6, "PERSON")])
    assert res.entity_at(7) == "ola-brand"


def test_pleonastic_it_is_not_resolved(vocab):
    spec = ("It/PRP/PRON/nsubj/1 is/VBZ/AUX/ccomp/8/be extremely/RB/ADV/advmod/3 important/JJ/ADJ/acomp/1 "
            "to/TO/PART/aux/5 act/VB/VERB/xcomp/3 ,/,/PUNCT/punct/8 Zentrix/NNP/PROPN/nsubj/8 said/VBD/VERB/ROOT/8/say "
            "././PUNCT/punct/8")
    doc, res = run(vocab, spec, [(7, 8, "ORG")])
    assert res.entity_at(0) is None


def test_pronoun_in_a_quote_is_not_its_speaker(vocab):
    spec = ('Mara/NNP/PROPN/compound/1 Okonkwo/NNP/PROPN/nsubj/2 told/VBD/VERB/ROOT/2/tell the/DT/DET/det/5 '
            'Daily/NNP/PROPN/compound/5 Courier/NNP/PROPN/dobj/2 :/:/PUNCT/punct/2 "/``/PUNCT/punct/2 '
            'She/PRP/PRON/nsubj/9/she lied/VBD/VERB/ccomp/2/lie to/IN/ADP/prep/9 us/PRP/PRON/pobj/10/we '
            '././PUNCT/punct/2 "/\'\'/PUNCT/punct/2')
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 6, "ORG")])
    assert res.entity_at(8) is None


def test_object_pronoun_is_not_the_subject_of_its_own_verb(vocab):
    spec = ("Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/2 sued/VBD/VERB/ROOT/2/sue Ben/NNP/PROPN/compound/4 "
            "Hale/NNP/PROPN/dobj/2 ././PUNCT/punct/2 Ada/NNP/PROPN/compound/7 Quill/NNP/PROPN/nsubj/8 "
            "blamed/VBD/VERB/ROOT/8/blame him/PRP/PRON/dobj/8/he ././PUNCT/punct/8")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON")])
    assert res.entity_at(9) == "ben-hale"


def test_definite_descriptions_take_a_fitting_antecedent(vocab):
    spec = ("Mayor/NNP/PROPN/compound/2 Keira/NNP/PROPN/compound/2 Vance/NNP/PROPN/nsubj/3 sued/VBD/VERB/ROOT/3/sue "
            "Zentrix/NNP/PROPN/dobj/3 ././PUNCT/punct/3 The/DT/DET/det/7 mayor/NN/NOUN/nsubj/8 "
            "said/VBD/VERB/ROOT/8/say the/DT/DET/det/10 company/NN/NOUN/nsubj/11 lied/VBD/VERB/ccomp/8/lie "
            "././PUNCT/punct/8")
    doc, res = run(vocab, spec, [(1, 3, "PERSON"), (4, 5, "ORG")])
    assert res.entity_at(7) == "keira-vance"
    assert res.entity_at(10) == "zentrix"
    assert ("mayor", "keira-vance", "nominal") in kinds(res)


def test_description_with_a_new_referent_modifier_is_left_alone(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/1 sued/VBD/VERB/ROOT/1/sue the/DT/DET/det/4 rival/JJ/ADJ/amod/4 "
            "company/NN/NOUN/dobj/1 ././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "ORG")])
    assert res.entity_at(4) is None


def test_the_government_is_the_main_countrys_government(vocab):
    spec = ("Kenya/NNP/PROPN/nsubj/1 banned/VBD/VERB/ROOT/1/ban Zentrix/NNP/PROPN/dobj/1 ././PUNCT/punct/1 "
            "The/DT/DET/det/5 government/NN/NOUN/nsubj/6 said/VBD/VERB/ROOT/6/say so/RB/ADV/advmod/6 "
            "././PUNCT/punct/6")
    doc, res = run(vocab, spec, [(0, 1, "GPE"), (2, 3, "ORG")])
    assert res.entity_at(0) == res.entity_at(5) == "kenyan-government"
    assert res.entities["kenyan-government"].type == "government"


def test_demonym_qualified_governments_stay_apart(vocab):
    spec = ("The/DT/DET/det/2 Kenyan/JJ/ADJ/amod/2 government/NN/NOUN/nsubj/3 criticized/VBD/VERB/ROOT/3/criticize "
            "the/DT/DET/det/6 Ugandan/JJ/ADJ/amod/6 government/NN/NOUN/dobj/3 ././PUNCT/punct/3")
    doc, res = run(vocab, spec, [(1, 2, "NORP"), (5, 6, "NORP")])
    assert res.entity_at(2) == "kenyan-government"
    assert res.entity_at(6) == "ugandan-government"


def test_groups_are_scoped_and_they_resolves_to_a_plural_group(vocab):
    spec = ("Kenyan/JJ/ADJ/amod/1 protesters/NNS/NOUN/nsubj/2/protester clashed/VBD/VERB/ROOT/2/clash "
            "with/IN/ADP/prep/2 police/NNS/NOUN/pobj/3 ././PUNCT/punct/2 They/PRP/PRON/nsubj/7/they "
            "threw/VBD/VERB/ROOT/7/throw stones/NNS/NOUN/dobj/7/stone ././PUNCT/punct/7")
    doc, res = run(vocab, spec, [(0, 1, "NORP")])
    assert res.entity_at(1) == "kenyan-protesters"
    assert res.entity_at(4) == "kenyan-police"
    assert res.entities["kenyan-police"].type == "government"
    assert res.entity_at(6) == "kenyan-protesters"


def test_group_without_any_country_stays_unresolved(vocab):
    spec = ("Protesters/NNS/NOUN/nsubj/1/protester clashed/VBD/VERB/ROOT/1/clash with/IN/ADP/prep/1 "
            "police/NNS/NOUN/pobj/2 ././PUNCT/punct/1")
    doc, res = run(vocab, spec)
    assert res.entities == {}


def test_spokesperson_speaks_for_the_body_that_qualifies_it(vocab):
    spec = ("A/DT/DET/det/2 Kremlin/NNP/PROPN/compound/2 spokesperson/NN/NOUN/nsubj/3 said/VBD/VERB/ROOT/3/say "
            "so/RB/ADV/advmod/3 ././PUNCT/punct/3")
    doc, res = run(vocab, spec, [(1, 2, "ORG")])
    assert res.entity_at(2) == res.entity_at(1) == "kremlin"
    assert res.entities["kremlin"].type == "government"


def test_unqualified_police_belong_to_the_main_city(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/1 left/VBD/VERB/ROOT/1/leave Denver/NNP/PROPN/dobj/1 ././PUNCT/punct/1 "
            "Denver/NNP/PROPN/nsubj/5 grew/VBD/VERB/ROOT/5/grow ././PUNCT/punct/5 Police/NNS/NOUN/nsubj/8 "
            "arrested/VBD/VERB/ROOT/8/arrest Ada/NNP/PROPN/compound/10 Quill/NNP/PROPN/dobj/8 ././PUNCT/punct/8")
    doc, res = run(vocab, spec, [(0, 1, "ORG"), (2, 3, "GPE"), (4, 5, "GPE"), (9, 11, "PERSON")])
    assert res.entity_at(7) == "denver-police"
    assert res.entities["denver-police"].type == "government"


def test_possessive_in_a_fronted_clause_names_the_coming_subject(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/1 grew/VBD/VERB/ROOT/1/grow ././PUNCT/punct/1 To/TO/PART/aux/4 "
            "modernize/VB/VERB/advcl/9 its/PRP$/PRON/poss/6 army/NN/NOUN/dobj/4 ,/,/PUNCT/punct/9 "
            "Hungary/NNP/PROPN/nsubj/9 bought/VBD/VERB/ROOT/9/buy tanks/NNS/NOUN/dobj/9/tank ././PUNCT/punct/9")
    doc, res = run(vocab, spec, [(0, 1, "ORG"), (8, 9, "GPE")])
    assert res.entity_at(5) == "hungarian-government"


def test_it_before_a_predicate_and_infinitive_is_pleonastic(vocab):
    spec = ("Zentrix/NNP/PROPN/nsubj/1 said/VBD/VERB/ROOT/1/say it/PRP/PRON/nsubj/5 would/MD/AUX/aux/5 "
            "have/VB/AUX/aux/5 been/VBN/AUX/ccomp/1/be costly/JJ/ADJ/acomp/5 to/TO/PART/aux/8 wait/VB/VERB/xcomp/6 "
            "././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "ORG")])
    assert res.entity_at(2) is None


def test_main_government_is_exposed_when_it_is_an_entity(vocab):
    spec = ("Kenya/NNP/PROPN/nsubj/1 banned/VBD/VERB/ROOT/1/ban Zentrix/NNP/PROPN/dobj/1 ././PUNCT/punct/1")
    doc, res = run(vocab, spec, [(0, 1, "GPE"), (2, 3, "ORG")])
    assert res.main_government == "kenyan-government"
    doc, res = run(vocab, "Zentrix/NNP/PROPN/nsubj/1 grew/VBD/VERB/ROOT/1/grow ././PUNCT/punct/1", [(0, 1, "ORG")])
    assert res.main_government is None


def test_spokesperson_apposed_to_a_named_person_stays_unmapped(vocab):
    spec = ("Ben/NNP/PROPN/compound/1 Hale/NNP/PROPN/nsubj/8 ,/,/PUNCT/punct/1 spokesperson/NN/NOUN/appos/1 "
            "for/IN/ADP/prep/3 Zentrix/NNP/PROPN/pobj/4 ,/,/PUNCT/punct/1 has/VBZ/AUX/aux/8 resigned/VBN/VERB/ROOT/8 "
            "././PUNCT/punct/8")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (5, 6, "ORG")])
    assert res.entity_at(3) is None


def test_object_pronoun_under_a_quantifier_is_not_the_subject_either(vocab):
    spec = ("The/DT/DET/det/1 Senate/NNP/PROPN/nsubj/2 acquitted/VBD/VERB/ROOT/2/acquit both/DT/DET/dobj/2 "
            "of/IN/ADP/prep/3 them/PRP/PRON/pobj/4/they ././PUNCT/punct/2")
    doc, res = run(vocab, spec, [(1, 2, "ORG")])
    assert res.entity_at(5) is None


def test_member_as_a_predicate_stays_a_role(vocab):
    spec = ("Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/2 is/VBZ/AUX/ROOT/2/be a/DT/DET/det/4 member/NN/NOUN/attr/2 "
            "of/IN/ADP/prep/4 Zentrix/NNP/PROPN/pobj/5 ././PUNCT/punct/2")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (6, 7, "ORG")])
    assert res.entity_at(4) is None


def test_first_person_in_a_quote_is_its_speaker(vocab):
    spec = ('Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/2 said/VBD/VERB/ROOT/2/say ,/,/PUNCT/punct/2 '
            '"/``/PUNCT/punct/2 I/PRP/PRON/nsubj/6/I sued/VBD/VERB/ccomp/2/sue Zentrix/NNP/PROPN/dobj/6 '
            './././PUNCT/punct/2 "/\'\'/PUNCT/punct/2').replace("./././PUNCT", "././PUNCT")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (7, 8, "ORG")])
    assert res.entity_at(5) == "ada-quill"
    spec = ('Zentrix/NNP/PROPN/nsubj/1 said/VBD/VERB/ROOT/1/say ,/,/PUNCT/punct/1 "/``/PUNCT/punct/1 '
            'we/PRP/PRON/nsubj/5/we won/VBD/VERB/ccomp/1/win ././PUNCT/punct/1 "/\'\'/PUNCT/punct/1')
    doc, res = run(vocab, spec, [(0, 1, "ORG")])
    assert res.entity_at(4) == "zentrix"


def test_the_city_is_a_named_city_never_the_police_group(vocab):
    words = ("Denver/NNP/PROPN/nsubj/1 grew/VBD/VERB/ROOT/1/grow ././PUNCT/punct/1 Denver/NNP/PROPN/nsubj/4 "
             "rose/VBD/VERB/ROOT/4/rise ././PUNCT/punct/4").split()
    ents = [(0, 1, "GPE"), (3, 4, "GPE")]
    for _ in range(4):  # police, named more often and more lately than the city
        n = len(words)
        words += (f"Police/NNS/NOUN/nsubj/{n + 1} charged/VBD/VERB/ROOT/{n + 1}/charge Ada/NNP/PROPN/compound/{n + 3} "
                  f"Quill/NNP/PROPN/dobj/{n + 1} ././PUNCT/punct/{n + 1}").split()
        ents.append((n + 2, n + 4, "PERSON"))
    n = len(words)
    words += (f"Quill/NNP/PROPN/nsubj/{n + 1} left/VBD/VERB/ROOT/{n + 1}/leave the/DT/DET/det/{n + 3} "
              f"city/NN/NOUN/dobj/{n + 1} ././PUNCT/punct/{n + 1}").split()
    ents.append((n, n + 1, "PERSON"))
    doc, res = run(vocab, " ".join(words), ents)
    assert res.entity_at(6) == "denver-police"
    assert res.entity_at(n + 3) == "denver"


def test_they_after_two_coordinated_names_is_both_of_them(vocab):
    spec = ("Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/5 and/CC/CCONJ/cc/1 Ben/NNP/PROPN/compound/4 "
            "Hale/NNP/PROPN/conj/1 left/VBD/VERB/ROOT/5/leave ././PUNCT/punct/5 They/PRP/PRON/nsubj/8/they "
            "lied/VBD/VERB/ROOT/8/lie ././PUNCT/punct/8")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 5, "PERSON")])
    assert res.entity_at(7) is None
    assert res.group_at(7) == ("ada-quill", "ben-hale")
    assert {("They", "ada-quill", "pronoun"), ("They", "ben-hale", "pronoun")} <= kinds(res)


def test_a_far_she_is_the_one_woman_the_article_keeps_naming(vocab):
    def sent(i, subj, verb):  # "<subj> <verb> ." with the root at i + 1
        return f"{subj}/NNP/PROPN/nsubj/{i + 1} {verb}/VBD/VERB/ROOT/{i + 1} ././PUNCT/punct/{i + 1}"
    spec = " ".join([
        "Mrs/NNP/PROPN/compound/1 Brand/NNP/PROPN/nsubj/2 left/VBD/VERB/ROOT/2 ././PUNCT/punct/2",
        sent(4, "Brand", "lied"), sent(7, "Brand", "fled"), sent(10, "Zentrix", "fell"), sent(13, "Nordhavn", "rose"),
        sent(16, "Zentrix", "won"), "She/PRP/PRON/nsubj/20/she lost/VBD/VERB/ROOT/20 ././PUNCT/punct/20"])
    doc, res = run(vocab, spec, [(1, 2, "PERSON"), (4, 5, "PERSON"), (7, 8, "PERSON"), (10, 11, "ORG"),
                                 (13, 14, "ORG"), (16, 17, "ORG")])
    assert res.entity_at(19) == "brand"


def test_we_of_an_organisations_spokesperson_named_in_apposition_is_the_organisation(vocab):
    spec = ('a/DT/DET/det/2 Zentrix/NNP/PROPN/compound/2 spokesperson/NN/NOUN/nsubj/7 ,/,/PUNCT/punct/2 '
            'Jane/NNP/PROPN/compound/5 Roe/NNP/PROPN/appos/2 ,/,/PUNCT/punct/2 said/VBD/VERB/ROOT/7/say '
            ':/:/PUNCT/punct/7 "/``/PUNCT/punct/7 we/PRP/PRON/nsubj/11/we object/VBP/VERB/ccomp/7/object '
            '././PUNCT/punct/7 "/\'\'/PUNCT/punct/7')
    doc, res = run(vocab, spec, [(1, 2, "ORG"), (4, 6, "PERSON")])
    assert res.entity_at(10) == "zentrix"


def test_a_reflexive_object_is_its_verbs_subject_or_no_one(vocab):
    spec = ("Ada/NNP/PROPN/compound/1 Quill/NNP/PROPN/nsubj/2 met/VBD/VERB/ROOT/2/meet Ben/NNP/PROPN/compound/4 "
            "Hale/NNP/PROPN/dobj/2 ././PUNCT/punct/2 Quill/NNP/PROPN/nsubj/7 praised/VBD/VERB/ROOT/7/praise "
            "himself/PRP/PRON/dobj/7/himself ././PUNCT/punct/7 Critics/NNS/NOUN/nsubj/11/critic "
            "praised/VBD/VERB/ROOT/11/praise himself/PRP/PRON/dobj/11/himself ././PUNCT/punct/11")
    doc, res = run(vocab, spec, [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 7, "PERSON")])
    assert res.entity_at(8) == "ada-quill"
    assert res.entity_at(12) is None


def test_a_bare_count_heading_the_article_is_the_counted_group_below(vocab):
    # "Dozens detained in Ostmark" over "Police detained 41 students ...": the dozens are the students
    spec = ("Dozens/NNS/NOUN/ROOT/0 detained/VBN/VERB/acl/0 in/IN/ADP/prep/1 Ostmark/NNP/PROPN/pobj/2 "
            "<NL>/_SP/SPACE/dep/3 Police/NNS/NOUN/nsubj/6 detained/VBD/VERB/ROOT/6/detain 41/CD/NUM/nummod/8 "
            "students/NNS/NOUN/dobj/6/student ././PUNCT/punct/6")
    doc, res = run(vocab, spec, [(3, 4, "GPE")])
    group = res.entity_at(8)
    assert group and res.entity_at(0) == group
    plain = ("Dozens/NNS/NOUN/ROOT/0 of/IN/ADP/prep/0 flights/NNS/NOUN/pobj/1 <NL>/_SP/SPACE/dep/2 "
             "Police/NNS/NOUN/nsubj/5 detained/VBD/VERB/ROOT/5/detain 41/CD/NUM/nummod/7 "
             "students/NNS/NOUN/dobj/5/student ././PUNCT/punct/5")
    doc, res = run(vocab, plain)
    assert res.entity_at(0) is None  # "Dozens of flights" counts something else
