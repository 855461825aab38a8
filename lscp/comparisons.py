"""A figure of the year beside the same figure of the year before, for the annual report's "last year" columns and
lines (training, attendance, LADO, child deaths, Section 11, finance).

Each chapter computes both figures from the records with aggregate queries and hands a `YearOnYear` to its template,
which prints `this_year_text`, `last_year_text` and `change_text`. Every figure and change is written by the one
rule of `lscp.figures` and `lscp.percentages`: a count or an amount changes by a number and a per cent of last
year's ("up 4 (13%)", "down £1,200.00 (4%)"); a rate or a share, already a percentage, by percentage points between
the whole per cents printed ("down 2 points"); a mean score by its difference ("up 0.3").

A rate is best given as a `lscp.percentages.Share` (the counts it comes from), so that it prints exactly as the same
fraction prints anywhere else in the report; a bare number is rounded half up to a whole per cent once.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import figures
from .percentages import NONE_TEXT, Share, format_percent, whole_percent


class Kind:
    COUNT = "count"  # 12 → 15: up 3 (25%)
    MONEY = "money"  # £1,000.00 → £1,200.00: up £200.00 (20%)
    RATE = "rate"  # a percentage, 74% → 80%: up 6 points
    MEAN = "mean"  # a mean score, 3.5 → 3.8: up 0.3


_PENNY = Decimal("0.01")


def _decimal(value):
    return None if value is None else Decimal(str(value)) if isinstance(value, float) else Decimal(value)


@dataclass(frozen=True)
class YearOnYear:
    this_year: object  # int, Decimal, float or a Share; None when the year has no such figure
    last_year: object
    kind: str = Kind.COUNT
    places: int = 1  # the decimal places of a mean, as the chapter prints the year's own figure

    def _rounded(self, value):
        """The figure as printed, so that the change printed is the difference of the figures printed."""
        if self.kind == Kind.RATE:
            return Decimal(int(value) if isinstance(value, Share) else whole_percent(_decimal(value), 100))
        if self.kind == Kind.MONEY:
            return _decimal(value).quantize(_PENNY, ROUND_HALF_UP)
        if self.kind == Kind.MEAN:
            return _decimal(value).quantize(Decimal(1).scaleb(-self.places), ROUND_HALF_UP)
        return _decimal(value).quantize(Decimal(1), ROUND_HALF_UP)

    @property
    def change(self):
        if self.this_year is None or self.last_year is None:
            return None
        return self._rounded(self.this_year) - self._rounded(self.last_year)

    def _figure(self, value):
        if value is None:
            return NONE_TEXT
        if self.kind == Kind.RATE:
            return str(value) if isinstance(value, Share) else format_percent(_decimal(value))
        if self.kind == Kind.MONEY:
            return figures.format_money(value)
        if self.kind == Kind.MEAN:
            return f"{self._rounded(value)}"
        return figures.format_count(value)

    @property
    def this_year_text(self):
        return self._figure(self.this_year)

    @property
    def last_year_text(self):
        return self._figure(self.last_year)

    @property
    def change_text(self):
        change = self.change
        if change is None:
            return NONE_TEXT
        if change == 0:
            return "no change"
        direction = "up" if change > 0 else "down"
        if self.kind == Kind.RATE:
            return f"{direction} {figures.format_points(change)}"
        if self.kind == Kind.MEAN:
            return f"{direction} {abs(change)}"
        unit = figures.MONEY if self.kind == Kind.MONEY else figures.COUNT
        if self._rounded(self.last_year) < 0:  # a per cent of an overspend would mislead: the amount alone
            return f"{direction} {figures.format_money(abs(change))}"
        return figures.format_change(self._rounded(self.this_year), self._rounded(self.last_year), unit=unit)
