"""Every abbreviation the demo's 2022/23 report uses has an entry in the glossary, so a reader who meets
"LADO" or "CYP-OG" can look it up; and the glossary appendix prints each of them."""

import re

import pytest

from governance.models import GlossaryTerm
from governance.report import NOT_JARGON, abbreviations_in


@pytest.fixture
def built(demo_report):
    return demo_report


def test_the_detector_finds_abbreviations_and_leaves_names_alone():
    text = "The LADO and IDVAs met the DfE, CP-IS and CYP-OG; Bethan Morgan-Price and McLeod did not. Kooth."
    assert abbreviations_in(text) == {"LADO", "IDVA", "DfE", "CP-IS", "CYP-OG"}


def test_every_abbreviation_in_the_report_has_a_glossary_entry(built):
    body = re.search(r"<body.*</body>", built.html, re.S).group(0)
    text = re.sub(r"<[^>]+>", " ", body)
    used = abbreviations_in(text)
    assert {"LSCP", "LADO", "MASH", "NHS", "RBKC", "WCC"} <= used
    terms = set(GlossaryTerm.objects.values_list("term", flat=True))
    assert sorted(used - terms - NOT_JARGON) == []


def test_the_glossary_appendix_prints_every_abbreviation_the_chapters_use(built):
    glossary = built.section_text("glossary")
    chapters = re.sub(r'<section[^>]*id="section-glossary".*?</section>', " ", built.html, flags=re.S)
    for term in abbreviations_in(re.sub(r"<[^>]+>", " ", chapters)) - NOT_JARGON:
        assert re.search(rf"(?<!\w){re.escape(term)}(?!\w)", glossary), term
