"""A chapter not yet written is e-mailed to its contributor (the person named, else its body's chairs)
CONTRIBUTION_REMINDER_WORKING_DAYS working days before its due date, on the day, and once it is late: each once, with
the link to the chapter's page. A written chapter, or one of a report no longer in draft, is not reminded."""

from datetime import date

import pytest
from django.urls import reverse

from reports import services
from reports.models import ContributionReminder, NarrativeSection, ReportStatus
from reports.tasks import send_contribution_reminders as send_contribution_reminders_task

SITE = "https://lscp.example.org"
DUE = date(2023, 6, 30)  # a Friday
FIVE_WORKING_DAYS_BEFORE = date(2023, 6, 23)  # the Friday before


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SITE_URL = SITE
    settings.CONTRIBUTION_REMINDER_WORKING_DAYS = 5


@pytest.fixture
def foreword(report, partner):
    narrative = NarrativeSection.objects.get(report=report, key="foreword")
    return services.assign_contribution(narrative=narrative, assigned_to=partner, due_on=DUE)


def remind(day):
    return services.send_contribution_reminders(today=day)


@pytest.mark.django_db
def test_nothing_is_sent_until_five_working_days_before(foreword, mailoutbox):
    assert remind(date(2023, 6, 22)) == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_contributor_is_reminded_before_on_and_after_the_due_date_once_each(foreword, partner, mailoutbox):
    chapter_url = SITE + reverse("reports:narrative", args=[foreword.report.year, "foreword"])

    assert remind(FIVE_WORKING_DAYS_BEFORE) == 1
    assert remind(date(2023, 6, 26)) == 0  # the "before" reminder went already
    assert remind(DUE) == 1
    assert remind(DUE) == 0
    assert remind(date(2023, 7, 3)) == 1
    assert remind(date(2023, 7, 10)) == 0

    assert [message.to for message in mailoutbox] == [[partner.email]] * 3
    assert all(chapter_url in message.body for message in mailoutbox)
    assert "is due on 30 June 2023" in mailoutbox[0].subject
    assert "due today" in mailoutbox[1].subject
    assert "overdue" in mailoutbox[2].subject
    assert sorted(ContributionReminder.objects.values_list("kind", flat=True)) == ["before", "on", "overdue"]


@pytest.mark.django_db
def test_a_chapter_of_a_body_nobody_named_goes_to_the_bodys_chairs(report, register_sections, chair, mailoutbox):
    from .conftest import narrative_section

    register_sections(narrative_section("case-reviews", "Learning from case reviews", written_by="case review"))
    services.ensure_narratives(report)
    narrative = report.narratives.get(key="case-reviews")
    services.assign_contribution(narrative=narrative, assigned_to=None, due_on=DUE)

    assert remind(DUE) == 1
    assert mailoutbox[0].to == [chair.email]
    assert "the chairs of the Case Review Subgroup" in mailoutbox[0].body


@pytest.mark.django_db
def test_a_written_chapter_or_an_approved_report_is_not_reminded(foreword, manager, mailoutbox):
    services.save_narrative(report=foreword.report, key="foreword", text="Written.", edited_by=manager)
    assert remind(DUE) == 0

    NarrativeSection.objects.filter(pk=foreword.pk).update(text="")
    type(foreword.report).objects.filter(pk=foreword.report.pk).update(status=ReportStatus.APPROVED)
    assert remind(DUE) == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_new_due_date_starts_its_own_reminders(foreword, partner, mailoutbox):
    assert remind(DUE) == 1
    services.assign_contribution(narrative=foreword, assigned_to=partner, due_on=date(2023, 7, 14))
    assert remind(date(2023, 7, 14)) == 1
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_a_refused_email_records_nothing_and_the_task_tries_again(foreword, mailoutbox, monkeypatch):
    from django.core.mail import EmailMessage

    def refuse(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with pytest.raises(services.ContributionRemindersNotSent):
        remind(DUE)
    assert not ContributionReminder.objects.exists()
    monkeypatch.undo()
    assert remind(DUE) == 1


@pytest.mark.django_db
def test_the_beat_task_sends_todays_reminders(foreword, partner, mailoutbox, settings):
    from django.utils import timezone

    services.assign_contribution(narrative=foreword, assigned_to=partner, due_on=timezone.localdate())
    assert send_contribution_reminders_task.apply().get() == 1
    assert mailoutbox[0].to == [partner.email]
    assert "annual-report-contribution-reminders" in settings.CELERY_BEAT_SCHEDULE
