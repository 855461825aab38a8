"""The register downloads as CSV and as an Excel workbook: one row per delegate holding a place (not the waiting
list), and text a spreadsheet would run as a formula is escaped in the CSV and kept as text in the workbook."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from lscp.testing import sign_in
from training.models import BookingStatus
from training.tests.factories import BookingFactory, CourseSessionFactory
from training.views.exports import REGISTER_HEADINGS

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("http://evil.example","click")'


def _session():
    session = CourseSessionFactory()
    BookingFactory(session=session, delegate__name=FORMULA, delegate__email="eve@example.org")
    BookingFactory(session=session, delegate__name="Ann Attended", status=BookingStatus.ATTENDED)
    BookingFactory(session=session, delegate__name="Wally Waiting", status=BookingStatus.WAITING_LIST)
    return session


def test_the_csv_register_escapes_formulas_and_lists_the_places(client, manager):
    session = _session()
    url = reverse("training:register_export", kwargs={"pk": session.pk, "format": "csv"})

    response = sign_in(client, manager).get(url)

    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == REGISTER_HEADINGS
    names = sorted(row[0] for row in rows[1:])
    assert names == sorted(["'" + FORMULA, "Ann Attended"])
    assert not any(row[0].startswith("=") for row in rows)


def test_the_workbook_register_keeps_formulas_as_text(client, manager):
    session = _session()
    url = reverse("training:register_export", kwargs={"pk": session.pk, "format": "xlsx"})

    response = sign_in(client, manager).get(url)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == REGISTER_HEADINGS
    cells = {row[0]: sheet.cell(row=number, column=1) for number, row in enumerate(rows[1:], start=2)}
    assert set(cells) == {FORMULA, "Ann Attended"}
    assert cells[FORMULA].data_type == "s"
