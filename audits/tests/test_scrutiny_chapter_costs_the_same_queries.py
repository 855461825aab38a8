"""The "Scrutiny and challenge" chapter gathers its figures in the same number of queries with one audit of each kind
and one Section 11 return or ten, each with graded cases, recommendations and their actions."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audits.models import AuditRecommendation
from audits.report import scrutiny_context
from governance.tests.factories import ActionFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory

from .factories import (
    AuditParticipationFactory,
    AuditRecommendationFactory,
    CaseJudgementFactory,
    MultiAgencyAuditFactory,
    ReturnFactory,
    SingleAgencyAuditFactory,
    StandardResponseFactory,
    make_cycle,
)

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


def add_records(cycle, count):
    for _ in range(count):
        audit = MultiAgencyAuditFactory(held_on=date(2022, 9, 20))
        participation = AuditParticipationFactory(audit=audit)
        CaseJudgementFactory(audit=audit, agency=participation.agency, grade="good")
        recommendation = AuditRecommendationFactory(audit=audit)
        ActionFactory(source_type=ContentType.objects.get_for_model(AuditRecommendation), source_id=recommendation.pk)
        SingleAgencyAuditFactory(date=date(2022, 11, 1))
        agency = AgencyFactory()
        cycle.agencies.add(agency)
        agency_return = ReturnFactory(cycle=cycle, agency=agency, status="accepted")
        for standard in cycle.standard_set.standards.all():
            StandardResponseFactory(agency_return=agency_return, standard=standard, rating="partially_met")


def queries_for_the_chapter():
    with CaptureQueriesContext(connection) as queries:
        context = scrutiny_context(YEAR)
    return len(queries), context


def test_ten_of_everything_cost_what_one_does():
    cycle = make_cycle(standards=3, opens_on=date(2022, 10, 1), closes_on=date(2023, 2, 28))
    add_records(cycle, 1)
    few, context = queries_for_the_chapter()
    assert len(context["multi_agency_audits"]) == 1 and len(context["single_agency_audits"]) == 1
    add_records(cycle, 9)
    many, context = queries_for_the_chapter()
    assert len(context["multi_agency_audits"]) == 10
    assert context["section11"].standards[0].partially_met == 10
    assert context["multi_agency_audits"][0].recommendations[0].action_total == 1
    assert many == few
