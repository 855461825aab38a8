"""The listening chapter names the engagement subgroup as its writer, so that subgroup's chairs write it; in
the demo that is the Children and Community Engagement and Accountability Subgroup."""

from lscp.financial_year import FinancialYear
from reports.models import AnnualReport
from reports.sections import section_by_key


def test_the_listening_section_asks_for_the_engagement_subgroup():
    assert section_by_key("listening").written_by == "Children and Community Engagement"


def test_the_demo_report_gives_the_listening_chapter_to_the_engagement_subgroup(demo):
    report = AnnualReport.objects.get(year=FinancialYear(2022))
    chapter = report.narratives.select_related("written_by").get(key="listening")
    assert chapter.written_by.name == "Children and Community Engagement and Accountability Subgroup"
