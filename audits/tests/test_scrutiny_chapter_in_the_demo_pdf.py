"""The demo's 2022/23 report carries the "Scrutiny and challenge" chapter, beside governance's professional challenge
chapter: the single-agency audits, the NRM multi-agency audit with its findings, grades and actions, and the
Section 11 results of the 2022–23 cycle, all from the records."""

import pytest

from reports.sections import section_by_key


@pytest.fixture
def chapter(demo_report):
    return demo_report.section_text("scrutiny")


def test_the_chapter_sits_in_the_scrutiny_orders_before_the_challenge_log():
    section = section_by_key("scrutiny")
    assert 600 <= section.order < section_by_key("challenge").order <= 699
    assert section.narrative and section.title != section_by_key("challenge").title


def test_the_narrative_and_the_audits_reach_the_pdf(demo_report, chapter):
    assert "Scrutiny and challenge" in demo_report.pdf_text
    assert "This year's multi-agency audit looked at the decisions on children referred" in chapter
    assert "Was Not Brought" in chapter and "Child sexual exploitation" in chapter
    assert "National Referral Mechanism (NRM) decision making (September 2022)" in chapter
    assert "3 agencies took part" in chapter and "auditing 12 cases" in chapter
    # Grades: 2 outstanding, 7 good, 2 requires improvement, 1 inadequate of 12.
    assert "Good 7 58%" in chapter and "Outstanding 2 17%" in chapter  # whole per cents, rounded half up
    assert "1 complete" in chapter and "1 on track" in chapter


def test_the_section11_results_come_from_the_2022_23_cycle(chapter):
    assert "Section 11 audit 2022–23" in chapter
    assert "had 6 agencies in scope" in chapter
    # Standard 2 (a safe organisation): 3 fully met, 1 partially met (the ICB) of the 4 returns submitted.
    assert "2. A safe organisation: safe recruitment and managing allegations 3 (75%) 1 (25%) 0 (0%)" in chapter
