from datetime import date

import factory
from django.contrib.auth.models import User

from lscp.testing import aware
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
