"""The quality assurance permission rules for templates: `{% if roles|can_use_section11 %}`."""

from django import template

from lscp.roles import ANONYMOUS, UserRoles

from .. import permissions

register = template.Library()


def _for_templates(rule):
    # A page rendered without the roles context processor (an error page) shows what the public sees.
    def check(roles):
        return rule(roles if isinstance(roles, UserRoles) else ANONYMOUS)

    check.__name__ = rule.__name__
    return check


for _rule in (
    permissions.can_use_section11,
    permissions.can_complete_returns,
    permissions.can_scrutinise_returns,
    permissions.can_see_audits,
    permissions.can_record_audits,
):
    register.filter(_rule.__name__, _for_templates(_rule))
