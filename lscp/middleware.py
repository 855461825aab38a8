"""Security headers Django 5.2 does not set itself: Content-Security-Policy and Permissions-Policy.

A dozen lines rather than a package: the policy is one fixed string (no nonces, no per-view changes), and
`SECURE_CSP` has the shape of Django 6's own setting, so upgrading means deleting this file and listing
`django.middleware.csp.ContentSecurityPolicyMiddleware` instead.
"""

from django.conf import settings


def content_security_policy(directives):
    """`{"default-src": ["'self'"], ...}` → `"default-src 'self'; ..."`."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in directives.items())


def permissions_policy(features):
    """`{"camera": [], "fullscreen": ["self"]}` → `"camera=(), fullscreen=(self)"`."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": content_security_policy(settings.SECURE_CSP),
            "Permissions-Policy": permissions_policy(settings.PERMISSIONS_POLICY),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for header, value in self.headers.items():
            # A view that needs a different policy sets its own header; it is kept.
            response.headers.setdefault(header, value)
        return response
