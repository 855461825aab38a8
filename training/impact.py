"""Reads (selectors) for the impact of the training programme in a financial year, done in the database with
grouped aggregates: a fixed number of queries whatever the number of sessions, bookings or evaluations. They
return evaluated data (lists of dicts, numbers) for the impact page and the annual report's chapter.

What the figures mean:
- a session **delivered** in the year started in it and was not cancelled;
- **attended** and **no-shows** are bookings so marked on the register; the **no-show rate** is no-shows out of
  attended + no-shows;
- a stage's **response rate** is the evaluations of that stage from delegates who attended, out of those who
  attended (the "before" answers of delegates who then did not come are left out, so the stages compare the same
  people);
- **mean confidence** is the mean of every 1–5 score given at that stage (each learning outcome scored counts
  once);
- the **share reporting changed practice** is, of the follow-up answers that said yes or no, those that said yes.
"""

from django.db.models import Avg, Count, Max, Min, Q
from django.utils import timezone

from lscp.financial_year import FinancialYear
from partnership.models import Sector

from .models import Booking, BookingStatus, CourseSession, Evaluation, EvaluationScore, EvaluationStage, SessionStatus

STAGES = (EvaluationStage.BEFORE, EvaluationStage.AFTER, EvaluationStage.FOLLOW_UP)
NOT_LISTED = "Organisations not listed as agencies"


def _percent(part, whole):
    return round(100 * part / whole) if whole else None


def _delivered(year, *, now=None, prefix=""):
    """The filter for sessions delivered in the year (`prefix` reaches the session from a related model)."""
    now = now or timezone.now()
    start, end = year.datetime_range()
    return Q(**{f"{prefix}starts_at__gte": start, f"{prefix}starts_at__lt": min(end, now)}) & ~Q(
        **{f"{prefix}status": SessionStatus.CANCELLED}
    )


def years_with_sessions():
    """The financial years from the first session recorded to the last, latest first. One query."""
    bounds = CourseSession.objects.aggregate(first=Min("starts_at"), last=Max("starts_at"))
    if bounds["first"] is None:
        return []
    first, last = FinancialYear.for_date(bounds["first"]), FinancialYear.for_date(bounds["last"])
    return [FinancialYear(y) for y in range(last.start_year, first.start_year - 1, -1)]


def _attendance(queryset):
    return queryset.annotate(
        attended=Count("id", filter=Q(status=BookingStatus.ATTENDED)),
        no_shows=Count("id", filter=Q(status=BookingStatus.NO_SHOW)),
        delegates=Count("delegate", distinct=True, filter=Q(status=BookingStatus.ATTENDED)),
    )


def _with_rates(row):
    row["no_show_rate"] = _percent(row["no_shows"], row["attended"] + row["no_shows"])
    return row


def course_impact(*, year, now=None):
    """Per course with a session delivered in the year, by title: sessions, attended, no-shows, no-show rate,
    distinct delegates, and per stage (`stages`: before, after, follow-up) the responses, response rate and mean
    confidence; the share reporting changed practice at follow-up. Four queries."""
    sessions = (
        CourseSession.objects.filter(_delivered(year, now=now))
        .values("course_id", "course__title")
        .annotate(sessions=Count("id"))
        .order_by("course__title")
    )
    booking_filter = _delivered(year, now=now, prefix="session__")
    attendance = {
        row["session__course_id"]: row
        for row in _attendance(Booking.objects.filter(booking_filter).values("session__course_id").order_by())
    }
    answered = _delivered(year, now=now, prefix="booking__session__") & Q(booking__status=BookingStatus.ATTENDED)
    responses = {
        (row["booking__session__course_id"], row["stage"]): row
        for row in Evaluation.objects.filter(answered)
        .values("booking__session__course_id", "stage")
        .annotate(
            responses=Count("id"),
            changed=Count("id", filter=Q(practice_changed=True)),
            said=Count("id", filter=Q(practice_changed__isnull=False)),
        )
        .order_by()
    }
    scored = _delivered(year, now=now, prefix="evaluation__booking__session__") & Q(
        evaluation__booking__status=BookingStatus.ATTENDED
    )
    means = {
        (row["evaluation__booking__session__course_id"], row["evaluation__stage"]): row["mean"]
        for row in EvaluationScore.objects.filter(scored)
        .values("evaluation__booking__session__course_id", "evaluation__stage")
        .annotate(mean=Avg("score"))
        .order_by()
    }
    rows = []
    for row in sessions:
        course_id = row["course_id"]
        counts = attendance.get(course_id, {"attended": 0, "no_shows": 0, "delegates": 0})
        stages = {}
        for stage in STAGES:
            answers = responses.get((course_id, stage), {"responses": 0, "changed": 0, "said": 0})
            mean = means.get((course_id, stage))
            stages[stage.value] = {
                "responses": answers["responses"],
                "response_rate": _percent(answers["responses"], counts["attended"]),
                "confidence": round(mean, 1) if mean is not None else None,
                "changed": answers["changed"],
                "changed_share": _percent(answers["changed"], answers["said"]),
            }
        rows.append(
            _with_rates(
                {
                    "course_id": course_id,
                    "title": row["course__title"],
                    "sessions": row["sessions"],
                    "attended": counts["attended"],
                    "no_shows": counts["no_shows"],
                    "delegates": counts["delegates"],
                    "stages": stages,
                    "changed_share": stages[EvaluationStage.FOLLOW_UP]["changed_share"],
                }
            )
        )
    return rows


def programme_totals(*, year, now=None):
    """The year's programme in figures: sessions delivered and cancelled, attendances, distinct delegates,
    no-shows and their rate; per stage the responses, response rate and mean confidence; the share reporting
    changed practice at follow-up. Four queries."""
    start, end = year.datetime_range()
    sessions = CourseSession.objects.aggregate(
        delivered=Count("id", filter=_delivered(year, now=now)),
        cancelled=Count("id", filter=Q(starts_at__gte=start, starts_at__lt=end, status=SessionStatus.CANCELLED)),
        courses=Count("course", distinct=True, filter=_delivered(year, now=now)),
    )
    counts = Booking.objects.filter(_delivered(year, now=now, prefix="session__")).aggregate(
        attended=Count("id", filter=Q(status=BookingStatus.ATTENDED)),
        no_shows=Count("id", filter=Q(status=BookingStatus.NO_SHOW)),
        delegates=Count("delegate", distinct=True, filter=Q(status=BookingStatus.ATTENDED)),
    )
    answered = _delivered(year, now=now, prefix="booking__session__") & Q(booking__status=BookingStatus.ATTENDED)
    answers = Evaluation.objects.filter(answered).aggregate(
        **{f"{stage}_responses": Count("id", filter=Q(stage=stage)) for stage in STAGES},
        changed=Count("id", filter=Q(stage=EvaluationStage.FOLLOW_UP, practice_changed=True)),
        said=Count("id", filter=Q(stage=EvaluationStage.FOLLOW_UP, practice_changed__isnull=False)),
    )
    scored = _delivered(year, now=now, prefix="evaluation__booking__session__") & Q(
        evaluation__booking__status=BookingStatus.ATTENDED
    )
    means = EvaluationScore.objects.filter(scored).aggregate(
        **{f"{stage}_mean": Avg("score", filter=Q(evaluation__stage=stage)) for stage in STAGES},
    )
    stages = {}
    for stage in STAGES:
        mean = means[f"{stage}_mean"]
        stages[stage.value] = {
            "responses": answers[f"{stage}_responses"],
            "response_rate": _percent(answers[f"{stage}_responses"], counts["attended"]),
            "confidence": round(mean, 1) if mean is not None else None,
        }
    return _with_rates(
        {
            **sessions,
            **counts,
            "stages": stages,
            "changed": answers["changed"],
            "said": answers["said"],
            "changed_share": _percent(answers["changed"], answers["said"]),
        }
    )


def no_shows_by_agency(*, year, now=None):
    """Attended, no-shows and the no-show rate per agency (organisations not listed as agencies together), most
    attendances first. One query."""
    rows = _attendance(
        Booking.objects.filter(
            _delivered(year, now=now, prefix="session__"),
            status__in=(BookingStatus.ATTENDED, BookingStatus.NO_SHOW),
        )
        .values("delegate__agency__name")
        .order_by()
    ).order_by("-attended", "delegate__agency__name")
    return [
        _with_rates(
            {
                "agency": row["delegate__agency__name"] or NOT_LISTED,
                "attended": row["attended"],
                "no_shows": row["no_shows"],
                "delegates": row["delegates"],
            }
        )
        for row in rows
    ]


def attendance_by_sector(*, year, now=None):
    """Attended, distinct delegates and no-shows per sector, most attendances first. One query."""
    labels = dict(Sector.choices)
    rows = _attendance(
        Booking.objects.filter(
            _delivered(year, now=now, prefix="session__"),
            status__in=(BookingStatus.ATTENDED, BookingStatus.NO_SHOW),
        )
        .values("delegate__sector")
        .order_by()
    ).order_by("-attended", "delegate__sector")
    return [
        _with_rates(
            {
                "sector": labels.get(row["delegate__sector"], row["delegate__sector"]),
                "attended": row["attended"],
                "no_shows": row["no_shows"],
                "delegates": row["delegates"],
            }
        )
        for row in rows
    ]
