"""Signing in: the client's address for django-axes' attempt log, and the page shown to a locked-out user name."""

from django.conf import settings
from django.shortcuts import render


def client_ip(request):
    """The address the request came from. Behind our reverse proxy that is the last X-Forwarded-For entry,
    the one the proxy appended itself; entries before it are whatever the client chose to send."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows instead of the sign-in form while a user name is locked out."""
    from axes.helpers import get_client_username

    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "username": get_client_username(request, credentials) or "",
    }
    return render(request, "registration/locked_out.html", context, status=429)
