"""The admin's lists of delegates and people, which grow by thousands, read their first page from an index in the
list's own order rather than sorting every row for it: at ten years of records, sorting 20,000 delegates took 20 ms
at every opening of the list."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test import RequestFactory

from partnership.models import Person
from partnership.tests.factories import AgencyFactory
from training.models import Delegate

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(db):
    """Enough rows, counted by the planner, that sorting them all costs more than the index."""
    agency = AgencyFactory()
    Delegate.objects.bulk_create(
        Delegate(name=f"Delegate {n:05}", email=f"d{n}@example.org", agency=agency, sector=agency.sector)
        for n in range(3000)
    )
    Person.objects.bulk_create(
        Person(name=f"Person {n:05}", email=f"p{n}@example.org", agency=agency) for n in range(3000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE training_delegate")
        cursor.execute("ANALYZE partnership_person")


def first_page_plan(model, user):
    request = RequestFactory().get("/")
    request.user = user
    cl = admin.site._registry[model].get_changelist_instance(request)
    sql, params = cl.queryset[: cl.list_per_page].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("model", "index"), [(Delegate, "training_delegate_by_name"), (Person, "partnership_person_by_name")]
)
def test_the_first_page_is_read_from_the_lists_order_index(many, manager, model, index):
    plan = first_page_plan(model, manager)
    assert index in plan, plan
