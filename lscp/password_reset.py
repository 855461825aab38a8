"""Asking for a link to choose a new password, throttled: at most PASSWORD_RESET_RATE_LIMIT requests from one
address, and PASSWORD_RESET_EMAIL_RATE_LIMIT for one e-mail address (from anywhere), in
PASSWORD_RESET_RATE_LIMIT_MINUTES; past either, a 429 page with `Retry-After` and no e-mail.

The count for an e-mail address is kept whether or not an account has it, and the pages say the same either way,
so the limit tells nobody which addresses have accounts. It stops a script from filling someone's inbox with
links (before, 25 e-mails reached one account in seconds) and from trying address after address.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views

from .ratelimit import check, too_many_requests

ADDRESS_SCOPE = "password-reset"
EMAIL_SCOPE = "password-reset-email"
EMAIL_HEADING = "Too many links asked for this e-mail address just now"
EMAIL_REASON = (
    "A link to choose a new password has been asked for this e-mail address %(limit)s time%(plural)s in the last "
    "%(minutes)s minutes, the most we send."
)
EMAIL_ADVICE = (
    "The links already sent still work: look for them in your inbox and your junk folder. If none has come, ask "
    "the partnership's business team to check the address on your account."
)
ADDRESS_ADVICE = "If this keeps happening, tell the partnership's business team."


class PasswordResetView(auth_views.PasswordResetView):
    def post(self, request, *args, **kwargs):
        limit, minutes = settings.PASSWORD_RESET_RATE_LIMIT, settings.PASSWORD_RESET_RATE_LIMIT_MINUTES
        retry_after = check(request, scope=ADDRESS_SCOPE, limit=limit, minutes=minutes)
        if retry_after is not None:
            return too_many_requests(
                request, limit=limit, minutes=minutes, retry_after=retry_after, context={"advice": ADDRESS_ADVICE}
            )
        email = (request.POST.get("email") or "").strip().lower()
        if email:
            limit = settings.PASSWORD_RESET_EMAIL_RATE_LIMIT
            retry_after = check(request, scope=EMAIL_SCOPE, limit=limit, minutes=minutes, subject=email)
            if retry_after is not None:
                reason = EMAIL_REASON % {"limit": limit, "plural": "" if limit == 1 else "s", "minutes": minutes}
                return too_many_requests(
                    request,
                    limit=limit,
                    minutes=minutes,
                    retry_after=retry_after,
                    context={"heading": EMAIL_HEADING, "reason": reason, "advice": EMAIL_ADVICE},
                )
        return super().post(request, *args, **kwargs)
