"""Reads of the data set for the "Children in care" chapter: the children looked after at the end of the year and the
unaccompanied asylum-seeking children among them, and the reviews the independent reviewing officers (IROs) held and
how many were on time, per borough and for the partnership, each beside its value a year earlier. The shares are
computed from the stored counts (never stored themselves). One query whatever the data."""

from dataclasses import dataclass, field

from lscp import percentages

from ..models import Observation
from .dataset import period_label, with_trend

# The indicators it reads, by name (the demo creates them; a partnership that imports its own figures names its
# indicators so). The first two are also rows of "Our children and young people data".
LOOKED_AFTER = "Looked after children"
UASC = "Looked after children who are unaccompanied asylum-seeking children (UASC)"
REVIEWS_HELD = "Looked after children's reviews held"
REVIEWS_ON_TIME = "Looked after children's reviews held within timescales"
INDICATORS = (LOOKED_AFTER, UASC, REVIEWS_HELD, REVIEWS_ON_TIME)


@dataclass
class CareFigures:
    """One column of the chapter's table: a borough's figures, or the partnership's (the boroughs' sums). None
    where nothing is recorded."""

    looked_after: int | None = None
    looked_after_earlier: int | None = None
    uasc: int | None = None
    reviews: int | None = None
    on_time: int | None = None
    reviews_earlier: int | None = None
    on_time_earlier: int | None = None

    @property
    def uasc_share(self):
        return share(self.uasc, self.looked_after)

    @property
    def on_time_share(self):
        return share(self.on_time, self.reviews)

    @property
    def on_time_share_earlier(self):
        return share(self.on_time_earlier, self.reviews_earlier)


@dataclass
class ChildrenInCare:
    boroughs: list  # (code, name)
    columns: list  # CareFigures per borough, in `boroughs` order
    total: CareFigures
    looked_after_on: str = ""  # the day the looked after count was taken: "31 March 2023"
    reviews_period: str = ""  # the period the reviews were counted over: "2022/23"
    periods: dict = field(default_factory=dict)

    @property
    def is_empty(self):
        return not self.columns


def share(part, whole):
    """A part as a share of the whole, by the report's one rule (lscp.percentages); None without both."""
    return percentages.share(part, whole)


def _sum(values):
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def children_in_care(*, year):
    """The chapter's figures: each indicator's latest period ending within the year, in each borough, with its
    value a year earlier. One query."""
    observations = (
        with_trend(
            Observation.objects.filter(
                indicator__name__in=INDICATORS,
                category__isnull=True,
                period_end__gte=year.start,
                period_end__lte=year.end,
            )
        )
        .select_related("indicator", "borough")
        .order_by("indicator__name", "borough__name", "-period_start")
    )
    latest, boroughs, periods = {}, {}, {}
    for o in observations:
        boroughs[o.borough_id] = (o.borough.code, o.borough.name)
        key = (o.indicator.name, o.borough_id)
        if key not in latest:
            latest[key] = o
            periods.setdefault(o.indicator.name, period_label(o.period_kind, o.period_start, o.period_end))
    order = sorted(boroughs, key=lambda pk: boroughs[pk][1])

    def value(name, pk, attribute="value"):
        o = latest.get((name, pk))
        found = getattr(o, attribute) if o is not None else None
        return int(found) if found is not None else None

    columns = [
        CareFigures(
            looked_after=value(LOOKED_AFTER, pk),
            looked_after_earlier=value(LOOKED_AFTER, pk, "year_earlier"),
            uasc=value(UASC, pk),
            reviews=value(REVIEWS_HELD, pk),
            on_time=value(REVIEWS_ON_TIME, pk),
            reviews_earlier=value(REVIEWS_HELD, pk, "year_earlier"),
            on_time_earlier=value(REVIEWS_ON_TIME, pk, "year_earlier"),
        )
        for pk in order
    ]
    total = CareFigures(
        **{name: _sum(getattr(column, name) for column in columns) for name in CareFigures.__dataclass_fields__}
    )
    return ChildrenInCare(
        boroughs=[boroughs[pk] for pk in order],
        columns=columns,
        total=total,
        looked_after_on=periods.get(LOOKED_AFTER, ""),
        reviews_period=periods.get(REVIEWS_HELD, ""),
        periods=periods,
    )
