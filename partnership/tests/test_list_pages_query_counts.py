"""List pages cost the same number of queries with ten rows or a hundred."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnership.models import MembershipRole
from partnership.tests.factories import (
    AgencyFactory,
    BodyFactory,
    LocalAuthorityFactory,
    MeetingFactory,
    MembershipFactory,
)


def add_rows(n):
    borough = LocalAuthorityFactory(code="RBKC", name="Kensington and Chelsea")
    for _ in range(n):
        agency = AgencyFactory()
        agency.boroughs.add(borough)
        body = BodyFactory()
        MembershipFactory(body=body, role=MembershipRole.CHAIR, person__agency=agency)
        MembershipFactory(body=body, person__agency=agency)
        MeetingFactory(body=body)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["partnership:agencies", "partnership:bodies", "home"])
def test_list_page_queries_do_not_grow_with_rows(client, manager, chair, name):
    client.force_login(manager)
    url = reverse(name)
    add_rows(4)
    client.get(url)
    small = queries_for(client, url)
    add_rows(40)
    assert queries_for(client, url) == small
    assert small <= 10


@pytest.mark.django_db
def test_body_and_meeting_pages_are_pinned(client, manager, chaired_body, django_assert_max_num_queries):
    for _ in range(30):
        MembershipFactory(body=chaired_body)
    meeting = MeetingFactory(body=chaired_body)
    from partnership.services import prefill_register

    prefill_register(meeting=meeting)
    client.force_login(manager)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("partnership:body", args=[chaired_body.pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("partnership:meeting", args=[meeting.pk])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("partnership:meeting_edit", args=[meeting.pk])).status_code == 200
