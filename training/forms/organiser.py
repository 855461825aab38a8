"""The organisers' forms, and the team administrator's. They check what was typed; the rules (a full session, an
unmarked delegate, a member of staff already booked) are the services', whose errors the views put back on these
forms with what was typed kept."""

from datetime import datetime

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from lscp.dates import date_field
from lscp.spreadsheets import validate_import_file
from partnership.models import Agency, Sector

from ..models import DEFAULT_BOOKING_CLOSES_WORKING_DAYS, BookingStatus, Course, CourseSession, SessionStatus
from ..selectors.organiser import COMING, PAST
from ..services.attendance_import import FORMATS

WHEN_CHOICES = [(COMING, "Coming"), (PAST, "Past"), ("all", "All")]
MARK_CHOICES = [(BookingStatus.ATTENDED, "Attended"), (BookingStatus.NO_SHOW, "No-show")]
TEAM_ROWS = 8
TEAM_MAX_ROWS = 50


class _CrispyForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class SessionFilterForm(forms.Form):
    """The list's filters, read from the query string; a value that makes no sense is ignored (and shown)."""

    when = forms.ChoiceField(label="Coming or past", choices=WHEN_CHOICES, required=False)
    course = forms.ChoiceField(required=False)
    status = forms.ChoiceField(choices=[("", "Any status"), *SessionStatus.choices], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [("", "Every course"), *Course.objects.values_list("pk", "title")]

    def values(self):
        self.is_valid()
        data = self.cleaned_data
        return {
            "when": data.get("when") or COMING,
            "course_id": data.get("course") or None,
            "status": data.get("status") or None,
        }


class RegisterForm(forms.Form):
    """One radio group per delegate on the register (a fieldset whose legend is their name)."""

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = bookings
        for booking in bookings:
            initial = booking.status if booking.status in dict(MARK_CHOICES) else None
            self.fields[f"booking_{booking.pk}"] = forms.ChoiceField(
                label=booking.delegate.name,
                choices=MARK_CHOICES,
                widget=forms.RadioSelect,
                initial=initial,
                required=False,  # an unmarked delegate is the service's to refuse, with every other at once
            )

    def marks(self):
        return {booking.pk: self.cleaned_data.get(f"booking_{booking.pk}") or None for booking in self.bookings}

    def rows(self):
        return [(booking, self[f"booking_{booking.pk}"]) for booking in self.bookings]


class MoveBookingForm(_CrispyForm):
    to_session = forms.ModelChoiceField(
        label="Move to", queryset=CourseSession.objects.none(), empty_label="Choose a session of the same course"
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["to_session"]
        field.queryset = CourseSession.objects.filter(pk__in=[session.pk for session in sessions])
        field.label_from_instance = lambda session: next(
            f"{s.starts_at:%A %-d %B %Y, %H:%M}: {s.places_left} place{'s' if s.places_left != 1 else ''} left"
            for s in sessions
            if s.pk == session.pk
        )


class CancelSessionForm(_CrispyForm):
    reason = forms.CharField(
        label="Why is the session cancelled?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,  # the service says why it is needed
        help_text="Every delegate booked or waiting is e-mailed this reason.",
    )


class TeamBookingForm(_CrispyForm):
    administrator_email = forms.EmailField(
        label="Your work e-mail address",
        required=False,
        help_text="We send you a summary of the bookings, with the link to manage each.",
    )
    agency = forms.ModelChoiceField(
        label="Your team's agency",
        queryset=Agency.objects.filter(active=True).order_by("name"),
        required=False,
        empty_label="Our organisation is not listed",
    )
    organisation = forms.CharField(
        label="Your organisation, if not listed",
        max_length=200,
        required=False,
        help_text="For example the name of your school, nursery or charity.",
    )
    sector = forms.ChoiceField(
        label="The sector your team works in", choices=[("", "Choose the sector"), *Sector.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["administrator_email"].widget.attrs["autocomplete"] = "email"


class StaffRowForm(forms.Form):
    name = forms.CharField(label="Full name", max_length=200, required=False)
    email = forms.CharField(label="Work e-mail", max_length=254, required=False)
    job_role = forms.CharField(label="Job role", max_length=200, required=False)
    line_manager_email = forms.CharField(label="Line manager's e-mail", max_length=254, required=False)

    def is_blank(self):
        return not any((self.cleaned_data.get(name) or "").strip() for name in self.fields)


StaffFormSet = forms.formset_factory(StaffRowForm, extra=0, max_num=TEAM_MAX_ROWS, absolute_max=TEAM_MAX_ROWS)


class AttendanceImportForm(_CrispyForm):
    file = forms.FileField(
        label="The file",
        help_text="A CSV file (UTF-8) or an Excel workbook (.xlsx).",
        validators=[validate_import_file],
    )
    file_format = forms.ChoiceField(
        label="Its format",
        choices=[(key, key.upper()) for key in FORMATS],
        widget=forms.RadioSelect,
        initial="csv",
    )


class SessionForm(_CrispyForm):
    """A session's details, for the organisers. The day and the times are asked separately (a session is mostly
    within one day); the service checks the rules (an end after the start, a venue or online, enough places for
    those booked) and its messages go under these boxes."""

    course = forms.ModelChoiceField(label="Course", queryset=Course.objects.order_by("title"))
    date = date_field(label="Date")
    starts = forms.TimeField(label="Starts at", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends = forms.TimeField(label="Ends at", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end_date = date_field(
        label="Ends on, if not the same day", required=False, help_text="For a course over two days, the last day."
    )
    online = forms.BooleanField(label="Online", required=False)
    venue = forms.CharField(
        label="Venue", max_length=300, required=False, help_text="The address, for a session in person."
    )
    joining_instructions = forms.CharField(
        label="Joining instructions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Sent to booked delegates: the meeting link for an online session, or directions and parking.",
    )
    trainers = forms.CharField(label="Trainers", max_length=300, required=False)
    agencies = forms.ModelMultipleChoiceField(
        label="Co-delivering agencies",
        queryset=Agency.objects.filter(active=True).order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text="Hold Ctrl (Cmd on a Mac) to choose more than one.",
    )
    # At least one: the service says so, with every other problem at once.
    capacity = forms.IntegerField(label="Places", min_value=0, max_value=1000, help_text="In the room or online.")
    overbooking_allowance = forms.IntegerField(
        label="Overbooking allowance",
        min_value=0,
        max_value=1000,
        initial=0,
        help_text="Places booked beyond the capacity, because some delegates drop out.",
    )
    booking_closes_working_days = forms.IntegerField(
        label="Booking closes this many working days before",
        min_value=0,
        max_value=60,
        initial=DEFAULT_BOOKING_CLOSES_WORKING_DAYS,
    )
    cancellation_deadline = date_field(
        label="Cancel by",
        required=False,
        help_text="Delegates who cancel after this day (or do not come) may be charged.",
    )

    # The service's field names that are not the form's.
    SERVICE_FIELDS = {"starts_at": "starts", "ends_at": "ends", "booking_closes_on": "booking_closes_working_days"}

    def __init__(self, *args, session=None, **kwargs):
        if session is not None and "initial" not in kwargs:
            starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
            kwargs["initial"] = {
                "course": session.course_id,
                "date": starts.date(),
                "starts": starts.time(),
                "ends": ends.time(),
                "end_date": ends.date() if ends.date() != starts.date() else None,
                "online": session.online,
                "venue": session.venue,
                "joining_instructions": session.joining_instructions,
                "trainers": session.trainers,
                "agencies": list(session.agencies.values_list("pk", flat=True)),
                "capacity": session.capacity,
                "overbooking_allowance": session.overbooking_allowance,
                "booking_closes_working_days": session.booking_closes_working_days,
                "cancellation_deadline": session.cancellation_deadline,
            }
        super().__init__(*args, **kwargs)

    def service_arguments(self):
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        starts_at = timezone.make_aware(datetime.combine(data["date"], data["starts"]), zone)
        ends_at = timezone.make_aware(datetime.combine(data.get("end_date") or data["date"], data["ends"]), zone)
        return {
            "course": data["course"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            **{
                name: data.get(name)
                for name in (
                    "venue",
                    "online",
                    "joining_instructions",
                    "trainers",
                    "agencies",
                    "capacity",
                    "overbooking_allowance",
                    "booking_closes_working_days",
                    "cancellation_deadline",
                )
            },
        }
