"""The multi-agency and single-agency audit lists, and an audit's page, cost the same number of queries with ten
times the audits, agencies, cases and recommendations."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from audits.models import AuditRecommendation
from governance.tests.factories import ActionFactory

from .factories import (
    AuditParticipationFactory,
    AuditRecommendationFactory,
    CaseJudgementFactory,
    MultiAgencyAuditFactory,
    SingleAgencyAuditFactory,
)

pytestmark = pytest.mark.django_db

# Session, user and groups, the subgroup's ids, then the page's own reads.
LIST_QUERIES = 8
AUDIT_PAGE_QUERIES = 18


def add_audits(count, audit=None):
    for _ in range(count):
        target = audit or MultiAgencyAuditFactory()
        participation = AuditParticipationFactory(audit=target)
        CaseJudgementFactory(audit=target, agency=participation.agency)
        recommendation = AuditRecommendationFactory(audit=target)
        ActionFactory(source_type=ContentType.objects.get_for_model(AuditRecommendation), source_id=recommendation.pk)
        SingleAgencyAuditFactory()


@pytest.mark.parametrize("name", ["audits:audits", "audits:single_agency_audits"])
def test_the_lists_cost_the_same_with_ten_times_the_audits(client, manager, django_assert_max_num_queries, name):
    add_audits(1)
    client.force_login(manager)
    url = reverse(name)
    client.get(url)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(url).status_code == 200
    add_audits(9)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(url).status_code == 200


def test_an_audits_page_costs_the_same_with_ten_times_the_agencies(client, manager, django_assert_max_num_queries):
    audit = MultiAgencyAuditFactory()
    add_audits(1, audit)
    client.force_login(manager)
    url = reverse("audits:audit", args=[audit.pk])
    client.get(url)
    with django_assert_max_num_queries(AUDIT_PAGE_QUERIES):
        assert client.get(url).status_code == 200
    add_audits(9, audit)
    with django_assert_max_num_queries(AUDIT_PAGE_QUERIES):
        assert client.get(url).status_code == 200
