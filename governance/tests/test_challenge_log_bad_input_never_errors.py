"""Whatever is typed or tampered with, the challenge log answers with a form error, 403 or 404: never a 500."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import ChallengeLogEntry, ChallengeStage
from partnership.tests.factories import AgencyFactory

CREATE = reverse("governance:challenge_create")


@pytest.fixture
def ours(partner):
    return ChallengeLogEntry.objects.create(
        raised_by_agency=partner.person.agency,
        agency_challenged=AgencyFactory(),
        issue="Strategy meeting not held.",
        raised_on=date(2022, 9, 1),
    )


GOOD_LOG = {"issue": "Kept issue.", "raised_on": "2022-09-01", "stage": "resolved_between_agencies"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tampering, field",
    [
        ({"agency_challenged": "abc"}, "agency_challenged"),
        ({"agency_challenged": "999999"}, "agency_challenged"),
        ({"agency_challenged": "99999999999999999999999"}, "agency_challenged"),
        ({"agency_challenged": "-1"}, "agency_challenged"),
        ({"agency_challenged": "1\x00"}, "agency_challenged"),
        ({"raised_on": "31/02/2022"}, "raised_on"),
        ({"raised_on": "2022-02-30"}, "raised_on"),
        ({"raised_on": "99999-01-01"}, "raised_on"),
        ({"raised_on": ""}, "raised_on"),
        ({"stage": "escalated_to_the_king"}, "stage"),
        ({"stage": ""}, "stage"),
        ({"issue": "   "}, "issue"),
    ],
)
def test_bad_values_in_the_log_form_are_field_errors(client, partner, tampering, field):
    agency = AgencyFactory()
    client.force_login(partner)
    data = {**GOOD_LOG, "agency_challenged": agency.pk, **tampering}
    response = client.post(CREATE, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "error-summary" in response.text
    if field != "issue":
        assert "Kept issue." in response.text
    assert not ChallengeLogEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tampering, field",
    [
        ({"stage": "nonsense"}, "stage"),
        ({"resolution": "won"}, "resolution"),
        ({"closed_on": "yesterday"}, "closed_on"),
        ({"closed_on": "2999-01-01", "resolution": "accepted"}, "closed_on"),
        ({"closed_on": "0000-00-00"}, "closed_on"),
    ],
)
def test_bad_values_in_the_update_form_are_field_errors(client, partner, ours, tampering, field):
    client.force_login(partner)
    data = {"stage": ChallengeStage.ESCALATED_SUBGROUP, "outcome": "Kept outcome.", "impact": "", **tampering}
    response = client.post(reverse("governance:challenge_edit", args=[ours.pk]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Kept outcome." in response.text
    ours.refresh_from_db()
    assert (ours.stage, ours.outcome) == (ChallengeStage.BETWEEN_AGENCIES, "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/challenges/abc/",
        "/challenges/-1/",
        "/challenges/99999999999999999999999/",
        "/challenges/99999999999999999999999/edit/",
        "/challenges/0/edit/",
    ],
)
def test_bad_addresses_are_not_found(client, manager, partner, path):
    for user in (manager, partner):
        client.force_login(user)
        assert client.get(path).status_code == 404
        if path.endswith("/edit/"):
            assert client.post(path, {"stage": "escalated_subgroup"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"state": "nonsense"},
        {"stage": "purple"},
        {"state": "\x00"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999"},
    ],
)
def test_list_filters_that_make_no_sense_are_ignored(client, partner, ours, query):
    client.force_login(partner)
    response = client.get(reverse("governance:challenges"), query)
    assert response.status_code == 200
    assert ours in response.context["challenges"]


@pytest.mark.django_db
def test_a_future_date_is_reported_with_the_other_errors_at_once(client, partner):
    client.force_login(partner)
    response = client.post(CREATE, {"issue": "Kept issue.", "raised_on": "2999-01-01", "stage": "x"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"agency_challenged", "raised_on", "stage"}
