"""The organiser pages (the business manager and the Learning and Development chairs: `permissions.can_organise_
training`): the sessions, coming and past, a session with its bookings and waiting list, the register, moving a
delegate, cancelling a session, and the import of past attendance (the register as a spreadsheet is in
exports.py). And the team administrator's public form for booking several staff at once.

Every write goes through `training/services/organiser.py`; its errors are put back on the form with what was typed.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import ListView

from lscp.forms import add_service_errors
from lscp.forms_page import GET_AND_POST, ServiceFormView
from lscp.pagination import ForgivingPaginationMixin
from lscp.roles import RoleRequiredMixin
from lscp.spreadsheets.template import ImportTemplate, template_links, template_response

from .. import permissions
from ..forms.organiser import (
    TEAM_MAX_ROWS,
    TEAM_ROWS,
    AttendanceImportForm,
    CancelSessionForm,
    MoveBookingForm,
    RegisterForm,
    SessionFilterForm,
    SessionForm,
    StaffFormSet,
    TeamBookingForm,
)
from ..models import Booking, CourseSession
from ..selectors import bookings as booking_selectors
from ..selectors import organiser as organiser_selectors
from ..services import organiser as organiser_services
from ..services.attendance_import import COLUMNS, EXAMPLE, REQUIRED_COLUMNS, import_attendance
from ..services.organiser import REGISTER_STATUSES
from .bookings import BookingRateLimitMixin

REGISTER_TAKEN = "The register is taken: %(attended)s attended, %(no_show)s did not come."
MOVED = "%(name)s is moved to %(when)s."
MOVED_AND_PROMOTED = "%(name)s is moved to %(when)s; %(promoted)s moved up from the waiting list here."
SESSION_CANCELLED = "The session is cancelled, and %(count)s delegate%(plural)s booked or waiting are being e-mailed."
IMPORTED = (
    "Imported: %(added)s attendance record%(added_plural)s added, %(updated)s updated, %(delegates)s new "
    "delegate%(delegates_plural)s, %(held)s session%(held_plural)s marked held."
)
IMPORT_REFUSED = "Nothing was imported: correct these problems in the file and upload it again."
PROBLEMS_SHOWN = 200
SESSION_ADDED = "The session is added to the calendar."
SESSION_SAVED = "The session is saved.%(told)s"
TOLD_OF_CHANGE = " The delegates booked or waiting are being e-mailed the new date, time or place."
TEAM_BOOKED = "%(booked)s booked, %(waiting)s on the waiting list. Each has been e-mailed, and you have a summary."


def _plural(count):
    return "" if count == 1 else "s"


class OrganiserRequiredMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return permissions.can_organise_training(roles)

    def get_session(self):
        if not hasattr(self, "_session"):
            self._session = get_object_or_404(CourseSession.objects.select_related("course"), pk=self.kwargs["pk"])
        return self._session


class SessionListView(ForgivingPaginationMixin, OrganiserRequiredMixin, ListView):
    template_name = "training/organise/session_list.html"
    context_object_name = "sessions"
    paginate_by = 25

    def get_queryset(self):
        self.filters = SessionFilterForm(self.request.GET)
        return organiser_selectors.organiser_sessions(**self.filters.values())

    def get_context_data(self, **kwargs):
        return super().get_context_data(filters=self.filters, when=self.filters.values()["when"], **kwargs)


class SessionView(OrganiserRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        session = self.get_session()
        places, waiting, ended = organiser_selectors.session_bookings(session)
        context = {
            "session": session,
            "places": places,
            "waiting": waiting,
            "ended": ended,
            "register_size": sum(1 for booking in places if booking.status in REGISTER_STATUSES),
            "started": session.starts_at <= timezone.now(),
        }
        return render(request, "training/organise/session.html", context)


class RegisterView(OrganiserRequiredMixin, View):
    """Every delegate on the register marked attended or no-show in one form."""

    template_name = "training/organise/register.html"

    def _form(self, data=None):
        bookings = list(
            Booking.objects.filter(session=self.get_session(), status__in=REGISTER_STATUSES)
            .select_related("delegate", "delegate__agency")
            .order_by("delegate__name", "id")
        )
        return RegisterForm(data, bookings=bookings)

    def get(self, request, *args, **kwargs):
        return self._page(self._form())

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        form.is_valid()
        try:
            attended = organiser_services.take_register(session=self.get_session(), marks=form.marks(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self._page(form)
        total = len(form.bookings)
        messages.success(request, REGISTER_TAKEN % {"attended": len(attended), "no_show": total - len(attended)})
        return redirect("training:organise_session", pk=self.get_session().pk)

    def _page(self, form):
        return render(self.request, self.template_name, {"session": self.get_session(), "f": form})


class MoveBookingView(OrganiserRequiredMixin, ServiceFormView):
    http_method_names = GET_AND_POST
    template_name = "training/organise/move.html"
    form_name = "f"

    def get_booking(self):
        if not hasattr(self, "_booking"):
            self._booking = get_object_or_404(
                Booking.objects.select_related("delegate", "session__course"), pk=self.kwargs["pk"]
            )
        return self._booking

    def make_form(self, data=None):
        booking = self.get_booking()
        sessions = [
            s for s in booking_selectors.coming_sessions(course=booking.session.course) if s.pk != booking.session_id
        ]
        return MoveBookingForm(data, sessions=sessions)

    def get_context_data(self, **kwargs):
        booking = self.get_booking()
        return super().get_context_data(booking=booking, session=booking.session, **kwargs)

    def save(self, form):
        return organiser_services.move_booking(
            booking=self.get_booking(), to_session=form.cleaned_data["to_session"], by=self.request.user
        )

    def get_success_message(self, saved):
        moved, promoted = saved
        when = f"{moved.session.starts_at:%A %-d %B %Y, %H:%M}"
        message = MOVED_AND_PROMOTED if promoted else MOVED
        return message % {"name": moved.delegate.name, "when": when, "promoted": len(promoted)}

    def get_success_url(self, saved):
        # The booking is in the session it was moved to now.
        return reverse("training:organise_session", args=[self.get_booking().session_id])


class SessionFormView(OrganiserRequiredMixin, ServiceFormView):
    """Adding a session (no `pk`) or changing a coming one: the course, when and where, the trainers and
    co-delivering agencies, the places and the booking rules."""

    http_method_names = GET_AND_POST
    template_name = "training/organise/session_form.html"
    form_name = "f"
    service_fields = SessionForm.SERVICE_FIELDS

    def existing(self):
        return self.get_session() if "pk" in self.kwargs else None

    def make_form(self, data=None):
        return SessionForm(data, session=self.existing())

    def fields_for_service_errors(self, form):
        fields = super().fields_for_service_errors(form)
        if form.cleaned_data.get("end_date"):
            # A session over several days: an end before its start is the end day's doing, not the end time's.
            fields["ends_at"] = "end_date"
        return fields

    def get_context_data(self, **kwargs):
        session = self.existing()
        editable = session is None or (session.status == "scheduled" and session.starts_at > timezone.now())
        return super().get_context_data(session=session, editable=editable, **kwargs)

    def save(self, form):
        session = self.existing()
        self._when_and_where = (
            {field: getattr(session, field) for field in organiser_services.WHEN_AND_WHERE} if session else None
        )
        return organiser_services.save_session(session=session, by=self.request.user, **form.service_arguments())

    def get_success_message(self, saved):
        if self._when_and_where is None:
            return SESSION_ADDED
        changed = any(getattr(saved, field) != value for field, value in self._when_and_where.items())
        live = saved.bookings.filter(status__in=organiser_services.MOVABLE_STATUSES).exists()
        return SESSION_SAVED % {"told": TOLD_OF_CHANGE if changed and live else ""}

    def get_success_url(self, saved):
        return reverse("training:organise_session", args=[saved.pk])


class CancelSessionView(OrganiserRequiredMixin, ServiceFormView):
    http_method_names = GET_AND_POST
    template_name = "training/organise/cancel.html"
    form_class = CancelSessionForm
    form_name = "f"
    success_message = SESSION_CANCELLED

    def get_context_data(self, **kwargs):
        session = self.get_session()
        live = session.bookings.filter(status__in=organiser_services.MOVABLE_STATUSES).count()
        return super().get_context_data(session=session, live=live, **kwargs)

    def save(self, form):
        return organiser_services.cancel_session(
            session=self.get_session(), reason=form.cleaned_data["reason"], by=self.request.user
        )

    def message_values(self, saved):
        return {"count": len(saved), "plural": _plural(len(saved))}

    def get_success_url(self, saved):
        return reverse("training:organise_session", args=[self.get_session().pk])


class AttendanceImportView(OrganiserRequiredMixin, View):
    template_name = "training/organise/import.html"

    def get(self, request, *args, **kwargs):
        return self._page(AttendanceImportForm())

    def post(self, request, *args, **kwargs):
        form = AttendanceImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._page(form)
        result = import_attendance(
            content=form.cleaned_data["file"].read(), file_format=form.cleaned_data["file_format"], by=request.user
        )
        if not result.ok:
            return self._page(form, problems=result.problems)
        messages.success(
            request,
            IMPORTED
            % {
                "added": result.bookings_added,
                "added_plural": _plural(result.bookings_added),
                "updated": result.bookings_updated,
                "delegates": result.delegates_added,
                "delegates_plural": _plural(result.delegates_added),
                "held": result.sessions_held,
                "held_plural": _plural(result.sessions_held),
            },
        )
        return redirect("training:import_attendance")

    def _page(self, form, problems=()):
        context = {
            "f": form,
            "problems": problems[:PROBLEMS_SHOWN],
            "problem_count": len(problems),
            "refused": IMPORT_REFUSED if problems else "",
            "columns": [(column, column in REQUIRED_COLUMNS) for column in COLUMNS],
            "template_links": template_links(
                lambda file_format: reverse("training:import_attendance_template", args=[file_format])
            ),
        }
        return render(self.request, self.template_name, context)


ATTENDANCE_TEMPLATE = ImportTemplate("training-attendance-template", COLUMNS, EXAMPLE)


class AttendanceImportTemplateView(OrganiserRequiredMixin, View):
    """The attendance import's columns and an example row, as a workbook or CSV, to start a file from."""

    def get(self, request, file_format):
        return template_response(ATTENDANCE_TEMPLATE, file_format)


# The team administrator's public form.


class TeamBookingView(BookingRateLimitMixin, View):
    """Several members of staff booked on one session at once, by their team administrator (no account)."""

    template_name = "training/book_team.html"

    def _session(self):
        session = booking_selectors.session_with_places(pk=self.kwargs["pk"])
        if session is None or not session.course.active:
            raise Http404("No such session.")
        return session

    def _rows(self):
        try:
            rows = int(self.request.GET.get("rows", TEAM_ROWS))
        except ValueError:
            rows = TEAM_ROWS
        return min(max(rows, 1), TEAM_MAX_ROWS)

    def get(self, request, *args, **kwargs):
        staff = StaffFormSet(prefix="staff", initial=[{}] * self._rows())
        return self._page(self._session(), TeamBookingForm(), staff, [])

    def post(self, request, *args, **kwargs):
        session = self._session()
        form = TeamBookingForm(request.POST)
        staff = StaffFormSet(request.POST, prefix="staff")
        # Both are checked whatever the other says, and the service's checks run either way: one submission
        # reports every problem with the team's details and with the rows.
        form_valid, staff_valid = form.is_valid(), staff.is_valid()
        team = {name: form.cleaned_data.get(name) for name in ("administrator_email", "agency", "organisation")}
        team["sector"] = form.cleaned_data.get("sector") or ""
        rows = [
            (number, row.cleaned_data)
            for number, row in enumerate(staff.forms, start=1)
            if row.has_changed() and (row.errors or not row.is_blank())
        ]
        problems = self._row_form_problems(staff)  # before the service's are added to the rows
        try:
            if form_valid and staff_valid:
                bookings = organiser_services.book_team(session=session, staff=rows, **team)
                booked = sum(1 for booking in bookings if booking.takes_a_place)
                messages.success(request, TEAM_BOOKED % {"booked": booked, "waiting": len(bookings) - booked})
                return redirect("training:session", pk=session.pk)
            organiser_services.check_team_booking(session=session, staff=rows, **team)
        except ValidationError as error:
            problems += self._put_errors(form, staff, error)
        problems.sort(key=lambda problem: problem[0])  # by row, keeping each row's order
        listed = [(message, "") for message in staff.non_form_errors()]
        listed += [(message, anchor) for _row, message, anchor in problems]
        return self._page(session, form, staff, listed)

    @staticmethod
    def _row_form_problems(staff):
        """What a row's own boxes refused (a name too long), as (row, message, anchor)."""
        problems = []
        for number, row in enumerate(staff.forms, start=1):
            for name, errors in row.errors.items():
                if name in row.fields:
                    for message in errors:
                        problems.append((number, f"Row {number}: {message}", row[name].id_for_label))
        return problems

    def _put_errors(self, form, staff, error):
        """Each row's problem under its box in that row, listed above the form with its row number; the rest on
        the form. A box whose own check failed keeps that message alone (an address the form already refused is
        not also "missing"). Returns the row problems as (row, message, anchor)."""
        problems = []
        row_errors = []
        if hasattr(error, "error_dict"):
            row_errors = [e for e in error.error_dict.get(NON_FIELD_ERRORS, []) if e.params and "row" in e.params]
            refused = set(form.errors)
            if "agency" in refused:  # an agency not accepted: "give your organisation" would mislead
                refused.add("organisation")
            rest = {
                name: [e for e in errors if not (e.params and "row" in e.params)]
                for name, errors in error.error_dict.items()
                if name not in refused
            }
            rest = {name: errors for name, errors in rest.items() if errors}
            if rest:
                add_service_errors(form, ValidationError(rest))
        else:
            add_service_errors(form, error)
        refused_in_row = [set(row.errors) for row in staff.forms]
        for row_error in row_errors:
            number = row_error.params["row"]
            row = staff.forms[number - 1]
            if row_error.code in refused_in_row[number - 1]:
                continue
            message = row_error.message % row_error.params if row_error.params else row_error.message
            row.add_error(row_error.code, message)
            problems.append((number, message, row[row_error.code].id_for_label))
        return problems

    def _page(self, session, form, staff, problems):
        more = reverse("training:book_team", kwargs={"pk": session.pk}) + f"?rows={min(len(staff.forms) + 8, 50)}"
        context = {"session": session, "f": form, "staff": staff, "problems": problems, "more_rows_url": more}
        context["delegate_years"] = settings.DELEGATE_RETENTION_YEARS
        return render(self.request, self.template_name, context)
