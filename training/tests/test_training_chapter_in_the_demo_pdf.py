"""The demo's 2022/23 report carries the "Multi-agency training" chapter, written by Learning and Development, with
the 2022/23 annual report's published figures coming out of the records: 55 workshops delivered, the May 2022
learning event with the Met Police attended by over 70 delegates; delegates by course, sector and agency; the impact
figures; and the chart described in words."""

import re

import pytest

from lscp.testing import DEMO_YEAR
from reports.sections import section_by_key
from training import impact


@pytest.fixture
def built(demo_report):
    return demo_report


def test_the_chapter_is_in_the_learning_orders_and_written_by_learning_and_development(built):
    section = section_by_key("training")
    assert 400 <= section.order <= 499 and section.narrative
    assert section.written_by == "Learning and Development" and section.title == "Multi-agency training"


def test_the_narrative_and_the_published_figures_reach_the_pdf(built):
    text = built.pdf_text
    assert "Multi-agency training" in text
    assert "we hosted a learning event with the Met Police" in text
    chapter = built.section_text("training")
    assert "the partnership delivered 55 multi-agency training sessions across 10 courses" in chapter
    police = re.search(
        r"Modern Slavery and Child Exploitation: Police and Social Care Learning Event (\d+) (\d+)", chapter
    )
    assert police and police.group(1) == "1" and int(police.group(2)) > 70
    for caption in (
        "Sessions, delegates, confidence (1 to 5) and changed practice by course",
        "Attendance by sector",
        "Attendance and no-shows by agency",
    ):
        assert caption in chapter
    assert "Metropolitan Police Service, Central West Basic Command Unit" in chapter


def test_the_impact_figures_are_the_records(built):
    chapter = built.section_text("training")
    totals = impact.programme_totals(year=DEMO_YEAR)
    stages = totals["stages"]
    assert (
        f"mean confidence was {stages['before']['confidence']} before the session, {stages['after']['confidence']} "
        f"after it and {stages['follow_up']['confidence']} at follow-up" in chapter
    )
    # Shares print as whole per cents with their sign (lscp/percentages.py): "222 (72%)".
    assert f"{totals['changed']} ({totals['changed_share']}) said their practice had changed" in chapter
    assert f"a no-show rate of {totals['no_show_rate']}." in chapter


def test_the_chart_has_a_text_alternative(built):
    html = built.section_html("training")
    alt = re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', html).group(1)
    assert alt.startswith("Mean confidence from 1 to 5 before the session, after it and at follow-up, for the most")
    assert "Introduction to Safeguarding Children: before" in alt
