"""The home dashboard's panels: each app declares its own in its `dashboard.py`, as a list `PANELS`.

A `Panel` has a key, an order (the home page shows panels in that order), a template, and a
`context(request, roles)` that returns the template's context, or None when the panel is not for this user
(the public, or a role with nothing in this app). The home page knows no app: it renders whatever panels the
installed apps declare. Each panel template is a `<section>` with one `<h2>`; the page has the only `<h1>`.

Keep a panel to one or two queries (aggregate, don't loop): the home page's query count is pinned.

Orders used so far (leave gaps): 8 the annual report's duties still to do · 10 the partnership this year ·
12 your training bookings · 15 statements waiting · 20 bodies you chair · 25 chapters to write · 30 actions ·
35 case review deadlines · 40 your agency's statement · 45 your agency's Section 11 return · 50 your memberships
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .registries import app_modules


@dataclass(frozen=True)
class Panel:
    key: str
    order: int
    template: str
    context: Callable  # (request, roles) -> dict, or None when the panel is not shown to this user


@lru_cache(maxsize=1)
def registered_panels():
    """Every installed app's panels, in page order. Keys must be unique across apps."""
    found = [panel for module in app_modules("dashboard") for panel in getattr(module, "PANELS", [])]
    keys = [p.key for p in found]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ValueError(f"Dashboard panel keys used twice: {', '.join(sorted(duplicates))}")
    return tuple(sorted(found, key=lambda p: (p.order, p.key)))
