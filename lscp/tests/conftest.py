import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The demo records are loaded (the partnership, its governance records, the 2022/23 report, the logins)."""
    call_command("load_demo", allow_without_debug=True, stdout=io.StringIO())
