"""The chapters a report needs are those the section registry lists now, not those it listed when the report
was started: a chapter an app registers later is offered on the report page and blocks approval until written."""

import pytest
from django.urls import reverse

from reports import services
from reports.models import NarrativeSection, ReportStatus

from .conftest import approve, narrative_section, write_all_chapters

# A chapter no app registers yet (the case reviews app has registered "Learning from reviews" since).
LEARNING = narrative_section("learning-from-audits", "Learning from audits")


@pytest.mark.django_db
def test_a_chapter_registered_after_the_report_was_started_is_offered_on_the_report_page(
    client, manager, report, register_sections
):
    assert not report.narratives.filter(key=LEARNING.key).exists()
    register_sections(LEARNING)
    client.force_login(manager)
    page = client.get(reverse("reports:report", args=[report.year])).content.decode()
    assert "Learning from audits" in page
    assert reverse("reports:narrative", args=[report.year, LEARNING.key]) in page
    assert report.narratives.filter(key=LEARNING.key, text="").exists()


@pytest.mark.django_db
def test_approval_is_refused_while_a_later_registered_chapter_is_empty(manager, report, register_sections):
    write_all_chapters(report, manager)
    register_sections(LEARNING)
    with pytest.raises(services.ValidationError, match="have not been written yet: Learning from audits"):
        approve(report, manager)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT

    services.save_narrative(report=report, key=LEARNING.key, text="What the reviews taught us.", edited_by=manager)
    approve(report, manager)
    assert report.status == ReportStatus.APPROVED


@pytest.mark.django_db
def test_the_refusal_names_every_unwritten_chapter_in_report_order(manager, report, register_sections):
    register_sections(LEARNING)
    services.save_narrative(report=report, key="foreword", text="Written.", edited_by=manager)
    with pytest.raises(services.ValidationError) as refused:
        approve(report, manager)
    message = refused.value.messages[0]
    assert "Foreword" not in message
    titles = [section.title for section in services.narrative_sections() if section.key != "foreword"]
    assert "Learning from audits" in titles
    assert message == services.CHAPTERS_UNWRITTEN % {"titles": ", ".join(titles)}


@pytest.mark.django_db
def test_a_blank_chapter_counts_as_unwritten(manager, report):
    write_all_chapters(report, manager)
    services.save_narrative(report=report, key="introduction", text="  \n\n ", edited_by=manager)
    with pytest.raises(services.ValidationError, match="have not been written yet: Introduction"):
        approve(report, manager)


@pytest.mark.django_db
def test_a_later_registered_chapter_can_be_saved_before_anyone_opened_it(manager, report, register_sections):
    register_sections(LEARNING)
    services.save_narrative(report=report, key=LEARNING.key, text="Saved first.", edited_by=manager)
    assert NarrativeSection.objects.get(report=report, key=LEARNING.key).text == "Saved first."


@pytest.mark.django_db
def test_making_sure_of_the_chapters_costs_one_query_when_none_is_missing(
    report, register_sections, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert services.ensure_narratives(report) == []
    register_sections(LEARNING)
    made = services.ensure_narratives(report)
    assert [n.key for n in made] == [LEARNING.key]
    assert report.narratives.get(key=LEARNING.key).history.count() == 1  # its creation is in the history
    with django_assert_num_queries(1):
        assert services.ensure_narratives(report) == []
