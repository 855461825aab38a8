"""`lscp.roles.for_templates` makes an app's permission rule a template filter: given the roles it asks the rule;
on a page rendered without the roles context processor (an error page) it answers what the public would see."""

from django import template
from django.template import Context, Engine

from lscp.roles import ANONYMOUS, UserRoles, for_templates


def who(roles):
    return "manager" if roles.is_manager else "public" if roles is ANONYMOUS else "someone"


def render(context):
    library = template.Library()
    library.filter(who.__name__, for_templates(who))
    engine = Engine()
    engine.template_builtins.append(library)
    return engine.from_string("{{ roles|who }}").render(Context(context))


def test_the_filter_keeps_the_rules_name_and_asks_it_with_the_roles():
    assert for_templates(who).__name__ == "who"
    assert render({"roles": UserRoles(is_manager=True)}) == "manager"
    assert render({"roles": UserRoles()}) == "someone"


def test_without_roles_the_filter_answers_for_the_public():
    assert render({}) == "public"
    assert render({"roles": "not roles"}) == "public"
