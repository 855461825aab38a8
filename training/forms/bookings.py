"""The public booking form. It checks only what was typed (an e-mail address, a known sector); the booking rules
(who a course is for, the line manager's approval, a place already booked) are the service's, whose errors the
view puts back under these fields with `lscp.forms.add_service_errors`, keeping what was typed."""

from crispy_forms.helper import FormHelper
from django import forms

from partnership.models import Agency, Sector

AGENCY_NOT_LISTED = "My organisation is not listed"


class BookingForm(forms.Form):
    name = forms.CharField(label="Your full name", max_length=200)
    email = forms.EmailField(
        label="Your work e-mail address",
        help_text="We send your confirmation and the link to manage your booking here.",
    )
    agency = forms.ModelChoiceField(
        label="Your agency",
        queryset=Agency.objects.filter(active=True).order_by("name"),
        required=False,
        empty_label=AGENCY_NOT_LISTED,
    )
    organisation = forms.CharField(
        label="Your organisation, if not listed",
        max_length=200,
        required=False,
        help_text="For example the name of your school, nursery or charity.",
    )
    sector = forms.ChoiceField(label="The sector you work in", choices=[("", "Choose your sector"), *Sector.choices])
    job_role = forms.CharField(label="Your job role", max_length=200, required=False)
    line_manager_email = forms.EmailField(
        label="Your line manager's work e-mail address",
        required=False,
        help_text="Needed for courses that need your line manager's approval.",
    )
    booked_by_email = forms.EmailField(
        label="Your e-mail address, if you are booking for someone else",
        required=False,
        help_text="For example a team administrator: you get a copy of the confirmation.",
    )

    def __init__(self, *args, needs_approval=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        if needs_approval:
            # Checked by the service, so that its message comes with every other problem at once.
            field = self.fields["line_manager_email"]
            field.help_text = "This course needs your line manager's approval: we e-mail them a link."
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["job_role"].widget.attrs["autocomplete"] = "organization-title"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("decline", "Decline")])
