"""The chair records the agencies contributing to a rapid review on the incident's page, when starting it or later
(the form shows those recorded ticked, and sets them as sent); the page lists them, and the rapid review's history
keeps each change with who made it, which the business manager reads in the admin."""

import pytest
from django.urls import reverse

from partnership.tests.factories import AgencyFactory
from reviews.models import RapidReview
from reviews.tests.factories import SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def test_the_agencies_contributing_are_recorded_changed_and_kept_in_the_history(client, chair, manager):
    incident = SeriousIncidentFactory(code_name="Child Z")
    police, school, trust = (AgencyFactory(name=name) for name in ("Police", "Holland Park School", "NHS Trust"))
    url = reverse("reviews:rapid_review", args=[incident.pk])
    client.force_login(chair)

    page = client.get(reverse("reviews:incident", args=[incident.pk]))
    assert "Agencies contributing" in page.content.decode()  # offered when starting it

    started = client.post(url, {"started_on": "2022-09-14", "agencies": [police.pk, school.pk]})
    assert started.status_code == 302
    rapid_review = RapidReview.objects.get(incident=incident)
    assert set(rapid_review.agencies.all()) == {police, school}

    page = client.get(reverse("reviews:incident", args=[incident.pk]))
    assert 'Agencies contributing</dt><dd class="col-sm-8">Holland Park School, Police</dd>' in page.content.decode()
    assert set(page.context["rapid_review_form"].initial["agencies"]) == {police.pk, school.pk}

    changed = client.post(url, {"agencies": [school.pk, trust.pk]})
    assert changed.status_code == 302
    assert set(rapid_review.agencies.all()) == {school, trust}

    latest = rapid_review.history.latest()
    assert latest.history_user == chair
    assert {row.agency for row in latest.agencies.all()} == {school, trust}
    assert any(
        {row.agency for row in record.agencies.all()} == {police, school} for record in rapid_review.history.all()
    )

    client.force_login(manager)
    history = client.get(reverse("admin:reviews_rapidreview_history", args=[rapid_review.pk]))
    assert history.status_code == 200
    assert "agencies" in history.content.decode().lower()


def test_an_inactive_agency_already_recorded_stays_offered_and_ticked(client, chair):
    incident = SeriousIncidentFactory()
    closed = AgencyFactory(name="Closed CCG", active=False)
    AgencyFactory(name="Another closed agency", active=False)
    client.force_login(chair)
    client.post(reverse("reviews:rapid_review", args=[incident.pk]), {"started_on": "2022-09-14"})
    RapidReview.objects.get(incident=incident).agencies.add(closed)
    form = client.get(reverse("reviews:incident", args=[incident.pk])).context["rapid_review_form"]
    offered = list(form.fields["agencies"].queryset)
    assert closed in offered
    assert [agency.name for agency in offered if not agency.active] == ["Closed CCG"]
    assert form.initial["agencies"] == [closed.pk]
