"""An indicator's source belongs to each value, not to the indicator for all years: the import sets it per row (a
row without one takes the indicator's when the value is new, and keeps the value's own when it updates one), an export
gives it back, and each year's report labels its figures with their own sources."""

from datetime import date

import pytest

from audits.models import Observation
from audits.report import children_data_context
from audits.tests.dataset_support import HEADINGS, make_data_set
from governance.tests.test_import_support import csv_file, import_file, problems, upload
from lscp.financial_year import FinancialYear
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db

COLUMNS = [*HEADINGS, "Source"]


def test_each_row_sets_its_values_source(client, manager):
    data = make_data_set()
    data["cin"].source = "Children's Services"
    data["cin"].save()
    sign_in(client, manager)
    import_file(
        client,
        Observation,
        csv_file(
            [
                COLUMNS,
                ["Children in need", "RBKC", "Q4 2021/22", "", "700", "", "", "Children in need census 2022"],
                ["Children in need", "RBKC", "Q4 2022/23", "", "726", "", "", "Children in need census 2023"],
                ["Children in need", "WCC", "Q4 2022/23", "", "1309", "", "", ""],
            ]
        ),
    )
    found = {
        (o.borough.code, o.period_start.year): o.source for o in Observation.objects.select_related("borough").all()
    }
    assert found == {
        ("RBKC", 2022): "Children in need census 2022",
        ("RBKC", 2023): "Children in need census 2023",
        ("WCC", 2023): "Children's Services",  # none given: the indicator's, for a new value
    }

    # A file without the Source column changes the figure and keeps the value's source.
    import_file(
        client, Observation, csv_file([HEADINGS, ["Children in need", "RBKC", "Q4 2022/23", "", "730", "", ""]])
    )
    assert Observation.objects.get(borough__code="RBKC", period_start=date(2023, 1, 1)).source == (
        "Children in need census 2023"
    )


def test_each_years_report_labels_its_figures_with_their_own_source(client, manager):
    make_data_set()
    sign_in(client, manager)
    import_file(
        client,
        Observation,
        csv_file(
            [
                COLUMNS,
                ["Children in need", "RBKC", "Q4 2021/22", "", "700", "", "", "Children in need census 2022"],
                ["Children in need", "RBKC", "Q4 2022/23", "", "726", "", "", "Children in need census 2023"],
            ]
        ),
    )
    earlier = children_data_context(FinancialYear(2021))["rows"]
    later = children_data_context(FinancialYear(2022))["rows"]
    assert [row["source"] for row in earlier] == ["Children in need census 2022"]
    assert [row["source"] for row in later] == ["Children in need census 2023"]


def test_a_source_too_long_is_refused_by_its_row(client, manager):
    make_data_set()
    sign_in(client, manager)
    rows = [COLUMNS, ["Children in need", "RBKC", "Q4 2022/23", "", "726", "", "", "x" * 201]]
    preview = upload(client, Observation, csv_file(rows))
    assert any("Row 2" in problem and "at most 200" in problem for problem in problems(preview)), problems(preview)
    assert not Observation.objects.exists()
