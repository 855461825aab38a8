"""The registry's permission rules for templates: `{% if roles|can_view_partnership %}`."""

from django import template

from lscp.roles import for_templates

from .. import permissions

register = template.Library()


for _rule in (permissions.can_view_partnership, permissions.can_see_attendance_report):
    register.filter(_rule.__name__, for_templates(_rule))
