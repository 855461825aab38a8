"""Each working morning, agencies whose Section 11 return is not submitted (none yet, not started, in progress,
returned for more evidence) are reminded SECTION11_REMINDER_WORKING_DAYS working days before the close date, and
told it is overdue on the first working day after it, copied to the business team: each once per close date. A
mail server that refuses leaves nothing recorded, so the next run sends it."""

from datetime import date, timedelta

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone

from audits.models import CycleNotice
from audits.services.section11_notices import NoticesNotSent, send_return_reminders
from audits.tasks import send_section11_reminders
from lscp.working_days import add_working_days
from partnership.tests.factories import AgencyFactory, PersonFactory, UserFactory

from .factories import ReturnFactory, make_cycle

pytestmark = pytest.mark.django_db

TEAM = "LSCP business team <lscp@example.org>"
CLOSES = date(2026, 3, 27)  # a Friday
REMINDER_DAY = date(2026, 3, 13)  # ten working days before
OVERDUE_DAY = date(2026, 3, 30)  # the Monday after


class RefusingBackend(EmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down.")


def represented(name):
    agency = AgencyFactory(name=name)
    email = f"{name.split()[0].lower()}@agency.example.org"
    PersonFactory(agency=agency, email=email, user=UserFactory(username=name.split()[0].lower()))
    return agency


@pytest.fixture
def agencies(settings):
    settings.SECTION11_REMINDER_WORKING_DAYS = 10
    settings.DEFAULT_FROM_EMAIL = TEAM
    settings.SITE_URL = "https://lscp.example.org"
    names = ["Absent Agency", "Begun Agency", "Corrected Agency", "Done Agency", "Everything Agency"]
    return {name.split()[0].lower(): represented(name) for name in names}


@pytest.fixture
def cycle(agencies):
    cycle = make_cycle(*agencies.values(), opens_on=date(2026, 1, 5), closes_on=CLOSES, name="Section 11 2026")
    ReturnFactory(cycle=cycle, agency=agencies["begun"], status="in_progress")
    ReturnFactory(cycle=cycle, agency=agencies["corrected"], status="returned")
    ReturnFactory(cycle=cycle, agency=agencies["done"], status="submitted")
    ReturnFactory(cycle=cycle, agency=agencies["everything"], status="accepted")
    return cycle


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def test_the_reminder_day_is_ten_working_days_before_the_close_date():
    assert add_working_days(CLOSES, -10) == REMINDER_DAY
    assert add_working_days(CLOSES, 1) == OVERDUE_DAY


def test_nothing_goes_the_day_before_the_reminder_day(cycle, mailoutbox):
    assert send_return_reminders(today=REMINDER_DAY - timedelta(days=1)) == 0
    assert mailoutbox == []


def test_on_the_reminder_day_only_unsubmitted_returns_are_reminded_once(cycle, mailoutbox):
    assert send_return_reminders(today=REMINDER_DAY) == 3
    assert recipients(mailoutbox) == [
        "absent@agency.example.org",
        "begun@agency.example.org",
        "corrected@agency.example.org",
    ]
    begun = next(m for m in mailoutbox if m.to == ["begun@agency.example.org"])
    assert "in progress" in begun.body and "27 March 2026" in begun.body
    assert "https://lscp.example.org" + reverse("audits:start_return", args=[cycle.pk]) in begun.body
    assert send_return_reminders(today=REMINDER_DAY) == 0
    assert send_return_reminders(today=REMINDER_DAY + timedelta(days=3)) == 0
    assert len(mailoutbox) == 3


def test_a_moved_close_date_reminds_again(cycle, mailoutbox):
    send_return_reminders(today=REMINDER_DAY)
    cycle.closes_on = date(2026, 4, 24)
    cycle.save()
    assert send_return_reminders(today=REMINDER_DAY + timedelta(days=1)) == 0
    assert send_return_reminders(today=add_working_days(date(2026, 4, 24), -10)) == 3


def test_the_overdue_notice_goes_once_on_the_first_working_day_after_copied_to_the_team(cycle, mailoutbox):
    assert send_return_reminders(today=CLOSES) == 3  # the reminders, caught up; not yet overdue
    mailoutbox.clear()
    assert send_return_reminders(today=CLOSES + timedelta(days=1)) == 0  # Saturday: not a working day
    assert send_return_reminders(today=OVERDUE_DAY) == 3
    assert recipients(mailoutbox) == [
        "absent@agency.example.org",
        "begun@agency.example.org",
        "corrected@agency.example.org",
    ]
    assert all(message.cc == [TEAM] for message in mailoutbox)
    assert all("Overdue" in message.subject for message in mailoutbox)
    assert send_return_reminders(today=OVERDUE_DAY + timedelta(days=1)) == 0
    assert len(mailoutbox) == 3


def test_an_overdue_agency_with_nobody_who_signs_in_is_reported_to_the_team_alone(cycle, mailoutbox):
    cycle.agencies.add(AgencyFactory(name="Housing Services"))
    send_return_reminders(today=OVERDUE_DAY)
    housing = next(m for m in mailoutbox if "Housing Services" in m.subject)
    assert housing.to == [TEAM] and housing.cc == []
    assert "Nobody at Housing Services signs in" in housing.body


def test_a_cycle_closed_long_ago_is_not_chased(cycle, mailoutbox):
    assert send_return_reminders(today=date(2026, 6, 1)) == 0
    assert mailoutbox == []


def test_the_daily_task_reminds_on_the_day_and_a_refused_email_is_sent_by_the_next_run(agencies, settings, mailoutbox):
    today = timezone.localdate()
    cycle = make_cycle(agencies["absent"], opens_on=today - timedelta(days=30), closes_on=add_working_days(today, 10))
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with pytest.raises(NoticesNotSent):
        send_section11_reminders()
    assert not CycleNotice.objects.filter(cycle=cycle).exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_section11_reminders() == 1
    assert send_section11_reminders() == 0
    assert [m.to for m in mailoutbox] == [["absent@agency.example.org"]]
    assert CycleNotice.objects.get(cycle=cycle).kind == "reminder"
