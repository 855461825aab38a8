"""Model fields every app shares."""

from django.core.validators import MaxLengthValidator
from django.db import models

# Long enough for any note, update or account a person writes in a form; a chapter or a statement sets more.
TEXT_LIMIT = 10_000


class LimitedTextField(models.TextField):
    """Free text with a maximum, enforced wherever the record is checked (forms, imports, services'
    `full_clean()`), not only by the browser: a 100,000-character progress update is refused with a message."""

    def __init__(self, *args, max_length=TEXT_LIMIT, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(self.max_length))
