"""The demo's 2022/23 report carries the "Learning from reviews" chapter, written by the Case Review Subgroup's
chairs, with its figures and tables from the case review records, and nothing that could identify a child."""

import pytest

from lscp.testing import DEMO_YEAR
from reports.models import AnnualReport
from reports.sections import section_by_key


@pytest.fixture
def built(demo_report):
    return demo_report


def test_the_chapter_is_in_the_learning_orders_and_written_by_the_case_review_chairs(built):
    section = section_by_key("learning-from-reviews")
    assert 400 <= section.order <= 499 and section.narrative and section.written_by == "Case Review"
    report = AnnualReport.objects.get(year=DEMO_YEAR)
    narrative = report.narratives.select_related("written_by").get(key="learning-from-reviews")
    assert narrative.written_by.name == "Case Review Subgroup"


def test_the_narrative_and_the_records_reach_the_pdf(built):
    text = built.pdf_text
    assert "Learning from reviews" in text
    assert "This year the partnership published its learning review of Holland Park School" in text
    assert "Holland Park School: recommendations and their actions" in text
    assert "Complaints had not been systematically reviewed." in text
    assert "Findings by learning theme" in text


def test_the_figures_come_from_the_records(built):
    chapter = built.section_text("learning-from-reviews")
    assert "Decisions after rapid reviews" in chapter
    assert "within 15 working days of the notification" in chapter
    assert "1 was published" in chapter
    # Each Holland Park recommendation has two actions in the shared tracker, one of them complete.
    assert chapter.count("1 of 2 actions complete, 1 open") == 2


def test_nothing_identifying_reaches_the_chapter(built):
    chapter = built.section_text("learning-from-reviews")
    # The incident log's outlines of circumstances and the children's age bands stay out of the report.
    for detail in ("neglect is suspected", "admitted to hospital", "Under 1", "1 to 4"):
        assert detail not in chapter
