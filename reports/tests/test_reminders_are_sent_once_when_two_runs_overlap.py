"""Two runs of an annual report reminder job at the same moment (beat fired twice, or a retry overlapping the first
run, on two workers) send each reminder once. The duties' reminder locks its rows, so the second run skips them;
the chapters' reminder inserts its record first, so the second run waits on it, then skips. Real PostgreSQL, two
connections."""

from datetime import date

import pytest

from lscp.overlapping_runs import run_twice_at_once
from reports import services
from reports.models import ContributionReminder, NarrativeSection, ReportDuty, ReportRecipient

from .conftest import publish


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_remind_the_business_managers_of_the_duties_once(report, manager, mailoutbox, settings):
    settings.REPORT_DUTY_REMINDER_DAYS = 2
    ReportRecipient.objects.create(name="Westminster Health and Wellbeing Board", email="hwb@example.org")
    publish(report, on=date(2023, 10, 2))  # the duties fall due on Monday 9 October

    first, second = run_twice_at_once(lambda: services.send_duty_reminders(today=date(2023, 10, 7)))

    assert (first, second) == (ReportDuty.objects.count(), 0)
    assert [message.to for message in mailoutbox] == [[manager.email]]
    assert not ReportDuty.objects.filter(reminder_sent_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_remind_a_chapters_contributor_once(report, partner, mailoutbox):
    narrative = NarrativeSection.objects.get(report=report, key="foreword")
    services.assign_contribution(narrative=narrative, assigned_to=partner, due_on=date(2023, 6, 30))

    first, second = run_twice_at_once(lambda: services.send_contribution_reminders(today=date(2023, 6, 30)))

    assert (first, second) == (1, 0)
    assert [message.to for message in mailoutbox] == [[partner.email]]
    assert ContributionReminder.objects.count() == 1
