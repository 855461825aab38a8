"""One submission of the team booking form reports every problem at once: the team's own details (an address the
form refuses, no sector, details only the booking rules refuse) and every staff row (an address, a person twice,
a box too long), each listed with its row number, what was typed kept, and no one booked. A box the form already
refused keeps that one message: the service does not add "missing" for it."""

import pytest
from django.urls import reverse

from partnership.models import Sector
from training.models import Booking
from training.services.organiser import TEAM_NEEDS_ADMINISTRATOR, TEAM_ROW_NEEDS_NAME
from training.tests.factories import CourseSessionFactory, EligibleSectorFactory

pytestmark = pytest.mark.django_db


def _post(rows, **team):
    data = {
        "administrator_email": "team.admin@school.example.org",
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
        data[f"staff-{number}-job_role"] = "Teacher"
        data[f"staff-{number}-line_manager_email"] = "head@school.example.org"
    return data


def test_a_mistyped_team_address_and_no_sector_still_show_every_row_problem(client, mailoutbox):
    session = CourseSessionFactory()
    url = reverse("training:book_team", kwargs={"pk": session.pk})
    rows = [
        ("Ada Fine", "ada@school.example.org"),
        ("Ben Typo", "ben-at-school"),
        ("Ada Again", "ADA@school.example.org"),
    ]

    response = client.post(url, _post(rows, administrator_email="team.admin-at-school", sector=""))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Your work e-mail address: Enter a valid email address." in page
    assert "The sector your team works in: This field is required." in page
    assert "Row 2: “ben-at-school” is not an e-mail address." in page
    assert "Row 3: ADA@school.example.org is also on row 1: book each person once." in page
    assert TEAM_NEEDS_ADMINISTRATOR not in page  # the address typed was refused, not missing
    assert 'value="team.admin-at-school"' in page and 'value="Ada Again"' in page  # what was typed stays
    assert not Booking.objects.exists()
    assert mailoutbox == []


def test_a_row_box_too_long_still_shows_the_teams_and_the_other_rows_problems(client, mailoutbox):
    session = CourseSessionFactory()
    EligibleSectorFactory(course=session.course, sector=Sector.POLICE)  # not for schools
    url = reverse("training:book_team", kwargs={"pk": session.pk})
    rows = [("A" * 201, "long@school.example.org"), ("Ben Typo", "ben-at-school")]

    response = client.post(url, _post(rows, administrator_email=""))

    assert response.status_code == 200
    page = response.content.decode()
    assert TEAM_NEEDS_ADMINISTRATOR in page
    assert "This course is for Police only." in page
    assert "Row 1: Ensure this value has at most 200 characters (it has 201)." in page
    assert 'href="#id_staff-0-name"' in page
    assert TEAM_ROW_NEEDS_NAME % {"row": 1} not in page  # the box too long is not also "missing"
    assert "Row 2: “ben-at-school” is not an e-mail address." in page
    assert page.index("Row 1: Ensure") < page.index("Row 2: “ben-at-school”")  # listed in row order
    assert not Booking.objects.exists()
    assert mailoutbox == []
