"""Two agencies cannot share a name that differs only in capitals ("Metropolitan Police" and "METROPOLITAN
POLICE"), whether added in the admin, by a service or by an import."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnership.models import Agency
from partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_the_check_names_the_agency_already_there():
    AgencyFactory(name="Metropolitan Police")
    with pytest.raises(ValidationError) as refused:
        Agency(name=" METROPOLITAN police ", sector="police").full_clean()
    assert refused.value.message_dict["name"] == [
        "There is already an agency called “Metropolitan Police”: names are the same whatever the capitals."
    ]


def test_the_database_refuses_it_too():
    AgencyFactory(name="Metropolitan Police")
    with pytest.raises(IntegrityError), transaction.atomic():
        Agency.objects.create(name="metropolitan police", sector="police")


def test_an_agency_keeps_its_own_name_when_changed():
    agency = AgencyFactory(name="Metropolitan Police")
    agency.name = "Metropolitan police"
    agency.full_clean()
    agency.save()
    assert Agency.objects.get().name == "Metropolitan police"
