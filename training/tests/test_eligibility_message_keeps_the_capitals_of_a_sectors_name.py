"""The refusal names the practitioner's sector as written: "open to NHS trust staff", never "nhs trust" or
"cafcass"; an ordinary label still reads in lower case inside the sentence."""

import pytest
from django.core.exceptions import ValidationError

from lscp.wording import in_a_sentence
from partnership.models import Sector
from training.services.bookings import book_place
from training.tests.factories import CourseFactory, CourseSessionFactory, EligibleSectorFactory, place_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_only_session():
    course = CourseFactory(title="Policing and child exploitation")
    EligibleSectorFactory(course=course, sector=Sector.POLICE)
    return CourseSessionFactory(course=course)


@pytest.mark.parametrize(
    "sector, words",
    [
        (Sector.NHS_TRUST, "open to NHS trust staff"),
        (Sector.CAFCASS, "open to CAFCASS staff"),
        (Sector.LA_CHILDREN, "open to local authority children's services staff"),
    ],
)
def test_the_refusal_keeps_the_capitals_of_the_sectors_name(police_only_session, sector, words):
    with pytest.raises(ValidationError) as refused:
        book_place(session=police_only_session, **place_details(sector=sector))
    assert words in refused.value.message_dict["sector"][0]


def test_a_label_reads_inside_a_sentence():
    assert in_a_sentence("Health commissioner (ICB/CCG)") == "health commissioner (ICB/CCG)"
    assert in_a_sentence("NHS trust") == "NHS trust"
    assert in_a_sentence("") == ""
