"""The organisers (the business manager and the Learning and Development chairs) add a session, and change a coming
one, by a form linked from their sessions page, instead of being sent to the admin (which refuses a chair). Every
problem is explained under its box with what was typed kept, and nothing is saved; the change history records who
made the change. Changing the date, time or place e-mails the delegates booked or waiting; places added move the
waiting list up; places cannot be fewer than those taken."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.models import MembershipRole, Person
from partnership.tests.factories import AgencyFactory, BodyFactory, MembershipFactory
from training.models import BookingStatus, CourseSession
from training.tests.factories import BookingFactory, CourseFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db
ADD = "/training/organise/sessions/new/"


@pytest.fixture
def training_chair(chair):
    body = BodyFactory(name="Learning and Development Subgroup")
    MembershipFactory(
        body=body, person=Person.objects.get(user=chair), role=MembershipRole.CHAIR, start=date(2020, 4, 1)
    )
    return chair


def _next_weekday(days):
    day = timezone.localdate() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _form(course, **changes):
    data = {
        "course": course.pk,
        "date": _next_weekday(30).isoformat(),
        "starts": "09:30",
        "ends": "12:30",
        "end_date": "",
        "venue": "Kensington Town Hall, Hornton Street, London W8 7NX",
        "joining_instructions": "",
        "trainers": "A. Trainer and B. Trainer",
        "capacity": "20",
        "overbooking_allowance": "2",
        "booking_closes_working_days": "3",
        "cancellation_deadline": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_sessions_page_offers_the_form_not_the_admin(client, training_chair):
    client.force_login(training_chair)
    page = client.get(reverse("training:organise")).content.decode()
    assert f'href="{ADD}"' in page and "use the admin" not in page
    assert client.get(ADD).status_code == 200


def test_a_training_chair_adds_a_session_that_is_then_in_the_calendar(client, training_chair):
    course = CourseFactory(title="Domestic Abuse and Safeguarding Children")
    agency = AgencyFactory(name="Standing Together Against Domestic Abuse")
    client.force_login(training_chair)

    response = client.post(ADD, _form(course, agencies=[agency.pk]))

    session = CourseSession.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "training:organise_session", args=[session.pk]
    )
    local = timezone.localtime(session.starts_at)
    assert (local.date(), local.strftime("%H:%M")) == (_next_weekday(30), "09:30")
    assert timezone.localtime(session.ends_at).strftime("%H:%M") == "12:30"
    assert (session.capacity, session.overbooking_allowance, session.places_limit) == (20, 2, 22)
    assert list(session.agencies.all()) == [agency]
    assert session.history.first().history_user == training_chair
    assert course.title in client.get(reverse("training:calendar")).content.decode()


def test_every_problem_is_explained_and_nothing_saved(client, manager):
    course = CourseFactory()
    client.force_login(manager)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()

    response = client.post(ADD, _form(course, date=yesterday, starts="14:00", ends="13:00", venue="", capacity="0"))

    page = response.content.decode()
    assert response.status_code == 200 and not CourseSession.objects.exists()
    assert 'id="error-summary"' in page
    assert "A new session starts in the future" in page
    assert "The session must end after it starts" in page
    assert "Give the venue, or tick" in page
    assert "A session has at least one place" in page
    assert 'value="A. Trainer and B. Trainer"' in page  # what was typed is kept

    online = client.post(ADD, _form(course, venue="", online="on"))
    assert "Say how delegates join the online session" in online.content.decode()
    assert not CourseSession.objects.exists()


def test_an_end_day_before_the_start_is_explained_under_the_end_day(client, manager):
    course = CourseFactory()
    client.force_login(manager)
    day = _next_weekday(30)

    response = client.post(ADD, _form(course, date=day.isoformat(), end_date=(day - timedelta(days=2)).isoformat()))

    form = response.context["f"]
    assert "The session must end after it starts" in " ".join(form.errors.get("end_date", []))
    assert "ends" not in form.errors and not CourseSession.objects.exists()


def test_a_new_session_whose_booking_would_already_have_closed_is_refused(client, manager):
    course = CourseFactory()
    client.force_login(manager)
    soon = _next_weekday(2)

    response = client.post(ADD, _form(course, date=soon.isoformat(), booking_closes_working_days="10"))

    page = response.content.decode()
    assert response.status_code == 200 and not CourseSession.objects.exists()
    assert "so nobody could book it" in page and 'href="#id_booking_closes_working_days"' in page
    # Booking closing today still lets people book today.
    assert client.post(ADD, _form(course, date=soon.isoformat(), booking_closes_working_days="0")).status_code == 302


def test_changing_the_date_emails_the_delegates_and_more_places_move_the_waiting_list_up(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    session = CourseSessionFactory(capacity=1)
    booked = BookingFactory(session=session)
    waiting = BookingFactory(session=session, status=BookingStatus.WAITING_LIST)
    BookingFactory(session=session, status=BookingStatus.CANCELLED_BY_DELEGATE)
    url = reverse("training:edit_session", args=[session.pk])
    client.force_login(manager)
    assert 'value="1"' in client.get(url).content.decode()  # the form opens with the session's details

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, _form(session.course, date=_next_weekday(40).isoformat(), capacity="2", overbooking_allowance="0")
        )

    assert response.status_code == 302
    session.refresh_from_db(), waiting.refresh_from_db()
    assert timezone.localdate(session.starts_at) == _next_weekday(40) and session.capacity == 2
    assert waiting.status == BookingStatus.BOOKED  # moved up into the new place, and told so
    changed = [mail.to for mail in mailoutbox if mail.subject.startswith("Your session has changed")]
    assert changed == [[booked.delegate.email]]
    assert any(mail.subject.startswith("A place has come up") for mail in mailoutbox)


def test_places_cannot_be_fewer_than_those_taken_nor_a_booked_sessions_course_change(client, manager):
    session = CourseSessionFactory(capacity=3)
    for _ in range(3):
        BookingFactory(session=session)
    client.force_login(manager)
    url = reverse("training:edit_session", args=[session.pk])

    response = client.post(url, _form(CourseFactory(), capacity="2", overbooking_allowance="0"))

    page = response.content.decode()
    assert "3 places are taken" in page and "its course cannot change" in page
    session.refresh_from_db()
    assert session.capacity == 3


def test_a_past_or_cancelled_session_is_not_changed(client, manager):
    starts = timezone.now() - timedelta(days=3)
    held = CourseSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), status="held")
    client.force_login(manager)
    url = reverse("training:edit_session", args=[held.pk])
    assert "it can no longer be changed here" in client.get(url).content.decode()
    response = client.post(url, _form(held.course))
    assert "it can no longer be changed here" in response.content.decode()
    held.refresh_from_db()
    assert held.starts_at == starts


def test_a_chair_of_another_body_and_a_partner_are_refused(client, chair, partner):
    for user in (chair, partner):
        client.force_login(user)
        assert client.get(ADD).status_code == 403
        assert client.post(ADD, {}).status_code == 403
