"""Two runs of the statement reminder job at the same moment (beat fired twice, or two workers) send each reminder
once: a run records the reminder before sending it, so the other waits on that record, then skips. Real PostgreSQL,
two connections."""

from datetime import date

import pytest

from governance.models import StatementReminder
from governance.services.statements import request_statement, send_statement_reminders
from lscp.financial_year import FinancialYear
from lscp.overlapping_runs import run_twice_at_once


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_the_statement_reminder_once(manager, partner, mailoutbox):
    due = date(2024, 6, 28)
    request_statement(agency=partner.person.agency, year=FinancialYear(2023), assigned_to=None, due_on=due, by=manager)

    first, second = run_twice_at_once(lambda: send_statement_reminders(today=due))

    assert (first, second) == (1, 0)
    assert [message.to for message in mailoutbox] == [[partner.person.email]]
    assert StatementReminder.objects.count() == 1
