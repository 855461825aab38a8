"""Factories for the quality assurance records (the registry's are in partnership/tests/factories.py)."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from partnership.tests.factories import AgencyFactory, LocalAuthorityFactory


class MultiAgencyAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.MultiAgencyAudit"

    theme = factory.Sequence(lambda n: f"Theme {n}")
    kind = "new"
    planned_on = date(2022, 9, 1)
    held_on = date(2022, 9, 20)


class AuditParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.AuditParticipation"

    audit = factory.SubFactory(MultiAgencyAuditFactory)
    agency = factory.SubFactory(AgencyFactory)
    cases_audited = 3


class CaseJudgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.CaseJudgement"

    audit = factory.SubFactory(MultiAgencyAuditFactory)
    agency = factory.SubFactory(AgencyFactory)
    case_reference = factory.Sequence(lambda n: f"CASE-{n:04d}")
    grade = "good"


class AuditRecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.AuditRecommendation"

    audit = factory.SubFactory(MultiAgencyAuditFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Agencies record the child's voice in every assessment."


class SingleAgencyAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.SingleAgencyAudit"

    agency = factory.SubFactory(AgencyFactory)
    topic = factory.Sequence(lambda n: f"Topic {n}")
    method = "case_audit"
    date = date(2022, 11, 1)


class StandardSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.StandardSet"

    name = factory.Sequence(lambda n: f"Section 11 audit tool {n}")
    kind = "s11"
    version = "2016"
    in_use_since = date(2016, 4, 1)


class StandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.Standard"

    standard_set = factory.SubFactory(StandardSetFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Standard title {n}")
    guidance = "What an agency that meets it can show."


class CycleFactory(factory.django.DjangoModelFactory):
    """Open today by default."""

    class Meta:
        model = "audits.Cycle"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Section 11 cycle {n}")
    standard_set = factory.SubFactory(StandardSetFactory)
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.agencies.set(extracted)


class ReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.Return"

    agency = factory.SubFactory(AgencyFactory)
    cycle = factory.SubFactory(CycleFactory)
    status = "in_progress"


class StandardResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.StandardResponse"

    agency_return = factory.SubFactory(ReturnFactory)
    standard = factory.SubFactory(StandardFactory)
    rating = "fully_met"
    evidence = "Policy reviewed in 2022; training figures attached."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.Indicator"

    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "count"
    source = "Children's Services"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.Observation"

    indicator = factory.SubFactory(IndicatorFactory)
    borough = factory.SubFactory(LocalAuthorityFactory)
    period_kind = "date"
    period_start = date(2023, 3, 31)
    period_end = factory.SelfAttribute("period_start")
    value = Decimal("100")
    source = factory.SelfAttribute("indicator.source")


def make_cycle(*agencies, standards=3, **kwargs):
    """An open cycle with `standards` numbered standards (1, 2, 3 …) and the agencies in scope."""
    standard_set = kwargs.pop("standard_set", None) or StandardSetFactory()
    for number in range(1, standards + 1):
        StandardFactory(standard_set=standard_set, number=number, title=f"Standard title {number}")
    return CycleFactory(standard_set=standard_set, agencies=list(agencies), **kwargs)
