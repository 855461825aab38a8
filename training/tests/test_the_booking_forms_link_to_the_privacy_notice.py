"""The public booking forms (a place, and a team's places) say in a few words what the partnership keeps and for how
long, and link to the full privacy notice, which names the partnership and says what it keeps, why, how long, and
how to ask for it or complain to the Information Commissioner's Office."""

import re

import pytest
from django.urls import reverse

from training.tests.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("form", ["training:book", "training:book_team"])
def test_each_booking_form_links_to_the_privacy_notice_beside_the_form(client, settings, form):
    settings.DELEGATE_RETENTION_YEARS = 4
    page = client.get(reverse(form, kwargs={"pk": CourseSessionFactory().pk})).content.decode()

    form_html = re.search(r"<form method=\"post\".*?</form>", page, re.S).group(0)
    assert f'href="{reverse("training:privacy")}"' in form_html
    assert "After 4 years without training" in form_html


def test_the_privacy_notice_names_the_partnership_and_says_how_to_ask_or_complain(client, settings):
    settings.PARTNERSHIP_NAME = "Northshire Safeguarding Children Partnership"
    settings.PRIVACY_CONTACT_EMAIL = "dpo@northshire.example.org"
    settings.DELEGATE_RETENTION_YEARS = 5
    settings.ACCESS_LOG_RETENTION_YEARS = 1

    response = client.get(reverse("training:privacy"))
    page = response.content.decode()

    assert response.status_code == 200
    assert page.count("<h1") == 1 and "<main" in page
    assert "Northshire Safeguarding Children Partnership keeps" in page
    assert "Once 5 years have passed without a booking" in page
    assert "kept for 1 year, then deleted" in page
    assert 'href="mailto:dpo@northshire.example.org"' in page
    assert "https://ico.org.uk/make-a-complaint/" in page
    assert "task in the public interest" in page


def test_without_a_privacy_contact_people_write_to_the_partnerships_own_address(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = "Training team <training@northshire.example.org>"
    page = client.get(reverse("training:privacy")).content.decode()
    assert 'href="mailto:training@northshire.example.org"' in page
