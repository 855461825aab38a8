"""What the import and export tests share (no tests here): files made in the test, the admin's import in its
two steps (upload and preview, then confirm) and its export, all through the real admin views."""

import csv
import io
from decimal import Decimal

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import ReservesBroughtForward
from governance.tests.factories import (
    ActionFactory,
    ContributionFactory,
    ExpenditureLineFactory,
    PriorityActivityFactory,
)
from lscp.financial_year import FinancialYear
from partnership.tests.factories import (
    AgencyFactory,
    BodyFactory,
    LocalAuthorityFactory,
    MembershipFactory,
    PersonFactory,
)

CSV, XLSX = "0", "1"  # each format's place in the import and export forms
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def admin_url(model, view):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


def csv_file(rows, name="records.csv"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"), content_type="text/csv")


def xlsx_bytes(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_file(rows, name="records.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes(rows), content_type=XLSX_TYPE)


def upload(client, model, file, file_format=CSV):
    """Step one: the file is read and checked in a transaction that is rolled back; the page shows the
    preview with a confirm button, or the problems."""
    return client.post(admin_url(model, "import"), {"import_file": file, "format": file_format, "resource": "0"})


def confirm(client, model, preview):
    """Step two: the confirmed import, which the admin answers with a redirect and a message."""
    form = preview.context["confirm_form"]
    return client.post(admin_url(model, "process_import"), form.initial, follow=True)


def import_file(client, model, file, file_format=CSV):
    preview = upload(client, model, file, file_format)
    assert preview.status_code == 200
    assert preview.context.get("confirm_form") is not None, problems(preview)
    return confirm(client, model, preview)


def problems(response):
    """The problems listed on the import page, as it shows them: "Row 3, Column: message", "Row 3: message"."""
    result = response.context.get("result")
    if result is None:
        return []
    found = []
    for problem in result.problems():
        where = ", ".join(part for part in (f"Row {problem.row}" if problem.row else "", problem.column) if part)
        found.append(f"{where}: {problem.message}" if where else problem.message)
    return found


def form_errors(response):
    return [str(error) for error in response.context["form"].errors.get("import_file", [])]


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def export_form_data(client, model, file_format=CSV):
    """What the admin's export page posts to export the whole list with every column."""
    form = client.get(admin_url(model, "export")).context["form"]
    data = {"format": file_format, "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if getattr(field, "is_selectable_field", False)})
    return data


def export(client, model, file_format=CSV):
    response = client.post(admin_url(model, "export"), export_form_data(client, model, file_format))
    assert response.status_code == 200, response.content[:500]
    return response


def exported_rows(response):
    if response["Content-Type"] == XLSX_TYPE:
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        return [list(row) for row in book.active.iter_rows(values_only=True)]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def make_registry():
    """A small partnership to import against: two boroughs, agencies, people, a body and a priority activity."""
    rbkc = LocalAuthorityFactory(name="Kensington and Chelsea", code="RBKC")
    wcc = LocalAuthorityFactory(name="Westminster", code="WCC")
    police = AgencyFactory(name="Metropolitan Police", sector="police", statutory_partner=True)
    police.boroughs.set([rbkc, wcc])
    health = AgencyFactory(name="Central London Community Healthcare", sector="nhs_trust")
    council = AgencyFactory(name="Children's Services", sector="la_children", statutory_partner=True)
    return {
        "rbkc": rbkc,
        "wcc": wcc,
        "police": police,
        "health": health,
        "council": council,
        "officer": PersonFactory(name="Dana Officer", agency=police, email="dana.officer@met.example.org"),
        "nurse": PersonFactory(name="Sam Nurse", agency=health, email="sam.nurse@nhs.example.org"),
        "body": BodyFactory(name="Case Review Subgroup"),
        "activity": PriorityActivityFactory(activity="Neglect toolkit"),
    }


def make_every_kind_of_record():
    """Records of every kind that imports, with their optional fields filled in as well as left empty."""
    r = make_registry()
    MembershipFactory(person=r["officer"], body=r["body"], role="co_chair", start=FinancialYear(2020).start)
    MembershipFactory(person=r["nurse"], body=r["body"], agency=r["council"], end=FinancialYear(2022).end)
    ContributionFactory(year=FinancialYear(2022), borough=r["rbkc"], agency=r["police"], amount=Decimal("5000.00"))
    ContributionFactory(
        year=FinancialYear(2022), borough=r["rbkc"], agency=None, label="LSCP training", amount=Decimal("1611.21")
    )
    ExpenditureLineFactory(year=FinancialYear(2022), borough=r["rbkc"], category="staffing", amount=Decimal("90000"))
    ExpenditureLineFactory(
        year=FinancialYear(2022), borough=r["wcc"], category="other", note="TASP membership", amount=Decimal("12.50")
    )
    ReservesBroughtForward.objects.create(year=FinancialYear(2022), borough=r["rbkc"], amount=Decimal("-2500.75"))
    ReservesBroughtForward.objects.create(year=FinancialYear(2022), borough=r["wcc"], amount=Decimal("18000"))
    ActionFactory(
        title="Refresh the neglect toolkit",
        description="Line one,\nline two, with “quotes”.",
        owner_agency=r["police"],
        owner_person=r["officer"],
        lead_body=r["body"],
        status="complete",
        rag="green",
        completed_on=FinancialYear(2022).start,
        source_id=r["activity"].pk,
    )
    ActionFactory(title="Audit referrals", owner_agency=r["health"], source_type=None, source_id=None)
    return r
