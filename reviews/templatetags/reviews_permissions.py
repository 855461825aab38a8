"""The case review permission rules for templates: `{% if roles|can_see_case_reviews %}`."""

from django import template

from lscp.roles import for_templates

from .. import permissions

register = template.Library()


for _rule in (permissions.can_see_case_reviews, permissions.can_change_case_reviews):
    register.filter(_rule.__name__, for_templates(_rule))
