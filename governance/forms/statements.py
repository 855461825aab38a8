"""The partners' statement form with its inspections, and the business manager's decision on it."""

from crispy_forms.helper import FormHelper
from django import forms

from lscp.dates import DateInput, record_date
from partnership.models import LocalAuthority

from ..models import STATEMENT_RETURN_NEEDS_COMMENTS, AgencyStatement, Inspection, Judgement

# A partner adds inspections a row at a time; this many rows is more than any agency has had in a year.
MAX_INSPECTIONS = 20

NOT_GRADED = "Not graded (for example a focused visit)"


class StatementForm(forms.ModelForm):
    class Meta:
        model = AgencyStatement
        fields = ["text"]
        labels = {"text": "Our statement"}
        help_texts = {
            "text": (
                "Your agency's safeguarding work this year, its challenges and what changed for children. "
                "Markdown: a blank line between paragraphs, ## Heading, *emphasis*, - lists. Never name a child."
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 18})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class InspectionForm(forms.ModelForm):
    class Meta:
        model = Inspection
        fields = ["inspectorate", "kind", "name", "date", "judgement", "borough", "findings", "recommendations"]
        widgets = {
            "date": DateInput(past=True),
            "findings": forms.Textarea(attrs={"rows": 3}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, borough_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["judgement"].choices = [("", NOT_GRADED)] + list(Judgement.choices)
        if borough_choices is not None:
            # Built once for the whole formset, so ten inspections cost no more queries than one.
            self.fields["borough"].choices = borough_choices


class InspectionsOfAStatement(forms.BaseInlineFormSet):
    """Each inspection checks its date against its statement's year (`Inspection.clean`), so each form is given the
    statement itself: ten inspections cost no query each to find it, and a statement being added is checked too."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.statement = self.instance
        return form


class BaseInspectionFormSet(InspectionsOfAStatement):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form_kwargs.setdefault("borough_choices", borough_choices())

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this inspection"

    def kept_inspections(self):
        """The inspections the statement should have once saved: every filled-in row not marked for removal."""
        kept, deleted = [], set(map(id, self.deleted_forms))
        for form in self.forms:
            if id(form) in deleted:
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            kept.append(form.instance)
        return kept


def borough_choices():
    # Boroughs that have since left the partnership stay listed: older statements name them.
    return [("", "Not one borough (the whole area, or outside it)")] + list(
        LocalAuthority.objects.values_list("pk", "name")
    )


InspectionFormSet = forms.inlineformset_factory(
    AgencyStatement,
    Inspection,
    form=InspectionForm,
    formset=BaseInspectionFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_INSPECTIONS,
    validate_max=True,
    # A tampered form count builds no more rows than a partner could have asked for.
    absolute_max=MAX_INSPECTIONS,
)


class DecisionForm(forms.Form):
    ACCEPT, RETURN = "accept", "return"

    decision = forms.ChoiceField(choices=[(ACCEPT, "Accept"), (RETURN, "Return with comments")])
    comments = forms.CharField(
        label="Comments to the agency",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Required when you return the statement: say what needs changing. Sent to the partner by e-mail.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.RETURN and not (cleaned.get("comments") or "").strip():
            self.add_error("comments", STATEMENT_RETURN_NEEDS_COMMENTS)
        return cleaned


class WriterChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class StatementRequestForm(forms.Form):
    """The business manager asks an agency for its statement: who writes it (one of its partner representatives, or
    all of them) and by when. The same fields as a row of the contributions board."""

    assigned_to = WriterChoiceField(
        label="Who writes it",
        queryset=None,
        required=False,
        empty_label="Its partner representatives",
        help_text="One of the agency's partner representatives, or all of them: reminders and chasing go to them.",
    )
    due_on = forms.DateField(
        label="Due", widget=DateInput(), validators=record_date(), help_text="When the statement is wanted."
    )

    def __init__(self, *args, agency, **kwargs):
        from django.contrib.auth import get_user_model

        from ..models import statement_writers

        super().__init__(*args, **kwargs)
        writers = statement_writers([agency.pk]).values("user_id")
        self.fields["assigned_to"].queryset = (
            get_user_model().objects.filter(pk__in=writers).order_by("first_name", "last_name", "username")
        )
