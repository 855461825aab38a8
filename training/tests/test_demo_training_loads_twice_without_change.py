"""The demo's training programme, from the 2022/23 annual report: loading the demo twice changes nothing (not even
the change history), and the records give the 2022/23 annual report's published figures: 55 workshops delivered in
2022/23, and the May 2022 learning event with the Met Police attended by over 70 delegates. (The coming term dated
from the day of loading is not in 2022/23: test_demo_has_a_coming_term_to_book.py.)"""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from lscp.financial_year import FinancialYear
from training import impact
from training.models import BookingStatus, CourseSession

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


def counts():
    return {model.__name__: model.objects.count() for model in apps.get_app_config("training").get_models()}


def test_loading_twice_changes_nothing(demo):
    first = counts()
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    assert counts() == first
    start, end = YEAR.datetime_range()
    in_the_year = CourseSession.objects.filter(starts_at__gte=start, starts_at__lt=end)
    assert first["Course"] == 10 and in_the_year.count() == 56 and first["Evaluation"] > 1000
    assert first["HistoricalBooking"] == first["Booking"]

    assert impact.programme_totals(year=YEAR)["delivered"] == 55
    event = CourseSession.objects.get(course__title__startswith="Modern Slavery and Child Exploitation")
    assert event.starts_at.date().isoformat() == "2022-05-18"
    assert event.bookings.filter(status=BookingStatus.ATTENDED).count() > 70
