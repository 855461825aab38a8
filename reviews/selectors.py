"""Reads of the case review records, done in the database: the deadlines dashboard, what keeps a review open,
who gets the reminders, and the figures the "Learning from reviews" chapter is written from."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, Prefetch, Q, Value
from django.utils import timezone

from governance.models import Action
from lscp.financial_year import FinancialYear
from lscp.roles import BUSINESS_MANAGERS_GROUP
from partnership.models import CHAIRING_ROLES, Membership

from .deadlines import RULES, DeadlineState, deadline_state, due_soon_until
from .models import (
    Decision,
    Dissemination,
    Finding,
    NationalReview,
    PracticeReview,
    RapidReview,
    Recommendation,
    SeriousIncident,
)

# Each deadline: the rule, the model it sits on, the stored due date, and what leaves it open (not yet met).
DEADLINE_SOURCES = (
    ("panel_notification", SeriousIncident, "panel_notification_due", Q(notified_panel_on__isnull=True)),
    ("rapid_review", SeriousIncident, "rapid_review_due", Q(rapid_review__submitted_to_panel_on__isnull=True)),
    (
        "target_completion",
        PracticeReview,
        "target_completion",
        Q(report_received_on__isnull=True, closed_on__isnull=True),
    ),
    (
        "share_before_publication",
        PracticeReview,
        "share_due",
        Q(shared_on__isnull=True, published_on__isnull=True, closed_on__isnull=True),
    ),
)
RECORD_TYPES = {SeriousIncident: "incident", PracticeReview: "practice_review"}


@dataclass(frozen=True)
class OpenDeadline:
    record_type: str  # "incident" or "practice_review"
    record_id: int
    code_name: str
    rule: object  # a reviews.deadlines.DeadlineRule
    due: date
    state: str  # a DeadlineState

    @property
    def days_overdue(self):
        return (timezone.localdate() - self.due).days if self.state == DeadlineState.OVERDUE else 0


def _due_filter(field, *, today, states):
    """The stored due dates that are in any of `states` on `today`."""
    soon_until = due_soon_until(today)
    windows = {
        DeadlineState.OVERDUE: Q(**{f"{field}__lt": today}),
        DeadlineState.DUE_TODAY: Q(**{field: today}),
        DeadlineState.DUE_SOON: Q(**{f"{field}__gt": today, f"{field}__lte": soon_until}),
        DeadlineState.UPCOMING: Q(**{f"{field}__gt": soon_until}),
    }
    query = Q(pk__in=[])
    for state in states:
        query |= windows[state]
    return query


def open_deadlines(*, today=None, states=None, rule=None):
    """Every deadline not yet met, soonest first, optionally only those in `states` (DeadlineState values) or of
    one `rule` (a key of reviews.deadlines.RULES). One query, however many incidents and reviews."""
    today = today or timezone.localdate()
    states = states or (DeadlineState.OVERDUE, DeadlineState.DUE_TODAY, DeadlineState.DUE_SOON, DeadlineState.UPCOMING)
    branches = []
    for key, model, field, still_open in DEADLINE_SOURCES:
        if rule and key != rule:
            continue
        branches.append(
            model.objects.filter(still_open, _due_filter(field, today=today, states=states))
            .annotate(
                record_type=Value(RECORD_TYPES[model], output_field=CharField()),
                record_id=F("pk"),
                code=F("code_name"),
                rule_key=Value(key, output_field=CharField()),
                due=F(field),
            )
            .values("record_type", "record_id", "code", "rule_key", "due")
            .order_by()
        )
    if not branches:
        return []
    query = branches[0].union(*branches[1:], all=True) if len(branches) > 1 else branches[0]
    rows = query.order_by("due", "rule_key", "record_id")
    return [
        OpenDeadline(
            record_type=row["record_type"],
            record_id=row["record_id"],
            code_name=row["code"],
            rule=RULES[row["rule_key"]],
            due=row["due"],
            state=deadline_state(due=row["due"], met_on=None, today=today),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class RuleSummary:
    rule: object
    overdue: int
    due_today: int
    due_soon: int


def deadline_summary(*, today=None):
    """For each rule: how many deadlines are overdue, due today and due soon. One query."""
    today = today or timezone.localdate()
    soon_until = due_soon_until(today)
    branches = []
    for key, model, field, still_open in DEADLINE_SOURCES:
        branches.append(
            model.objects.filter(still_open, **{f"{field}__isnull": False})
            .annotate(rule_key=Value(key, output_field=CharField()))
            .values("rule_key")
            .annotate(
                overdue=Count("pk", filter=Q(**{f"{field}__lt": today})),
                due_today=Count("pk", filter=Q(**{field: today})),
                due_soon=Count("pk", filter=Q(**{f"{field}__gt": today, f"{field}__lte": soon_until})),
            )
            .values("rule_key", "overdue", "due_today", "due_soon")
            .order_by()
        )
    counts = {row["rule_key"]: row for row in branches[0].union(*branches[1:], all=True)}
    return [
        RuleSummary(
            rule=rule,
            overdue=counts.get(rule.key, {}).get("overdue", 0),
            due_today=counts.get(rule.key, {}).get("due_today", 0),
            due_soon=counts.get(rule.key, {}).get("due_soon", 0),
        )
        for rule in RULES
    ]


def open_actions_for(review):
    """What must close before `review` can close without a reason: the open actions of the shared tracker raised
    from its recommendations (reviews/action_sources.py). A queryset, so the callers count it in one query."""
    return Action.objects.open().filter(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id__in=Recommendation.objects.filter(review=review).values("pk"),
    )


def reminder_recipients():
    """The addresses deadline reminders go to: every active business manager (the staff in the Business
    managers group) and every current chair or co-chair of the Case Review Subgroup (CASE_REVIEW_BODY_NAME).
    Two queries; each address once, whatever its case."""
    addresses = list(
        User.objects.filter(is_active=True, is_staff=True, groups__name=BUSINESS_MANAGERS_GROUP)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
    addresses += list(
        Membership.objects.current(on=timezone.localdate())
        .filter(body__name=settings.CASE_REVIEW_BODY_NAME, role__in=CHAIRING_ROLES)
        .exclude(person__email="")
        .order_by("person__email")
        .values_list("person__email", flat=True)
    )
    seen, unique = set(), []
    for address in addresses:
        address = address.strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


# For the "Learning from reviews" chapter (reviews/report.py): each a fixed number of queries, whatever the rows.
# Nothing identifying is read: code names, the review's own summary and learning, never circumstances, boroughs or
# age bands.


def rapid_review_timeliness(*, year):
    """Rapid reviews sent to the National Panel in the financial year, and how many by their deadline."""
    return RapidReview.objects.filter(submitted_to_panel_on__range=(year.start, year.end)).aggregate(
        held=Count("pk"),
        on_time=Count("pk", filter=Q(submitted_to_panel_on__lte=F("incident__rapid_review_due"))),
    )


def decisions_by_kind(*, year):
    """{decision: count} for the rapid review decisions made in the financial year."""
    rows = (
        RapidReview.objects.filter(decided_on__range=(year.start, year.end))
        .exclude(decision="")
        .values("decision")
        .annotate(count=Count("pk"))
        .order_by("decision")
    )
    return {row["decision"]: row["count"] for row in rows}


def reviews_in_progress_in(year, *, prefix=""):
    """The filter for the practice reviews the partnership worked on in the financial year: commissioned by its last
    day, and neither published nor closed before its first (`prefix` reaches the review from a related model)."""
    return (
        Q(**{f"{prefix}commissioned_on__lte": year.end})
        & ~Q(**{f"{prefix}published_on__lt": year.start})
        & ~Q(**{f"{prefix}closed_on__lt": year.start})
    )


def themes_across_reviews(*, since=None, year=None):
    """Learning themes × practice reviews: rows of (theme, review code name, findings), for the table of learning
    that recurs. The reviews commissioned on or after `since` (the themes page), or those in progress during the
    financial `year` (the annual report: `reviews_in_progress_in`), never both. One query."""
    if (since is None) == (year is None):
        raise TypeError("Give either since or year.")
    window = Q(review__commissioned_on__gte=since) if year is None else reviews_in_progress_in(year, prefix="review__")
    return list(
        Finding.objects.filter(window, themes__isnull=False)
        .values(theme=F("themes__name"), review_code=F("review__code_name"))
        .annotate(findings=Count("pk"))
        .order_by("theme", "review_code")
    )


def themes_since(*, today):
    """The start of the three financial years up to `today`'s: the window of the themes across reviews."""
    return FinancialYear.for_date(today).previous.previous.start


def themes_table(*, since=None, year=None, recurring_first=False):
    """Learning themes × the reviews commissioned on or after `since`, or in progress during `year`, as a table:
    `reviews` (code names, the columns), `rows` (per theme: its counts of findings per review, how many reviews and
    findings it runs through). By theme name, or with `recurring_first` the themes in most reviews first. One
    query."""
    cells = themes_across_reviews(since=since, year=year)
    reviews = sorted({cell["review_code"] for cell in cells})
    by_theme = {}
    for cell in cells:
        by_theme.setdefault(cell["theme"], {})[cell["review_code"]] = cell["findings"]
    rows = [
        {
            "theme": theme,
            "counts": [counts.get(review, 0) for review in reviews],
            "reviews": len(counts),
            "findings": sum(counts.values()),
        }
        for theme, counts in sorted(by_theme.items())
    ]
    if recurring_first:
        rows.sort(key=lambda row: (-row["reviews"], -row["findings"], row["theme"]))
    return {"since": since, "year": year, "reviews": reviews, "rows": rows}


def incident_figures(*, year):
    """The chapter's incident and rapid review figures in one query (an incident has at most one rapid review, so
    the join multiplies nothing): `notified` (incidents notified to the Panel in the year), `held` (rapid reviews
    sent to the Panel in the year), `on_time` (of those, by their deadline) and `decisions` ({decision: count} of
    the decisions made in the year)."""
    window = (year.start, year.end)
    submitted = Q(rapid_review__submitted_to_panel_on__range=window)
    counts = SeriousIncident.objects.aggregate(
        notified=Count("pk", filter=Q(notified_panel_on__range=window)),
        held=Count("rapid_review", filter=submitted),
        on_time=Count(
            "rapid_review", filter=submitted & Q(rapid_review__submitted_to_panel_on__lte=F("rapid_review_due"))
        ),
        **{
            f"decision_{value}": Count(
                "rapid_review", filter=Q(rapid_review__decided_on__range=window, rapid_review__decision=value)
            )
            for value in Decision.values
        },
    )
    return {
        "notified": counts["notified"],
        "held": counts["held"],
        "on_time": counts["on_time"],
        "decisions": {value: counts[f"decision_{value}"] for value in Decision.values},
    }


def practice_review_counts(*, year):
    """Practice reviews commissioned, completed (final report received) and published in the year. One query."""
    window = (year.start, year.end)
    return PracticeReview.objects.aggregate(
        started=Count("pk", filter=Q(commissioned_on__range=window)),
        completed=Count("pk", filter=Q(report_received_on__range=window)),
        published=Count("pk", filter=Q(published_on__range=window)),
    )


def with_action_counts(recommendations):
    """The recommendations annotated with their actions in the shared tracker: `actions_total` and `actions_open`
    (what `Recommendation.standing` reads), and `actions_complete`."""
    from governance.models import ActionStatus
    from governance.models.actions import CLOSED_STATUSES

    return recommendations.annotate(
        actions_total=Count("actions"),
        actions_open=Count("actions", filter=~Q(actions__status__in=CLOSED_STATUSES)),
        actions_complete=Count("actions", filter=Q(actions__status=ActionStatus.COMPLETE)),
    )


def published_reviews(*, year):
    """The reviews published in the year, each with its findings and its recommendations, each recommendation
    annotated with its actions in the shared tracker (`with_action_counts`). Three queries, however many reviews."""
    recommendations = with_action_counts(Recommendation.objects.select_related("agency")).order_by("number")
    return list(
        PracticeReview.objects.filter(published_on__range=(year.start, year.end))
        .order_by("published_on", "code_name")
        .prefetch_related(
            Prefetch("findings", queryset=Finding.objects.order_by("number")),
            Prefetch("recommendations", queryset=recommendations),
        )
    )


def disseminations_in(*, year):
    """How learning was spread in the year, with the review it came from. One query."""
    return list(
        Dissemination.objects.filter(date__range=(year.start, year.end))
        .select_related("practice_review", "national_review")
        .order_by("date", "pk")
    )


def national_reviews_with_actions(*, year):
    """The national reviews the partnership considered in the year, in that order, with its response and the
    actions raised from each in the shared tracker (`review.actions.all()`, by due date, their owners read with
    them). Two queries, however many reviews and actions."""
    actions = Action.objects.select_related("owner_agency").order_by("due_date", "pk")
    return list(
        NationalReview.objects.filter(considered_on__range=(year.start, year.end))
        .order_by("considered_on", "title")
        .prefetch_related(Prefetch("actions", queryset=actions))
    )


def national_reviews_count(*, year):
    """How many national reviews the partnership considered in the year (the report's key figures). One query."""
    return NationalReview.objects.filter(considered_on__range=(year.start, year.end)).count()
