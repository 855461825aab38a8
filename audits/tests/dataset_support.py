"""What the data set tests share (no tests here): two boroughs and a few indicators, one counted by category."""

from decimal import Decimal

from audits.models import IndicatorCategory
from audits.tests.factories import IndicatorFactory
from partnership.tests.factories import LocalAuthorityFactory

HEADINGS = ["Indicator", "Borough code", "Period", "Category", "Value", "London", "England"]


def make_data_set():
    lado = IndicatorFactory(name="LADO allegations by outcome", unit="count", source="LADO")
    for order, name in enumerate(["Unfounded", "Unsubstantiated", "Substantiated"]):
        IndicatorCategory.objects.create(indicator=lado, name=name, order=order)
    return {
        "rbkc": LocalAuthorityFactory(name="Kensington and Chelsea", code="RBKC"),
        "wcc": LocalAuthorityFactory(name="Westminster", code="WCC"),
        "cin": IndicatorFactory(name="Children in need", unit="count", tolerance_percent=Decimal("10")),
        "fsm": IndicatorFactory(name="Pupils eligible for free school meals", unit="percentage"),
        "lado": lado,
    }
