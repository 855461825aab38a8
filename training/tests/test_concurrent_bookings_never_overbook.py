"""Several people booking the last places of one session at the same moment never take more than its capacity plus
its overbooking allowance: each booking locks the session's row in PostgreSQL before counting the places, so the
bookers are served one after the other and the rest go on the waiting list. Real threads, real connections."""

import threading

import pytest
from django.db import connection

from training.models import PLACE_STATUSES, Booking, BookingStatus
from training.services.bookings import book_place
from training.tests.factories import BookingFactory, CourseSessionFactory, place_details

BOOKERS = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookers_of_the_last_places_never_exceed_capacity_plus_allowance():
    session = CourseSessionFactory(capacity=4, overbooking_allowance=1)
    BookingFactory.create_batch(3, session=session)  # two places left: one of the capacity, one of the allowance
    start = threading.Barrier(BOOKERS)
    outcomes, failures = [], []

    def book(number):
        try:
            start.wait()
            booking = book_place(
                session=session, **place_details(name=f"Booker {number}", email=f"booker{number}@example.org")
            )
            outcomes.append(booking.status)
        except Exception as error:  # reported below, so a failing thread fails the test
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(number,)) for number in range(BOOKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not failures
    assert sorted(outcomes).count(BookingStatus.BOOKED) == 2
    assert sorted(outcomes).count(BookingStatus.WAITING_LIST) == BOOKERS - 2
    assert Booking.objects.filter(session=session, status__in=PLACE_STATUSES).count() == 5
    assert Booking.objects.filter(session=session, status=BookingStatus.WAITING_LIST).count() == BOOKERS - 2
