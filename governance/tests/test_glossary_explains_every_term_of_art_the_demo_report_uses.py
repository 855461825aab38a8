"""The glossary explains every term of art the demo's 2022/23 report uses, not only its abbreviations (a reader who
meets "adultification" or "low-level concern" can look it up), and no entry only repeats its own term ("Kooth:
Kooth"): the model refuses one, and none is printed."""

import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from governance.models import GLOSSARY_EXPANSION_REPEATS_TERM, GlossaryTerm

# The partnership's terms of art a lay reader may not know. Each one the report uses must be in its glossary.
TERMS_OF_ART = [
    "adultification",
    "alternative provision",
    "care leaver",
    "corporate parenting board",
    "early help",
    "extra-familial harm",
    "independent scrutineer",
    "Kooth",
    "low-level concern",
    "rapid review",
    "Section 11",
    "Section 175",
    "systemic practice",
    "transitional safeguarding",
    "trauma-informed",
]


def used(term, text):
    return re.search(rf"(?<!\w){re.escape(term)}s?(?!\w)", text, re.IGNORECASE) is not None


def glossary_rows(html):
    """(term, stands for, meaning) of each row the glossary appendix prints."""
    rows = re.findall(r"<tr><td><strong>(.*?)</strong></td><td>(.*?)</td><td>(.*?)</td></tr>", html, re.S)
    return [tuple(unescape(cell).strip() for cell in row) for row in rows]


def test_every_term_of_art_the_report_uses_is_in_its_glossary(demo_report):
    chapters = re.sub(r'<section[^>]*id="section-glossary".*?</section>', " ", demo_report.html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", chapters))
    printed = {term.casefold() for term, _, _ in glossary_rows(demo_report.section_html("glossary"))}
    in_report = [term for term in TERMS_OF_ART if used(term, text)]
    assert {"adultification", "low-level concern", "extra-familial harm"} <= set(in_report)
    assert sorted(term for term in in_report if term.casefold() not in printed) == []


def test_no_printed_entry_only_repeats_its_term(demo_report):
    rows = glossary_rows(demo_report.section_html("glossary"))
    assert len(rows) > 20
    for term, stands_for, meaning in rows:
        assert stands_for.casefold() != term.casefold(), term
        assert meaning.casefold() not in ("", term.casefold()) or stands_for, term


@pytest.mark.django_db
def test_an_entry_that_only_repeats_its_term_is_refused():
    with pytest.raises(ValidationError) as caught:
        GlossaryTerm(term="Kooth", expansion=" kooth", definition="").clean()
    assert caught.value.message_dict["expansion"] == [GLOSSARY_EXPANSION_REPEATS_TERM]
    GlossaryTerm(term="Kooth", expansion="", definition="An online counselling service for young people.").clean()
