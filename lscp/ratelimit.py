"""A small rate limit on public forms, counted in Django's cache (Redis in production, so every web process
shares the count; the process's memory without REDIS_URL, as in the demo).

Each submission of a limited form from one client address counts one in a window that starts at the address's
first submission and lasts `minutes`; past `limit` in the window, the form answers 429 with a page in the site's
layout saying when to try again, and nothing is done. The address is `lscp.signin.client_ip`, the one django-axes
uses: behind our proxy, the entry the proxy appended to X-Forwarded-For, which a client cannot choose.

A view opts in with `RateLimitedPostMixin`, naming the limit's scope and the settings holding its size:

    class BookView(RateLimitedPostMixin, View):
        rate_limit_scope = "training-booking"  # views sharing a scope share the count
        rate_limit_setting = "BOOKING_RATE_LIMIT"  # submissions per window
        rate_limit_minutes_setting = "BOOKING_RATE_LIMIT_MINUTES"  # the window
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .signin import client_ip

logger = logging.getLogger(__name__)

KEY = "lscp:rate-limit:%(scope)s:%(address)s"


def _key(scope, address):
    return KEY % {"scope": scope, "address": address or "unknown"}


def allow(request, *, scope, limit, minutes):
    """Counts this submission; False once the address has made more than `limit` in its window."""
    address = client_ip(request)
    key = _key(scope, address)
    try:
        cache.add(key, 0, timeout=minutes * 60)  # starts the window at the first submission; no-op after
        try:
            count = cache.incr(key)
        except ValueError:  # the window ran out between add and incr: this submission starts the next
            cache.set(key, 1, timeout=minutes * 60)
            count = 1
    except Exception:  # the cache is down: the form still works, unlimited, rather than fail for everyone
        logger.exception("Rate limit %s not counted: the cache did not answer.", scope)
        return True
    if count == limit + 1:
        logger.warning("Rate limit %s reached by %s: %s submissions in %s minutes.", scope, address, limit, minutes)
    return count <= limit


def too_many_requests(request, *, limit, minutes):
    """The page shown instead of the form's answer: 429, in the site's layout, saying when to try again."""
    return render(request, "429.html", {"limit": limit, "minutes": minutes}, status=429)


class RateLimitedPostMixin:
    rate_limit_scope = None
    rate_limit_setting = None
    rate_limit_minutes_setting = None

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            limit = getattr(settings, self.rate_limit_setting)
            minutes = getattr(settings, self.rate_limit_minutes_setting)
            if not allow(request, scope=self.rate_limit_scope, limit=limit, minutes=minutes):
                return too_many_requests(request, limit=limit, minutes=minutes)
        return super().dispatch(request, *args, **kwargs)
