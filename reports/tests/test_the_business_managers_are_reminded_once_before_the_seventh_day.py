"""Before the seventh day after publication, the business managers are e-mailed a reminder of each body the report
has not yet been sent to (Celery beat, every morning), once for each; a body it was sent to is left out."""

from datetime import date

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.urls import reverse

from lscp.roles import BUSINESS_MANAGERS_GROUP
from partnership.tests.factories import UserFactory
from reports import services
from reports.models import ReportRecipient
from reports.tasks import send_duty_reminders as send_duty_reminders_task

from .conftest import publish

PUBLISHED = date(2023, 10, 2)  # a Monday: due Monday 9 October
SITE = "https://lscp.example.org"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SITE_URL = SITE
    settings.REPORT_DUTY_REMINDER_DAYS = 2


@pytest.fixture
def published(report, manager):
    ReportRecipient.objects.create(name="Westminster Health and Wellbeing Board", email="hwb@example.org")
    return publish(report, on=PUBLISHED)


def remind(day):
    return services.send_duty_reminders(today=day)


@pytest.mark.django_db
def test_nothing_is_sent_before_the_reminder_is_due(published, mailoutbox):
    assert remind(PUBLISHED) == 0
    assert remind(date(2023, 10, 6)) == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_two_days_before_the_seventh_the_business_managers_get_one_reminder_of_every_body_not_yet_sent_to(
    published, manager, mailoutbox
):
    other_manager = UserFactory(username="deputy", is_staff=True, email="Deputy@example.org")
    other_manager.groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    UserFactory(username="not-a-manager", email="chair@example.org")
    services.record_duty_sent(
        duty=published.duties.get(recipient_name="Westminster Health and Wellbeing Board"),
        sent_by=manager,
        how_described="By post",
        sent_on=PUBLISHED,
    )

    assert remind(date(2023, 10, 7)) == 2

    [message] = mailoutbox
    assert sorted(message.to) == ["Deputy@example.org", manager.email]
    assert message.subject == "Annual report 2022/23: send it to 2 bodies by 9 October 2023"
    assert "Child Safeguarding Practice Review Panel: due by Monday 9 October 2023, in 2 days" in message.body
    assert "Foundations (the What Works Centre): due by Monday 9 October 2023, in 2 days" in message.body
    assert "no e-mail address" in message.body
    assert "Westminster Health and Wellbeing Board" not in message.body
    assert f"{SITE}{reverse('reports:duties', args=[published.year])}" in message.body


@pytest.mark.django_db
def test_each_duty_is_reminded_once_however_often_the_job_runs(published, mailoutbox):
    assert remind(date(2023, 10, 7)) == 3
    assert remind(date(2023, 10, 7)) == 0
    assert remind(date(2023, 10, 8)) == 0
    assert remind(date(2023, 10, 12)) == 0
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_duty_the_reminders_missed_is_reminded_as_overdue(published, mailoutbox):
    assert remind(date(2023, 10, 11)) == 3
    [message] = mailoutbox
    assert message.subject == "Annual report 2022/23: overdue to 3 bodies"
    assert "OVERDUE, it was due on Monday 9 October 2023" in message.body


@pytest.mark.django_db
def test_a_reminder_the_mail_server_refuses_is_tried_again_next_time(published, monkeypatch, mailoutbox):
    from django.core.mail import EmailMessage

    send = EmailMessage.send

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with pytest.raises(services.DutyRemindersNotSent):
        remind(date(2023, 10, 7))
    assert not published.duties.filter(reminder_sent_at__isnull=False).exists()

    monkeypatch.setattr(EmailMessage, "send", send)
    assert remind(date(2023, 10, 7)) == 3
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_beat_runs_the_thin_task_every_morning(published, mailoutbox, monkeypatch):
    entry = django_settings.CELERY_BEAT_SCHEDULE["annual-report-duty-reminders"]
    assert entry["task"] == "reports.tasks.send_duty_reminders"
    assert entry["schedule"].hour == {7} and len(entry["schedule"].day_of_week) == 7
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: date(2023, 10, 7))
    assert send_duty_reminders_task.apply().get() == 3
    assert len(mailoutbox) == 1
