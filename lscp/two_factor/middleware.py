"""Business managers use two-factor sign-in before anything else, when it is required
(TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS): one who has not set it up is sent to set it up, one whose session has
not passed a code (signed in before it was required, or in some way other than the sign-in page) is asked for one.
The admin included: its pages are views like any other. Signing out stays open.

After django-otp's OTPMiddleware, which tells whether this session passed a code (`request.user.is_verified()`).
Nothing is asked of the database for anyone but an unverified business manager.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from . import rules, services

OPEN_WITHOUT_A_DEVICE = {"two_factor_set_up", "logout"}
OPEN_BEFORE_THE_CODE = {"two_factor_code", "logout"}


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or not rules.is_required(user):
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if services.has_two_factor(user):
            if view_name in OPEN_BEFORE_THE_CODE:
                return None
            return redirect(f"{reverse('two_factor_code')}?{urlencode({'next': request.get_full_path()})}")
        if view_name in OPEN_WITHOUT_A_DEVICE:
            return None
        return redirect("two_factor_set_up")
