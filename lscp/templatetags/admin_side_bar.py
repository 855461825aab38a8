"""{% admin_side_bar %}: the admin's side bar, kept per user and kind of record (lscp/admin_menu.py)."""

from django import template

from lscp.admin_menu import side_bar

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_side_bar(context):
    return side_bar(context)
