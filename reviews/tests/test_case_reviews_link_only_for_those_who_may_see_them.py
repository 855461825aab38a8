"""The navbar links to the case reviews for those who may see them (the business manager, the Case Review
Subgroup's members and the Executive's), and not for anyone else."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def has_link(client):
    page = client.get(reverse("home")).content.decode()
    return f'href="{reverse("reviews:incidents")}">Case reviews</a>' in page


@pytest.mark.parametrize(
    "role, shown", [("manager", True), ("chair", True), ("partner", True), ("delegate", False), ("outsider", False)]
)
def test_the_link_follows_who_may_see_case_reviews(client, request, role, shown):
    client.force_login(request.getfixturevalue(role))
    assert has_link(client) is shown


def test_the_public_has_no_link(client):
    assert not has_link(client)
