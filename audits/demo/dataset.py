"""The demo's data set (literals in dataset_data.py): the 2022/23 report's borough profiles, its children and young
people data with a year earlier, LADO outcomes and referral sources, child death reviews, and the independent
reviewing officers' reviews, as counts. Loading twice changes nothing: each indicator, category and value is looked
up first, and a value already there is left as it is."""

from datetime import date
from decimal import Decimal

from audits.models import Indicator, IndicatorCategory, Observation, ReportTable, period_end_for
from partnership.models import LocalAuthority

from . import dataset_data as data


def _number(value):
    return None if value is None else Decimal(str(value))


def _observation(indicator, borough, kind, start, value, *, category=None, london=None):
    _, created = Observation.objects.get_or_create(
        indicator=indicator,
        borough=borough,
        period_kind=kind,
        period_start=start,
        category=category,
        defaults={
            "period_end": period_end_for(kind, start),
            "value": _number(value),
            "london": _number(london),
            "source": indicator.source,  # each value keeps its own: the demo's come from their indicators' sources
        },
    )
    return created


def load(*, stdout):
    boroughs = {borough.code: borough for borough in LocalAuthority.objects.all()}
    indicators, added = {}, 0
    for name, unit, source, higher_is_better, tolerance, london, definition in data.INDICATORS:
        indicators[name], _ = Indicator.objects.get_or_create(
            name=name,
            defaults={
                "unit": unit,
                "source": source,
                "higher_is_better": higher_is_better,
                "tolerance_percent": _number(tolerance),
                "london_comparator": london,
                "definition": definition,
                "adds_up": unit in data.ADDING_UP_UNITS,
            },
        )
    for name, kind, start, values, (london, london_earlier) in data.OBSERVATIONS:
        start = date.fromisoformat(start)
        earlier = start.replace(year=start.year - 1)
        for code, (value, value_earlier) in values.items():
            added += _observation(indicators[name], boroughs[code], kind, start, value, london=london)
            added += _observation(indicators[name], boroughs[code], kind, earlier, value_earlier, london=london_earlier)
    kind, start = data.PROFILE_PERIOD
    start = date.fromisoformat(start)
    for name, unit, source, definition in data.PROFILE_INDICATORS:
        indicator, _ = Indicator.objects.get_or_create(
            name=name,
            defaults={
                "unit": unit,
                "source": source,
                "definition": definition,
                "report_table": ReportTable.BOROUGH_PROFILE,
                "adds_up": unit in data.ADDING_UP_UNITS,
            },
        )
        for code, value in data.PROFILE_VALUES[name].items():
            added += _observation(indicator, boroughs[code], kind, start, value)
    kind, start = data.CATEGORY_PERIOD
    start = date.fromisoformat(start)
    for name, source, definition, category_names, counts in data.COUNTED_BY_CATEGORY:
        indicator, _ = Indicator.objects.get_or_create(
            name=name, defaults={"unit": "count", "source": source, "definition": definition, "adds_up": True}
        )
        categories = [
            IndicatorCategory.objects.get_or_create(indicator=indicator, name=category, defaults={"order": order})[0]
            for order, category in enumerate(category_names)
        ]
        for code, numbers in counts.items():
            for category, count in zip(categories, numbers, strict=True):
                added += _observation(indicator, boroughs[code], kind, start, count, category=category)
    for indicator in Indicator.objects.filter(name__in=data.DENOMINATORS, denominator__isnull=True):
        indicator.denominator = Indicator.objects.get(name=data.DENOMINATORS[indicator.name])
        indicator.save(update_fields=["denominator"])
    added += _load_iro_figures(boroughs)
    stdout.write(f"Audits: the data set ({added} values added).")


def _load_iro_figures(boroughs):
    """The independent reviewing officers' counts for the "Children in care" chapter, this year and a year earlier."""
    added = 0
    kind, start = data.IRO_PERIOD
    start = date.fromisoformat(start)
    earlier = start.replace(year=start.year - 1)
    for name, unit, source, higher_is_better, definition in data.IRO_INDICATORS:
        indicator, _ = Indicator.objects.get_or_create(
            name=name,
            defaults={
                "unit": unit,
                "source": source,
                "higher_is_better": higher_is_better,
                "definition": definition,
                "report_table": ReportTable.NONE,
            },
        )
        for code, (value, value_earlier) in data.IRO_OBSERVATIONS[name].items():
            added += _observation(indicator, boroughs[code], kind, start, value)
            added += _observation(indicator, boroughs[code], kind, earlier, value_earlier)
    return added
