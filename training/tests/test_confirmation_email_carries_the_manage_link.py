"""The confirmation e-mail says what was booked and carries the signed manage-my-booking link, which opens the
booking's page without an account; a team administrator who booked for someone else gets a copy."""

import re

import pytest

from training.services.bookings import book_place
from training.tests.factories import CourseSessionFactory, place_details

pytestmark = pytest.mark.django_db


def test_the_confirmation_links_to_the_booking(client, mailoutbox, django_capture_on_commit_callbacks):
    session = CourseSessionFactory(venue="Chelsea Old Town Hall")
    with django_capture_on_commit_callbacks(execute=True):
        book_place(session=session, booked_by_email="admin@school.example.org", **place_details())

    assert [mail.to for mail in mailoutbox] == [["sam.jones@school.example.org", "admin@school.example.org"]]
    mail = mailoutbox[0]
    assert mail.subject == f"Your place is booked: {session.course.title}"
    assert "Chelsea Old Town Hall" in mail.body
    assert "booked for you by admin@school.example.org" in mail.body
    path = re.search(r"https?://[^/\s]+(/training/bookings/[^\s]+/)", mail.body).group(1)
    page = client.get(path)
    assert page.status_code == 200
    assert "Sam Jones" in page.content.decode() and "Cancel my booking" in page.content.decode()
