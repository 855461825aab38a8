"""Every URL declares who may open it.

Each app's `permissions.py` has a dict `PAGES` mapping its URL names (namespaced: "governance:actions") to a
`Page`, or a list of `Page`s when the answer depends on the record (a chair edits the body they chair, not
another). A `Page` names the roles that may open the URL with an example record from the demo; every other
role is refused (403 or 404; the public is sent to sign in). The roles are those of `lscp.testing.ROLES`,
played by the demo logins.

`lscp/tests/test_every_url_declares_who_may_open_it.py` walks the whole URLconf, fails on any URL no app
declares, and checks every declaration for every role against the demo. The rule a view enforces stays in
the app's permission functions; `PAGES` is what the app promises them to give.

An app may also list, in a set `CACHEABLE_FOR_THE_PUBLIC`, the URL names whose page shows the public nothing
personal (the course calendar, the published reports): only the public's copy of those may be kept by browsers
and caches. Every other response, and every response to a signed-in user, is `Cache-Control: no-store`
(lscp/middleware.py), so a page a new app adds is private until the app says otherwise.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .registries import app_modules
from .testing import ROLES

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}


@dataclass(frozen=True)
class Page:
    # The roles that may open the page with the example record (names from lscp.testing.ROLES).
    allowed: frozenset
    # The URL's keyword arguments, picked from the demo records (or made for the check when the demo has
    # none, such as an uploaded document). None for a URL without arguments.
    example: Callable[[], dict] | None = None
    method: str = "get"
    # The form data sent with a POST. Each request is rolled back, so a POST that is let through changes nothing
    # for the next role.
    data: dict = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "allowed", frozenset(self.allowed))
        unknown = self.allowed - EVERYONE
        if unknown:
            raise ValueError(f"Unknown roles {sorted(unknown)}: the roles are {', '.join(ROLES)}.")
        if self.method not in ("get", "post"):
            raise ValueError(f"Unsupported method {self.method!r}.")

    def kwargs(self):
        return self.example() if self.example is not None else {}


def registered_pages():
    """Every installed app's declarations, as {url name: [Page, …]}. A name declared twice is an error."""
    found = {}
    for module in app_modules("permissions"):
        for name, pages in getattr(module, "PAGES", {}).items():
            if name in found:
                raise ValueError(f"The URL {name!r} is declared by two apps.")
            found[name] = list(pages) if isinstance(pages, list | tuple) else [pages]
    return found


@lru_cache(maxsize=1)
def cacheable_for_the_public():
    """The URL names every installed app lists in `CACHEABLE_FOR_THE_PUBLIC`: pages whose public copy shows nothing
    personal. Each must be a page the public may open (`PAGES`)."""
    found = frozenset(
        name for module in app_modules("permissions") for name in getattr(module, "CACHEABLE_FOR_THE_PUBLIC", ())
    )
    declared = registered_pages()
    private = sorted(name for name in found if not any("anonymous" in page.allowed for page in declared.get(name, ())))
    if private:
        raise ValueError(f"Listed as cacheable for the public but not a public page: {', '.join(private)}.")
    return found
