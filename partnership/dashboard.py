"""The registry's panels on the home page (see lscp/dashboard.py)."""

from django.db.models import Count, Q
from django.utils import timezone

from lscp.dashboard import Panel
from lscp.financial_year import FinancialYear

from .models import Body, Meeting, MeetingStatus, Membership


def partnership_this_year(request, roles):
    """The business manager's view of the year's meetings: one query."""
    if not roles.is_manager:
        return None
    year = FinancialYear.current()
    start, end = year.datetime_range()
    now = timezone.now()
    meetings = Meeting.objects.aggregate(
        this_year=Count("pk", filter=Q(starts_at__gte=start, starts_at__lt=end)),
        held_this_year=Count("pk", filter=Q(starts_at__gte=start, starts_at__lt=end, status=MeetingStatus.HELD)),
        coming=Count("pk", filter=Q(starts_at__gte=now, status=MeetingStatus.SCHEDULED)),
        awaiting_register=Count("pk", filter=Q(starts_at__lt=now, status=MeetingStatus.SCHEDULED), distinct=True),
    )
    return {"year": year, "meetings": meetings}


def chaired_bodies(request, roles):
    if not roles.is_chair:
        return None
    now = timezone.now()
    bodies = Body.objects.filter(pk__in=roles.chaired_body_ids).annotate(
        awaiting_register=Count(
            "meetings", filter=Q(meetings__starts_at__lt=now, meetings__status=MeetingStatus.SCHEDULED)
        )
    )
    return {"chaired_bodies": list(bodies.order_by("name"))}


def memberships(request, roles):
    """A partner's current memberships and the coming meetings of those bodies: two queries."""
    if not roles.is_partner:
        return None
    my_memberships = list(
        Membership.objects.current(on=timezone.localdate()).filter(person_id=roles.person_id).select_related("body")
    )
    my_meetings = list(
        Meeting.objects.filter(body_id__in=roles.member_body_ids, starts_at__gte=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("starts_at")[:8]
    )
    return {"my_memberships": my_memberships, "my_meetings": my_meetings}


PANELS = [
    Panel("partnership-this-year", 10, "partnership/panels/partnership_year.html", partnership_this_year),
    Panel("bodies-you-chair", 20, "partnership/panels/chaired_bodies.html", chaired_bodies),
    Panel("your-memberships", 50, "partnership/panels/memberships.html", memberships),
]
