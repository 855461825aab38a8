"""Each row of an admin list links to its record at the address Django would reverse for it, though the list
reverses its address once and puts each row's key in it (lscp/admin_lists.py, AdminList)."""

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.test import RequestFactory
from django.urls import reverse

from lscp.admin_lists import AdminList
from partnership.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def changelist(model_admin, user):
    request = RequestFactory().get("/")
    request.user = user
    return model_admin.get_changelist_instance(request)


def test_every_admin_whose_list_is_djangos_own_uses_the_admin_list(manager):
    registered = admin.site._registry.values()
    kinds = {type(model_admin).__name__: model_admin.get_changelist(None) for model_admin in registered}
    assert all(issubclass(kind, AdminList) for kind in kinds.values()), kinds


@pytest.mark.parametrize("key", [7, 123456, "a/b c?é%_x:@~", "<script>", "100%"])
def test_a_rows_address_is_the_one_django_reverses_for_its_key(manager, key):
    cl = changelist(admin.site._registry[type(PersonFactory())], manager)
    row = SimpleNamespace(**{cl.pk_attname: key})
    assert cl.url_for_result(row) == ChangeList.url_for_result(cl, row)


def test_every_lists_rows_link_to_their_records(client, manager):
    people = PersonFactory.create_batch(3)
    client.force_login(manager)
    page = client.get(reverse("admin:partnership_person_changelist")).content.decode()
    for person in people:
        assert f'href="{reverse("admin:partnership_person_change", args=[person.pk])}"' in page
