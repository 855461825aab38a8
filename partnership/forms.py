"""The chairs' forms: a body's details, and a meeting with its whole register."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from .models import AttendanceStatus, Body, Meeting, MeetingKind

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
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), help_text="The day of the meeting.")
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
        if status == AttendanceStatus.DEPUTY and not (cleaned.get("deputy_name") or "").strip():
            self.add_error("deputy_name", f"Give the name of the deputy who attended for {who}.")
        if status != AttendanceStatus.DEPUTY and (
            (cleaned.get("deputy_name") or "").strip() or cleaned.get("deputy_agency")
        ):
            self.add_error("deputy_name", "A deputy's name and agency only go with “Represented by a deputy”.")
        return cleaned


class BaseRegisterFormSet(forms.BaseFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            membership = form.cleaned_data.get("membership") if hasattr(form, "cleaned_data") else None
            if membership is None:
                continue
            if membership.pk in seen:
                raise forms.ValidationError(f"{membership.person} appears twice in the register.")
            seen.add(membership.pk)


RegisterFormSet = forms.formset_factory(RegisterLineForm, formset=BaseRegisterFormSet, extra=0)
