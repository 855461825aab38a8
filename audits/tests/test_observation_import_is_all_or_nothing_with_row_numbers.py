"""An observations file with any bad row imports nothing, and the page names every bad row by the spreadsheet's own
number and says what is wrong: an unknown indicator, borough or category, a category the indicator does not have,
a value that is not a number, a percentage over 100, the same value twice. A good file imports every row."""

from decimal import Decimal

import pytest

from audits.models import Observation, PeriodKind
from audits.tests.dataset_support import HEADINGS, make_data_set
from governance.tests.test_import_support import XLSX, csv_file, import_file, problems, upload, xlsx_file
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db

GOOD = [
    ["Children in need", "RBKC", "31/03/2023", "", "726", "2120", ""],
    ["Children in need", "WCC", "31/03/2023", "", "1309", "2120", ""],
    ["Pupils eligible for free school meals", "RBKC", "2022/23", "", "33%", "25.8", ""],
    ["LADO allegations by outcome", "WCC", "Q4 2022/23", "unfounded", "3", "", ""],
    ["LADO allegations by outcome", "WCC", "March 2023", "Substantiated", "14", "", ""],
]


@pytest.fixture
def signed_in(client, manager):
    make_data_set()
    return sign_in(client, manager)


def test_every_bad_row_is_reported_by_its_number_and_nothing_is_imported(signed_in):
    rows = [
        HEADINGS,
        GOOD[0],
        ["Children in ned", "RBKC", "31/03/2023", "", "5", "", ""],
        ["Children in need", "LBHF", "31/03/2023", "", "5", "", ""],
        ["LADO allegations by outcome", "RBKC", "2022/23", "Advice only", "5", "", ""],
        ["Children in need", "WCC", "2022/23", "Unfounded", "5", "", ""],
        ["Children in need", "WCC", "Q1 2022/23", "", "five", "", ""],
        ["Pupils eligible for free school meals", "WCC", "2022/23", "", "101", "", ""],
        ["Children in need", "rbkc", "31/03/2023", "", "800", "", ""],
        ["Children in need", "WCC", "Spring 2023", "", "5", "", ""],
    ]
    response = upload(signed_in, Observation, csv_file(rows))
    found = problems(response)
    assert found == [
        "Row 3, Indicator: There is no indicator called “Children in ned”: add it in the admin first, or check its "
        "spelling.",
        "Row 4, Borough code: There is no borough with the code LBHF: the codes are RBKC or WCC.",
        "Row 5, Category: “Advice only” is not a category of “LADO allegations by outcome”: use “Unfounded”, "
        "“Unsubstantiated” or “Substantiated”.",
        "Row 6, Category: “Children in need” has no categories: leave the category empty.",
        "Row 7, Value: “five” is not a number: write it as a plain number such as 726 or 9.9, with no commas.",
        "Row 8, Value: “Pupils eligible for free school meals” is a percentage: 101 is more than 100.",
        "Row 9, Period: This indicator, borough, period and category are also on row 2: a value can appear only once.",
        "Row 10, Period: “Spring 2023” is not a period: write a year as 2022/23, a quarter as Q4 2022/23 (Q1 is April "
        "to June), a month as March 2023, or a date as 31/03/2023.",
    ], "\n".join(found)
    assert response.context.get("confirm_form") is None
    assert not Observation.objects.exists()


def test_a_workbook_with_one_bad_cell_imports_nothing(signed_in):
    rows = [HEADINGS, *GOOD, ["Children in need", "WCC", "2022/23", "", "12.345", "", ""]]
    found = problems(upload(signed_in, Observation, xlsx_file(rows), XLSX))
    assert found == ["Row 7, Value: “12.345” has more than two decimal places."]
    assert not Observation.objects.exists()


def test_a_good_file_imports_every_row_with_its_period_worked_out(signed_in):
    import_file(signed_in, Observation, csv_file([HEADINGS, *GOOD]))
    assert Observation.objects.count() == 5
    fsm = Observation.objects.get(indicator__name__startswith="Pupils")
    assert (fsm.period_kind, str(fsm.period_start), str(fsm.period_end)) == ("year", "2022-04-01", "2023-03-31")
    assert fsm.value == Decimal("33") and fsm.london == Decimal("25.8")
    quarter = Observation.objects.get(category__name="Unfounded")
    assert (quarter.period_kind, str(quarter.period_start), str(quarter.period_end)) == (
        PeriodKind.QUARTER,
        "2023-01-01",
        "2023-03-31",
    )
    month = Observation.objects.get(category__name="Substantiated")
    assert (month.period_kind, str(month.period_end)) == (PeriodKind.MONTH, "2023-03-31")
