"""The admin's menu is worked out once per user and what they may do (lscp/admin_menu.py), and is always the menu
Django would work out for them: kept menus are never shown to other permissions."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory

from lscp import admin_menu
from lscp.roles import BUSINESS_MANAGERS_GROUP
from partnership.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_kept_menus():
    admin_menu.forget()
    yield
    admin_menu.forget()


def _request(user):
    from django.contrib.auth import get_user_model

    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(pk=user.pk)  # a fresh account each page, as a request loads it
    return request


def _menu(user):
    return {
        app["app_label"]: [(model["object_name"], model["admin_url"], model["add_url"]) for model in app["models"]]
        for app in admin.site.get_app_list(_request(user))
    }


def _djangos_menu(user):
    return {
        label: sorted((m["object_name"], m["admin_url"], m["add_url"]) for m in app["models"])
        for label, app in admin_menu._django_build_app_dict(admin.site, _request(user)).items()
    }


def _sorted(menu):
    return {label: sorted(models) for label, models in menu.items()}


def test_the_kept_menu_is_the_one_django_works_out_for_a_business_manager(manager):
    first = _menu(manager)
    assert first and _sorted(first) == _djangos_menu(manager)
    assert _menu(manager) == first  # the second page, from the kept menu


def test_a_business_manager_who_leaves_the_group_sees_the_smaller_menu_on_the_next_page(manager):
    full = _menu(manager)
    manager.groups.remove(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    after = _menu(manager)
    assert after != full and _sorted(after) == _djangos_menu(manager)


def test_a_permission_given_shows_its_kind_of_record_on_the_next_page():
    clerk = UserFactory(is_staff=True)
    assert "training" not in _menu(clerk)
    clerk.user_permissions.add(Permission.objects.get(codename="view_booking"))
    menu = _menu(clerk)
    assert [name for name, _, _ in menu["training"]] == ["Booking"] and _sorted(menu) == _djangos_menu(clerk)


def test_two_users_with_different_permissions_each_get_their_own(manager):
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_booking"))
    assert _sorted(_menu(manager)) == _djangos_menu(manager)
    assert _sorted(_menu(clerk)) == _djangos_menu(clerk)
    assert _menu(manager) != _menu(clerk)


def test_a_page_that_changes_its_menu_does_not_change_the_kept_one(manager):
    menu = admin.site.get_app_list(_request(manager))
    menu[0]["models"].clear()
    assert admin.site.get_app_list(_request(manager))[0]["models"]
