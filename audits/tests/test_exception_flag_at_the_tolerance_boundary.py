"""Each observation is compared with the same indicator, borough, period and category a year earlier; it is an
exception when the change is beyond the indicator's tolerance in the unfavourable direction (a fall where higher is
better, a rise where lower is better, either where neither is set). Exactly at the tolerance is not an exception."""

from datetime import date
from decimal import Decimal

import pytest

from audits.models import IndicatorCategory, Observation
from audits.selectors.dataset import with_trend
from audits.tests.factories import IndicatorFactory, ObservationFactory
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db

QUARTER, A_YEAR_EARLIER = date(2023, 1, 1), date(2022, 1, 1)


def flags(higher_is_better, values, *, tolerance="10", earlier="100"):
    """{value: (change %, exception?)} for each value this quarter against `earlier` a year before, one borough each."""
    indicator = IndicatorFactory(higher_is_better=higher_is_better, tolerance_percent=Decimal(tolerance))
    for value in values:
        borough = LocalAuthorityFactory()
        for start, figure in ((A_YEAR_EARLIER, earlier), (QUARTER, value)):
            ObservationFactory(
                indicator=indicator,
                borough=borough,
                period_kind="quarter",
                period_start=start,
                period_end=date(start.year, 3, 31),
                value=Decimal(figure),
            )
    rows = with_trend(Observation.objects.filter(indicator=indicator, period_start=QUARTER))
    return {str(o.value): (o.change_percent, o.is_exception) for o in rows}


def test_where_higher_is_better_only_a_fall_beyond_the_tolerance_is_an_exception():
    found = flags(True, ["90", "89.99", "150"])
    assert found["90.00"] == (Decimal("-10"), False)
    assert found["89.99"][1] is True
    assert found["150.00"] == (Decimal("50"), False)


def test_where_lower_is_better_only_a_rise_beyond_the_tolerance_is_an_exception():
    found = flags(False, ["110", "110.01", "40"])
    assert found["110.00"] == (Decimal("10"), False)
    assert found["110.01"][1] is True
    assert found["40.00"] == (Decimal("-60"), False)


def test_where_neither_is_better_a_change_beyond_the_tolerance_either_way_is_an_exception():
    found = flags(None, ["110", "110.01", "90", "89.99"])
    assert [found[v][1] for v in ("110.00", "110.01", "90.00", "89.99")] == [False, True, False, True]


def test_from_zero_a_rise_is_an_exception_unless_higher_is_better():
    assert flags(None, ["3"], earlier="0")["3.00"] == (None, True)
    assert flags(True, ["3"], earlier="0")["3.00"] == (None, False)


def test_no_tolerance_or_no_figure_a_year_earlier_is_never_an_exception():
    indicator = IndicatorFactory(tolerance_percent=None)
    ObservationFactory(indicator=indicator, period_kind="date", period_start=date(2023, 3, 31), value=500)
    other = IndicatorFactory(tolerance_percent=Decimal("1"))
    # A value two years earlier, or for another period kind, is not "a year earlier".
    borough = LocalAuthorityFactory()
    ObservationFactory(indicator=other, borough=borough, period_start=date(2021, 3, 31), value=1)
    ObservationFactory(indicator=other, borough=borough, period_start=date(2023, 3, 31), value=500)
    rows = list(with_trend(Observation.objects.filter(period_start=date(2023, 3, 31))))
    assert [(o.year_earlier, o.change_percent, o.is_exception) for o in rows] == [(None, None, False)] * 2


def test_each_category_is_compared_with_the_same_category():
    indicator = IndicatorFactory(tolerance_percent=Decimal("10"), higher_is_better=None)
    low, high = (IndicatorCategory.objects.create(indicator=indicator, name=name) for name in ("Low", "High"))
    borough = LocalAuthorityFactory()
    for category, earlier, now in ((low, 10, 10), (high, 100, 150)):
        for start, value in ((date(2022, 4, 1), earlier), (date(2023, 4, 1), now)):
            ObservationFactory(
                indicator=indicator,
                borough=borough,
                category=category,
                period_kind="year",
                period_start=start,
                period_end=date(start.year + 1, 3, 31),
                value=value,
            )
    rows = with_trend(Observation.objects.filter(period_start=date(2023, 4, 1))).order_by("category__name")
    assert [(o.category.name, o.year_earlier, o.is_exception) for o in rows] == [
        ("High", Decimal("100"), True),
        ("Low", Decimal("10"), False),
    ]
