"""While a report is built, Python's cycle collector runs less often (WeasyPrint makes millions of objects, and
collecting took a tenth of the build), and as it was before once the build ends, whether it ends well or not."""

import gc

import pytest

from reports.rendering import BUILD_COLLECTION_THRESHOLD, _garbage_of_this_build_only


def test_the_collector_runs_less_often_during_a_build_and_as_before_after_it():
    before = gc.get_threshold()
    assert before[0] < BUILD_COLLECTION_THRESHOLD
    with _garbage_of_this_build_only():
        assert gc.get_threshold()[0] == BUILD_COLLECTION_THRESHOLD
        assert gc.get_freeze_count() > 0  # what was there before the build is set aside
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_failed_build_puts_the_collector_back_too():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), _garbage_of_this_build_only():
        raise RuntimeError("the build failed")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
