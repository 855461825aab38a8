"""The chairs' forms: a body's details, and a meeting with its whole register."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from lscp.dates import date_field

from .models import ATTENDANCE_DEPUTY_NEEDS_NAME, AttendanceStatus, Body, Meeting, MeetingKind

REGISTER_STATUS_CHOICES = [("", "— choose —")] + [
    (value, label) for value, label in AttendanceStatus.choices if value != AttendanceStatus.NOT_RECORDED
]


class BodyDetailsForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["purpose", "terms_of_reference", "terms_of_reference_file", "meeting_frequency"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class MeetingForm(forms.ModelForm):
    date = date_field(help_text="The day of the meeting.")
    time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}), initial="10:00")

    class Meta:
        model = Meeting
        fields = ["date", "time", "kind", "joint_with", "status", "theme", "location", "online", "papers", "minutes"]

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.instance.body = body
        self.fields["joint_with"].queryset = Body.objects.exclude(pk=body.pk)
        if self.instance.pk:
            local = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("date", local.date())
            self.initial.setdefault("time", local.time().replace(second=0, microsecond=0))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("date"), cleaned.get("time")
        if day and at:
            self.instance.starts_at = timezone.make_aware(
                timezone.datetime.combine(day, at), timezone.get_current_timezone()
            )
        if cleaned.get("kind") != MeetingKind.JOINT:
            cleaned["joint_with"] = None
            self.instance.joint_with = None
        return cleaned


class RegisterLineForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=REGISTER_STATUS_CHOICES, required=False)
    deputy_name = forms.CharField(max_length=200, required=False)
    deputy_agency = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, agency_choices, membership_lookup, require_status, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices are built once for the whole register, so a long register costs no extra queries.
        self.fields["deputy_agency"].choices = agency_choices
        self.membership_lookup = membership_lookup
        self.require_status = require_status

    @property
    def membership_obj(self):
        value = self["membership"].value()
        try:
            return self.membership_lookup.get(int(value))
        except (TypeError, ValueError):
            return None

    def clean_membership(self):
        value = self.cleaned_data["membership"]
        if value not in self.membership_lookup:
            raise forms.ValidationError("This person is not a member of the body on the meeting date.")
        return self.membership_lookup[value]

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        membership = cleaned.get("membership")
        who = membership.person if membership else "this member"
        if not status:
            if self.require_status:
                self.add_error("status", f"Choose how {who} attended.")
            cleaned["status"] = AttendanceStatus.NOT_RECORDED
        if status == AttendanceStatus.DEPUTY:
            if not (cleaned.get("deputy_name") or "").strip():
                self.add_error("deputy_name", ATTENDANCE_DEPUTY_NEEDS_NAME % {"person": who})
        else:
            # The deputy's fields are shown only on a "represented" line; whatever was left in them when the
            # line was changed to something else is not part of the register.
            cleaned["deputy_name"] = ""
            cleaned["deputy_agency"] = None
        return cleaned


REGISTER_INCOMPLETE = (
    "The register of a held meeting needs a line for every member on the meeting date, and these had none: "
    "%(names)s. They are now in the register below: record how each attended, then save again."
)


class BaseRegisterFormSet(forms.BaseFormSet):
    """The whole register of one meeting: one line per member of the body on the meeting date."""

    def __init__(self, *args, require_complete=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.require_complete = require_complete
        self.missing = []

    def clean(self):
        seen = set()
        for form in self.forms:
            membership = form.cleaned_data.get("membership") if hasattr(form, "cleaned_data") else None
            if membership is None:
                continue
            if membership.pk in seen:
                raise forms.ValidationError(f"{membership.person} appears twice in the register.")
            seen.add(membership.pk)
        if self.require_complete:
            lookup = self.form_kwargs["membership_lookup"]
            self.missing = [membership for pk, membership in lookup.items() if pk not in seen]
            if self.missing:
                names = ", ".join(str(membership.person) for membership in self.missing)
                raise forms.ValidationError(REGISTER_INCOMPLETE % {"names": names}, code="incomplete")


def register_formset(*, size):
    """The register's formset class for a body with `size` members on the meeting date. A posted form count
    above that is refused before any line is built, whatever TOTAL_FORMS says."""
    return forms.formset_factory(
        RegisterLineForm,
        formset=BaseRegisterFormSet,
        extra=0,
        max_num=size,
        absolute_max=size,
        validate_max=True,
    )
