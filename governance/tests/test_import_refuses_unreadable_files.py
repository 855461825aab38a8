"""No file makes the import fail with a server error: an empty file, wrong columns, a workbook or a picture
passed off as CSV each get a message saying what is wrong, and nothing is imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from governance.tests.test_import_support import (
    CSV,
    XLSX,
    admin_url,
    confirm,
    csv_file,
    form_errors,
    make_registry,
    messages_of,
    problems,
    upload,
    xlsx_bytes,
    xlsx_file,
)
from partnership.models import Agency, Person

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def raw(content, name="records.csv"):
    return SimpleUploadedFile(name, content)


# (the file, its format, the message on the form or among the problems)
UNREADABLE_FILES = {
    "empty file": (raw(b""), CSV, "The submitted file is empty."),
    "headings only": (csv_file([["Name", "Sector"]]), CSV, "No valid data to import."),
    "blank heading row": (raw(b",,\nKids Company,voluntary,\n"), CSV, "The first row of the file must hold"),
    "picture renamed .csv": (raw(PNG), CSV, "This file is not CSV text in UTF-8."),
    "workbook renamed .csv": (raw(xlsx_bytes([["Name", "Sector"], ["Kids Company", "Voluntary"]])), CSV, "UTF-8"),
    "Windows-1252 CSV": (raw("Name,Sector\nCafé £,Other\n".encode("cp1252")), CSV, "save it again as “CSV UTF-8"),
    "CSV chosen as a workbook": (
        csv_file([["Name", "Sector"], ["Kids", "Voluntary"]]),
        XLSX,
        "could not be read as xlsx",
    ),
    "picture chosen as a workbook": (raw(PNG, "records.xlsx"), XLSX, "could not be read as xlsx"),
    "empty workbook": (xlsx_file([]), XLSX, "No valid data to import."),
    "row longer than the headings": (
        raw(b"Name,Sector\nKids Company,Voluntary,extra\n"),
        CSV,
        "Row 2 has 3 cells but there are only 2 column headings.",
    ),
}

# Files that can be read but whose columns are wrong: (rows, the problem listed)
WRONG_COLUMNS = {
    "unknown column": (
        [["Name", "Sector", "Notes"], ["Kids Company", "Voluntary", "call back"]],
        "These columns are not part of the agency import: “Notes”. The columns are: ID, Name, Sector, "
        "Statutory partner, Borough codes, Active (the import page offers a template with them).",
    ),
    "required column missing": (
        [["Name", "Active"], ["Kids Company", "yes"]],
        "These columns are required and missing: Sector.",
    ),
    "column twice": (
        [["Name", "Sector", "name"], ["Kids Company", "Voluntary", "Kids"]],
        "The column “Name” appears twice.",
    ),
    "values under no heading": (
        [["Name", "Sector", ""], ["Kids Company", "Voluntary", "x"]],
        "Column C has values but no heading.",
    ),
    "semicolons": (
        [["Name;Sector"], ["Kids Company;Voluntary"]],
        "The cells seem to be separated by semicolons: save the file as CSV with commas.",
    ),
    "a file for another record": (
        [["Name", "Job title", "Agency", "Work e-mail"], ["Ada", "", "Metropolitan Police", "ada@example.org"]],
        "These columns are not part of the agency import: “Job title”, “Agency”, “Work e-mail”.",
    ),
    "headings but only empty rows": ([["Name", "Sector"], ["", ""], ["", ""]], "The file has its headings but no rows"),
}


@pytest.mark.parametrize("case", UNREADABLE_FILES)
def test_a_file_that_cannot_be_read_gets_a_message_not_a_server_error(manager, as_user, case):
    file, file_format, expected = UNREADABLE_FILES[case]

    response = upload(as_user(manager), Agency, file, file_format)

    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert [error for error in form_errors(response) + problems(response) if expected in error], form_errors(
        response
    ) + problems(response)
    assert "Statutory partner, Borough codes" in response.content.decode()  # the columns it expects
    assert Agency.objects.count() == 0


@pytest.mark.parametrize("case", WRONG_COLUMNS)
def test_a_file_with_the_wrong_columns_is_refused_whole_with_the_right_columns_named(manager, as_user, case):
    make_registry()
    rows, expected = WRONG_COLUMNS[case]
    before = Agency.objects.count()

    response = upload(as_user(manager), Agency, csv_file(rows))

    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert [problem for problem in problems(response) if expected in problem], problems(response)
    assert Agency.objects.count() == before


def test_cells_of_any_kind_in_a_workbook_give_messages_not_errors(manager, as_user):
    make_registry()
    rows = [["Name", "Agency", "Work e-mail", "Job title"], [12.5, True, 3, None]]

    response = upload(as_user(manager), Person, xlsx_file(rows), XLSX)

    assert response.status_code == 200
    assert problems(response)[:2] == [
        "Row 2, Agency: There is no agency called “True”: check the spelling against Agencies, or add the agency "
        "first.",
        "Row 2, Work e-mail: Enter a valid email address.",
    ]


def test_confirming_the_same_upload_twice_imports_it_once(manager, as_user):
    make_registry()
    client = as_user(manager)
    preview = upload(client, Agency, csv_file([["Name", "Sector"], ["Kids Company", "Voluntary"]]))
    confirm(client, Agency, preview)

    response = confirm(client, Agency, preview)

    assert response.status_code == 200
    assert "That upload has already been imported, or has expired: upload the file again." in messages_of(response)
    assert Agency.objects.filter(name="Kids Company").count() == 1


def test_a_confirmation_naming_a_file_outside_the_upload_folder_reads_nothing(manager, as_user):
    make_registry()
    client = as_user(manager)
    preview = upload(client, Agency, csv_file([["Name", "Sector"], ["Kids Company", "Voluntary"]]))
    forged = dict(preview.context["confirm_form"].initial, import_file_name="../../etc/passwd")

    response = client.post(admin_url(Agency, "process_import"), forged, follow=True)

    assert response.status_code == 200
    assert Agency.objects.filter(name="Kids Company").count() == 0
