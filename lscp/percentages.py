"""Whole percentages of a column that add up to 100, whatever the rounding (the largest-remainder method).

Rounding each share on its own can leave a column at 99% or 101% (three equal thirds round to 33% each); a
published table that does not add up invites the question of what else is wrong. The largest-remainder method
rounds every share down, then gives the points still missing to the shares that lost the most in rounding down
(ties to the earlier share), so the column adds up to exactly 100 and no share is more than one point from its
exact value.
"""

from decimal import Decimal


def largest_remainder_percentages(counts):
    """[whole percentage for each count], adding up to 100; all zeros when the counts add up to nothing.

    >>> largest_remainder_percentages([1, 1, 1])
    [34, 33, 33]
    """
    counts = [Decimal(count) for count in counts]
    if any(count < 0 for count in counts):
        raise ValueError("Counts cannot be negative.")
    total = sum(counts)
    if not total:
        return [0 for _ in counts]
    exact = [count * 100 / total for count in counts]
    floors = [int(share) for share in exact]
    missing = 100 - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda index: (-(exact[index] - floors[index]), index))
    for index in by_remainder[:missing]:
        floors[index] += 1
    return floors
