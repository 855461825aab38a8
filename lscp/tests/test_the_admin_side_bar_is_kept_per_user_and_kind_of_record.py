"""The admin's side bar is drawn once per user, permissions, language and the kind of record a page is about
(lscp/admin_menu.py), and is always the side bar Django draws for that page: the current kind of record marked,
no link the user may not follow."""

import re

import pytest
from django.contrib import admin
from django.template.loader import render_to_string
from django.test import RequestFactory

from lscp import admin_menu

pytestmark = pytest.mark.django_db

SIDE_BAR = re.compile(r'<button class="sticky toggle-nav-sidebar".*?</nav>', re.S)


@pytest.fixture(autouse=True)
def no_kept_side_bars():
    admin_menu.forget()
    yield
    admin_menu.forget()


def _side_bar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return SIDE_BAR.search(response.content.decode()).group(0)


def _djangos_side_bar(user, url):
    """Django's own admin/nav_sidebar.html for this user and page, drawn from Django's own menu."""
    from django.contrib.auth import get_user_model

    request = RequestFactory().get(url)
    request.user = get_user_model().objects.get(pk=user.pk)
    apps = sorted(admin_menu._django_build_app_dict(admin.site, request).values(), key=lambda a: a["name"].lower())
    for app in apps:
        app["models"].sort(key=lambda m: m["name"])
    html = render_to_string("admin/nav_sidebar.html", {"available_apps": apps, "request": request})
    return SIDE_BAR.search(html).group(0)


def test_each_page_shows_the_side_bar_django_draws_for_it_kept_or_not(client, manager):
    client.force_login(manager)
    bookings, actions = "/admin/training/booking/", "/admin/governance/action/"
    first = _side_bar(client, bookings)
    assert first == _djangos_side_bar(manager, bookings)
    assert _side_bar(client, bookings) == first  # kept
    other = _side_bar(client, actions)  # another kind of record: drawn for it, not the kept one
    assert other == _djangos_side_bar(manager, actions) != first
    assert 'href="/admin/governance/action/" aria-current="page"' in other
    assert 'href="/admin/training/booking/" aria-current="page"' in first


def test_a_user_given_another_permission_sees_the_side_bar_for_it_on_the_next_page(client):
    from django.contrib.auth.models import Permission

    from partnership.tests.factories import UserFactory

    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_booking"))
    client.force_login(clerk)
    bookings = "/admin/training/booking/"
    before = _side_bar(client, bookings)
    assert "/admin/governance/action/" not in before
    clerk.user_permissions.add(Permission.objects.get(codename="view_action", content_type__app_label="governance"))
    after = _side_bar(client, bookings)
    assert "/admin/governance/action/" in after
    assert after == _djangos_side_bar(clerk, bookings)
