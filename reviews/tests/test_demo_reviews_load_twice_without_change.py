"""The demo's case reviews, from the K&C and Westminster annual report 2022/23: loading the demo twice changes nothing
(not even the change history), and the records are the ones the annual report describes, with rapid reviews on time and
one late."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from lscp.financial_year import FinancialYear
from reviews import selectors
from reviews.deadlines import DeadlineState
from reviews.models import InspectionReport, NationalReview, PracticeReview, RapidReview, ReviewStage

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


def counts():
    return {model.__name__: model.objects.count() for model in apps.get_app_config("reviews").get_models()}


def test_loading_twice_changes_nothing(demo):
    first = counts()
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    assert counts() == first
    assert first["SeriousIncident"] == 5 and first["PracticeReview"] == 3 and first["HistoricalPracticeReview"] > 3


def test_the_demo_records_are_the_annual_reports(demo):
    holland_park = PracticeReview.objects.get(code_name="Holland Park School")
    assert holland_park.stage == ReviewStage.PUBLISHED
    assert holland_park.findings.count() == 6
    assert {r.addressee for r in holland_park.recommendations.all()} == {
        "Children's Services RBKC/WCC",
        "Holland Park School",
    }
    assert holland_park.disseminations.count() == 3
    assert PracticeReview.objects.get(kind="joint_sab").joint_with.name == "Safeguarding Adults Executive Board"
    titles = set(NationalReview.objects.values_list("title", flat=True))
    assert any(t.startswith("Child Q") for t in titles)
    assert any("disabilities and complex health needs in residential settings" in t for t in titles)
    assert InspectionReport.objects.filter(publisher="Ofsted").count() == 1

    assert selectors.rapid_review_timeliness(year=YEAR) == {"held": 4, "on_time": 3}
    assert selectors.decisions_by_kind(year=YEAR) == {"no_further_review": 3, "other_learning_review": 1}
    late = [r for r in RapidReview.objects.select_related("incident") if not r.deadline_met_on_time]
    assert [r.incident.code_name for r in late] == ["Baby S"]

    open_now = {(d.code_name, d.rule.key): d.state for d in selectors.open_deadlines()}
    assert open_now[("Child W", "panel_notification")] == DeadlineState.DUE_SOON
