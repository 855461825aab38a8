"""Every app's menu rule is answered from the roles' facts (the user's bodies come with their names and kinds), so
once the roles are loaded the menu bar costs no query, whoever the user."""

import pytest

from lscp.navigation import menu_for
from lscp.roles import roles_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["manager", "chair", "partner", "delegate", "outsider"])
def test_the_menu_costs_no_query_once_the_roles_are_loaded(request, role, django_assert_num_queries):
    roles = roles_for(request.getfixturevalue(role))
    with django_assert_num_queries(0):
        items = menu_for(roles, "/")
    assert items  # everyone sees at least the training calendar and the annual reports
