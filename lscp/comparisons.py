"""A figure of the year beside the same figure of the year before, for the annual report's "last year" columns and
lines (training, attendance, LADO, child deaths, Section 11, finance).

Each chapter computes both figures from the records with aggregate queries and hands a `YearOnYear` to its template,
which prints `this_year_text`, `last_year_text` and `change_text`. The change is worded as the data set's trend is
("up 4 (12.5%)", "down 2.1 points", "no change"): a count or an amount changes by a number and a per cent of last
year's; a rate or a share (already a percentage) by percentage points; a mean score by its difference.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


class Kind:
    COUNT = "count"  # 12 → 15: up 3 (25.0%)
    MONEY = "money"  # £1,000.00 → £1,200.00: up £200.00 (20.0%)
    RATE = "rate"  # a percentage, 74.3 → 80.0: up 5.7 points
    MEAN = "mean"  # a mean score, 3.5 → 3.8: up 0.3


_TENTH, _PENNY = Decimal("0.1"), Decimal("0.01")


def _decimal(value):
    return None if value is None else Decimal(value)


@dataclass(frozen=True)
class YearOnYear:
    this_year: object  # int, Decimal or float; None when the year has no such figure
    last_year: object
    kind: str = Kind.COUNT
    places: int = 1  # the decimal places of a rate or a mean, as the chapter prints the year's own figure

    @property
    def _quantum(self):
        return Decimal(1).scaleb(-self.places)

    def _rounded(self, value):
        """The figure as printed, so that the change printed is the difference of the figures printed."""
        quantum = _PENNY if self.kind == Kind.MONEY else self._quantum if self.kind in (Kind.RATE, Kind.MEAN) else 1
        return _decimal(value).quantize(Decimal(quantum), ROUND_HALF_UP)

    @property
    def change(self):
        if self.this_year is None or self.last_year is None:
            return None
        return self._rounded(self.this_year) - self._rounded(self.last_year)

    @property
    def change_percent(self):
        """The change as a per cent of last year's figure, for counts and amounts; None from nothing (or from an
        overspend, where a per cent would mislead)."""
        if self.change is None or self.kind in (Kind.RATE, Kind.MEAN) or not self.last_year > 0:
            return None
        return (self.change * 100 / _decimal(self.last_year)).quantize(_TENTH, ROUND_HALF_UP)

    def _figure(self, value):
        if value is None:
            return "–"
        value = _decimal(value)
        if self.kind == Kind.MONEY:  # a negative amount in brackets, as the finance appendix prints it
            text = f"£{abs(value).quantize(_PENNY, ROUND_HALF_UP):,.2f}"
            return f"({text})" if value < 0 else text
        if self.kind == Kind.RATE:
            return f"{value.quantize(self._quantum, ROUND_HALF_UP)}%"
        if self.kind == Kind.MEAN:
            return f"{value.quantize(self._quantum, ROUND_HALF_UP)}"
        return f"{int(value):,}"

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
            return "–"
        if change == 0:
            return "no change"
        direction = "up" if change > 0 else "down"
        size = abs(change)
        if self.kind == Kind.RATE:
            return f"{direction} {size.quantize(self._quantum, ROUND_HALF_UP)} points"
        text = f"{direction} {self._figure(size)}"
        percent = self.change_percent
        return f"{text} ({abs(percent)}%)" if percent is not None else text
