"""The figures filter library (`{% load figures %}`): every report template formats its numbers here, so that one
kind of figure prints one way and one fraction prints the same everywhere (the rules: lscp/figures.py and
lscp/percentages.py).

    {{ 24310|count }}                    24,310
    {{ amount|money }}                   £1,234.56
    {{ attended|share_of:expected }}     74%      (– when nothing was expected)
    {{ value|percent }}                  10%      (a number that is already a percentage)
    {{ value|figure:unit }}              24,310 · 10% · £1,611.21 (a data set value in its unit)
    {{ now|change:earlier }}             up 580 (2%)
    {{ counts|rounding_note }}           the note a column of shares needs when it does not add up to 100
"""

from django import template

from lscp import figures, percentages

register = template.Library()


@register.filter
def count(value):
    return figures.format_count(value)


@register.filter
def money(value):
    return figures.format_money(value)


@register.filter
def share_of(part, whole):
    return percentages.format_share(part, whole)


@register.filter
def percent(value, places=None):
    """`places` is ignored (every percentage is a whole per cent); kept so that `percent:1` still works."""
    return percentages.format_percent(value)


@register.filter
def figure(value, unit):
    return figures.format_value(value, unit) or percentages.NONE_TEXT


@register.filter
def change(now, earlier):
    return figures.format_change(now, earlier)


@register.filter
def rounding_note(items, attribute=""):
    """ROUNDING_NOTE when the shares of the counts (or of each item's `attribute`) in their total, each rounded,
    do not print as a column adding up to 100; "" otherwise."""
    counts = [getattr(item, attribute) if attribute else item for item in items]
    return percentages.ROUNDING_NOTE if percentages.needs_rounding_note(counts) else ""
