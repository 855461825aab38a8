"""The governance permission rules for templates: `{% if roles|can_use_action_tracker %}`."""

from django import template

from lscp.roles import for_templates

from .. import permissions

register = template.Library()


for _rule in (
    permissions.can_use_action_tracker,
    permissions.can_use_challenge_log,
    permissions.can_log_challenges,
    permissions.can_use_statements,
    permissions.can_write_statements,
    permissions.can_review_statements,
):
    register.filter(_rule.__name__, for_templates(_rule))
