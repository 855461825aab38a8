"""The partners' Section 11 / 175 return form and the scrutineers' form. The rules (what a submission needs, who
may do what) are in audits/services/section11.py; its errors are put on these forms, never re-checked here."""

from django import forms

from lscp.dates import date_field
from lscp.fields import TEXT_LIMIT

from ..models import Rating, ScrutinyOutcome
from ..services.section11 import Answer


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked (type, size, contents) by the model when it is saved."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(upload, initial) for upload in uploads if upload]


class StandardRow:
    """One standard of the form: the response and its bound fields, for the template."""

    def __init__(self, form, response):
        self.response = response
        self.standard = response.standard
        pk = response.standard_id
        self.rating = form[f"rating_{pk}"]
        self.evidence = form[f"evidence_{pk}"]
        self.files = form[f"files_{pk}"]
        self.remove = form[f"remove_{pk}"] if f"remove_{pk}" in form.fields else None
        self.existing_files = list(response.files.all())

    @property
    def errors(self):
        return [*self.rating.errors, *self.evidence.errors, *self.files.errors]


class ReturnForm(forms.Form):
    """Every standard of the return: a rating, the evidence in words, files to add, and files to remove."""

    def __init__(self, *args, responses, **kwargs):
        super().__init__(*args, **kwargs)
        self.responses = list(responses)
        for response in self.responses:
            pk = response.standard_id
            number = response.standard.number
            self.fields[f"rating_{pk}"] = forms.ChoiceField(
                label=f"Standard {number}: your rating",
                choices=Rating.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=response.rating,
            )
            self.fields[f"evidence_{pk}"] = forms.CharField(
                label=f"Standard {number}: evidence",
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                max_length=TEXT_LIMIT,
                initial=response.evidence,
                help_text="What shows the rating is right. Not needed for “not applicable”.",
            )
            self.fields[f"files_{pk}"] = MultipleFileField(
                label=f"Standard {number}: add evidence files",
                required=False,
                help_text="PDF, Word or Excel, up to 20 MB each. You can choose several.",
            )
            files = list(response.files.all())
            if files:
                self.fields[f"remove_{pk}"] = forms.MultipleChoiceField(
                    label=f"Standard {number}: files to remove",
                    choices=[(str(f.pk), f.filename) for f in files],
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                )

    @property
    def rows(self):
        return [StandardRow(self, response) for response in self.responses]

    def answers(self):
        """{standard pk: Answer} from the cleaned data, for `save_return_draft`."""
        found = {}
        for response in self.responses:
            pk = response.standard_id
            found[pk] = Answer(
                rating=self.cleaned_data.get(f"rating_{pk}", ""),
                evidence=self.cleaned_data.get(f"evidence_{pk}", ""),
                new_files=self.cleaned_data.get(f"files_{pk}") or [],
                remove_file_ids=[int(value) for value in self.cleaned_data.get(f"remove_{pk}", [])],
            )
        return found

    @staticmethod
    def field_names(responses):
        """The service's error keys ("rating:<pk>") mapped to this form's fields ("rating_<pk>")."""
        names = {}
        for response in responses:
            pk = response.standard_id
            for part in ("rating", "evidence", "files"):
                names[f"{part}:{pk}"] = f"{part}_{pk}"
        return names


class ScrutinyForm(forms.Form):
    KEEP_UNDER_SCRUTINY = ""
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[(KEEP_UNDER_SCRUTINY, "No decision yet: keep it under scrutiny"), *ScrutinyOutcome.choices],
        widget=forms.RadioSelect,
        required=False,
        initial=KEEP_UNDER_SCRUTINY,
    )
    comments = forms.CharField(
        label="Comments",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=TEXT_LIMIT,
        help_text="The agency sees these. Say what more evidence is needed when you return it.",
    )
    challenge_session_on = date_field(
        label="Challenge session date",
        required=False,
        help_text="When the agency was (or will be) asked to present its return, if it was.",
    )
