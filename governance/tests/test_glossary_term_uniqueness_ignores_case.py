import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from governance.models import GlossaryTerm
from governance.tests.factories import GlossaryTermFactory


@pytest.mark.django_db
def test_a_term_cannot_be_added_twice_in_another_case():
    GlossaryTermFactory(term="MASH", expansion="Multi-Agency Safeguarding Hub")
    twin = GlossaryTerm(term="Mash ", expansion="Multi-agency safeguarding hub")
    with pytest.raises(ValidationError) as caught:
        twin.full_clean()
    assert "“Mash” is already in the glossary as “MASH”" in str(caught.value.message_dict["term"])


@pytest.mark.django_db
def test_the_database_refuses_a_case_variant_too():
    GlossaryTermFactory(term="LADO")
    with pytest.raises(IntegrityError):
        GlossaryTermFactory(term="lado")


@pytest.mark.django_db
def test_a_term_can_be_saved_again_and_the_glossary_reads_alphabetically():
    lado = GlossaryTermFactory(term="LADO")
    lado.full_clean()
    GlossaryTermFactory(term="adultification")
    GlossaryTermFactory(term="CAMHS")
    assert [t.term for t in GlossaryTerm.objects.all()] == ["adultification", "CAMHS", "LADO"]
