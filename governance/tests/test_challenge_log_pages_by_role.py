"""Every challenge log page × every role → the status that role should get, for reading and for writing."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import ChallengeLogEntry, ChallengeStage
from partnership.tests.factories import AgencyFactory

OK, REDIRECT, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404


@pytest.fixture
def challenges(partner):
    ours = partner.person.agency
    police, council = AgencyFactory(name="Metropolitan Police"), AgencyFactory(name="Westminster Council")

    def log(raised_by, challenged, issue):
        return ChallengeLogEntry.objects.create(
            raised_by_agency=raised_by, agency_challenged=challenged, issue=issue, raised_on=date(2022, 9, 1)
        )

    return {
        "raised": log(ours, police, "We challenged the police."),
        "received": log(council, ours, "The council challenged us."),
        "others": log(police, council, "Between two other agencies."),
    }


def _pages(c):
    def page(name, key):
        return reverse(f"governance:{name}", args=[c[key].pk])

    return [
        # (url, anonymous, manager, chair, partner, delegate, outsider). The chair speaks for another
        # agency than the partner's, so the partner's challenges are not theirs to see.
        (reverse("governance:challenges"), REDIRECT, OK, OK, OK, FORBIDDEN, FORBIDDEN),
        (reverse("governance:challenge_create"), REDIRECT, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN),
        (page("challenge", "raised"), REDIRECT, OK, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
        (page("challenge", "received"), REDIRECT, OK, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
        (page("challenge", "others"), REDIRECT, OK, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        (page("challenge_edit", "raised"), REDIRECT, OK, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
        (page("challenge_edit", "received"), REDIRECT, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (page("challenge_edit", "others"), REDIRECT, OK, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        ("/challenges/999999/", REDIRECT, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        ("/challenges/999999/edit/", REDIRECT, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN),
    ]


@pytest.mark.django_db
def test_every_challenge_page_gives_each_role_what_it_should(statuses_by_role, challenges):
    failures = statuses_by_role(_pages(challenges))
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_only_the_right_roles_can_post_to_the_challenge_pages(statuses_by_role, challenges):
    # Empty posts: whoever is let through gets the form back with its errors, and nothing changes.
    table = [
        (reverse("governance:challenge_create"), REDIRECT, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN),
        *[row for row in _pages(challenges) if "/edit/" in row[0]],
    ]
    failures = statuses_by_role(table, method="post")
    assert not failures, "\n".join(failures)
    assert ChallengeLogEntry.objects.count() == 3
    assert set(ChallengeLogEntry.objects.values_list("stage", flat=True)) == {ChallengeStage.BETWEEN_AGENCIES}


@pytest.mark.django_db
def test_the_public_is_sent_to_sign_in(client, challenges):
    for url in (reverse("governance:challenges"), reverse("governance:challenge", args=[challenges["raised"].pk])):
        response = client.get(url)
        assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.django_db
def test_a_partner_never_sees_another_pair_of_agencies_challenge_in_the_list(client, partner, challenges):
    client.force_login(partner)
    response = client.get(reverse("governance:challenges"), {"state": "any"})
    issues = {challenge.issue for challenge in response.context["challenges"]}
    assert issues == {"We challenged the police.", "The council challenged us."}
    assert "Between two other agencies." not in response.text


@pytest.mark.django_db
def test_the_agency_challenged_reads_it_without_an_update_button(client, partner, challenges):
    client.force_login(partner)
    received = client.get(reverse("governance:challenge", args=[challenges["received"].pk]))
    assert "The council challenged us." in received.text
    assert reverse("governance:challenge_edit", args=[challenges["received"].pk]) not in received.text
    raised = client.get(reverse("governance:challenge", args=[challenges["raised"].pk]))
    assert reverse("governance:challenge_edit", args=[challenges["raised"].pk]) in raised.text
