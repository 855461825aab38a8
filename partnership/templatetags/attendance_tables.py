"""{% rate_rows rates %}: the rows of an attendance rate table (templates/partnership/includes/rate_table.html).

Written in Python rather than a template loop: the attendance report has a row per agency (170 and more at a large
partnership), and the template engine resolving five values a row, each formatted for the locale, was a third of
the page's time. The HTML is what the loop wrote: the label escaped, the counts and the rate as the page's locale
writes them (no thousands separator), "–" for no rate, and the row marked when flagged for challenge."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def _rate(rate):
    return "–" if rate.percentage is None else f"{rate.percentage}%"


@register.simple_tag
def rate_rows(rates):
    return format_html_join(
        "\n",
        "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                mark_safe(' class="flagged"') if rate.flagged else "",
                rate.label,
                rate.expected,
                rate.attended,
                _rate(rate),
                "Flagged" if rate.flagged else "—",
            )
            for rate in rates
        ),
    )
