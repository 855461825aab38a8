"""`lscp.roles.for_templates` makes an app's permission rule a template filter: given the roles it asks the rule;
on a page rendered without the roles context processor (an error page) it answers what the public would see. A rule
about one record, `rule(roles, record)`, becomes a filter taking the record: `{{ roles|may_open:record }}`."""

from django import template
from django.template import Context, Engine

from lscp.roles import ANONYMOUS, UserRoles, for_templates


def who(roles):
    return "manager" if roles.is_manager else "public" if roles is ANONYMOUS else "someone"


def may_open(roles, record):
    return "yes" if roles.is_manager or record == "public record" else "no"


def render(context, source="{{ roles|who }}"):
    library = template.Library()
    library.filter(who.__name__, for_templates(who))
    library.filter(may_open.__name__, for_templates(may_open))
    engine = Engine()
    engine.template_builtins.append(library)
    return engine.from_string(source).render(Context(context))


def test_the_filter_keeps_the_rules_name_and_asks_it_with_the_roles():
    assert for_templates(who).__name__ == "who"
    assert render({"roles": UserRoles(is_manager=True)}) == "manager"
    assert render({"roles": UserRoles()}) == "someone"


def test_without_roles_the_filter_answers_for_the_public():
    assert render({}) == "public"
    assert render({"roles": "not roles"}) == "public"


def test_a_rule_about_a_record_takes_it_as_the_filters_argument():
    source = "{{ roles|may_open:record }}"
    assert render({"roles": UserRoles(is_manager=True), "record": "private record"}, source) == "yes"
    assert render({"roles": UserRoles(), "record": "private record"}, source) == "no"
    assert render({"record": "public record"}, source) == "yes"
    assert render({"roles": "not roles", "record": "private record"}, source) == "no"
