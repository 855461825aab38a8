"""The home page asks each app for its panels; each panel costs one or two queries, whatever the records."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

# Session and user, the roles (groups, person, memberships with their bodies' names and kinds), then one or two per
# panel shown. The demo's business manager also has a Person record, so sees a partner's panels as well as their own.
# The menu costs nothing more: whether a member's bodies open the case reviews or the audits is read from the roles.
# Their agency's Section 11 returns due (audits' panel) is one query for anyone who speaks for an agency. The business
# manager's published reports' duties still to do (reports' panel) are one more. A partner's parts of the annual report
# (reports' panel: the business manager may name any partner to write a chapter) are one more for a partner.
MANAGER_QUERIES = 14
PARTNER_QUERIES = 11


@pytest.mark.parametrize("username, most", [("manager", MANAGER_QUERIES), ("partner", PARTNER_QUERIES)])
def test_the_home_page_costs_the_same_few_queries(demo, client, django_assert_max_num_queries, username, most):
    client.force_login(User.objects.get(username=username))
    with django_assert_max_num_queries(most):
        response = client.get(reverse("home"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "username, headings",
    [
        (
            "manager",
            [
                "The partnership this year",
                "Partners' statements",
                "Actions",
                "Case review deadlines",
                "Your agency's statement",
                "Your memberships",
            ],
        ),
        (
            "chair",
            [
                "Bodies you chair",
                # The demo chair co-chairs the Case Review Subgroup, which writes "Learning from reviews".
                "Your parts of the annual report",
                "Actions",
                "Case review deadlines",
                "Your agency's statement",
                "Your memberships",
            ],
        ),
        # The demo partner's agency is in the Section 11 cycle open now; the business manager asked them to write the
        # 2023/24 report's emerging issues.
        (
            "partner",
            [
                "Your parts of the annual report",
                "Actions",
                "Your agency's statement",
                "Your agency's Section 11 return",
                "Your memberships",
            ],
        ),
        ("delegate", ["Training"]),
    ],
)
def test_each_role_sees_its_panels_in_order_under_one_heading(demo, client, username, headings):
    client.force_login(User.objects.get(username=username))
    page = client.get(reverse("home")).content.decode()
    assert page.count("<h1") == 1
    found = [re.sub(r"\s+", " ", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, flags=re.S)]
    assert [h for h in found if any(h.startswith(wanted) for wanted in headings)] == found
    assert [next(w for w in headings if h.startswith(w)) for h in found] == headings
