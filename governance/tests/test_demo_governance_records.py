"""The demo's governance records for 2022/23: the 2022/23 report's priorities, partners, challenges and finance,
attached to the demo registry, and an action tracker in every status."""

from django.utils import timezone

from governance import selectors
from governance.models import (
    Action,
    ActionStatus,
    AgencyStatement,
    ChallengeLogEntry,
    Contribution,
    GlossaryTerm,
    Priority,
    PriorityActivity,
    YouSaidWeDid,
)
from lscp.financial_year import FinancialYear
from partnership.demo import DATA

YEAR = FinancialYear(2022)
DEMO_AGENCIES = {row["name"] for row in DATA["AGENCIES"]}


def test_the_four_priorities_have_their_activity_tables(demo):
    priorities = selectors.priorities_for_year(year=YEAR)
    assert [p.number for p in priorities] == [1, 2, 3, 4]
    restart = PriorityActivity.objects.get(activity="Development of the Westminster Restart Project")
    assert [str(m) for m in restart.metrics.all()] == ["25 families referred"]
    assert all(a.lead is not None for p in priorities for a in p.activities.all())
    assert Priority.objects.for_year(YEAR.next).count() == 0


def test_statements_and_challenges_belong_to_the_demo_agencies(demo):
    statement_agencies = set(AgencyStatement.objects.filter(year=YEAR).values_list("agency__name", flat=True))
    # The five partners' and, for the schools and early years chapter, the education and early years services'.
    assert len(statement_agencies) == 7 and statement_agencies <= DEMO_AGENCIES | {"Early Years Service RBKC/WCC"}
    for entry in ChallengeLogEntry.objects.select_related("raised_by_agency", "agency_challenged"):
        # Only the 2022/23 report's drive and Home Office have no counterpart in the demo registry.
        assert {entry.raised_by_agency.name, entry.agency_challenged.name} <= DEMO_AGENCIES | {
            "Drive Partnership",
            "Home Office",
        }
    assert ChallengeLogEntry.objects.filter(publish_as_example=True).count() == 4


def test_the_tracker_has_actions_in_every_status_some_late_some_due_soon(demo):
    today = timezone.localdate()
    assert set(Action.objects.values_list("status", flat=True)) == set(ActionStatus.values)
    assert Action.objects.overdue(today).exists() and Action.objects.due_soon(today).exists()
    # Governance's own demo actions come from priority activities (the case reviews and audits demos raise others
    # from their recommendations and Section 11 standards not fully met).
    own = Action.objects.exclude(source_type__app_label__in=["reviews", "audits"])
    assert own.exists() and all(isinstance(a.source, PriorityActivity) for a in own)
    partners = Action.objects.filter(owner_agency__name="National Probation Service")
    assert partners.overdue(today).exists() and partners.filter(owner_person__user__username="partner").exists()
    assert Action.objects.filter(lead_body__name="Case Review Subgroup").count() >= 2


def test_the_rest_of_the_2022_23_reports_records_are_there(demo):
    assert YouSaidWeDid.objects.filter(year=YEAR).count() == 5
    assert GlossaryTerm.objects.filter(term__iexact="mash").exists()
    assert Contribution.objects.filter(year=YEAR, agency__isnull=True, label="LSCP training").count() == 2


def test_the_demo_asks_agencies_for_their_2023_24_statements_one_late(demo):
    from governance.models import StatementRequest

    today = timezone.localdate()
    asked = list(StatementRequest.objects.filter(year=YEAR.next).select_related("agency"))
    assert len(asked) == 3 and {a.agency.name for a in asked} <= DEMO_AGENCIES
    assert sum(a.due_on < today for a in asked) == 1
    assert any(a.agency.name == "National Probation Service" and a.due_on >= today for a in asked)
