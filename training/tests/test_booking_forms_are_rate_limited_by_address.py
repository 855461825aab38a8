"""The public booking form and the team booking form take at most settings.BOOKING_RATE_LIMIT submissions from
one address in BOOKING_RATE_LIMIT_MINUTES, counted together in the cache (Redis here, as in production). Past
that, the form answers 429 with a page in the site's layout saying when to try again, and books no one; another
address is not held up. Behind the proxy the address is the one the proxy appended, so a client cannot escape
the count by sending its own X-Forwarded-For. The limit and the window come from the environment."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from partnership.models import Sector
from training.models import Booking
from training.tests.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db
HERE, ELSEWHERE = "203.0.113.7", "198.51.100.20"


@pytest.fixture
def limit_of_two(settings):
    settings.BOOKING_RATE_LIMIT = 2
    settings.BOOKING_RATE_LIMIT_MINUTES = 10


def _booking(email):
    return {
        "name": "Ada Fine",
        "email": email,
        "agency": "",
        "organisation": "St Mary's Primary School",
        "sector": Sector.EDUCATION,
        "job_role": "Teacher",
        "line_manager_email": "head@school.example.org",
    }


def test_past_the_limit_the_booking_form_answers_429_in_the_site_layout_and_books_no_one(client, limit_of_two):
    session = CourseSessionFactory()
    url = reverse("training:book", kwargs={"pk": session.pk})
    assert client.post(url, {}, REMOTE_ADDR=HERE).status_code == 200  # a form with its problems counts
    assert client.post(url, _booking("ada@school.example.org"), REMOTE_ADDR=HERE).status_code == 302

    response = client.post(url, _booking("ben@school.example.org"), REMOTE_ADDR=HERE)

    assert response.status_code == 429
    page = response.content.decode()
    assert page.count("<h1") == 1 and "<main" in page
    assert "Too many submissions from your network just now" in page and "Wait 10 minutes" in page
    assert list(Booking.objects.values_list("delegate__email", flat=True)) == ["ada@school.example.org"]
    assert client.get(url, REMOTE_ADDR=HERE).status_code == 200  # reading the form is never limited
    assert client.post(url, _booking("ben@school.example.org"), REMOTE_ADDR=ELSEWHERE).status_code == 302


def test_the_team_form_shares_the_count_with_the_booking_form(client, limit_of_two):
    session = CourseSessionFactory()
    client.post(reverse("training:book", kwargs={"pk": session.pk}), {}, REMOTE_ADDR=HERE)
    team_url = reverse("training:book_team", kwargs={"pk": session.pk})
    assert client.post(team_url, {}, REMOTE_ADDR=HERE).status_code == 200

    response = client.post(team_url, {}, REMOTE_ADDR=HERE)

    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()


def test_behind_the_proxy_a_forwarded_address_the_client_chose_does_not_escape_the_count(
    client, limit_of_two, settings
):
    settings.BEHIND_PROXY = True
    url = reverse("training:book", kwargs={"pk": CourseSessionFactory().pk})
    statuses = [
        client.post(url, {}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {HERE}").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_the_limit_and_the_window_come_from_the_environment():
    code = "from django.conf import settings; print(settings.BOOKING_RATE_LIMIT, settings.BOOKING_RATE_LIMIT_MINUTES)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lscp.settings", "SECRET_KEY": "x"}
    env.update(BOOKING_RATE_LIMIT="50", BOOKING_RATE_LIMIT_MINUTES="30")
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "50 30", result.stderr
