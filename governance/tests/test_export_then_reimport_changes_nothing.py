"""An export is a file the import takes back: re-importing it unchanged changes nothing (every row is skipped,
no history is written), in CSV and in Excel."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from governance.models import Action, Contribution, ExpenditureLine, ReservesBroughtForward
from governance.tests.test_import_support import (
    CSV,
    XLSX,
    XLSX_TYPE,
    admin_url,
    export,
    export_form_data,
    exported_rows,
    import_file,
    make_every_kind_of_record,
    make_registry,
    messages_of,
)
from partnership.models import Agency, Membership, Person
from partnership.tests.factories import PersonFactory

MODELS = [Agency, Person, Membership, Contribution, ExpenditureLine, ReservesBroughtForward, Action]

HEADINGS = {
    Agency: ["ID", "Name", "Sector", "Statutory partner", "Borough codes", "Active"],
    Person: ["ID", "Name", "Job title", "Agency", "Work e-mail", "Work phone"],
    Membership: ["ID", "Person (work e-mail)", "Body", "Role", "Representing", "From", "To"],
    Contribution: ["ID", "Year", "Borough code", "Agency", "Label", "Amount", "Order"],
    ExpenditureLine: ["ID", "Year", "Borough code", "Category", "Note", "Amount"],
    ReservesBroughtForward: ["ID", "Year", "Borough code", "Amount"],
    Action: [
        "ID",
        "Title",
        "Description",
        "Comes from (kind)",
        "Comes from (number)",
        "Owner agency",
        "Owner person (work e-mail)",
        "Lead body",
        "Due date",
        "Status",
        "RAG rating",
        "Completed on",
    ],
}


def reimport(client, model, response, file_format):
    """The exported file itself, uploaded again."""
    name = "export.xlsx" if file_format == XLSX else "export.csv"
    return import_file(client, model, SimpleUploadedFile(name, response.content), file_format)


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["csv", "xlsx"])
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_exporting_then_importing_the_same_file_changes_nothing(manager, as_user, model, file_format):
    make_every_kind_of_record()
    client = as_user(manager)
    count, history = model.objects.count(), model.history.count()

    response = export(client, model, file_format)
    rows = exported_rows(response)
    assert rows[0] == HEADINGS[model]
    assert len(rows) == count + 1

    response = reimport(client, model, response, file_format)

    plural = model._meta.verbose_name_plural
    assert f"Import finished: 0 new, 0 updated, 0 deleted and {count} skipped {plural}." in messages_of(response)
    assert (model.objects.count(), model.history.count()) == (count, history)


def test_an_export_writes_the_columns_as_the_import_reads_them(manager, as_user):
    records = make_every_kind_of_record()
    client = as_user(manager)

    agencies = {row[1]: row for row in exported_rows(export(client, Agency))[1:]}
    police = records["police"]
    assert agencies["Metropolitan Police"] == [
        str(police.pk),
        "Metropolitan Police",
        "Police",
        "yes",
        "RBKC, WCC",
        "yes",
    ]
    contributions = {row[4] or row[3]: row for row in exported_rows(export(client, Contribution))[1:]}
    assert contributions["LSCP training"][1:] == ["2022/23", "RBKC", "", "LSCP training", "1611.21", "0"]
    reserves = exported_rows(export(client, ReservesBroughtForward))
    assert ["2022/23", "RBKC", "-2500.75"] in [row[1:] for row in reserves]
    actions = {row[1]: row for row in exported_rows(export(client, Action))[1:]}
    toolkit = actions["Refresh the neglect toolkit"]
    assert toolkit[2] == "Line one,\nline two, with “quotes”."
    assert toolkit[3:8] == [
        "priority activity",
        str(records["activity"].pk),
        "Metropolitan Police",
        "dana.officer@met.example.org",
        "Case Review Subgroup",
    ]
    assert toolkit[9:] == ["Complete", "Green", "2022-04-01"]
    assert actions["Audit referrals"][3:5] + actions["Audit referrals"][10:] == ["", "", "", ""]


def test_an_excel_export_keeps_numbers_and_dates_as_cells_of_their_kind(manager, as_user):
    make_every_kind_of_record()
    response = export(as_user(manager), Contribution, XLSX)

    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = exported_rows(response)
    assert isinstance(rows[1][0], int)
    assert {float(row[5]) for row in rows[1:]} == {5000.0, 1611.21}


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text_and_comes_back_unchanged(manager, as_user):
    registry = make_registry()
    PersonFactory(name='=HYPERLINK("http://evil.example")', agency=registry["police"], phone="+44 20 7946 0000")
    client = as_user(manager)

    csv_rows = exported_rows(export(client, Person, CSV))
    assert ['\'=HYPERLINK("http://evil.example")', "'+44 20 7946 0000"] in [[row[1], row[5]] for row in csv_rows]
    xlsx = export(client, Person, XLSX)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    formula_cells = [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formula_cells == []

    for file_format, response in [(CSV, export(client, Person, CSV)), (XLSX, xlsx)]:
        result = reimport(client, Person, response, file_format)
        assert "Import finished: 0 new, 0 updated, 0 deleted and 3 skipped people." in messages_of(result)


def test_an_export_costs_the_same_few_queries_however_many_records(manager, as_user, django_assert_max_num_queries):
    records = make_every_kind_of_record()
    client = as_user(manager)
    for n in range(30):
        agency = Agency.objects.create(name=f"School {n}", sector="education")
        agency.boroughs.set([records["rbkc"], records["wcc"]])
        person = Person.objects.create(name=f"Teacher {n}", agency=agency, email=f"teacher{n}@school.example.org")
        Membership.objects.create(person=person, body=records["body"], agency=agency, start="2022-04-01")

    for model in (Agency, Person, Membership, Action):
        data = export_form_data(client, model)
        with django_assert_max_num_queries(12):
            response = client.post(admin_url(model, "export"), data)
        assert len(exported_rows(response)) == model.objects.count() + 1


def test_the_export_page_opens_with_the_columns_listed(manager, as_user):
    make_registry()
    response = as_user(manager).get(admin_url(Membership, "export"))

    assert response.status_code == 200
    assert "Person (work e-mail)" in response.content.decode()


def test_an_export_from_a_filtered_list_holds_only_the_rows_shown(manager, as_user):
    records = make_every_kind_of_record()
    client = as_user(manager)
    data = export_form_data(client, Contribution)

    response = client.post(admin_url(Contribution, "export") + f"?borough__id__exact={records['wcc'].pk}", data)

    assert exported_rows(response) == [HEADINGS[Contribution]]
    response = client.post(admin_url(Contribution, "export") + f"?borough__id__exact={records['rbkc'].pk}", data)
    assert len(exported_rows(response)) == 3
