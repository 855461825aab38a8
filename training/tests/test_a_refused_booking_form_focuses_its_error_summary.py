"""A booking form sent with problems comes back with its error summary (id="error-summary", focusable) and the
script that moves the keyboard and screen-reader focus to it, as the staff forms do; the public team booking form
and the evaluation form too. Scripts are static files: no inline script."""

import pytest
from django.urls import reverse

from training.tests.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["training:book", "training:book_team"])
def test_the_refused_form_loads_the_focus_script_with_its_summary(client, name):
    page = client.post(reverse(name, kwargs={"pk": CourseSessionFactory().pk}), {}).content.decode()
    assert 'id="error-summary"' in page and 'tabindex="-1"' in page
    assert 'src="/static/js/error-summary.js"' in page
    assert "<script>" not in page
