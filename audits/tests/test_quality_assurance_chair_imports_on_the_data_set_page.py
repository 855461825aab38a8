"""A chair of the Quality Assurance subgroup imports the quarter's figures on the data set's own page: a good file is
imported in one step and the message says how many values are new, updated or unchanged; a file with a bad row
imports nothing and lists each problem by row. A member who is not a chair may read the report but not import."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from audits.models import Observation
from audits.tests.dataset_support import HEADINGS, make_data_set
from governance.tests.test_import_support import csv_file
from lscp.testing import sign_in

pytestmark = pytest.mark.django_db
URL = reverse("audits:import_observations")
ROWS = [
    HEADINGS,
    ["Children in need", "RBKC", "Q4 2022/23", "", "726", "2120", ""],
    ["Children in need", "WCC", "Q4 2022/23", "", "1309", "2120", ""],
]


@pytest.fixture
def quality_assurance(chaired_body):
    chaired_body.name = settings.QUALITY_ASSURANCE_BODY_NAME
    chaired_body.save()
    make_data_set()


def test_a_good_file_is_imported_and_counted(client, chair, quality_assurance):
    sign_in(client, chair)
    response = client.post(URL, {"file": csv_file(ROWS)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("audits:exceptions")
    assert "Imported the observations: 2 new, 0 updated, 0 unchanged." in response.content.decode()
    corrected = [ROWS[0], ROWS[1], [*ROWS[2][:4], "1310", "2120", ""]]
    response = client.post(URL, {"file": csv_file(corrected)}, follow=True)
    assert "Imported the observations: 0 new, 1 updated, 1 unchanged." in response.content.decode()
    assert Observation.objects.get(borough__code="WCC").value == Decimal("1310")


def test_a_bad_row_imports_nothing_and_is_listed(client, chair, quality_assurance):
    sign_in(client, chair)
    response = client.post(URL, {"file": csv_file([*ROWS, ["Children in need", "WCC", "Q3 2022/23", "", "x", "", ""]])})
    assert response.status_code == 200
    problems = [(p.row, p.column) for p in response.context["problems"]]
    assert problems == [(4, "Value")]
    assert "Nothing was imported: 1 problem" in response.content.decode()
    assert not Observation.objects.exists()


def test_a_member_reads_the_report_but_does_not_import(client, partner, quality_assurance):
    sign_in(client, partner)
    assert client.get(reverse("audits:exceptions")).status_code == 200
    assert client.get(URL).status_code == 403
