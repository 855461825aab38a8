"""The project's own pages and who may open them (see lscp/access.py)."""

from .access import EVERYONE, Page

BUSINESS_MANAGER = frozenset({"manager"})

PAGES = {
    # Everyone gets the home page; its panels say what each role has to do.
    "home": Page(EVERYONE),
    "login": Page(EVERYONE),
    # Signing out is a POST; it sends everyone home, signed in or not.
    "logout": Page(EVERYONE, method="post"),
    # Choosing a password is for whoever holds the e-mailed link: the pages themselves are open to all, and a
    # link with a wrong token says so.
    "password_reset": Page(EVERYONE),
    "password_reset_done": Page(EVERYONE),
    "password_reset_confirm": Page(EVERYONE, lambda: {"uidb64": "MQ", "token": "not-a-real-token"}),
    "password_reset_complete": Page(EVERYONE),
    # Browsers ask for it whatever the page says: a redirect to the static file.
    "favicon": Page(EVERYONE),
    # Who did what across every app's records, and every sign-in: the business manager's alone.
    "audit_trail": Page(BUSINESS_MANAGER),
    "audit_trail_export": Page(BUSINESS_MANAGER),
}

# The public's copy of these shows nothing personal, so browsers and caches may keep it; every other response is
# `Cache-Control: no-store` (lscp/middleware.py).
CACHEABLE_FOR_THE_PUBLIC = {"home", "favicon"}
