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

The side bar that shows the menu on every admin page is kept the same way, drawn (`side_bar`), for one menu and
the kind of record the page is about, which it marks as the current one: drawing its sixty-odd links took 10–25 ms
of every admin list, and is a third of the page.
"""

from collections import OrderedDict
from threading import Lock

from django.contrib.admin import sites
from django.template.defaultfilters import urlencode
from django.utils.translation import get_language

from .roles import roles_for

MENUS_KEPT = 256  # users, per web process: the business managers and the odd chair with admin access
SIDE_BARS_KEPT = 256  # users and the kinds of record they list, per web process (about 30 KB each)

_django_build_app_dict = sites.AdminSite._build_app_dict
_lock = Lock()


class _Kept:
    """What was worked out for each key, at most `most` of them: the least recently used is let go first."""

    def __init__(self, most):
        self.most = most
        self.items = OrderedDict()

    def get(self, key, work_out):
        with _lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
                return value
        value = work_out()
        with _lock:
            self.items[key] = value
            while len(self.items) > self.most:
                self.items.popitem(last=False)
        return value


_menus = _Kept(MENUS_KEPT)
_side_bars = _Kept(SIDE_BARS_KEPT)


def _user_key(site_name, request, label):
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    roles = roles_for(user)
    return (
        site_name,
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
    key = _user_key(self.name, request, label)
    if key is None:
        return _django_build_app_dict(self, request, label)
    menu = _menus.get(key, lambda: _django_build_app_dict(self, request, label))
    # The caller sorts the lists in place and a template may add to them: each page gets its own copy.
    return {app_label: {**app, "models": [dict(model) for model in app["models"]]} for app_label, app in menu.items()}


def side_bar(context):
    """The admin's side bar (Django's admin/nav_sidebar.html) drawn for this page, or kept from a page with the same
    menu, language and current kind of record. The page marks as current every app and kind of record whose address
    is in the page's own (as Django's template does): those addresses are part of the key."""
    request = context["request"]
    template = context.template.engine.get_template("admin/nav_sidebar.html")
    match = getattr(request, "resolver_match", None)
    key = _user_key(match.namespace if match else "admin", request, "side bar")
    if key is None:
        return template.render(context)
    path = urlencode(request.path)
    current = tuple(
        address
        for app in context.get("available_apps", ())
        for address in (app.get("app_url"), *(model.get("admin_url") for model in app["models"]))
        if address and address in path
    )
    return _side_bars.get((*key, get_language(), current), lambda: template.render(context))


def forget():
    """Every kept menu and side bar, for the tests."""
    with _lock:
        _menus.items.clear()
        _side_bars.items.clear()


def install():
    sites.AdminSite._build_app_dict = _build_app_dict
