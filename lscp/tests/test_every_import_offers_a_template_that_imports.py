"""Every import (each of the admin's, the data set page and the training attendance page) offers a template on its
page, as a workbook and as CSV: its first row is exactly the columns the import reads, its second an example row.
Downloaded and imported as it is, the template imports, once the records its example names are recorded (an agency,
a person, bodies, the boroughs, an indicator, a past session); without them it is refused for that reason only."""

import csv
import io
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from django.contrib import admin
from django.utils import timezone

from audits.services import dataset_import
from audits.tests.factories import IndicatorFactory
from lscp.testing import sign_in
from lscp.tests.every_import import EVERY_IMPORT, messages_on, submit
from partnership.tests.factories import (
    AgencyFactory,
    BodyFactory,
    LocalAuthorityFactory,
    MembershipFactory,
    PersonFactory,
)
from training.services import attendance_import
from training.tests.factories import CourseFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db
PAGE_COLUMNS = {
    "audits:import_observations": dataset_import.COLUMNS,
    "training:import_attendance": attendance_import.COLUMNS,
}


def accepted_columns(point):
    """The columns the import reads: its resource's import columns in the admin, its own list on a page."""
    if point.url_name in PAGE_COLUMNS:
        return PAGE_COLUMNS[point.url_name]
    model_admin = next(a for m, a in admin.site._registry.items() if m._meta.label == point.model)
    return [field.column_name for field in model_admin.resource_classes[0]().get_import_fields()]


def records_the_examples_name():
    LocalAuthorityFactory(name="Kensington and Chelsea", code="RBKC")
    LocalAuthorityFactory(name="Westminster", code="WCC")
    police = AgencyFactory(name="Metropolitan Police", sector="police")
    dana = PersonFactory(name="Dana Officer", agency=police, email="dana.officer@met.police.uk")
    BodyFactory(name="Case Review Subgroup")
    MembershipFactory(person=dana, body=BodyFactory(name="LSCP Partnership"), start=date(2020, 4, 1))
    IndicatorFactory(name="Children in need", unit="count")
    starts = timezone.make_aware(datetime(2022, 10, 12, 9, 30))
    course = CourseFactory(title="Neglect: recognising and responding")
    CourseSessionFactory(course=course, starts_at=starts, ends_at=starts + timedelta(hours=3))


def download_template(client, point, file_format):
    """The template linked from the import's page, as (its rows, its bytes)."""
    page = client.get(point.url)
    assert page.status_code == 200
    url = next(url for _label, url in page.context["template_links"] if url.endswith(f".{file_format}"))
    assert f'href="{url}"' in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    content = response.content
    if file_format == "xlsx":
        rows = [list(row) for row in openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]
    else:
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    return rows, content


def imported(client, point, response):
    """Whether the import went through: the admin's preview is confirmed; a page imports in one step."""
    if point.in_admin:
        form = response.context.get("confirm_form")
        assert form is not None, messages_on(response)
        response = client.post(point.url.replace("/import/", "/process_import/"), form.initial, follow=True)
        return response.status_code == 200 and not [str(m) for m in response.context["messages"] if m.level >= 40]
    assert response.status_code == 302, messages_on(response)
    return True


@pytest.mark.parametrize("point", EVERY_IMPORT, ids=lambda point: point.name)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_template_has_the_columns_and_imports_once_the_records_it_names_exist(point, file_format, client, manager):
    records_the_examples_name()
    client = sign_in(client, manager)
    before = point.records.count()

    rows, content = download_template(client, point, file_format)

    assert rows[0] == accepted_columns(point)
    assert len(rows) == 2 and any(rows[1])
    assert imported(client, point, submit(client, point, content, file_format))
    assert point.records.count() == before + 1


@pytest.mark.parametrize("point", EVERY_IMPORT, ids=lambda point: point.name)
def test_without_the_records_it_names_the_template_is_refused_only_for_them(point, client, manager):
    client = sign_in(client, manager)
    _rows, content = download_template(client, point, "xlsx")

    found = messages_on(submit(client, point, content, "xlsx"))

    assert found, "the example names no record"
    assert all(message.startswith("There is no ") for message in found), found
    assert point.records.count() == 0
