"""Filters for the annual report's tables: money as the partnership prints it, percentages."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def money(value):
    """£1,234.56; a negative amount in brackets, as in the seeds' finance appendix: (£27,122.76)."""
    if value is None or value == "":
        return "–"
    try:
        amount = Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return value
    text = f"£{abs(amount):,.2f}"
    return f"({text})" if amount < 0 else text


@register.filter
def percent(value, places=0):
    """A Decimal or float percentage to a fixed number of places, or a dash when there is none."""
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-int(places))
    return f"{Decimal(value).quantize(quantum, ROUND_HALF_UP)}%"


@register.filter
def any_filled(rows, attribute):
    """Whether any row has something in the attribute: a table leaves out a column that would be empty throughout."""
    return any(str(getattr(row, attribute, "") or "").strip() for row in rows)
