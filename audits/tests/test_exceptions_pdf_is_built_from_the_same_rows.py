"""The exceptions report downloads as a tagged PDF (PDF/UA-1, laid out by WeasyPrint) carrying the same rows as the
page, exceptions first, and it is linked from the page."""

import io
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from django.urls import reverse

from audits.tests.factories import IndicatorFactory, ObservationFactory
from lscp.testing import sign_in
from partnership.tests.factories import LocalAuthorityFactory
from reports.tests.test_header_cells_get_their_scope_in_the_pdf import header_scopes

pytestmark = pytest.mark.django_db


def test_the_pdf_carries_the_quarter_and_its_exceptions(client, manager):
    borough = LocalAuthorityFactory(name="Westminster", code="WCC")
    plans = IndicatorFactory(name="Child protection plans", tolerance_percent=Decimal("15"))
    for day, value in ((date(2022, 3, 31), 70), (date(2023, 3, 31), 85)):
        ObservationFactory(indicator=plans, borough=borough, period_start=day, value=value, london=230)
    sign_in(client, manager)
    page = client.get(reverse("audits:exceptions"), {"quarter": "2023-01-01"}).content.decode()
    link = reverse("audits:exceptions_pdf") + "?quarter=2023-01-01"
    assert f'href="{link}"' in page

    response = client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Data set exceptions: Q4 2022/23 (January to March 2023)" in text
    assert "Child protection plans Exception" in text
    assert "up 21.4%" in text
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "en-GB"
    scopes = header_scopes(response.content)
    assert scopes and set(scopes) <= {"/Column", "/Row"}  # every header cell of the tables has its scope
