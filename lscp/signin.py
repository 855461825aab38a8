"""Signing in: the client's address for django-axes' attempt log, and the page shown to a locked-out user name."""

import math

from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone


def client_ip(request):
    """The address the request came from. Behind our reverse proxy that is the last X-Forwarded-For entry,
    the one the proxy appended itself; entries before it are whatever the client chose to send."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


def _seconds_until_unlocked(username):
    """The user name is locked until its latest failed attempt is AXES_COOLOFF_TIME old: tries during the lockout
    are not recorded (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off), so they do not move that time."""
    from axes.models import AccessAttempt

    cooloff = settings.AXES_COOLOFF_TIME
    now = timezone.now()
    last = AccessAttempt.objects.filter(username=username).aggregate(last=Max("attempt_time"))["last"]
    ends = (last or now) + cooloff
    return max(1, math.ceil((ends - now).total_seconds()))


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows instead of the sign-in form while a user name is locked out: 429, with
    `Retry-After` (the seconds until the lockout ends)."""
    from axes.helpers import get_client_username

    username = get_client_username(request, credentials) or ""
    retry_after = _seconds_until_unlocked(username)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "wait_minutes": max(1, math.ceil(retry_after / 60)),
        "username": username,
    }
    response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response
