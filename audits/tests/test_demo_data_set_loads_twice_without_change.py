"""Loading the demo's data set twice changes nothing, and a value someone corrected is not put back."""

import io

import pytest

from audits.demo import dataset
from audits.models import Indicator, IndicatorCategory, Observation
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Indicator.objects.order_by("pk").values_list("pk", "name", "tolerance_percent")),
        list(IndicatorCategory.objects.order_by("pk").values_list("pk", "indicator_id", "name", "order")),
        list(Observation.objects.order_by("pk").values_list("pk", "period_start", "category_id", "value", "london")),
    )


def test_a_second_load_adds_and_changes_nothing():
    LocalAuthorityFactory(code="RBKC")
    LocalAuthorityFactory(code="WCC")
    dataset.load(stdout=io.StringIO())
    corrected = Observation.objects.filter(indicator__name="Children in need").first()
    corrected.value = 1
    corrected.save()
    first = snapshot()
    out = io.StringIO()
    dataset.load(stdout=out)
    assert snapshot() == first
    assert "(0 values added)" in out.getvalue()
    # 12 indicators × 2 boroughs × 2 years, 7 borough profile figures × 2 boroughs, 52 counts by category, and the
    # independent reviewing officers' 2 counts × 2 boroughs × 2 years
    assert len(first[2]) == 12 * 2 * 2 + 7 * 2 + 52 + 2 * 2 * 2
