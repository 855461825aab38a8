"""Security headers Django 5.2 does not set itself: Content-Security-Policy and Permissions-Policy; and
`Cache-Control: no-store` on every private response.

A dozen lines rather than a package: the policy is one fixed string (no nonces, no per-view changes), and
`SECURE_CSP` has the shape of Django 6's own setting, so upgrading means deleting that class and listing
`django.middleware.csp.ContentSecurityPolicyMiddleware` instead.
"""

import base64
import hashlib
import re
from pathlib import Path

import django.views
from django.conf import settings
from django.utils.cache import add_never_cache_headers

from .access import cacheable_for_the_public


def content_security_policy(directives):
    """`{"default-src": ["'self'"], ...}` → `"default-src 'self'; ..."`."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in directives.items())


def permissions_policy(features):
    """`{"camera": [], "fullscreen": ["self"]}` → `"camera=(), fullscreen=(self)"`."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


def debug_page_styles():
    """With DEBUG on (the demo, a developer's machine) a missing page is Django's own "Page not found" page, whose
    look is one inline <style> block: the policy's hash for exactly that block, read from the installed Django, so
    the page is drawn as Django means it and nothing else inline is allowed."""
    template = Path(django.views.__file__).parent / "templates" / "technical_404.html"
    blocks = re.findall(r"<style[^>]*>(.*?)</style>", template.read_text(), re.S)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()}'" for block in blocks]


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        policy = dict(settings.SECURE_CSP)
        if settings.DEBUG:
            policy["style-src"] = [*policy.get("style-src", ["'self'"]), *debug_page_styles()]
        self.headers = {
            "Content-Security-Policy": content_security_policy(policy),
            "Permissions-Policy": permissions_policy(settings.PERMISSIONS_POLICY),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for header, value in self.headers.items():
            # A view that needs a different policy sets its own header; it is kept.
            response.headers.setdefault(header, value)
        return response


class PrivatePagesNotCachedMiddleware:
    """`Cache-Control: no-store` on every response but the public's copy of the pages an app lists as showing nothing
    personal (`CACHEABLE_FOR_THE_PUBLIC`, lscp/access.py): a signed-in user's pages, the signed-link pages of
    bookings, approvals, evaluations and certificates, forms and every download are never kept by a browser (its
    back button or a shared computer) or a proxy. Private by default, so a page added later is too.

    Placed after AuthenticationMiddleware: asking who the user is marks the session read, so the session middleware
    adds `Vary: Cookie` to a cacheable page, and a cache never gives the public's copy to someone signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A server error or an unavailable service is never kept, and asking who the user is could ask the database
        # that has just failed.
        if response.status_code >= 500 or not self.cacheable(request):
            # Django's own "never cache" (max-age=0, no-cache, no-store, must-revalidate, private, and an Expires
            # in the past), replacing whatever the view said; Pragma for HTTP/1.0 caches.
            del response.headers["Cache-Control"]
            add_never_cache_headers(response)
            response.headers["Pragma"] = "no-cache"
        return response

    @staticmethod
    def cacheable(request):
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name not in cacheable_for_the_public():
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated
