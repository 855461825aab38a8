"""Signing in in two steps, and the pages where a person sets up, looks after or turns off two-factor sign-in."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login

from ..forms import add_service_errors
from . import rules, services
from .forms import CodeForm, SetUpCodeForm

# What the session keeps between the password and the code: whose code it waits for, the sign-in backend that
# checked the password, where to go next, and since when (a password typed long ago signs nobody in).
PENDING = "two_factor_sign_in"
PENDING_SECONDS = 10 * 60
# The secret of an authenticator being set up, until its first code confirms it.
SECRET = "two_factor_secret"
# Recovery codes just made, until the page that shows them once.
NEW_CODES = "two_factor_new_codes"

TOOK_TOO_LONG = "Signing in took too long: sign in again with your password."
FEW_CODES_LEFT = 3


def _seconds_from_now(moment):
    return max(1, int((moment - timezone.now()).total_seconds() + 0.999))


class SignInView(auth_views.LoginView):
    """Django's sign-in page, with a second step for an account that has two-factor sign-in: the right password
    only remembers whose code to ask for (`PENDING`), and `CodeView` signs them in."""

    def form_valid(self, form):
        user = form.get_user()
        if not services.has_two_factor(user):
            return super().form_valid(form)
        session = self.request.session
        session.cycle_key()
        session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_success_url(),
            "since": time.time(),
        }
        return redirect("two_factor_code")


def _pending_user(request):
    """The account whose code the session waits for after its password, or None (none, or it took too long)."""
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict):
        return None
    if time.time() - pending.get("since", 0) > PENDING_SECONDS:
        del request.session[PENDING]
        messages.warning(request, TOOK_TOO_LONG)
        return None
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None:
        del request.session[PENDING]
    return user


class CodeView(FormView):
    """The second step of signing in: the code from the authenticator app, or a recovery code. Also asks a
    signed-in business manager whose session has not passed a code, when it is required (the middleware sends
    them here)."""

    template_name = "registration/two_factor_code.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.user = _pending_user(request)
        self.signing_in = self.user is not None
        user = request.user
        if self.user is None and user.is_authenticated and not user.is_verified() and services.has_two_factor(user):
            self.user = user
        if self.user is None:
            # Nothing to ask: signed in already, or no password typed yet.
            if request.user.is_authenticated:
                return redirect(settings.LOGIN_REDIRECT_URL)
            return redirect(settings.LOGIN_URL)
        return super().dispatch(request, *args, **kwargs)

    def credentials(self):
        return {"username": self.user.get_username()}

    def locked_out(self):
        """django-axes' middleware answers with the lockout page, as for a wrong password (lscp/signin.py)."""
        self.request.axes_locked_out = True
        self.request.axes_credentials = self.credentials()
        self.request.session.pop(PENDING, None)
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        from axes.handlers.proxy import AxesProxyHandler

        if AxesProxyHandler.is_locked(request, self.credentials()):
            return self.locked_out()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        check = services.check_code(user=self.user, code=form.cleaned_data["code"])
        if check.device is None:
            return self.wrong_code(form, check)
        request = self.request
        next_url = self.next_url()
        if self.signing_in:
            backend = request.session.pop(PENDING)["backend"]
            # django-otp marks the session as passed with this device when the user signs in carrying it.
            self.user.otp_device = check.device
            auth_login(request, self.user, backend=backend)
        else:
            otp_login(request, check.device)
        if check.used_recovery_code:
            left = services.recovery_codes_left(self.user)
            message = f"You used a recovery code: it will not work again. You have {left} left."
            if left <= FEW_CODES_LEFT:
                message += " Make new ones from Two-factor sign-in on your home page."
            messages.warning(request, message)
        return redirect(next_url)

    def wrong_code(self, form, check):
        """A wrong code counts as a wrong password towards the lockout of the user name; a device still waiting
        after wrong codes does not check this one, and that try counts too."""
        if check.wait_until is not None:
            seconds = _seconds_from_now(check.wait_until)
            form.add_error(
                "code",
                f"Too many wrong codes in a row: wait {seconds} second{'s' if seconds != 1 else ''}, then type the "
                "code your app shows then.",
            )
        else:
            form.add_error("code", "That code is not right. Type the code your app shows now, or a recovery code.")
        user_login_failed.send(sender=__name__, credentials=self.credentials(), request=self.request)
        if getattr(self.request, "axes_locked_out", False):
            return self.locked_out()
        return self.form_invalid(form)

    def next_url(self):
        if self.signing_in:
            return self.request.session[PENDING].get("next") or resolve_url(settings.LOGIN_REDIRECT_URL)
        wanted = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return wanted
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = "" if self.signing_in else self.request.GET.get("next", "")
        return context


class TwoFactorPageMixin:
    """The pages about one's own two-factor sign-in: staff and chairs, and anyone who has it already (a chair who
    has stepped down still signs in with it). Someone who has it but whose session has not passed a code is asked
    for one first: nobody changes it with a password alone."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return auth_views.redirect_to_login(request.get_full_path())
        self.has_two_factor = services.has_two_factor(user)
        if not (self.has_two_factor or rules.may_set_up(user)):
            raise PermissionDenied("Two-factor sign-in is for staff and chairs.")
        if self.has_two_factor and not user.is_verified():
            return redirect("two_factor_code")
        return super().dispatch(request, *args, **kwargs)


class TwoFactorView(TwoFactorPageMixin, TemplateView):
    template_name = "registration/two_factor.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            has_two_factor=self.has_two_factor,
            authenticator=services.authenticator(user) if self.has_two_factor else None,
            recovery_codes_left=services.recovery_codes_left(user) if self.has_two_factor else 0,
            required=rules.is_required(user),
            **kwargs,
        )


class SetUpView(TwoFactorPageMixin, FormView):
    """A QR code and the same secret written out; the app's first code confirms it. With an app set up already
    (a new phone), the new one replaces it once confirmed."""

    template_name = "registration/two_factor_set_up.html"
    form_class = SetUpCodeForm

    def secret(self):
        session = self.request.session
        if not session.get(SECRET):
            session[SECRET] = services.new_secret()
        return session[SECRET]

    def get_context_data(self, **kwargs):
        import segno

        secret = self.secret()
        link = services.authenticator_link(self.request.user, secret)
        return super().get_context_data(
            qr_code=segno.make(link, error="m").svg_data_uri(scale=5, border=4),
            secret_for_typing=services.secret_for_typing(secret),
            has_two_factor=self.has_two_factor,
            required=rules.is_required(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        request = self.request
        try:
            device, codes = services.set_up_authenticator(
                user=request.user, secret=self.secret(), code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            add_service_errors(form, error, fields={})
            return self.form_invalid(form)
        del request.session[SECRET]
        # This session has just shown it holds the new app.
        otp_login(request, device)
        request.session[NEW_CODES] = codes
        messages.success(request, "Two-factor sign-in is on. You will be asked for a code each time you sign in.")
        return redirect("two_factor_recovery_codes")


class RecoveryCodesView(TwoFactorPageMixin, TemplateView):
    """Shows new recovery codes once (they are not shown again), or how many are left, with a button to make new
    ones."""

    template_name = "registration/two_factor_recovery_codes.html"

    def get(self, request, *args, **kwargs):
        if not self.has_two_factor:
            return redirect("two_factor_set_up")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        codes = self.request.session.pop(NEW_CODES, None)
        return super().get_context_data(
            new_codes=[f"{code[:4]} {code[4:]}" for code in codes or ()],
            recovery_codes_left=services.recovery_codes_left(self.request.user),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.has_two_factor:
            return redirect("two_factor_set_up")
        request.session[NEW_CODES] = services.make_recovery_codes(user=request.user)
        return redirect("two_factor_recovery_codes")


class TurnOffView(TwoFactorPageMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if rules.is_required(request.user):
            messages.error(
                request, "Business managers must keep two-factor sign-in on. To use a new phone, set it up again."
            )
        else:
            services.turn_off(user=request.user)
            messages.success(request, "Two-factor sign-in is off: you sign in with your password alone.")
        return redirect("two_factor")
