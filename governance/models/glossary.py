"""The glossary of the abbreviations and terms of art the annual report uses. An entry explains its term: an
abbreviation says what it stands for, and any term may have a definition; an entry that only repeats its term
(Kooth: Kooth) explains nothing and is refused."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from lscp.fields import LimitedTextField

__all__ = ["GlossaryTerm", "GLOSSARY_TERM_TAKEN", "GLOSSARY_EXPANSION_REPEATS_TERM", "GLOSSARY_NEEDS_A_MEANING"]

GLOSSARY_TERM_TAKEN = "“%(term)s” is already in the glossary as “%(existing)s”."
GLOSSARY_EXPANSION_REPEATS_TERM = (
    "“Stands for” only repeats the term: leave it empty unless the term is an abbreviation, and say what it means "
    "under “Definition”."
)
GLOSSARY_NEEDS_A_MEANING = "Say what the term means: give what it stands for, a definition, or both."


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
        self.expansion = (self.expansion or "").strip()
        errors = {}
        if self.term:
            clash = GlossaryTerm.objects.filter(term__iexact=self.term).exclude(pk=self.pk).first()
            if clash:
                errors["term"] = GLOSSARY_TERM_TAKEN % {"term": self.term, "existing": clash.term}
            if self.expansion.casefold() == self.term.casefold():
                errors["expansion"] = GLOSSARY_EXPANSION_REPEATS_TERM
            elif not self.expansion and not (self.definition or "").strip():
                errors["definition"] = GLOSSARY_NEEDS_A_MEANING
        if errors:
            raise ValidationError(errors)

    @property
    def is_abbreviation(self):
        """MASH, DfE, CP-IS: matched in the report as written. Any other term (Adultification) is matched whatever
        its case, as it may start a sentence or not."""
        letters = [c for c in self.term if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        return capitals >= 2 and capitals > len(letters) - capitals
