"""The quality assurance permission rules for templates: `{% if roles|can_use_section11 %}`."""

from django import template

from lscp.roles import for_templates

from .. import permissions

register = template.Library()


for _rule in (
    permissions.can_use_section11,
    permissions.can_complete_returns,
    permissions.can_scrutinise_returns,
    permissions.can_see_audits,
    permissions.can_record_audits,
):
    register.filter(_rule.__name__, for_templates(_rule))
