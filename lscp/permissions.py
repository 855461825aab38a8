"""The project's own pages and who may open them (see lscp/access.py)."""

from .access import EVERYONE, Page

PAGES = {
    # Everyone gets the home page; its panels say what each role has to do.
    "home": Page(EVERYONE),
    "login": Page(EVERYONE),
    # Signing out is a POST; it sends everyone home, signed in or not.
    "logout": Page(EVERYONE, method="post"),
}
