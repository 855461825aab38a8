"""The nightly job (training.tasks.anonymise_lapsed_delegates) anonymises the delegates with no account and no
training for DELEGATE_RETENTION_YEARS years, and only those: their names and addresses go, from their record's
earlier versions too, and every training figure stays the same. Run again, it changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.tests.factories import UserFactory
from training.impact import year_in_figures
from training.models import Booking, Delegate, Evaluation, EvaluationScore
from training.tasks import anonymise_lapsed_delegates
from training.tests.factories import (
    BookingFactory,
    CourseFactory,
    CourseSessionFactory,
    DelegateFactory,
    EvaluationFactory,
    EvaluationScoreFactory,
    LearningOutcomeFactory,
)

pytestmark = pytest.mark.django_db


def _years_ago(years):
    return timezone.now().replace(microsecond=0) - timedelta(days=round(365.25 * years))


@pytest.fixture
def programme(settings):
    settings.DELEGATE_RETENTION_YEARS = 6
    course = CourseFactory()
    outcome = LearningOutcomeFactory(course=course)
    old = CourseSessionFactory(course=course, starts_at=_years_ago(7), status="held")
    recent = CourseSessionFactory(course=course, starts_at=_years_ago(1), status="held")

    def attended(delegate, session, **fields):
        booking = BookingFactory(
            session=session, delegate=delegate, status="attended", created_at=session.starts_at - timedelta(days=30)
        )
        Booking.objects.filter(pk=booking.pk).update(**fields)
        evaluation = EvaluationFactory(booking=booking, practice_changed=True, practice_change="I ask sooner.")
        EvaluationScoreFactory(evaluation=evaluation, outcome=outcome, score=4)
        return booking

    lapsed = DelegateFactory(name="Ruth Okafor", email="ruth.okafor@school.example.org")
    attended(lapsed, old, booked_by_email="office@school.example.org", line_manager_email="head@school.example.org")
    returning = DelegateFactory(name="Colm Byrne")
    attended(returning, old)
    attended(returning, recent)
    with_account = DelegateFactory(name="Priya Shah", user=UserFactory())
    attended(with_account, old)
    never_booked_long_ago = DelegateFactory(name="Alan Pike")
    Delegate.history.filter(id=never_booked_long_ago.pk).update(history_date=_years_ago(7))
    never_booked_lately = DelegateFactory(name="Jo Marsh")
    return {
        "old_year": FinancialYear.for_stored_date(old.starts_at),
        "lapsed": lapsed,
        "never_booked_long_ago": never_booked_long_ago,
        "kept": [returning, with_account, never_booked_lately],
    }


def _figures(year):
    """The training figures of a year, and every booking's, evaluation's and score's counted facts."""
    return (
        year_in_figures(year=year),
        list(
            Booking.objects.order_by("pk").values_list(
                "pk", "session_id", "status", "delegate_id", "delegate__agency_id", "delegate__sector"
            )
        ),
        list(Evaluation.objects.order_by("pk").values_list("pk", "booking_id", "stage", "practice_changed")),
        list(EvaluationScore.objects.order_by("pk").values_list("evaluation_id", "outcome_id", "score")),
    )


def test_only_delegates_past_the_retention_with_no_newer_training_are_anonymised(programme):
    kept_before = {d.pk: (d.name, d.email) for d in programme["kept"]}

    assert anonymise_lapsed_delegates.delay().get() == 2

    lapsed = Delegate.objects.get(pk=programme["lapsed"].pk)
    assert lapsed.name == f"Anonymised delegate {lapsed.pk}"
    assert lapsed.email == f"anonymised-delegate-{lapsed.pk}@anonymised.invalid"
    assert (lapsed.job_role, lapsed.line_manager_email) == ("", "")
    assert lapsed.anonymised_at is not None
    assert Delegate.objects.get(pk=programme["never_booked_long_ago"].pk).anonymised_at is not None
    assert {d.pk: (d.name, d.email) for d in Delegate.objects.filter(pk__in=kept_before)} == kept_before


def test_names_and_addresses_leave_the_earlier_versions_and_the_bookings_too(programme):
    anonymise_lapsed_delegates.delay().get()

    assert not Delegate.history.filter(name="Ruth Okafor").exists()
    assert not Delegate.history.filter(email__iexact="ruth.okafor@school.example.org").exists()
    booking = Booking.objects.get(delegate=programme["lapsed"])
    assert (booking.booked_by_email, booking.line_manager_email) == ("", "")
    assert not Booking.history.filter(line_manager_email="head@school.example.org").exists()
    assert Delegate.history.filter(id=programme["lapsed"].pk).latest().history_change_reason.startswith("Anonymised")


def test_the_training_figures_are_the_same_before_and_after(programme):
    before = _figures(programme["old_year"])
    anonymise_lapsed_delegates.delay().get()
    assert _figures(programme["old_year"]) == before


def test_a_second_run_changes_nothing(programme):
    anonymise_lapsed_delegates.delay().get()
    versions = Delegate.history.count()
    lapsed = Delegate.objects.get(pk=programme["lapsed"].pk)

    assert anonymise_lapsed_delegates.delay().get() == 0
    assert Delegate.history.count() == versions
    assert Delegate.objects.get(pk=lapsed.pk).anonymised_at == lapsed.anonymised_at
