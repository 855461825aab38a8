"""The statutory and local deadlines of case reviews, each with the guidance it comes from.

The rules are a table in code, not rows a user edits: a timescale changes when the guidance does
(Working Together 2018 → 2023), and that change should be read, tested and deployed like any other. The one
local choice, how long the partnership gives itself to complete a practice review, is a setting
(`REVIEW_TARGET_COMPLETION_MONTHS`). Working days come from the one calendar the product uses
(`lscp/working_days.py`: Monday to Friday, less England and Wales bank holidays).

Due dates are worked out here and stored on the records (indexed), so the dashboard and the reminders are
plain queries; whether a deadline is overdue is derived from the stored date and today, never stored.
"""

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models

from lscp.working_days import add_working_days

__all__ = [
    "DeadlineRule",
    "DeadlineState",
    "RULES",
    "PANEL_NOTIFICATION",
    "RAPID_REVIEW",
    "SHARE_BEFORE_PUBLICATION",
    "OPEN_STATES",
    "deadline_state",
    "due_soon_until",
    "target_completion_months",
]


@dataclass(frozen=True)
class DeadlineRule:
    key: str
    title: str  # what has to be done, in the partnership's words
    counted_from: str  # the date the count starts from
    guidance: str  # where the timescale comes from
    working_days: int = 0  # after the start (negative: before it)
    months: int = 0  # calendar months after the start, for the partnership's own targets

    def due(self, start):
        """The due date counted from `start`, or None when there is no start date yet."""
        if start is None:
            return None
        if self.months:
            return start + relativedelta(months=self.months)
        return add_working_days(start, self.working_days)

    @property
    def timescale(self):
        if self.months:
            return f"{self.months} months after {self.counted_from}"
        days = abs(self.working_days)
        return f"{days} working days {'after' if self.working_days >= 0 else 'before'} {self.counted_from}"


PANEL_NOTIFICATION = DeadlineRule(
    key="panel_notification",
    title="Notify the National Panel",
    counted_from="the day the local authority became aware of the incident",
    working_days=5,
    guidance=(
        "Working Together to Safeguard Children 2018 (chapter 4) and 2023 (chapter 5): the local authority "
        "notifies the Child Safeguarding Practice Review Panel of a serious incident within five working days "
        "of becoming aware of it."
    ),
)
RAPID_REVIEW = DeadlineRule(
    key="rapid_review",
    title="Complete the rapid review and send it to the National Panel",
    counted_from="the notification to the National Panel",
    working_days=15,
    guidance=(
        "Working Together to Safeguard Children 2018 (chapter 4) and the National Panel's practice guidance: "
        "the rapid review is completed and sent to the Panel within 15 working days of the notification. "
        "Until the Panel is notified, it is counted from the last day for notifying it."
    ),
)
SHARE_BEFORE_PUBLICATION = DeadlineRule(
    key="share_before_publication",
    title="Share the report with the National Panel, the Secretary of State and Ofsted",
    counted_from="the planned publication date",
    working_days=-7,
    guidance=(
        "Working Together to Safeguard Children 2018 (chapter 4) and the 2019 partnership arrangements: "
        "a local child safeguarding practice review is shared with the National Panel, the Secretary of State "
        "and Ofsted no later than seven working days before it is published."
    ),
)


def target_completion_months():
    return settings.REVIEW_TARGET_COMPLETION_MONTHS


def _target_completion_rule():
    return DeadlineRule(
        key="target_completion",
        title="Complete the practice review (final report received)",
        counted_from="the decision to hold it (or its commissioning, without a rapid review)",
        months=target_completion_months(),
        guidance=(
            f"The partnership's own target, {target_completion_months()} months after the decision to hold the "
            "review: Working Together expects a practice review to be completed and published within about six "
            "months of the decision to hold it."
        ),
    )


class _Rules:
    """The rules by key; the practice review target is read from the settings each time it is asked for."""

    _fixed = {rule.key: rule for rule in (PANEL_NOTIFICATION, RAPID_REVIEW, SHARE_BEFORE_PUBLICATION)}
    keys = ("panel_notification", "rapid_review", "target_completion", "share_before_publication")

    def __getitem__(self, key):
        if key == "target_completion":
            return _target_completion_rule()
        return self._fixed[key]

    def __iter__(self):
        return (self[key] for key in self.keys)

    def choices(self):
        return [(rule.key, rule.title) for rule in self]


RULES = _Rules()


class DeadlineState(models.TextChoices):
    MET = "met", "Met"
    MET_LATE = "met_late", "Met late"
    OVERDUE = "overdue", "Overdue"
    DUE_TODAY = "due_today", "Due today"
    DUE_SOON = "due_soon", "Due soon"
    UPCOMING = "upcoming", "Upcoming"
    NOT_SET = "not_set", "No due date yet"


OPEN_STATES = (DeadlineState.OVERDUE, DeadlineState.DUE_TODAY, DeadlineState.DUE_SOON, DeadlineState.UPCOMING)


def due_soon_until(today):
    """The last day of the "due soon" window: REVIEW_DUE_SOON_WORKING_DAYS working days after today."""
    return add_working_days(today, settings.REVIEW_DUE_SOON_WORKING_DAYS)


def deadline_state(*, due, met_on, today):
    """Where a deadline stands on `today`. Something due today is not yet overdue; the day after, it is."""
    if due is None:
        return DeadlineState.NOT_SET
    if met_on is not None:
        return DeadlineState.MET if met_on <= due else DeadlineState.MET_LATE
    if due < today:
        return DeadlineState.OVERDUE
    if due == today:
        return DeadlineState.DUE_TODAY
    if due <= due_soon_until(today):
        return DeadlineState.DUE_SOON
    return DeadlineState.UPCOMING
