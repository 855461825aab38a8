"""One format per kind of figure, for the annual report and every page that prints the same figures.

- **counts**: whole numbers with thousands separators, "24,310"; a figure that is not whole (a rate per 10,000
  children, a mean) to one decimal place, "12.5";
- **money**: pounds and pence with thousands separators, "£1,234.56", a negative amount in brackets, "(£27,122.76)",
  as in a statement of accounts (the finance appendix's columns add up to the penny);
- **percentages**: whole per cents rounded half up, "13%" (`lscp.percentages`, which holds the rule);
- **percentage points** (the change in a figure that is itself a percentage): like a count, "0.5 points";
- **a change since a year earlier**: in numbers and in per cent, "up 580 (2%)", "down £1,200.00 (4%)"; for a
  percentage, in points only ("down 0.5 points": a relative change of a percentage reads as nonsense), "new" from
  nothing, "no change", and "no figure a year earlier".

Nothing here is stored: every function takes the exact stored value and returns text."""

from decimal import ROUND_HALF_UP, Decimal

from .percentages import NONE_TEXT, format_percent, format_share

PENNY = Decimal("0.01")
TENTH = Decimal("0.1")

# The units the data set stores values in (audits.models.Unit), by value, so that lscp imports no app.
COUNT, PERCENTAGE, RATE, MONEY = "count", "percentage", "rate", "money"


def _decimal(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def format_count(value):
    """24,310 · 12.5 (a figure that is not whole, to one decimal place) · "–" for None."""
    if value is None or value == "":
        return NONE_TEXT
    value = _decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.quantize(TENTH, ROUND_HALF_UP):,}"


def format_money(value):
    """£1,234.56; a negative amount in brackets: (£27,122.76); "–" for None."""
    if value is None or value == "":
        return NONE_TEXT
    amount = _decimal(value).quantize(PENNY, ROUND_HALF_UP)
    text = f"£{abs(amount):,.2f}"
    return f"({text})" if amount < 0 else text


def format_points(value):
    """A number of percentage points: "0.5 points", "1 point", "2 points"."""
    text = format_count(abs(_decimal(value)))
    return f"{text} point" if text == "1" else f"{text} points"


def format_value(value, unit):
    """A stored value in its unit: 24,310 · 10% · £1,611.21 · 12.5; "" for None (the caller says what is missing)."""
    if value is None:
        return ""
    if unit == PERCENTAGE:
        return format_percent(value)
    if unit == MONEY:
        return format_money(value)
    return format_count(value)


def format_change(now, earlier, *, unit=COUNT):
    """The change since a year earlier, in numbers and in per cent: "up 580 (2%)", "down 0.5 points" (a percentage),
    "up 5 (from none)", "no change", "no figure a year earlier" (or "–" when there is no value now)."""
    if now is None:
        return NONE_TEXT
    if earlier is None:
        return "no figure a year earlier"
    now, earlier = _decimal(now), _decimal(earlier)
    difference = now - earlier
    if difference == 0:
        return "no change"
    direction = "up" if difference > 0 else "down"
    if unit == PERCENTAGE:
        return f"{direction} {format_points(difference)}"
    amount = format_money(abs(difference)) if unit == MONEY else format_count(abs(difference))
    if earlier == 0:
        return f"{direction} {amount} (from none)"
    return f"{direction} {amount} ({format_share(abs(difference), abs(earlier))})"
