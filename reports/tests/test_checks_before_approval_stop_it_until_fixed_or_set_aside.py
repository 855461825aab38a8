"""Before the partnership approves the report, one page lists every problem a reader would trip over, each with a
link to where it is fixed: unwritten chapters and placeholders (which must be fixed), chapters with no records
for the year, typed totals that do not equal their lines, percentages that do not add up to 100, abbreviations
the glossary does not explain and pictures with no text alternative. The business manager may set a problem
aside with a recorded reason; approval is refused while any problem stops it."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import GlossaryTerm, PolicyChange
from reports import services
from reports.checks import NO_RECORDS, PERCENTAGES, TOTALS, UNWRITTEN, image_problems, run_checks
from reports.models import CheckSetAside, ReportStatus
from reports.rendering import GatheredSection
from reports.sections import section_by_key

from .conftest import approving_meeting, set_aside_every_check, write_all_chapters

TYPED_TABLE = """Our budget this year:

| Contribution | Amount |
| --- | --- |
| Council | £100,000.00 |
| Police | £20,000.00 |
| Total | £125,000.00 |

Who came to our events:

| Agency | Share |
| --- | --- |
| Health | 40% |
| Education | 51% |
| Total | 100% |
"""


def problems_of(report, check=None):
    return [problem for problem in run_checks(report) if check is None or problem.check == check]


@pytest.mark.django_db
def test_a_typed_total_that_its_lines_do_not_give_is_found_with_both_figures(manager, report):
    write_all_chapters(report, manager)
    services.save_narrative(report=report, key="introduction", text=TYPED_TABLE, edited_by=manager)
    [total] = problems_of(report, TOTALS)
    assert "“Introduction”, table 1, “Amount”" in total.text
    assert "says £125,000.00, but the lines above it add up to £120,000.00" in total.text
    assert total.fix_url == reverse("reports:narrative", args=[report.year, "introduction"])
    [shares] = problems_of(report, PERCENTAGES)
    assert "table 2, “Share”: the shares add up to 91%, not 100%" in shares.text

    fixed = TYPED_TABLE.replace("£125,000.00", "£120,000.00").replace("51%", "60%")
    services.save_narrative(report=report, key="introduction", text=fixed, edited_by=manager)
    assert problems_of(report, TOTALS) == [] and problems_of(report, PERCENTAGES) == []


@pytest.mark.django_db
def test_a_chapter_with_no_records_for_the_year_is_found_until_it_has_one(manager, report):
    write_all_chapters(report, manager)
    empty = {problem.key for problem in problems_of(report, NO_RECORDS)}
    assert "no-records:policies" in empty and "no-records:inspections" in empty
    [policies] = [problem for problem in problems_of(report, NO_RECORDS) if problem.key == "no-records:policies"]
    assert policies.text == "“Policies and procedures” has no records for 2022/23: the report will say so."
    assert policies.fix_url == reverse(section_by_key("policies").records_url)

    PolicyChange.objects.create(title="Escalation policy", what_changed="Revised.", changed_on=date(2022, 11, 1))
    assert "no-records:policies" not in {problem.key for problem in problems_of(report, NO_RECORDS)}


@pytest.mark.django_db
def test_an_abbreviation_the_glossary_does_not_explain_is_found_with_a_link_to_add_it(manager, report):
    write_all_chapters(report, manager, text="The MACE panel met monthly.")
    found = {problem.key: problem for problem in run_checks(report) if problem.key.startswith("glossary:")}
    assert "glossary:MACE" in found
    assert found["glossary:MACE"].fix_url == reverse("admin:governance_glossaryterm_add") + "?term=MACE"
    GlossaryTerm.objects.create(
        term="MACE", expansion="Multi-Agency Child Exploitation", definition="The panel on exploited children."
    )
    assert "glossary:MACE" not in {problem.key for problem in run_checks(report)}


def test_a_picture_without_words_for_those_who_cannot_see_it_is_found():
    section = section_by_key("training")
    parts = [
        GatheredSection(
            section=section, context={}, html='<img src="a.svg" alt="Delegates by sector: 40 from health.">'
        ),
        GatheredSection(section=section, context={}, html='<p>x</p><img src="b.svg"><img src="c.svg" alt=" ">'),
        GatheredSection(section=section, context={}, html='<svg viewBox="0 0 1 1"></svg><svg aria-label="A chart">'),
    ]
    assert len(image_problems(parts)) == 3


@pytest.mark.django_db
def test_approval_is_refused_while_a_check_stops_it_and_allowed_once_each_is_set_aside(manager, report):
    write_all_chapters(report, manager)
    meeting = approving_meeting(report)
    with pytest.raises(services.ValidationError, match="before approval still fail"):
        services.approve_report(report=report, approved_by=manager, meeting=meeting)
    assert report.status == ReportStatus.DRAFT

    set_aside_every_check(report, manager)
    services.approve_report(report=report, approved_by=manager, meeting=meeting)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED


@pytest.mark.django_db
def test_an_unwritten_chapter_cannot_be_set_aside(manager, report):
    [unwritten, *_] = problems_of(report, UNWRITTEN)
    assert not unwritten.can_set_aside
    with pytest.raises(services.ValidationError, match="must be fixed, not set aside"):
        services.set_aside_check(report=report, key=unwritten.key, reason="We will add it later.", by=manager)
    assert not CheckSetAside.objects.exists()


@pytest.mark.django_db
def test_the_page_sets_a_check_aside_only_with_a_reason_and_can_undo_it(client, manager, report):
    write_all_chapters(report, manager)
    client.force_login(manager)
    page_url = reverse("reports:approve", args=[report.year])
    page = client.get(page_url).content.decode()
    assert "Chapters with no records for the year" in page and 'name="meeting"' not in page

    key = "no-records:policies"
    refused = client.post(page_url, {"action": "set_aside", "key": key, "reason": "  "})
    assert refused.status_code == 200 and "Say why the report can be approved as it is." in refused.content.decode()
    assert not CheckSetAside.objects.filter(key=key).exists()

    reason = "No policy changed this year: the report says so."
    client.post(page_url, {"action": "set_aside", "key": key, "reason": reason})
    record = CheckSetAside.objects.get(report=report, key=key)
    assert record.reason == reason and record.set_aside_by == manager
    page = client.get(page_url).content.decode()
    assert "Set aside by Eleanor Manager on" in page and reason in page

    client.post(page_url, {"action": "restore", "key": key})
    assert not CheckSetAside.objects.filter(key=key).exists()


@pytest.mark.django_db
def test_with_every_check_passed_or_set_aside_the_page_offers_the_approval(client, manager, report):
    write_all_chapters(report, manager)
    approving_meeting(report)
    set_aside_every_check(report, manager)
    client.force_login(manager)
    page = client.get(reverse("reports:approve", args=[report.year])).content.decode()
    assert "Nothing stops approval" in page and 'name="meeting"' in page


@pytest.mark.django_db
def test_the_demo_report_passes_every_check(demo):
    from lscp.financial_year import FinancialYear
    from reports.models import AnnualReport

    report = AnnualReport.objects.get(year=FinancialYear(2022))
    assert [problem.text for problem in run_checks(report)] == []
