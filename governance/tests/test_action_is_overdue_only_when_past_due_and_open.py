from datetime import timedelta

import pytest
from django.utils import timezone

from governance.models import Action, ActionStatus
from governance.tests.factories import ActionFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status, due_in_days, overdue",
    [
        (ActionStatus.NOT_STARTED, -1, True),
        (ActionStatus.ON_TRACK, -30, True),
        (ActionStatus.AT_RISK, -1, True),
        (ActionStatus.AT_RISK, 0, False),  # due today: not yet overdue
        (ActionStatus.ON_TRACK, 7, False),
        (ActionStatus.COMPLETE, -30, False),
        (ActionStatus.CANCELLED, -30, False),
    ],
)
def test_an_action_is_overdue_only_when_past_due_and_not_complete_or_cancelled(status, due_in_days, overdue):
    today = timezone.localdate()
    completed_on = today - timedelta(days=40) if status == ActionStatus.COMPLETE else None
    action = ActionFactory(status=status, due_date=today + timedelta(days=due_in_days), completed_on=completed_on)
    assert action.is_overdue is overdue
    assert Action.objects.overdue(today).filter(pk=action.pk).exists() is overdue
    assert Action.objects.overdue().filter(pk=action.pk).exists() is overdue


@pytest.mark.django_db
def test_overdue_is_judged_on_the_day_asked():
    today = timezone.localdate()
    action = ActionFactory(due_date=today + timedelta(days=10))
    assert not Action.objects.overdue(today).exists()
    assert list(Action.objects.overdue(today + timedelta(days=11))) == [action]
    assert action.is_overdue_on(today + timedelta(days=11))


@pytest.mark.django_db
def test_due_soon_lists_open_actions_due_in_the_coming_fortnight():
    today = timezone.localdate()
    soon = ActionFactory(due_date=today + timedelta(days=14))
    ActionFactory(due_date=today + timedelta(days=15))
    ActionFactory(due_date=today - timedelta(days=1))
    ActionFactory(due_date=today + timedelta(days=3), status=ActionStatus.CANCELLED)
    assert list(Action.objects.due_soon(today)) == [soon]
