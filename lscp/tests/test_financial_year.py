from datetime import date

import pytest

from lscp.financial_year import FinancialYear, FinancialYearFormField


def test_it_reads_the_partnerships_own_way_of_writing_a_year():
    year = FinancialYear.parse("2022/23")
    assert (year.start, year.end) == (date(2022, 4, 1), date(2023, 3, 31))
    assert year.label == "2022/23" and year.slug == "2022-23"
    assert FinancialYear.parse("2022-23") == FinancialYear.parse("2022/2023") == year


@pytest.mark.parametrize("text", ["2022/24", "22/23", "2022", "", "twenty", "2099/01"])
def test_it_refuses_what_is_not_a_financial_year(text):
    with pytest.raises(ValueError, match="like 2022/23"):
        FinancialYear.parse(text)


@pytest.mark.parametrize(
    "day, label",
    [
        (date(2022, 4, 1), "2022/23"),
        (date(2023, 3, 31), "2022/23"),
        (date(2023, 4, 1), "2023/24"),
        (date(1999, 12, 31), "1999/00"),
    ],
)
def test_a_day_belongs_to_the_year_that_contains_it(day, label):
    year = FinancialYear.for_date(day)
    assert year.label == label
    assert day in year
    assert day not in year.next


def test_the_datetime_range_covers_the_last_evening_of_march():
    start, end = FinancialYear(2022).datetime_range()
    assert start.date() == date(2022, 4, 1) and end.date() == date(2023, 4, 1)
    assert str(start.tzinfo) == "Europe/London"


def test_the_form_field_explains_a_bad_year():
    field = FinancialYearFormField()
    assert field.clean("2021/22") == FinancialYear(2021)
    with pytest.raises(Exception, match="like 2022/23"):
        field.clean("2021/23")


def test_a_model_with_a_financial_year_passes_full_clean():
    from django.db import models

    from lscp.financial_year import FinancialYearField

    field = FinancialYearField()
    field.set_attributes_from_name("year")
    assert field.clean(FinancialYear(2022), None) == FinancialYear(2022)
    assert field.clean("2023/24", None) == FinancialYear(2023)
    assert isinstance(field, models.PositiveSmallIntegerField)


def test_the_first_and_last_years_have_no_neighbour_beyond_them():
    from lscp.financial_year import FIRST_YEAR, LAST_YEAR

    assert FinancialYear(FIRST_YEAR).previous is None and FinancialYear(LAST_YEAR).next is None
    assert FinancialYear(2022).previous == FinancialYear(2021)
