"""A practitioner who books again with their e-mail typed in other capitals is the same delegate, and may not book
the same session twice; a booking under a known address changes nothing on the record, not even its blanks (the
delegate confirms new details by a link sent to them: test_a_delegate_confirms_new_details_by_the_link_…)."""

import pytest
from django.core.exceptions import ValidationError

from training.models import ALREADY_BOOKED, Delegate
from training.services.bookings import book_place
from training.tests.factories import CourseSessionFactory, place_details

pytestmark = pytest.mark.django_db


def test_the_second_booking_finds_the_same_delegate():
    first = book_place(session=CourseSessionFactory(), **place_details())
    second = book_place(
        session=CourseSessionFactory(), **place_details(email="Sam.Jones@School.Example.ORG", job_role="Deputy head")
    )
    assert second.delegate == first.delegate
    assert Delegate.objects.count() == 1


def test_a_booking_under_a_known_address_changes_nothing_recorded_not_even_its_blanks():
    first = book_place(session=CourseSessionFactory(), **place_details(job_role=""))
    recorded_manager = first.delegate.line_manager_email
    book_place(
        session=CourseSessionFactory(),
        **place_details(job_role="Deputy head", line_manager_email="someone.else@example.org", name="Not Sam"),
    )
    delegate = Delegate.objects.get()
    assert delegate.line_manager_email == recorded_manager != "someone.else@example.org"
    assert delegate.name == first.delegate.name != "Not Sam"
    assert delegate.job_role == ""


def test_booking_the_same_session_twice_is_refused():
    session = CourseSessionFactory()
    book_place(session=session, **place_details())
    with pytest.raises(ValidationError) as refused:
        book_place(session=session, **place_details(email="SAM.JONES@school.example.org"))
    assert refused.value.messages == [ALREADY_BOOKED]
