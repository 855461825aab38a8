"""Two runs of the deadline reminder job at the same moment (beat fired twice, or two workers) send each reminder
once: a run records the reminder before sending it, so the other waits on that record, then skips. Real PostgreSQL,
two connections."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from lscp.overlapping_runs import run_twice_at_once
from lscp.roles import BUSINESS_MANAGERS_GROUP
from partnership.tests.factories import UserFactory
from reviews.models import DeadlineReminder
from reviews.services import send_deadline_reminders
from reviews.tests.factories import SeriousIncidentFactory


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_the_deadline_reminder_once(role_groups, settings, mailoutbox):
    settings.REVIEW_REMINDER_LEAD_DAYS = [5]
    manager = UserFactory(username="bm", email="bm@lscp.example.org", is_staff=True)
    manager.groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    today = timezone.localdate()
    # The Panel must be notified 5 working days after today: the 5-day reminder is due today.
    SeriousIncidentFactory(code_name="Child R", occurred_on=today, la_aware_on=today)

    first, second = run_twice_at_once(send_deadline_reminders)

    assert (first, second) == (1, 0)
    assert [message.to for message in mailoutbox] == [["bm@lscp.example.org"]]
    assert DeadlineReminder.objects.count() == 1
