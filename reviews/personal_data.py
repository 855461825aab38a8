"""What the case reviews hold about a person (lscp/data_protection.py): the log of the case review records their
account opened, and the deadline reminders e-mailed to them. The case review records themselves name no one
who works on them: the independent reviewers commissioned are named in the practice review (as the published
review names them), which is kept as it is."""

from django.conf import settings

from lscp.data_protection import PersonalData, emails_sent, in_years

from .models import DeadlineReminder, ReviewViewing


def viewings(subject):
    if not subject.user_ids:
        return []
    return [
        {"Opened": viewing.viewed_at, "Case review record": str(viewing.record)}
        for viewing in ReviewViewing.objects.filter(viewed_by_id__in=subject.user_ids)
        .select_related("incident", "practice_review")
        .order_by("viewed_at")
    ]


def _viewings_kept():
    return (
        "The log of who opened each case review record protects records about children: it must say who opened "
        f"them, so each entry is kept for {in_years(settings.ACCESS_LOG_RETENTION_YEARS)}, then deleted. The "
        "account stays as it is while the log names it."
    )


PERSONAL_DATA = [
    PersonalData(
        "reviews.viewings",
        "Case review records opened",
        viewings,
        kept_because=_viewings_kept,
        covers=("reviews.ReviewViewing.viewed_by",),
    ),
    emails_sent("reviews.reminders", "Case review deadline reminders", DeadlineReminder),
]
