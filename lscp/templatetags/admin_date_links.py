"""{% admin_date_links cl %}: a list's date links, as Django's {% date_hierarchy cl %} draws them, with the years read
year by year (lscp/admin_dates.py)."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from lscp.admin_dates import years_to_choose

register = template.Library()


@register.tag(name="admin_date_links")
def admin_date_links(parser, token):
    return InclusionAdminNode(
        parser, token, func=years_to_choose, template_name="date_hierarchy.html", takes_context=False
    )
