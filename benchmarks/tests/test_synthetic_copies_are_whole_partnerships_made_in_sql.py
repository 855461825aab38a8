"""The report benchmark's copies of the demo (benchmarks/synthetic.py), made with INSERT … SELECT: each copy is a
whole partnership of its own (its rows point at the same copy's rows), the demo's rows are untouched, and the
tables take new rows afterwards (their sequences are past the copied ids)."""

import pytest
from django.db.models import F

from audits.models import Observation
from benchmarks.synthetic import multiply_records
from governance.models import Action, PriorityActivity
from partnership.models import Agency, Attendance, Body, Person
from training.models import Booking, EvaluationScore


@pytest.mark.django_db
def test_two_more_copies_triple_the_demo_and_each_copy_points_at_itself(demo):
    counted = (Agency, Person, Attendance, Booking, EvaluationScore, Observation, Action)
    before = {model: model.objects.count() for model in counted}
    attendance_in_demo = before[Attendance]
    demo_lines = set(Attendance.objects.values_list("pk", "meeting_id", "membership_id", "status"))

    multiply_records(3)

    assert {model: model.objects.count() for model in counted} == {model: 3 * n for model, n in before.items()}
    for copy in (1, 2):
        suffix = f" ({copy})"
        in_copy = Attendance.objects.filter(meeting__body__name__endswith=suffix)
        assert in_copy.count() == attendance_in_demo
        assert not in_copy.exclude(membership__body__name__endswith=suffix).exists()
        assert not in_copy.exclude(membership__person__agency__name__endswith=suffix).exists()
        assert (
            not Body.objects.filter(name__endswith=suffix, parent__isnull=False)
            .exclude(parent__name__endswith=suffix)
            .exists()
        )
        assert (
            not Booking.objects.filter(session__course__title__endswith=suffix)
            .exclude(delegate__email__contains=f"+{copy}@")
            .exists()
        )
        assert (
            not EvaluationScore.objects.filter(evaluation__booking__session__course__title__endswith=suffix)
            .exclude(outcome__course=F("evaluation__booking__session__course"))
            .exists()
        )
        for action in Action.objects.filter(title__endswith=suffix):
            assert action.source is not None
            if isinstance(action.source, PriorityActivity):
                assert action.source.priority.title.endswith(suffix)
    assert demo_lines <= set(Attendance.objects.values_list("pk", "meeting_id", "membership_id", "status"))


@pytest.mark.django_db
def test_tables_take_new_rows_after_the_copies(demo):
    multiply_records(2)

    agency = Agency.objects.create(name="An agency made after the copies", sector=Agency.objects.first().sector)

    assert agency.pk > Agency.objects.exclude(pk=agency.pk).order_by("-pk").first().pk
