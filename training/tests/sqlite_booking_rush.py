"""Twenty people book places on one session at the same moment, on the demo's database: an SQLite file.

Run as its own process by `test_sqlite_demo_waits_for_simultaneous_bookings_instead_of_failing.py`, with
DATABASE_URL naming an empty SQLite file: it migrates the file, makes one session, and posts the public booking form
from twenty threads at once (each with its own connection, as runserver's threads have). Prints one JSON line: the
status of each response and the errors of those that failed.
"""

import json
import os
import sys
import threading
import traceback
from pathlib import Path

BOOKERS = 20


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscp.settings")
    import django

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from training.tests.factories import CourseSessionFactory, place_details

    # The tables straight from the models (as the suite's own database is made): applying every migration one by one
    # on SQLite would take minutes, and what is tested is the connection's settings, not the schema's history.
    settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    session = CourseSessionFactory(capacity=BOOKERS)
    connection.close()
    url = reverse("training:book", kwargs={"pk": session.pk})
    start = threading.Barrier(BOOKERS)
    statuses, errors = [], []

    def book(number):
        client = Client(raise_request_exception=False)
        data = {
            key: ("" if value is None else value)
            for key, value in place_details(name=f"Booker {number}", email=f"booker{number}@example.org").items()
        }
        try:
            start.wait()
            response = client.post(url, data, REMOTE_ADDR=f"192.0.2.{number + 1}")
            statuses.append(response.status_code)
            if response.status_code >= 500:
                error = getattr(response, "exc_info", None)
                errors.append(repr(error[1]) if error else response.content.decode()[:300])
        except Exception:  # reported, so that the test shows it
            errors.append(traceback.format_exc())
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(number,)) for number in range(BOOKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    from training.models import Booking

    print(json.dumps({"statuses": statuses, "errors": errors, "bookings": Booking.objects.count()}))


if __name__ == "__main__":
    main()
