"""The audit trail's filters narrow the list: by the person (part of their name, user name or e-mail address), by
the kind of record and its name or number, by what happened, and by a range of dates; a filter that makes no sense
is ignored and the page says so."""

import pytest
from django.urls import reverse

from .audit_trail_records import SPRING, SUMMER, two_agencies

pytestmark = pytest.mark.django_db

AGENCIES = {"record_kind": "partnership.agency"}


def listed(client, **filters):
    response = client.get(reverse("audit_trail"), filters)
    assert response.status_code == 200
    return [(entry.what, entry.who, entry.record_name) for entry in response.context["entries"]]


@pytest.fixture
def agencies(client, manager):
    riverside, hillside, member = two_agencies(manager)
    client.force_login(manager)
    return riverside, hillside


def test_every_change_to_the_agencies_is_listed_newest_first(client, agencies):
    assert listed(client, **AGENCIES) == [
        ("Changed", "Sam Member", "Hillside Health Trust"),
        ("Created", "Eleanor Manager", "Hillside Health Trust"),
        ("Changed", "Eleanor Manager", "Riverside Council"),
        ("Created", "Eleanor Manager", "Riverside Borough Council"),
    ]


def test_by_person_by_their_name_user_name_or_e_mail_address(client, agencies):
    assert listed(client, person="sam member", **AGENCIES) == [("Changed", "Sam Member", "Hillside Health Trust")]
    assert listed(client, person="member@example", **AGENCIES) == [("Changed", "Sam Member", "Hillside Health Trust")]
    assert {who for _, who, _ in listed(client, person="manager", **AGENCIES)} == {"Eleanor Manager"}
    assert listed(client, person="nobody of that name") == []


def test_by_record_name_or_number(client, agencies):
    riverside, hillside = agencies
    assert listed(client, record="riverside") == [
        ("Changed", "Eleanor Manager", "Riverside Council"),
        ("Created", "Eleanor Manager", "Riverside Borough Council"),
    ]
    assert [name for _, _, name in listed(client, record=str(hillside.pk), **AGENCIES)] == ["Hillside Health Trust"] * 2
    assert listed(client, record="riverside", record_kind="partnership.body") == []


def test_by_what_happened_and_by_dates(client, agencies):
    assert listed(client, event="created", **AGENCIES) == [
        ("Created", "Eleanor Manager", "Hillside Health Trust"),
        ("Created", "Eleanor Manager", "Riverside Borough Council"),
    ]
    assert listed(client, starts=SUMMER.isoformat(), **AGENCIES) == [("Changed", "Sam Member", "Hillside Health Trust")]
    assert len(listed(client, starts=SPRING.isoformat(), ends=SPRING.isoformat(), **AGENCIES)) == 3
    assert listed(client, ends="2024-03-03", **AGENCIES) == []


def test_a_filter_that_makes_no_sense_is_ignored_and_said_so(client, agencies):
    response = client.get(
        reverse("audit_trail"), {"starts": SUMMER.isoformat(), "ends": SPRING.isoformat(), "record_kind": "no.such"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Some filters could not be used and were ignored" in page
    assert "The “to” date is before the “from” date." in page
    assert ("Changed", "Sam Member", "Hillside Health Trust") in [
        (entry.what, entry.who, entry.record_name) for entry in response.context["entries"]
    ]
