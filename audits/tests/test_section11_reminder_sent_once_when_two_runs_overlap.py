"""Two runs of the Section 11 / 175 reminder job at the same moment (beat fired twice, or two workers) send each
agency its reminder once: a run records the notice before sending it, so the other waits on that record, then
skips. Real PostgreSQL, two connections."""

from datetime import date

import pytest

from audits.models import CycleNotice
from audits.services.section11_notices import send_return_reminders
from lscp.overlapping_runs import run_twice_at_once
from partnership.tests.factories import AgencyFactory, PersonFactory, UserFactory

from .factories import make_cycle


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_remind_the_agency_once(settings, mailoutbox):
    settings.SECTION11_REMINDER_WORKING_DAYS = 10
    agency = AgencyFactory(name="Absent Agency")
    PersonFactory(agency=agency, email="absent@agency.example.org", user=UserFactory(username="absent"))
    make_cycle(agency, opens_on=date(2026, 1, 5), closes_on=date(2026, 3, 27), name="Section 11 2026")
    reminders = CycleNotice.objects.exclude(kind="invitation")

    first, second = run_twice_at_once(lambda: send_return_reminders(today=date(2026, 3, 13)))

    assert (first, second) == (1, 0)
    assert [message.to for message in mailoutbox] == [["absent@agency.example.org"]]
    assert reminders.count() == 1
