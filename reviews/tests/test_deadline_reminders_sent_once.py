"""Deadline reminders go to the business managers and the Case Review chairs at each lead time before a deadline,
once each: the beat task run twice sends nothing the second time; the next lead time sends again; a deadline
that moves is reminded again for its new date; with nobody to send to, nothing is recorded as sent."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from lscp.roles import BUSINESS_MANAGERS_GROUP
from lscp.working_days import add_working_days
from partnership.models import MembershipRole
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory
from reviews import services
from reviews.models import DeadlineReminder
from reviews.tasks import send_deadline_reminders
from reviews.tests.factories import SeriousIncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recipients(role_groups, settings):
    settings.REVIEW_REMINDER_LEAD_DAYS = [5, 1]
    settings.CASE_REVIEW_BODY_NAME = "Case Review Subgroup"
    manager = UserFactory(username="bm", email="bm@lscp.example.org", is_staff=True)
    manager.groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    UserFactory(username="former", email="former@lscp.example.org", is_staff=True, is_active=False).groups.add(
        Group.objects.get(name=BUSINESS_MANAGERS_GROUP)
    )
    chair = PersonFactory(email="cr.chair@police.example.org")
    MembershipFactory(person=chair, body=BodyFactory(name="Case Review Subgroup"), role=MembershipRole.CO_CHAIR)
    MembershipFactory(person=PersonFactory(email="member@nhs.example.org"), body=chair.memberships.get().body)
    return ["bm@lscp.example.org", "cr.chair@police.example.org"]


def test_the_task_run_twice_sends_each_reminder_once(recipients):
    today = timezone.localdate()
    # The Panel must be notified 5 working days after today: the 5-day reminder is due today.
    SeriousIncidentFactory(code_name="Child R", occurred_on=today, la_aware_on=today)
    mail.outbox = []

    send_deadline_reminders.delay()
    send_deadline_reminders.delay()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == sorted(recipients)
    assert message.subject.startswith("Child R: Notify the National Panel by ")
    assert "Working Together to Safeguard Children 2018" in message.body
    reminder = DeadlineReminder.objects.get()
    assert (reminder.rule, reminder.lead_working_days) == ("panel_notification", 5)


def test_the_next_lead_time_and_a_moved_deadline_send_again(recipients):
    aware = date(2023, 5, 4)
    incident = SeriousIncidentFactory(code_name="Child S", occurred_on=aware, la_aware_on=aware)
    assert incident.panel_notification_due == date(2023, 5, 12)
    mail.outbox = []

    assert services.send_deadline_reminders(today=date(2023, 5, 4)) == 1  # 5 working days before
    assert services.send_deadline_reminders(today=date(2023, 5, 10)) == 0  # nothing new
    assert services.send_deadline_reminders(today=date(2023, 5, 11)) == 1  # 1 working day before
    assert services.send_deadline_reminders(today=date(2023, 5, 11)) == 0
    assert [(r.rule, r.lead_working_days) for r in DeadlineReminder.objects.order_by("sent_at")] == [
        ("panel_notification", 5),
        ("panel_notification", 1),
    ]

    # Notified on the 11th: the rapid review is now due 15 working days after, and reminded for that date.
    services.record_panel_notification(incident=incident, notified_on=date(2023, 5, 11))
    incident.refresh_from_db()
    assert services.send_deadline_reminders(today=add_working_days(incident.rapid_review_due, -5)) == 1
    assert DeadlineReminder.objects.filter(rule="rapid_review", due_date=incident.rapid_review_due).count() == 1
    assert len(mail.outbox) == 3


def test_the_database_refuses_a_second_record_of_the_same_reminder(recipients):
    incident = SeriousIncidentFactory(code_name="Child Q2")
    fields = {"incident": incident, "rule": "panel_notification", "due_date": date(2023, 5, 12), "lead_working_days": 5}
    DeadlineReminder.objects.create(**fields, sent_to="bm@lscp.example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        DeadlineReminder.objects.create(**fields, sent_to="bm@lscp.example.org")


def test_with_nobody_to_send_to_nothing_is_recorded(db, settings):
    settings.REVIEW_REMINDER_LEAD_DAYS = [5, 1]
    today = timezone.localdate()
    SeriousIncidentFactory(code_name="Child O", occurred_on=today, la_aware_on=today)
    mail.outbox = []
    assert services.send_deadline_reminders() == 0
    assert mail.outbox == [] and not DeadlineReminder.objects.exists()
