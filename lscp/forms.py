"""What the project's forms share."""

from django.core.exceptions import NON_FIELD_ERRORS


def add_service_errors(form, error, *, fields=None, others_on_form=True):
    """Puts a service's `ValidationError` on the form that sent the data, so the page shows each problem where
    it belongs and keeps what was typed.

    A message about a field the form has goes under that field (the page links to it). `fields` maps the
    service's field names to the form's where they differ (`{"manager_comments": "comments"}`); without it,
    each of the form's own fields takes the messages under its name. The other messages (about the whole
    record, or about a field the form does not show) go above the form; with `others_on_form=False` they are
    left off the form and returned, for a page that lists them in its own summary. Returns the messages not
    put on the form.
    """
    fields = {name: name for name in form.fields} if fields is None else fields
    others = []
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            if name != NON_FIELD_ERRORS and name in fields:
                form.add_error(fields[name], messages)
            else:
                others.extend(messages)
    else:
        others.extend(error.messages)
    if others and others_on_form:
        form.add_error(None, others)
        return []
    return others
