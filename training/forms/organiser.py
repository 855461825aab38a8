"""The organisers' forms, and the team administrator's. They check what was typed; the rules (a full session, an
unmarked delegate, a member of staff already booked) are the services', whose errors the views put back on these
forms with what was typed kept."""

from crispy_forms.helper import FormHelper
from django import forms

from lscp.spreadsheets import validate_import_file
from partnership.models import Agency, Sector

from ..models import BookingStatus, Course, CourseSession, SessionStatus
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
