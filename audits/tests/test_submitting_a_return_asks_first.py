"""Submitting a Section 11 return cannot be undone, so the first press of "Submit" saves the draft (its files too) and
asks, showing what will be sent; nothing is submitted, no action raised and no e-mail sent until the partner confirms.
"No" goes back to the return with the draft kept; a confirmation that comes too late says why."""

import pytest
from django.urls import reverse

from audits.models import Return
from audits.services.section11 import start_return
from governance.models import Action

from .factories import make_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(partner):
    cycle = make_cycle(partner.person.agency, standards=2)
    return start_return(cycle=cycle, agency=partner.person.agency, by=partner)


def answers(agency_return):
    data = {}
    for standard in agency_return.cycle.standard_set.standards.all():
        data[f"rating_{standard.pk}"] = "partially_met" if standard.number == 2 else "fully_met"
        data[f"evidence_{standard.pk}"] = f"Evidence for standard {standard.number}."
    return data


def test_the_first_press_saves_the_draft_and_asks_without_submitting(client, opened, partner, mailoutbox):
    client.force_login(partner)
    url = reverse("audits:return", args=[opened.pk])
    response = client.post(url, {**answers(opened), "submit": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Submit your return for {opened.cycle.name} to the partnership?" in page
    assert "Evidence for standard 2." in page  # what will be sent
    assert 'name="confirmed"' in page and f'href="{url}"' in page  # yes, or back to the return
    opened.refresh_from_db()
    assert opened.status == "in_progress"
    assert sorted(opened.responses.values_list("evidence", flat=True)) == [
        "Evidence for standard 1.",
        "Evidence for standard 2.",
    ]
    assert not Action.objects.exists()
    assert mailoutbox == []


def test_confirming_submits_the_saved_draft(client, opened, partner, django_capture_on_commit_callbacks):
    client.force_login(partner)
    url = reverse("audits:return", args=[opened.pk])
    client.post(url, {**answers(opened), "submit": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"submit": "1", "confirmed": "1"})
    assert response.status_code == 302
    opened.refresh_from_db()
    assert opened.status == "submitted" and opened.submitted_by == partner
    assert Action.objects.count() == 1  # standard 2, partially met
    # The answers were not sent again with the confirmation, and are kept.
    assert opened.responses.filter(evidence="Evidence for standard 1.").exists()


def test_a_confirmation_after_the_return_was_submitted_says_so(client, opened, partner):
    client.force_login(partner)
    url = reverse("audits:return", args=[opened.pk])
    client.post(url, {**answers(opened), "submit": "1"})
    client.post(url, {"submit": "1", "confirmed": "1"})
    response = client.post(url, {"submit": "1", "confirmed": "1"}, follow=True)
    assert response.status_code == 200
    assert Return.objects.get(pk=opened.pk).status == "submitted"
    assert Action.objects.count() == 1
    assert any("submitted" in str(message) for message in response.context["messages"])
