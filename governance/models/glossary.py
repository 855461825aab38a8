"""The glossary of the acronyms the annual report uses."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from lscp.fields import LimitedTextField

__all__ = ["GlossaryTerm", "GLOSSARY_TERM_TAKEN"]

GLOSSARY_TERM_TAKEN = "“%(term)s” is already in the glossary as “%(existing)s”."


class GlossaryTerm(models.Model):
    term = models.CharField(max_length=100, help_text="As written in the report: MASH, LADO, Adultification …")
    expansion = models.CharField(max_length=300, blank=True, help_text="What the letters stand for.")
    definition = LimitedTextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = [Lower("term")]
        constraints = [models.UniqueConstraint(Lower("term"), name="glossary_term_unique_ci")]

    def __str__(self):
        return self.term

    def clean(self):
        self.term = (self.term or "").strip()
        if self.term:
            clash = GlossaryTerm.objects.filter(term__iexact=self.term).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError(
                    {"term": ValidationError(GLOSSARY_TERM_TAKEN % {"term": self.term, "existing": clash.term})}
                )
