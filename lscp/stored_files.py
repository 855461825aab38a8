"""Stored files never have a public address. Django gives a stored file a URL under MEDIA_URL wherever it shows one
(the admin's "Currently: …" link, a read-only file field, a form's file box); MEDIA_URL is routed to
`lscp.views.StoredFileView`, which answers as the download page of the record holding the file: that page checks
who is asking.

A model with a file field says where its files are downloaded with `file_download_url(field_name)`, as it says
where it is shown with `get_absolute_url()`; `lscp/tests/test_every_stored_file_link_opens_its_download.py`
fails for a model that has a file field and does not.
"""

from django.apps import apps
from django.db import models


def models_with_files():
    """(model, the names of its file fields) for every installed model that stores files, change history copies
    excepted (simple_history's historical models copy the fields but are never downloaded from)."""
    for model in apps.get_models():
        if hasattr(model, "instance_type"):  # a change history copy (django-simple-history)
            continue
        names = [field.name for field in model._meta.concrete_fields if isinstance(field, models.FileField)]
        if names:
            yield model, names


def download_url_of(name):
    """The download page of the record holding the stored file `name`, or None when no record holds it."""
    for model, fields in models_with_files():
        for field in fields:
            record = model._default_manager.filter(**{field: name}).first()
            if record is not None:
                return record.file_download_url(field)
    return None
