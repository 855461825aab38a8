"""Whole percentages computed by the largest-remainder method always add up to 100, each within one point of its
exact share; a column of nothing is all zeros."""

from itertools import product

import pytest

from lscp.percentages import largest_remainder_percentages


def test_thirds_add_up_to_100():
    assert largest_remainder_percentages([1, 1, 1]) == [34, 33, 33]


def test_the_2022_23_reports_lado_columns():
    # Kensington and Chelsea's 69 allegations and Westminster's 50 give the 2022/23 report's printed percentages.
    assert largest_remainder_percentages([4, 36, 16, 6, 7, 0]) == [6, 52, 23, 9, 10, 0]
    assert largest_remainder_percentages([3, 15, 14, 16, 0, 2]) == [6, 30, 28, 32, 0, 4]


def test_every_small_column_adds_up_and_stays_within_a_point():
    for counts in product(range(8), repeat=4):
        percents = largest_remainder_percentages(counts)
        total = sum(counts)
        if not total:
            assert percents == [0, 0, 0, 0]
            continue
        assert sum(percents) == 100, counts
        for count, percent in zip(counts, percents, strict=True):
            assert abs(percent - count * 100 / total) < 1, counts


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        largest_remainder_percentages([3, -1])
