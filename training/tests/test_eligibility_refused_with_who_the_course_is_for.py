"""A course for some sectors only (the two-day specialist harmful-practices course is for social workers, police
and health) refuses a practitioner from another sector with a message naming who it is for, and saves nothing."""

import pytest
from django.core.exceptions import ValidationError

from partnership.models import Sector
from training.models import Booking, BookingStatus, Delegate
from training.services.bookings import book_place
from training.tests.factories import CourseFactory, CourseSessionFactory, EligibleSectorFactory, place_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def specialist_session():
    course = CourseFactory(title="Harmful Practices: two-day specialist course", level=4, category="specialist")
    for sector in (Sector.LA_CHILDREN, Sector.POLICE, Sector.NHS_TRUST):
        EligibleSectorFactory(course=course, sector=sector)
    return CourseSessionFactory(course=course)


def test_a_teacher_is_told_who_the_course_is_for(specialist_session):
    with pytest.raises(ValidationError) as refused:
        book_place(session=specialist_session, **place_details(sector=Sector.EDUCATION))
    message = refused.value.message_dict["sector"][0]
    assert "This course is for Local authority children's services, NHS trust and Police only" in message
    assert "open to education staff" in message
    assert not Booking.objects.exists() and not Delegate.objects.exists()


def test_a_police_officer_books_it(specialist_session):
    booking = book_place(session=specialist_session, **place_details(sector=Sector.POLICE))
    assert booking.status == BookingStatus.BOOKED


def test_a_course_listing_no_sector_is_open_to_all():
    session = CourseSessionFactory()
    assert book_place(session=session, **place_details(sector=Sector.OTHER)).status == BookingStatus.BOOKED
