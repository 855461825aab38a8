"""Details typed with a booking that differ from a known delegate's record change nothing by themselves: the booking
goes ahead (with its own line manager), and the delegate is e-mailed, at the work address on their record, the
differences and a signed link. Following it, they confirm, and only then does their record take the new details;
the change history says how. A link used, or one whose record has changed since, changes nothing; a changed link
is not recognised. A new delegate's record is made from what they typed, with no such e-mail."""

import re

import pytest
from django.core import signing

from partnership.models import Sector
from partnership.tests.factories import AgencyFactory
from training import links
from training.models import BookingStatus, Delegate
from training.services.bookings import book_place
from training.tests.factories import CourseSessionFactory, DelegateFactory, place_details

pytestmark = pytest.mark.django_db
NEW_MANAGER = "new.head@school.example.org"


@pytest.fixture
def delegate():
    return DelegateFactory(
        name="Sam Jones",
        email="sam.jones@school.example.org",
        agency=None,
        organisation="St Mary's Primary School",
        sector=Sector.EDUCATION,
        job_role="Teacher",
        line_manager_email="old.head@school.example.org",
    )


def _details_mail(mailoutbox):
    found = [mail for mail in mailoutbox if mail.subject.startswith("Please check the details given")]
    assert len(found) == 1
    return found[0]


def _path(mail):
    return re.search(r"https?://[^/\s]+(/training/my-details/[^\s]+/)", mail.body).group(1)


def _book_with_new_details(django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return book_place(
            session=CourseSessionFactory(),
            **place_details(job_role="Deputy headteacher", line_manager_email=NEW_MANAGER, **changes),
        )


def test_the_delegate_is_asked_at_their_recorded_address_and_confirms(
    client, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    booking = _book_with_new_details(django_capture_on_commit_callbacks, email="Sam.Jones@School.example.org")
    assert booking.status == BookingStatus.BOOKED and booking.line_manager_email == NEW_MANAGER
    mail = _details_mail(mailoutbox)
    assert mail.to == [delegate.email]
    assert "Deputy headteacher" in mail.body and "Teacher" in mail.body and NEW_MANAGER in mail.body
    assert "Your record has not been changed" in mail.body
    delegate.refresh_from_db()
    assert (delegate.job_role, delegate.line_manager_email) == ("Teacher", "old.head@school.example.org")

    path = _path(mail)
    page = client.get(path)
    html = page.content.decode()
    assert page.status_code == 200 and "Update your training record?" in html
    assert "old.head@school.example.org" in html and NEW_MANAGER in html and "Yes, update my record" in html
    delegate.refresh_from_db()
    assert delegate.job_role == "Teacher"  # opening the link changes nothing

    response = client.post(path, {"confirmed": "1"}, follow=True)
    assert "Your training record is updated" in response.content.decode()
    delegate.refresh_from_db()
    assert (delegate.job_role, delegate.line_manager_email) == ("Deputy headteacher", NEW_MANAGER)
    assert delegate.history.first().history_change_reason.startswith("Confirmed by the delegate")

    again = client.post(path, {"confirmed": "1"})
    assert "Your record already has these details" in again.content.decode()


def test_a_record_changed_since_the_link_was_sent_is_left_alone(
    client, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    _book_with_new_details(django_capture_on_commit_callbacks)
    path = _path(_details_mail(mailoutbox))
    Delegate.objects.filter(pk=delegate.pk).update(line_manager_email="corrected@school.example.org")

    response = client.post(path, {"confirmed": "1"})

    assert "Your record has changed since we sent you this link" in response.content.decode()
    delegate.refresh_from_db()
    assert (delegate.job_role, delegate.line_manager_email) == ("Teacher", "corrected@school.example.org")


def test_a_changed_or_expired_link_changes_nothing(client, delegate, mailoutbox, django_capture_on_commit_callbacks):
    _book_with_new_details(django_capture_on_commit_callbacks)
    path = _path(_details_mail(mailoutbox))
    token = path.rstrip("/").rsplit("/", 1)[1]
    forged = signing.loads(token, salt=links.DETAILS_SALT)
    forged["typed"]["line_manager_email"] = "attacker@elsewhere.example.org"
    tampered = path.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert client.post(tampered, {"confirmed": "1"}).status_code == 404
    unsigned = path.replace(token, signing.dumps(forged, salt="another-salt", compress=True))
    assert client.post(unsigned, {"confirmed": "1"}).status_code == 404
    delegate.refresh_from_db()
    assert delegate.line_manager_email == "old.head@school.example.org"


def test_an_agency_chosen_is_shown_by_name_and_confirmed(
    client, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    agency = AgencyFactory(name="Education RBKC/WCC", sector=Sector.EDUCATION)
    _book_with_new_details(django_capture_on_commit_callbacks, agency=agency, organisation="")
    mail = _details_mail(mailoutbox)
    assert "St Mary's Primary School" in mail.body and "Education RBKC/WCC" in mail.body
    client.post(_path(mail), {"confirmed": "1"})
    delegate.refresh_from_db()
    assert delegate.agency == agency and delegate.organisation == ""


def test_details_that_match_the_record_or_a_new_delegate_send_no_such_email(
    delegate, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book_place(
            session=CourseSessionFactory(),
            **place_details(job_role="Teacher", line_manager_email="OLD.HEAD@school.example.org"),
        )
        book_place(
            session=CourseSessionFactory(), **place_details(name="Alex Lee", email="alex.lee@school.example.org")
        )
    assert not [mail for mail in mailoutbox if mail.subject.startswith("Please check the details given")]
    assert Delegate.objects.get(email="alex.lee@school.example.org").line_manager_email == "head@school.example.org"
