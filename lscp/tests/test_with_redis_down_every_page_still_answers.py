"""With Redis unreachable (the cache and the job queue's broker on a port nothing listens on) every page still
answers: each role's home page and every page it leads them to, and the public booking form, whose rate limit
(counted in the cache) lets the booking through and logs a warning rather than failing for everyone."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from lscp.navigation import doors_for
from lscp.roles import roles_for
from partnership.models import Sector
from training.models import Booking
from training.tests.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["anonymous", "manager", "chair", "partner", "delegate"])
def test_each_roles_home_and_the_pages_it_leads_to_answer(request, client, role, redis_down):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    if user is not None:
        client.force_login(user)
    pages = [reverse("home"), *(door.url for door in doors_for(roles_for(user or AnonymousUser())))]
    assert len(pages) > 1

    statuses = {page: client.get(page, follow=True).status_code for page in pages}

    assert {page: status for page, status in statuses.items() if status != 200} == {}


def test_the_public_booking_form_books_when_its_rate_limit_cannot_be_counted(client, redis_down, caplog):
    session = CourseSessionFactory()
    booking = {
        "name": "Ada Fine",
        "email": "ada@school.example.org",
        "agency": "",
        "organisation": "St Mary's Primary School",
        "sector": Sector.EDUCATION,
        "job_role": "Teacher",
        "line_manager_email": "head@school.example.org",
    }

    with caplog.at_level(logging.WARNING, logger="lscp.ratelimit"):
        response = client.post(reverse("training:book", kwargs={"pk": session.pk}), booking)

    assert response.status_code == 302
    assert list(Booking.objects.values_list("delegate__email", flat=True)) == ["ada@school.example.org"]
    assert [record.levelname for record in caplog.records if record.name == "lscp.ratelimit"] == ["WARNING"]
    assert "the cache (Redis) did not answer" in caplog.text
