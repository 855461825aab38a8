"""The one rule for the percentages the product prints, above all in the annual report.

**Whole per cents, rounded half up from the exact fraction, written "13%".** The same fraction therefore prints the
same wherever it appears (1 of 8 is 13% in the text and in the table), whatever the column it sits in. Two
exceptions keep a rounded figure truthful: a share that is more than none but under half a per cent prints "<1%",
and one that is not all but rounds to 100 prints ">99%". Rounding happens once, from the counts: never round a
percentage that was already rounded (74.45 → 74.5 → 75, where the counts say 74).

A column of shares meant to add up to 100 may not, once each share is rounded on its own (three thirds are 33%
each); such a table prints `ROUNDING_NOTE` under it (`needs_rounding_note`) rather than bending one share away from
its own fraction. `largest_remainder_percentages` (which does bend them, so that a column adds up) is kept for
callers that print the shares nowhere else; the annual report does not use it.

`Share(part, whole)` is a whole per cent (an int, so it compares, sorts and sums as one) that prints as the rule
says; `format_percent(value)` prints a percentage that is already a number (a rate recorded by its source, a change
in per cent). Both report what they print to `recording()`, so a test can check that each fraction printed the
same text everywhere in a build. Counts, money and changes are formatted in `lscp.figures`, and templates use
both through the `figures` filter library (`{% load figures %}`).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from fractions import Fraction

ROUNDING_NOTE = "Percentages are rounded, so may not add up to 100."
NONE_TEXT = "–"  # no percentage at all: nothing to divide by, or no value

_record = ContextVar("percentages_printed", default=None)


def _exact(value):
    """A Fraction from an int, a Decimal, a Fraction or a float (a float by its decimal text, not its binary value)."""
    if isinstance(value, float):
        value = Decimal(str(value))
    return Fraction(value)


def _round_half_up(exact):
    """Half up on the exact fraction itself: no decimal division that could round before the rounding."""
    sign = -1 if exact < 0 else 1
    magnitude = abs(exact)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    return sign * whole


def whole_percent(part, whole):
    """`part` of `whole` as a whole per cent, rounded half up; None when there is nothing to divide by."""
    if not whole:
        return None
    return _round_half_up(_exact(part) * 100 / _exact(whole))


def percent_text(percent):
    """The text of a percentage (an exact number of per cent): "13%", "<1%", ">99%", "0%", "100%", "250%"."""
    exact = _exact(percent)
    magnitude = abs(exact)
    if 0 < magnitude < Fraction(1, 2):
        text = "<1%"
    elif 99 + Fraction(1, 2) <= magnitude < 100:
        text = ">99%"
    else:
        text = f"{_round_half_up(magnitude)}%"
    return f"-{text}" if exact < 0 and text != "0%" else text


def _printed(fraction, text):
    record = _record.get()
    if record is not None:
        record.append((fraction, text))
    return text


class Share(int):
    """`part` of `whole`: an int, the whole per cent rounded half up, that prints as "13%" (see the module's rule).

    >>> share = Share(1, 8)
    >>> share == 13, str(share), share.part, share.whole
    (True, '13%', 1, 8)
    """

    def __new__(cls, part, whole):
        if not whole:
            raise ValueError("A share needs something to divide by.")
        self = super().__new__(cls, whole_percent(part, whole))
        self.part, self.whole = part, whole
        return self

    @property
    def exact(self):
        """The exact number of per cent, as a Fraction."""
        return _exact(self.part) * 100 / _exact(self.whole)

    def __str__(self):
        return _printed(_exact(self.part) / _exact(self.whole), percent_text(self.exact))

    def __repr__(self):
        return f"Share({self.part!r}, {self.whole!r})"

    def __reduce__(self):
        return (Share, (self.part, self.whole))


def share(part, whole):
    """`Share(part, whole)`, or None when `whole` is nothing (no one was expected, nothing was counted)."""
    if part is None or not whole:
        return None
    return Share(part, whole)


def format_share(part, whole):
    """The text of `part` of `whole`: "13%", or "–" when there is nothing to divide by."""
    found = share(part, whole)
    return NONE_TEXT if found is None else str(found)


def format_percent(value):
    """The text of a number that is already a percentage (9.9 → "10%"), or "–" for None."""
    if value is None or value == "":
        return NONE_TEXT
    exact = _exact(value)
    return _printed(exact / 100, percent_text(exact))


def needs_rounding_note(counts):
    """Whether the shares of `counts` in their total, each rounded by the rule, print as anything but a column
    adding up to 100 (a share printed "<1%" or ">99%" counts as not adding up)."""
    counts = [_exact(count) for count in counts]
    total = sum(counts)
    if not total:
        return False
    texts = [percent_text(count * 100 / total) for count in counts]
    if any(text.startswith(("<", ">")) for text in texts):
        return True
    return sum(int(text.rstrip("%")) for text in texts) != 100


@contextmanager
def recording():
    """Collects [(fraction, text)] for every percentage printed inside the block (this thread or task only)."""
    printed = []
    token = _record.set(printed)
    try:
        yield printed
    finally:
        _record.reset(token)


def largest_remainder_percentages(counts):
    """[whole percentage for each count], adding up to 100; all zeros when the counts add up to nothing.

    Rounding each share on its own can leave a column at 99% or 101%. The largest-remainder method rounds every
    share down, then gives the points still missing to the shares that lost the most in rounding down (ties to
    the earlier share), so the column adds up to exactly 100 and no share is more than one point from its exact
    value. It can print one fraction two ways in one table (1 of 8 as 13% in one column, 12% in the next), so the
    annual report prints `Share`s and `ROUNDING_NOTE` instead.

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
