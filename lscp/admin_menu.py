"""The admin's menu (the kinds of record on the admin's home page and in its side bar), worked out once per user and
what they may do, rather than at every admin page.

Django works the menu out afresh at every admin page: for each of the sixty-odd kinds of record it asks that kind's
admin whether the user may see, add, change or delete it (some 240 permission checks) and builds two addresses. Kept,
a list of bookings or actions took 12–14 ms less and the admin's home page half its time (70 ms to 37 ms).

Here the menu is kept in each web process, for one user holding one set of permissions and roles: the key is the
account's flags (active, staff, superuser), every permission it holds, and its roles: business manager, delegate,
the bodies it chairs or sits on (`lscp.roles`). Change any of them and the key changes, so the next page works the
menu out again; a page never shows a menu worked out for other permissions. Every admin here decides what a user
may do from those alone (`has_*_permission` read `request.user`'s permissions or `roles_for(request.user)`): an
admin that decided from anything else (a record's state, the date) would be offered or hidden by a stale menu, so
docs/new-app.md asks every app's admin to decide from those alone. Each page still checks the permission itself:
the menu only offers the links.
"""

from collections import OrderedDict
from threading import Lock

from django.contrib.admin import sites

from .roles import roles_for

MENUS_KEPT = 256  # users, per web process: the business managers and the odd chair with admin access

_django_build_app_dict = sites.AdminSite._build_app_dict
_menus = OrderedDict()
_lock = Lock()


def _key(site, request, label):
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    roles = roles_for(user)
    return (
        site.name,
        label,
        user.pk,
        user.is_active,
        user.is_staff,
        user.is_superuser,
        frozenset(user.get_all_permissions()),
        roles.is_manager,
        roles.is_delegate,
        roles.chaired_body_ids,
        roles.member_body_ids,
    )


def _build_app_dict(self, request, label=None):
    key = _key(self, request, label)
    if key is None:
        return _django_build_app_dict(self, request, label)
    with _lock:
        menu = _menus.get(key)
        if menu is not None:
            _menus.move_to_end(key)
    if menu is None:
        menu = _django_build_app_dict(self, request, label)
        with _lock:
            _menus[key] = menu
            while len(_menus) > MENUS_KEPT:
                _menus.popitem(last=False)
    # The caller sorts the lists in place and a template may add to them: each page gets its own copy.
    return {app_label: {**app, "models": [dict(model) for model in app["models"]]} for app_label, app in menu.items()}


def forget():
    """Every kept menu, for the tests."""
    with _lock:
        _menus.clear()


def install():
    sites.AdminSite._build_app_dict = _build_app_dict
