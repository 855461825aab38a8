"""A small rate limit on public forms, counted in Django's cache (Redis in production, so every web process
shares the count; the process's memory without REDIS_URL, as in the demo).

Each submission of a limited form counts one against its subject (by default the client's address) in a window
that starts at the subject's first submission and lasts `minutes`; past `limit` in the window, the form answers 429
with a page in the site's layout saying when to try again, and nothing is done. The answer carries `Retry-After`:
the seconds until the window ends. The address is `lscp.signin.client_ip`, the one django-axes uses: behind our
proxy, the entry the proxy appended to X-Forwarded-For, which a client cannot choose.

A view opts in with `RateLimitedPostMixin`, naming the limit's scope and the settings holding its size:

    class BookView(RateLimitedPostMixin, View):
        rate_limit_scope = "training-booking"  # views sharing a scope share the count
        rate_limit_setting = "BOOKING_RATE_LIMIT"  # submissions per window
        rate_limit_minutes_setting = "BOOKING_RATE_LIMIT_MINUTES"  # the window

A view counting against something else as well (the password reset form: each e-mail address typed) calls
`check(request, scope=..., limit=..., minutes=..., subject=...)` itself and answers with `too_many_requests`.
"""

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .signin import client_ip

logger = logging.getLogger(__name__)

KEY = "lscp:rate-limit:%(scope)s:%(subject)s"
ENDS_KEY = "lscp:rate-limit-ends:%(scope)s:%(subject)s"


def _subject(subject):
    # A hash, so that whatever was typed (an e-mail address) makes a short, safe cache key and is not kept in the
    # cache as it was typed.
    return hashlib.sha256((subject or "unknown").encode()).hexdigest()[:32]


def check(request, *, scope, limit, minutes, subject=None):
    """Counts this submission against `subject` (by default the client's address). Returns None while the subject
    is within `limit` submissions in its window, else the whole seconds until the window ends (at least 1)."""
    who = subject if subject is not None else client_ip(request)
    keys = {"scope": scope, "subject": _subject(who)}
    key, ends_key = KEY % keys, ENDS_KEY % keys
    window = minutes * 60
    now = time.time()
    try:
        # Both start the window at the first submission and are no-ops after it.
        cache.add(key, 0, timeout=window)
        cache.add(ends_key, now + window, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ran out between add and incr: this submission starts the next
            cache.set(key, 1, timeout=window)
            cache.set(ends_key, now + window, timeout=window)
            count = 1
        ends = cache.get(ends_key) if count > limit else None
    except Exception as error:  # the cache is down: the form still works, unlimited, rather than fail for everyone
        logger.warning("Rate limit %s not counted: the cache (Redis) did not answer (%s).", scope, error)
        return None
    if count <= limit:
        return None
    if count == limit + 1:
        logger.warning("Rate limit %s reached: %s submissions in %s minutes.", scope, limit, minutes)
    return max(1, math.ceil((ends if ends is not None else now + window) - now))


def too_many_requests(request, *, limit, minutes, retry_after, template="429.html", context=None):
    """The page shown instead of the form's answer: 429, in the site's layout, saying when to try again, with
    `Retry-After` (seconds)."""
    wait = max(1, math.ceil(retry_after / 60))
    response = render(
        request,
        template,
        {"limit": limit, "minutes": minutes, "wait_minutes": wait, **(context or {})},
        status=429,
    )
    response["Retry-After"] = str(int(retry_after))
    return response


class RateLimitedPostMixin:
    rate_limit_scope = None
    rate_limit_setting = None
    rate_limit_minutes_setting = None
    # What the 429 page says instead of its defaults (`heading`, `reason`, `advice`), if anything.
    rate_limit_context = None

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            limit = getattr(settings, self.rate_limit_setting)
            minutes = getattr(settings, self.rate_limit_minutes_setting)
            retry_after = check(request, scope=self.rate_limit_scope, limit=limit, minutes=minutes)
            if retry_after is not None:
                return too_many_requests(
                    request, limit=limit, minutes=minutes, retry_after=retry_after, context=self.rate_limit_context
                )
        return super().dispatch(request, *args, **kwargs)
