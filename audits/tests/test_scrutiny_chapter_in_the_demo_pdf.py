"""The demo's 2022/23 report carries the "Scrutiny and challenge" chapter, beside governance's professional challenge
chapter: the single-agency audits of the year, and no multi-agency audit, as the 2022/23 report says; the NRM
multi-agency audit (with its findings, grades and actions) and the relaunched Section 11 cycle are 2023/24's and
reach that year's chapter, all from the records."""

import pytest
from django.template.loader import render_to_string

from audits.report import scrutiny_context
from lscp.financial_year import FinancialYear
from reports.sections import section_by_key


@pytest.fixture
def chapter(demo_report):
    return demo_report.section_text("scrutiny")


def test_the_chapter_sits_in_the_scrutiny_orders_before_the_challenge_log():
    section = section_by_key("scrutiny")
    assert 600 <= section.order < section_by_key("challenge").order <= 699
    assert section.narrative and section.title != section_by_key("challenge").title


def test_the_narrative_and_the_single_agency_audits_reach_the_pdf(demo_report, chapter):
    assert "Scrutiny and challenge" in demo_report.pdf_text
    assert "But no multi-agency audit was held this year." in chapter
    assert "Was Not Brought" in chapter and "Child sexual exploitation" in chapter
    assert "No multi-agency audit was held in 2022/23." in chapter


@pytest.mark.django_db
def test_the_nrm_audit_and_the_section11_relaunch_reach_the_2023_24_chapter(demo):
    year = FinancialYear(2023)
    chapter = render_to_string(
        "audits/report/scrutiny.html", {**scrutiny_context(year), "year": year, "narrative_missing": True}
    )
    assert "National Referral Mechanism (NRM) decision making (September 2023)" in chapter
    assert "3 agencies took part" in chapter and "auditing 12 cases" in chapter
    # Grades: 2 outstanding, 7 good, 2 requires improvement, 1 inadequate of 12.
    # Whole per cents, rounded half up: 7 of 12 is 58%, 2 of 12 is 17%.
    assert '<td>Good</td><td class="num">7</td><td class="num">58%</td>' in chapter
    assert '<td>Outstanding</td><td class="num">2</td><td class="num">17%</td>' in chapter
    assert "1 complete" in chapter and "1 on track" in chapter
    assert "Section 11 audit 2023–24" in chapter and "had 6 agencies in scope" in chapter
    # Standard 2 (a safe organisation): 3 fully met, 1 partially met (the ICB) of the 4 returns submitted.
    standard = '2. A safe organisation: safe recruitment and managing allegations</td><td class="num">3 (75%)'
    assert standard in chapter
