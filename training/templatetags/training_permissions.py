"""The training permission rules for templates: `{% if roles|can_organise_training %}`."""

from django import template

from lscp.roles import ANONYMOUS, UserRoles

from .. import permissions

register = template.Library()


@register.filter
def can_organise_training(roles):
    # A page rendered without the roles context processor (an error page) shows what the public sees.
    return permissions.can_organise_training(roles if isinstance(roles, UserRoles) else ANONYMOUS)
