"""The demo's quality assurance records (the 2015/16 LSCB report's Section 11 standards and ratings, the 2022/23
report's NRM audit and single-agency audits, a lay member): loading the demo twice changes nothing, not even the
change history."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from audits.models import MultiAgencyAudit, Return
from audits.permissions import can_scrutinise_returns
from lscp.roles import UserRoles
from partnership.models import Person

pytestmark = pytest.mark.django_db


def counts():
    found = {model.__name__: model.objects.count() for model in apps.get_app_config("audits").get_models()}
    found["Action"] = apps.get_model("governance", "Action").objects.count()
    found["Person"] = Person.objects.count()
    return found


def test_loading_twice_changes_nothing(demo):
    first = counts()
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    assert counts() == first
    # The pilot, the relaunch of 2023–24, and the cycle open now (dated from the day the demo loads).
    assert first["Cycle"] == 3 and first["MultiAgencyAudit"] == 1 and first["SingleAgencyAudit"] == 2


def test_the_returns_are_at_every_stage_and_a_lay_member_scrutinises(demo):
    statuses = sorted(Return.objects.filter(cycle__name="Section 11 audit 2023–24").values_list("status", flat=True))
    assert statuses == ["accepted", "accepted", "in_progress", "returned", "under_scrutiny"]
    lay_member = Person.objects.get(agency__name="Lay Members")
    assert can_scrutinise_returns(UserRoles(person=lay_member))
    nrm = MultiAgencyAudit.objects.get(theme__contains="NRM")
    assert nrm.judgements.count() == 12 and nrm.recommendations.count() == 2
