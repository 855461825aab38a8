"""The demo has the Learning and Development Subgroup (settings.TRAINING_BODY_NAME) with co-chairs, one of them
the demo's `chair` login: that chair opens the organiser pages and the impact page, and writes the training
chapter of the demo's report. Every person it adds has a demo address."""

from django.conf import settings
from django.urls import reverse

from lscp.financial_year import FinancialYear
from lscp.roles import roles_for
from partnership.models import Body, Membership
from reports.models import AnnualReport
from reports.permissions import can_write_chapter
from training.permissions import can_organise_training, can_see_training_impact


def test_the_subgroup_is_there_with_the_demo_chair_among_its_co_chairs(demo, demo_user):
    body = Body.objects.get(name=settings.TRAINING_BODY_NAME)
    assert body.kind == "subgroup" and "training" in body.purpose
    co_chairs = Membership.objects.filter(body=body, role="co_chair").select_related("person")
    assert roles_for(demo_user("chair")).person in [m.person for m in co_chairs] and len(co_chairs) == 2
    emails = Membership.objects.filter(body=body).values_list("person__email", flat=True)
    assert all(email.endswith(".example.org") for email in emails)


def test_the_demo_chair_organises_training_and_sees_its_impact(demo, demo_user, client):
    chair = demo_user("chair")
    roles = roles_for(chair)
    assert can_organise_training(roles) and can_see_training_impact(roles)
    client.force_login(chair)
    assert client.get(reverse("training:organise")).status_code == 200
    assert client.get(reverse("training:impact")).status_code == 200


def test_the_demo_chair_writes_the_training_chapter(demo, demo_user):
    report = AnnualReport.objects.get(year=FinancialYear(2022))
    chapter = report.narratives.select_related("written_by").get(key="training")
    assert chapter.written_by.name == settings.TRAINING_BODY_NAME
    assert can_write_chapter(roles_for(demo_user("chair")), chapter)
