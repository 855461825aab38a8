"""`manage.py generate_load_data` at a thousandth of its full size: the counts follow the scale, the records
satisfy what each model's save() would have computed, and the key pages open on them. It refuses to run with
DEBUG off, or on a database that already has records."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse

from governance.models import Action, ActionStatus, Rag
from lscp.financial_year import FinancialYear
from lscp.testing import sign_in
from partnership.models import Agency, Attendance, Meeting, Person
from reviews.models import PracticeReview, SeriousIncident
from training.models import Booking, CourseSession, SessionStatus


def generate(*args):
    out = io.StringIO()
    call_command("generate_load_data", "--allow-without-debug", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_counts_follow_the_scale_and_records_are_complete(client, manager):
    printed = generate("--scale", "0.001")

    # At scale 1: 200 agencies (at least 3), 3,000 people (at least a body's 12 members), 1,000 meetings, 20,000
    # actions, 2,000 reviews, 20,000 sessions with ten bookings each.
    assert Agency.objects.count() == 3
    assert Person.objects.count() == 12
    assert Meeting.objects.count() == 2  # never fewer than two
    assert Action.objects.count() == 20
    assert PracticeReview.objects.count() == 2
    assert SeriousIncident.objects.count() == 1
    assert CourseSession.objects.count() == 20
    assert Booking.objects.count() == 200
    assert "200 bookings" in printed and "made in" in printed
    # What the models' save() computes, filled in without it.
    assert not CourseSession.objects.filter(booking_closes_on__isnull=True).exists()
    assert not PracticeReview.objects.filter(stage="").exists()
    assert not SeriousIncident.objects.filter(rapid_review_due__isnull=True).exists()
    assert not Action.objects.filter(status=ActionStatus.COMPLETE, completed_on__isnull=True).exists()
    # The rules the forms keep: a complete action is never rated Red; one meeting of a body at a time.
    assert not Action.objects.filter(status=ActionStatus.COMPLETE, rag=Rag.RED).exists()
    assert not Meeting.objects.values("body", "starts_at").annotate(n=Count("id")).filter(n__gt=1).exists()
    for meeting in Meeting.objects.all():
        assert Attendance.objects.filter(meeting=meeting).count() == meeting.body.memberships.count() == 12
    held = CourseSession.objects.filter(status=SessionStatus.HELD).first()
    assert held.register_taken_at is not None

    sign_in(client, manager)
    session = CourseSession.objects.order_by("-starts_at").first()
    year = FinancialYear.for_date(meeting.starts_at.date())
    for url in (
        reverse("home"),
        reverse("governance:actions"),
        reverse("training:calendar"),
        reverse("training:register", args=[session.pk]),
        reverse("reviews:practice_reviews"),
        reverse("reviews:incidents"),
        reverse("partnership:attendance", args=[year]),
        reverse("admin:training_booking_changelist"),
        reverse("admin:governance_action_changelist"),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_refuses_a_database_with_records_unless_forced():
    generate("--scale", "0.0001")
    with pytest.raises(CommandError, match="already has records"):
        generate("--scale", "0.0001")
    generate("--scale", "0.0001", "--force")
    assert Meeting.objects.count() == 4  # two meetings at the least, twice


def test_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_load_data", "--scale", "0.001", stdout=io.StringIO())
