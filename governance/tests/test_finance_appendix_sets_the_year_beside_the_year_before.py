"""The finance appendix sets the year's income, expenditure and variance (all boroughs) beside the year before's,
summed from that year's lines, with the change; only when the year before has lines, and in the same number of
queries however many."""

from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from governance.report import finance_context
from governance.tests.factories import ContributionFactory, ExpenditureLineFactory
from lscp.financial_year import FinancialYear
from partnership.tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db
EARLIER, LATER = FinancialYear(2021), FinancialYear(2022)


@pytest.fixture
def two_years():
    rbkc = LocalAuthorityFactory(name="Kensington and Chelsea", code="RBKC")
    wcc = LocalAuthorityFactory(name="Westminster", code="WCC")
    # 2021/22: £150,000 in, £160,000 out (an overspend of £10,000).
    ContributionFactory(year=EARLIER, borough=rbkc, amount=Decimal("100000.00"))
    ContributionFactory(year=EARLIER, borough=wcc, amount=Decimal("50000.00"))
    ExpenditureLineFactory(year=EARLIER, borough=rbkc, amount=Decimal("160000.00"))
    # 2022/23: £180,000 in, £165,000.50 out.
    ContributionFactory(year=LATER, borough=rbkc, amount=Decimal("120000.00"))
    ContributionFactory(year=LATER, borough=wcc, amount=Decimal("60000.00"))
    ExpenditureLineFactory(year=LATER, borough=rbkc, amount=Decimal("100000.00"))
    ExpenditureLineFactory(year=LATER, borough=wcc, category="independent_chair", amount=Decimal("65000.50"))
    return rbkc, wcc


def test_the_totals_are_set_beside_the_year_befores(two_years):
    rows = {
        label: (f.this_year_text, f.last_year_text, f.change_text) for label, f in finance_context(LATER)["last_year"]
    }
    assert rows == {
        "Total income": ("£180,000.00", "£150,000.00", "up £30,000.00 (20%)"),
        "Total expenditure": ("£165,000.50", "£160,000.00", "up £5,000.50 (3%)"),
        # From an overspend a per cent would mislead: the change is in pounds only; an overspend is in brackets.
        "Variance (income less expenditure)": ("£14,999.50", "(£10,000.00)", "up £24,999.50"),
    }
    html = render_to_string("governance/report/finance.html", {"year": LATER, **finance_context(LATER)})
    assert "Income and expenditure compared with the year before" in html
    assert '<th scope="col" class="num">2021/22</th>' in html


def test_no_comparison_without_lines_the_year_before(two_years):
    assert finance_context(EARLIER)["last_year"] == []
    html = render_to_string("governance/report/finance.html", {"year": EARLIER, **finance_context(EARLIER)})
    assert "compared with the year before" not in html


def test_the_comparison_costs_the_same_queries_with_more_lines(two_years):
    rbkc, _ = two_years
    finance_context(LATER)
    with CaptureQueriesContext(connection) as few:
        finance_context(LATER)
    for n in range(5):
        ContributionFactory(year=EARLIER, borough=rbkc, amount=Decimal("10.00"))
        ExpenditureLineFactory(year=EARLIER, borough=rbkc, category="training", note=f"Course {n}", amount=Decimal(5))
    with CaptureQueriesContext(connection) as more:
        finance_context(LATER)
    assert len(more) == len(few)
