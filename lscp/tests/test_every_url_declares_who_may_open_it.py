"""Every URL declares who may open it (each app's `permissions.PAGES`, see lscp/access.py), and every
declaration holds for every role against the demo records.

A role a page allows must reach it: not refused (403, 404), not sent to sign in, never a server error. A
role it does not allow must be refused: 403 or 404, or for the public a redirect to the sign-in page. The
admin has Django's own permission system and is left out.
"""

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.static import serve

from lscp.access import registered_pages
from lscp.testing import ROLES
from lscp.tests.declared_pages import WALK_GROUP, walk_every_declared_page

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


def _is_login_redirect(answer):
    return answer.status in (301, 302) and answer.location.startswith(reverse(settings.LOGIN_URL))


def _verdict(answer):
    """What is wrong with this answer for its role, or "" if nothing."""
    status = answer.status
    if status >= 500:
        return f"server error {status}" + (f": {answer.error}" if answer.error else "")
    if answer.allowed:
        if status in REFUSED:
            return f"allowed, but refused with {status}"
        if _is_login_redirect(answer):
            return "allowed, but sent to sign in"
        return ""
    if status in REFUSED or (answer.role == "anonymous" and _is_login_redirect(answer)):
        return ""
    return f"refused, but got {status}" + (f" to {answer.location}" if status in (301, 302) else "")


@WALK_GROUP
def test_every_role_gets_what_each_page_declares(demo):
    walk = walk_every_declared_page()
    failures = list(walk.missing)
    for answer in walk.answers:
        problem = _verdict(answer)
        if problem:
            failures.append(f"{answer.name} {answer.method.upper()} {answer.url} as {answer.role}: {problem}")
    checked = len(walk.answers)
    assert not failures, f"{len(failures)} of {checked} checks failed:\n" + "\n".join(failures)
    assert checked >= len(ROLES) * len(url_names())
