"""The data set import lists every problem of a file, as docs/imports.md promises: each formula cell (a workbook's
formula, a CSV cell starting with "="), with its row and column, and with them every other bad cell and row of the
file, those of a row with a formula included, not only the formulas. Nothing is imported. The same on the data set
page and in the admin's import."""

import pytest
from django.urls import reverse

from audits.models import Observation
from audits.tests.dataset_support import HEADINGS, make_data_set
from governance.tests.test_import_support import XLSX, csv_file, problems, upload, xlsx_file
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db
URL = reverse("audits:import_observations")
FORMULA = "This cell holds a formula (%s), which is not imported: type the figure itself, or paste the cells as values."
NOT_A_NUMBER = "“%s” is not a number: write it as a plain number such as 726 or 9.9, with no commas."
NO_SUCH_INDICATOR = "There is no indicator called “%s”: add it in the admin first, or check its spelling."
ROWS = [
    HEADINGS,
    ["Children in need", "RBKC", "Q4 2022/23", "", "726", "2120", ""],
    ["Children in need", "WCC", "Q4 2022/23", "", "=E2+1", "=F2", ""],
    ["Children in need", "RBKC", "Q3 2022/23", "", "1,200", "", ""],
    ["Children in ned", "WCC", "Q3 2022/23", "", "800", "=F2*2", ""],
    ["Children in need", "RBKC", "Q2 2022/23", "", "700", "", "=G2"],
]
# Row by row, column by column, as the import's columns are ordered.
EVERY_PROBLEM = [
    (3, "Value", FORMULA % "=E2+1"),
    (3, "London", FORMULA % "=F2"),
    (4, "Value", NOT_A_NUMBER % "1,200"),
    (5, "Indicator", NO_SUCH_INDICATOR % "Children in ned"),
    (5, "London", FORMULA % "=F2*2"),
    (6, "England", FORMULA % "=G2"),
]


@pytest.fixture
def signed_in(client, manager):
    make_data_set()
    return sign_in(client, manager)


@pytest.mark.parametrize("make_file", [csv_file, xlsx_file], ids=["csv", "xlsx"])
def test_the_data_set_page_lists_every_formula_cell_and_every_other_problem(signed_in, make_file):
    # openpyxl writes "=E2+1" into a workbook as a formula (with no worked-out value): in both files they are formulas.
    response = signed_in.post(URL, {"file": make_file(ROWS, name=f"data set.{make_file.__name__[:-5]}")})

    assert response.status_code == 200
    found = [(problem.row, problem.column, problem.message) for problem in response.context["problems"]]
    assert found == EVERY_PROBLEM
    assert not Observation.objects.exists()


def test_the_admins_import_lists_them_all_too(signed_in):
    response = upload(signed_in, Observation, xlsx_file(ROWS), XLSX)

    assert response.context.get("confirm_form") is None
    assert problems(response) == [f"Row {row}, {column}: {message}" for row, column, message in EVERY_PROBLEM]
    assert not Observation.objects.exists()
