"""The audit trail's filters, read from the query string: a value that makes no sense is ignored, and the page
says so, as on the project's other lists."""

from datetime import datetime, time, timedelta

from django import forms
from django.apps import apps
from django.utils import timezone
from django.utils.text import capfirst

from lscp.dates import date_field

from . import event_choices
from .sources import Filters, sources

ENDS_BEFORE_STARTS = "The “to” date is before the “from” date."


def record_kind_choices():
    """The kinds of record in the trail, grouped by the part of the product they belong to, each part's in
    alphabetical order."""
    kinds = set().union(*(each.record_kinds for each in sources()))
    groups = {}
    for label in kinds:
        model = apps.get_model(label)
        config = model._meta.app_config
        groups.setdefault(str(config.verbose_name), []).append((label, capfirst(model._meta.verbose_name)))
    return [
        ("", "Any kind of record"),
        *((group, sorted(choices, key=lambda choice: str(choice[1]))) for group, choices in sorted(groups.items())),
    ]


class AuditTrailFilterForm(forms.Form):
    person = forms.CharField(
        label="Person", required=False, max_length=150, help_text="Part of their name, user name or e-mail address."
    )
    event = forms.ChoiceField(label="What happened", required=False)
    record_kind = forms.ChoiceField(label="Kind of record", required=False)
    record = forms.CharField(
        label="Record", required=False, max_length=100, help_text="Part of its name, or its number."
    )
    starts = date_field(past=True, label="From", required=False)
    ends = date_field(past=True, label="To", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [("", "Anything"), *event_choices()]
        self.fields["record_kind"].choices = record_kind_choices()
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", ENDS_BEFORE_STARTS)
        return data

    @property
    def narrowed(self):
        """Whether any filter is in use."""
        return any(self.data.get(name) for name in self.fields)

    def filters(self):
        """The `Filters` of the valid fields; an invalid one narrows nothing."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        starts, ends = data.get("starts"), data.get("ends")
        return Filters(
            person=(data.get("person") or "").strip(),
            event=data.get("event") or "",
            record_kind=data.get("record_kind") or "",
            record=(data.get("record") or "").strip(),
            starts=_start_of(starts) if starts else None,
            ends=_start_of(ends + timedelta(days=1)) if ends else None,
        )


def _start_of(day):
    """Midnight at the start of `day` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))
