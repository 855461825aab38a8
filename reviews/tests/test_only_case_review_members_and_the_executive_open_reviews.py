"""Case review records are seen only by the business manager and the members of the Case Review Subgroup or of the
Executive; only the subgroup's chairs (and the business manager) change them. A partner representative who sits on
neither gets 403 on every page, before any record is looked up. (Every URL × every role against the demo is
lscp/tests/test_every_url_declares_who_may_open_it.py, from reviews.permissions.PAGES.)"""

from datetime import date

import pytest
from django.urls import reverse

from partnership.models import BodyKind, MembershipRole
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory
from reviews.tests.factories import PracticeReviewFactory, SeriousIncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    return SeriousIncidentFactory(code_name="Child Z"), PracticeReviewFactory(code_name="Family Z")


def pages(incident, review):
    return [
        reverse("reviews:incidents"),
        reverse("reviews:incident", args=[incident.pk]),
        reverse("reviews:practice_reviews"),
        reverse("reviews:practice_review", args=[review.pk]),
    ]


def member_of(body, role=MembershipRole.MEMBER):
    user = UserFactory()
    MembershipFactory(person=PersonFactory(user=user), body=body, role=role, start=date(2020, 4, 1))
    return user


def test_a_partner_on_another_body_is_refused_every_page(client, records):
    client.force_login(member_of(BodyFactory(name="Best Practice and Performance Subgroup")))
    for url in pages(*records):
        assert client.get(url).status_code == 403, url
    incident, review = records
    assert client.post(reverse("reviews:decision", args=[incident.pk]), {}).status_code == 403
    assert not incident.viewings.exists() and not review.viewings.exists()


def test_a_member_of_the_executive_reads_but_does_not_change(client, records):
    client.force_login(member_of(BodyFactory(name="LSCP Executive", kind=BodyKind.EXECUTIVE)))
    for url in pages(*records):
        assert client.get(url).status_code == 200, url
    incident, review = records
    assert client.post(reverse("reviews:incidents"), {}).status_code == 403
    assert client.post(reverse("reviews:practice_review_stage", args=[review.pk]), {}).status_code == 403


def test_a_member_of_the_subgroup_reads_and_its_chair_changes(client, records):
    subgroup = BodyFactory(name="Case Review Subgroup")
    client.force_login(member_of(subgroup))
    for url in pages(*records):
        assert client.get(url).status_code == 200, url
    assert client.post(reverse("reviews:incidents"), {}).status_code == 403
    client.force_login(member_of(subgroup, role=MembershipRole.CO_CHAIR))
    assert client.get(reverse("reviews:deadlines")).status_code == 200
    response = client.post(reverse("reviews:incidents"), {})
    assert response.status_code == 200 and response.context["form"].errors


def test_the_chair_of_another_subgroup_is_refused(client, records):
    client.force_login(member_of(BodyFactory(name="Best Practice and Performance Subgroup"), MembershipRole.CHAIR))
    for url in [*pages(*records), reverse("reviews:deadlines")]:
        assert client.get(url).status_code == 403, url


def test_the_public_is_sent_to_sign_in(client, records):
    for url in pages(*records):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
