from datetime import date

from lscp.working_days import add_working_days, is_working_day, working_days_between


def test_bank_holidays_and_weekends_are_not_working_days():
    assert not is_working_day(date(2022, 12, 26))  # Boxing Day
    assert not is_working_day(date(2022, 9, 19))  # the Queen's state funeral
    assert not is_working_day(date(2022, 12, 24))  # a Saturday
    assert not is_working_day(date(2022, 12, 27))  # substitute day for Christmas Day
    assert not is_working_day(date(2023, 1, 2))  # substitute day for New Year's Day
    assert is_working_day(date(2022, 12, 28))


def test_five_working_days_skip_christmas():
    # Notified on Friday 23 December 2022: 26 and 27 December and 2 January are bank holidays.
    assert add_working_days(date(2022, 12, 23), 5) == date(2023, 1, 4)
    assert working_days_between(date(2022, 12, 23), date(2023, 1, 4)) == 5


def test_counting_backwards_gives_the_deadline_before_a_date():
    assert add_working_days(date(2023, 1, 4), -5) == date(2022, 12, 23)
