"""A statement asked for and not yet sent is e-mailed to its writer (the person named, else the agency's partner
representatives) CONTRIBUTION_REMINDER_WORKING_DAYS working days before its due date, on the day, and once it is late:
each once, with the link to write it, from the Celery beat task; a second run sends nothing more. A submitted or
accepted statement is not reminded; a returned one is."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import AgencyStatement, StatementReminder, StatementStatus
from governance.services.statements import request_statement, send_statement_reminders
from governance.tasks import send_statement_reminders as send_statement_reminders_task
from lscp.financial_year import FinancialYear

YEAR = FinancialYear(2023)
SITE = "https://lscp.example.org"
DUE = date(2024, 6, 28)  # a Friday
FIVE_WORKING_DAYS_BEFORE = date(2024, 6, 21)  # the Friday before


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SITE_URL = SITE
    settings.CONTRIBUTION_REMINDER_WORKING_DAYS = 5


@pytest.fixture
def asked(manager, partner):
    return request_statement(agency=partner.person.agency, year=YEAR, assigned_to=None, due_on=DUE, by=manager)


def remind(day):
    return send_statement_reminders(today=day)


@pytest.mark.django_db
def test_before_on_and_after_the_due_date_each_once(asked, partner, mailoutbox):
    assert remind(date(2024, 6, 20)) == 0 and mailoutbox == []

    assert remind(FIVE_WORKING_DAYS_BEFORE) == 1
    assert remind(date(2024, 6, 24)) == 0  # the "before" reminder went already
    assert remind(DUE) == 1
    assert remind(DUE) == 0
    assert remind(date(2024, 7, 1)) == 1
    assert remind(date(2024, 7, 8)) == 0

    assert [m.subject for m in mailoutbox] == [
        f"Statement of {asked.agency.name} for 2023/24 is due on 28 June 2024",
        f"Statement of {asked.agency.name} for 2023/24 is due today",
        f"Statement of {asked.agency.name} for 2023/24 is overdue",
    ]
    assert all(m.to == [partner.person.email] for m in mailoutbox)
    assert f"{SITE}{reverse('governance:our_statement', args=[YEAR])}" in mailoutbox[0].body
    assert list(StatementReminder.objects.values_list("kind", flat=True).order_by("sent_at")) == [
        "before",
        "on",
        "overdue",
    ]


@pytest.mark.django_db
def test_a_sent_statement_is_not_reminded_and_a_returned_one_is(asked, mailoutbox):
    statement = AgencyStatement.objects.create(
        agency=asked.agency, year=YEAR, text="Done.", status=StatementStatus.SUBMITTED
    )
    assert remind(DUE) == 0
    statement.status, statement.manager_comments = StatementStatus.RETURNED, "Say more about training."
    statement.save()
    assert remind(DUE) == 1 and "returned" in mailoutbox[0].body.lower()


@pytest.mark.django_db
def test_a_new_due_date_starts_its_reminders_afresh(asked, manager, mailoutbox):
    assert remind(DUE) == 1
    request_statement(agency=asked.agency, year=YEAR, assigned_to=None, due_on=date(2024, 7, 5), by=manager)
    assert remind(date(2024, 7, 5)) == 1
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_a_refused_email_records_nothing_and_the_task_tries_again(asked, monkeypatch, mailoutbox):
    from django.core.mail import EmailMessage

    from governance.services.statements import StatementRemindersNotSent

    def refuse(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with pytest.raises(StatementRemindersNotSent):
        remind(DUE)
    assert not StatementReminder.objects.exists()


@pytest.mark.django_db
def test_the_beat_task_sends_todays_reminders_and_a_second_run_nothing(manager, partner, mailoutbox, settings):
    request_statement(
        agency=partner.person.agency, year=YEAR, assigned_to=partner, due_on=timezone.localdate(), by=manager
    )
    assert send_statement_reminders_task.apply().get() == 1
    assert send_statement_reminders_task.apply().get() == 0
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [partner.person.email]
    schedule = settings.CELERY_BEAT_SCHEDULE["agency-statement-reminders"]
    assert schedule["task"] == "governance.tasks.send_statement_reminders"
