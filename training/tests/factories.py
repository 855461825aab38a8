"""Factories for the training records (the registry's are in partnership/tests/factories.py)."""

from datetime import timedelta

import factory
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.models import Sector
from partnership.tests.factories import AgencyFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Course"

    title = factory.Sequence(lambda n: f"Safeguarding course {n}")
    level = 2
    category = "core"
    description = "What the course covers."
    duration = "Half day"


class LearningOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.LearningOutcome"

    course = factory.SubFactory(CourseFactory)
    text = factory.Sequence(lambda n: f"Recognise the signs of harm ({n})")
    order = factory.Sequence(lambda n: n)


class EligibleSectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.EligibleSector"

    course = factory.SubFactory(CourseFactory)
    sector = Sector.POLICE


class CourseSessionFactory(factory.django.DjangoModelFactory):
    """A session four weeks ahead, in person, 20 places and no overbooking."""

    class Meta:
        model = "training.CourseSession"

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=28))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    venue = "Kensington Town Hall, Hornton Street"
    trainers = "A. Trainer"
    capacity = 20
    overbooking_allowance = 0


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Delegate"

    name = factory.Sequence(lambda n: f"Delegate {n}")
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    agency = factory.SubFactory(AgencyFactory)
    sector = factory.SelfAttribute("agency.sector")
    job_role = "Social worker"
    line_manager_email = factory.Sequence(lambda n: f"manager{n}@example.org")


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Booking"

    session = factory.SubFactory(CourseSessionFactory)
    delegate = factory.SubFactory(DelegateFactory)
    status = "booked"


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Evaluation"

    booking = factory.SubFactory(BookingFactory, status="attended")
    stage = "after"
    practice_changed = None


class EvaluationScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.EvaluationScore"

    evaluation = factory.SubFactory(EvaluationFactory)
    outcome = factory.SubFactory(
        LearningOutcomeFactory, course=factory.SelfAttribute("..evaluation.booking.session.course")
    )
    score = 4


class TrainingIncomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.TrainingIncome"

    year = factory.LazyFunction(lambda: FinancialYear(2022))
    agency = factory.SubFactory(AgencyFactory)
    kind = "course_fees"
    amount = "150.00"


def place_details(**overrides):
    """What a practitioner types to book a place (the keyword arguments of `services.book_place` but the session):
    a school's designated safeguarding lead, whose school is not a listed agency."""
    details = {
        "name": "Sam Jones",
        "email": "sam.jones@school.example.org",
        "agency": None,
        "organisation": "St Mary's Primary School",
        "sector": Sector.EDUCATION,
        "job_role": "Designated safeguarding lead",
        "line_manager_email": "head@school.example.org",
    }
    details.update(overrides)
    return details
