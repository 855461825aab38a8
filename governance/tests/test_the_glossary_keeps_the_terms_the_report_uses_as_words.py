"""The glossary chapter keeps the terms the rest of the report uses, as whole words or phrases, singular or plural:
an abbreviation as written, any other term whatever its case (governance/report.py, `glossary_used_in`)."""

from types import SimpleNamespace

import pytest

from governance.report import glossary_used_in


def _term(text, abbreviation=False):
    return SimpleNamespace(term=text, is_abbreviation=abbreviation)


def _kept(terms, text):
    return [term.term for term in glossary_used_in({"terms": terms}, text)["terms"]]


@pytest.mark.parametrize(
    ("term", "text", "kept"),
    [
        (_term("MASH", True), "Referrals reach the MASH daily.", True),
        (_term("MASH", True), "A smash hit.", False),
        (_term("MASH", True), "The mash of services.", False),  # an abbreviation as written
        (_term("IDVA", True), "Two IDVAs joined.", True),
        (_term("MASH", True), "The MASHes of both boroughs.", True),
        (_term("adultification"), "Adultification bias was discussed.", True),
        (_term("rapid review"), "Three Rapid Reviews were held.", True),
        (_term("rapid review"), "The rapid reviewer wrote.", False),
        (_term("CAMHS", True), "CAMHSX is a code; CAMHS is the service.", True),  # a later whole-word use counts
        (_term("CAMHS", True), "CAMHS", True),  # the whole text
        (_term("Prevent"), "preventative work", False),
        (_term("LADO", True), "the_LADO_variable", False),
    ],
)
def test_a_term_is_kept_only_when_the_report_uses_it_as_a_word(term, text, kept):
    assert _kept([term], text) == ([term.term] if kept else [])


def test_the_terms_kept_keep_their_order():
    terms = [_term("LADO", True), _term("neglect"), _term("MASH", True)]
    assert _kept(terms, "Neglect and the MASH; the LADO too.") == ["LADO", "neglect", "MASH"]
