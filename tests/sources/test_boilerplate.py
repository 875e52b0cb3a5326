"""The boilerplate filter: page furniture goes, bylines become authors, plain prose passes unchanged."""

from __future__ import annotations

import time

import pytest

from graphkit.sources import boilerplate

BODY = [
    "The transport regulator fined Northline Rail on Monday for repeated safety failures on its busiest routes.",
    "Northline said it would appeal, arguing that the inspections had been carried out under outdated rules.",
    "So far, passengers have seen few changes.",
    "\u201cWe will keep every service running while the appeal is heard,\u201d the company\u2019s chair said.",
]

PAGE = f"""

Regulator fines rail operator over safety failures

3 hours ago

Share  Save

Maria Lopez, Transport correspondent and **Tom Reed**, Business reporter

REUTERS A train waits at a platform during the morning rush

Getty Images

{BODY[0]}

{BODY[1]}

Sign up for our Morning Briefing newsletter to get the top stories in your inbox every day.

{BODY[2]}

Image caption, Commuters at a station in the north

{BODY[3]}

Why are fares rising again this year?
Rail strikes: what you need to know
Five charts that explain the railways

RELATED

[Union announces new strike dates](#)[Operator cuts weekend services](#)

MORE FROM THE DAILY PLANET

2 hrs ago

Council approves new bus lanes after long consultation



The council voted to approve the plan after months of debate among local residents.

[Home](#) [News](#) [Sport](#) [Business](#)

Copyright 2026 Daily Planet. All rights reserved. We are not responsible for the content of external sites.
"""


def test_pasted_page_keeps_title_and_body_only():
    c = boilerplate.clean(PAGE)
    assert c.title == "Regulator fines rail operator over safety failures"
    assert c.text == "\n\n".join([c.title, *BODY])


def test_byline_becomes_authors_not_text():
    c = boilerplate.clean(PAGE)
    assert c.authors == ("Maria Lopez", "Tom Reed")
    assert "Lopez" not in c.text and "correspondent" not in c.text


@pytest.mark.parametrize("furniture", [
    "REUTERS A train waits at a platform", "Getty Images", "Reuters", "EPA-EFE/REX/Shutterstock",
    "AFP via Getty Images", "Image source, Getty Images", "Photograph: Jane Doe/Reuters",
    "Crowds at the station. Image: Jane Doe (flickr).", "Share  Save", "Facebook Twitter Email",
    "Sign up for our Morning Briefing newsletter to get the top stories in your inbox every day.",
    "Advertisement", "Read more: Why fares are rising", "Related: Operator cuts weekend services",
    "Copyright 2026 Daily Planet. All rights reserved.", "\u00a9 2024 Daily Planet", "5 min read",
    "Updated 10:32 GMT, 4 May 2024", "Thursday, March 28, 2019",
])
def test_furniture_lines_are_dropped_inside_a_page(furniture):
    page = f"Headline about the regulator\n\n{BODY[0]}\n\n{furniture}\n\n{BODY[1]}\n\nShare\n"
    c = boilerplate.clean(page)
    assert c.text == "\n\n".join(["Headline about the regulator", BODY[0], BODY[1]])


@pytest.mark.parametrize("line,names", [
    ("By Jane Smith", ("Jane Smith",)),
    ("By JANE SMITH and JOHN DOE", ("Jane Smith", "John Doe")),
    ("By Jane Smith, Reuters", ("Jane Smith",)),
    ("Reporting by Jane Smith in London; Editing by John Doe", ("Jane Smith",)),
    ("Jane Smith, Technology reporter", ("Jane Smith",)),
    ("By Reuters Staff", ()),
    ("John Smith, a former correspondent for the paper, said the board had misled investors.", ()),
])
def test_bylines(line, names):
    assert boilerplate.authors(line) == names


def test_plain_prose_passes_unchanged():
    text = "\n\n".join(BODY + ["Officials said a decision was expected within weeks, and the ministry declined to "
                              "comment on the details of the inquiry."])
    assert boilerplate.clean(text).text == text
    assert boilerplate.clean("\n  " + text + "\n\n").text == text


def test_dateline_alone_does_not_make_a_page():
    text = "Friday, January 4, 2019\n\n\n" + "\n\n\n".join(BODY)
    assert boilerplate.clean(text).text == text


def test_hard_wrapped_prose_in_a_page_is_kept():
    wrapped = ("The transport regulator fined Northline Rail on Monday for\nrepeated safety failures on its "
               "busiest routes, and said\nfurther penalties were possible.")
    c = boilerplate.clean(f"Share\n\nBy Jane Smith\n\n{wrapped}\n\n{BODY[1]}")
    assert c.text == "\n\n".join([wrapped.replace("\n", " "), BODY[1]]) and c.authors == ("Jane Smith",)


def test_quote_with_attribution_line_keeps_the_quote():
    quote = ("\u201cThe directive does not preclude a court from ordering a host provider to remove "
             "information,\u201d the judgment said.")
    c = boilerplate.clean(f"Share\n\n{BODY[0]}\n\n{quote}\n\u2013 European Court\n\n{BODY[1]}")
    assert c.text == "\n\n".join([BODY[0], quote, BODY[1]])


def test_page_without_body_is_empty_not_furniture():
    c = boilerplate.clean("Share  Save\n\nGetty Images\n\n[Home](#) [News](#)\n\nMORE FROM US\n\nA headline here")
    assert c.text == ""


def test_has_prose():
    assert boilerplate.has_prose("Home\nNews\nSport\nThe council approved the plan.")
    assert not boilerplate.has_prose("Home News Sport\nWorld news today\nBusiness and markets")


@pytest.mark.slow
@pytest.mark.parametrize("hostile", [
    "[" * 200_000, "[a](" * 50_000, "A" * 500_000, ("By " * 50_000), "**" * 100_000,
    "Share\n\n" + "x, " * 100_000 + "reporter", ("Image: " * 30_000) + ".",
])
def test_hostile_lines_stay_fast(hostile):
    """Every regex is bounded: megabyte lines of brackets or capitals do not backtrack (a hang guard, not a
    speed target: catastrophic backtracking would take hours)."""
    start = time.perf_counter()
    boilerplate.clean(hostile)
    boilerplate.clean("Share\n\n" + hostile + "\n\n" + BODY[0])
    assert time.perf_counter() - start < 30


def test_long_paragraph_ending_in_an_unpunctuated_quotation_stays_in_the_body():
    page = ("Court removes governor\n\nThursday, August 8, 2019\n\n"
            "The court ruled on Wednesday that the governor's oath was void. The ruling takes effect at five.\n\n"
            "Protesters at the march. Image: Jane Doe (flickr).\n\n"
            "The opinion of the court read in part. It said that the oath was unconstitutional, quoting the "
            "original text in full: el juramento es nulo a partir del momento en que esta opinión sea efectiva\n\n"
            "The Senate was to meet on Monday to discuss the confirmation of the new governor.\n")
    text = boilerplate.clean(page).text
    assert "el juramento es nulo" in text
    assert "Image: Jane Doe" not in text
