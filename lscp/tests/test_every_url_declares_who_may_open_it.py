"""Every URL declares who may open it (each app's `permissions.PAGES`, see lscp/access.py), and every
declaration holds for every role against the demo records.

A role a page allows must reach it: not refused (403, 404), not sent to sign in, never a server error. A
role it does not allow must be refused: 403 or 404, or for the public a redirect to the sign-in page. The
admin has Django's own permission system and is left out.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.static import serve

from lscp.access import registered_pages
from lscp.testing import ROLES, ClientsByRole

SKIPPED_NAMESPACES = {"admin"}
REFUSED = (403, 404)


def url_names(patterns=None, prefix=""):
    """Every URL name in the URLconf, namespaced ("governance:actions"); unnamed routes as "(unnamed) route"."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found.extend(url_names(entry.url_patterns, inner))
        elif isinstance(entry, URLPattern):
            if entry.callback is serve:  # static and media files in development
                continue
            found.append(f"{prefix}{entry.name}" if entry.name else f"(unnamed) {entry.pattern}")
    return found


def test_every_url_is_declared_by_an_app_and_every_declaration_is_a_url():
    names = url_names()
    declared = registered_pages()
    undeclared = sorted(name for name in names if name not in declared)
    assert not undeclared, "No app's permissions.PAGES says who may open:\n" + "\n".join(undeclared)
    unknown = sorted(set(declared) - set(names))
    assert not unknown, "Declared in PAGES but not in the URLconf:\n" + "\n".join(unknown)


def _is_login_redirect(response):
    return response.status_code in (301, 302) and response["Location"].startswith(reverse(settings.LOGIN_URL))


def _verdict(role, allowed, response):
    """What is wrong with this response for this role, or "" if nothing."""
    status = response.status_code
    if status >= 500:
        error = getattr(response, "exc_info", None)
        return f"server error {status}" + (f": {error[1]!r}" if error else "")
    if allowed:
        if status in REFUSED:
            return f"allowed, but refused with {status}"
        if _is_login_redirect(response):
            return "allowed, but sent to sign in"
        return ""
    if status in REFUSED or (role == "anonymous" and _is_login_redirect(response)):
        return ""
    return f"refused, but got {status}" + (f" to {response['Location']}" if status in (301, 302) else "")


def test_every_role_gets_what_each_page_declares(demo):
    users = {username: User.objects.get(username=username) for username in ("manager", "chair", "partner", "delegate")}
    users["outsider"] = User.objects.create_user("outsider")
    users["anonymous"] = None
    clients = ClientsByRole(users, raise_request_exception=False)
    failures = []
    checked = 0
    for name, pages in sorted(registered_pages().items()):
        for page in pages:
            kwargs = page.kwargs()
            missing = sorted(key for key, value in kwargs.items() if value is None)
            if missing:
                failures.append(f"{name}: the example found no demo record for {', '.join(missing)}")
                continue
            url = reverse(name, kwargs=kwargs)
            for role in ROLES:
                # Rolled back, so a POST that is let through changes nothing for the next role.
                with transaction.atomic():
                    response = clients.request(role, page.method, url, page.data)
                    transaction.set_rollback(True)
                checked += 1
                problem = _verdict(role, role in page.allowed, response)
                if problem:
                    failures.append(f"{name} {page.method.upper()} {url} as {role}: {problem}")
    assert not failures, f"{len(failures)} of {checked} checks failed:\n" + "\n".join(failures)
    assert checked >= len(ROLES) * len(url_names())
