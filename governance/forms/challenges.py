"""The challenge log's forms: the list's filters, logging a challenge, and recording how it went on.

The forms check what was typed (a date, a known choice, an agency on the list); the rules of a challenge
(not your own agency, no future dates, closed and settled together) are the model's, applied by the
service, whose errors the views put back on these fields.
"""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from lscp.dates import date_field
from partnership.models import Agency

from ..models import ChallengeResolution, ChallengeStage

OPEN, CLOSED, ANY = "", "closed", "any"
STATE_CHOICES = [(OPEN, "Open"), (CLOSED, "Closed"), (ANY, "Open or closed")]
STAGE_FILTER_CHOICES = [("", "Any stage")] + list(ChallengeStage.choices)
STILL_OPEN = "Not settled yet (the challenge is open)"


class _CrispyForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class ChallengeFilterForm(forms.Form):
    """The list's filters, read from the query string. A value that makes no sense is ignored (and shown
    as an error), never a reason for an error page."""

    state = forms.ChoiceField(label="Open or closed", choices=STATE_CHOICES, required=False)
    stage = forms.ChoiceField(choices=STAGE_FILTER_CHOICES, required=False)

    def filter(self, queryset):
        self.is_valid()
        values = self.cleaned_data  # only the fields that were valid
        state = values.get("state", OPEN)
        if state == OPEN:
            queryset = queryset.open()
        elif state == CLOSED:
            queryset = queryset.filter(closed_on__isnull=False)
        if values.get("stage"):
            queryset = queryset.filter(stage=values["stage"])
        return queryset


class LogChallengeForm(_CrispyForm):
    agency_challenged = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        empty_label="Choose the agency",
        help_text="The agency whose decision or practice your agency challenged.",
    )
    issue = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What was challenged and why. Describe the concern, never name a child or family.",
    )
    # Past dates only, in the records' range: the model says so too; saying it here puts it in the same summary as the
    # form's other errors.
    raised_on = date_field(
        past=True, label="Date raised", initial=timezone.localdate, help_text="The date the challenge was first raised."
    )
    stage = forms.ChoiceField(
        choices=ChallengeStage.choices,
        initial=ChallengeStage.BETWEEN_AGENCIES,
        help_text="How far it has gone so far. Change it later if the challenge is escalated.",
    )

    def __init__(self, *args, own_agency_id, **kwargs):
        super().__init__(*args, **kwargs)
        # Any current partner agency but the representative's own: an agency cannot challenge itself.
        self.fields["agency_challenged"].queryset = (
            Agency.objects.filter(active=True).exclude(pk=own_agency_id).order_by("name")
        )


class UpdateChallengeForm(_CrispyForm):
    stage = forms.ChoiceField(
        choices=ChallengeStage.choices,
        help_text="How far the challenge has gone: choose a higher stage to escalate it.",
    )
    outcome = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What was done in response, and what was agreed.",
    )
    impact = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What changed for children or practice because of it. Never name a child.",
    )
    closed_on = date_field(
        past=True, label="Closed on", required=False, help_text="Leave empty while the challenge is open."
    )
    resolution = forms.ChoiceField(
        label="Settled as",
        required=False,
        choices=[("", STILL_OPEN)] + list(ChallengeResolution.choices),
        help_text="How the challenge was settled. Give it with the date it closed.",
    )
