"""The public booking form: bad input comes back with what was typed kept, each problem under its box and in the
summary at the top, and nothing saved; a good booking leads to the manage-my-booking page."""

import pytest
from django.urls import reverse

from partnership.models import Sector
from training.models import Booking, Delegate
from training.tests.factories import CourseFactory, CourseSessionFactory, EligibleSectorFactory

pytestmark = pytest.mark.django_db


def _typed(**overrides):
    data = {
        "name": "Sam Jones",
        "email": "sam.jones@school.example.org",
        "agency": "",
        "organisation": "St Mary's Primary School",
        "sector": Sector.EDUCATION,
        "job_role": "Designated safeguarding lead",
        "line_manager_email": "",
        "booked_by_email": "",
    }
    data.update(overrides)
    return data


def test_a_bad_email_and_no_organisation_are_each_explained_and_the_rest_kept(client):
    session = CourseSessionFactory()
    response = client.post(
        reverse("training:book", args=[session.pk]), _typed(email="sam.jones at school", organisation="")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter a valid email address." in page
    assert 'value="sam.jones at school"' in page
    assert 'value="Designated safeguarding lead"' in page
    assert not Booking.objects.exists() and not Delegate.objects.exists()


def test_the_service_refusals_land_under_their_boxes_with_what_was_typed(client):
    course = CourseFactory(needs_manager_approval=True)
    EligibleSectorFactory(course=course, sector=Sector.POLICE)
    session = CourseSessionFactory(course=course)
    response = client.post(reverse("training:book", args=[session.pk]), _typed(organisation=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This course is for Police only" in page
    assert "line manager" in page
    assert "Choose your agency, or give the name of your organisation" in page
    assert 'value="Sam Jones"' in page
    assert not Booking.objects.exists() and not Delegate.objects.exists()


def test_a_good_booking_leads_to_the_manage_page(client):
    session = CourseSessionFactory()
    response = client.post(reverse("training:book", args=[session.pk]), _typed(), follow=True)
    page = response.content.decode()
    assert "Your place is booked" in page
    assert "Cancel my booking" in page
    assert Booking.objects.get().delegate.email == "sam.jones@school.example.org"
