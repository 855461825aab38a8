"""Each kind of cell is read strictly: what could be misread (a decimal comma, a £ sign, an impossible date,
a year that is not a financial year) is refused with a message, never guessed at."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db import models

from lscp.financial_year import FinancialYear
from lscp.spreadsheets import Choice, Day, Money, Text, WholeNumber, Year, YesNo, column_letter


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("1611.21", Decimal("1611.21")),
        (" 1611.2 ", Decimal("1611.2")),
        ("-2500.75", Decimal("-2500.75")),
        ("0", Decimal("0")),
        (17530, Decimal("17530")),
        (1611.21, Decimal("1611.21")),
        (0.1 + 0.2, Decimal("0.30")),  # a workbook's sum, back to the penny
        ("", None),
        (None, None),
    ],
)
def test_amounts_in_pounds_and_pence_are_read(cell, amount):
    assert Money().clean(cell) == amount


@pytest.mark.parametrize(
    "cell", ["£1611,21", "1611,21", "1,611.21", "£1611.21", "1611.215", "1611.21p", "12e3", "abc", 1611.215, True]
)
def test_anything_else_is_refused_as_an_amount(cell):
    with pytest.raises(ValueError, match="is not an amount in pounds and pence"):
        Money().clean(cell)


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2023-03-31", date(2023, 3, 31)),
        ("31/03/2023", date(2023, 3, 31)),
        ("1/4/2022", date(2022, 4, 1)),
        (datetime(2023, 3, 31, 0, 0), date(2023, 3, 31)),
        ("", None),
    ],
)
def test_dates_are_read_day_first_or_as_iso(cell, day):
    assert Day().clean(cell) == day


@pytest.mark.parametrize("cell", ["31/02/2023", "2023-02-30", "03/31/2023", "31.03.2023", "31 March 2023", "2023"])
def test_impossible_or_ambiguous_dates_are_refused(cell):
    with pytest.raises(ValueError, match="is not a date: write dates as 2023-03-31 or 31/03/2023"):
        Day().clean(cell)


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    COMPLETE = "complete", "Complete"


class Rag(models.TextChoices):
    GREEN = "green", "Green: considerable progress"
    AMBER = "amber", "Amber: some progress"
    RED = "red", "Red: no progress, or considerable challenges"


def test_financial_years_are_read_as_2022_23_and_nothing_else():
    assert Year().clean("2022/23") == FinancialYear(2022)
    assert Year().clean("2022-2023") == FinancialYear(2022)
    for cell in ("2022/24", "2022", "22/23", "FY2022"):
        with pytest.raises(ValueError, match="is not a financial year. Enter a financial year like 2022/23"):
            Year().clean(cell)


def test_choices_are_read_by_label_or_value_whatever_the_capitals():
    status = Choice(ActionStatus.choices, "status")
    assert [status.clean(cell) for cell in ("On track", "on_track", "ON TRACK", "")] == ["on_track"] * 3 + [""]
    rag = Choice(Rag.choices, "RAG rating", labels=[(r.value, r.name.title()) for r in Rag])
    assert [rag.clean(cell) for cell in ("Red", "red", "Red: no progress, or considerable challenges")] == ["red"] * 3
    assert rag.render("amber") == "Amber"
    with pytest.raises(ValueError, match="“Purple” is not a RAG rating: use one of “Green”, “Amber” or “Red”."):
        rag.clean("Purple")


def test_yes_no_and_whole_numbers():
    assert [YesNo().clean(cell) for cell in ("yes", "Y", "TRUE", "0", "no", "", True)] == [
        True,
        True,
        True,
        False,
        False,
        None,
        True,
    ]
    assert [WholeNumber().clean(cell) for cell in ("3", 3, 3.0, "3.0", "")] == [3, 3, 3, 3, None]
    for cell in ("-1", "3.5", "three", 2.5):
        with pytest.raises(ValueError, match="is not a whole number"):
            WholeNumber().clean(cell)


def test_text_that_a_spreadsheet_would_take_for_a_formula_is_marked_on_export_and_unmarked_on_import():
    assert Text().render("=SUM(A1:A9)") == "'=SUM(A1:A9)"
    assert Text().render("+44 20 7946 0000") == "'+44 20 7946 0000"
    assert Text().render("=SUM(A1:A9)", force_native_type=True) == "=SUM(A1:A9)"
    assert Text().clean("'=SUM(A1:A9)") == "=SUM(A1:A9)"
    assert Text().clean("'Tis the season") == "'Tis the season"


def test_columns_are_named_by_their_letters():
    assert [column_letter(index) for index in (0, 2, 25, 26, 27)] == ["A", "C", "Z", "AA", "AB"]
