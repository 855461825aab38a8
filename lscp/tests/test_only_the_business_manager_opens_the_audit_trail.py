"""The audit trail and its download are the business manager's alone: every other role is refused, and the public
is sent to sign in. The menu links to it for the business manager only."""

import pytest
from django.urls import reverse

from lscp.testing import FORBIDDEN, OK, REDIRECT

pytestmark = pytest.mark.django_db


def test_only_the_business_manager_opens_the_page_and_its_download(statuses_by_role):
    #        anonymous  manager  chair      partner    delegate   outsider
    rows = [
        (reverse("audit_trail"), REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (reverse("audit_trail_export"), REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ]
    failures = statuses_by_role(rows)
    assert not failures, "\n".join(failures)


def test_the_menu_links_to_it_for_the_business_manager_only(client, manager, chair):
    link = f'href="{reverse("audit_trail")}"'
    client.force_login(manager)
    assert link in client.get(reverse("home")).content.decode()
    client.force_login(chair)
    assert link not in client.get(reverse("home")).content.decode()
