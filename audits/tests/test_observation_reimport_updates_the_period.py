"""Importing a period's figures again updates the values already there (the preview marks those rows Update, an
unchanged one Skipped) instead of adding a second set: one value per indicator, borough, period and category."""

from decimal import Decimal

import pytest

from audits.models import Observation
from audits.tests.dataset_support import HEADINGS, make_data_set
from governance.tests.test_import_support import confirm, csv_file, import_file, messages_of, upload
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db

FIRST = [
    HEADINGS,
    ["Children in need", "RBKC", "Q4 2022/23", "", "726", "2120", ""],
    ["Children in need", "WCC", "Q4 2022/23", "", "1309", "2120", ""],
    ["LADO allegations by outcome", "WCC", "2022/23", "Unfounded", "3", "", ""],
]
CORRECTED = [
    HEADINGS,
    ["children in need", "rbkc", "q4 2022/23", "", "730", "2121", ""],
    ["Children in need", "WCC", "2022/23 Q4", "", "1309", "2120", ""],
    ["LADO allegations by outcome", "WCC", "2022-23", "UNFOUNDED", "4", "", ""],
]


def test_the_same_period_again_replaces_its_values(client, manager):
    make_data_set()
    sign_in(client, manager)
    import_file(client, Observation, csv_file(FIRST))
    before = dict(Observation.objects.values_list("pk", "value"))

    preview = upload(client, Observation, csv_file(CORRECTED))
    kinds = [row.import_type for row in preview.context["result"].valid_rows()]
    assert kinds == ["update", "skip", "update"]
    done = confirm(client, Observation, preview)
    assert any("2 updates" in message or "2 updated" in message for message in messages_of(done)), messages_of(done)

    after = dict(Observation.objects.values_list("pk", "value"))
    assert after.keys() == before.keys()
    rbkc = Observation.objects.get(borough__code="RBKC")
    assert (rbkc.value, rbkc.london) == (Decimal("730"), Decimal("2121"))
    assert Observation.objects.get(category__name="Unfounded").value == Decimal("4")
