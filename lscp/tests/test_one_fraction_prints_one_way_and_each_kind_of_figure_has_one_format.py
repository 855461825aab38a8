"""One rule for percentages (whole per cents rounded half up from the exact fraction, "13%", with "<1%" and ">99%"
for the shares rounding would make none or all) and one format per kind of figure (counts "24,310", money
"£1,234.56", changes "up 580 (2%)"), in lscp/percentages.py and lscp/figures.py, and through the `figures` template
library. A column whose rounded shares do not add up to 100 gets a note rather than a share bent from its fraction."""

from decimal import Decimal
from fractions import Fraction
from itertools import product

import pytest
from django.template import Context, Template

from lscp import figures
from lscp.percentages import (
    ROUNDING_NOTE,
    Share,
    format_percent,
    format_share,
    needs_rounding_note,
    recording,
    share,
    whole_percent,
)


def test_halves_round_up_not_to_the_even_number():
    # Python's round() gives 12 for 12.5 and 38 for 37.5 … and 2 for 2.5: 1 of 8 printed "12%" beside "13%".
    assert [whole_percent(1, 8), whole_percent(3, 8), whole_percent(1, 40)] == [13, 38, 3]
    assert [str(Share(1, 8)), str(Share(3, 8)), str(Share(5, 19))] == ["13%", "38%", "26%"]


def test_the_same_fraction_prints_the_same_in_any_column_and_from_any_kind_of_number():
    texts = {format_share(1, 8), format_share(2, 16), format_share(Decimal("0.5"), 4), format_percent(Decimal("12.5"))}
    assert texts == {"13%"}
    for part, whole in product(range(12), range(1, 12)):
        assert (
            format_share(part, whole)
            == format_share(part * 7, whole * 7)
            == format_percent(Fraction(part * 100, whole))
        )


def test_a_share_that_is_neither_none_nor_all_never_prints_as_either():
    assert format_share(1, 300) == "<1%" and format_share(1, 200) == "1%"
    assert format_share(299, 300) == ">99%" and format_share(0, 3) == "0%" and format_share(3, 3) == "100%"


def test_nothing_to_divide_by_prints_a_dash_and_makes_no_share():
    assert format_share(0, 0) == "–" and share(3, 0) is None and format_percent(None) == "–"
    with pytest.raises(ValueError):
        Share(1, 0)


def test_a_share_is_a_whole_number_that_prints_with_its_sign():
    found = Share(1, 3)
    assert found == 33 and found + 1 == 34 and sorted([Share(1, 2), found]) == [found, Share(1, 2)]
    assert f"{found}" == "33%" and (found.part, found.whole) == (1, 3)


def test_a_column_that_does_not_add_up_to_100_asks_for_the_note():
    assert needs_rounding_note([1, 1, 1])  # 33% three times
    assert needs_rounding_note([1, 1, 4])  # 17% + 17% + 67%: 101
    assert not needs_rounding_note([4, 36, 16, 6, 7, 0])  # the 2022/23 report's LADO column from its counts: 100
    assert needs_rounding_note([1, 999])  # "<1%" and ">99%" never claim to add up
    assert not needs_rounding_note([0, 0])
    assert ROUNDING_NOTE.startswith("Percentages are rounded")


def test_every_percentage_printed_is_recorded_with_its_fraction():
    with recording() as printed:
        format_share(1, 8)
        str(Share(5, 19))
        format_percent(Decimal("9.9"))
    assert printed == [(Fraction(1, 8), "13%"), (Fraction(5, 19), "26%"), (Fraction(99, 1000), "10%")]
    format_share(1, 8)  # outside the block: nothing recorded, nothing kept
    assert len(printed) == 3


def test_counts_money_and_changes_have_one_format_each():
    assert [figures.format_count(24310), figures.format_count(Decimal("12.25")), figures.format_count(None)] == [
        "24,310",
        "12.3",
        "–",
    ]
    assert figures.format_money(Decimal("1611.205")) == "£1,611.21"
    assert figures.format_money(Decimal("-27122.76")) == "(£27,122.76)"
    assert figures.format_value(Decimal("9.9"), figures.PERCENTAGE) == "10%"
    assert figures.format_change(24310, 24890) == "down 580 (2%)"
    assert figures.format_change(Decimal("1200.50"), Decimal("1000"), unit=figures.MONEY) == "up £200.50 (20%)"
    assert figures.format_change(Decimal("9.9"), Decimal("10.4"), unit=figures.PERCENTAGE) == "down 0.5 points"
    assert figures.format_change(5, 0) == "up 5 (from none)"
    assert figures.format_change(5, 5) == "no change"
    assert figures.format_change(5, None) == "no figure a year earlier"


def test_templates_format_figures_through_the_figures_library():
    rendered = Template(
        "{% load figures %}{{ 24310|count }} · {{ amount|money }} · {{ 1|share_of:8 }} · {{ 0|share_of:0 }} · "
        "{{ rate|percent }} · {{ now|change:earlier }} · {{ counts|rounding_note }}"
    ).render(
        Context({"amount": Decimal("-5"), "rate": Decimal("74.45"), "now": 126, "earlier": 100, "counts": [1, 1, 1]})
    )
    assert rendered == f"24,310 · (£5.00) · 13% · – · 74% · up 26 (26%) · {ROUNDING_NOTE}"


def test_the_older_report_filters_keep_working_under_the_one_rule():
    rendered = Template("{% load report_tags %}{{ rate|percent:1 }} {{ amount|money }} {{ text|money }}").render(
        Context({"rate": Decimal("16.7"), "amount": 1234, "text": "not money"})
    )
    assert rendered == "17% £1,234.00 not money"
