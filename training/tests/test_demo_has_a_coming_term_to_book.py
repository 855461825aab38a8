"""The demo has a term of sessions to book, dated from the day it is loaded: a newcomer opening the training
calendar finds ten or more sessions over the next three months or so, on the demo's courses and on working days,
one nearly full (one place left) and one full with a waiting list. The 2022/23 programme is kept as it was, and
none of the new sessions falls in 2022/23."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lscp.financial_year import FinancialYear
from lscp.working_days import is_working_day
from training import impact
from training.demo import TRAINING
from training.models import Booking, BookingStatus
from training.selectors.bookings import coming_sessions


def test_the_calendar_has_a_term_of_sessions_to_book(demo, client):
    sessions = coming_sessions()
    today = timezone.localdate()
    days = [timezone.localdate(session.starts_at) for session in sessions]
    assert 10 <= len(sessions) <= 15
    assert all(today < day <= today + timedelta(days=100) for day in days)
    assert all(is_working_day(day) for day in days)
    assert {session.course.title for session in sessions} <= {row["title"] for row in TRAINING["COURSES"]}
    assert all(session.booking_open for session in sessions)

    assert [s.places_left for s in sessions].count(1) == 1  # nearly full
    full = [s for s in sessions if s.places_left == 0]
    assert len(full) == 1 and full[0].waiting >= 3

    page = client.get(reverse("training:calendar")).content.decode()
    assert "No sessions are open for booking" not in page
    assert "1 place left" in page and "Full: join the waiting list" in page


def test_the_new_sessions_leave_2022_23_as_it_was(demo):
    year = FinancialYear(2022)
    assert impact.programme_totals(year=year)["delivered"] == 55
    start, end = year.datetime_range()
    coming = Booking.objects.filter(session__starts_at__gt=timezone.now())
    assert not coming.filter(session__starts_at__gte=start, session__starts_at__lt=end).exists()
    assert coming.filter(status=BookingStatus.WAITING_LIST).exists()
