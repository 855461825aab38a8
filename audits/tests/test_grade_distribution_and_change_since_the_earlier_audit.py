"""A multi-agency audit's grade distribution and, for a re-audit, the change in each grade's share since the audit
it repeats are computed from the graded cases (in one query), not typed in."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from audits.models import CaseJudgement, MultiAgencyAudit
from audits.models.multi_agency import JUDGEMENT_AGENCY_NOT_TAKING_PART, REAUDIT_NEEDS_EARLIER_AUDIT
from audits.selectors.audits import grade_distribution, reaudit_change
from partnership.tests.factories import AgencyFactory

from .factories import AuditParticipationFactory, CaseJudgementFactory, MultiAgencyAuditFactory


def _grade(audit, agency, grades):
    for grade, count in grades.items():
        for _ in range(count):
            CaseJudgementFactory(audit=audit, agency=agency, grade=grade)


@pytest.fixture
def audits():
    police, health = AgencyFactory(), AgencyFactory()
    earlier = MultiAgencyAuditFactory(theme="Neglect")
    later = MultiAgencyAuditFactory(theme="Neglect", kind="reaudit", earlier_audit=earlier)
    for audit in (earlier, later):
        for agency in (police, health):
            AuditParticipationFactory(audit=audit, agency=agency)
    # Earlier: 8 cases, 1 good, 4 requires improvement, 3 inadequate.
    _grade(earlier, police, {"good": 1, "requires_improvement": 2, "inadequate": 1})
    _grade(earlier, health, {"requires_improvement": 2, "inadequate": 2})
    # Re-audit: 10 cases, 1 outstanding, 5 good, 3 requires improvement, 1 inadequate.
    _grade(later, police, {"outstanding": 1, "good": 3, "requires_improvement": 1})
    _grade(later, health, {"good": 2, "requires_improvement": 2, "inadequate": 1})
    return earlier, later


@pytest.mark.django_db
def test_the_distribution_counts_and_shares_each_grade(audits, django_assert_num_queries):
    _, later = audits
    with django_assert_num_queries(1):
        distribution = grade_distribution(later)
    assert distribution.total == 10
    assert [(s.grade, s.count, s.percent) for s in distribution.shares] == [
        ("outstanding", 1, Decimal("10.0")),
        ("good", 5, Decimal("50.0")),
        ("requires_improvement", 3, Decimal("30.0")),
        ("inadequate", 1, Decimal("10.0")),
    ]
    assert sum(s.count for s in distribution.shares) == CaseJudgement.objects.filter(audit=later).count()


@pytest.mark.django_db
def test_the_reaudit_shows_the_change_in_percentage_points(audits, django_assert_num_queries):
    earlier, later = audits
    with django_assert_num_queries(1):
        change = reaudit_change(later)
    assert [(c.grade, c.earlier.count, c.now.count, c.points) for c in change] == [
        ("outstanding", 0, 1, Decimal("10.0")),
        ("good", 1, 5, Decimal("37.5")),  # 12.5% → 50%
        ("requires_improvement", 4, 3, Decimal("-20.0")),  # 50% → 30%
        ("inadequate", 3, 1, Decimal("-27.5")),  # 37.5% → 10%
    ]
    assert reaudit_change(earlier) is None


@pytest.mark.django_db
def test_an_audit_with_no_graded_case_has_no_shares():
    distribution = grade_distribution(MultiAgencyAuditFactory())
    assert distribution.total == 0 and {s.percent for s in distribution.shares} == {None}


@pytest.mark.django_db
def test_a_reaudit_needs_the_audit_it_repeats_and_grades_need_an_agency_taking_part():
    audit = MultiAgencyAudit(theme="Exploitation", kind="reaudit")
    with pytest.raises(ValidationError) as refused:
        audit.full_clean()
    assert refused.value.message_dict["earlier_audit"] == [REAUDIT_NEEDS_EARLIER_AUDIT]
    audit = MultiAgencyAuditFactory()
    outsider = AgencyFactory(name="Not Taking Part")
    judgement = CaseJudgement(audit=audit, agency=outsider, case_reference="C-1", grade="good")
    with pytest.raises(ValidationError) as refused:
        judgement.full_clean()
    assert refused.value.message_dict["agency"] == [JUDGEMENT_AGENCY_NOT_TAKING_PART % {"agency": outsider}]
