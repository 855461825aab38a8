from datetime import date, datetime, time, timedelta
from decimal import Decimal

import factory
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.models import (
    Agency,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    LocalAuthority,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Person,
    Sector,
)


def aware(day, hour=10):
    return datetime.combine(day, time(hour, 0), tzinfo=timezone.get_current_timezone())


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Borough {n}")
    code = factory.Sequence(lambda n: f"B{n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    sector = Sector.NHS_TRUST


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Safeguarding lead"
    agency = factory.SubFactory(AgencyFactory)
    email = factory.Sequence(lambda n: f"person{n}@agency.example.org")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Subgroup {n}")
    kind = BodyKind.SUBGROUP
    meeting_frequency = "quarterly"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    role = MembershipRole.MEMBER
    agency = factory.SelfAttribute("person.agency")
    start = date(2020, 4, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: aware(date(2022, 6, 15)))
    status = MeetingStatus.HELD


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    membership = factory.SubFactory(MembershipFactory, body=factory.SelfAttribute("..meeting.body"))
    status = AttendanceStatus.PRESENT


# Governance records.


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnership.Priority"

    first_year = factory.LazyFunction(lambda: FinancialYear(2022))
    last_year = factory.SelfAttribute("first_year")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority {n}")


class PriorityActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnership.PriorityActivity"

    priority = factory.SubFactory(PriorityFactory)
    activity = factory.Sequence(lambda n: f"Activity {n}")
    purpose = "Why it is done."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnership.Action"

    title = factory.Sequence(lambda n: f"Action {n}")
    owner_agency = factory.SubFactory(AgencyFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    source_type = factory.LazyFunction(
        lambda: ContentType.objects.get(app_label="partnership", model="priorityactivity")
    )
    source_id = factory.LazyFunction(lambda: PriorityActivityFactory().pk)


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnership.Contribution"

    year = factory.LazyFunction(lambda: FinancialYear(2022))
    borough = factory.SubFactory(LocalAuthorityFactory)
    agency = factory.SubFactory(AgencyFactory)
    amount = Decimal("1000.00")


class ExpenditureLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnership.ExpenditureLine"

    year = factory.LazyFunction(lambda: FinancialYear(2022))
    borough = factory.SubFactory(LocalAuthorityFactory)
    category = "staffing"
    amount = Decimal("1000.00")


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnership.GlossaryTerm"

    term = factory.Sequence(lambda n: f"TERM{n}")
    expansion = "Something spelt out"
