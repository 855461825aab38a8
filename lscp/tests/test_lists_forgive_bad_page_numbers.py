"""A paginated list shows the nearest page for a page number out of range or not a number, never an error."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.views.generic import ListView

from lscp.pagination import ForgivingPaginationMixin


class ChallengeNumbers(ListView):
    paginate_by = 25
    template_name = "unused.html"

    def get_queryset(self):
        return list(range(1, 61))  # three pages: 25, 25 and 10


class ForgivingChallengeNumbers(ForgivingPaginationMixin, ChallengeNumbers):
    pass


def page_shown(view_class, page):
    view = view_class()
    view.setup(RequestFactory().get("/challenges/", {} if page is None else {"page": page}))
    view.object_list = view.get_queryset()
    context = view.get_context_data()
    return context["page_obj"].number, list(context["object_list"])[:1], context["is_paginated"]


@pytest.mark.parametrize(
    ("page", "shown"),
    [(None, 1), ("2", 2), ("abc", 1), ("", 1), ("-1", 3), ("0", 3), ("99999", 3), ("3", 3)],
)
def test_a_bad_page_number_shows_the_nearest_page(page, shown):
    number, first_row, paginated = page_shown(ForgivingChallengeNumbers, page)
    assert number == shown
    assert first_row == [(shown - 1) * 25 + 1]
    assert paginated


def test_without_it_the_same_address_is_an_error_page():
    with pytest.raises(Http404):
        page_shown(ChallengeNumbers, "abc")
