"""The menu bar is built from every app's `navigation.py`: each role sees the links its rules allow, links sharing
a menu fold into one drop-down (a menu with one link for this user is just that link), and the page being viewed
is marked as the current one."""

import re

import pytest
from django.urls import reverse

from lscp.navigation import MenuItem, NavLink, menu_for, registered_links
from lscp.roles import ANONYMOUS

pytestmark = pytest.mark.django_db


def bar(client, path="/"):
    """The bar as a reader meets it: each item's label, a drop-down's as (label, [its links' labels])."""
    html = client.get(path).content.decode()
    menu = re.search(r'<ul class="navbar-nav me-auto">(.*?)\n</ul>', html, re.S).group(1)
    items = []
    dropdown_or_link = (
        r'<li class="nav-item dropdown">\s*<button[^>]*>([^<]+)</button>(.*?)</ul>'
        r'|<li class="nav-item"><a[^>]*>([^<]+)</a>'
    )
    for dropdown, links, link in re.findall(dropdown_or_link, menu, re.S):
        items.append((dropdown, re.findall(r'class="dropdown-item"[^>]*>([^<]+)<', links)) if dropdown else link)
    return items


def test_the_public_sees_training_and_the_annual_reports(client):
    assert bar(client) == ["Training", "Annual reports"]


def test_the_business_manager_sees_everything_in_seven_items(client, manager):
    client.force_login(manager)
    assert bar(client) == [
        ("Partnership", ["Bodies", "Agencies", "Attendance"]),
        "Actions",
        (
            "Assurance",
            [
                "Challenge log",
                "Agency statements",
                "Section 11 returns",
                "Multi-agency audits",
                "Single-agency audits",
                "Data set exceptions",
            ],
        ),
        "Case reviews",
        "Training",
        "Annual reports",
        ("Admin", ["Admin", "Audit trail"]),
    ]


def test_a_delegate_sees_only_what_their_role_opens(client, delegate):
    client.force_login(delegate)
    labels = [item if isinstance(item, str) else item[0] for item in bar(client)]
    assert "Admin" not in labels and "Case reviews" not in labels and "Training" in labels


def test_a_menu_with_one_link_for_this_user_is_that_link():
    links = [
        NavLink("Alone", "home", 1, menu="Group"),
        NavLink("Hidden", "reports:list", 2, visible=lambda roles: False, menu="Group"),
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("lscp.navigation.registered_links", lambda: tuple(links))
        assert menu_for(ANONYMOUS, "/elsewhere/") == [MenuItem(label="Alone", url=reverse("home"))]


def test_the_page_being_viewed_is_marked_current(client, manager):
    client.force_login(manager)
    html = client.get(reverse("governance:actions")).content.decode()
    assert re.findall(r'<a class="nav-link active" href="([^"]+)" aria-current="page">', html) == [
        reverse("governance:actions")
    ]
    html = client.get(reverse("partnership:agencies")).content.decode()
    assert 'dropdown-toggle site-navbar-menu active"' in html
    assert f'href="{reverse("partnership:agencies")}" aria-current="page">Agencies<' in html


def test_every_link_names_a_url_once():
    names = [link.url_name for link in registered_links()]
    assert len(names) == len(set(names))
    for name in names:
        reverse(name)
