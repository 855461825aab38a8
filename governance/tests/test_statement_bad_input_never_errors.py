"""Whatever is typed or tampered with, the statements pages answer with a form error, 403 or 404: never a 500."""

import pytest
from django.urls import reverse

from governance.models import DATE_IN_FUTURE, AgencyStatement, StatementStatus
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory

YEAR = FinancialYear(2022)
URL = reverse("governance:our_statement", args=[YEAR])


def form_data(**extra):
    return {
        "statement-text": "Typed with care.",
        "inspections-TOTAL_FORMS": "1",
        "inspections-INITIAL_FORMS": "0",
        "inspections-MIN_NUM_FORMS": "0",
        "inspections-MAX_NUM_FORMS": "20",
        "save": "1",
        **extra,
    }


BAD_ADDRESSES = [
    "/statements/2022-24/ours/",  # years that do not follow each other
    "/statements/1800-01/ours/",  # out of range
    "/statements/9999-00/ours/",
    "/statements/2022-24/",
    "/statements/1899-00/",
    "/statements/2022-23/agencies/999999/",  # no such agency
    "/statements/2022-23/agencies/99999999999999999999999/",  # beyond any database integer
]


@pytest.mark.django_db
def test_bad_addresses_are_not_found(client, manager, partner):
    failures = []
    for user in (manager, partner):
        client.force_login(user)
        for path in BAD_ADDRESSES:
            got = client.get(path).status_code
            # The business manager's pages refuse a partner before looking the agency up.
            expected = 403 if user == partner and "/agencies/" in path else 404
            if got != expected:
                failures.append(f"{user} GET {path}: expected {expected}, got {got}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_a_year_not_yet_begun_is_not_found(client, manager, partner):
    following = FinancialYear.current().next
    client.force_login(partner)
    assert client.get(reverse("governance:our_statement", args=[following])).status_code == 404
    client.force_login(manager)
    assert client.get(reverse("governance:statement_list", args=[following])).status_code == 404
    agency = AgencyFactory()
    assert client.get(reverse("governance:statement_review", args=[following, agency.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "row, field, message",
    [
        ({"inspectorate": "Ofsted", "date": "2999-01-01"}, "date", DATE_IN_FUTURE),
        ({"inspectorate": "Ofsted", "date": "31/02/2022"}, "date", "Enter a valid date."),
        ({"inspectorate": "", "date": "2022-05-05"}, "inspectorate", "This field is required."),
        ({"inspectorate": "Ofsted", "date": "2022-05-05", "judgement": "superb"}, "judgement", "Select a valid"),
        ({"inspectorate": "Ofsted", "date": "2022-05-05", "borough": "abc"}, "borough", "Select a valid"),
        ({"inspectorate": "Ofsted", "date": "2022-05-05", "borough": "99999"}, "borough", "Select a valid"),
        ({"inspectorate": "x" * 101, "date": "2022-05-05"}, "inspectorate", "at most 100"),
        # Another year's inspection would be missing from this year's report and appear in that year's.
        ({"inspectorate": "HMIP", "date": "2021-01-01"}, "date", "outside 2022/23 (1 April 2022 to 31 March 2023)"),
        ({"inspectorate": "HMIP", "date": "2023-04-01"}, "date", "outside 2022/23"),
    ],
)
def test_an_inspection_error_is_shown_and_everything_typed_is_kept(client, partner, row, field, message):
    client.force_login(partner)
    response = client.post(URL, form_data(**{f"inspections-0-{k}": v for k, v in row.items()}))
    assert response.status_code == 200
    errors = response.context["formset"].forms[0].errors
    assert field in errors and message in " ".join(errors[field])
    assert "error-summary" in response.text
    assert f'href="#id_inspections-0-{field}"' in response.text
    assert "Typed with care." in response.text
    assert not AgencyStatement.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tampering",
    [
        {"inspections-TOTAL_FORMS": "abc"},
        {"inspections-TOTAL_FORMS": "100000"},
        {"inspections-TOTAL_FORMS": "-3"},
        {"inspections-INITIAL_FORMS": "5"},
        {"inspections-0-id": "not-a-number", "inspections-INITIAL_FORMS": "1"},
        {"inspections-0-statement": "12345", "inspections-0-inspectorate": "Ofsted", "inspections-0-date": "2022-5-5"},
    ],
)
@pytest.mark.parametrize("action", ["save", "submit", "preview", "add_inspection"])
def test_tampered_formsets_are_answered_with_an_error(client, partner, tampering, action):
    client.force_login(partner)
    data = form_data(**tampering)
    data.pop("save")
    data[action] = "1"
    response = client.post(URL, data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert action in ("save", "submit")


@pytest.mark.django_db
def test_a_missing_management_form_is_an_error_not_a_crash(client, partner):
    client.force_login(partner)
    response = client.post(URL, {"statement-text": "Typed.", "submit": "1"})
    assert response.status_code == 200
    assert "Typed." in response.text
    assert not AgencyStatement.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("decision", ["", "approve", "accept\x00"])
def test_an_unknown_decision_is_a_form_error(client, manager, decision):
    submitted = AgencyStatement.objects.create(
        agency=AgencyFactory(), year=YEAR, text="Ours.", status=StatementStatus.SUBMITTED
    )
    client.force_login(manager)
    url = reverse("governance:statement_review", args=[YEAR, submitted.agency_id])
    response = client.post(url, {"decision": decision, "comments": "Kept comment."})
    assert response.status_code == 200
    assert "Kept comment." in response.text
    submitted.refresh_from_db()
    assert submitted.status == StatementStatus.SUBMITTED


@pytest.mark.django_db
def test_the_admin_refuses_an_inspection_from_another_year_in_a_statement(client, manager):
    agency = AgencyFactory()
    client.force_login(manager)
    response = client.post(
        reverse("admin:governance_agencystatement_add"),
        {
            "agency": agency.pk,
            "year": "2022/23",
            "status": StatementStatus.DRAFT,
            "text": "Typed with care.",
            "inspections-TOTAL_FORMS": "1",
            "inspections-INITIAL_FORMS": "0",
            "inspections-MIN_NUM_FORMS": "0",
            "inspections-MAX_NUM_FORMS": "1000",
            "inspections-0-inspectorate": "HMIP",
            "inspections-0-date": "2021-01-01",
        },
    )
    assert response.status_code == 200
    assert "outside 2022/23" in response.text
    assert not AgencyStatement.objects.exists()
