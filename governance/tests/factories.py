"""Factories for the governance records (the registry's are in partnership/tests/factories.py)."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory, LocalAuthorityFactory


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.Priority"

    first_year = factory.LazyFunction(lambda: FinancialYear(2022))
    last_year = factory.SelfAttribute("first_year")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Priority {n}")


class PriorityActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.PriorityActivity"

    priority = factory.SubFactory(PriorityFactory)
    activity = factory.Sequence(lambda n: f"Activity {n}")
    purpose = "Why it is done."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.Action"

    title = factory.Sequence(lambda n: f"Action {n}")
    owner_agency = factory.SubFactory(AgencyFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    source_type = factory.LazyFunction(
        lambda: ContentType.objects.get(app_label="governance", model="priorityactivity")
    )
    source_id = factory.LazyFunction(lambda: PriorityActivityFactory().pk)


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.Contribution"

    year = factory.LazyFunction(lambda: FinancialYear(2022))
    borough = factory.SubFactory(LocalAuthorityFactory)
    agency = factory.SubFactory(AgencyFactory)
    amount = Decimal("1000.00")


class ExpenditureLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.ExpenditureLine"

    year = factory.LazyFunction(lambda: FinancialYear(2022))
    borough = factory.SubFactory(LocalAuthorityFactory)
    category = "staffing"
    amount = Decimal("1000.00")


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.GlossaryTerm"

    term = factory.Sequence(lambda n: f"TERM{n}")
    expansion = "Something spelt out"
