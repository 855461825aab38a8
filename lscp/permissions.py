"""The project's own pages and who may open them (see lscp/access.py)."""

from .access import EVERYONE, SIGNED_IN, Page

BUSINESS_MANAGER = frozenset({"manager"})

PAGES = {
    # Everyone gets the home page; its panels say what each role has to do.
    "home": Page(EVERYONE),
    "login": Page(EVERYONE),
    # The admin's sign-in address answers with the same page and steps.
    "admin_sign_in": Page(EVERYONE),
    # The code after the password: for the person midway through signing in (the public, to the URL test), or a
    # business manager whose session has not passed a code. Anyone else signed in is sent on home; the public
    # without a password typed, to sign in.
    "two_factor_code": Page(SIGNED_IN),
    # Setting up and looking after one's own two-factor sign-in: staff and chairs (and anyone who has it already).
    "two_factor": Page({"manager", "chair"}),
    "two_factor_set_up": Page({"manager", "chair"}),
    # Without two-factor sign-in set up, the recovery codes page sends them to set it up.
    "two_factor_recovery_codes": Page({"manager", "chair"}),
    "two_factor_turn_off": Page({"manager", "chair"}, method="post"),
    # Signing out is a POST; it sends everyone home, signed in or not.
    "logout": Page(EVERYONE, method="post"),
    # Choosing a password is for whoever holds the e-mailed link: the pages themselves are open to all, and a
    # link with a wrong token says so.
    "password_reset": Page(EVERYONE),
    "password_reset_done": Page(EVERYONE),
    "password_reset_confirm": Page(EVERYONE, lambda: {"uidb64": "MQ", "token": "not-a-real-token"}),
    "password_reset_complete": Page(EVERYONE),
    # "ok" from the web server, for a load balancer's health check: nothing personal, nothing read.
    "health_check": Page(EVERYONE),
    # Browsers ask for it whatever the page says: a redirect to the static file.
    "favicon": Page(EVERYONE),
    # Who did what across every app's records, and every sign-in: the business manager's alone.
    "audit_trail": Page(BUSINESS_MANAGER),
    "audit_trail_export": Page(BUSINESS_MANAGER),
}

# The public's copy of these shows nothing personal, so browsers and caches may keep it; every other response is
# `Cache-Control: no-store` (lscp/middleware.py).
CACHEABLE_FOR_THE_PUBLIC = {"home", "favicon"}
