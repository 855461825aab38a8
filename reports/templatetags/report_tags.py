"""Filters for the annual report's tables. Money and percentages are the figures library's (lscp/templatetags/
figures.py), kept here under their old names for the templates that load this library."""

from decimal import InvalidOperation

from django import template

from lscp import figures, percentages

register = template.Library()


@register.filter
def money(value):
    """£1,234.56; a negative amount in brackets, as in a published report's finance appendix: (£27,122.76)."""
    try:
        return figures.format_money(value)
    except (InvalidOperation, TypeError, ValueError):
        return value


@register.filter
def percent(value, places=0):
    """A percentage as a whole per cent, rounded half up (`places` is ignored: the report has one rule)."""
    return percentages.format_percent(value)


@register.filter
def any_filled(rows, attribute):
    """Whether any row has something in the attribute: a table leaves out a column that would be empty throughout."""
    return any(str(getattr(row, attribute, "") or "").strip() for row in rows)
