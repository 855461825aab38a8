"""The site's menu bar: each app declares its own links in its `navigation.py`, as a list `NAV`, so the base
template names no app and a new app adds its pages to the menu without editing another app's file.

A `NavLink` has a label, a URL name, an order (the bar's left-to-right position), who sees it (`visible(roles)`,
asked of the app's own permission rules) and optionally a `menu`: the links sharing a menu label fold into one
drop-down, placed at the lowest order among them, so the bar stays one line wide for the business manager, who
sees every link. A menu with only one link visible to this user shows as that link. The link to the page being
viewed (the longest URL the path starts with) is marked `aria-current="page"`.

Orders used so far (leave gaps): 10 Partnership (bodies, agencies, attendance) · 30 Actions ·
40 Assurance (challenge log, statements, Section 11, audits) · 60 Case reviews · 70 Training · 80 Annual reports ·
90 Admin (the admin, the audit trail)

The home page opens the same doors: every menu link the user sees, and the pages an app lists in `HOME` (NavLinks
shown on the home page only, such as the training organiser pages or a chair's chapters), in order, so that each
role finds from home every page its bodies give it. A link's `description` says what the public finds behind it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .registries import app_modules
from .roles import roles_for
from .two_factor.rules import can_set_up_two_factor


def everyone(roles):
    return True


@dataclass(frozen=True)
class NavLink:
    label: str
    url_name: str
    order: int
    visible: Callable = everyone  # (roles) -> bool
    menu: str = ""  # the drop-down it folds into; empty: on the bar itself
    description: str = ""  # what the page is for, in a sentence: the public's home page says it under the link


@dataclass(frozen=True)
class MenuItem:
    """What the template draws: a link (`url`), or a drop-down (`links`: MenuItems)."""

    label: str
    url: str = ""
    current: bool = False
    links: tuple = ()

    @property
    def current_within(self):
        return self.current or any(link.current for link in self.links)


@lru_cache(maxsize=1)
def registered_links():
    """Every installed app's links, in bar order. URL names must be unique across apps."""
    found = [link for module in app_modules("navigation") for link in getattr(module, "NAV", [])]
    names = [link.url_name for link in found]
    twice = {name for name in names if names.count(name) > 1}
    if twice:
        raise ValueError(f"Menu links declared twice: {', '.join(sorted(twice))}")
    return tuple(sorted(found, key=lambda link: (link.order, link.label)))


@lru_cache(maxsize=1)
def registered_home_links():
    """Every menu link and every app's home-only links (`HOME`), in order; a URL name only once."""
    found = {}
    for link in (
        *registered_links(),
        *(link for module in app_modules("navigation") for link in getattr(module, "HOME", [])),
    ):
        found.setdefault(link.url_name, link)
    return tuple(sorted(found.values(), key=lambda link: (link.order, link.label)))


@dataclass(frozen=True)
class Door:
    label: str
    url: str
    description: str = ""


def doors_for(roles):
    """The home page's links for a user with these roles: each page their roles open that the apps list."""
    return [
        Door(label=link.label, url=reverse(link.url_name), description=link.description)
        for link in registered_home_links()
        if link.visible(roles)
    ]


def menu_for(roles, path):
    """The bar's items for a user with these roles, viewing `path`."""
    visible = [(link, reverse(link.url_name)) for link in registered_links() if link.visible(roles)]
    current_url = max((url for _, url in visible if path.startswith(url) and url != "/"), key=len, default=None)
    items, menus = [], {}
    for link, url in visible:
        item = MenuItem(label=link.label, url=url, current=url == current_url)
        if not link.menu:
            items.append(item)
        elif link.menu in menus:
            menus[link.menu].append(item)
        else:
            menus[link.menu] = [item]
            items.append(link.menu)  # the menu's place: its first link's
    return [
        (MenuItem(label=item, links=tuple(menus[item])) if len(menus[item]) > 1 else menus[item][0])
        if isinstance(item, str)
        else item
        for item in items
    ]


def menu_context(request):
    """The menu, worked out only if a template draws it (e-mails and the admin don't)."""
    return {"menu": SimpleLazyObject(lambda: menu_for(roles_for(request.user), request.path))}


def is_manager(roles):
    return roles.is_manager


# The project's own links, in one drop-down so that the business manager's bar stays one line wide: the admin (their
# workshop) and the audit trail (who did what in it, and who signed in).
NAV = [
    NavLink("Admin", "admin:index", 90, visible=is_manager, menu="Admin"),
    NavLink("Audit trail", "audit_trail", 91, visible=is_manager, menu="Admin"),
]
# On the home page only: one's own sign-in.
HOME = [NavLink("Two-factor sign-in", "two_factor", 95, visible=can_set_up_two_factor)]
