"""Reads of the Section 11 / 175 records, done in the database: the returns of an agency, by status for a cycle,
and the ratings grid (agency × standard)."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from partnership.models import Agency

from ..models import Cycle, Return, ReturnStatus, Standard, StandardResponse


def open_cycles_for(agency_id, *, today=None):
    """The cycles open today with the agency in scope, each with `agency_return` (its return, or None)."""
    today = today or timezone.localdate()
    cycles = list(
        Cycle.objects.filter(agencies=agency_id, opens_on__lte=today, closes_on__gte=today)
        .select_related("standard_set")
        .order_by("closes_on", "name")
    )
    returns = {r.cycle_id: r for r in Return.objects.filter(agency_id=agency_id, cycle__in=cycles)}
    for cycle in cycles:
        cycle.agency_return = returns.get(cycle.pk)
    return cycles


def open_returns_summary(agency_id, *, today=None):
    """The cycles open today with the agency in scope, each with `return_id` and `return_status` (None: no return
    yet), soonest due first: the home page's panel. One query."""
    today = today or timezone.localdate()
    agency_return = Return.objects.filter(agency_id=agency_id, cycle=OuterRef("pk"))
    return list(
        Cycle.objects.filter(agencies=agency_id, opens_on__lte=today, closes_on__gte=today)
        .annotate(
            return_id=Subquery(agency_return.values("pk")[:1]),
            return_status=Subquery(agency_return.values("status")[:1]),
        )
        .only("pk", "name", "closes_on")
        .order_by("closes_on", "name")
    )


def past_returns_for(agency_id, *, today=None):
    """The agency's returns in cycles that have closed, latest first."""
    today = today or timezone.localdate()
    return list(
        Return.objects.filter(agency_id=agency_id, cycle__closes_on__lt=today)
        .select_related("cycle")
        .order_by("-cycle__closes_on")
    )


NOT_STARTED = ReturnStatus.NOT_STARTED
DRAFT_STATUSES = (ReturnStatus.NOT_STARTED, ReturnStatus.IN_PROGRESS)


def agencies_in_cycle(cycle):
    """The agencies in scope of the cycle, and any other with a return in it, each with `return_status`
    ("not_started" when it has no return yet) and `return_pk`."""
    status = Return.objects.filter(cycle=cycle, agency=OuterRef("pk")).values("status")[:1]
    pk = Return.objects.filter(cycle=cycle, agency=OuterRef("pk")).values("pk")[:1]
    return (
        Agency.objects.filter(Q(section11_cycles=cycle) | Q(section11_returns__cycle=cycle))
        .distinct()
        .annotate(return_status=Coalesce(status, Value(NOT_STARTED)), return_pk=pk)
        .order_by("name")
    )


def returns_by_status(cycle):
    """[(status, label, count)] for every status, the agencies without a return counted as not started."""
    counts = dict(
        agencies_in_cycle(cycle).order_by().values_list("return_status").annotate(n=Count("pk", distinct=True))
    )
    return [(status, label, counts.get(status, 0)) for status, label in ReturnStatus.choices]


@dataclass(frozen=True)
class RatingsGrid:
    standards: list  # the cycle's standards, in order
    rows: list  # [(agency with return_status and return_pk, status label, [rating or "" per standard])]


def ratings_grid(cycle):
    """Every agency in the cycle × every standard: the rating it gave itself ("" if none). A return not yet
    submitted is the agency's draft and shows no rating. Three queries, however many agencies and standards."""
    standards = list(Standard.objects.filter(standard_set_id=cycle.standard_set_id).order_by("number"))
    agencies = list(agencies_in_cycle(cycle))
    ratings = {
        (agency_id, standard_id): rating
        for agency_id, standard_id, rating in StandardResponse.objects.filter(agency_return__cycle=cycle)
        .exclude(agency_return__status__in=DRAFT_STATUSES)
        .values_list("agency_return__agency_id", "standard_id", "rating")
    }
    rows = [
        (
            agency,
            ReturnStatus(agency.return_status).label,
            [ratings.get((agency.pk, standard.pk), "") for standard in standards],
        )
        for agency in agencies
    ]
    return RatingsGrid(standards, rows)
