"""Anyone can type anyone's work e-mail on the public booking form, so a booking never changes who approves the
delegate's training: the line manager who approves a booking is the one given with that booking, and details
typed for a known address (line manager, job role, sector, organisation) never reach the delegate's record. A
stranger who books under a delegate's address with their own address as line manager gets that one booking's
approval request at most; the delegate's own later booking goes to the manager they give."""

import pytest
from django.urls import reverse

from partnership.models import Sector
from training.models import BookingStatus
from training.services.bookings import book_place, cancel_booking
from training.services.organiser import book_team
from training.tests.factories import CourseFactory, CourseSessionFactory, DelegateFactory, place_details

pytestmark = pytest.mark.django_db
STRANGER = "stranger@elsewhere.example.org"
REAL_MANAGER = "real.manager@school.example.org"


@pytest.fixture
def approval_course():
    return CourseFactory(needs_manager_approval=True)


@pytest.fixture
def delegate():
    """A delegate on record with no line manager yet: the blank a stranger used to fill."""
    return DelegateFactory(
        name="Sam Jones",
        email="sam.jones@school.example.org",
        agency=None,
        organisation="St Mary's Primary School",
        sector=Sector.EDUCATION,
        job_role="Teacher",
        line_manager_email="",
    )


def _approval_requests(mailoutbox):
    return [mail for mail in mailoutbox if mail.subject.startswith("Please approve a training place")]


def test_a_strangers_booking_leaves_the_record_and_the_delegates_own_booking_asks_their_real_manager(
    approval_course, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        strangers = book_place(
            session=CourseSessionFactory(course=approval_course),
            **place_details(
                email="SAM.JONES@school.example.org",
                job_role="Headteacher",
                sector=Sector.LA_CHILDREN,
                line_manager_email=STRANGER,
            ),
        )
    delegate.refresh_from_db()
    assert strangers.delegate == delegate
    assert (delegate.line_manager_email, delegate.job_role, delegate.sector) == ("", "Teacher", Sector.EDUCATION)
    assert strangers.line_manager_email == STRANGER
    assert [mail.to for mail in _approval_requests(mailoutbox)] == [[STRANGER]]

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        own = book_place(
            session=CourseSessionFactory(course=approval_course), **place_details(line_manager_email=REAL_MANAGER)
        )
    assert own.status == BookingStatus.AWAITING_APPROVAL and own.line_manager_email == REAL_MANAGER
    requests = _approval_requests(mailoutbox)
    assert [mail.to for mail in requests] == [[REAL_MANAGER]]
    assert not any(STRANGER in mail.to for mail in mailoutbox)
    confirmation = next(mail for mail in mailoutbox if mail.to == [delegate.email] and "Waiting" in mail.subject)
    assert REAL_MANAGER in confirmation.body and STRANGER not in confirmation.body


def test_a_recorded_line_manager_is_not_replaced_and_is_not_asked_about_a_booking_giving_another(
    approval_course, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    delegate.line_manager_email = REAL_MANAGER
    delegate.save()
    with django_capture_on_commit_callbacks(execute=True):
        book_place(session=CourseSessionFactory(course=approval_course), **place_details(line_manager_email=STRANGER))
    delegate.refresh_from_db()
    assert delegate.line_manager_email == REAL_MANAGER
    assert [mail.to for mail in _approval_requests(mailoutbox)] == [[STRANGER]]


def test_moved_up_from_the_waiting_list_the_request_goes_to_the_bookings_own_line_manager(
    approval_course, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    session = CourseSessionFactory(course=approval_course, capacity=1)
    first = book_place(session=session, **place_details(name="Alex Lee", email="alex.lee@school.example.org"))
    delegate.line_manager_email = STRANGER  # whatever the record says
    delegate.save()
    waiting = book_place(session=session, **place_details(line_manager_email=REAL_MANAGER))
    assert waiting.status == BookingStatus.WAITING_LIST
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancel_booking(booking=first)

    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.AWAITING_APPROVAL
    assert [mail.to for mail in _approval_requests(mailoutbox)] == [[REAL_MANAGER]]
    promoted = next(mail for mail in mailoutbox if mail.subject.startswith("A place has come up"))
    assert REAL_MANAGER in promoted.body and STRANGER not in promoted.body


def test_a_team_booking_asks_each_rows_manager_and_changes_no_record(
    approval_course, delegate, mailoutbox, django_capture_on_commit_callbacks
):
    session = CourseSessionFactory(course=approval_course)
    staff = [(1, {"name": "Sam Jones", "email": delegate.email, "job_role": "Head", "line_manager_email": STRANGER})]
    with django_capture_on_commit_callbacks(execute=True):
        (booking,) = book_team(
            session=session,
            administrator_email="office@school.example.org",
            agency=None,
            organisation="Another School",
            sector=Sector.EDUCATION,
            staff=staff,
        )
    delegate.refresh_from_db()
    assert (delegate.line_manager_email, delegate.job_role, delegate.organisation) == (
        "",
        "Teacher",
        "St Mary's Primary School",
    )
    assert booking.line_manager_email == STRANGER
    assert [mail.to for mail in _approval_requests(mailoutbox)] == [[STRANGER]]


def test_the_public_form_writes_nothing_onto_a_known_delegates_record(client, delegate):
    session = CourseSessionFactory()
    response = client.post(
        reverse("training:book", kwargs={"pk": session.pk}),
        {
            **place_details(job_role="Headteacher", line_manager_email=STRANGER, organisation="Elsewhere"),
            "agency": "",
            "booked_by_email": "",
        },
    )
    assert response.status_code == 302
    delegate.refresh_from_db()
    assert (delegate.line_manager_email, delegate.job_role, delegate.organisation) == (
        "",
        "Teacher",
        "St Mary's Primary School",
    )


def test_the_register_lists_the_line_manager_given_with_each_booking(client, manager, approval_course, delegate):
    session = CourseSessionFactory(course=approval_course)
    book_place(session=session, **place_details(line_manager_email=REAL_MANAGER))
    client.force_login(manager)
    csv = client.get(reverse("training:register_export", kwargs={"pk": session.pk, "format": "csv"})).content.decode()
    assert REAL_MANAGER in csv
