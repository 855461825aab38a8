"""The audit trail's download is a CSV file of the rows the filters leave, newest first, as the page lists them."""

import csv
import io

import pytest
from django.urls import reverse

from .audit_trail_records import two_agencies

pytestmark = pytest.mark.django_db


def test_the_csv_holds_the_filtered_rows_and_nothing_else(client, manager):
    riverside, hillside, member = two_agencies(manager)
    client.force_login(manager)
    response = client.get(reverse("audit_trail_export"), {"record_kind": "partnership.agency", "person": "manager"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-trail-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["When", "Who", "User name", "What happened"]
    assert [row[1:8] for row in rows[1:]] == [
        ["Eleanor Manager", "manager", "Created", "Agency", str(hillside.pk), "Hillside Health Trust", ""],
        ["Eleanor Manager", "manager", "Changed", "Agency", str(riverside.pk), "Riverside Council", "Name"],
        ["Eleanor Manager", "manager", "Created", "Agency", str(riverside.pk), "Riverside Borough Council", ""],
    ]
    assert rows[1][0] == "2024-03-04 10:00:00"
