"""The statement rules (governance.permissions): who may write, read, edit and decide an agency's statement."""

import pytest

from governance.models import AgencyStatement, StatementStatus
from governance.permissions import (
    can_decide_statement,
    can_edit_statement,
    can_review_statements,
    can_view_statement,
    can_write_statements,
)
from lscp.financial_year import FinancialYear
from lscp.roles import ANONYMOUS, roles_for
from partnership.tests.factories import AgencyFactory

YEAR = FinancialYear(2022)


@pytest.mark.django_db
def test_only_the_agencys_own_representative_edits_and_only_while_it_is_with_them(
    manager, partner, chair, delegate, outsider
):
    for status in StatementStatus:
        own = AgencyStatement(agency=partner.person.agency, year=YEAR, status=status)
        editable = status in (StatementStatus.DRAFT, StatementStatus.RETURNED)
        assert can_edit_statement(roles_for(partner), own) is editable, status
        for user in (manager, chair, delegate, outsider):
            assert can_edit_statement(roles_for(user), own) is False, (user, status)
        assert can_edit_statement(ANONYMOUS, own) is False


@pytest.mark.django_db
def test_reading_a_statement_is_for_its_agency_and_the_business_manager(manager, partner, chair, delegate, outsider):
    own = AgencyStatement(agency=partner.person.agency, year=YEAR)
    other = AgencyStatement(agency=AgencyFactory(), year=YEAR)
    assert can_view_statement(roles_for(partner), own)
    assert not can_view_statement(roles_for(partner), other)
    assert can_view_statement(roles_for(manager), own) and can_view_statement(roles_for(manager), other)
    for user in (chair, delegate, outsider):
        assert not can_view_statement(roles_for(user), own)


@pytest.mark.django_db
def test_only_the_business_manager_decides_and_only_a_submitted_statement(manager, partner):
    for status in StatementStatus:
        own = AgencyStatement(agency=partner.person.agency, year=YEAR, status=status)
        assert can_decide_statement(roles_for(manager), own) is (status == StatementStatus.SUBMITTED), status
        assert can_decide_statement(roles_for(partner), own) is False


@pytest.mark.django_db
def test_who_reaches_the_statements_pages(manager, partner, chair, delegate, outsider):
    assert [can_write_statements(roles_for(u)) for u in (manager, partner, chair, delegate, outsider)] == [
        False,
        True,
        True,
        False,
        False,
    ]
    assert [can_review_statements(roles_for(u)) for u in (manager, partner, chair, delegate, outsider)] == [
        True,
        False,
        False,
        False,
        False,
    ]
