"""A team administrator books several members of staff on one session without an account. Every row is checked
first: if any fails (a bad address, the same person twice, someone already booked), no one is booked, each
problem is listed with its row number and put under its box, and what was typed stays. Otherwise each is booked,
or wait-listed once the places are taken, each gets their own confirmation and the administrator one summary."""

import pytest
from django.urls import reverse

from partnership.models import Sector
from training.models import Booking, BookingStatus
from training.tests.factories import BookingFactory, CourseSessionFactory, DelegateFactory

pytestmark = pytest.mark.django_db
ADMIN = "team.admin@school.example.org"


def _post(rows, **team):
    data = {
        "administrator_email": ADMIN,
        "agency": "",
        "organisation": "St Mary's Primary School",
        "sector": Sector.EDUCATION,
        "staff-TOTAL_FORMS": str(len(rows)),
        "staff-INITIAL_FORMS": "0",
        "staff-MIN_NUM_FORMS": "0",
        "staff-MAX_NUM_FORMS": "50",
        **team,
    }
    for number, (name, email) in enumerate(rows):
        data[f"staff-{number}-name"] = name
        data[f"staff-{number}-email"] = email
        data[f"staff-{number}-job_role"] = "Teacher" if name else ""
        data[f"staff-{number}-line_manager_email"] = "head@school.example.org" if name else ""
    return data


def test_one_bad_row_books_no_one_and_each_problem_names_its_row(client, mailoutbox):
    session = CourseSessionFactory()
    already = BookingFactory(session=session, delegate=DelegateFactory(email="Kim.Booked@school.example.org"))
    url = reverse("training:book_team", kwargs={"pk": session.pk})
    rows = [
        ("Ada Fine", "ada@school.example.org"),
        ("Ben Typo", "ben-at-school"),
        ("Ada Again", "ADA@school.example.org"),
        ("Kim Booked", "kim.booked@school.example.org"),
    ]

    response = client.post(url, _post(rows))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Row 2: “ben-at-school” is not an e-mail address." in page
    assert "Row 3: ADA@school.example.org is also on row 1: book each person once." in page
    assert "Row 4: Kim Booked already has a booking on this session." in page
    assert 'href="#id_staff-1-email"' in page  # the summary links to the box in that row
    assert 'value="Ada Again"' in page  # what was typed stays
    assert list(Booking.objects.filter(session=session)) == [already]
    assert mailoutbox == []


def test_every_row_is_booked_then_wait_listed_with_one_summary(client, mailoutbox, django_capture_on_commit_callbacks):
    session = CourseSessionFactory(capacity=2)
    url = reverse("training:book_team", kwargs={"pk": session.pk})
    rows = [
        ("Ada One", "ada@school.example.org"),
        ("Ben Two", "ben@school.example.org"),
        ("Cy Three", "cy@school.example.org"),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _post(rows + [("", "")]))  # an empty row is left out

    assert response.status_code == 302
    statuses = dict(Booking.objects.filter(session=session).values_list("delegate__email", "status"))
    assert statuses == {
        "ada@school.example.org": BookingStatus.BOOKED,
        "ben@school.example.org": BookingStatus.BOOKED,
        "cy@school.example.org": BookingStatus.WAITING_LIST,
    }
    assert Booking.objects.filter(session=session, booked_by_email=ADMIN).count() == 3
    by_recipient = {}
    for mail in mailoutbox:
        by_recipient.setdefault(mail.to[0], []).append(mail)
    assert set(by_recipient) == {ADMIN, "ada@school.example.org", "ben@school.example.org", "cy@school.example.org"}
    (summary,) = by_recipient[ADMIN]
    assert "Ada One" in summary.body and "Cy Three" in summary.body and "waiting list" in summary.body
    assert len(by_recipient["cy@school.example.org"]) == 1
