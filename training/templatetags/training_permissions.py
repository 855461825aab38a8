"""The training permission rules for templates: `{% if roles|can_organise_training %}`."""

from django import template

from lscp.roles import for_templates

from .. import permissions

register = template.Library()
register.filter("can_organise_training", for_templates(permissions.can_organise_training))
