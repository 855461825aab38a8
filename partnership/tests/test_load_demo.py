import io

import pytest
from django.apps import apps
from django.core.management import call_command

from lscp.roles import roles_for
from lscp.testing import DEMO_YEAR
from partnership import selectors
from partnership.models import Agency, Body, BodyKind, Meeting, Membership, Person
from partnership.permissions import can_view_partnership


def counts():
    return {model.__name__: model.objects.count() for model in apps.get_app_config("partnership").get_models()}


def test_loading_the_demo_twice_changes_nothing(demo):
    first = counts()
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    assert counts() == first
    assert first["Meeting"] >= 4 and first["Attendance"] > 100


def test_the_demo_is_the_published_reports_partnership_with_a_login_per_role(demo):
    from django.contrib.auth.models import User

    assert set(Agency.objects.filter(statutory_partner=True).values_list("sector", flat=True)) >= {
        "la_children",
        "health_commissioner",
        "police",
    }
    kinds = set(Body.objects.values_list("kind", flat=True))
    assert {
        BodyKind.EXECUTIVE,
        BodyKind.PARTNERSHIP,
        BodyKind.SUBGROUP,
        BodyKind.LOCAL_GROUP,
        BodyKind.LINKED_BOARD,
    } <= kinds
    assert Body.objects.filter(kind=BodyKind.LOCAL_GROUP).count() == 2
    partnership = Body.objects.get(kind=BodyKind.PARTNERSHIP)
    assert Meeting.objects.filter(body=partnership).in_year(DEMO_YEAR).count() == 4
    roles = {u.username: roles_for(u) for u in User.objects.all()}
    assert roles["manager"].is_manager and roles["chair"].is_chair and roles["partner"].is_partner
    assert roles["delegate"].is_delegate and not can_view_partnership(roles["delegate"])
    assert Person.objects.filter(email__endswith=".example.org").count() == Person.objects.count()
    assert Membership.objects.filter(role="independent_chair").exists()


def test_the_demo_year_has_rates_for_every_agency_and_a_partner_to_challenge(demo):
    rates = selectors.attendance_by_agency(year=DEMO_YEAR)
    assert len(rates) > 10
    assert [r.label for r in rates if r.flagged] == ["National Probation Service"]


@pytest.mark.django_db
def test_the_demo_refuses_to_run_without_debug_unless_told():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="published passwords"):
        call_command("load_demo")
