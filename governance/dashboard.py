"""The governance panels on the home page (see lscp/dashboard.py)."""

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from lscp.dashboard import Panel

from . import permissions, selectors
from .forms.actions import OVERDUE
from .models import Action, AgencyStatement, StatementStatus


def statements_waiting(request, roles):
    """The business manager's statements to accept or return, linked to the earliest year that has some (one
    query): a statement submitted late for an older year is not hidden behind the current one."""
    if not permissions.can_review_statements(roles):
        return None
    waiting = AgencyStatement.objects.filter(status=StatementStatus.SUBMITTED).aggregate(
        count=Count("pk"), first_year=Min("year"), last_year=Max("year")
    )
    waiting["several_years"] = waiting["first_year"] != waiting["last_year"]
    return {"waiting": waiting}


def actions(request, roles):
    if not permissions.can_use_action_tracker(roles):
        return None
    today = timezone.localdate()
    counts = (
        Action.objects.filter(permissions.action_scope(roles))
        .open()
        .aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)))
    )
    return {"my_actions": counts, "overdue_filter": OVERDUE}


def our_statement(request, roles):
    if not permissions.can_write_statements(roles):
        return None
    # The year the statements pages open on: the report being put together.
    year, statement, due_on = selectors.reporting_year_and_statement(agency_id=roles.agency_id)
    sent = statement is not None and statement.status in (StatementStatus.SUBMITTED, StatementStatus.ACCEPTED)
    late = due_on is not None and not sent and due_on < timezone.localdate()
    return {"my_statement": statement, "statement_year": year, "statement_due": due_on, "statement_late": late}


PANELS = [
    Panel("statements-waiting", 15, "governance/panels/statements_waiting.html", statements_waiting),
    Panel("actions", 30, "governance/panels/actions.html", actions),
    Panel("our-statement", 40, "governance/panels/our_statement.html", our_statement),
]
