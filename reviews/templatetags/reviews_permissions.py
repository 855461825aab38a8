"""The case review permission rules for templates: `{% if roles|can_see_case_reviews %}`."""

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


for _rule in (permissions.can_see_case_reviews, permissions.can_change_case_reviews):
    register.filter(_rule.__name__, _for_templates(_rule))
