"""A partner representative can never see or change another agency's statement, whatever they send."""

import pytest
from django.urls import reverse

from governance.models import AgencyStatement, Inspection, StatementStatus
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory

YEAR = FinancialYear(2022)
URL = reverse("governance:our_statement", args=[YEAR])


@pytest.fixture
def theirs(db):
    statement = AgencyStatement.objects.create(
        agency=AgencyFactory(name="Central London Community Healthcare"), year=YEAR, text="Their secret draft."
    )
    Inspection.objects.create(statement=statement, inspectorate="Their own inspectorate", date="2022-09-01")
    return statement


@pytest.mark.django_db
def test_our_statement_is_always_the_partners_own_agency(client, partner, theirs):
    client.force_login(partner)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["statement"].agency_id == partner.person.agency_id
    assert "Their secret draft." not in response.text
    assert "Their own inspectorate" not in response.text


@pytest.mark.django_db
def test_the_business_managers_page_of_another_agency_is_refused(client, partner, theirs):
    client.force_login(partner)
    review = reverse("governance:statement_review", args=[YEAR, theirs.agency_id])
    assert client.get(review).status_code == 403
    assert client.post(review, {"decision": "accept"}).status_code == 403
    assert client.get(reverse("governance:statement_list", args=[YEAR])).status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == StatementStatus.DRAFT


@pytest.mark.django_db
@pytest.mark.parametrize("delete", [False, True], ids=["edit", "delete"])
def test_a_tampered_inspection_id_cannot_touch_another_agencys_inspection(client, partner, theirs, delete):
    client.force_login(partner)
    their_inspection = theirs.inspections.get()
    data = {
        "statement-text": "Ours.",
        "inspections-TOTAL_FORMS": "1",
        "inspections-INITIAL_FORMS": "1",
        "inspections-MIN_NUM_FORMS": "0",
        "inspections-MAX_NUM_FORMS": "20",
        "inspections-0-id": str(their_inspection.pk),
        "inspections-0-statement": str(theirs.pk),
        "inspections-0-inspectorate": "Hijacked",
        "inspections-0-date": "2022-09-01",
        "save": "1",
    }
    if delete:
        data["inspections-0-DELETE"] = "on"
    response = client.post(URL, data)
    # Editing someone else's inspection is an error on the form; removing it removes nothing of theirs.
    assert response.status_code == (302 if delete else 200)
    their_inspection.refresh_from_db()
    assert their_inspection.inspectorate == "Their own inspectorate"
    assert Inspection.objects.filter(pk=their_inspection.pk).exists()
    assert not Inspection.objects.filter(inspectorate="Hijacked").exists()


@pytest.mark.django_db
def test_a_chair_of_another_agency_cannot_see_the_partners_statement(client, partner, chair):
    mine = AgencyStatement.objects.create(agency=partner.person.agency, year=YEAR, text="Nadia's agency.")
    client.force_login(chair)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["statement"].agency_id == chair.person.agency_id != mine.agency_id
    assert "Nadia's agency." not in response.text
