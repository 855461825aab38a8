"""UserRoles' statement checks: who may write, read, edit and decide an agency's statement."""

import pytest

from governance.models import AgencyStatement, StatementStatus
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
        assert roles_for(partner).can_edit_statement(own) is editable, status
        for user in (manager, chair, delegate, outsider):
            assert roles_for(user).can_edit_statement(own) is False, (user, status)
        assert ANONYMOUS.can_edit_statement(own) is False


@pytest.mark.django_db
def test_reading_a_statement_is_for_its_agency_and_the_business_manager(manager, partner, chair, delegate, outsider):
    own = AgencyStatement(agency=partner.person.agency, year=YEAR)
    other = AgencyStatement(agency=AgencyFactory(), year=YEAR)
    assert roles_for(partner).can_view_statement(own)
    assert not roles_for(partner).can_view_statement(other)
    assert roles_for(manager).can_view_statement(own) and roles_for(manager).can_view_statement(other)
    for user in (chair, delegate, outsider):
        assert not roles_for(user).can_view_statement(own)


@pytest.mark.django_db
def test_only_the_business_manager_decides_and_only_a_submitted_statement(manager, partner):
    for status in StatementStatus:
        own = AgencyStatement(agency=partner.person.agency, year=YEAR, status=status)
        assert roles_for(manager).can_decide_statement(own) is (status == StatementStatus.SUBMITTED), status
        assert roles_for(partner).can_decide_statement(own) is False


@pytest.mark.django_db
def test_who_reaches_the_statements_pages(manager, partner, chair, delegate, outsider):
    assert [roles_for(u).can_write_statements for u in (manager, partner, chair, delegate, outsider)] == [
        False,
        True,
        True,
        False,
        False,
    ]
    assert [roles_for(u).can_review_statements for u in (manager, partner, chair, delegate, outsider)] == [
        True,
        False,
        False,
        False,
        False,
    ]
