"""No page or download showing personal or case data is kept by a browser or a cache: every response to a signed-in
user, and every response to the public but the pages an app lists as showing nothing personal
(`CACHEABLE_FOR_THE_PUBLIC`: the course calendar, the published reports), says `Cache-Control: no-store`. The
signed-link pages of bookings, approvals, evaluations and certificates are among the public's private pages.

Walks every URL's declarations (`PAGES`, lscp/access.py) with every role each one lets in, against the demo.
"""

from django.contrib.auth.models import User
from django.urls import reverse

from lscp.access import cacheable_for_the_public
from lscp.tests.declared_pages import WALK_GROUP, walk_every_declared_page

SIGNED_LINK_PAGES = {"training:manage_booking", "training:approval", "training:evaluation", "training:certificate"}


def _no_store(response):
    return "no-store" in response.get("Cache-Control", "")


@WALK_GROUP
def test_every_page_a_role_reaches_says_no_store_unless_it_is_public_and_shows_nothing_personal(demo):
    cacheable = cacheable_for_the_public()
    failures, checked, signed_links_checked = [], 0, set()
    for answer in walk_every_declared_page().answers:
        if not answer.allowed:
            continue
        checked += 1
        may_be_cached = answer.role == "anonymous" and answer.name in cacheable
        if not may_be_cached and "no-store" not in (answer.cache_control or ""):
            failures.append(
                f"{answer.name} {answer.method.upper()} {answer.url} as {answer.role} ({answer.status}): "
                f"Cache-Control {answer.cache_control!r}"
            )
        if answer.role == "anonymous" and answer.name in SIGNED_LINK_PAGES:
            signed_links_checked.add(answer.name)
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
