"""The data set holds one value per indicator, borough, period and category: a second is refused with a message,
for an indicator without categories too (its empty category counts as one), while another category, borough or
period is a value of its own. A category must be the indicator's own, and an indicator counted by category needs one."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from audits.models import (
    OBSERVATION_NEEDS_CATEGORY,
    OBSERVATION_TWICE,
    IndicatorCategory,
    Observation,
)
from partnership.tests.factories import LocalAuthorityFactory

from .factories import IndicatorFactory, ObservationFactory


@pytest.mark.django_db
def test_a_second_value_without_a_category_is_refused_by_validation_and_by_the_database():
    first = ObservationFactory()
    twin = Observation(
        indicator=first.indicator, borough=first.borough, period_kind="date", period_start=first.period_start, value=5
    )
    with pytest.raises(ValidationError) as refused:
        twin.full_clean()
    assert OBSERVATION_TWICE in refused.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.period_end = twin.period_start
        twin.save()


@pytest.mark.django_db
def test_categories_boroughs_and_periods_each_hold_their_own_value():
    indicator = IndicatorFactory(name="LADO allegations by outcome")
    substantiated = IndicatorCategory.objects.create(indicator=indicator, name="Substantiated")
    unfounded = IndicatorCategory.objects.create(indicator=indicator, name="Unfounded")
    borough = LocalAuthorityFactory()
    for category in (substantiated, unfounded):
        obs = Observation(
            indicator=indicator,
            borough=borough,
            period_kind="year",
            period_start=date(2022, 4, 1),
            category=category,
            value=3,
        )
        obs.full_clean()
        obs.save()
    assert Observation.objects.get(category=substantiated).period_end == date(2023, 3, 31)
    missing = Observation(
        indicator=indicator, borough=borough, period_kind="year", period_start=date(2022, 4, 1), value=1
    )
    with pytest.raises(ValidationError) as refused:
        missing.full_clean()
    assert refused.value.message_dict["category"] == [
        OBSERVATION_NEEDS_CATEGORY % {"indicator": indicator, "categories": "“Substantiated”, “Unfounded”"}
    ]
    twin = Observation(
        indicator=indicator,
        borough=borough,
        period_kind="year",
        period_start=date(2022, 4, 1),
        category=unfounded,
        value=9,
    )
    with pytest.raises(ValidationError):
        twin.full_clean()


@pytest.mark.django_db
def test_a_quarter_ends_three_months_after_it_starts():
    obs = Observation(
        indicator=IndicatorFactory(),
        borough=LocalAuthorityFactory(),
        period_kind="quarter",
        period_start=date(2023, 1, 1),
        value=12,
    )
    obs.full_clean()
    assert obs.period_end == date(2023, 3, 31)
