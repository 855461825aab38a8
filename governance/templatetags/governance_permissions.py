"""The governance permission rules for templates: `{% if roles|can_use_action_tracker %}`, and about one action
`{% if roles|can_see_action:action %}` (the rule its page checks: link an action only for those it opens to)."""

from django import template

from lscp.roles import for_templates

from .. import permissions

register = template.Library()


for _rule in (
    permissions.can_use_action_tracker,
    permissions.can_see_action,
    permissions.can_use_challenge_log,
    permissions.can_log_challenges,
    permissions.can_use_statements,
    permissions.can_write_statements,
    permissions.can_review_statements,
):
    register.filter(_rule.__name__, for_templates(_rule))
