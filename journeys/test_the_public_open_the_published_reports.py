"""The public: from the front page, the published annual reports, and one downloaded."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_smoke_home_page_checks(visitor):
    visitor.open_home()
    assert visitor.heading()
