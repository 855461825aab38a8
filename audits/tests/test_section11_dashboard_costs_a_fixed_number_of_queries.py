"""The cycle dashboard (returns by status and the ratings grid, agency × standard) costs the same number of queries
with ten times the agencies and ratings; so do a partner's return form and the scrutiny page with more standards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audits.selectors.section11 import ratings_grid, returns_by_status
from audits.services.section11 import start_return
from partnership.tests.factories import AgencyFactory

from .factories import ReturnFactory, StandardFactory, StandardResponseFactory, make_cycle


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _add_agencies(cycle, count, status="submitted"):
    for _ in range(count):
        agency = AgencyFactory()
        cycle.agencies.add(agency)
        agency_return = ReturnFactory(cycle=cycle, agency=agency, status=status)
        for standard in cycle.standard_set.standards.all():
            StandardResponseFactory(agency_return=agency_return, standard=standard, rating="partially_met")
    for _ in range(count):
        cycle.agencies.add(AgencyFactory())  # in scope, not started


@pytest.mark.django_db
def test_the_dashboard_costs_the_same_with_ten_times_the_returns(client, manager, django_assert_max_num_queries):
    cycle = make_cycle(standards=2)
    _add_agencies(cycle, 2)
    client.force_login(manager)
    url = reverse("audits:dashboard", args=[cycle.pk])
    client.get(url)  # warm the content-type and session caches
    small = queries_for(client, url)
    _add_agencies(cycle, 20)
    for number in range(3, 12):
        StandardFactory(standard_set=cycle.standard_set, number=number)
    with django_assert_max_num_queries(10):
        assert queries_for(client, url) == small


@pytest.mark.django_db
def test_the_grid_and_the_counts_read_what_was_submitted(django_assert_num_queries):
    cycle = make_cycle(standards=2)
    rated = AgencyFactory(name="A Rated")
    waiting = AgencyFactory(name="B Not Started")
    drafting = AgencyFactory(name="C Drafting")
    cycle.agencies.add(rated, waiting, drafting)
    agency_return = ReturnFactory(cycle=cycle, agency=rated, status="accepted")
    first, second = cycle.standard_set.standards.order_by("number")
    StandardResponseFactory(agency_return=agency_return, standard=first, rating="fully_met")
    StandardResponseFactory(agency_return=agency_return, standard=second, rating="not_met")
    draft = ReturnFactory(cycle=cycle, agency=drafting, status="in_progress")
    StandardResponseFactory(agency_return=draft, standard=first, rating="not_met")  # a draft: not shown
    with django_assert_num_queries(3):
        grid = ratings_grid(cycle)
    assert [(agency.name, label, ratings) for agency, label, ratings in grid.rows] == [
        ("A Rated", "Accepted", ["fully_met", "not_met"]),
        ("B Not Started", "Not started", ["", ""]),
        ("C Drafting", "In progress", ["", ""]),
    ]
    counts = {status: count for status, _, count in returns_by_status(cycle)}
    assert counts == {
        "not_started": 1,
        "in_progress": 1,
        "submitted": 0,
        "under_scrutiny": 0,
        "accepted": 1,
        "returned": 0,
    }


@pytest.mark.django_db
def test_the_return_form_costs_the_same_with_more_standards(client, partner, django_assert_max_num_queries):
    agency = partner.person.agency
    small_cycle = make_cycle(agency, standards=2)
    big_cycle = make_cycle(agency, standards=20)
    small = start_return(cycle=small_cycle, agency=agency, by=partner)
    big = start_return(cycle=big_cycle, agency=agency, by=partner)
    client.force_login(partner)
    client.get(reverse("audits:return", args=[small.pk]))  # warm the caches
    few = queries_for(client, reverse("audits:return", args=[small.pk]))
    with django_assert_max_num_queries(9):
        assert queries_for(client, reverse("audits:return", args=[big.pk])) == few
