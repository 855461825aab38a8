"""A partner the business manager names as a chapter's contributor opens and saves that chapter on the web form, and
sees it, with its status and due date, under "Your parts of the annual report" on the home page; another partner
does not."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnership.tests.factories import PersonFactory, UserFactory
from reports import services
from reports.models import NarrativeSection


@pytest.fixture
def foreword(report, partner):
    narrative = NarrativeSection.objects.get(report=report, key="foreword")
    due = timezone.localdate() - timedelta(days=3)
    return services.assign_contribution(narrative=narrative, assigned_to=partner, due_on=due)


@pytest.mark.django_db
def test_the_named_partner_writes_the_chapter(client, partner, foreword):
    url = reverse("reports:narrative", args=[foreword.report.year, "foreword"])
    client.force_login(partner)
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Our year, in the chair's words.", "based_on_version": foreword.version})
    assert response.status_code == 302
    foreword.refresh_from_db()
    assert foreword.text == "Our year, in the chair's words." and foreword.last_edited_by == partner


@pytest.mark.django_db
def test_another_partner_cannot_open_it(client, foreword):
    other = UserFactory(username="other-partner")
    PersonFactory(user=other, name="Olu Other")
    client.force_login(other)
    assert client.get(reverse("reports:narrative", args=[foreword.report.year, "foreword"])).status_code == 403


@pytest.mark.django_db
def test_the_home_page_lists_the_part_late_with_its_due_date(client, partner, foreword):
    client.force_login(partner)
    page = client.get(reverse("home")).content.decode()
    start = page.index("Your parts of the annual report")
    panel = page[start : page.index("</section>", start)]
    assert "Foreword" in panel and "late" in panel
    assert f"due {foreword.due_on.day} {foreword.due_on:%B %Y}" in panel
