"""The organiser marks every delegate on a session's register attended or no-show in one form post: the bookings
change together, the session records that its register was taken (when, by whom) and is held. A delegate left
unmarked refuses the whole register, with their name, and nothing is saved; the marks typed stay on the page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lscp.testing import sign_in
from training.models import BookingStatus, SessionStatus
from training.services.organiser import REGISTER_NOT_STARTED, REGISTER_UNMARKED
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def _past_session():
    starts = timezone.now().replace(microsecond=0) - timedelta(days=1)
    return CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3))


def test_one_post_marks_every_delegate_and_records_the_register(client, manager):
    session = _past_session()
    came, missed, also_came = (BookingFactory(session=session) for _ in range(3))
    waiting = BookingFactory(session=session, status=BookingStatus.WAITING_LIST)
    url = reverse("training:register", kwargs={"pk": session.pk})
    page = sign_in(client, manager).get(url).content.decode()
    for booking in (came, missed, also_came):
        assert f'name="booking_{booking.pk}"' in page
    assert f'name="booking_{waiting.pk}"' not in page  # the waiting list is not on the register

    response = client.post(
        url,
        {
            f"booking_{came.pk}": "attended",
            f"booking_{missed.pk}": "no_show",
            f"booking_{also_came.pk}": "attended",
        },
    )

    assert response.status_code == 302
    for booking, status in (
        (came, "attended"),
        (missed, "no_show"),
        (also_came, "attended"),
        (waiting, "waiting_list"),
    ):
        booking.refresh_from_db()
        assert booking.status == status
    session.refresh_from_db()
    assert session.status == SessionStatus.HELD
    assert session.register_taken_by == manager and session.register_taken_at is not None


def test_an_unmarked_delegate_refuses_the_whole_register_and_keeps_the_marks_typed(client, manager):
    session = _past_session()
    marked, forgotten = BookingFactory(session=session), BookingFactory(session=session, delegate__name="Ola Forgot")
    url = reverse("training:register", kwargs={"pk": session.pk})

    response = sign_in(client, manager).post(url, {f"booking_{marked.pk}": "attended"})

    assert response.status_code == 200
    page = response.content.decode()
    assert REGISTER_UNMARKED % {"name": "Ola Forgot"} in page
    assert f'id="id_booking_{marked.pk}_0" value="attended" checked' in page
    marked.refresh_from_db(), forgotten.refresh_from_db(), session.refresh_from_db()
    assert marked.status == forgotten.status == BookingStatus.BOOKED
    assert session.register_taken_at is None and session.status == SessionStatus.SCHEDULED


def test_a_register_cannot_be_taken_before_the_session(client, manager):
    session = CourseSessionFactory()
    booking = BookingFactory(session=session)
    url = reverse("training:register", kwargs={"pk": session.pk})

    response = sign_in(client, manager).post(url, {f"booking_{booking.pk}": "attended"})

    assert REGISTER_NOT_STARTED in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
