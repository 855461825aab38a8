from crispy_forms.helper import FormHelper
from django import forms

from lscp.dates import date_field, long_date
from lscp.financial_year import FinancialYearFormField

from .models import NarrativeSection


class CreateReportForm(forms.Form):
    year = FinancialYearFormField(label="Financial year")
    title = forms.CharField(max_length=200, required=False, help_text="Leave empty for “Annual report 2022/23”.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{meeting.body} on {long_date(meeting.date)}{f' ({meeting.theme})' if meeting.theme else ''}"


class ApproveReportForm(forms.Form):
    """Which meeting agreed the report: its date is the approval date printed on the cover."""

    meeting = MeetingChoiceField(
        queryset=None,
        label="The meeting that approved the report",
        empty_label="Choose the meeting",
        help_text="A meeting of the Partnership or the Executive held since the year began. The cover will say "
        "the report was approved by that body on that meeting's date.",
        error_messages={
            "required": "Choose the meeting that approved the report.",
            "invalid_choice": ("Choose one of the meetings listed: that meeting cannot approve this report."),
        },
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.helper = FormHelper()
        self.helper.form_tag = False


class NarrativeForm(forms.ModelForm):
    # The chapter's version when the form was opened: a save over someone else's later save is refused.
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = NarrativeSection
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 18, "class": "font-monospace"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on_version"].initial = self.instance.version
        self.helper = FormHelper()
        self.helper.form_tag = False


class RecordDutySentForm(forms.Form):
    """The report sent to a recipient another way than by e-mail from the product: how, and on what day."""

    how_described = forms.CharField(
        label="How it was sent",
        max_length=500,
        help_text="By post, by hand at the board's meeting, through its portal, from your own mailbox …",
        error_messages={"required": "Say how the report was sent."},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    sent_on = date_field(past=True, label="Sent on", help_text="The day it was sent.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class AssignContributionForm(forms.Form):
    """On the contributions board, one per chapter: who writes it (by name, or its body's chairs) and by when. The
    people are given as a list made once for the whole board, so a board of many chapters costs one query for them."""

    assigned_to = forms.TypedChoiceField(
        label="Contributor",
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose one of the people listed: that person cannot write chapters."},
    )
    due_on = date_field(label="Due", required=False)

    def __init__(self, *args, people, empty_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].choices = [("", empty_label)] + [
            (user.pk, user.get_full_name() or user.username) for user in people
        ]
        self.people = {user.pk: user for user in people}
        self.fields["assigned_to"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["due_on"].widget.attrs["class"] = "form-control form-control-sm"

    @property
    def person(self):
        return self.people.get(self.cleaned_data.get("assigned_to"))
