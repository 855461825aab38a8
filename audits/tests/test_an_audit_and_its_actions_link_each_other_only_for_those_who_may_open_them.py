"""An audit's page links each action raised from its recommendations only for a reader who may open that action
(`governance.permissions.can_see_action`, the rule the action's page checks), and names the others in plain text.
An action's page links back to the audit, or to the Section 11 return whose standard raised it, only for those that
page opens to (`audits.permissions.can_see_audits`, `can_see_return`)."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audits.tests.factories import AuditRecommendationFactory, StandardResponseFactory
from governance.tests.factories import ActionFactory
from partnership.tests.factories import AgencyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def action_from(record, agency, title):
    return ActionFactory(
        title=title,
        owner_agency=agency,
        source_type=ContentType.objects.get_for_model(record),
        source_id=record.pk,
    )


@pytest.fixture
def audit_reader(partner, other_body):
    """The partner, a member of the Quality Assurance subgroup: reads the audits."""
    MembershipFactory(person=partner.person, body=other_body, start=date(2020, 4, 1))
    return partner


def test_a_reader_is_linked_only_to_the_actions_they_may_open(client, audit_reader):
    recommendation = AuditRecommendationFactory()
    ours = action_from(recommendation, audit_reader.person.agency, "Record the child's voice")
    theirs = action_from(recommendation, AgencyFactory(), "Audit the health visiting records")
    client.force_login(audit_reader)

    page = client.get(reverse("audits:audit", args=[recommendation.audit_id])).content.decode()

    assert f'href="{reverse("governance:action", args=[ours.pk])}"' in page
    assert f'href="{reverse("governance:action", args=[theirs.pk])}"' not in page
    assert "Audit the health visiting records" in page
    assert client.get(reverse("governance:action", args=[theirs.pk])).status_code == 404


def test_an_actions_page_links_to_the_audit_only_for_an_audit_reader(client, partner, other_body):
    recommendation = AuditRecommendationFactory()
    action = action_from(recommendation, partner.person.agency, "Record the child's voice")
    audit_url = reverse("audits:audit", args=[recommendation.audit_id])
    client.force_login(partner)
    action_page = reverse("governance:action", args=[action.pk])

    assert f'href="{audit_url}"' not in client.get(action_page).content.decode()
    assert client.get(audit_url).status_code == 403

    MembershipFactory(person=partner.person, body=other_body, start=date(2020, 4, 1))
    page = client.get(action_page).content.decode()
    assert f"Recommendation {recommendation.number} of the multi-agency audit" in page
    assert f'href="{audit_url}"' in page
    assert client.get(audit_url).status_code == 200


def test_an_actions_page_links_to_the_return_only_for_those_who_may_open_it(client, partner, chair, manager):
    response = StandardResponseFactory(agency_return__agency=partner.person.agency, rating="not_met")
    action = action_from(response, partner.person.agency, "Meet the safer recruitment standard")
    action.lead_body = chair.person.memberships.get().body  # so that the chair, of another agency, sees the action
    action.save()
    return_url = reverse("audits:return", args=[response.agency_return_id])

    for user, linked in ((partner, True), (manager, True), (chair, False)):
        client.force_login(user)
        page = client.get(reverse("governance:action", args=[action.pk]))
        assert page.status_code == 200
        assert (f'href="{return_url}"' in page.content.decode()) is linked, user.username
        assert client.get(return_url).status_code in ((200,) if linked else (403, 404))
