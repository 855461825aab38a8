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

from django.db.models import Avg, Count, Max, Min, Q, Sum
from django.utils import timezone

from lscp.financial_year import FinancialYear
from lscp.percentages import share
from partnership.models import Sector

from .models import Booking, BookingStatus, CourseSession, Evaluation, EvaluationScore, EvaluationStage, SessionStatus

STAGES = (EvaluationStage.BEFORE, EvaluationStage.AFTER, EvaluationStage.FOLLOW_UP)
NOT_LISTED = "Organisations not listed as agencies"


def _percent(part, whole):
    """A Share (a whole per cent, rounded half up, that prints as "13%": lscp/percentages.py), or None."""
    return share(part, whole)


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
    first, last = FinancialYear.for_stored_date(bounds["first"]), FinancialYear.for_stored_date(bounds["last"])
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


def year_in_figures(*, year, now=None):
    """The year's programme for the impact page and the report's chapter, in six queries whatever its size:
    `courses` (per course with a session delivered, by title: sessions, attended, no-shows, no-show rate, distinct
    delegates, and per stage the responses, response rate and mean confidence; the share reporting changed practice
    at follow-up), `totals` (the same for the whole programme, with sessions cancelled), `by_sector` and
    `by_agency`."""
    by_sector = attendance_by_sector(year=year, now=now)
    by_agency = no_shows_by_agency(year=year, now=now)
    courses, totals = _courses_and_totals(year=year, now=now)
    # A delegate has one sector, so the distinct delegates of the sectors add up to the programme's.
    totals["delegates"] = sum(row["delegates"] for row in by_sector)
    return {"courses": courses, "totals": totals, "by_sector": by_sector, "by_agency": by_agency}


def course_impact(*, year, now=None):
    return _courses_and_totals(year=year, now=now)[0]


def programme_totals(*, year, now=None):
    return year_in_figures(year=year, now=now)["totals"]


def _stage_figures(answers, score_total, score_count, attended):
    mean = score_total / score_count if score_count else None
    return {
        "responses": answers["responses"],
        "response_rate": _percent(answers["responses"], attended),
        "confidence": round(mean, 1) if mean is not None else None,
        "changed": answers["changed"],
        "said": answers["said"],
        "changed_share": _percent(answers["changed"], answers["said"]),
    }


def _courses_and_totals(*, year, now=None):
    """Per course rows and the programme's totals, from four grouped queries (sessions, registers, evaluations,
    scores); the totals are sums of the groups (means from the sums and counts of scores)."""
    start, end = year.datetime_range()
    delivered = _delivered(year, now=now)
    sessions = (
        CourseSession.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .values("course_id", "course__title")
        .annotate(
            sessions=Count("id", filter=delivered),
            cancelled=Count("id", filter=Q(status=SessionStatus.CANCELLED)),
        )
        .order_by("course__title")
    )
    attendance = {
        row["session__course_id"]: row
        for row in _attendance(
            Booking.objects.filter(_delivered(year, now=now, prefix="session__"))
            .values("session__course_id")
            .order_by()
        )
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
    scores = {
        (row["evaluation__booking__session__course_id"], row["evaluation__stage"]): (row["total"], row["count"])
        for row in EvaluationScore.objects.filter(scored)
        .values("evaluation__booking__session__course_id", "evaluation__stage")
        .annotate(total=Sum("score"), count=Count("id"))
        .order_by()
    }
    empty = {"responses": 0, "changed": 0, "said": 0}
    rows = []
    totals = {"delivered": 0, "cancelled": 0, "courses": 0, "attended": 0, "no_shows": 0}
    stage_sums = {stage: {**empty, "total": 0, "count": 0} for stage in STAGES}
    for row in sessions:
        course_id = row["course_id"]
        totals["cancelled"] += row["cancelled"]
        if not row["sessions"]:
            continue
        counts = attendance.get(course_id, {"attended": 0, "no_shows": 0, "delegates": 0})
        stages = {}
        for stage in STAGES:
            answers = responses.get((course_id, stage), empty)
            total, count = scores.get((course_id, stage), (0, 0))
            stages[stage.value] = _stage_figures(answers, total, count, counts["attended"])
            sums = stage_sums[stage]
            for key in empty:
                sums[key] += answers[key]
            sums["total"] += total or 0
            sums["count"] += count
        totals["delivered"] += row["sessions"]
        totals["courses"] += 1
        totals["attended"] += counts["attended"]
        totals["no_shows"] += counts["no_shows"]
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
    totals["stages"] = {
        stage.value: _stage_figures(sums, sums["total"], sums["count"], totals["attended"])
        for stage, sums in stage_sums.items()
    }
    follow_up = totals["stages"][EvaluationStage.FOLLOW_UP]
    totals.update(changed=follow_up["changed"], said=follow_up["said"], changed_share=follow_up["changed_share"])
    return rows, _with_rates(totals)


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


def programme_summary(*, year, now=None):
    """The whole programme's figures of a year in two queries (for last year's column of the report's chapter), as
    `year_in_figures` counts them: sessions delivered, attended, distinct delegates, no-shows and the no-show rate,
    evaluations returned straight after a session and their response rate, the mean confidence then, and the share
    reporting changed practice at follow-up. None when the year delivered no session."""
    delivered = _delivered(year, now=now)
    attended = Q(bookings__status=BookingStatus.ATTENDED)
    counts = CourseSession.objects.filter(delivered).aggregate(
        sessions=Count("id", distinct=True),
        attended=Count("bookings", filter=attended),
        no_shows=Count("bookings", filter=Q(bookings__status=BookingStatus.NO_SHOW)),
        delegates=Count("bookings__delegate", distinct=True, filter=attended),
    )
    if not counts["sessions"]:
        return None
    after, follow_up = Q(stage=EvaluationStage.AFTER), Q(stage=EvaluationStage.FOLLOW_UP)
    answers = Evaluation.objects.filter(
        _delivered(year, now=now, prefix="booking__session__"), booking__status=BookingStatus.ATTENDED
    ).aggregate(
        responses=Count("id", distinct=True, filter=after),
        changed=Count("id", distinct=True, filter=follow_up & Q(practice_changed=True)),
        said=Count("id", distinct=True, filter=follow_up & Q(practice_changed__isnull=False)),
        confidence=Avg("scores__score", filter=after),
    )
    confidence = answers["confidence"]
    return _with_rates(
        {
            **counts,
            "responses": answers["responses"],
            "response_rate": _percent(answers["responses"], counts["attended"]),
            "confidence": round(confidence, 1) if confidence is not None else None,
            "changed_share": _percent(answers["changed"], answers["said"]),
        }
    )


def programme_headlines(*, year, now=None):
    """The year's sessions delivered, places attended and distinct delegates who attended, for the report's key
    figures (the same counts as `year_in_figures`'s totals, in two queries)."""
    sessions = CourseSession.objects.filter(_delivered(year, now=now)).count()
    counts = Booking.objects.filter(_delivered(year, now=now, prefix="session__")).aggregate(
        attended=Count("id", filter=Q(status=BookingStatus.ATTENDED)),
        delegates=Count("delegate", distinct=True, filter=Q(status=BookingStatus.ATTENDED)),
    )
    return {"sessions": sessions, **counts}
