"""Who a course is for is checked against everything known of the practitioner, not only the sector typed: a
delegate whose record says education, or whose agency is a school, cannot book a course for police and children's
social care by choosing another sector; nor can anyone by choosing an agency of another sector. The refusal names
who the course is for, says nothing of the record's sector, and books no one (a team's row included)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnership.models import Sector
from partnership.tests.factories import AgencyFactory
from training.models import Booking
from training.services.bookings import book_place
from training.tests.factories import CourseFactory, CourseSessionFactory, DelegateFactory, place_details

pytestmark = pytest.mark.django_db
FOR_WHOM = "This course is for Local authority children's services and Police only"


@pytest.fixture
def police_and_social_care_session():
    course = CourseFactory(title="Modern Slavery and Child Exploitation: Police and Social Care Learning Event")
    course.eligible_sectors.create(sector=Sector.POLICE)
    course.eligible_sectors.create(sector=Sector.LA_CHILDREN)
    return CourseSessionFactory(course=course)


def _refusal(session, **typed):
    with pytest.raises(ValidationError) as refused:
        book_place(session=session, **place_details(**typed))
    assert not Booking.objects.exists()
    return refused.value.message_dict


def test_a_delegate_recorded_in_education_cannot_type_police(police_and_social_care_session):
    DelegateFactory(email="sam.jones@school.example.org", agency=None, organisation="A school", sector=Sector.EDUCATION)
    errors = _refusal(police_and_social_care_session, sector=Sector.POLICE)
    message = errors["sector"][0]
    assert message.startswith(FOR_WHOM) and "our records of this work e-mail address show another sector" in message
    assert "education" not in message.lower()


def test_a_delegate_whose_agency_is_in_education_cannot_get_in_on_their_own_sector(police_and_social_care_session):
    school = AgencyFactory(name="St Thomas More Language College", sector=Sector.EDUCATION)
    DelegateFactory(email="sam.jones@school.example.org", agency=school, sector=Sector.POLICE)
    errors = _refusal(police_and_social_care_session, sector=Sector.POLICE, agency=None, organisation="Elsewhere")
    assert errors["sector"][0].startswith(FOR_WHOM)


def test_choosing_an_agency_of_another_sector_is_refused(police_and_social_care_session):
    school = AgencyFactory(name="St Thomas More Language College", sector=Sector.EDUCATION)
    errors = _refusal(police_and_social_care_session, sector=Sector.POLICE, agency=school, organisation="")
    assert errors["agency"][0].startswith(FOR_WHOM) and "St Thomas More Language College" in errors["agency"][0]


def test_a_police_officer_on_record_books_it(police_and_social_care_session):
    police = AgencyFactory(name="Metropolitan Police Service", sector=Sector.POLICE)
    DelegateFactory(email="sam.jones@school.example.org", agency=police, sector=Sector.POLICE)
    booking = book_place(session=police_and_social_care_session, **place_details(sector=Sector.POLICE))
    assert booking.delegate.email == "sam.jones@school.example.org"


def test_a_team_row_for_a_delegate_recorded_in_education_books_no_one(client, police_and_social_care_session):
    DelegateFactory(email="kim.lee@school.example.org", agency=None, organisation="A school", sector=Sector.EDUCATION)
    data = {
        "administrator_email": "office@police.example.org",
        "agency": "",
        "organisation": "A police team",
        "sector": Sector.POLICE,
        "staff-TOTAL_FORMS": "2",
        "staff-INITIAL_FORMS": "0",
        "staff-MIN_NUM_FORMS": "0",
        "staff-MAX_NUM_FORMS": "50",
    }
    for number, (name, email) in enumerate(
        [("Jo Officer", "jo@police.example.org"), ("Kim Lee", "kim.lee@school.example.org")]
    ):
        data |= {f"staff-{number}-name": name, f"staff-{number}-email": email}
    response = client.post(reverse("training:book_team", kwargs={"pk": police_and_social_care_session.pk}), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Row 2: this course is for Local authority children&#x27;s services and Police only" in page
    assert not Booking.objects.exists()
