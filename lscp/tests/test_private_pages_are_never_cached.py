"""No page or download showing personal or case data is kept by a browser or a cache: every response to a signed-in
user, and every response to the public but the pages an app lists as showing nothing personal
(`CACHEABLE_FOR_THE_PUBLIC`: the course calendar, the published reports), says `Cache-Control: no-store`. The
signed-link pages of bookings, approvals, evaluations and certificates are among the public's private pages.

Walks every URL's declarations (`PAGES`, lscp/access.py) with every role each one lets in, against the demo.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse

from lscp.access import cacheable_for_the_public, registered_pages
from lscp.testing import ClientsByRole

SIGNED_LINK_PAGES = {"training:manage_booking", "training:approval", "training:evaluation", "training:certificate"}


def _no_store(response):
    return "no-store" in response.get("Cache-Control", "")


def _users():
    users = {username: User.objects.get(username=username) for username in ("manager", "chair", "partner", "delegate")}
    users["outsider"] = User.objects.create_user("outsider")
    users["anonymous"] = None
    return users


def test_every_page_a_role_reaches_says_no_store_unless_it_is_public_and_shows_nothing_personal(demo):
    clients = ClientsByRole(_users(), raise_request_exception=False)
    cacheable = cacheable_for_the_public()
    failures, checked, signed_links_checked = [], 0, set()
    for name, pages in sorted(registered_pages().items()):
        for page in pages:
            url = reverse(name, kwargs=page.kwargs())
            for role in sorted(page.allowed):
                with transaction.atomic():
                    response = clients.request(role, page.method, url, page.data)
                    transaction.set_rollback(True)
                checked += 1
                may_be_cached = role == "anonymous" and name in cacheable
                if not may_be_cached and not _no_store(response):
                    failures.append(
                        f"{name} {page.method.upper()} {url} as {role} ({response.status_code}): "
                        f"Cache-Control {response.get('Cache-Control')!r}"
                    )
                if role == "anonymous" and name in SIGNED_LINK_PAGES:
                    signed_links_checked.add(name)
    assert not failures, f"{len(failures)} of {checked} responses may be cached:\n" + "\n".join(failures)
    assert signed_links_checked == SIGNED_LINK_PAGES


def test_the_public_pages_that_show_nothing_personal_stay_cacheable_for_the_public_only(demo, client):
    for name in ("home", "training:calendar", "reports:list"):
        client.logout()
        public = client.get(reverse(name))
        assert public.status_code == 200
        assert not _no_store(public), name
        # The signed-in copy differs (the menu, the panels): a cache must tell them apart.
        assert "Cookie" in public.get("Vary", "")
        client.force_login(User.objects.get(username="delegate"))
        assert _no_store(client.get(reverse(name))), name


def test_refusals_errors_and_the_admin_say_no_store_too(demo, client):
    assert _no_store(client.get("/no-such-page/"))
    assert _no_store(client.get(reverse("governance:actions")))  # sent to sign in
    client.force_login(User.objects.get(username="manager"))
    admin_page = client.get(reverse("admin:index"))
    assert admin_page.status_code == 200
    assert _no_store(admin_page)
    assert admin_page["Pragma"] == "no-cache"
