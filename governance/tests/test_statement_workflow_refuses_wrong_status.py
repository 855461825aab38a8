"""Each step of the statement workflow refuses a statement in the wrong state, with a message to act on."""

import pytest
from django.core.exceptions import ValidationError

from governance.models import (
    STATEMENT_EMPTY,
    STATEMENT_RETURN_NEEDS_COMMENTS,
    AgencyStatement,
    Inspection,
    StatementStatus,
)
from governance.services.statements import (
    INSPECTION_NOT_IN_STATEMENT,
    STATEMENT_ALREADY_ACCEPTED,
    STATEMENT_ALREADY_SUBMITTED,
    STATEMENT_NOT_SUBMITTED,
    STATEMENT_YEAR_NOT_STARTED,
    accept_statement,
    return_statement,
    save_statement_draft,
    submit_statement,
)
from lscp.financial_year import FinancialYear
from partnership.tests.factories import AgencyFactory

YEAR = FinancialYear(2022)


def statement_in(status, **fields):
    fields.setdefault("text", "Our year.")
    if status == StatementStatus.RETURNED:
        fields.setdefault("manager_comments", "More on impact.")
    return AgencyStatement.objects.create(agency=AgencyFactory(), year=YEAR, status=status, **fields)


def messages_of(error):
    return error.value.messages


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status, message",
    [(StatementStatus.SUBMITTED, STATEMENT_ALREADY_SUBMITTED), (StatementStatus.ACCEPTED, STATEMENT_ALREADY_ACCEPTED)],
)
def test_a_statement_with_the_business_manager_or_accepted_cannot_be_saved_or_submitted(partner, status, message):
    statement = statement_in(status)
    with pytest.raises(ValidationError) as saving:
        save_statement_draft(agency=statement.agency, year=YEAR, text="Changed.", inspections=[], by=partner)
    with pytest.raises(ValidationError) as submitting:
        submit_statement(statement=statement, by=partner)
    assert messages_of(saving) == [message]
    assert messages_of(submitting) == [message]
    statement.refresh_from_db()
    assert (statement.status, statement.text) == (status, "Our year.")


@pytest.mark.django_db
@pytest.mark.parametrize("status", [StatementStatus.DRAFT, StatementStatus.RETURNED, StatementStatus.ACCEPTED])
def test_only_a_submitted_statement_can_be_accepted_or_returned(manager, status):
    statement = statement_in(status)
    label = StatementStatus(status).label.lower()
    with pytest.raises(ValidationError) as accepting:
        accept_statement(statement=statement, by=manager)
    with pytest.raises(ValidationError) as returning:
        return_statement(statement=statement, by=manager, comments="Why not.")
    assert messages_of(accepting) == [STATEMENT_NOT_SUBMITTED % {"status": label}]
    assert messages_of(returning) == [STATEMENT_NOT_SUBMITTED % {"status": label}]
    statement.refresh_from_db()
    assert statement.status == status


@pytest.mark.django_db
def test_returning_needs_comments(manager):
    statement = statement_in(StatementStatus.SUBMITTED)
    with pytest.raises(ValidationError) as returning:
        return_statement(statement=statement, by=manager, comments="   ")
    assert messages_of(returning) == [STATEMENT_RETURN_NEEDS_COMMENTS]
    statement.refresh_from_db()
    assert statement.status == StatementStatus.SUBMITTED


@pytest.mark.django_db
def test_an_empty_statement_cannot_be_submitted(partner):
    statement = statement_in(StatementStatus.DRAFT, text="  ")
    with pytest.raises(ValidationError) as submitting:
        submit_statement(statement=statement, by=partner)
    assert messages_of(submitting) == [STATEMENT_EMPTY]
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT


@pytest.mark.django_db
def test_a_statement_cannot_be_written_for_a_year_not_yet_begun(partner):
    with pytest.raises(ValidationError) as saving:
        save_statement_draft(
            agency=AgencyFactory(), year=FinancialYear.current().next, text="Soon.", inspections=[], by=partner
        )
    assert messages_of(saving) == [STATEMENT_YEAR_NOT_STARTED]
    assert not AgencyStatement.objects.exists()


@pytest.mark.django_db
def test_a_draft_cannot_take_another_statements_inspection(partner):
    theirs = statement_in(StatementStatus.DRAFT)
    their_inspection = Inspection.objects.create(statement=theirs, inspectorate="CQC", date="2022-09-01")
    their_inspection.inspectorate = "Hijacked"
    with pytest.raises(ValidationError) as saving:
        save_statement_draft(
            agency=AgencyFactory(), year=YEAR, text="Ours.", inspections=[their_inspection], by=partner
        )
    assert messages_of(saving) == [INSPECTION_NOT_IN_STATEMENT]
    their_inspection.refresh_from_db()
    assert (their_inspection.statement, their_inspection.inspectorate) == (theirs, "CQC")


@pytest.mark.django_db
def test_the_full_round_draft_submitted_returned_submitted_accepted(partner, manager):
    agency = AgencyFactory()
    statement = save_statement_draft(agency=agency, year=YEAR, text="First go.", inspections=[], by=partner)
    assert statement.status == StatementStatus.DRAFT
    statement = submit_statement(statement=statement, by=partner)
    assert statement.status == StatementStatus.SUBMITTED
    statement = return_statement(statement=statement, by=manager, comments="Add the Ofsted visit.")
    assert (statement.status, statement.manager_comments, statement.decided_by) == (
        StatementStatus.RETURNED,
        "Add the Ofsted visit.",
        manager,
    )
    inspection = Inspection(inspectorate="Ofsted", date="2022-10-03")
    statement = save_statement_draft(agency=agency, year=YEAR, text="Second go.", inspections=[inspection], by=partner)
    assert statement.status == StatementStatus.RETURNED
    statement = submit_statement(statement=statement, by=partner)
    statement = accept_statement(statement=statement, by=manager)
    statement.refresh_from_db()
    assert statement.status == StatementStatus.ACCEPTED
    assert statement.text == "Second go."
    assert statement.inspections.get().inspectorate == "Ofsted"
    assert AgencyStatement.objects.count() == 1
