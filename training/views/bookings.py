"""The public training pages, open to everyone without an account: the calendar of coming sessions, a course and
a session with the places left, the booking form, and the two pages reached by signed links e-mailed to people
with no account: manage-my-booking (cancel) and the line manager's approval.

A signed link changed by a character, or naming no booking, answers 404 with a page that says so; an expired one
answers 410 and says what to do. Neither is ever a server error. Every write goes through
`training/services/bookings.py`.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import ListView, TemplateView

from lscp.data_protection import privacy_contact_email
from lscp.forms import add_service_errors
from lscp.pagination import ForgivingPaginationMixin
from lscp.ratelimit import RateLimitedPostMixin

from .. import links
from ..forms.bookings import BookingForm, DecisionForm
from ..models import Booking, BookingStatus, Delegate
from ..selectors import bookings as booking_selectors
from ..services import bookings as booking_services
from ..services import delegates as delegate_services

BOOKED_MESSAGES = {
    BookingStatus.BOOKED: "Your place is booked. We have e-mailed you a confirmation with a link to this page.",
    BookingStatus.WAITING_LIST: (
        "Every place is taken, so you are on the waiting list. If a place frees, you move up automatically and we "
        "e-mail you."
    ),
    BookingStatus.AWAITING_APPROVAL: (
        "We have held a place for you and e-mailed your line manager a link to approve it. We will e-mail you when "
        "they answer."
    ),
}
CANCELLED_MESSAGE = "Your booking is cancelled. We have e-mailed you to confirm it."
APPROVED_MESSAGE = "Thank you: the place is approved and booked, and %(name)s has been told."
DECLINED_MESSAGE = "Thank you: the place is declined, and %(name)s has been told."
DETAILS_UPDATED = "Your training record is updated."


class CalendarView(ForgivingPaginationMixin, ListView):
    """The coming sessions, soonest first, with places left: a page at a time, as a large partnership has
    hundreds of dates ahead."""

    template_name = "training/calendar.html"
    context_object_name = "sessions"
    paginate_by = 50

    def get_queryset(self):
        return booking_selectors.coming_sessions_in_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sessions"] = booking_selectors.with_booking_state(context["sessions"])
        return context


class CourseView(TemplateView):
    template_name = "training/course.html"

    def get_context_data(self, **kwargs):
        course = booking_selectors.public_course(pk=self.kwargs["pk"])
        if course is None:
            raise Http404("No such course.")
        return super().get_context_data(
            course=course, sessions=booking_selectors.coming_sessions(course=course), **kwargs
        )


class _SessionMixin:
    def get_session(self):
        session = booking_selectors.session_with_places(pk=self.kwargs["pk"])
        if session is None or not session.course.active:
            raise Http404("No such session.")
        return session


class SessionView(_SessionMixin, TemplateView):
    template_name = "training/session.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.get_session(), **kwargs)


class PrivacyNoticeView(TemplateView):
    """What the partnership keeps about the people who book, why, for how long, and how to ask for it or complain:
    linked from the booking forms."""

    template_name = "training/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            delegate_years=settings.DELEGATE_RETENTION_YEARS,
            access_years=settings.ACCESS_LOG_RETENTION_YEARS,
            contact_email=privacy_contact_email(),
            **kwargs,
        )


class BookingRateLimitMixin(RateLimitedPostMixin):
    """The public booking forms (this one and the team's) share one count per address: settings.BOOKING_RATE_LIMIT
    submissions in BOOKING_RATE_LIMIT_MINUTES, then 429 until the window is over (lscp/ratelimit.py)."""

    rate_limit_scope = "training-booking"
    rate_limit_setting = "BOOKING_RATE_LIMIT"
    rate_limit_minutes_setting = "BOOKING_RATE_LIMIT_MINUTES"


class LinkRateLimitMixin(RateLimitedPostMixin):
    """The pages reached by links e-mailed to people with no account (manage or cancel a booking, approve a place,
    an evaluation, confirm new details) share one count per address: settings.TRAINING_LINK_RATE_LIMIT submissions
    in TRAINING_LINK_RATE_LIMIT_MINUTES, then 429 until the window is over (lscp/ratelimit.py)."""

    rate_limit_scope = "training-links"
    rate_limit_setting = "TRAINING_LINK_RATE_LIMIT"
    rate_limit_minutes_setting = "TRAINING_LINK_RATE_LIMIT_MINUTES"
    rate_limit_context = {"advice": "If this keeps happening, tell the partnership's training team."}


class BookView(BookingRateLimitMixin, _SessionMixin, View):
    """The booking form: what was typed stays on the page with each problem under its box."""

    template_name = "training/book.html"

    def get(self, request, *args, **kwargs):
        session = self.get_session()
        return self._page(session, BookingForm(needs_approval=session.course.needs_manager_approval))

    def post(self, request, *args, **kwargs):
        session = self.get_session()
        form = BookingForm(request.POST, needs_approval=session.course.needs_manager_approval)
        if form.is_valid():
            try:
                booking = booking_services.book_place(session=session, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, BOOKED_MESSAGES[booking.status])
                return redirect("training:manage_booking", token=links.manage_token(booking))
        return self._page(session, form)

    def _page(self, session, form):
        context = {"session": session, "f": form, "delegate_years": settings.DELEGATE_RETENTION_YEARS}
        return render(self.request, self.template_name, context)


def _link_refused(request, *, expired):
    if expired:
        return render(request, "training/link_expired.html", status=410)
    return render(request, "training/link_invalid.html", status=404)


class _SignedLinkView(View):
    """Finds the booking a signed link names, or answers with the page for a bad or expired link."""

    read_token = None

    def dispatch(self, request, *args, **kwargs):
        try:
            booking_id = type(self).read_token(kwargs["token"])
        except links.ExpiredLink:
            return _link_refused(request, expired=True)
        except links.BadLink:
            return _link_refused(request, expired=False)
        self.booking = (
            Booking.objects.select_related("delegate", "delegate__agency", "session__course")
            .filter(pk=booking_id)
            .first()
        )
        if self.booking is None:
            return _link_refused(request, expired=False)
        return super().dispatch(request, *args, **kwargs)


class ManageBookingView(LinkRateLimitMixin, _SignedLinkView):
    """The delegate's own page for one booking: where it stands, and a button to cancel it."""

    read_token = staticmethod(links.booking_id_from_manage_token)

    def get(self, request, *args, **kwargs):
        return self._page()

    def post(self, request, *args, **kwargs):
        # Cancelling gives the place away and cannot be undone: the first press asks, only the confirmation cancels.
        if "confirmed" not in request.POST:
            if self.booking.status not in booking_services.CANCELLABLE_STATUSES:
                return self._page()
            return self._page(template="training/manage_booking_confirm.html")
        try:
            booking_services.cancel_booking(booking=self.booking, by_delegate=True)
        except ValidationError as error:
            return self._page(errors=error.messages)
        messages.success(request, CANCELLED_MESSAGE)
        return redirect(request.path)

    def _page(self, errors=(), template="training/manage_booking.html"):
        booking = self.booking
        return render(
            self.request,
            template,
            {
                "booking": booking,
                "session": booking.session,
                "can_cancel": booking.status in booking_services.CANCELLABLE_STATUSES,
                "errors": errors,
            },
        )


class ApprovalView(LinkRateLimitMixin, _SignedLinkView):
    """The line manager's page: approve or decline the place held for their member of staff."""

    read_token = staticmethod(links.booking_id_from_approval_token)

    def get(self, request, *args, **kwargs):
        return self._page()

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self._page(errors=["Choose Approve or Decline."])
        approve = form.cleaned_data["decision"] == "approve"
        try:
            if approve:
                booking_services.approve_booking(booking=self.booking)
            else:
                booking_services.decline_booking(booking=self.booking)
        except ValidationError as error:
            return self._page(errors=error.messages)
        message = APPROVED_MESSAGE if approve else DECLINED_MESSAGE
        messages.success(request, message % {"name": self.booking.delegate.name})
        return redirect(request.path)

    def _page(self, errors=()):
        booking = self.booking
        return render(
            self.request,
            "training/approval.html",
            {
                "booking": booking,
                "session": booking.session,
                "awaiting": booking.status == BookingStatus.AWAITING_APPROVAL,
                "errors": errors,
            },
        )


class DelegateDetailsView(LinkRateLimitMixin, View):
    """The delegate confirms the details given with a booking, by the link sent to the work e-mail on their record
    (training/services/delegates.py): the record and the new details side by side, and a button to update it."""

    template_name = "training/delegate_details.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.link = links.details_from_token(kwargs["token"])
        except links.ExpiredLink:
            return _link_refused(request, expired=True)
        except links.BadLink:
            return _link_refused(request, expired=False)
        self.delegate = Delegate.objects.select_related("agency").filter(pk=self.link["delegate"]).first()
        if self.delegate is None:
            return _link_refused(request, expired=False)
        self.booking = Booking.objects.select_related("session__course").filter(pk=self.link["booking"]).first()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self._page()

    def post(self, request, *args, **kwargs):
        try:
            delegate_services.confirm_details(
                delegate_id=self.delegate.pk, was=self.link["was"], typed=self.link["typed"]
            )
        except ValidationError as error:
            return self._page(errors=error.messages)
        messages.success(request, DETAILS_UPDATED)
        return redirect(request.path)

    def _page(self, errors=()):
        was, typed = self.link["was"], self.link["typed"]
        return render(
            self.request,
            self.template_name,
            {
                "delegate": self.delegate,
                "booking": self.booking,
                "changes": delegate_services.describe(was, typed),
                "state": delegate_services.state_of(self.delegate, was, typed),
                "errors": errors,
            },
        )
