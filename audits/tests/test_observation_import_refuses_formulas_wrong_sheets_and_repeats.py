"""An observations file is refused whole, with the spreadsheet's row numbers, when a figure is a formula (a CSV cell
starting with "=", or a workbook's formula, whose stored value is only what it last worked out), when the workbook's
sheet is not the data set's (the message names the columns expected), when a value is not a number, and when the same
indicator, borough, period and category are on two rows, even when both repeat a value already recorded."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.models import Observation
from audits.tests.dataset_support import HEADINGS, make_data_set
from governance.tests.test_import_support import XLSX_TYPE, csv_file
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db
URL = reverse("audits:import_observations")
GOOD = [
    ["Children in need", "RBKC", "Q4 2022/23", "", "726", "2120", ""],
    ["Children in need", "WCC", "Q4 2022/23", "", "1309", "2120", ""],
]
FORMULA = "This cell holds a formula (%s), which is not imported: type the figure itself, or paste the cells as values."


@pytest.fixture
def signed_in(client, manager):
    make_data_set()
    return sign_in(client, manager)


def workbook(rows, *, title=None):
    book = openpyxl.Workbook()
    if title:
        book.active.title = title
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("data set.xlsx", buffer.getvalue(), content_type=XLSX_TYPE)


def problems_of(response):
    assert response.status_code == 200
    return [(problem.row, problem.column, problem.message) for problem in response.context["problems"]]


def test_a_csv_cell_starting_with_equals_is_refused_as_a_formula_and_nothing_is_imported(signed_in):
    rows = [HEADINGS, *GOOD, ["Children in need", "WCC", "Q3 2022/23", "", "=E2+E3", "2120", ""]]
    found = problems_of(signed_in.post(URL, {"file": csv_file(rows)}))
    assert found == [(4, "Value", FORMULA % "=E2+E3")]
    assert not Observation.objects.exists()


def test_a_workbook_formula_is_refused_even_in_an_optional_column_and_nothing_is_imported(signed_in):
    # openpyxl stores no worked-out value: read as values only, the London cell would be empty and the row accepted.
    rows = [HEADINGS, *GOOD, ["Children in need", "WCC", "Q3 2022/23", "", 1200, "=F2*2", None]]
    found = problems_of(signed_in.post(URL, {"file": workbook(rows)}))
    assert found == [(4, "London", FORMULA % "=F2*2")]
    assert not Observation.objects.exists()


def test_a_workbook_whose_sheet_is_not_the_data_set_names_the_columns_expected(signed_in):
    rows = [["Name", "Agency", "Date"], ["Dana Officer", "Metropolitan Police", "12/10/2022"]]
    response = signed_in.post(URL, {"file": workbook(rows, title="Attendance")})
    found = problems_of(response)
    assert len(found) == 1
    row, column, message = found[0]
    assert (row, column) == (None, "")
    assert message.startswith("These columns are not part of the observation import: “Name”, “Agency”, “Date”.")
    assert "The columns are: ID, Indicator, Borough code, Period, Category, Value, London, England, Source" in message
    assert not Observation.objects.exists()


def test_a_value_that_is_not_a_number_in_a_workbook_is_refused_by_row(signed_in):
    rows = [HEADINGS, *GOOD, ["Children in need", "WCC", "Q3 2022/23", "", "1,200", None, None]]
    found = problems_of(signed_in.post(URL, {"file": workbook(rows)}))
    assert found == [
        (4, "Value", "“1,200” is not a number: write it as a plain number such as 726 or 9.9, with no commas.")
    ]
    assert not Observation.objects.exists()


def test_a_row_repeated_in_the_file_is_refused_even_when_both_repeat_a_recorded_value(signed_in):
    signed_in.post(URL, {"file": csv_file([HEADINGS, *GOOD])})
    assert Observation.objects.count() == 2
    changed = ["Children in need", "RBKC", "Q4 2022/23", "", "800", "2120", ""]
    rows = [HEADINGS, GOOD[0], GOOD[1], GOOD[0], changed]
    found = problems_of(signed_in.post(URL, {"file": csv_file(rows)}))
    twice = "This indicator, borough, period and category are also on row 2: a value can appear only once."
    assert found == [(4, "Period", twice), (5, "Period", twice)]
    assert Observation.objects.get(borough__code="RBKC").value == Decimal("726")
