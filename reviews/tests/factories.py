"""Factories for the case review records (the registry's are in partnership/tests/factories.py)."""

from datetime import date

import factory

from partnership.tests.factories import BodyFactory, LocalAuthorityFactory


class SeriousIncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.SeriousIncident"

    code_name = factory.Sequence(lambda n: f"Child {n}")
    occurred_on = date(2022, 9, 12)
    la_aware_on = factory.SelfAttribute("occurred_on")
    borough = factory.SubFactory(LocalAuthorityFactory)
    age_band = "10_15"
    kind = "serious_harm"


class RapidReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.RapidReview"

    incident = factory.SubFactory(SeriousIncidentFactory)
    started_on = factory.SelfAttribute("incident.la_aware_on")


class DecidedRapidReviewFactory(RapidReviewFactory):
    decision = "lcspr"
    rationale = "The case meets the criteria for a local child safeguarding practice review."
    decided_on = factory.SelfAttribute("started_on")
    decided_by = factory.SubFactory(BodyFactory)


class PracticeReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.PracticeReview"

    code_name = factory.Sequence(lambda n: f"Review {n}")
    kind = "lcspr"
    commissioned_on = date(2022, 6, 1)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.Recommendation"

    review = factory.SubFactory(PracticeReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "The partnership reviews its guidance."
    addressed_to = "partnership"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.Finding"

    review = factory.SubFactory(PracticeReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Professionals did not share what they knew."


class DisseminationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.Dissemination"

    practice_review = factory.SubFactory(PracticeReviewFactory)
    channel = "seven_minute_briefing"
    date = date(2023, 1, 16)
    audience = "Designated safeguarding leads in schools"


class NationalReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.NationalReview"

    title = factory.Sequence(lambda n: f"National review {n}")
    publisher = "Child Safeguarding Practice Review Panel"
    published_on = date(2022, 6, 1)
    considered_on = date(2022, 6, 29)
    local_response = "Partners cascaded the learning to their teams."
