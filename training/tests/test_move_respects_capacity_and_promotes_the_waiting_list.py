"""Moving a delegate to another session of the same course: refused when that session is full (capacity plus
allowance) or of another course, nothing changed; otherwise the booking moves, the delegate is e-mailed, and the
place freed goes to the first on the old session's waiting list."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lscp.testing import sign_in
from training.models import BookingStatus
from training.services.organiser import MOVE_OTHER_COURSE, MOVE_TARGET_FULL, move_booking
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def test_a_move_frees_the_place_for_the_first_waiting_and_tells_the_delegate(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    old = CourseSessionFactory(capacity=1)
    new = CourseSessionFactory(course=old.course, capacity=2)
    moving = BookingFactory(session=old)
    waiting = BookingFactory(session=old, status=BookingStatus.WAITING_LIST)
    url = reverse("training:move_booking", kwargs={"pk": moving.pk})

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, manager).post(url, {"to_session": new.pk})

    assert response.status_code == 302
    moving.refresh_from_db(), waiting.refresh_from_db()
    assert moving.session == new and moving.status == BookingStatus.BOOKED
    assert waiting.status == BookingStatus.BOOKED and waiting.promoted_at is not None
    subjects = {mail.to[0]: mail.subject for mail in mailoutbox}
    assert "moved to another date" in subjects[moving.delegate.email]
    assert "A place has come up" in subjects[waiting.delegate.email]


def test_a_full_session_refuses_the_move_and_nothing_changes(client, manager):
    old = CourseSessionFactory(capacity=5)
    full = CourseSessionFactory(course=old.course, capacity=1, overbooking_allowance=1)
    BookingFactory.create_batch(2, session=full)
    moving = BookingFactory(session=old)
    url = reverse("training:move_booking", kwargs={"pk": moving.pk})

    response = sign_in(client, manager).post(url, {"to_session": full.pk})

    assert response.status_code == 200
    assert MOVE_TARGET_FULL % {"limit": 2} in response.content.decode()
    moving.refresh_from_db()
    assert moving.session == old
    assert full.bookings.count() == 2


def test_a_session_of_another_course_is_refused():
    booking = BookingFactory()
    other = CourseSessionFactory()

    with pytest.raises(ValidationError) as refused:
        move_booking(booking=booking, to_session=other)

    assert refused.value.message_dict["to_session"] == [MOVE_OTHER_COURSE]
