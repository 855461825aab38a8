"""The exceptions page (and its PDF) draws one trend chart an indicator from the rows of its table, each an image
with its figures in words, within the page's pinned query count however many indicators there are."""

import io
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from django.urls import reverse

from audits.tests.factories import IndicatorFactory, ObservationFactory
from lscp.testing import sign_in
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db

URL = reverse("audits:exceptions")


def add_indicators(count, boroughs, *, first=0):
    for number in range(first, first + count):
        indicator = IndicatorFactory(name=f"Indicator {number}", tolerance_percent=Decimal("10"))
        for borough in boroughs:
            for day, value in ((date(2022, 3, 31), 100), (date(2023, 3, 31), 105)):
                ObservationFactory(indicator=indicator, borough=borough, period_start=day, value=value)


def test_one_described_chart_an_indicator_in_the_pinned_queries(client, manager, django_assert_max_num_queries):
    sign_in(client, manager)
    boroughs = [LocalAuthorityFactory(name=f"Borough {letter}") for letter in "ABC"]
    add_indicators(1, boroughs)
    with django_assert_max_num_queries(12):
        few = client.get(URL, {"quarter": "2023-01-01"})
    add_indicators(9, boroughs, first=1)
    with django_assert_max_num_queries(12):
        many = client.get(URL, {"quarter": "2023-01-01"})
    assert len(few.context["charts"]) == 1 and len(many.context["charts"]) == 10
    page = many.content.decode()
    assert page.count('<figure class="trend-chart">') == 10
    assert "Trends by indicator" in page
    alt = (
        'alt="Indicator 0: Borough A 100 (2021/22) → 105 (2022/23); Borough B 100 (2021/22) → 105 (2022/23); '
        'Borough C 100 (2021/22) → 105 (2022/23)."'
    )
    assert alt in page


def test_the_pdf_carries_the_charts_as_figures_with_alt_text(client, manager):
    sign_in(client, manager)
    add_indicators(2, [LocalAuthorityFactory(name="Westminster")])
    response = client.get(reverse("audits:exceptions_pdf"), {"quarter": "2023-01-01"})
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    found = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if str(node.get("/S", "")) == "/Figure":
                found.append(str(node.get("/Alt", "")))
            if node.get("/K") is not None:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert sorted(found) == [
        "Indicator 0: Westminster 100 (2021/22) → 105 (2022/23).",
        "Indicator 1: Westminster 100 (2021/22) → 105 (2022/23).",
    ]
