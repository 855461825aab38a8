"""A partner representative writes their agency's statement with its inspections, saves drafts, previews,
submits, cannot change it while it is with the business manager, and sees the comments when it is returned."""

from datetime import date

import pytest
from django.urls import reverse

from governance.models import AgencyStatement, Inspection, Judgement, StatementStatus
from governance.services.statements import STATEMENT_ALREADY_SUBMITTED, return_statement
from lscp.financial_year import FinancialYear

YEAR = FinancialYear(2022)
URL = reverse("governance:our_statement", args=[YEAR])


def form_data(text, inspections=(), initial=0, **action):
    data = {
        "statement-text": text,
        "inspections-TOTAL_FORMS": str(len(inspections)),
        "inspections-INITIAL_FORMS": str(initial),
        "inspections-MIN_NUM_FORMS": "0",
        "inspections-MAX_NUM_FORMS": "20",
        **(action or {"save": "1"}),
    }
    for i, row in enumerate(inspections):
        data.update({f"inspections-{i}-{key}": value for key, value in row.items()})
    return data


OFSTED = {
    "inspectorate": "Ofsted",
    "kind": "ILACS",
    "date": "2022-11-14",
    "judgement": Judgement.GOOD,
    "borough": "",
    "recommendations": "Strengthen management oversight.",
}


@pytest.mark.django_db
def test_a_partner_saves_a_draft_with_its_inspections(client, partner):
    client.force_login(partner)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Our statement for 2022/23" in response.text

    response = client.post(URL, form_data("We trained **400** staff.", [OFSTED]))

    assert response.status_code == 302
    statement = AgencyStatement.objects.get(agency=partner.person.agency, year=YEAR)
    assert statement.status == StatementStatus.DRAFT
    assert statement.text == "We trained **400** staff."
    inspection = statement.inspections.get()
    assert (inspection.inspectorate, inspection.date, inspection.judgement) == (
        "Ofsted",
        date(2022, 11, 14),
        Judgement.GOOD,
    )
    assert statement.history.first().history_user == partner


@pytest.mark.django_db
def test_a_partner_edits_and_removes_inspections_of_the_draft(client, partner):
    client.force_login(partner)
    client.post(URL, form_data("Draft one.", [OFSTED, {**OFSTED, "inspectorate": "CQC", "judgement": ""}]))
    statement = AgencyStatement.objects.get(agency=partner.person.agency, year=YEAR)
    ofsted = statement.inspections.get(inspectorate="Ofsted")
    cqc = statement.inspections.get(inspectorate="CQC")

    rows = [
        {**OFSTED, "id": ofsted.pk, "statement": statement.pk, "judgement": Judgement.OUTSTANDING},
        {**OFSTED, "id": cqc.pk, "statement": statement.pk, "inspectorate": "CQC", "DELETE": "on"},
    ]
    assert client.post(URL, form_data("Draft two.", rows, initial=2)).status_code == 302

    statement.refresh_from_db()
    assert statement.text == "Draft two."
    assert list(statement.inspections.values_list("pk", "judgement")) == [(ofsted.pk, Judgement.OUTSTANDING)]


@pytest.mark.django_db
def test_preview_shows_the_markdown_without_saving(client, partner):
    client.force_login(partner)
    response = client.post(URL, form_data("Our *work* <script>alert(1)</script>", preview="1"))
    assert response.status_code == 200
    assert "<em>work</em>" in response.text
    assert "<script>alert(1)" not in response.text
    assert "Our *work*" in response.text  # the textarea keeps what was typed
    assert not AgencyStatement.objects.exists()


@pytest.mark.django_db
def test_add_another_inspection_keeps_what_was_typed(client, partner):
    client.force_login(partner)
    response = client.post(URL, form_data("Half written.", [OFSTED], add_inspection="1"))
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 2
    assert "Half written." in response.text
    assert "Strengthen management oversight." in response.text
    assert not AgencyStatement.objects.exists()


@pytest.mark.django_db
def test_submitting_sends_it_and_locks_it_until_returned(client, partner, manager):
    client.force_login(partner)
    response = client.post(URL, form_data("Our year.", [OFSTED], submit="1", confirmed="1"))
    assert response.status_code == 302

    statement = AgencyStatement.objects.get(agency=partner.person.agency, year=YEAR)
    assert statement.status == StatementStatus.SUBMITTED
    assert statement.submitted_by == partner
    assert statement.submitted_at is not None

    page = client.get(URL)
    assert page.status_code == 200
    assert "cannot be changed meanwhile" in page.text
    assert 'name="statement-text"' not in page.text  # read-only

    refused = client.post(URL, form_data("Sneaky change.", save="1"))
    assert refused.status_code == 200
    assert STATEMENT_ALREADY_SUBMITTED in refused.text
    assert "Sneaky change." in refused.text  # kept for the partner to copy
    statement.refresh_from_db()
    assert statement.text == "Our year."
    assert statement.status == StatementStatus.SUBMITTED


@pytest.mark.django_db
def test_a_returned_statement_shows_the_comments_and_can_be_resubmitted(client, partner, manager):
    client.force_login(partner)
    client.post(URL, form_data("Our year.", submit="1", confirmed="1"))
    statement = AgencyStatement.objects.get(agency=partner.person.agency, year=YEAR)
    return_statement(statement=statement, by=manager, comments="Please add the impact on children.")

    page = client.get(URL)
    assert "Please add the impact on children." in page.text
    assert 'name="statement-text"' in page.text  # editable again

    assert client.post(URL, form_data("Our year, and its impact.", save="1")).status_code == 302
    statement.refresh_from_db()
    assert statement.status == StatementStatus.RETURNED  # still with the partner until resubmitted

    assert client.post(URL, form_data("Our year, and its impact.", submit="1", confirmed="1")).status_code == 302
    statement.refresh_from_db()
    assert statement.status == StatementStatus.SUBMITTED


@pytest.mark.django_db
def test_an_empty_statement_cannot_be_submitted(client, partner):
    client.force_login(partner)
    response = client.post(URL, form_data("   ", [OFSTED], submit="1"))
    assert response.status_code == 200
    assert "Write the statement before sending it" in response.text
    assert "error-summary" in response.text
    # Nothing is kept from a failed submission: not even the draft.
    assert not AgencyStatement.objects.exists()
    assert not Inspection.objects.exists()
