"""Every CSV the project writes escapes cells a spreadsheet program would run as a formula, with the one
function in lscp.spreadsheets: an agency called =HYPERLINK(...) stays text."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from lscp.spreadsheets import FORMULA_STARTS, escape_formula
from partnership.models import Agency
from partnership.tests.test_attendance_report import YEAR, build_partnership

EVIL = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_text_starting_like_a_formula_gets_an_apostrophe(start):
    assert escape_formula(f"{start}1+1") == f"'{start}1+1"


def test_numbers_and_plain_text_are_left_alone():
    assert escape_formula(-5) == -5
    assert escape_formula("Metropolitan Police") == "Metropolitan Police"
    assert escape_formula("'=already escaped") == "'=already escaped"


@pytest.mark.django_db
def test_the_attendance_csv_escapes_an_agency_named_like_a_formula(client, manager):
    build_partnership()
    Agency.objects.filter(name="Probation 0").update(name=EVIL)
    client.force_login(manager)
    response = client.get(reverse("partnership:attendance_csv", args=[YEAR]))
    cells = [cell for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig"))) for cell in row]
    assert EVIL not in cells
    assert cells.count("'" + EVIL) == 2  # the agency's rate, and the organisation of its matrix row


@pytest.mark.django_db
def test_the_people_export_escapes_the_agency_column(client, manager):
    build_partnership()
    Agency.objects.filter(name="Probation 0").update(name=EVIL)
    client.force_login(manager)
    url = reverse("admin:partnership_person_export")
    form = client.get(url).context["form"]
    data = {"format": "0", "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if getattr(field, "is_selectable_field", False)})
    rows = list(csv.reader(io.StringIO(client.post(url, data).content.decode("utf-8-sig"))))
    agencies = [row[rows[0].index("Agency")] for row in rows[1:]]
    assert "'" + EVIL in agencies and EVIL not in agencies


def test_no_csv_writer_bypasses_the_escaping():
    """Every CSV writer in the apps goes through lscp.spreadsheets.csv_writer."""
    base = Path(settings.BASE_DIR)
    offenders = []
    for path in base.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or path.parts[len(base.parts)] == "lscp":
            continue
        text = path.read_text(encoding="utf-8")
        if "csv.writer(" in text or "csv.DictWriter(" in text:
            offenders.append(str(path.relative_to(base)))
    assert offenders == []
