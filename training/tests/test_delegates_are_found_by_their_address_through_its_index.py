"""A delegate is looked up by work e-mail on every public booking and every practitioner's home page. With 20,000
delegates an `iexact` lookup (upper-cased on both sides) reads them all; the lookups compare lower-cased addresses,
which the index keeping addresses unique whatever their capitals serves."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from training.models import Delegate
from training.selectors.practitioner import practitioner_bookings
from training.tests.factories import BookingFactory, DelegateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def many_delegates():
    """Enough delegates, counted by the planner, that reading them all or all of their primary key's index costs
    more than the address's index: on a table of a few rows the planner's choice between those is a toss-up."""
    agency = DelegateFactory().agency
    Delegate.objects.bulk_create(
        Delegate(
            name=f"Delegate {n}",
            email=f"colleague{n}@example.org",
            agency=agency,
            sector=agency.sector,
            job_role="Social worker",
            line_manager_email="manager@example.org",
        )
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE training_delegate")


def _plan(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the bookings' tables stay small: read whole anyway
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_delegate_is_found_whatever_the_capitals_of_the_address_typed():
    delegate = DelegateFactory(email="Sam.Practitioner@Example.org")
    assert list(Delegate.objects.with_email("sam.practitioner@EXAMPLE.ORG")) == [delegate]
    assert not Delegate.objects.with_email("someone.else@example.org").exists()


def test_the_lookup_by_address_reads_the_index_not_every_delegate():
    DelegateFactory(email="sam.practitioner@example.org")
    plan = _plan(*Delegate.objects.with_email("SAM.practitioner@example.org").query.sql_with_params())
    assert "training_delegate_email_unique_ci" in plan, plan


def test_a_practitioners_home_finds_their_bookings_through_the_index():
    booking = BookingFactory(
        delegate__email="Sam.Practitioner@example.org", session__starts_at=timezone.now() + timedelta(days=7)
    )
    with CaptureQueriesContext(connection) as queries:
        coming, attended = practitioner_bookings(email="sam.practitioner@example.org")
    assert coming == [booking] and attended == []
    assert len(queries) == 2
    for query in queries:
        assert "training_delegate_email_unique_ci" in _plan(query["sql"]), query["sql"]
