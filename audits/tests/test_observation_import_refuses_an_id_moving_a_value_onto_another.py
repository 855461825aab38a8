"""A row with an ID (from an export) may move its value to another borough, period or category, but not onto one
that another value already holds, nor change a value that another row of the file also changes: the database's
unique constraint would refuse the write and fail the whole file, so the import refuses the row first, by its number,
on the data set page and in the admin's preview alike, and writes nothing."""

from decimal import Decimal

import pytest
from django.urls import reverse

from audits.models import OBSERVATION_TWICE, Observation
from audits.services.dataset_import import RECORD_TWICE
from audits.tests.dataset_support import HEADINGS, make_data_set
from governance.tests.test_import_support import csv_file, problems, upload
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db
URL = reverse("audits:import_observations")
COLUMNS = ["ID", *HEADINGS]
FIRST = [
    HEADINGS,
    ["Children in need", "RBKC", "Q4 2022/23", "", "726", "2120", ""],
    ["Children in need", "WCC", "Q4 2022/23", "", "1309", "2120", ""],
]


@pytest.fixture
def recorded(client, manager):
    make_data_set()
    sign_in(client, manager)
    response = client.post(URL, {"file": csv_file(FIRST)})
    assert response.status_code == 302
    return {o.borough.code: o for o in Observation.objects.select_related("borough")}


def stored():
    return sorted(Observation.objects.values_list("pk", "borough__code", "period_start", "value"))


def test_an_id_moving_a_value_onto_another_values_borough_is_refused_by_row(client, recorded):
    before = stored()
    rbkc = recorded["RBKC"]
    rows = [COLUMNS, [rbkc.pk, "Children in need", "WCC", "Q4 2022/23", "", "730", "", ""]]
    response = client.post(URL, {"file": csv_file(rows)})
    assert response.status_code == 200
    assert [(p.row, p.column, p.message) for p in response.context["problems"]] == [(2, "Period", OBSERVATION_TWICE)]
    assert stored() == before


def test_the_admin_preview_refuses_the_same_row_by_its_number(client, recorded):
    rbkc = recorded["RBKC"]
    rows = [COLUMNS, [rbkc.pk, "Children in need", "WCC", "Q4 2022/23", "", "730", "", ""]]
    preview = upload(client, Observation, csv_file(rows))
    assert preview.status_code == 200
    assert problems(preview) == [f"Row 2, Period: {OBSERVATION_TWICE}"]
    assert preview.context.get("confirm_form") is None


def test_a_value_changed_by_its_id_and_by_its_indicator_borough_and_period_is_refused(client, recorded):
    before = stored()
    rbkc = recorded["RBKC"]
    rows = [
        COLUMNS,
        [rbkc.pk, "Children in need", "RBKC", "Q3 2022/23", "", "700", "", ""],  # moves it to the quarter before
        ["", "Children in need", "RBKC", "Q4 2022/23", "", "731", "", ""],  # names where it was
    ]
    response = client.post(URL, {"file": csv_file(rows)})
    assert [(p.row, p.column, p.message) for p in response.context["problems"]] == [
        (3, "Period", RECORD_TWICE % {"id": rbkc.pk, "row": 2})
    ]
    assert stored() == before


def test_an_id_moving_a_value_to_a_free_period_updates_it_with_a_history_row(client, recorded, manager):
    rbkc = recorded["RBKC"]
    rows = [COLUMNS, [rbkc.pk, "Children in need", "RBKC", "Q3 2022/23", "", "700", "", ""]]
    response = client.post(URL, {"file": csv_file(rows)}, follow=True)
    assert "Imported the observations: 0 new, 1 updated, 0 unchanged." in response.content.decode()
    moved = Observation.objects.get(pk=rbkc.pk)
    assert (str(moved.period_start), str(moved.period_end), moved.value) == ("2022-10-01", "2022-12-31", Decimal(700))
    latest = moved.history.order_by("-history_id").first()
    assert (latest.history_type, latest.history_user_id, latest.value) == ("~", manager.pk, Decimal(700))
