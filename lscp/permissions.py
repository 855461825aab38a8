"""The project's own pages and who may open them (see lscp/access.py)."""

from .access import EVERYONE, Page

PAGES = {
    # Everyone gets the home page; its panels say what each role has to do.
    "home": Page(EVERYONE),
    "login": Page(EVERYONE),
    # Signing out is a POST; it sends everyone home, signed in or not.
    "logout": Page(EVERYONE, method="post"),
    # Choosing a password (a new account's link, or "Forgotten your password?"): for anyone, signed in or not.
    "password_reset": Page(EVERYONE),
    "password_reset_done": Page(EVERYONE),
    "password_reset_confirm": Page(EVERYONE, lambda: {"uidb64": "MQ", "token": "no-such-token"}),
    "password_reset_complete": Page(EVERYONE),
    "favicon": Page(EVERYONE),
}
