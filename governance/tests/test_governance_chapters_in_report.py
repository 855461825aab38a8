"""The governance records' chapters: each one's text is found in the built PDF of the demo report."""

import io
import re

import pypdf
import pytest

from governance.models import GlossaryTerm, Priority
from governance.report import glossary_used_in
from lscp.financial_year import FinancialYear
from reports.models import AnnualReport
from reports.rendering import build_pdf, gather

YEAR = FinancialYear(2022)


@pytest.fixture
def demo_report(demo):
    return AnnualReport.objects.get(year=YEAR)


@pytest.fixture
def demo_pdf_text(demo_report):
    GlossaryTerm.objects.create(term="ZQX", expansion="A term nobody uses", definition="Never in the report.")
    data, pages, _ = build_pdf(demo_report)
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


@pytest.mark.django_db
def test_the_demo_report_has_every_governance_chapter_with_computed_figures(demo_pdf_text):
    text = " ".join(demo_pdf_text)
    for priority in Priority.objects.for_year(YEAR):
        assert f"Priority {priority.number}: {priority.title}" in text
    for heading in (
        "Activity Purpose Impact What next?",
        "You said, we did",
        "Key work by partners",
        "Professional challenge and escalation",
        "Appendix: Glossary",
        "Appendix: Financial arrangements",
    ):
        assert heading in text, heading
    # the 2022/23 report's appendix 3, computed from the lines: the published totals
    for figure in ("£82,047.74", "£94,765.58", "£109,170.50", "£82,716.50", "(£27,122.76)", "£12,049.08"):
        assert figure in text, figure
    assert "Children's Services RBKC/WCC" in text  # an accepted partner's statement
    assert "ZQX" not in text  # the glossary lists only the terms the report uses
    assert "LADO" in text and "Local Authority Designated Officer" in text


@pytest.mark.django_db
def test_each_priority_is_a_chapter_in_the_contents(demo_report):
    keys = [part.section.key for part in gather(demo_report)]
    numbers = sorted(Priority.objects.for_year(YEAR).values_list("number", flat=True))
    assert [k for k in keys if k.startswith("priority-")] == [f"priority-{n}" for n in numbers]
    assert len(numbers) == 4


def test_the_glossary_keeps_only_terms_used_as_whole_words():
    terms = [GlossaryTerm(term="MASH"), GlossaryTerm(term="LADO"), GlossaryTerm(term="ICB")]
    context = glossary_used_in({"terms": terms}, "Referrals reach the MASH; the LADO advises. SMASHING news.")
    assert [t.term for t in context["terms"]] == ["MASH", "LADO"]


@pytest.mark.django_db
def test_a_year_without_records_says_so_in_each_chapter(db):
    from reports import services

    report = services.create_report(year=FinancialYear(2015))
    from reports.rendering import render_html

    html = render_html(report, gather(report))
    assert "No “You said, we did” entries are recorded for 2015/16." in html
    assert "No partner's statement for 2015/16 has been accepted yet." in html
    assert "No contributions or expenditure are recorded for 2015/16." in html
