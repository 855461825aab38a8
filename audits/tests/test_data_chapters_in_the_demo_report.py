"""The demo's 2022/23 report carries the 2022/23 report's children and young people data with the partnership's
figures and the change since a year earlier in numbers and per cent, the LADO outcomes computed from counts, and the
child death review summary, in the orders the section registry keeps; every percentage a whole per cent rounded half
up (lscp/percentages.py), with a note under a column that rounding keeps from adding up to 100."""

import pytest

from reports.sections import section_by_key


@pytest.fixture
def built(demo_report):
    return demo_report


def test_the_chapters_sit_where_the_2022_23_report_puts_them():
    keys = ("structure", "borough-profiles", "children-data", "child-death-review", "lado")
    orders = {key: section_by_key(key).order for key in keys}
    assert orders["structure"] < orders["borough-profiles"] < orders["children-data"] < 100
    assert 400 <= orders["child-death-review"] < orders["lado"] == 500


def test_the_children_data_table_has_each_borough_the_london_average_and_the_trend(built):
    chapter = built.section_text("children-data")
    assert "Our children and young people data at the end of 2022/23" in chapter
    # Each borough, the partnership's total, the London average, and the changes in numbers and per cent.
    assert (
        "Children in need (31 March 2023; CIN March 2023 DfE) 726 1,309 2,035 2,120 RBKC: down 22 (3%) WCC: up 22 "
        "(2%) Total: no change" in chapter
    )
    assert (
        "Child protection plans (31 March 2023; CPP March 2023 DfE) 42 85 127 230 RBKC: down 9 (18%) WCC: up 15 (21%) "
        "Total: up 6 (5%)" in chapter
    )
    assert "Children living in relative low income families (2022/23; " in chapter
    # 9.9% and 14.2% as whole per cents, both boroughs weighed by their children (12%), and London's 16.4%; the
    # change of a percentage in points.
    assert "10% 14% 12% 16% RBKC: down 0.5 points WCC: up 1.1 points" in chapter
    # A share of another indicator: unaccompanied children of the children looked after.
    assert "34 (32%) 49 (27%) 83 (29%)" in chapter
    assert "Early Help referrals (2022/23; Monthly performance report) 596 381 977 N/A" in chapter
    assert "Our children and young people data" in built.pdf_text


def test_the_borough_profiles_carry_the_2022_23_reports_figures_and_story(built):
    chapter = built.section_text("borough-profiles")
    assert "Our boroughs at a glance in 2022/23" in chapter
    assert "Total population (2022/23; Joint Strategic Needs Assessment 2023) 143,900 205,100 349,000" in chapter
    assert "share of total population) 20,200 (14%) 26,700 (13%) 46,900 (13%)" in chapter
    assert "Children living in poverty (2022/23; Joint Strategic Needs Assessment 2023) 20% 25% 23%" in chapter
    assert "Unemployment rate (2022/23; Joint Strategic Needs Assessment 2023) 5% 5% –" in chapter
    assert "the impact of the Grenfell tragedy is still felt" in chapter
    assert "Total population" not in built.section_text("children-data")


def test_the_lado_outcomes_are_computed_from_counts_and_add_up(built):
    chapter = built.section_text("lado")
    # The 2022/23 annual report's RBKC column (6%, 52%, 23%, –, 10%, –) adds up to 91%; from the counts it adds up to
    # 100%.
    assert "Unfounded 4 6% 3 6% 7 6%" in chapter
    assert "Unsubstantiated 36 52% 15 30% 51 43%" in chapter
    assert "Advice only 6 9% 16 32% 22 18%" in chapter
    assert "All allegations 69 100% 50 100% 119 100%" in chapter
    # 30 of 69 is 43.5%: 43%, as everywhere (the largest remainder method used to print it 44% to make the column
    # add up), and the column says it may not add up.
    assert "Schools and colleges 30 43% 21 42% 51 43%" in chapter
    assert chapter.endswith("All referrals 69 100% 50 100% 119 100% Percentages are rounded, so may not add up to 100.")
    assert "All allegations 69 100% 50 100% 119 100% Where referrals came from" in chapter
    assert "Outcomes of allegations referred to the LADO service" in built.pdf_text


def test_the_child_death_review_summary_is_computed(built):
    chapter = built.section_text("child-death-review")
    assert "reviewed the deaths of 19 children" in chapter
    assert "All deaths reviewed 8 100% 11 100% 19 100%" in chapter
    assert "9 (47%) were unexpected" in chapter
    assert "modifiable factors in 5 (26%)" in chapter
    # 3 of 8 is 37.5%: 38%, and 4 of 11 is 36.4%: 36% (the largest remainder method printed both 37%).
    assert "Perinatal or neonatal event 3 38% 4 36% 7 37%" in chapter
    assert "Malignancy 1 13% 0 0% 1 5%" in chapter and "Sudden unexpected, unexplained death 1 13%" in chapter
