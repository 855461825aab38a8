"""The demo's 2022/23 report, as printed, says each thing once: one "You said, we did" heading, a member's
role not repeated after a title that already says it, each total row once however many pages its table spans,
no two challenge examples in the same words, and no inspection column filled with "none"."""

import re
from collections import Counter

import pytest
from django.utils.html import strip_tags


@pytest.fixture
def built(demo_report):
    return demo_report


def test_the_you_said_we_did_heading_is_printed_once(built):
    assert built.pdf_text.count("You said, we did") == 1


def test_a_members_role_is_not_repeated_after_a_title_that_says_it(built):
    text = built.section_text("members")
    assert "(Observer) (Observer)" not in text
    repeated = re.findall(r"([A-Z][\w ]+?) \((\w[\w ]*?)\)", text)
    assert not [(title, role) for title, role in repeated if title.lower().endswith(role.lower())]
    assert "Observer" in text  # the councillors still say they observe


def test_each_total_row_is_printed_once_however_many_pages_its_table_spans(built):
    footers = re.findall(r"<tfoot>(.*?)</tfoot>", built.html, re.S)
    labels = Counter(
        re.sub(r"\s+", " ", strip_tags(th)).strip() for footer in footers for th in re.findall(r"<th.*?</th>", footer)
    )
    assert labels["Children and young people taking part"] == 1  # the table that spans two pages
    pdf_text = built.pdf_text
    for label, times in labels.items():
        assert pdf_text.count(label) == times, label


def test_no_two_challenge_examples_are_told_in_the_same_words(built):
    paragraphs = re.findall(r"<p><strong>The (?:issue|outcome|difference it made):</strong>(.*?)</p>", built.html, re.S)
    assert len(paragraphs) >= 8
    said = Counter(re.sub(r"\s+", " ", strip_tags(p)).strip() for p in paragraphs)
    assert [p for p, times in said.items() if times > 1] == []


def test_an_inspection_without_recommendations_gets_no_recommendations_column(built):
    # The inspections partners report are printed once, in "Learning from inspections", not under each statement.
    inspections = built.section_text("inspections")
    assert "Not graded" in inspections and "Not graded" not in built.section_text("partners")
    assert "Recommendations" not in inspections
    assert "None set out" not in built.pdf_text
