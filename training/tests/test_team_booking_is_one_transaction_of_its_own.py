"""The team booking is one transaction of its own (the session's row lock is taken inside it), whether or not the
request is in one: outside a test's transaction, a good team is booked and a team with one bad row leaves
nothing behind."""

import pytest
from django.urls import reverse

from partnership.models import Sector
from training.models import Booking
from training.tests.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _post(rows):
    data = {
        "administrator_email": "team.admin@school.example.org",
        "agency": "",
        "organisation": "St Mary's Primary School",
        "sector": Sector.EDUCATION,
        "staff-TOTAL_FORMS": str(len(rows)),
        "staff-INITIAL_FORMS": "0",
        "staff-MIN_NUM_FORMS": "0",
        "staff-MAX_NUM_FORMS": "50",
    }
    for number, (name, email) in enumerate(rows):
        data[f"staff-{number}-name"] = name
        data[f"staff-{number}-email"] = email
        data[f"staff-{number}-job_role"] = "Teacher"
        data[f"staff-{number}-line_manager_email"] = "head@school.example.org"
    return data


def test_a_good_team_is_booked_and_a_bad_one_leaves_nothing(client):
    session = CourseSessionFactory()
    url = reverse("training:book_team", kwargs={"pk": session.pk})

    bad = client.post(url, _post([("Ada Fine", "ada@school.example.org"), ("Ben Typo", "ben-at-school")]))
    assert bad.status_code == 200 and not Booking.objects.exists()

    good = client.post(url, _post([("Ada Fine", "ada@school.example.org"), ("Ben Fine", "ben@school.example.org")]))
    assert good.status_code == 302
    assert Booking.objects.filter(session=session).count() == 2
