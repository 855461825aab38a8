"""A practitioner with no account: from the home page they find a course and book a place, open the link e-mailed
to them and cancel; join a full session's waiting list and take the place someone else gives up; evaluate a session
they attended, from the link e-mailed after it, and download their certificate. Then the booking again with the
keyboard alone.

Between the steps, what other people do happens through the product's own services, as it would from their own
browsers: another practitioner books the last place and later cancels it, and the organiser takes the register of
a session our practitioner attended."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from lscp.demo import demo_user
from partnership.models import Agency
from training.models import Booking, BookingStatus, Course, CourseSession, Delegate
from training.services import bookings as booking_services
from training.services import organiser as organiser_services
from training.tests.factories import BookingFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Priya Shah"
EMAIL = "priya.shah@probation.example.gov.uk"
AGENCY = "National Probation Service"
SECTOR = "Probation"
FIRST_COURSE = "Introduction to Systemic Practice"
NEARLY_FULL_COURSE = "Domestic Abuse and Safeguarding Children"
ATTENDED_COURSE = "Introduction to Safeguarding Children"


def link_in(message, path):
    """The first link to `path` in an e-mail: what the practitioner clicks in their mail program."""
    return re.search(rf"https?://\S+{re.escape(path)}\S+", message.body).group(0)


def last_mail_to(mailoutbox, address, subject_has=""):
    mails = [m for m in mailoutbox if address in m.to and subject_has.lower() in m.subject.lower()]
    assert mails, f"no e-mail to {address} with {subject_has!r}: {[m.subject for m in mailoutbox]}"
    return mails[-1]


def fill_booking_form(visitor):
    visitor.fill("Your full name", NAME)
    visitor.fill("Your work e-mail address", EMAIL)
    visitor.choose("Your agency", AGENCY)
    visitor.choose("The sector you work in", SECTOR)
    visitor.fill("Your job role", "Probation officer")


def find_session(visitor, course):
    """From the home page to the course's page, then to its first coming session."""
    visitor.open_home()
    visitor.follow("Training", exact=True, within=visitor.page.get_by_role("main"))
    assert visitor.heading() == "Multi-agency safeguarding training"
    visitor.follow(course, exact=True)
    assert visitor.heading() == course
    session_links = visitor.page.get_by_role("main").get_by_role("listitem").get_by_role("link")
    with visitor.page.expect_navigation():
        session_links.first.click()
    visitor.landed()
    assert visitor.heading() == course


def test_a_practitioner_books_cancels_waits_is_moved_up_evaluates_and_downloads_a_certificate(
    visitor, mailoutbox, tmp_path
):
    page = visitor.page

    # Book a place on a course found from the home page.
    find_session(visitor, FIRST_COURSE)
    visitor.follow("Book a place", exact=True)
    assert visitor.heading() == "Book a place"
    fill_booking_form(visitor)
    visitor.press("Book", exact=True)
    assert visitor.heading() == "Your booking"
    assert "Your place is booked" in page.get_by_role("main").inner_text()

    # The confirmation e-mail's link opens the booking, which they cancel (asked first).
    confirmation = last_mail_to(mailoutbox, EMAIL, "booked")
    page.goto(link_in(confirmation, "/training/bookings/"))
    visitor.landed()
    assert visitor.heading() == "Your booking"
    visitor.press("Cancel my booking")
    assert visitor.heading() == "Cancel your booking?"
    visitor.press("Yes, cancel my booking")
    assert "Your booking is cancelled" in page.get_by_role("main").inner_text()
    assert Booking.objects.get(delegate__email=EMAIL).status == BookingStatus.CANCELLED_BY_DELEGATE

    # Someone else takes the last place of a nearly full session, so our practitioner joins its waiting list.
    session = CourseSession.objects.filter(course__title=NEARLY_FULL_COURSE, starts_at__gt=timezone.now()).earliest(
        "starts_at"
    )
    other = Delegate.objects.exclude(email=EMAIL).filter(agency__name=AGENCY).first()
    taken = booking_services.book_place(
        session=session,
        name=other.name,
        email=other.email,
        agency=other.agency,
        organisation="",
        sector=other.sector,
        job_role=other.job_role,
        line_manager_email=other.line_manager_email,
    )
    assert taken.status == BookingStatus.BOOKED
    find_session(visitor, NEARLY_FULL_COURSE)
    assert "Full: join the waiting list" in page.get_by_role("main").inner_text()
    visitor.follow("Join the waiting list", exact=True)
    assert visitor.heading() == "Join the waiting list"
    fill_booking_form(visitor)
    visitor.press("Join the waiting list", exact=True)
    assert "you are on the waiting list" in page.get_by_role("main").inner_text()

    # The other practitioner cancels; the place is our practitioner's, and the e-mail saying so opens the booking.
    booking_services.cancel_booking(booking=taken, by_delegate=True)
    moved_up = last_mail_to(mailoutbox, EMAIL, "A place has come up")
    page.goto(link_in(moved_up, "/training/bookings/"))
    visitor.landed()
    assert f"{NAME}: Booked" in page.get_by_role("main").inner_text()

    # A session they attended: the organiser takes the register, which e-mails the evaluation link.
    delegate = Delegate.objects.get(email=EMAIL)
    starts = timezone.now().replace(microsecond=0) - timedelta(days=1)
    attended = CourseSessionFactory(
        course=Course.objects.get(title=ATTENDED_COURSE),
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
    )
    place = BookingFactory(session=attended, delegate=delegate, line_manager_email="")
    organiser_services.take_register(
        session=attended, marks={place.pk: BookingStatus.ATTENDED}, by=demo_user("manager")
    )
    invitation = last_mail_to(mailoutbox, EMAIL, "How was the session")
    page.goto(link_in(invitation, "/training/evaluations/"))
    visitor.landed()
    assert visitor.heading() == "Evaluate your training"
    for outcome in attended.course.learning_outcomes.all():
        visitor.choose_answer(outcome.text, "4")
    visitor.choose_answer("Will you change your practice because of the training?", "Yes")
    visitor.fill("How will your practice change?", "I will ask about every child in the household at supervision.")
    visitor.press("Send my evaluation")
    assert visitor.heading() == "Thank you: your evaluation is in"

    # The certificate, from the thank-you page.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your certificate of attendance").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert saved.suffix == ".pdf"
    assert "/training/certificates/" in last_mail_to(mailoutbox, EMAIL, "Your certificate").body


def test_a_practitioner_books_a_place_with_the_keyboard_alone(visitor, mailoutbox):
    """Tab, Enter and typing only, from the top of the home page to the confirmation; wherever the focus is, it
    shows."""
    page = visitor.page
    keys = page.keyboard

    def tab_to(name, role="link"):
        # A link's name exactly; a box's label may end with the asterisk that marks it required.
        visitor.tab_to(name, role=role, exact=role == "link")
        assert visitor.focus_is_visible(), f"the focus on {name!r} does not show on {page.url}"

    visitor.open_home()
    tab_to("Training")
    visitor.key_to_next_page()
    assert visitor.heading() == "Multi-agency safeguarding training"
    tab_to(FIRST_COURSE)
    visitor.key_to_next_page()
    assert visitor.heading() == FIRST_COURSE
    session_link = page.get_by_role("main").get_by_role("listitem").get_by_role("link").first
    tab_to(session_link.inner_text())
    visitor.key_to_next_page()
    tab_to("Book a place")
    visitor.key_to_next_page()
    assert visitor.heading() == "Book a place"

    # Sent too soon, with only a name: the form comes back with its problems, and the focus on the list of them.
    tab_to("Your full name", role="textbox")
    keys.type(NAME)
    visitor.key_to_next_page()
    assert visitor.heading() == "Book a place"
    summary = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="There is a problem"))
    assert summary.evaluate("el => el === document.activeElement")
    assert visitor.focus_is_visible(), "the focus on the list of problems does not show"
    assert page.get_by_label("Your full name").input_value() == NAME

    # The rest of the form, box by box in the order Tab reaches them; a list is chosen by typing its option.
    tab_to("Your work e-mail address", role="textbox")
    keys.type(EMAIL)
    tab_to("Your agency", role="combobox")
    keys.type(AGENCY)
    tab_to("The sector you work in", role="combobox")
    keys.type(SECTOR)
    tab_to("Your job role", role="textbox")
    keys.type("Probation officer")
    assert page.get_by_label("Your agency").input_value() == str(Agency.objects.get(name=AGENCY).pk)
    assert page.get_by_label("The sector you work in").input_value() == "probation"
    visitor.key_to_next_page("Enter")

    assert visitor.heading() == "Your booking"
    assert "Your place is booked" in page.get_by_role("main").inner_text()
    assert Booking.objects.get(delegate__email=EMAIL).status == BookingStatus.BOOKED
    assert [m.to for m in mailoutbox] == [[EMAIL]]
