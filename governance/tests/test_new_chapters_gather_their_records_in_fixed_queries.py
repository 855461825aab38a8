"""Schools and early years, learning from inspections, policies and procedures, and the year ahead are built from
the records (the education and early years services' accepted statements, the inspections partners reported, the
policy changes, the priorities' next steps and the tracker's actions due next year), each in the same few queries
however many records there are."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance import report
from governance.models import AgencyStatement, Inspection, PolicyChange, StatementStatus
from governance.tests.factories import ActionFactory, PriorityActivityFactory, PriorityFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


def accepted_statement(sector, text="Our year."):
    return AgencyStatement.objects.create(
        agency=AgencyFactory(sector=sector), year=YEAR, text=text, status=StatementStatus.ACCEPTED
    )


def add_records(n, first=0):
    for i in range(first, first + n):
        accepted_statement("education", f"Forums for designated safeguarding leads {i}.")
        statement = accepted_statement("nhs_trust", f"A trust's year {i}.")
        Inspection.objects.create(
            statement=statement,
            inspectorate="CQC",
            name=f"Ward {i}",
            date=date(2022, 7, 1) + timedelta(days=i),
            judgement="good",
            findings="Safe care.",
        )
        PolicyChange.objects.create(
            title=f"Protocol {i}", changed_on=date(2022, 9, 1), what_changed="Updated.", kind="local_protocol"
        )
        activity = PriorityActivityFactory(priority=priority(), what_next=f"Keep going {i}.")
        ActionFactory(source_id=activity.pk, due_date=date(2023, 6, 30), status="on_track")


def priority():
    return PriorityFactory(first_year=YEAR, last_year=YEAR)


def contexts():
    return [
        report.schools_context(YEAR),
        report.partners_context(YEAR),
        report.inspections_context(YEAR),
        report.policies_context(YEAR),
        report.year_ahead_context(YEAR),
    ]


def test_each_chapter_reads_its_own_records():
    add_records(1)
    accepted_statement("early_years", "The early years forum met each term.")
    draft = AgencyStatement.objects.create(agency=AgencyFactory(sector="education"), year=YEAR, text="Not yet.")
    schools, partners, inspections, policies, ahead = contexts()
    assert sorted(s.agency.sector for s, _ in schools["statements"]) == ["early_years", "education"]
    assert draft.pk not in [s.pk for s, _ in schools["statements"]]
    # Schools' and early years' statements are not repeated among the other partners'.
    assert [s.agency.sector for s, _ in partners["statements"]] == ["nhs_trust"]
    assert [i.name for i in inspections["inspections"]] == ["Ward 0"]
    assert [c.title for c in policies["changes"]] == ["Protocol 0"]
    assert ahead["next_year"] == YEAR.next
    assert [a.what_next for _, activities in ahead["next_steps"] for a in activities] == ["Keep going 0."]
    assert [a.comes_from for a in ahead["actions"]] == ["priority activity"]
    assert {section.key for section in ahead["plans"]} >= {"training", "lado", "independent-scrutiny"}


def test_ten_of_everything_cost_what_one_does():
    add_records(1)
    with CaptureQueriesContext(connection) as few:
        contexts()
    add_records(9, first=1)
    with CaptureQueriesContext(connection) as many:
        schools, partners, inspections, policies, ahead = contexts()
    assert len(schools["statements"]) == 10 and len(inspections["inspections"]) == 10
    assert len(policies["changes"]) == 10 and len(ahead["actions"]) == 10
    assert len(many) == len(few) <= 10
